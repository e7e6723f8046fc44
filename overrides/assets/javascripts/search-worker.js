/*
 * Search worker: Pagefind behind Material's search protocol.
 *
 * Material's search UI (the dialog, its shortcuts, the result list and its
 * markup) talks to a web worker with four messages: SETUP (0) with the
 * contents of search/search_index.json, READY (1), QUERY (2) with the typed
 * text, RESULT (3) with result groups. overrides/main.html points Material
 * at this file instead of its lunr worker; this file answers the same
 * messages from this language's Pagefind index (<language root>/pagefind/,
 * written by scripts/search.py), which the browser downloads in small chunks
 * on the first query instead of whole on every page load.
 *
 * A result group is the page followed by its sections (headings with an id);
 * sections whose heading matches the query are shown, the others are folded
 * under Material's "N more on this page".
 */
/* global importScripts */
"use strict";

var SETUP = 0;
var READY = 1;
var QUERY = 2;
var RESULT = 3;
var MAX_RESULTS = 25;

var pagefind = null;
var latest = 0;

function load() {
  if (!pagefind) {
    var url = new URL("../../pagefind/pagefind.js", self.location.href).href;
    pagefind = import(url).then(function (module) {
      return module.options({ excerptLength: 24 }).then(function () {
        return module.init();
      }).then(function () {
        return module;
      });
    });
  }
  return pagefind;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
  });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* The words of a query as Material shows them ("missing terms", ?h=). */
function terms(query) {
  return query.split(/\s+/).filter(Boolean);
}

function mark(text, words) {
  var html = escapeHtml(text);
  if (!words.length) {
    return html;
  }
  var pattern = new RegExp("(" + words.map(function (w) {
    return escapeRegExp(escapeHtml(w));
  }).join("|") + ")", "gi");
  return html.replace(pattern, "<mark>$1</mark>");
}

function matches(text, words) {
  var lower = String(text).toLowerCase();
  return words.some(function (w) {
    return lower.indexOf(w.toLowerCase()) >= 0;
  });
}

/* Pagefind URLs start at the language root ("/ai-painting/dreambooth/");
   Material resolves locations against that root. */
function relativeUrl(url) {
  return url.replace(/^\//, "");
}

function group(data, score, words) {
  var found = {};
  words.forEach(function (w) { found[w] = true; });
  var page = {
    location: relativeUrl(data.url),
    title: mark(data.meta.title || data.url, words),
    text: data.excerpt,
    score: score,
    terms: found
  };
  var sections = (data.sub_results || []).filter(function (sub) {
    return sub.url.indexOf("#") > 0 && sub.url !== data.url && sub.anchor && sub.anchor.element !== "h1";
  }).map(function (sub) {
    return {
      location: relativeUrl(sub.url),
      title: mark(sub.title, words),
      text: sub.excerpt,
      /* Sections whose heading names the query stay visible; others fold. */
      score: matches(sub.title, words) ? score : score / 2,
      terms: found
    };
  });
  return [page].concat(sections);
}

function search(query) {
  var words = terms(query);
  if (!words.length) {
    return Promise.resolve({ items: [] });
  }
  return load().then(function (module) {
    return module.search(query);
  }).then(function (response) {
    var results = (response && response.results) || [];
    return Promise.all(results.slice(0, MAX_RESULTS).map(function (result) {
      return result.data().then(function (data) {
        return group(data, result.score, words);
      });
    }));
  }).then(function (items) {
    return { items: items };
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    /* Pagefind loads lazily, on the first query: a page view that never
       searches downloads nothing. */
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    search(String(message.data || "").trim()).then(function (data) {
      if (id === latest) {
        self.postMessage({ type: RESULT, data: data });
      }
    }, function (error) {
      console.warn("search failed:", error);
      if (id === latest) {
        self.postMessage({ type: RESULT, data: { items: [] } });
      }
    });
  }
});
