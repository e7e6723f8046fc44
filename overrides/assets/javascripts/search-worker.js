/*
 * Search worker: Pagefind behind Material's search protocol.
 *
 * Material's search UI (the dialog, its shortcuts, the result list and its
 * markup) talks to a web worker with four messages: SETUP (0) with the
 * contents of search/search_index.json, READY (1), QUERY (2) with the typed
 * text, RESULT (3) with result groups. overrides/main.html points Material
 * at this file instead of its lunr worker; this file answers the same
 * messages from this language's Pagefind index (<language root>/pagefind/,
 * written by scripts/outputs/search.py), which the browser downloads in small chunks
 * on the first query instead of whole on every page load.
 *
 * The index is a prepared copy of the pages (scripts/outputs/search_text.py): Chinese
 * as overlapping pairs of characters, each page's title and headings marked
 * out by two sentinel words. A query is read as runs of Chinese characters
 * and Latin words ("LoRA 低秩": LoRA, 低秩), and:
 *
 * - exact means exact: a page is listed only if it holds every run as it is
 *   (a phrase search for the run's pairs) and every Latin word as a whole
 *   word or another form of it (an exact search: both sides are stemmed as
 *   English, so quantizing finds quantization, and nothing finds a stray
 *   "Q" for quantization, nor score_71 for score_7);
 * - titles first: pages whose title holds the query, then pages whose
 *   headings do, then the rest, read from where each page's first match
 *   lies against its sentinels; within each group, Pagefind's relevance (a
 *   search for all the query's words, ranked with Pagefind's own weights);
 * - a result shows its title, its matching headings as sub-results, and
 *   excerpts cut at sentence boundaries, each match marked whole (one <mark>
 *   per run or word), all text escaped;
 * - no result here but some in the other language: one result that says so
 *   and opens that language's search for the same query (Material opens the
 *   dialog with ?q=);
 * - the index cannot be loaded (offline): the reader sees that as an error
 *   (search-warm.js puts it where Material says "no results"), and the next
 *   query loads again.
 */
"use strict";

var SETUP = 0;
var READY = 1;
var QUERY = 2;
var RESULT = 3;
/* Material renders the first ten groups at once and more as the reader
   scrolls; results arrive in two batches: the first ten (only their pages'
   data is downloaded before anything is shown), then the rest. */
var FIRST_BATCH = 10;
var MAX_RESULTS = 50;
/* The rest is loaded once the query has stood this long: a reader typing a
   word sends a query per key, and only the last one's rest is worth it. */
var REST_DELAY = 300;
/* A pasted paragraph is not searched whole: its first words and runs are. */
var MAX_UNITS = 8;
var MAX_RUN = 24;
/* Excerpt length in characters, and how much of it comes before the match. */
var EXCERPT = { zh: 64, en: 160 };
var EXCERPT_BEFORE = 0.3;
/* Words apart that still count as "near" for a query of several parts. */
var NEAR = 16;

