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
var MAX_RESULTS = 50;

var pagefind = null;
var latest = 0;
var language = "unknown";

/* Pagefind segments a query with the rules of the page's language, which it
   reads from <html lang>. A worker has no document, so Pagefind would fall
   back to "unknown" and split Chinese queries into the wrong words; this
   answers its one question with the language from search_index.json. */
function tellPagefindTheLanguage() {
  if (typeof self.document === "undefined") {
    self.document = {
      querySelector: function (selector) {
        return selector === "html" ? { getAttribute: function () { return language; } } : null;
      }
    };
  }
}

function load() {
  if (!pagefind) {
    tellPagefindTheLanguage();
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
    title: mark(unspaced(data.meta.title || data.url), words),
    text: unspaced(data.excerpt),
    score: score,
    terms: found
  };
  var sections = (data.sub_results || []).filter(function (sub) {
    return sub.url.indexOf("#") > 0 && sub.url !== data.url && sub.anchor && sub.anchor.element !== "h1";
  }).map(function (sub) {
    return {
      location: relativeUrl(sub.url),
      title: mark(unspaced(sub.title), words),
      text: unspaced(sub.excerpt),
      /* Sections whose heading names the query stay visible; others fold. */
      score: matches(sub.title, words) ? score : score / 2,
      terms: found
    };
  });
  return [page].concat(sections);
}

/* Chinese is indexed one character per word (scripts/search.py): a run of
   Han characters in the query becomes those characters, spaced. */
var HAN_PAIR = /(\p{sc=Han})(?=\p{sc=Han})/gu;

function spaced(text) {
  return language === "zh" ? text.replace(HAN_PAIR, "$1 ") : text;
}

/* Titles and excerpts come back spaced too; join the characters again (and
   the highlights that Pagefind put around each one). */
function unspaced(html) {
  if (language !== "zh") {
    return html;
  }
  return String(html)
    .replace(/(\p{sc=Han}(?:<\/mark>)?)\s+(?=(?:<mark>)?\p{sc=Han})/gu, "$1")
    .replace(/<\/mark><mark>/g, "");
}

/* The searches run for one query, best first: the exact phrase (a run of
   Chinese characters only matches where they stand together; English words
   where they follow each other), then an identifier split into its parts
   ("trial.suggest_float" -> "trial suggest_float"), then every word on its
   own. A page that merely contains the words far apart can otherwise
   outrank the page about the phrase. */
function variants(query) {
  var list = [];
  var loose = spaced(query);
  if (loose.split(/\s+/).length > 1) {
    list.push("\"" + loose + "\"");
  }
  var parts = query.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[.]+/g, " ").trim();
  if (parts !== query && parts) {
    list.push("\"" + spaced(parts) + "\"");
  }
  list.push(loose);
  return list;
}

/* Phrase searches are cheap; searching every word on its own is not when the
   words are common (each Chinese character is a word), and neither is a
   plain search for a word on many pages (Pagefind also tries its other
   forms: 24 ms against 9 for a word on 1,500 pages). So when the exact
   phrase, or the exact word, already matches many pages, those are ranked by
   how often it occurs and the wider search, which would only add pages
   below them, is skipped. With fewer matches the wider search runs as
   before (for a single word, on its own: its ranking is Pagefind's). */
var ENOUGH = 40;

function rank(module, query) {
  var list = variants(query);
  var single = list.length === 1;  /* one word: variants() adds a phrase for more */
  var first = module.search(single ? "\"" + list[0] + "\"" : list[0]);
  return Promise.resolve(first).then(function (phrase) {
    var hits = phrase && phrase.results ? phrase.results : [];
    if (hits.length >= ENOUGH) {
      return hits.slice().sort(function (a, b) { return b.words.length - a.words.length; });
    }
    if (single) {
      phrase = null;  /* a few exact matches: Pagefind's own ranking of the plain search */
    }
    return Promise.all(list.slice(phrase ? 1 : 0).map(function (variant) {
      return module.search(variant);
    })).then(function (rest) {
      return merge(phrase ? [phrase].concat(rest) : rest);
    });
  });
}

/* Pages matching an earlier (stricter) variant first; within the same
   variant, Pagefind's relevance order from the plain search (the last one). */
function merge(responses) {
  var loose = responses[responses.length - 1].results || [];
  var position = {};
  loose.forEach(function (result, index) { position[result.id] = index; });
  var best = {};
  var byId = {};
  responses.forEach(function (response, tier) {
    ((response && response.results) || []).forEach(function (result, index) {
      byId[result.id] = result;
      if (!(result.id in best)) {
        best[result.id] = [tier, result.id in position ? position[result.id] : 1000 + index];
      }
    });
  });
  return Object.keys(best).sort(function (a, b) {
    return best[a][0] - best[b][0] || best[a][1] - best[b][1];
  }).map(function (id) { return byId[id]; });
}

/* Material renders the first ten groups at once and more as the reader
   scrolls, so results arrive in two batches: the first ten (only their
   fragments are downloaded before anything is shown), then the rest. */
var FIRST_BATCH = 10;

function load_groups(results, words, offset) {
  return Promise.all(results.map(function (result, index) {
    return result.data().then(function (data) {
      /* Material shows groups in the order given; the score only decides
         which sections of a page stay unfolded. */
      return group(data, MAX_RESULTS - offset - index, words);
    });
  }));
}

function search(query, post) {
  var words = terms(query);
  if (!words.length) {
    post({ items: [] });
    return Promise.resolve();
  }
  return load().then(function (module) {
    return rank(module, query);
  }).then(function (ranked) {
    ranked = ranked.slice(0, MAX_RESULTS);
    return load_groups(ranked.slice(0, FIRST_BATCH), words, 0).then(function (head) {
      post({ items: head });
      if (ranked.length <= FIRST_BATCH) {
        return null;
      }
      return load_groups(ranked.slice(FIRST_BATCH), words, FIRST_BATCH).then(function (tail) {
        post({ items: head.concat(tail) });
      });
    });
  });
}

/* search-warm.js asks for Pagefind as soon as the reader focuses the search
   box, so its files are fetched and its WebAssembly compiled while they type. */
if (typeof BroadcastChannel !== "undefined") {
  new BroadcastChannel("hb-search-warm").addEventListener("message", function (event) {
    if (event.data && event.data.warm === language) {
      load().catch(function (error) {
        console.warn("search warm-up failed:", error);
        pagefind = null;
      });
    }
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    /* Pagefind loads lazily, on the first query: a page view that never
       searches downloads nothing. */
    var config = (message.data && message.data.config) || {};
    language = (config.lang && config.lang[0]) || language;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    var post = function (data) {
      if (id === latest) {
        self.postMessage({ type: RESULT, data: data });
      }
    };
    search(String(message.data || "").trim(), post).catch(function (error) {
      console.warn("search failed:", error);
      post({ items: [] });
    });
  }
});
