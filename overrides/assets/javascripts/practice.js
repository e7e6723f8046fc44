/*
 * Practice mode: fold answers behind "Show answer", grade recall once the
 * answer is shown (FSRS schedules the next review), mark questions as
 * mastered, show progress and today's due/new counts, and jump to a random
 * question by section, tag and level.
 *
 * Storage goes through study-store.js (window.hbStore): everything stays in
 * this browser, keyed by the URL relative to the language root, so progress
 * made in Chinese counts in English too. The controls are rendered by
 * overrides/partials/practice.html with strings from strings.yml; the
 * script's messages come from strings.json and the question list from
 * questions.json (hb-core.js), both written at build time. Starts through
 * hb.onPage, so it works with Material's instant navigation on or off.
 * Exports (window.hbPractice) the grade bar, the grading keys, the tag
 * options, which the study page (study.js) uses too.
 */
(function () {
  "use strict";

  var hb = window.hb;
  var store = window.hbStore;

  function currentKey() {
    var path = window.location.pathname;
    var root = hb.langRoot.pathname;
    return path.indexOf(root) === 0 ? path.slice(root.length) : path;
  }

  function isMastered(key) {
    return store.read("mastered").indexOf(key) >= 0;
  }

  function wholeDays(from, to) {
    return Math.max(0, Math.round((new Date(to) - from) / 86400000));
  }

  /* The grade (1-4) a key press asks for, or 0: not with a modifier key, and
     not while the reader types in a form field. Shared with study.js. */
  function gradeKey(event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || !/^[1-4]$/.test(event.key) ||
        (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))) {
      return 0;
    }
    return Number(event.key);
  }

  /* The four grade buttons (keys 1-4) under a revealed answer; the review
     session of the study page (study.js) uses them too. onGrade(rating,
     record) runs after a grade is saved. */
  function gradeBar(t, key, onGrade) {
    var bar = document.createElement("div");
    bar.className = "hb-grade";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", t.grade_group);
    bar.innerHTML = '<p class="hb-grade__prompt"></p><div class="hb-grade__buttons"></div>' +
      '<p class="hb-grade__status" role="status"></p>';
    bar.querySelector(".hb-grade__prompt").textContent = t.grade_prompt;
    var status = bar.querySelector(".hb-grade__status");
    var before; /* the record before this page view's first grade: re-grading replaces it */
    var buttons = store.GRADES.map(function (name, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button hb-grade__button";
      button.dataset.rating = String(index + 1);
      button.setAttribute("aria-keyshortcuts", String(index + 1));
      button.innerHTML = "<kbd></kbd> <span></span> <small class=\"hb-grade__interval\"></small>";
      button.querySelector("kbd").textContent = String(index + 1);
      button.querySelector("span").textContent = t[name];
      button.addEventListener("click", function () { grade(index + 1); });
      bar.querySelector(".hb-grade__buttons").appendChild(button);
      return button;
    });

    /* One review per page view: grading again, or marking as mastered, replaces it. */
    function baseline() {
      if (before === undefined) {
        before = store.read("srs")[key] || null;
      }
      return before;
    }

    /* `saving` resolves {record, reset} (study-store.js); a reset card is said so. */
    function save(saving, rating, now) {
      return saving.then(function (result) {
        var record = result.record;
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.rating === String(rating))); });
        status.textContent = (result.reset ? t.card_reset + " " : "") + hb.format(t.next_review, {
          date: hb.date(record.due),
          n: wholeDays(now, record.due)
        });
        return record;
      }, function () {
        status.textContent = t.save_failed;
        return null;
      });
    }

    function grade(rating) {
      var now = new Date();
      save(store.review(key, rating, now, baseline()), rating, now).then(function (record) {
        if (record && onGrade) {
          onGrade(rating, record);
        }
      });
    }

    /* Marking as mastered is an Easy review (study-store.js). */
    function master() {
      var now = new Date();
      save(store.setMastered(key, true, now, baseline()), store.RATING.easy, now);
    }

    function showIntervals() {
      var now = new Date();
      store.preview(key, now, before).then(function (due) {
        buttons.forEach(function (b) {
          b.querySelector(".hb-grade__interval").textContent =
            hb.format(t.days, { n: wholeDays(now, due[b.dataset.rating]) });
        });
      }, function () { /* the scheduler did not load: grading reports it */ });
    }

    return { element: bar, grade: grade, master: master, showIntervals: showIntervals };
  }

  /* The question page's answer box and "Show answer" button are built HTML
     (partials/content.html), so wiring them moves nothing on the page; the
     grade bar is made the first time it is shown. */
  function setupQuestion(panel, t, key) {
    var answer = document.getElementById("hb-answer");
    var reveal = panel.parentElement.querySelector(".hb-practice__reveal");
    if (!answer || !reveal) {
      return function () {};
    }
    var grades = null;

    /* Grading sits where the reader compares: after the key points (or the
       short answer); hidden until showAnswer shows it. */
    function gradeBarOnce() {
      if (!grades) {
        grades = gradeBar(t, key);
        grades.element.hidden = true;
        var anchor = answer.querySelector(".hb-key-points") || answer.querySelector("#short-answer");
        if (anchor && anchor.parentElement === answer) {
          anchor.after(grades.element);
        } else {
          answer.prepend(grades.element);
        }
      }
      return grades;
    }
    var practising = false;

    function isOpen() {
      return answer.classList.contains("hb-answer--open");
    }

    function showAnswer(open) {
      answer.classList.toggle("hb-answer--open", open);
      reveal.setAttribute("aria-expanded", String(open));
      reveal.textContent = open ? t.hide : t.show;
      if (open && practising) {
        gradeBarOnce().element.hidden = false;
        grades.showIntervals();
      } else if (grades) {
        grades.element.hidden = true;
      }
    }
    reveal.addEventListener("click", function () {
      showAnswer(!isOpen());
      if (isOpen()) {
        answer.focus({ preventScroll: true });
      }
    });

    document.addEventListener("keydown", function (event) {
      var rating = gradeKey(event);
      if (!rating || !grades || !grades.element.isConnected || grades.element.hidden) {
        return;
      }
      event.preventDefault();
      grades.grade(rating);
    });

    var mark = panel.querySelector(".hb-practice__mastered");
    function paintMastered() {
      var done = isMastered(key);
      mark.setAttribute("aria-pressed", String(done));
      mark.textContent = done ? "\u2713 " + t.mastered : t.mark;
    }
    mark.addEventListener("click", function () {
      if (mark.getAttribute("aria-pressed") === "true") {
        store.setMastered(key, false).catch(function () { /* storage disabled: nothing to keep */ });
      } else {
        gradeBarOnce().master();
      }
      paintMastered();
    });
    window.addEventListener("hb:progress", paintMastered);
    paintMastered();

    return function applyMode(on) {
      if (!on && !practising) {
        return;  /* off and staying off (the page as built): nothing to change */
      }
      practising = on;
      showAnswer(!on);
    };
  }

  function paintProgress(panel, t, all, section) {
    var counts = store.status(all, new Date());
    var done = new Set(counts.mastered.map(function (q) { return q.url; }));
    function progress(pool) {
      return hb.format(t.progress, { done: pool.filter(function (q) { return done.has(q.url); }).length, total: pool.length });
    }
    panel.querySelector(".hb-practice__progress").textContent =
      progress(all.filter(function (q) { return !section || q.section === section; }));
    var items = panel.querySelectorAll(".hb-practice__sections li[data-section]");
    Array.prototype.forEach.call(items, function (item) {
      item.querySelector(".hb-practice__count").textContent =
        progress(all.filter(function (q) { return q.section === item.dataset.section; }));
    });
    var due = panel.querySelector(".hb-practice__due");
    if (due) {
      due.textContent = hb.format(t.due, { due: counts.due.length, "new": counts.fresh.length });
    }
  }

  /* The tag filter's options: every tag of `all`, by its name in this page's
     language (questions.json has tag_names), in the tags page's order
     (tag_ranks: pinyin in Chinese, A-Z in English; scripts/outputs/practice.py),
     else by name. Fills each empty <select name=tag> under `container`. */
  function tagOptions(container, all) {
    var names = new Map(), ranks = new Map();
    all.forEach(function (q) {
      q.tags.forEach(function (tag, i) {
        names.set(tag, (q.tag_names && q.tag_names[i]) || tag);
        if (q.tag_ranks) { ranks.set(tag, q.tag_ranks[i]); }
      });
    });
    var ids = Array.from(names.keys()).sort(function (a, b) {
      return (ranks.get(a) - ranks.get(b)) ||
        names.get(a).localeCompare(names.get(b), document.documentElement.lang);
    });
    container.querySelectorAll("select[name=tag]").forEach(function (select) {
      if (select.options.length <= 1) {
        ids.forEach(function (tag) { select.add(new Option(names.get(tag), tag)); });
      }
    });
  }

  function sectionOptions(form, all) {
    var sections = form.querySelector("select[name=section]");
    if (!sections || sections.options.length > 1) {
      return;
    }
    var seen = new Set();
    all.forEach(function (q) {
      if (!seen.has(q.section)) {
        seen.add(q.section);
        sections.add(new Option(q.section_title, q.section));
      }
    });
  }

  function setupRandom(panel, t, root, key) {
    var form = panel.querySelector(".hb-practice__random");
    var message = panel.querySelector(".hb-practice__message");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      store.questions().then(function (all) {
        var section = form.elements.section.value;
        var tag = form.elements.tag.value;
        var level = form.elements.level.value;
        var done = new Set(form.elements.unmastered.checked ? store.read("mastered") : []);
        var pool = all.filter(function (q) {
          return (!section || q.section === section) && (!tag || q.tags.indexOf(tag) >= 0) &&
            (!level || q.level === level) && !done.has(q.url) && q.url !== key;
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

  window.hbPractice = { gradeBar: gradeBar, gradeKey: gradeKey, tagOptions: tagOptions };

  function init() {
    var panel = document.querySelector(".hb-practice");
    if (!panel || panel.dataset.ready || !store) {
      return;
    }
    panel.dataset.ready = "true";
    hb.strings().then(function (all) { start(panel, all.practice); });
  }

  function start(panel, t) {
    var kind = panel.dataset.kind;
    var root = hb.langRoot;
    var key = currentKey();
    var applyMode = kind === "question" ? setupQuestion(panel, t, key) : function () {};

    var toggle = panel.querySelector(".hb-practice__toggle");
    function setMode(on) {
      toggle.setAttribute("aria-pressed", String(on));
      document.documentElement.classList.toggle("hb-practising", on);
      applyMode(on);
    }
    toggle.addEventListener("click", function () {
      var on = toggle.getAttribute("aria-pressed") !== "true";
      store.write("practice", on);
      setMode(on);
    });
    setMode(store.read("practice") === true);
    setupRandom(panel, t, root, key);
    panel.dataset.wired = "true";  /* the controls work from here on (tests wait for it) */

    store.questions().then(function (all) {
      if (kind !== "question") {
        var paint = function () { paintProgress(panel, t, all, kind === "section" ? panel.dataset.section : ""); };
        paint();
        if (kind === "home") {
          store.scheduleMastered(all).then(function (changed) { return changed && paint(); }, function () {});
        }
      }
      var form = panel.querySelector(".hb-practice__random");
      sectionOptions(form, all);
      tagOptions(form, all);
    });
  }

  hb.onPage(init);
})();
