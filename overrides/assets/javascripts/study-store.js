/*
 * The reader's study progress, in this browser's localStorage only: nothing
 * is sent anywhere. This file owns the storage format, so every page reads
 * it the same way. Each entry is checked when read: an entry that is corrupt
 * or not ours is reset on its own (bad records inside it are dropped), and
 * the other entries are kept, so a damaged value never breaks a page.
 *
 * Keys carry the site's root (hb-core.js `hb.key`): GitHub Pages serves every
 * project site of an owner from one origin, and one site's progress must
 * never show on, or be cleared by, another. Shared by both languages (a
 * question is keyed by its URL relative to the language root, e.g.
 * "ai-painting/dreambooth/"):
 *   <root>.hb.practice  practice mode on or off (boolean)
 *   <root>.hb.mastered  questions marked as mastered (array of keys)
 *   <root>.hb.srs       review schedule: key -> ts-fsrs Card (dates as ISO
 *                       strings) plus `updated`, the time of its last change
 *   <root>.hb.mock      mock interviews, oldest first (the last 50)
 *   <root>.hb.migrated  when this site copied the unscoped keys (below)
 *
 * Before keys carried the root they were hb.practice, hb.mastered, hb.srs and
 * hb.mock, shared by every site of the origin. On its first load each site
 * copies them once (all or nothing) and marks that it did; the old keys are
 * left as they are, never written or deleted. Until the update every site of
 * the origin showed that one shared progress, so each starts from exactly
 * what its reader saw there the day before, nothing is lost whichever site
 * updates first, and from then on the sites are apart. (Moving them to the
 * first site that loads would empty every other one; guessing whose records
 * are whose is impossible, the old format has no trace of the site.)
 *
 * Scheduling is FSRS from the vendored ts-fsrs (vendor/ts-fsrs.umd.js),
 * loaded only when a review is recorded, so pages stay light. PARAMS below:
 * default FSRS-6 weights, 90 % target retention, whole-day intervals (an
 * interview answer is not re-drilled minutes later), fuzz so questions
 * learnt together spread out, and at most a year between reviews.
 * "Mastered" maps onto the schedule: marking a question records an Easy
 * review (a new question comes back in about a week, a known one later);
 * an Again review takes the mark away. A stored card the scheduler cannot
 * use is reset by the next grade, which says so.
 *
 * Export format: {format: FORMAT, version: 1, exported, mastered, schedule,
 * mock}. Import (importText) refuses a file above MAX_IMPORT_BYTES, checks
 * every field and range, applies only questions this site has, merges per
 * question (the record with the newer `updated` wins, with its side's
 * mastered mark) in linear time, and writes everything or nothing.
 */
