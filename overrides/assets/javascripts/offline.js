/*
 * Offline reading and printing, the page's side.
 *
 * - Registers the service worker, once the page has loaded and the main
 *   thread is idle (sw.js at the site root, written by
 *   scripts/outputs/offline.py) where the build wrote one: hb-core.js knows its
 *   address (hb.worker) only in `make build` output, never in `make serve`,
 *   where a worker would serve stale files while you edit (a preview also
 *   unregisters this site's worker left over from a build served at the
 *   same address). One registration per site: this site's worker registered
 *   at any other scope (an earlier 404 page used "/<repo>//") is removed;
 *   other sites' workers on the origin are never touched.
 * - When a worker takes control of the page (the first visit, or a new
 *   build), asks it to keep this page, which it did not see load.
 * - The home page's "offline and print" block: the PDF and EPUB links with
 *   their sizes (from downloads/downloads.json, written by `make pdf` and
 *   `make epub`; without it the links stay hidden, and past 10 MB a book
 *   comes as volumes), and "save for offline" with progress, size and undo.
 *   Remove is offered whenever a copy of the language is stored (saved, or
 *   left by a save the browser cut short); a failed save is rolled back by
 *   the worker and the reason said in the reader's language.
 * - Printing: every folded box (<details>) is opened for the printout and
 *   closed again afterwards; a dark palette prints as the light one. The
 *   home block's print button calls window.print() (wired here: the CSP
 *   allows no inline handlers).
 */
