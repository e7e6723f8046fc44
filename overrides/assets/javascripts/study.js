/*
 * The study page (docs/<lang>/study.md, overrides/study.html): a review
 * session over the due questions, a timed mock interview, and the reader's
 * progress (export, import, clear). Only this page loads this file.
 *
 * A question's short answer and key points are read from the question
 * page's own HTML (the #short-answer section and its .hb-key-points block),
 * fetched when needed, so nothing is duplicated into a large data file.
 * Storage and scheduling: study-store.js; grade buttons and tag options:
 * practice.js; strings (strings.json) and start-up: hb-core.js.
 */
(function () {
  "use strict";

  var hb = window.hb;
  var store = window.hbStore;
  var DEFAULT_MINUTES = 3;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function button(label, primary) {
    var b = el("button", "md-button" + (primary ? " md-button--primary" : ""), label);
    b.type = "button";
    return b;
  }

  function clamp(value, low, high, fallback) {
    var n = Number(value);
    return isFinite(n) && value !== "" ? Math.min(high, Math.max(low, n)) : fallback;
  }

  /* A results table that looks like the site's tables: Material styles a
     <table> without a class inside its scroll wrapper. Returns {wrap, body}. */
  function resultsTable(headers) {
    var wrap = el("div", "md-typeset__scrollwrap hb-study__results");
    var inner = wrap.appendChild(el("div", "md-typeset__table"));
    var table = inner.appendChild(el("table"));
    var head = table.createTHead().insertRow();
    headers.forEach(function (c) { head.appendChild(el("th", "", c)); });
    return { wrap: wrap, body: table.createTBody() };
  }

  /* The short-answer section of a question page: {body, points} (points are <li> elements). */
  function fetchAnswer(root, q) {
    var page = new URL(q.url, root);
    return fetch(page.href).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var heading = doc.getElementById("short-answer");
      var body = el("div", "hb-study__answer-body");
      var points = [];
      for (var node = heading && heading.nextElementSibling; node && !/^H[12]$/.test(node.tagName);
        node = node.nextElementSibling) {
        var copy = document.importNode(node, true);
        if (node.classList.contains("hb-key-points")) {
          points = Array.prototype.slice.call(copy.querySelectorAll("li"));
        }
        body.appendChild(copy);
      }
      if (!heading) {
        throw new Error("no short answer");
      }
      /* Links stay relative to the question page; ids must not clash with this page's. */
      body.querySelectorAll("[href]").forEach(function (a) {
        a.setAttribute("href", new URL(a.getAttribute("href"), page).href);
      });
      body.querySelectorAll("[src]").forEach(function (a) {
        a.setAttribute("src", new URL(a.getAttribute("src"), page).href);
      });
      body.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      return { body: body, points: points };
    });
  }

  function matches(filters) {
    return function (q) {
      return (!filters.sections.length || filters.sections.indexOf(q.section) >= 0) &&
        (!filters.tag || q.tags.indexOf(filters.tag) >= 0) && (!filters.level || q.level === filters.level);
    };
  }

  function filtersOf(form) {
    var sections = form.elements.section && form.elements.section.value ? [form.elements.section.value] : [];
    form.querySelectorAll("input[name=sections]:checked").forEach(function (box) { sections.push(box.value); });
    return { sections: sections, tag: form.elements.tag.value, level: form.elements.level.value };
  }

  function heading(text, title) {
    var h = el("h3", "hb-study__step-heading");
    h.tabIndex = -1;
    h.appendChild(el("span", "hb-study__step", text));
    h.appendChild(document.createTextNode(" " + title));
    return h;
  }

  function levelBadge(t, q) {
    return q.level ? el("span", "hb-level", t.levels[q.level] || q.level) : null;
  }

  function show(stage, nodes) {
    stage.replaceChildren.apply(stage, nodes.filter(Boolean));
    stage.hidden = false;
  }

  /* ---- Review session ---------------------------------------------------- */

  function review(part, t, root, all) {
    var form = part.querySelector("form");
    var stage = part.querySelector(".hb-study__stage");
    var message = form.querySelector(".hb-study__message");
    var s = t.study;
    var session = null;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var filters = filtersOf(form);
      var pool = all.filter(matches(filters));
      var now = new Date();
      var status = store.status(pool, now);
      var fresh = status.fresh.slice(0, clamp(form.elements["new"].value, 0, 50, 5));
      var items = status.due.concat(fresh);
      if (!items.length) {
        message.textContent = s.nothing_due;
        return;
      }
      message.textContent = "";
      session = { items: items, fresh: fresh, pool: pool, graded: [] };
      step(0);
    });

    function step(i) {
      if (i >= session.items.length) {
        summary();
        return;
      }
      var q = session.items[i];
      var title = heading(hb.format(s.step, { i: i + 1, n: session.items.length }), q.title);
      var meta = el("p", "hb-study__meta");
      [levelBadge(t, q), session.fresh.indexOf(q) >= 0 ? el("span", "hb-study__new", s.new_badge) : null]
        .filter(Boolean).forEach(function (n) { meta.appendChild(n); meta.appendChild(document.createTextNode(" ")); });
      var reveal = button(t.practice.show, true);
      var answer = el("div", "hb-study__answer");
      answer.hidden = true;
      answer.tabIndex = -1;
      var link = el("a", "", s.open_page);
      link.href = new URL(q.url, root).href;
      var end = button(s.end_session);
      session.index = i;
      var grades = window.hbPractice.gradeBar(t.practice, q.url, function (rating, record) {
        if (session.index !== i) {
          return; /* a second key press while the first grade was saving */
        }
        session.graded.push({ q: q, rating: rating, record: record });
        step(i + 1);
      });
      grades.element.hidden = true;
      session.grades = grades;
      reveal.addEventListener("click", function () {
        reveal.hidden = true;
        answer.hidden = false;
        answer.replaceChildren(el("p", "", s.loading));
        fetchAnswer(root, q).then(function (found) {
          answer.replaceChildren(found.body);
        }, function () {
          answer.replaceChildren(el("p", "", s.load_failed));
        }).then(function () {
          answer.appendChild(el("p")).appendChild(link);
          grades.element.hidden = false;
          grades.showIntervals();
          answer.focus();
        });
      });
      end.addEventListener("click", summary);
      show(stage, [title, meta, reveal, answer, grades.element, end]);
      title.focus();
    }

    function summary() {
      var counts = { 1: 0, 2: 0, 3: 0, 4: 0 };
      session.graded.forEach(function (g) { counts[g.rating] += 1; });
      var h = el("h3", "hb-study__step-heading", s.summary_heading);
      h.tabIndex = -1;
      var text = el("p", "", hb.format(s.review_summary, {
        n: session.graded.length, again: counts[1], hard: counts[2], good: counts[3], easy: counts[4]
      }));
      var left = el("p", "", hb.format(s.review_left, { n: store.status(session.pool, new Date()).due.length }));
      var table = null;
      if (session.graded.length) {
        var graded = resultsTable([s.col_question, s.col_grade, s.col_next]);
        table = graded.wrap;
        session.graded.forEach(function (g) {
          var row = graded.body.insertRow();
          row.insertCell().textContent = g.q.title;
          row.insertCell().textContent = t.practice[store.GRADES[g.rating - 1]];
          row.insertCell().textContent = hb.date(g.record.due);
        });
      }
      var again = button(s.again_session);
      again.addEventListener("click", function () {
        stage.hidden = true;
        form.querySelector("select, input, button").focus();
      });
      session.grades = null;
      show(stage, [h, text, left, table, again]);
      h.focus();
    }

    /* Keys 1-4 grade the revealed answer (not while typing in a form field). */
    document.addEventListener("keydown", function (event) {
      var grades = session && session.grades;
      var rating = window.hbPractice.gradeKey(event);
      if (!rating || !grades || grades.element.hidden || !grades.element.isConnected) {
        return;
      }
      event.preventDefault();
      grades.grade(rating);
    });
  }

  /* ---- Mock interview ---------------------------------------------------- */

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = list[i];
      list[i] = list[j];
      list[j] = swap;
    }
    return list;
  }

  /* Coverage of the key points -> an FSRS rating: all covered is Good, at least half Hard, less Again. */
  function ratingFor(covered, total) {
    return covered === total ? store.RATING.good : covered * 2 >= total ? store.RATING.hard : store.RATING.again;
  }

  function mock(part, t, root, all) {
    var form = part.querySelector("form");
    var stage = part.querySelector(".hb-study__stage");
    var message = form.querySelector(".hb-study__message");
    var s = t.study;
    var timer = null;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearInterval(timer);
      var pool = shuffle(all.filter(matches(filtersOf(form))));
      var count = Math.round(clamp(form.elements.count.value, 1, 50, 5));
      if (!pool.length) {
        message.textContent = s.no_questions;
        return;
      }
      message.textContent = "";
      var minutes = clamp(form.elements.minutes.value, 0.5, 30, DEFAULT_MINUTES);
      var session = {
        at: new Date(), minutes: minutes,
        items: pool.slice(0, count).map(function (q) { return { q: q, answer: null, covered: 0, total: 0 }; })
      };
      ask(session, 0);
    });

    function ask(session, i) {
      var item = session.items[i];
      item.answer = fetchAnswer(root, item.q);
      var last = i === session.items.length - 1;
      var title = heading(hb.format(s.step, { i: i + 1, n: session.items.length }), item.q.title);
      var clock = el("p", "hb-study__timer");
      var time = el("span", "hb-study__clock");
      time.setAttribute("role", "timer");
      clock.append(el("span", "", s.time_left + " "), time);
      var status = el("p", "hb-study__message");
      status.setAttribute("role", "status");
      var done = button(s.done_answering, true);
      var answer = el("div", "hb-study__answer");
      answer.hidden = true;
      answer.tabIndex = -1;
      var points = el("fieldset", "hb-study__points");
      points.hidden = true;
      var next = button(last ? s.finish : s.next_question, true);
      next.hidden = true;

      var deadline = Date.now() + session.minutes * 60000;
      function tick() {
        var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
        time.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
        if (left === 0) {
          status.textContent = s.time_up;
          reveal();
        }
      }
      function reveal() {
        window.clearInterval(timer);
        timer = null;
        if (!done.hidden) {
          done.hidden = true;
          answer.hidden = false;
          answer.replaceChildren(el("p", "", s.loading));
          item.answer.then(function (found) {
            found.body.querySelectorAll(".hb-key-points").forEach(function (n) { n.remove(); });
            answer.replaceChildren(found.body);
            return found.points;
          }, function () {
            answer.replaceChildren(el("p", "", s.load_failed));
            return [];
          }).then(function (found) {
            item.total = found.length;
            points.replaceChildren(el("legend", "", found.length ? s.covered_legend : s.no_key_points));
            found.forEach(function (li, n) {
              var label = el("label");
              var box = el("input");
              box.type = "checkbox";
              box.name = "covered";
              box.value = String(n);
              var text = el("span");
              while (li.firstChild) {
                text.appendChild(li.firstChild);
              }
              label.append(box, text);
              points.appendChild(label);
            });
            points.hidden = false;
            next.hidden = false;
            answer.focus();
          });
        }
      }
      done.addEventListener("click", reveal);
      next.addEventListener("click", function () {
        item.covered = points.querySelectorAll("input:checked").length;
        return last ? results(session) : ask(session, i + 1);
      });
      show(stage, [title, clock, done, status, answer, points, next]);
      tick();
      timer = window.setInterval(tick, 250);
      title.focus();
    }

    function results(session) {
      var covered = 0;
      var total = 0;
      var scores = resultsTable([s.col_question, s.col_score]);
      session.items.forEach(function (item) {
        covered += item.covered;
        total += item.total;
        var row = scores.body.insertRow();
        row.insertCell().textContent = item.q.title;
        row.insertCell().textContent = item.total ? item.covered + " / " + item.total : "\u2013";
      });
      var pct = total ? Math.round(100 * covered / total) : 0;
      var h = el("h3", "hb-study__step-heading", s.summary_heading);
      h.tabIndex = -1;
      var overall = el("p", "hb-study__score", hb.format(s.mock_score, { covered: covered, total: total, pct: pct }));
      var saved = el("p", "");
      saved.setAttribute("role", "status");
      var again = button(s.again_session);
      again.addEventListener("click", function () {
        stage.hidden = true;
        form.querySelector("input, select, button").focus();
      });
      show(stage, [h, overall, scores.wrap, saved, again]);
      h.focus();
      store.addMock({
        id: session.at.toISOString() + "-" + Math.random().toString(36).slice(2, 8),
        at: session.at.toISOString(), lang: document.documentElement.lang, minutes: session.minutes,
        questions: session.items.map(function (item) {
          return { url: item.q.url, covered: item.covered, total: item.total };
        })
      });
      var reviews = session.items.filter(function (item) { return item.total; }).map(function (item) {
        return { url: item.q.url, rating: ratingFor(item.covered, item.total) };
      });
      store.reviewAll(reviews).then(function (result) {
        saved.textContent = s.mock_saved +
          (result.reset.length ? " " + hb.format(s.cards_reset, { n: result.reset.length }) : "");
      }, function () {
        saved.textContent = t.practice.save_failed;
      });
    }
  }

  /* ---- Progress: counts, export, import, clear ---------------------------- */

  function progress(part, t, all) {
    var s = t.study;
    var message = part.querySelector(".hb-study__message");
    var file = part.querySelector("input[type=file]");

    function paint() {
      var status = store.status(all, new Date());
      var mocks = store.read("mock");
      document.querySelectorAll(".hb-study__counts").forEach(function (p) {
        p.textContent = hb.format(s.counts, { due: status.due.length, "new": status.fresh.length,
          scheduled: status.scheduled });
      });
      part.querySelector(".hb-study__summary").textContent = hb.format(s.progress_summary, {
        mastered: status.mastered.length, scheduled: status.scheduled, mocks: mocks.length
      });
      var list = part.querySelector(".hb-study__mocks");
      list.replaceChildren.apply(list, mocks.slice(-5).reverse().map(function (m) {
        var covered = 0;
        var total = 0;
        m.questions.forEach(function (q) { covered += q.covered; total += q.total; });
        return el("li", "", hb.format(s.mock_entry, {
          date: hb.date(m.at), n: m.questions.length, pct: total ? Math.round(100 * covered / total) : 0
        }));
      }));
      list.hidden = !mocks.length;
      part.querySelector(".hb-study__no-mocks").hidden = mocks.length > 0;
    }

    part.querySelector("[data-action=export]").addEventListener("click", function () {
      var now = new Date();
      var blob = new Blob([JSON.stringify(store.exportData(now), null, 2)], { type: "application/json" });
      var link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = "handbook-progress-" + now.toISOString().slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      message.textContent = hb.format(s.exported, { file: link.download });
    });
    part.querySelector("[data-action=import]").addEventListener("click", function () { file.click(); });
    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) {
        return;
      }
      if (chosen.size > store.MAX_IMPORT_BYTES) {
        /* Not read at all: no progress file of this site comes near the limit. */
        message.textContent = hb.format(s.import_too_large, { limit: Math.round(store.MAX_IMPORT_BYTES / 1048576) + " MB" });
        file.value = "";
        return;
      }
      chosen.text().then(function (text) {
        var result = store.importText(text, all);
        if (result.error) {
          message.textContent = s["import_" + result.error];
          return;
        }
        message.textContent = hb.format(s.imported, { updated: result.updated, mocks: result.mocks }) +
          (result.skipped ? " " + hb.format(s.import_skipped, { n: result.skipped }) : "");
      }, function () {
        message.textContent = s.import_corrupt;
      }).then(function () {
        file.value = "";
        paint();
      });
    });
    /* Clearing deletes everything: the button opens a confirmation in the
       page; only its own "clear all" button clears. */
    var clear = part.querySelector("[data-action=clear]");
    var confirmation = part.querySelector(".hb-study__confirm");
    function asking(open) {
      confirmation.hidden = !open;
      clear.setAttribute("aria-expanded", String(open));
    }
    clear.addEventListener("click", function () {
      message.textContent = "";
      asking(confirmation.hidden);
      if (!confirmation.hidden) {
        confirmation.querySelector("[data-action=clear-no]").focus();
      }
    });
    confirmation.querySelector("[data-action=clear-yes]").addEventListener("click", function () {
      store.clear();
      asking(false);
      message.textContent = s.cleared;
      clear.focus();
    });
    confirmation.querySelector("[data-action=clear-no]").addEventListener("click", function () {
      asking(false);
      message.textContent = s.clear_cancelled;
      clear.focus();
    });
    window.addEventListener("hb:progress", paint);
    paint();
    store.scheduleMastered(all).then(function (changed) { return changed && paint(); }, function () {});
  }

  function init() {
    var app = document.querySelector(".hb-study");
    if (!app || app.dataset.ready || !store || !window.hbPractice) {
      return;
    }
    app.dataset.ready = "true";
    var root = hb.langRoot;
    Promise.all([hb.strings(), store.questions()]).then(function (loaded) {
      var t = loaded[0];
      var all = loaded[1];
      window.hbPractice.tagOptions(app, all);
      review(app.querySelector("[data-part=review]"), t, root, all);
      mock(app.querySelector("[data-part=mock]"), t, root, all);
      progress(app.querySelector("[data-part=progress]"), t, all);
      app.classList.add("hb-study--ready");
    });
  }

  hb.onPage(init);
})();