var HAN = /^\p{sc=Han}/u;
var CJK_PUNCT = /^[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2014\u2026\u00b7]/;
var BREAK = "\u00a6";  /* the end of a block (scripts/outputs/search_text.py) */
var SENTENCE_END = /^[。！？；\u00a6]$|[.!?]["')\]]?$/;
var HEADING = /^h[2-6]$/;

var site = {
  lang: "unknown", roots: {}, pipeline: "en", titleEnd: "hbtitleend", headingsEnd: "hbheadingsend", strings: {}
};
var here = new URL("../../", self.location.href);  /* this language's root */
var latest = 0;
var engines = {};
var loads = 0;

/* ---- Loading Pagefind ---------------------------------------------------- */

/* Pagefind segments a query with the rules of the page's language, which it
   reads from <html lang>. A worker has no document: this answers its one
   question with the pipeline the index was built with (scripts/outputs/search.py). */
if (typeof self.document === "undefined") {
  self.document = {
    querySelector: function (selector) {
      return selector === "html" ? { getAttribute: function () { return site.pipeline; } } : null;
    }
  };
}

/* Pagefind runs in this worker (noWorker), so its downloads go through this
   fetch: a failed one (offline, or a chunk of another build) is counted.
   Pagefind itself logs a failed index chunk and searches on without it, so
   the count is what tells a broken search from one with no results. */
var failures = {};  /* index folder -> failed downloads */
var nativeFetch = self.fetch.bind(self);

function failed(url) {
  Object.keys(failures).forEach(function (base) {
    if (String(url).indexOf(base) === 0) {
      failures[base] += 1;
    }
  });
}

self.fetch = function (input, init) {
  var url = typeof input === "string" ? input : input && input.url;
  return nativeFetch(input, init).then(function (response) {
    if (!response.ok) {
      failed(new URL(url, self.location.href).href);
    }
    return response;
  }, function (error) {
    failed(new URL(url, self.location.href).href);
    throw error;
  });
};

function indexFolder(lang) {
  return new URL((site.roots[lang] || "") + "pagefind/", here).href;
}

function LoadError(message) {
  this.name = "LoadError";
  this.message = message;
}
LoadError.prototype = Object.create(Error.prototype);

/* One Pagefind per language, loaded on first use. After any failure it is
   dropped (drop()), and the next query loads a fresh one from a new address
   (a browser remembers a failed import() of an address for the worker's
   life, and Pagefind an index chunk that did not download). */
function engine(lang) {
  if (!engines[lang]) {
    loads += 1;
    var base = indexFolder(lang);
    failures[base] = failures[base] || 0;
    var started = import(base + "pagefind.js" + (loads > 1 ? "?load=" + loads : "")).then(function (pf) {
      return pf.options({ noWorker: true }).then(function () {
        return pf.init();
      }).then(function () {
        /* Where each page's title and headings end (scripts/outputs/search_text.py):
           searched alongside the first query, not before it. */
        var ends = Promise.all([firstPositions(pf, site.titleEnd), firstPositions(pf, site.headingsEnd)]);
        ends.catch(function () { drop(lang, started); });
        return { pf: pf, ends: ends };
      });
    });
    started.catch(function () { drop(lang, started); });
    engines[lang] = started;
  }
  return engines[lang];
}

function drop(lang, started) {
  if (engines[lang] === started) {
    delete engines[lang];
  }
}

/* Runs `work` with a language's Pagefind; a failed download during it, or
   any error, is an error (and the next query starts afresh). */
function using(lang, work) {
  var base = indexFolder(lang);
  var before = failures[base] || 0;
  var started = engine(lang);
  return started.then(function (eng) {
    return work(eng, function checked(value) {
      if ((failures[base] || 0) > before) {
        throw new LoadError("search index not fully loaded");
      }
      return value;
    });
  }).catch(function (error) {
    drop(lang, started);
    throw error;
  });
}

/* page id -> position of the first match of an exact search. */
function firstPositions(pf, term) {
  return pf.search("\"" + term + "\"").then(function (response) {
    var first = {};
    ((response && response.results) || []).forEach(function (result) {
      first[result.id] = Math.min.apply(null, result.words);
    });
    return first;
  });
}

/* ---- Reading a query ----------------------------------------------------- */

/* Runs of Chinese characters and Latin words, as the index holds them: a run
   as its pairs of characters, a word lower-cased with its punctuation
   dropped (as Pagefind indexes "optimize=True": optimizetrue). */
function units(query) {
  var found = [];
  String(query).split(/\s+/).forEach(function (chunk) {
    (chunk.match(/\p{sc=Han}+|[^\p{sc=Han}]+/gu) || []).forEach(function (part) {
      if (HAN.test(part)) {
        var run = Array.from(part).slice(0, MAX_RUN);
        var pairs = [];
        for (var i = 0; i + 1 < run.length; i++) {
          pairs.push(run[i] + run[i + 1]);
        }
        found.push({ text: run.join(""), han: run, words: pairs.length ? pairs : run });
      } else {
        var word = part.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, "");
        if (word) {
          found.push({ text: part, word: word, words: [word] });
        }
      }
    });
  });
  return found.slice(0, MAX_UNITS);
}

/* The search that decides whether a page holds one unit: a phrase of a
   run's pairs, the exact word; a single character is the start of its pairs
   (a plain search for it, which finds words that start with it). */
