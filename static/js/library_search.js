// The library's search form: a "Sort by" choice picked from the list applies at once (the
// form's Sort button does the same without JavaScript), and the filters' disclosure stays
// open on wide screens, where the filters sit beside the results.
//
// A keyboard changes a closed list at each arrow key: that must not reload the page at every
// step (WCAG 3.2.2). A choice made by keys waits for Enter or the Sort button, shown again.
"use strict";
{
  const STEP_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End",
    "PageUp", "PageDown"]);
  for (const select of document.querySelectorAll("select[data-submit-on-change]")) {
    const button = select.form && select.form.querySelector("[data-submit-on-change-button]");
    if (button) {
      button.hidden = true;
    }
    let byKeys = false;
    // A key that changed nothing (the last option already chosen) does not make the next
    // pick with the pointer a keyboard one.
    select.addEventListener("pointerdown", () => {
      byKeys = false;
    });
    select.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        select.form.requestSubmit();
      } else if (STEP_KEYS.has(event.key) || event.key.length === 1) {
        byKeys = true;
      }
    });
    select.addEventListener("change", () => {
      if (byKeys) {
        byKeys = false;
        if (button) {
          button.hidden = false;
        }
        return;
      }
      select.form.requestSubmit();
    });
  }

  const wide = window.matchMedia("(min-width: 56rem)");
  function openOnWide() {
    for (const details of document.querySelectorAll("details[data-open-wide]")) {
      if (wide.matches) {
        details.open = true;
      }
    }
  }
  openOnWide();
  wide.addEventListener("change", openOnWide);
}
