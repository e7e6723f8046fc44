/*
 * Keep the reader's place when switching language.
 *
 * The language menu already links to the same page in the other language
 * (mkdocs-static-i18n), and every heading has the same id in both languages,
 * so carrying the current #anchor over lands the reader on the same section.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (link && window.location.hash) {
      link.href = link.href.split("#")[0] + window.location.hash;
    }
  }, true);
})();
