/*
 * Warm the search index as soon as a reader shows they are about to search
 * (the search box gets focus, or the dialog opens with "/", "s" or a tap):
 * the files Pagefind needs before any query (its script, its language's
 * entry and metadata, its WebAssembly) are fetched into the browser's cache
 * while the reader types, so the search worker (search-worker.js) finds
 * them there. A page view that never searches downloads nothing.
 */
(function () {
  "use strict";
  var warmed = false;

  function warm() {
    if (warmed) {
      return;
    }
    warmed = true;
    var config = JSON.parse(document.getElementById("__config").textContent);
    var base = new URL("pagefind/", new URL(config.base, window.location.href));
    var lang = document.documentElement.lang;
    fetch(new URL("pagefind.js", base)).catch(function () {});
    fetch(new URL("pagefind-entry.json", base)).then(function (response) {
      return response.json();
    }).then(function (entry) {
      var info = (entry.languages || {})[lang];
      if (info) {
        fetch(new URL("pagefind." + info.hash + ".pf_meta", base)).catch(function () {});
        fetch(new URL("wasm." + (info.wasm || "unknown") + ".pagefind", base)).catch(function () {});
      }
    }).catch(function () {});
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) {
      warm();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) {
      warm();
    }
  });
})();
