/*
 * Search on the page side, around Material's dialog (which stays Material's).
 *
 * Warm-up: as soon as a reader shows they are about to search (the search
 * box gets focus, or the dialog opens with "/", "s" or a tap), the search
 * worker (search-worker.js) is told to start Pagefind, which fetches its
 * script, its language's metadata and its WebAssembly and compiles it while
 * the reader types. A page view that never searches downloads nothing.
 * Material creates the worker and keeps it to itself, so the message goes
 * over a BroadcastChannel, which the worker listens to; it carries the
 * page's language, and a worker of the other language ignores it. A browser
 * without BroadcastChannel simply starts Pagefind on the first query.
 *
 * Messages: Material's result list can only hold results, so the worker
 * sends two messages as a result marked `.hb-search-note`. "elsewhere" (no
 * page here holds the query, some in the other language do) stays in the
 * list as the link to that language's search, and the count above the list
 * says "no matching documents" instead of "1 matching document". "error"
 * (the index could not be downloaded) is not a link to anything: its text
 * takes the place of the count, as an error, and the item goes.
 */
(function () {
  "use strict";
  var warmed = false;

  function warm() {
    if (warmed || typeof BroadcastChannel === "undefined") {
      return;
    }
    warmed = true;
    var channel = new BroadcastChannel("hb-search-warm");
    channel.postMessage({ warm: document.documentElement.lang });
    channel.close();
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

  function none() {
    try {
      return JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
    } catch (error) {
      return "";
    }
  }

  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  if (!list || !meta || typeof MutationObserver === "undefined") {
    return;
  }
  new MutationObserver(function () {
    var note = list.querySelector(".hb-search-note");
    if (!note) {
      meta.classList.remove("hb-search-error");
      meta.removeAttribute("role");
      return;
    }
    if (note.getAttribute("data-kind") === "error") {
      meta.textContent = note.parentNode.textContent;
      meta.classList.add("hb-search-error");
      meta.setAttribute("role", "alert");
      var item = note.closest(".md-search-result__item");
      if (item) {
        item.remove();
      }
    } else {
      meta.textContent = none();
      meta.classList.remove("hb-search-error");
      meta.removeAttribute("role");
    }
  }).observe(list, { childList: true });
})();