function unitTerm(unit) {
  return unit.han && unit.han.length === 1 ? unit.words[0] : "\"" + unit.words.join(" ") + "\"";
}

/* ---- Ranking ------------------------------------------------------------- */

/* The pages that hold every unit, in order: title, heading, then the rest;
   within each, Pagefind's ranking of a search for all the query's words.
   Returns [{result, holds: [id -> positions per unit]}]. */
function rank(eng, list) {
  var all = [].concat.apply([], list.map(function (unit) { return unit.words; })).join(" ");
  var terms = list.map(unitTerm);
  var searches = [eng.pf.search(all)].concat(terms.map(function (term) {
    return term === all ? null : eng.pf.search(term);
  }));
  return Promise.all([eng.ends].concat(searches)).then(function (answers) {
    var ends = answers[0];
    var responses = answers.slice(1);
    var ranking = (responses[0] && responses[0].results) || [];
    var held = responses.slice(1).map(function (response) {
      var byId = {};
      (((response || responses[0]) && (response || responses[0]).results) || []).forEach(function (result) {
        byId[result.id] = result.words;
      });
      return byId;
    });
    var tiers = [[], [], []];
    ranking.forEach(function (result) {
      var first = [];
      for (var u = 0; u < held.length; u++) {
        var words = held[u][result.id];
        if (!words) {
          return;
        }
        first.push(Math.min.apply(null, words));
      }
      var last = Math.max.apply(null, first);
      var tier = last < (ends[0][result.id] || 0) ? 0 : last < (ends[1][result.id] || 0) ? 1 : 2;
      tiers[tier].push({ result: result, held: held });
    });
    return tiers[0].concat(tiers[1], tiers[2]);
  });
}

/* ---- Showing a result ---------------------------------------------------- */

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
  });
}

function kind(token) {
  return HAN.test(token) ? "han" : CJK_PUNCT.test(token) ? "cjk" : "latin";
}

/* How a word of the index reads on the page: a pair of characters is its
   first character. */
function shown(token) {
  return kind(token) === "han" ? Array.from(token)[0] : token;
}

/* Chinese characters and punctuation join without spaces, Latin words with
   one, and a space stands between Chinese and Latin. */
function joiner(left, right) {
  var a = kind(left);
  var b = kind(right);
  return (a === "latin" && b === "latin") || (a === "han" && b === "latin") || (a === "latin" && b === "han")
    ? " " : "";
}

function normalized(token) {
  return String(token).toLowerCase().replace(/[^\p{L}\p{N}_]/gu, "");
}

/* A light English stemmer, for marks only (which words of a page Pagefind's
   stemmer took for the query's word is not in its answer). */
var SUFFIXES = ["izations", "ization", "ations", "ation", "izing", "ings", "ing", "ized", "izes", "ize", "ies", "ied",
                "ers", "er", "ed", "es", "s"];