(function () {
  "use strict";

  /* Printing: unfold, print dark pages light, then restore. */
  var unfolded = [];
  var scheme = null;
  window.addEventListener("beforeprint", function () {
    unfolded = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (box) {
      box.open = true;
      return true;
    });
    scheme = document.body.getAttribute("data-md-color-scheme");
    document.body.setAttribute("data-md-color-scheme", "default");
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (box) { box.open = false; });
    unfolded = [];
    if (scheme) {
      document.body.setAttribute("data-md-color-scheme", scheme);
    }
  });

  var hb = window.hb;
  var lang = document.documentElement.lang;
  var siteRoot = hb.siteRoot;
  var block = document.querySelector(".hb-offline");
  var t = {};

  function megabytes(bytes) {
    return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " KB";
  }

  /* One book's line, once `make books` has listed it (downloads.json): one
     file, or past 10 MB volumes (`volumes`: file, title, bytes). */
  function showBook(kind, entry, size) {
    if (!entry || !(entry.file || entry.volumes)) {
      return;
    }
    var line = block.querySelector(".hb-offline__" + kind);
    var link = line.querySelector(".hb-offline__" + kind + "-link");
    line.querySelector(".hb-offline__" + kind + "-size").textContent = size;
    if (entry.file) {
      link.href = new URL("downloads/" + entry.file, siteRoot).href;
    } else {
      link.removeAttribute("href");
      link.removeAttribute("download");
      line.appendChild(document.createTextNode(" " + t.volumes));
      entry.volumes.forEach(function (volume, index) {
        var a = document.createElement("a");
        a.href = new URL("downloads/" + volume.file, siteRoot).href;
        a.setAttribute("download", "");
        a.textContent = volume.title + " (" + megabytes(volume.bytes) + ")";
        line.appendChild(document.createTextNode(index ? " · " : ""));
        line.appendChild(a);
      });
    }
    line.hidden = false;
  }

  /* The PDF book (the language's entry) and the EPUB book (its `epub`). */
  function showBooks() {
    fetch(new URL("downloads/downloads.json", siteRoot)).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (books) {
      var entry = books[lang] || {};
      showBook("pdf", entry, hb.format(t.pdf_size, { size: megabytes(entry.bytes), pages: entry.pages }));
      showBook("epub", entry.epub, hb.format(t.epub_size, { size: megabytes((entry.epub || {}).bytes) }));
    }).catch(function () { /* offline, or no books in this build */ });
  }

  /* This site's worker registered at a scope other than the site root. */
  function isStray(registration) {
    var script = registration.active || registration.waiting || registration.installing;
    return script && script.scriptURL === hb.worker.href && registration.scope !== siteRoot.href;
  }

  function register() {
    if (!("serviceWorker" in navigator)) {
      return false;
    }
    if (!hb.worker) {
      navigator.serviceWorker.getRegistrations().then(function (registrations) {
        registrations.forEach(function (registration) {
          var script = registration.active || registration.waiting || registration.installing;
          if (script && script.scriptURL === new URL("sw.js", siteRoot).href) {
            registration.unregister();
          }
        });
      });
      return false;
    }
    navigator.serviceWorker.register(hb.worker.href, { scope: siteRoot.pathname, updateViaCache: "none" })
      .catch(function (error) { console.warn("offline reading is unavailable:", error); });
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.filter(isStray).forEach(function (registration) { registration.unregister(); });
    });
    /* Ask the worker to keep this page, which it did not see load: when no
       worker served it (the first visit, or a navigation under way while a
       worker took over, which Chromium may leave uncontrolled), and when a
       new build's worker takes control. */
    function visit(active) {
      if (active) {
        active.postMessage({ type: "visit", url: window.location.href });
      }
    }
    var navigation = window.performance.getEntriesByType("navigation")[0];
    if (navigation && !navigation.workerStart) {
      worker().then(visit);
    }
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      visit(navigator.serviceWorker.controller);
    });
    return true;
  }

  function worker() {
    return navigator.serviceWorker.ready.then(function (registration) { return registration.active; });
  }

  function ask(message) {
    return worker().then(function (active) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        active.postMessage(message, [channel.port2]);
      });
    });
  }

  /* "Save for offline": save, progress, remove, and what went wrong. */
  function saveControls() {
    var panel = block.querySelector(".hb-offline__save");
    var saveButton = block.querySelector("#offline-save");
    var removeButton = block.querySelector("#offline-remove");
    var progress = block.querySelector(".hb-offline__progress");
    var status = block.querySelector(".hb-offline__status");
    var total = 0;

    function show(state) {
      saveButton.textContent = hb.format(t.save, { size: megabytes(state.total || total) });
      saveButton.hidden = !!state.saved;
      saveButton.disabled = !!state.saving;
      removeButton.hidden = !(state.saved || state.partial);
      progress.hidden = !state.saving;
    }

    function paint(state) {
      if (state.error) {
        status.textContent = t.unavailable;
        return;
      }
      total = state.total;
      show(state);
      status.textContent = state.saved ? hb.format(t.saved, { size: megabytes(state.total) })
        : state.partial ? t.partial : "";
      panel.hidden = false;
    }

    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.lang !== lang) {
        return;
      }
      if (data.type === "progress") {
        show({ saving: true, total: data.total });
        progress.max = data.files;
        progress.value = data.done;
        status.textContent = hb.format(t.saving, { done: data.done, total: data.files, size: megabytes(data.total) });
      } else if (data.type === "saved") {
        paint({ saved: true, total: data.bytes });
      } else if (data.type === "removed") {
        paint({ saved: false, total: total });
        status.textContent = t.removed;
      } else if (data.type === "failed") {
        show({ saved: false, total: total });
        status.textContent = t["failed_" + data.reason] || t.failed;
      }
    });

    saveButton.addEventListener("click", function () {
      show({ saving: true, total: total });
      progress.value = 0;
      worker().then(function (active) { active.postMessage({ type: "save", lang: lang }); });
    });
    removeButton.addEventListener("click", function () {
      worker().then(function (active) { active.postMessage({ type: "remove", lang: lang }); });
    });

    ask({ type: "status", lang: lang }).then(paint);
  }

  /* Registration waits for the page to load and the main thread to idle:
     the worker's start-up and its first fetches do not compete with the
     page's own (no long task at load on a phone). */
  var registered = "serviceWorker" in navigator && !!hb.worker;
  function registerWhenIdle() {
    (window.requestIdleCallback || function (work) { window.setTimeout(work, 1); })(register, { timeout: 3000 });
  }
  if (document.readyState === "complete") {
    registerWhenIdle();
  } else {
    window.addEventListener("load", registerWhenIdle);
  }
  if (block) {
    block.querySelectorAll(".hb-offline__print-button").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    hb.strings().then(function (strings) {
      t = strings.offline;
      showBooks();
      if (registered) {
        saveControls();
      }
    });
  }
})();