(function () {
  "use strict";

  var hb = window.hb;
  var NAMES = ["practice", "mastered", "srs", "mock"];
  var FORMAT = "ai-interview-handbook-progress";
  var VERSION = 1;
  var MAX_MOCKS = 50;
  var MAX_IMPORT_BYTES = 4 * 1024 * 1024;
  var PARAMS = { request_retention: 0.9, maximum_interval: 365, enable_fuzz: true, enable_short_term: false };
  var RATING = { again: 1, hard: 2, good: 3, easy: 4 };
  /* The grades, in key order (keys 1-4): their names are the strings' keys. */
  var GRADES = ["again", "hard", "good", "easy"];
  var DAY = 86400000;
  var scheduler = null;

  /* ---- Checking values ------------------------------------------------------ */

  var ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
  var KEY = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)*\/$/;
  var EARLIEST = Date.UTC(2020, 0, 1);
  var LATEST = Date.UTC(2100, 0, 1);
  var MAX_DAYS = 36500;

  /* Stored values are checked against fixed bounds (a clock set wrong must
     never cost a reader their progress). A file being imported is checked
     against this moment (nothing updated in the future, a day of clock
     difference between devices allowed; nothing due in years) and strictly
     (no field this site does not write, dates as it writes them). A card
     being graded must not have been reviewed in the future either. */
  var STORED = { latest: LATEST, latestDue: LATEST, strict: false };
  function importLimits(now) {
    return { latest: now.getTime() + DAY, latestDue: now.getTime() + 3 * 365 * DAY, strict: true };
  }
  function gradeLimits(now) {
    return { latest: now.getTime() + DAY, latestDue: LATEST, strict: false };
  }

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isInt(v, low, high) { return typeof v === "number" && Math.floor(v) === v && v >= low && v <= high; }
  function isReal(v, low, high) { return typeof v === "number" && isFinite(v) && v >= low && v <= high; }
  function isKey(v) { return typeof v === "string" && v.length <= 200 && KEY.test(v); }
  /* A date within [EARLIEST, latest]: strictly, in the form this site writes
     (toISOString); stored values written by hand-edited imports of earlier
     versions may use any form Date.parse reads. */
  function isDate(v, latest, strict) {
    var t = typeof v === "string" && v.length <= 40 && (!strict || ISO.test(v)) ? Date.parse(v) : NaN;
    return t >= EARLIEST && t <= latest;
  }
  function own(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }

  /* A copy of `value` with only the fields in `checks`, or null when a field
     fails its check (or, strictly, when `value` has a field not in `checks`:
     a file of this format never does). `checks[name] = [test, optional]`. */
  function pick(value, checks, strict) {
    if (!isObject(value)) {
      return null;
    }
    var fields = Object.keys(checks);
    for (var i = 0; i < fields.length; i += 1) {
      if (!checks[fields[i]][1] && !own(value, fields[i])) {
        return null;
      }
    }
    var out = {};
    var names = Object.keys(value); /* in the value's order, so a clean value reads back unchanged */
    for (var j = 0; j < names.length; j += 1) {
      var name = names[j];
      if (own(checks, name)) {
        if (!checks[name][0](value[name])) {
          return null;
        }
        out[name] = value[name];
      } else if (strict) {
        return null;
      }
    }
    return out;
  }

  function cleanCard(c, limits) {
    function date(v) { return isDate(v, limits.latest, limits.strict); }
    return pick(c, {
      due: [function (v) { return isDate(v, limits.latestDue, limits.strict); }],
      stability: [function (v) { return isReal(v, 0, MAX_DAYS); }],
      difficulty: [function (v) { return isReal(v, 0, 10); }],
      elapsed_days: [function (v) { return isInt(v, 0, MAX_DAYS); }, true],
      scheduled_days: [function (v) { return isInt(v, 0, MAX_DAYS); }],
      learning_steps: [function (v) { return isInt(v, 0, 100); }, true],
      reps: [function (v) { return isInt(v, 0, 100000); }],
      lapses: [function (v) { return isInt(v, 0, 100000); }],
      state: [function (v) { return isInt(v, 0, 3); }],
      last_review: [date, true],
      updated: [date]
    }, limits.strict);
  }

  function cleanMock(m, limits) {
    var mock = pick(m, {
      id: [function (v) { return typeof v === "string" && /^[\w.:-]{1,80}$/.test(v); }],
      at: [function (v) { return isDate(v, limits.latest, limits.strict); }],
      lang: [function (v) { return typeof v === "string" && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$/.test(v); }, true],
      minutes: [function (v) { return isReal(v, 0.1, 60); }],
      questions: [function (v) { return Array.isArray(v) && v.length <= 100; }]
    }, limits.strict);
    if (!mock) {
      return null;
    }
    var questions = [];
    for (var i = 0; i < mock.questions.length; i += 1) {
      var q = pick(mock.questions[i], {
        url: [isKey], covered: [function (v) { return isInt(v, 0, 100); }], total: [function (v) { return isInt(v, 0, 100); }]
      }, limits.strict);
      if (!q || q.covered > q.total) {
        return null;
      }
      questions.push(q);
    }
    mock.questions = questions;
    return mock;
  }

  /* Each entry: its default and a cleaner that keeps the valid part (or
     returns undefined when the entry is not ours at all). Linear in size. */
  var ENTRIES = {
    practice: { empty: false, clean: function (v) { return typeof v === "boolean" ? v : undefined; } },
    mastered: {
      empty: [],
      clean: function (v) {
        return Array.isArray(v) ? Array.from(new Set(v.filter(isKey))) : undefined;
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
          var card = isKey(k) ? cleanCard(v[k], STORED) : null;
          if (card) {
            out[k] = card;
          }
        });
        return out;
      }
    },
    mock: {
      empty: [],
      clean: function (v) {
        return Array.isArray(v) ? v.map(function (m) { return cleanMock(m, STORED); }).filter(Boolean).slice(-MAX_MOCKS)
          : undefined;
      }
    }
  };

  /* ---- Reading and writing ---------------------------------------------------- */

  function copy(value) { return JSON.parse(JSON.stringify(value)); }

  function getItem(name) {
    try {
      return window.localStorage.getItem(name);
    } catch (error) {
      return null; /* storage disabled */
    }
  }

  /* The text of each entry as this page last read or wrote it, clean: read
     again unchanged (the usual case), it is only parsed, not checked again
     (50,000 stored keys take milliseconds to parse, tens to check). */
  var checked = {};

  function read(name) {
    var entry = ENTRIES[name];
    var raw = getItem(hb.key(name));
    var value;
    if (raw === null) {
      return copy(entry.empty);
    }
    if (raw === checked[name]) {
      return JSON.parse(raw);
    }
    try {
      value = entry.clean(JSON.parse(raw));
    } catch (error) {
      value = undefined;
    }
    if (value === undefined) {
      remove(name); /* this site's own entry, damaged */
      return copy(entry.empty);
    }
    var text = JSON.stringify(value);
    if (text !== raw) {
      write(name, value, true);
    }
    checked[name] = text;
    return value;
  }

  function write(name, value, quiet) {
    var text = JSON.stringify(value);
    if (!writeAll([[hb.key(name), text]])) {
      return false; /* storage disabled or full: the page still works */
    }
    checked[name] = text;
    if (!quiet) {
      window.dispatchEvent(new CustomEvent("hb:progress", { detail: { entry: name } }));
    }
    return true;
  }

  /* Write every [key, text] pair, or none: on any failure (storage full or
     disabled) each key gets its previous value back. */
  function writeAll(pairs) {
    var before = pairs.map(function (pair) { return getItem(pair[0]); });
    try {
      pairs.forEach(function (pair) { window.localStorage.setItem(pair[0], pair[1]); });
      return true;
    } catch (error) {
      pairs.forEach(function (pair, i) {
        try {
          if (before[i] === null) {
            window.localStorage.removeItem(pair[0]);
          } else {
            window.localStorage.setItem(pair[0], before[i]);
          }
        } catch (ignored) {
          /* storage disabled: nothing was written either */
        }
      });
      return false;
    }
  }

  function remove(name) {
    try {
      window.localStorage.removeItem(hb.key(name));
    } catch (error) {
      /* nothing to do */
    }
  }

  /* The unscoped keys of earlier versions, copied once (see the top). */
  function adoptUnscoped() {
    if (getItem(hb.key("migrated")) !== null) {
      return;
    }
    var pairs = [];
    NAMES.forEach(function (name) {
      var old = getItem("hb." + name);
      if (old !== null && getItem(hb.key(name)) === null) {
        pairs.push([hb.key(name), old]);
      }
    });
    pairs.push([hb.key("migrated"), JSON.stringify(new Date().toISOString())]);
    writeAll(pairs); /* if it fails, the next page load tries again */
  }
  adoptUnscoped();

  function questions() {
    return hb.data("questions.json");
  }

  /* ---- Scheduling --------------------------------------------------------------- */

  /* ts-fsrs, loaded on first use: a promise of {F: the library, f: our scheduler}. */
  function fsrs() {
    if (!scheduler) {
      scheduler = new Promise(function (resolve, reject) {
        if (window.FSRS && window.FSRS.fsrs) {
          resolve(window.FSRS);
          return;
        }
        var script = document.createElement("script");
        script.src = new URL("assets/javascripts/vendor/ts-fsrs.umd.js", hb.langRoot).href;
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

  function toCard(record) {
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

  /* The record after grading `before` (a stored record, or null for a new
     question) with `rating`: {record, reset}. A stored card that fails this
     moment's checks, or that the scheduler cannot use, is replaced by a new
     card (reset: true): a question can always be graded again. */
  function grade(s, before, rating, now) {
    var limits = gradeLimits(now);
    if (before && cleanCard(before, limits)) {
      try {
        var at = reviewTime(before, now);
        var record = toRecord(s.f.next(toCard(before), at, rating).card, now);
        if (cleanCard(record, limits)) {
          return { record: record, reset: false };
        }
      } catch (error) {
        /* below: start the card afresh */
      }
    }
    return { record: toRecord(s.f.next(s.F.createEmptyCard(now), now, rating).card, now), reset: !!before };
  }

  /* Record reviews: items [{url, rating, from}] ("from" replaces the current
     record, e.g. to re-grade within one page view; null means new).
     Resolves {schedule, reset: [urls whose damaged card was started afresh]}. */
  function reviewAll(items, now) {
    now = now || new Date();
    return fsrs().then(function (s) {
      var schedule = read("srs");
      var unmaster = new Set();
      var reset = [];
      items.forEach(function (item) {
        var before = item.from !== undefined ? item.from : schedule[item.url] || null;
        var graded = grade(s, before, item.rating, now);
        schedule[item.url] = graded.record;
        if (graded.reset) {
          reset.push(item.url);
        }
        if (item.rating === RATING.again) {
          unmaster.add(item.url);
        }
      });
      if (!write("srs", schedule)) {
        throw new Error("storage");
      }
      if (unmaster.size) {
        write("mastered", read("mastered").filter(function (k) { return !unmaster.has(k); }));
      }
      return { schedule: schedule, reset: reset };
    });
  }

  /* One review: resolves {record, reset}. */
  function review(url, rating, now, from) {
    return reviewAll([{ url: url, rating: rating, from: from }], now).then(function (result) {
      return { record: result.schedule[url], reset: result.reset.length > 0 };
    });
  }

  /* The next due date for every rating, without recording anything (a card
     grading would reset is previewed as new). */
  function preview(url, now, from) {
    now = now || new Date();
    return fsrs().then(function (s) {
      var before = from !== undefined ? from : read("srs")[url] || null;
      var out = {};
      [1, 2, 3, 4].forEach(function (r) { out[r] = grade(s, before, r, now).record.due; });
      return out;
    });
  }

  /* Mark or un-mark a question; marking records an Easy review (from `from`,
     see reviewAll). Resolves {record, reset}. */
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
    return saved ? Promise.resolve({ record: schedule[url], reset: false }) : Promise.reject(new Error("storage"));
  }

  function endOfDay(now) {
    var day = new Date(now);
    day.setHours(23, 59, 59, 999);
    return day;
  }

  /* Among `all` (questions.json): the due ones (today, in the reader's time
     zone, most overdue first), the new ones, how many are scheduled, and the
     mastered ones. Keys of questions the site no longer has are not counted. */
  function status(all, now) {
    var schedule = read("srs");
    var mastered = new Set(read("mastered"));
    var limit = endOfDay(now || new Date()).getTime();
    var due = all.filter(function (q) { return own(schedule, q.url) && Date.parse(schedule[q.url].due) <= limit; });
    due.sort(function (a, b) { return Date.parse(schedule[a.url].due) - Date.parse(schedule[b.url].due); });
    return {
      due: due,
      fresh: all.filter(function (q) { return !own(schedule, q.url) && !mastered.has(q.url); }),
      scheduled: all.filter(function (q) { return own(schedule, q.url); }).length,
      mastered: all.filter(function (q) { return mastered.has(q.url); })
    };
  }

  /* Questions of `all` marked as mastered before the schedule existed get their Easy review now. */
  function scheduleMastered(all) {
    var schedule = read("srs");
    var mastered = new Set(read("mastered"));
    var legacy = all.filter(function (q) { return mastered.has(q.url) && !own(schedule, q.url); });
    if (!legacy.length) {
      return Promise.resolve(false);
    }
    return reviewAll(legacy.map(function (q) { return { url: q.url, rating: RATING.easy }; })).then(function () {
      return true;
    });
  }

  function addMock(result) {
    var list = read("mock");
    list.push(result);
    return write("mock", list.slice(-MAX_MOCKS));
  }

  /* ---- Export and import ---------------------------------------------------------- */

  function exportData(now) {
    return {
      format: FORMAT, version: VERSION, exported: (now || new Date()).toISOString(),
      mastered: read("mastered"), schedule: read("srs"), mock: read("mock")
    };
  }

  /* A progress file's text -> {data} or {error: "foreign" | "newer" | "corrupt"}.
     Every field is checked; a single bad one makes the file corrupt. */
  function parse(text, now) {
    var data;
    var limits = importLimits(now || new Date());
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: String(text).indexOf(FORMAT) >= 0 ? "corrupt" : "foreign" };
    }
    if (!isObject(data) || data.format !== FORMAT) {
      return { error: "foreign" };
    }
    if (!isInt(data.version, 1, 1e6)) {
      return { error: "corrupt" };
    }
    if (data.version > VERSION) {
      return { error: "newer" };
    }
    var file = pick(data, {
      format: [function () { return true; }], version: [function () { return true; }],
      exported: [function (v) { return isDate(v, limits.latest, true); }, true],
      mastered: [function (v) { return Array.isArray(v) && v.every(isKey); }],
      schedule: [isObject], mock: [Array.isArray]
    }, true);
    if (!file) {
      return { error: "corrupt" };
    }
    var schedule = new Map();
    var keys = Object.keys(file.schedule);
    for (var i = 0; i < keys.length; i += 1) {
      var card = isKey(keys[i]) ? cleanCard(file.schedule[keys[i]], limits) : null;
      if (!card) {
        return { error: "corrupt" };
      }
      schedule.set(keys[i], card);
    }
    var mocks = [];
    for (var j = 0; j < file.mock.length; j += 1) {
      var mock = cleanMock(file.mock[j], limits);
      if (!mock) {
        return { error: "corrupt" };
      }
      mocks.push(mock);
    }
    return { data: { mastered: new Set(file.mastered), schedule: schedule, mock: mocks } };
  }

  /* Merge parsed progress into this browser's, for the questions in `all`
     only. Writes everything or nothing. -> {updated, mocks, skipped} (what was
     applied; skipped: records of questions this site does not have), or
     {error: "quota"} when the browser could not store it (nothing changed). */
  function merge(data, all) {
    var known = new Set(all.map(function (q) { return q.url; }));
    var schedule = read("srs");
    var mastered = new Set(read("mastered"));
    var mocks = read("mock");
    var updated = 0;
    var skipped = 0;
    var touched = new Set(data.schedule.keys());
    data.mastered.forEach(function (k) { touched.add(k); });
    touched.forEach(function (k) {
      if (!known.has(k)) {
        skipped += 1;
        return;
      }
      var mine = own(schedule, k) ? schedule[k] : null;
      var theirs = data.schedule.get(k) || null;
      var wasMastered = mastered.has(k);
      var isMastered;
      if (theirs && (!mine || Date.parse(theirs.updated) > Date.parse(mine.updated))) {
        schedule[k] = theirs;
        isMastered = data.mastered.has(k);
      } else {
        isMastered = wasMastered || (!mine && data.mastered.has(k));
      }
      if (isMastered) {
        mastered.add(k);
      } else {
        mastered.delete(k);
      }
      if (isMastered !== wasMastered || (own(schedule, k) ? schedule[k] : null) !== mine) {
        updated += 1;
      }
    });
    var ids = new Set(mocks.map(function (m) { return m.id; }));
    var added = data.mock.filter(function (m) {
      var fresh = !ids.has(m.id);
      ids.add(m.id);
      return fresh;
    });
    var fromFile = new Set(added);
    var kept = mocks.concat(added).sort(function (a, b) { return Date.parse(a.at) - Date.parse(b.at); }).slice(-MAX_MOCKS);
    var mocksAdded = kept.filter(function (m) { return fromFile.has(m); }).length;
    if (!updated && !mocksAdded) {
      return { updated: 0, mocks: 0, skipped: skipped };
    }
    if (!writeAll([[hb.key("srs"), JSON.stringify(schedule)], [hb.key("mastered"), JSON.stringify(Array.from(mastered))],
      [hb.key("mock"), JSON.stringify(kept)]])) {
      return { error: "quota" };
    }
    window.dispatchEvent(new CustomEvent("hb:progress", { detail: { entry: "all" } }));
    return { updated: updated, mocks: mocksAdded, skipped: skipped };
  }

  /* A chosen file's text, imported: the outcome of parse, then merge. */
  function importText(text, all, now) {
    var parsed = parse(text, now);
    return parsed.error ? parsed : merge(parsed.data, all);
  }

  function clear() {
    ["mastered", "srs", "mock"].forEach(remove);
    window.dispatchEvent(new CustomEvent("hb:progress", { detail: { entry: "all" } }));
  }

  window.hbStore = {
    RATING: RATING, GRADES: GRADES, MAX_IMPORT_BYTES: MAX_IMPORT_BYTES,
    read: read, write: write, questions: questions,
    review: review, reviewAll: reviewAll, preview: preview, setMastered: setMastered, status: status,
    scheduleMastered: scheduleMastered, addMock: addMock, exportData: exportData, importText: importText, clear: clear
  };
})();
