/*
 * Practice mode: fold answers behind "Show answer", mark questions as
 * mastered, show progress and jump to a random question.
 *
 * Everything is stored in this browser's localStorage and nothing is sent
 * anywhere. A question is keyed by its URL relative to the language root, so
 * a question mastered in Chinese is mastered in English too. The controls are
 * rendered (hidden, in both languages) by overrides/partials/practice.html;
 * the question list comes from questions.json, written at build time.
 * Works with Material's instant navigation on (document$) or off.
 */
(function () {
  "use strict";

  var MODE_KEY = "hb.practice";
  var MASTERED_KEY = "hb.mastered";
  var cache = {};

  function load(key, fallback) {
    try {
      var value = window.localStorage.getItem(key);
      return value === null ? fallback : JSON.parse(value);
    } catch (error) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* storage disabled: the page still works, nothing is remembered */
    }
  }

  function languageRoot() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base, window.location.href);
  }

  function currentKey(root) {
    var path = window.location.pathname;
    return path.indexOf(root.pathname) === 0 ? path.slice(root.pathname.length) : path;
  }

  function questions(root) {
    var url = new URL("questions.json", root).href;
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return cache[url];
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function mastered() {
    return load(MASTERED_KEY, []);
  }

  function setupQuestion(panel, t, key) {
    var heading = panel.parentElement.querySelector("h1");
    if (heading) {
      heading.after(panel);
    }
    /* Wrap everything after the controls into the answer. */
    var answer = document.createElement("div");
    answer.className = "hb-answer";
    answer.id = "hb-answer";
    var node = panel.nextSibling;
    while (node) {
      var next = node.nextSibling;
      if (!(node.matches && node.matches("aside.md-source-file"))) {
        answer.appendChild(node);
      }
      node = next;
    }
    var reveal = document.createElement("button");
    reveal.type = "button";
    reveal.className = "md-button hb-practice__reveal";
    reveal.setAttribute("aria-controls", answer.id);
    panel.after(reveal);
    reveal.after(answer);

    function showAnswer(open) {
      answer.hidden = !open;
      reveal.setAttribute("aria-expanded", String(open));
      reveal.textContent = open ? t.hide : t.show;
    }
    reveal.addEventListener("click", function () {
      showAnswer(answer.hidden);
      if (!answer.hidden) {
        answer.focus({ preventScroll: true });
      }
    });
    answer.tabIndex = -1;

    var mark = panel.querySelector(".hb-practice__mastered");
    function paintMastered() {
      var done = mastered().indexOf(key) >= 0;
      mark.setAttribute("aria-pressed", String(done));
      mark.textContent = done ? "\u2713 " + t.mastered : t.mark;
    }
    mark.addEventListener("click", function () {
      var list = mastered().filter(function (item) { return item !== key; });
      if (mark.getAttribute("aria-pressed") !== "true") {
        list.push(key);
      }
      save(MASTERED_KEY, list);
      paintMastered();
    });
    paintMastered();

    return function applyMode(on) {
      reveal.hidden = !on;
      showAnswer(!on);
    };
  }

  function paintProgress(panel, t, all, section) {
    var done = mastered();
    var pool = all.filter(function (q) { return !section || q.section === section; });
    var count = pool.filter(function (q) { return done.indexOf(q.url) >= 0; }).length;
    panel.querySelector(".hb-practice__progress").textContent =
      format(t.progress, { done: count, total: pool.length });
    var items = panel.querySelectorAll(".hb-practice__sections li[data-section]");
    Array.prototype.forEach.call(items, function (item) {
      var inSection = all.filter(function (q) { return q.section === item.dataset.section; });
      item.querySelector(".hb-practice__count").textContent = format(t.progress, {
        done: inSection.filter(function (q) { return done.indexOf(q.url) >= 0; }).length,
        total: inSection.length
      });
    });
  }

  function fillSelects(form, all) {
    var sections = form.querySelector("select[name=section]");
    var tags = form.querySelector("select[name=tag]");
    if (!sections || sections.options.length > 1) {
      return;
    }
    var seen = {};
    all.forEach(function (q) {
      if (!seen[q.section]) {
        seen[q.section] = true;
        sections.add(new Option(q.section_title, q.section));
      }
    });
    var tagSet = {};
    all.forEach(function (q) { q.tags.forEach(function (tag) { tagSet[tag] = true; }); });
    Object.keys(tagSet).sort().forEach(function (tag) { tags.add(new Option(tag, tag)); });
  }

  function setupRandom(panel, t, root, key) {
    var form = panel.querySelector(".hb-practice__random");
    var message = panel.querySelector(".hb-practice__message");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      questions(root).then(function (all) {
        var section = form.elements.section.value;
        var tag = form.elements.tag.value;
        var done = form.elements.unmastered.checked ? mastered() : [];
        var pool = all.filter(function (q) {
          return (!section || q.section === section) && (!tag || q.tags.indexOf(tag) >= 0) &&
            done.indexOf(q.url) < 0 && q.url !== key;
        });
        if (!pool.length) {
          message.textContent = t.none_left;
          return;
        }
        var pick = pool[Math.floor(Math.random() * pool.length)];
        window.location.href = new URL(pick.url, root).href;
      });
    });
  }

  function init() {
    var panel = document.querySelector(".hb-practice");
    if (!panel || panel.dataset.ready) {
      return;
    }
    panel.dataset.ready = "true";
    var t = JSON.parse(panel.dataset.strings);
    var kind = panel.dataset.kind;
    var root = languageRoot();
    var key = currentKey(root);
    var applyMode = kind === "question" ? setupQuestion(panel, t, key) : function () {};

    var toggle = panel.querySelector(".hb-practice__toggle");
    function setMode(on) {
      toggle.setAttribute("aria-pressed", String(on));
      document.documentElement.classList.toggle("hb-practising", on);
      applyMode(on);
    }
    toggle.addEventListener("click", function () {
      var on = toggle.getAttribute("aria-pressed") !== "true";
      save(MODE_KEY, on);
      setMode(on);
    });
    setMode(load(MODE_KEY, false) === true);
    setupRandom(panel, t, root, key);

    questions(root).then(function (all) {
      if (kind !== "question") {
        paintProgress(panel, t, all, kind === "section" ? panel.dataset.section : "");
      }
      fillSelects(panel.querySelector(".hb-practice__random"), all);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
