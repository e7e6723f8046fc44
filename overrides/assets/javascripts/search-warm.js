/*
 * Warm search up as soon as a reader shows they are about to search (the
 * search box gets focus, or the dialog opens with "/", "s" or a tap): the
 * search worker (search-worker.js) is told to start Pagefind, which fetches
 * its script, its language's metadata and its WebAssembly and compiles it
 * while the reader types. A page view that never searches downloads nothing.
 *
 * Material creates the worker and keeps it to itself, so the message goes
 * over a BroadcastChannel, which the worker listens to; it carries the
 * page's language, and a worker of the other language ignores it. A browser
 * without BroadcastChannel simply starts Pagefind on the first query.
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
})();
