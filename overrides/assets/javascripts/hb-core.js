/*
 * The handbook's core, on every page, in <head>, before any other script
 * (overrides/partials/javascripts/base.html loads it). It says where the page
 * sits in the site and under which names the site stores things, and gives
 * page scripts one way to start and to get their strings.
 *
 * - Roots, resolved once, against the page this script loaded with (with
 *   Material's instant navigation the address changes later and this file
 *   does not run again):
 *     hb.langRoot  this language's root: this file sits at
 *                  <language root>/assets/javascripts/hb-core.js;
 *     hb.siteRoot  the site's root, shared by both languages
 *                  (<meta name="hb-site-root">, written just before this file);
 *     hb.worker    the offline worker's address, in built sites only.
 * - Names. GitHub Pages serves every project site of an owner from one
 *   origin, which shares localStorage and Cache Storage, so everything this
 *   site stores carries its root's path: hb.key("srs") is "/<repo>/.hb.srs"
 *   (the shape Material gives its own keys). Another site is never read,
 *   changed or deleted.
 * - Material's storage helpers (__md_scope, __md_hash, __md_get, __md_set),
 *   which Material defines in an inline script: a Content-Security-Policy
 *   without 'unsafe-inline' blocks that, and Material's bundle then stops at
 *   its first call (no search, no palette). Two changes: the scope is the
 *   site root, not the language root (Material's documented `extra.scope`
 *   widening), so a palette chosen in one language holds in the other; and a
 *   value that does not parse, or has the wrong shape for the key, is
 *   removed and read as unset instead of throwing on every page.
 * - hb.onPage(fn): run fn for this page and, with instant navigation, for
 *   every page swapped in (Material's document$).
 * - hb.strings(): the page scripts' strings in this page's language
 *   (strings.json at the language root, written by the build from
 *   overrides/locales/strings.yml), fetched once; hb.format fills them in.
 * - hb.date(value): a date as this page's readers write it, 2026年12月10日 or
 *   10 December 2026 (British, like the prose; the build's dates use the same
 *   locales, scripts/build/history.py LOCALES), not the browser's default
 *   ("12/10/2026" for `en`).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var langRoot = new URL("../../", script.src);
  var meta = document.querySelector('meta[name="hb-site-root"]');
  var siteRoot = meta ? new URL(meta.content, window.location.href) : langRoot;
  var worker = meta && meta.dataset.worker ? new URL(meta.dataset.worker, siteRoot) : null;
  var cache = {};

  function key(name) {
    return siteRoot.pathname + ".hb." + name;
  }

  /* ---- Material's storage helpers ----------------------------------------- */

  function isPlain(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isText(v) { return typeof v === "string" && v.length <= 200; }

  /* What Material's bundle does with each key it reads, and so must get. */
  var THEME_KEYS = {
    __palette: function (v) {
      return isPlain(v) && Number.isInteger(v.index) && v.index >= 0 && v.index < 32 && isPlain(v.color) &&
        Object.keys(v.color).every(function (k) { return /^(media|scheme|primary|accent)$/.test(k) && isText(v.color[k]); });
    },
    __tabs: function (v) { return Array.isArray(v) && v.length <= 1000 && v.every(isText); },
    __consent: function (v) {
      return isPlain(v) && Object.keys(v).every(function (k) { return typeof v[k] === "boolean"; });
    },
    __source: isPlain,
    __announce: function (v) { return typeof v === "number" && isFinite(v); },
    __outdated: function (v) { return typeof v === "boolean"; }
  };

  function mdGet(name, storage, scope) {
    var item = (scope || window.__md_scope).pathname + "." + name;
    try {
      storage = storage || window.localStorage;
      var raw = storage.getItem(item);
      if (raw === null) {
        return null;
      }
      var value = JSON.parse(raw);
      if (!THEME_KEYS[name] || THEME_KEYS[name](value)) {
        return value;
      }
    } catch (error) {
      /* storage disabled (nothing to reset), or a value that does not parse */
    }
    try {
      storage.removeItem(item); /* this site's own theme key, damaged: reset it */
    } catch (error) {
      /* storage disabled */
    }
    return null;
  }

  function mdSet(name, value, storage, scope) {
    try {
      (storage || window.localStorage).setItem((scope || window.__md_scope).pathname + "." + name, JSON.stringify(value));
    } catch (error) {
      /* storage disabled or full: the choice lasts for this page only */
    }
  }

  window.__md_scope = siteRoot;
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = mdGet;
  window.__md_set = mdSet;

  /* Practice mode left on: answers fold before the first paint (extra.css,
     html.hb-practising), so the page does not jump when practice.js starts. */
  try {
    if (window.localStorage.getItem(key("practice")) === "true") {
      document.documentElement.classList.add("hb-practising");
    }
  } catch (e) { /* storage disabled: practice mode is off */ }

  /* A palette chosen in a language before the scope was the site root. */
  if (langRoot.pathname !== siteRoot.pathname && mdGet("__palette") === null) {
    var own = mdGet("__palette", null, langRoot);
    if (own) {
      mdSet("__palette", own);
    }
  }

  /* Material's other inline snippet: a link to a content tab (#__tabbed_…) opens that tab. */
  document.addEventListener("DOMContentLoaded", function () {
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && target.name) {
      target.checked = target.name.indexOf("__tabbed_") === 0;
    }
  });

  /* ---- Page scripts --------------------------------------------------------- */

  function onPage(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () { fn(); });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { fn(); });
    } else {
      fn();
    }
  }

  /* A JSON file at the language root, fetched once per page load. */
  function data(name) {
    var url = new URL(name, langRoot).href;
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + name);
        }
        return response.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  var DATE_LOCALES = { en: "en-GB", "zh-Hans": "zh-Hans-CN" };
  function date(value) {
    var lang = document.documentElement.lang;
    return new Date(value).toLocaleDateString(DATE_LOCALES[lang] || lang,
      { year: "numeric", month: "long", day: "numeric" });
  }

  function format(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  window.hb = {
    langRoot: langRoot, siteRoot: siteRoot, worker: worker, key: key,
    onPage: onPage, data: data, strings: function () { return data("strings.json"); }, format: format,
    date: date
  };
})();
