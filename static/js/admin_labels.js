// Name the admin's controls that Django leaves unnamed, so a screen reader says which field
// each is: the autocomplete fields (select2) after their field's label, and the fields of
// a tabular inline's rows after their column's heading.
"use strict";
{
  const SELECT2_CONTROLS = '[role="combobox"], [role="textbox"], .select2-search__field';

  function columnName(cell) {
    const column = [...cell.classList].find((name) => name.startsWith("field-"));
    const table = cell.closest("table");
    const heading = column && table.querySelector(`th.column-${column.slice(6)}`);
    return heading ? heading.textContent.trim() : "";
  }

  function fieldName(field) {
    const label = field.id && document.querySelector(`label[for="${field.id}"]`);
    if (label) {
      return label.textContent.replace(/:\s*$/, "").trim();
    }
    const cell = field.closest(".tabular td");
    return cell ? columnName(cell) : "";
  }

  function name(control, text) {
    if (text && control.getAttribute("aria-label") !== text) {
      control.removeAttribute("aria-labelledby");
      control.setAttribute("aria-label", text);
    }
  }

  function nameControls() {
    document.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const container = select.nextElementSibling;
      if (container && container.classList.contains("select2")) {
        const text = fieldName(select);
        container.querySelectorAll(SELECT2_CONTROLS).forEach((control) => name(control, text));
      }
    });
    document.querySelectorAll(".tabular td input, .tabular td select, .tabular td textarea")
      .forEach((field) => {
        const labelled = field.id && document.querySelector(`label[for="${field.id}"]`);
        if (field.type !== "hidden" && !labelled && !field.hasAttribute("aria-label")) {
          name(field, fieldName(field));
        }
      });
  }

  function start() {
    nameControls();
    // select2 redraws its controls as people choose, and inlines add rows: name those too.
    new MutationObserver(nameControls).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    window.addEventListener("DOMContentLoaded", () => window.setTimeout(start));
  } else {
    window.setTimeout(start);
  }
}
