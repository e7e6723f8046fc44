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
 * takes the place of the count, as an error, and the item goes; when the
 * browser is back online, the query is sent again.
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
  /* What the count line should say while a message is shown (Material may
     write its count after the list, so both are watched). */
  var wanted = null;

  function show() {
    if (wanted === null) {
      meta.classList.remove("hb-search-error");
      meta.removeAttribute("role");
    } else if (meta.textContent !== wanted.text) {
      meta.textContent = wanted.text;
    }
    if (wanted && wanted.error) {
      meta.classList.add("hb-search-error");
      meta.setAttribute("role", "alert");
    }
  }

  new MutationObserver(function () {
    var note = list.querySelector(".hb-search-note");
    if (!note) {
      if (list.children.length) {
        wanted = null;
      }
    } else if (note.getAttribute("data-kind") === "error") {
      wanted = { text: note.parentNode.textContent, error: true };
      var item = note.closest(".md-search-result__item");
      if (item) {
        item.remove();
      }
    } else {
      wanted = { text: none(), error: false };
    }
    show();
  }).observe(list, { childList: true });
  new MutationObserver(show).observe(meta, { childList: true, characterData: true, subtree: true });
  /* Back online after an error: ask again. Material sends a query only when
     the text changes, so the text changes twice (a space added, then gone). */
  window.addEventListener("online", function () {
    var input = document.querySelector(".md-search__input");
    if (!wanted || !wanted.error || !input || !input.value) {
      return;
    }
    var value = input.value;
    input.value = value + " ";
    input.dispatchEvent(new KeyboardEvent("keyup"));
    input.value = value;
    input.dispatchEvent(new KeyboardEvent("keyup"));
  });
  /* A new query clears the message (Material keeps the list until results come). */
  document.addEventListener("keyup", function (event) {
    if (wanted && event.target && event.target.matches && event.target.matches(".md-search__input")) {
      wanted = null;
      show();
    }
  });
})();
