/*
 * The reader's study progress, in this browser's localStorage only: nothing
 * is sent anywhere. This file owns the storage format, so every page reads
 * it the same way. Each entry is checked when read: an entry that is corrupt
 * or not ours is reset on its own (bad records inside it are dropped), and
 * the other entries are kept, so a damaged value never breaks a page.
 *
 * Keys, shared by both languages (a question is keyed by its URL relative to
 * the language root, e.g. "ai-painting/dreambooth/"):
 *   hb.practice  practice mode on or off (boolean)
 *   hb.mastered  questions marked as mastered (array of keys)
 *   hb.srs       review schedule: key -> ts-fsrs Card (dates as ISO strings)
 *                plus `updated`, the time of the question's last change
 *   hb.mock      mock interviews, oldest first (the last 50)
 *
 * Scheduling is FSRS from the vendored ts-fsrs (vendor/ts-fsrs.umd.js),
 * loaded only when a review is recorded, so pages stay light. PARAMS below:
 * default FSRS-6 weights, 90 % target retention, whole-day intervals (an
 * interview answer is not re-drilled minutes later), fuzz so questions
 * learnt together spread out, and at most a year between reviews.
 * "Mastered" maps onto the schedule: marking a question records an Easy
 * review (a new question comes back in about a week, a known one later);
 * an Again review takes the mark away.
 *
 * Export format: {format: FORMAT, version: 1, exported, mastered, schedule,
 * mock}. Import merges per question: the record with the newer `updated`
 * wins, together with its side's mastered mark.
 */
