// The library's search form: a new "Sort by" choice applies at once (the form's Sort button
// does the same without JavaScript), and the filters' disclosure stays open on wide screens,
// where the filters sit beside the results.
"use strict";
{
  for (const select of document.querySelectorAll("select[data-submit-on-change]")) {
    const button = select.form && select.form.querySelector("[data-submit-on-change-button]");
    if (button) {
      button.hidden = true;
    }
    select.addEventListener("change", () => select.form.requestSubmit());
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