function stem(word) {
  for (var i = 0; i < SUFFIXES.length; i++) {
    var suffix = SUFFIXES[i];
    if (word.length - suffix.length >= 3 && word.slice(-suffix.length) === suffix) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/* Where a Latin word stands in one token, as [from, to) in its characters:
   the whole token, less punctuation around it, when it is the query's word
   as Pagefind reads it (optimize=True, cross-attention); else the first run
   of letters and digits that is a form of it (anime in P(x,anime)=0.6,
   attention in self-attention); else the whole token Pagefind matched. */
var WORD_RUN = /[\p{L}\p{N}_]+/gu;

function wordIn(token, word, forms, root) {
  var whole = function () {
    var lead = /^[^\p{L}\p{N}_]*/u.exec(token)[0].length;
    var trail = /[^\p{L}\p{N}_]*$/u.exec(token)[0].length;
    return [lead, Math.max(lead, token.length - trail)];
  };
  if (normalized(token) === word) {
    return whole();
  }
  WORD_RUN.lastIndex = 0;
  for (var run = WORD_RUN.exec(token); run; run = WORD_RUN.exec(token)) {
    var found = run[0].toLowerCase();
    if (forms[found] || stem(found) === root) {
      return [run.index, run.index + run[0].length];
    }
  }
  return forms[normalized(token)] ? whole() : null;
}

/* Ranges [start, end) of tokens where a unit stands in a page's words (a
   Latin word: [i, i + 1, from, to], the characters of the token it is): a
   run where its pairs follow each other (a single character: where a pair
   starts with it); a Latin word where the page has it or a form of it (the
   form Pagefind found first, `positions`, or one with the same stem). Only
   the words Pagefind matched for the query (`candidates`) are looked at. */
function matches(tokens, unit, positions, candidates) {
  var found = [];
  if (!unit.han) {
    var forms = {};
    forms[unit.word] = true;
    (positions || []).forEach(function (p) {
      if (tokens[p] !== undefined) {
        forms[normalized(tokens[p])] = true;
      }
    });
    var root = stem(unit.word);
    candidates.forEach(function (i) {
      var at = tokens[i] !== undefined && kind(tokens[i]) === "latin" ? wordIn(tokens[i], unit.word, forms, root) : null;
      if (at && at[1] > at[0]) {
        found.push([i, i + 1, at[0], at[1]]);
      }
    });
    return found;
  }
  var pairs = unit.han.length > 1 ? unit.words : null;
  candidates.forEach(function (i) {
    if (pairs) {
      var k = 0;
      while (k < pairs.length && tokens[i + k] === pairs[k]) {
        k++;
      }
      if (k === pairs.length) {
        found.push([i, i + unit.han.length]);
      }
    } else if (tokens[i] !== undefined && kind(tokens[i]) === "han" && Array.from(tokens[i])[0] === unit.han[0]) {
      found.push([i, i + 1]);
    }
  });
  return found;
}

/* Tokens [start, end) as HTML: each range of `marks` that shows is one
   <mark> (two matches side by side are two marks). */
function render(tokens, start, end, marks) {
  var whole = marks.filter(function (m) { return m.length === 2; });
  var covered = function (i) { return whole.some(function (m) { return m[0] <= i && i < m[1]; }); };
  var begins = function (i) { return whole.some(function (m) { return m[0] === i; }); };
  var html = "";
  var open = false;
  var previous = null;
  for (var i = start; i < end; i++) {
    if (tokens[i] === BREAK) {
      continue;
    }
    var inside = covered(i);
    if (previous !== null) {
      if (open && (!inside || begins(i))) {
        html += "</mark>";
        open = false;
      }
      html += joiner(tokens[previous], tokens[i]);
    }
    if (inside && !open) {
      html += "<mark>";
      open = true;
    }
    var text = shown(tokens[i]);
    var part = !open && marks.filter(function (m) { return m.length === 4 && m[0] === i; })[0];
    html += part
      ? escapeHtml(text.slice(0, part[2])) + "<mark>" + escapeHtml(text.slice(part[2], part[3])) + "</mark>" +
        escapeHtml(text.slice(part[3]))
      : escapeHtml(text);
    previous = i;
  }
  return html + (open ? "</mark>" : "");
}

var CLAUSE_END = /^[，、：,;:]$|[,;:]$/;

function width(token) {
  return kind(token) === "latin" ? token.length + 1 : 1;
}

/* The passage of [from, to) around the range `at` (or its beginning): whole
   sentences where they fit, else cut after a clause (a comma) or a word,
   with the language's ellipsis where text is left out. */
function excerpt(tokens, from, to, marks, at) {
  var budget = EXCERPT[site.lang] || EXCERPT.en;
  var ellipsis = site.strings.ellipsis || "…";
  var start = at ? at[0] : from;
  var end = at ? at[1] : from;
  var used = 0;
  for (var i = start; i < end; i++) {
    used += width(tokens[i]);
  }
  var room = Math.round(budget * EXCERPT_BEFORE);
  var cutStart = false;
  while (start > from && !SENTENCE_END.test(tokens[start - 1])) {
    if (width(tokens[start - 1]) > room) {
      cutStart = true;
      break;
    }
    room -= width(tokens[start - 1]);
    used += width(tokens[start - 1]);
    start--;
  }
  if (cutStart) {
    for (var j = start; j < (at ? at[0] : start); j++) {
      if (CLAUSE_END.test(tokens[j])) {
        start = j + 1;
        break;
      }
    }
  }
  var cutEnd = false;
  while (end < to && tokens[end] !== BREAK) {
    if (used + width(tokens[end]) > budget) {
      cutEnd = true;
      break;
    }
    used += width(tokens[end]);
    end++;
    if (SENTENCE_END.test(tokens[end - 1]) && used > budget / 2) {
      break;
    }
  }
  if (cutEnd) {
    var floor = Math.max(at ? at[1] : start, end - Math.round(budget * 0.4));
    for (var k = end - 1; k >= floor; k--) {
      if (CLAUSE_END.test(tokens[k])) {
        end = k;
        break;
      }
    }
  }
  var shownMarks = marks.filter(function (m) { return m[1] > start && m[0] < end; });
  return (cutStart ? ellipsis : "") + render(tokens, start, end, shownMarks) + (cutEnd ? ellipsis : "");
}

function headingSize(heading) {
  return String(heading.text || "").split(/\s+/).filter(Boolean).length;
}

/* A page and its matching headings, as Material's result group: the page
   first (its title, and an excerpt around its first match in the text),
   then one entry per heading whose section holds a match: those whose
   heading holds the whole query stay open, the others fold under
   Material's "N more on this page". */
function group(data, hit, list, score) {
  var tokens = String(data.content).split(" ");
  var titleEnd = tokens.indexOf(site.titleEnd);
  var bodyStart = tokens.indexOf(site.headingsEnd) + 1;
  if (titleEnd < 0 || bodyStart <= 0) {
    titleEnd = 0;
    bodyStart = 0;
  }
  /* Where Pagefind matched the query's words (every form, in order). */
  var candidates = data.locations && data.locations.length ? data.locations.slice().sort(function (a, b) {
    return a - b;
  }).filter(function (p, k, all) { return k === 0 || all[k - 1] !== p; }) : tokens.map(function (t, i) { return i; });
  var perUnit = list.map(function (unit, u) {
    return matches(tokens, unit, hit.held[u][hit.result.id], candidates);
  });
  var marks = [].concat.apply([], perUnit).sort(function (a, b) { return a[0] - b[0]; });
  var headings = (data.anchors || []).filter(function (a) {
    return HEADING.test(a.element) && a.id && a.location >= bodyStart;
  }).sort(function (a, b) { return a.location - b.location; });
  var sectionOf = function (position) {
    var start = bodyStart;
    var end = tokens.length;
    headings.forEach(function (h) {
      if (h.location <= position) {
        start = h.location;
      } else if (end === tokens.length) {
        end = h.location;
      }
    });
    return [start, end];
  };
  var terms = {};
  list.forEach(function (unit) { terms[unit.text] = true; });
  /* Pagefind's address of the page, from this language's root. */
  var location = String(data.raw_url || data.url).replace(/^\//, "");
  /* The excerpt shows the first place where every part of the query stands
     near, else the first match. */
  var inBody = marks.filter(function (m) { return m[0] >= bodyStart; });
  var first = inBody.filter(function (m) {
    return perUnit.every(function (found) {
      return found.some(function (x) { return x[0] >= bodyStart && Math.abs(x[0] - m[0]) <= NEAR; });
    });
  })[0] || inBody[0];
  var region = first ? sectionOf(first[0]) : [bodyStart, headings.length ? headings[0].location : tokens.length];
  var page = {
    location: location,
    title: titleEnd > 0 ? render(tokens, 0, Math.min(titleEnd, tokens.indexOf(BREAK)), marks)
      : escapeHtml((data.meta && data.meta.title) || location),
    text: excerpt(tokens, region[0], region[1], marks, first),
    score: score,
    terms: terms
  };
  var open = [];
  var folded = [];
  headings.forEach(function (heading, k) {
    var top = heading.location + headingSize(heading);
    var end = k + 1 < headings.length ? headings[k + 1].location : tokens.length;
    var inside = marks.filter(function (m) { return m[0] >= heading.location && m[0] < end; });
    if (!inside.length) {
      return;
    }
    var titled = perUnit.every(function (found) {
      return found.some(function (m) { return m[0] >= heading.location && m[1] <= top; });
    });
    var inText = inside.filter(function (m) { return m[0] >= top; });
    (titled ? open : folded).push({
      location: location + "#" + heading.id,
      title: render(tokens, heading.location, top, inside),
      text: inText.length ? excerpt(tokens, top, end, inside, inText[0]) : "",
      score: titled ? score : score / 2,
      terms: terms
    });
  });
  return [page].concat(open, folded);
}

/* ---- Answering a query --------------------------------------------------- */

function fill(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
    return key in values ? values[key] : all;
  });
}

/* A result that is a message: `kind` tells search-warm.js what it is. */
function note(noteKind, title, text, location) {
  return [{
    location: location,
    title: "<span class=\"hb-search-note\" data-kind=\"" + noteKind + "\"></span>" + escapeHtml(title),
    text: escapeHtml(text),
    score: 1,
    terms: {}
  }];
}

/* No result here: how many the other language has, as a result that opens
   its search for the same query; nothing if it has none or cannot say. */
function elsewhere(query, list, post) {
  var others = Object.keys(site.roots).filter(function (lang) { return lang !== site.lang; });
  if (!others.length) {
    post({ items: [] });
    return Promise.resolve();
  }
  var other = others[0];
  return using(other, function (eng, checked) {
    return rank(eng, list).then(checked);
  }).then(function (found) {
    if (!found.length) {
      post({ items: [] });
      return;
    }
    var values = { query: query, n: found.length };
    post({ items: [note("elsewhere", fill(site.strings.elsewhere, values), fill(site.strings.elsewhere_text, values),
                        site.roots[other] + "?q=" + encodeURIComponent(query))] });
  }, function (error) {
    console.warn("search in the other language failed:", error);
    post({ items: [] });
  });
}

function load(found, list, offset) {
  return Promise.all(found.map(function (hit, index) {
    return hit.result.data().then(function (data) {
      /* Material shows groups in the order given; the score only decides
         which sections of a page stay unfolded. */
      return group(data, hit, list, MAX_RESULTS - offset - index);
    });
  }));
}

function search(query, post, current) {
  var list = units(query);
  if (!list.length) {
    post({ items: [] });
    return Promise.resolve();
  }
  return using(site.lang, function (eng, checked) {
    return rank(eng, list).then(checked).then(function (found) {
      if (!found.length) {
        return elsewhere(query, list, post);
      }
      found = found.slice(0, MAX_RESULTS);
      return load(found.slice(0, FIRST_BATCH), list, 0).then(checked).then(function (head) {
        post({ items: head });
        if (found.length <= FIRST_BATCH) {
          return null;
        }
        return new Promise(function (resolve) { setTimeout(resolve, REST_DELAY); }).then(function () {
          if (!current()) {
            return null;
          }
          return load(found.slice(FIRST_BATCH), list, FIRST_BATCH).then(checked).then(function (tail) {
            post({ items: head.concat(tail) });
          });
        });
      });
    });
  });
}

/* search-warm.js asks for Pagefind as soon as the reader focuses the search
   box, so its files are fetched and its WebAssembly compiled while they type. */
if (typeof BroadcastChannel !== "undefined") {
  new BroadcastChannel("hb-search-warm").addEventListener("message", function (event) {
    if (event.data && event.data.warm === site.lang) {
      engine(site.lang).catch(function (error) {
        console.warn("search warm-up failed:", error);
      });
    }
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    /* Pagefind loads lazily, on the first query: a page view that never
       searches downloads nothing. */
    var data = message.data || {};
    var config = data.config || {};
    var hb = config.hb || {};
    site.lang = (config.lang && config.lang[0]) || site.lang;
    site.roots = hb.roots || site.roots;
    site.pipeline = hb.pipeline || site.pipeline;
    site.titleEnd = hb.title_end || site.titleEnd;
    site.headingsEnd = hb.headings_end || site.headingsEnd;
    site.strings = hb.strings || site.strings;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    var query = String(message.data || "").trim();
    var post = function (data) {
      if (id === latest) {
        self.postMessage({ type: RESULT, data: data });
      }
    };
    search(query, post, function () { return id === latest; }).catch(function (error) {
      console.warn("search failed:", error);
      post({ items: [note("error", site.strings.unavailable || "Search is unavailable.", "", "")] });
    });
  }
});
