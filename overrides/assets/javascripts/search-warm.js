/*
 * Warm search up as soon as a reader shows they are about to search (the
 * search box gets focus, or the dialog opens with "/", "s" or a tap): the
 * search worker (search-worker.js) is told to start Pagefind, which fetches
 * its script, its language's metadata and its WebAssembly and compiles it
 * while the reader types. A page view that never searches downloads nothing.
 *
 * Material creates the worker and keeps it to itself, so the message goes
 * over a BroadcastChannel, which the worker listens to; it carries the
 * page's language, and a worker of the other language ignores it. Where
 * BroadcastChannel is missing, the same files are fetched into the HTTP
 * cache instead, for the worker to find there.
 */
(function () {
  "use strict";
  var CHANNEL = "hb-search-warm";
  var warmed = false;

  function prefetch(lang) {
    var config = JSON.parse(document.getElementById("__config").textContent);
    var base = new URL("pagefind/", new URL(config.base, window.location.href));
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

  function warm() {
    if (warmed) {
      return;
    }
    warmed = true;
    var lang = document.documentElement.lang;
    if (typeof BroadcastChannel === "undefined") {
      prefetch(lang);
      return;
    }
    var channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ warm: lang });
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