(function () {
  "use strict";

  var KEYS = { practice: "hb.practice", mastered: "hb.mastered", srs: "hb.srs", mock: "hb.mock" };
  var FORMAT = "ai-interview-handbook-progress";
  var VERSION = 1;
  var MAX_MOCKS = 50;
  var PARAMS = { request_retention: 0.9, maximum_interval: 365, enable_fuzz: true, enable_short_term: false };
  var RATING = { again: 1, hard: 2, good: 3, easy: 4 };
  var cache = {};
  var scheduler = null;

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isDate(v) { return typeof v === "string" && v.length < 40 && !isNaN(Date.parse(v)); }
  function isCount(v) { return typeof v === "number" && v >= 0 && v < 1e7 && Math.floor(v) === v; }
  function isNumber(v) { return typeof v === "number" && isFinite(v); }
  function isKey(v) { return typeof v === "string" && v.length < 300 && /\/$/.test(v) && !/^\/|\.\.|\s/.test(v); }
  function optional(v, test) { return v === undefined || test(v); }

  function isCard(c) {
    return isObject(c) && isDate(c.due) && isNumber(c.stability) && c.stability >= 0 && isNumber(c.difficulty) &&
      isCount(c.scheduled_days) && isCount(c.reps) && isCount(c.lapses) && [0, 1, 2, 3].indexOf(c.state) >= 0 &&
      optional(c.learning_steps, isCount) && optional(c.elapsed_days, isCount) &&
      optional(c.last_review, isDate) && isDate(c.updated);
  }

  function isMock(m) {
    return isObject(m) && typeof m.id === "string" && m.id.length < 80 && isDate(m.at) && isNumber(m.minutes) &&
      Array.isArray(m.questions) && m.questions.length <= 100 && m.questions.every(function (q) {
        return isObject(q) && isKey(q.url) && isCount(q.covered) && isCount(q.total) && q.covered <= q.total;
      });
  }

  /* Each entry: its default and a cleaner that keeps the valid part (or
     returns undefined when the entry is not ours at all). */
  var ENTRIES = {
    practice: { empty: false, clean: function (v) { return typeof v === "boolean" ? v : undefined; } },
    mastered: {
      empty: [],
      clean: function (v) {
        return Array.isArray(v) ? v.filter(function (k, i) { return isKey(k) && v.indexOf(k) === i; }) : undefined;
      }
    },
    srs: {
      empty: {},
      clean: function (v) {
        if (!isObject(v)) {
          return undefined;
        }
        var out = {};
        Object.keys(v).forEach(function (k) {
          if (isKey(k) && isCard(v[k])) {
            out[k] = v[k];
          }
        });
        return out;
      }
    },
    mock: { empty: [], clean: function (v) { return Array.isArray(v) ? v.filter(isMock).slice(-MAX_MOCKS) : undefined; } }
  };

  function copy(value) { return JSON.parse(JSON.stringify(value)); }

  function read(name) {
    var entry = ENTRIES[name];
    var raw = null;
    var value;
    try {
      raw = window.localStorage.getItem(KEYS[name]);
    } catch (error) {
      return copy(entry.empty);
    }
    if (raw === null) {
      return copy(entry.empty);
    }
    try {
      value = entry.clean(JSON.parse(raw));
    } catch (error) {
      value = undefined;
    }
    if (value === undefined) {
      remove(name);
      return copy(entry.empty);
    }
    if (JSON.stringify(value) !== raw) {
      write(name, value, true);
    }
    return value;
  }

  function write(name, value, quiet) {
    try {
      window.localStorage.setItem(KEYS[name], JSON.stringify(value));
    } catch (error) {
      return false; /* storage disabled or full: the page still works */
    }
    if (!quiet) {
      window.dispatchEvent(new CustomEvent("hb:progress", { detail: { entry: name } }));
    }
    return true;
  }

  function remove(name) {
    try {
      window.localStorage.removeItem(KEYS[name]);
    } catch (error) {
      /* nothing to do */
    }
  }

  /* The language root, resolved once against the page this script loaded
     with: with instant navigation the #__config of that first page stays
     while the address changes, so resolving it later would be wrong. */
  var root = null;
  function base() {
    if (root === null) {
      var config = JSON.parse(document.getElementById("__config").textContent);
      root = new URL(config.base, window.location.href);
    }
    return new URL(root.href);
  }

  function questions() {
    var url = new URL("questions.json", base()).href;
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return cache[url];
  }

  /* The page scripts' strings in this page's language (strings.json at the
     language root, written by the build): one cached file instead of a copy
     in every page. */
  function strings() {
    var url = new URL("strings.json", base()).href;
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return cache[url];
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* ts-fsrs, loaded on first use: a promise of {F: the library, f: our scheduler}. */
  function fsrs() {
    if (!scheduler) {
      scheduler = new Promise(function (resolve, reject) {
        if (window.FSRS && window.FSRS.fsrs) {
          resolve(window.FSRS);
          return;
        }
        var script = document.createElement("script");
        script.src = new URL("assets/javascripts/vendor/ts-fsrs.umd.js", base()).href;
        script.onload = function () { return window.FSRS ? resolve(window.FSRS) : reject(new Error("ts-fsrs")); };
        script.onerror = function () { reject(new Error("ts-fsrs did not load")); };
        document.head.appendChild(script);
      }).then(function (F) {
        return { F: F, f: F.fsrs(F.generatorParameters(PARAMS)) };
      }, function (error) {
        scheduler = null;
        throw error;
      });
    }
    return scheduler;
  }

  function toCard(record, F, now) {
    if (!record) {
      return F.createEmptyCard(now);
    }
    var card = {};
    Object.keys(record).forEach(function (k) {
      if (k !== "updated") {
        card[k] = record[k];
      }
    });
    return card;
  }

  function toRecord(card, now) {
    var record = {};
    ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state"]
      .forEach(function (k) {
        if (card[k] !== undefined) {
          record[k] = card[k];
        }
      });
    record.due = new Date(card.due).toISOString();
    if (card.last_review) {
      record.last_review = new Date(card.last_review).toISOString();
    }
    record.updated = now.toISOString();
    return record;
  }

  /* The reviewing time: never before the card's last review (a clock that
     differs between two devices must not make FSRS go backwards). */
  function reviewTime(record, now) {
    var last = record && record.last_review ? new Date(record.last_review) : null;
    return last && last > now ? last : now;
  }

  /* Record reviews: items [{url, rating, from}] ("from" replaces the current
     record, e.g. to re-grade within one page view; null means new). */
  function reviewAll(items, now) {
    now = now || new Date();
    return fsrs().then(function (s) {
      var schedule = read("srs");
      var unmaster = [];
      items.forEach(function (item) {
        var before = item.from !== undefined ? item.from : schedule[item.url];
        var at = reviewTime(before, now);
        schedule[item.url] = toRecord(s.f.next(toCard(before, s.F, at), at, item.rating).card, now);
        if (item.rating === RATING.again) {
          unmaster.push(item.url);
        }
      });
      if (!write("srs", schedule)) {
        throw new Error("storage");
      }
      if (unmaster.length) {
        write("mastered", read("mastered").filter(function (k) { return unmaster.indexOf(k) < 0; }));
      }
      return schedule;
    });
  }

  function review(url, rating, now, from) {
    return reviewAll([{ url: url, rating: rating, from: from }], now).then(function (schedule) {
      return schedule[url];
    });
  }

  /* The next due date for every rating, without recording anything. */
  function preview(url, now, from) {
    now = now || new Date();
    return fsrs().then(function (s) {
      var before = from !== undefined ? from : read("srs")[url];
      var at = reviewTime(before, now);
      var options = s.f.repeat(toCard(before, s.F, at), at);
      var out = {};
      [1, 2, 3, 4].forEach(function (r) { out[r] = options[r].card.due; });
      return out;
    });
  }

  /* Mark or un-mark a question; marking records an Easy review (from `from`, see reviewAll). */
  function setMastered(url, on, now, from) {
    now = now || new Date();
    var list = read("mastered").filter(function (k) { return k !== url; });
    if (on) {
      list.push(url);
    }
    var saved = write("mastered", list);
    if (on) {
      return review(url, RATING.easy, now, from);
    }
    /* Un-marking is a change too: a later merge must keep it. */
    var schedule = read("srs");
    if (schedule[url]) {
      schedule[url].updated = now.toISOString();
      write("srs", schedule);
    }
    return saved ? Promise.resolve(schedule[url]) : Promise.reject(new Error("storage"));
  }

  function endOfDay(now) {
    var day = new Date(now);
    day.setHours(23, 59, 59, 999);
    return day;
  }

  /* Due (today, in the reader's time zone), new and scheduled questions among `all`. */
  function status(all, now) {
    var schedule = read("srs");
    var mastered = read("mastered");
    var limit = endOfDay(now || new Date()).getTime();
    var due = all.filter(function (q) { return schedule[q.url] && Date.parse(schedule[q.url].due) <= limit; });
    due.sort(function (a, b) { return Date.parse(schedule[a.url].due) - Date.parse(schedule[b.url].due); });
    return {
      due: due,
      fresh: all.filter(function (q) { return !schedule[q.url] && mastered.indexOf(q.url) < 0; }),
      scheduled: all.filter(function (q) { return schedule[q.url]; }).length
    };
  }

  /* Questions marked as mastered before the schedule existed get their Easy review now. */
  function migrate() {
    var schedule = read("srs");
    var legacy = read("mastered").filter(function (k) { return !schedule[k]; });
    if (!legacy.length) {
      return Promise.resolve(false);
    }
    return reviewAll(legacy.map(function (k) { return { url: k, rating: RATING.easy }; })).then(function () {
      return true;
    });
  }

  function addMock(result) {
    var list = read("mock");
    list.push(result);
    return write("mock", list.slice(-MAX_MOCKS));
  }

  function exportData(now) {
    return {
      format: FORMAT, version: VERSION, exported: (now || new Date()).toISOString(),
      mastered: read("mastered"), schedule: read("srs"), mock: read("mock")
    };
  }

  /* A progress file's text -> {data} or {error: "foreign" | "newer" | "corrupt"}. */
  function parse(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: String(text).indexOf(FORMAT) >= 0 ? "corrupt" : "foreign" };
    }
    if (!isObject(data) || data.format !== FORMAT) {
      return { error: "foreign" };
    }
    if (!isCount(data.version) || data.version < 1) {
      return { error: "corrupt" };
    }
    if (data.version > VERSION) {
      return { error: "newer" };
    }
    var ok = Array.isArray(data.mastered) && data.mastered.every(isKey) &&
      isObject(data.schedule) && Object.keys(data.schedule).every(function (k) {
        return isKey(k) && isCard(data.schedule[k]);
      }) &&
      Array.isArray(data.mock) && data.mock.every(isMock);
    return ok ? { data: data } : { error: "corrupt" };
  }

  /* Merge a parsed progress file into this browser's progress. */
  function merge(data) {
    var schedule = read("srs");
    var mastered = read("mastered");
    var mocks = read("mock");
    var before = JSON.stringify([schedule, mastered]);
    var urls = {};
    [Object.keys(schedule), Object.keys(data.schedule), mastered, data.mastered].forEach(function (list) {
      list.forEach(function (k) { urls[k] = true; });
    });
    var changed = 0;
    var nextMastered = [];
    Object.keys(urls).forEach(function (k) {
      var mine = schedule[k];
      var theirs = data.schedule[k];
      var wasMastered = mastered.indexOf(k) >= 0;
      var isMastered;
      var oldRecord = JSON.stringify(mine);
      if (theirs && (!mine || Date.parse(theirs.updated) > Date.parse(mine.updated))) {
        schedule[k] = theirs;
        isMastered = data.mastered.indexOf(k) >= 0;
      } else {
        isMastered = wasMastered || (!mine && data.mastered.indexOf(k) >= 0);
      }
      if (isMastered) {
        nextMastered.push(k);
      }
      if (isMastered !== wasMastered || JSON.stringify(schedule[k]) !== oldRecord) {
        changed += 1;
      }
    });
    var known = {};
    mocks.forEach(function (m) { known[m.id] = true; });
    var added = data.mock.filter(function (m) { return !known[m.id]; });
    var allMocks = mocks.concat(added).sort(function (a, b) { return Date.parse(a.at) - Date.parse(b.at); });
    if (JSON.stringify([schedule, nextMastered]) !== before) {
      write("srs", schedule, true);
      write("mastered", nextMastered, true);
    }
    write("mock", allMocks.slice(-MAX_MOCKS));
    return { updated: changed, mocks: added.length };
  }

  function clear() {
    ["mastered", "srs", "mock"].forEach(remove);
    window.dispatchEvent(new CustomEvent("hb:progress", { detail: { entry: "all" } }));
  }

  window.hbStore = {
    RATING: RATING,
    read: read, write: write, base: base, questions: questions, strings: strings, format: format,
    review: review, reviewAll: reviewAll, preview: preview, setMastered: setMastered, status: status,
    migrate: migrate, addMock: addMock, exportData: exportData, parse: parse, merge: merge, clear: clear
  };
})();
