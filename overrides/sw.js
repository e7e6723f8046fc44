/*
 * Service worker: offline reading for the handbook (hand-written, no library).
 *
 * The build (scripts/outputs/offline.py) copies this file to the site root as sw.js,
 * replacing BUILD with a hash of every file of the site and LANGS with the
 * language folders, and writes offline/<lang>.json: each file of a language
 * with its size and content hash (SHA-256, first 8 bytes), its shell
 * (stylesheets, scripts, data every page loads), its search files and each
 * page's own files (images). The worker's scope is the folder it is served
 * from, so it works under any sub-path (GitHub Pages' /<repo>/, the tests'
 * /handbook/).
 *
 * One origin, many sites. GitHub Pages serves every project site of an owner
 * from one origin, and Cache Storage belongs to the origin, so every cache
 * name carries this site's scope: "hb <scope path> <BUILD> <kind>". This
 * worker reads, copies and deletes only caches of its own scope; another
 * site's are never touched. (The names do not start with "hb-", which
 * earlier versions of this worker, still running on other sites, delete on
 * activation.) Kinds:
 *   meta        this build's lists and the offline page;
 *   visited     pages the reader opened, with their files, files the site
 *               fetched, and the shell and search files of each language read;
 *   save-<lang> a language saved from its home page ("save for offline"),
 *               complete once its list is stored in it, last.
 *
 * Exactly the deployed build. A cache of a build holds only bytes whose size
 * and hash match that build's list: every response is checked before it is
 * stored, and a response that is not this build's (the HTTP cache answers
 * with files from before a deployment) gives way to this build's stored
 * copy; a download for the build bypasses the HTTP cache, and nothing is
 * carried across builds on the lists' word: the stored bytes are hashed.
 * A save that fails is rolled back (its cache deleted) and the page is told
 * why (quota, network, site updated) so it can say what to do.
 *
 * Strategy: pages and files whose name does not change with their content
 * are fetched from the network first, so a reader online gets what the
 * server sends, and kept on the way when they match the build; the caches
 * answer when the network fails, and an unsaved page then gets the bilingual
 * offline page. Files with a content hash in their name (Material's bundles,
 * Pagefind's chunks) come from the cache first. A deployment changes BUILD,
 * hence this file; the new worker copies every cached file that still
 * matches the new lists from the old caches, downloads what changed in saved
 * languages, takes over at once and deletes its scope's old caches.
 *
 * Caches named "hb-<build>-<kind>" come from versions before names carried
 * the scope, when sites of one origin shared them. Their owner is told by
 * the lists in their meta cache (offline/<lang>.json under a site's scope);
 * this worker takes over the entries of its own scope (hashed, like any
 * carry-over), deletes those entries, and deletes such a cache only once it
 * is empty: another site's entries stay for that site.
 */
/* eslint-env serviceworker */
"use strict";

var BUILD = "__HB_BUILD__";
var LANGS = "__HB_LANGS__";
var SCOPE = self.registration.scope;
var SCOPE_PATH = new URL(SCOPE).pathname;
var NAME = /^hb (\/\S*) ([0-9a-f]+) ([a-z0-9-]+)$/;
var LEGACY_NAME = /^hb-([0-9a-f]+)-([a-z0-9-]+)$/;
var IMMUTABLE = /\.[0-9a-f]{8,}\.min\.(js|css)$|\.pf_(index|fragment|meta)$/;
// The search files of a language are cached on its first visit while they
// weigh less than this; above it, saving the language brings offline search.
var AUTO_SEARCH_BYTES = 3 * 1024 * 1024;
var PARALLEL = 6;

var lists = {};
var ensured = {};
var saving = {};

function cacheName(kind, build) {
  return "hb " + SCOPE_PATH + " " + (build || BUILD) + " " + kind;
}

function url(rel) {
  return new URL(rel, SCOPE).href;
}

function relative(href) {
  var address = new URL(href);
  address.hash = "";
  address.search = "";
  return address.href.indexOf(SCOPE) === 0 ? address.href.slice(SCOPE.length) : null;
}

function languageOf(rel) {
  var found = Object.keys(LANGS).filter(function (lang) { return LANGS[lang] === ""; })[0];
  Object.keys(LANGS).forEach(function (lang) {
    if (LANGS[lang] && rel.indexOf(LANGS[lang]) === 0) {
      found = lang;
    }
  });
  return found;
}

/* Why something could not be stored, for the page to say what to do. */
function failure(reason, message) {
  var error = new Error(message || reason);
  error.reason = reason;
  return error;
}

function reasonOf(error) {
  if (error && error.reason) {
    return error.reason;
  }
  if (error && error.name === "QuotaExceededError") {
    return "quota";
  }
  return error instanceof TypeError ? "network" : "other";
}

/* The server sends files of another build: look for the worker that matches
   (once a minute at most; a stale HTTP cache answers many requests so). */
var lastCheck = 0;
function checkForUpdate() {
  if (Date.now() - lastCheck > 60000) {
    lastCheck = Date.now();
    self.registration.update().catch(function () { /* offline, or an update already under way */ });
  }
}

function fresh(rel) {
  /* From the server, past the HTTP cache both ways: the file must belong to
     this build, and a saved copy should not be stored twice. A response that
     followed a redirect cannot answer a navigation, so it is stored as a
     plain response. */
  return fetch(new Request(url(rel), { cache: "no-store", credentials: "same-origin" })).then(function (response) {
    return response.redirected
      ? response.blob().then(function (body) {
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      })
      : response;
  });
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
}

/* `response` as a new response when its bytes are `want` ([size, hash] from a
   list), else null. */
function verified(response, want) {
  if (!response || !want || response.status !== 200) {
    return Promise.resolve(null);
  }
  return response.arrayBuffer().then(function (body) {
    if (body.byteLength !== want[0]) {
      return null;
    }
    return crypto.subtle.digest("SHA-256", body).then(function (hash) {
      return hex(hash).slice(0, want[1].length) === want[1]
        ? new Response(body, { status: 200, statusText: response.statusText, headers: response.headers })
        : null;
    });
  });
}

function listOf(lang) {
  if (!lists[lang]) {
    var address = url("offline/" + lang + ".json");
    lists[lang] = caches.open(cacheName("meta")).then(function (meta) {
      return meta.match(address).then(function (hit) {
        return hit || fresh("offline/" + lang + ".json").then(function (response) {
          if (!response.ok) {
            throw failure("network", "no file list for " + lang);
          }
          return meta.put(address, response.clone()).then(function () { return response; });
        });
      });
    }).then(function (response) {
      return response.json();
    }).then(function (list) {
      if (list.build !== BUILD) {
        checkForUpdate();
        throw failure("changed", "the file list belongs to another build");
      }
      return list;
    });
    lists[lang].catch(function () { delete lists[lang]; });
  }
  return lists[lang];
}

function ownCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) {
      var parts = NAME.exec(name);
      return parts && parts[1] === SCOPE_PATH && parts[2] === BUILD;
    });
  });
}

/* A file in any cache of this build (all of which hold verified bytes only).
   caches.match with a cache name never creates that cache (a save being
   rolled back deletes its cache meanwhile). */
function lookup(address) {
  return ownCaches().then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        return hit || caches.match(address, { cacheName: name });
      });
    }, Promise.resolve(undefined));
  });
}

/* The answer to a request for `rel` the server (or the HTTP cache) answered
   with `response`: when it is this build's file it is kept; when it is not
   and this build's copy is stored, the stored copy answers. On GitHub Pages
   the HTTP cache answers with files from before a deployment for ten
   minutes, even offline, and a page must not mix two builds. (A server
   already on a newer build: the reader sees this build once more, and the
   newer worker is looked for.) */
function answer(event, rel, response) {
  if (response.status !== 200 || response.type !== "basic" || response.redirected) {
    return Promise.resolve(response);
  }
  var copy = response.clone();
  return listOf(languageOf(rel)).then(function (list) {
    var want = list.files[rel];
    return want ? verified(response, want).then(function (ok) {
      if (ok) {
        event.waitUntil(caches.open(cacheName("visited")).then(function (cache) {
          return cache.put(url(rel), ok.clone());
        }).catch(function () {}));
        return ok;
      }
      return lookup(url(rel)).then(function (stored) {
        checkForUpdate();
        return stored || copy;
      });
    }) : copy;
  }, function () {
    return copy; /* no list (offline before the first one came): as it was sent */
  });
}

/* Store `rels` in a cache: what this build already holds elsewhere, or a
   fresh download that matches the list. `progress` is told about every
   file; `stop()` true ends the work (a save being removed). On a failure
   the other downloads stop too, and the promise settles only once none is
   running, so the caller can roll the cache back. */
function store(name, rels, list, progress, stop) {
  var queue = rels.slice();
  var failed = null;
  return caches.open(name).then(function (cache) {
    function next() {
      var rel = queue.shift();
      if (rel === undefined || failed) {
        return Promise.resolve();
      }
      if (stop && stop()) {
        failed = failed || failure("cancelled");
        return Promise.resolve();
      }
      var address = url(rel);
      return cache.match(address).then(function (hit) {
        return hit || lookup(address).then(function (found) {
          return found || fresh(rel).then(function (response) {
            if (!response.ok) {
              throw failure(response.status === 404 ? "changed" : "network", response.status + " " + rel);
            }
            return verified(response, list.files[rel]).then(function (ok) {
              if (!ok) {
                checkForUpdate(); /* the server has moved on to another build */
                throw failure("changed", "not this build's " + rel);
              }
              return ok;
            });
          });
        }).then(function (response) {
          return failed ? null : cache.put(address, response);
        });
      }).then(function () {
        if (progress && !failed) {
          progress(rel, list.files[rel] ? list.files[rel][0] : 0);
        }
        return next();
      }, function (error) {
        failed = failed || error;
      });
    }
    var workers = [];
    for (var i = 0; i < PARALLEL; i++) {
      workers.push(next());
    }
    return Promise.all(workers).then(function () {
      if (failed) {
        throw failed;
      }
    });
  });
}

function searchBytes(list) {
  return list.search.reduce(function (sum, rel) { return sum + list.files[rel][0]; }, 0);
}

/* What a language's first visit caches: its shell, and its search files while
   they fit the budget (above it, offline search comes with "save"). */
function autoFiles(list) {
  return list.shell.concat(searchBytes(list) <= AUTO_SEARCH_BYTES ? list.search : []);
}

/* The shell and (while small) the search files of a language being read. */
function ensureLanguage(lang) {
  if (!ensured[lang]) {
    ensured[lang] = listOf(lang).then(function (list) {
      return store(cacheName("visited"), autoFiles(list), list);
    });
    ensured[lang].catch(function () { delete ensured[lang]; });
  }
  return ensured[lang];
}

/* A page the reader opened: its own files (images below the fold are loaded
   lazily) and its language's shell. */
function remember(rel) {
  var lang = languageOf(rel);
  return listOf(lang).then(function (list) {
    return store(cacheName("visited"), [rel].concat(list.pages[rel] || []), list);
  }).then(function () {
    return ensureLanguage(lang);
  });
}

function offlinePage() {
  return caches.open(cacheName("meta")).then(function (meta) {
    return meta.match(url("offline.html"));
  }).then(function (hit) {
    return hit ? hit.text() : "<!doctype html><title>Offline</title><p>Offline · 离线</p>";
  }).then(function (text) {
    return new Response(text.split("__HB_SCOPE__").join(SCOPE_PATH), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8" }
    });
  });
}

function page(event, rel) {
  return fetch(event.request).then(function (response) {
    return answer(event, rel, response).then(function (answered) {
      if (answered.status === 200) {
        event.waitUntil(remember(rel).catch(function () {}));
      }
      return answered;
    });
  }, function () {
    return lookup(url(rel)).then(function (hit) {
      return hit || offlinePage();
    });
  });
}

/* Files are stored without their query: a static site ignores it, and
   Pagefind adds a time stamp (?ts=) to its entry file on every load. */
function file(event, rel) {
  var address = url(rel);
  var cached = IMMUTABLE.test(rel) ? lookup(address) : Promise.resolve(undefined);
  return cached.then(function (hit) {
    return hit || fetch(event.request).then(function (response) {
      return answer(event, rel, response);
    }, function (error) {
      return lookup(address).then(function (found) {
        if (found) {
          return found;
        }
        throw error;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) {
    return;
  }
  var rel = relative(request.url);
  if (rel === null || rel === "sw.js" || (rel.indexOf("downloads/") === 0 && !/\.json$/.test(rel))) {
    return; /* the PDF books come straight from the network */
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event, rel));
  } else {
    event.respondWith(file(event, rel));
  }
});

/* ---- A new build: install, carry over, activate ------------------------------ */

/* Install: this build's lists and offline page, and everything the reader
   had from the previous build that did not change (saved languages are
   completed with what changed). The new worker then takes over at once. */
self.addEventListener("install", function (event) {
  event.waitUntil(Promise.all(Object.keys(LANGS).map(listOf)).then(function () {
    return caches.open(cacheName("meta")).then(function (meta) {
      return fresh("offline.html").then(function (response) {
        if (!response.ok) {
          throw failure("network", "no offline page");
        }
        return meta.put(url("offline.html"), response);
      });
    });
  }).then(carryOver).then(function () {
    return self.skipWaiting();
  }));
});

function collapse(path) {
  return path.replace(/\/{2,}/g, "/");
}

/* The caches earlier builds left for this scope: [{name, kind, mine(url)}].
   Those named with this scope are all of this site's (with a doubled slash
   too: a worker an earlier 404 page registered at "/<repo>//", which
   offline.js removes, ran this file there); in an unscoped cache
   (an earlier version's) an entry belongs to the site whose scope is the
   longest one containing it, among the sites whose lists its build's meta
   cache holds (a doubled slash counts as the scope it was meant to be). */
function earlierCaches() {
  return caches.keys().then(function (names) {
    var found = [];
    var legacy = {};
    names.forEach(function (name) {
      var parts = NAME.exec(name);
      if (parts && collapse(parts[1]) === SCOPE_PATH && (parts[1] !== SCOPE_PATH || parts[2] !== BUILD)) {
        found.push({ name: name, kind: parts[3], mine: function () { return true; } });
      }
      parts = LEGACY_NAME.exec(name);
      if (parts) {
        (legacy[parts[1]] = legacy[parts[1]] || []).push({ name: name, kind: parts[2] });
      }
    });
    return Promise.all(Object.keys(legacy).map(function (build) {
      var meta = "hb-" + build + "-meta";
      return (names.indexOf(meta) >= 0 ? caches.open(meta).then(function (cache) { return cache.keys(); })
        : Promise.resolve([])).then(function (requests) {
        var owners = [];
        requests.forEach(function (request) {
          var owner = /^(.*\/)offline\/[^/]+\.json$/.exec(collapse(new URL(request.url).pathname));
          if (owner && owners.indexOf(owner[1]) < 0) {
            owners.push(owner[1]);
          }
        });
        if (owners.indexOf(SCOPE_PATH) < 0) {
          return; /* another site's, or nobody's we can tell: left alone */
        }
        owners.sort(function (a, b) { return b.length - a.length; });
        var mine = function (href) {
          var path = collapse(new URL(href).pathname);
          return owners.filter(function (owner) { return path.indexOf(owner) === 0; })[0] === SCOPE_PATH;
        };
        legacy[build].forEach(function (entry) {
          found.push({ name: entry.name, kind: entry.kind, mine: mine, legacy: true });
        });
      });
    })).then(function () {
      return found;
    });
  });
}

/* Copy what earlier caches of this scope hold and the new lists still list,
   checking the stored bytes against the new hashes; then complete the
   languages that were saved. */
function carryOver() {
  return Promise.all([earlierCaches(), Promise.all(Object.keys(LANGS).map(listOf))]).then(function (found) {
    var wanted = {};
    found[1].forEach(function (list) {
      Object.keys(list.files).forEach(function (rel) { wanted[rel] = list.files[rel]; });
    });
    var saved = {};
    return Promise.all(found[0].filter(function (earlier) { return earlier.kind !== "meta"; }).map(function (earlier) {
      return Promise.all([caches.open(earlier.name), caches.open(cacheName(earlier.kind))]).then(function (pair) {
        return pair[0].keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            if (!earlier.mine(request.url)) {
              return null;
            }
            var rel = relative(request.url);
            var lang = /^save-(.+)$/.exec(earlier.kind);
            if (lang && rel === "offline/" + lang[1] + ".json" && LANGS[lang[1]] !== undefined) {
              saved[lang[1]] = true; /* that language was saved completely */
              return null;
            }
            if (rel === null || !wanted[rel]) {
              return null;
            }
            return pair[1].match(url(rel)).then(function (have) {
              return have || pair[0].match(request).then(function (response) {
                return verified(response, wanted[rel]);
              }).then(function (ok) {
                return ok && pair[1].put(url(rel), ok);
              });
            });
          }));
        });
      });
    })).then(function () {
      return Promise.all(Object.keys(saved).map(function (lang) { return save(lang, true); }));
    });
  });
}

/* Activate: delete this scope's old caches, and this scope's entries in
   unscoped ones, then control the open pages (which then ask to keep the
   page they show: offline.js, on "controllerchange"). */
self.addEventListener("activate", function (event) {
  event.waitUntil(earlierCaches().then(function (found) {
    return Promise.all(found.map(function (earlier) {
      if (!earlier.legacy) {
        return caches.delete(earlier.name);
      }
      return caches.open(earlier.name).then(function (cache) {
        return cache.keys().then(function (requests) {
          var mine = requests.filter(function (request) { return earlier.mine(request.url); });
          return Promise.all(mine.map(function (request) { return cache.delete(request); })).then(function () {
            return mine.length === requests.length && caches.delete(earlier.name);
          });
        });
      });
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

/* ---- Saving a language ------------------------------------------------------------ */

function tell(message) {
  return self.clients.matchAll({ type: "window" }).then(function (windows) {
    windows.forEach(function (client) { client.postMessage(message); });
  });
}

function total(list) {
  var rels = Object.keys(list.files);
  return { files: rels.length, bytes: rels.reduce(function (sum, rel) { return sum + list.files[rel][0]; }, 0) };
}

/* Save a language: every file of it, in a cache of its own, marked complete
   by its list stored last. A save that fails is rolled back (a partial copy
   would look saved to nobody and take space) and the page told why.
   `strict`: also fail the caller (an update must not lose a saved language). */
function save(lang, strict) {
  if (!saving[lang]) {
    var state = { cancelled: false };
    var name = cacheName("save-" + lang);
    state.done = listOf(lang).then(function (list) {
      var size = total(list);
      var done = 0;
      var bytes = 0;
      var last = 0;
      return store(name, Object.keys(list.files), list, function (rel, size_) {
        done += 1;
        bytes += size_;
        if (Date.now() - last > 100 || done === size.files) {
          last = Date.now();
          tell({ type: "progress", lang: lang, done: done, files: size.files, bytes: bytes, total: size.bytes });
        }
      }, function () { return state.cancelled; }).then(function () {
        return caches.open(name).then(function (cache) {
          return cache.put(url("offline/" + lang + ".json"), new Response(JSON.stringify(list)));
        });
      }).then(function () {
        return tell({ type: "saved", lang: lang, files: size.files, bytes: size.bytes });
      });
    }).then(function () {
      delete saving[lang];
    }, function (error) {
      return caches.delete(name).catch(function () {}).then(function () {
        delete saving[lang];
        var reason = state.cancelled ? "cancelled" : reasonOf(error);
        if (reason !== "cancelled") {
          tell({ type: "failed", lang: lang, reason: reason, error: String(error && error.message || error) });
        }
        if (strict) {
          throw error;
        }
      });
    });
    saving[lang] = state;
  }
  return saving[lang].done;
}

/* Remove a saved language, or one being saved, or what a save that never
   finished (the browser stopped the worker) left behind. */
function remove(lang) {
  var running = saving[lang];
  if (running) {
    running.cancelled = true;
  }
  return (running ? running.done.catch(function () {}) : Promise.resolve()).then(function () {
    return caches.delete(cacheName("save-" + lang));
  }).then(function () {
    return tell({ type: "removed", lang: lang });
  });
}

function status(lang) {
  var name = cacheName("save-" + lang);
  return listOf(lang).then(function (list) {
    var size = total(list);
    return Promise.all([
      caches.has(name).then(function (exists) {
        return exists && caches.match(url("offline/" + lang + ".json"), { cacheName: name }).then(function (marker) {
          return marker ? "saved" : "partial";
        });
      }),
      caches.open(cacheName("visited")).then(function (cache) {
        return Promise.all(autoFiles(list).map(function (rel) { return cache.match(url(rel)); }));
      })
    ]).then(function (found) {
      return {
        type: "status", lang: lang, build: BUILD, files: size.files, total: size.bytes, saved: found[0] === "saved",
        saving: !!saving[lang], partial: found[0] === "partial" && !saving[lang], ready: found[1].every(Boolean)
      };
    });
  }).catch(function (error) {
    return { type: "status", lang: lang, build: BUILD, error: String(error && error.message || error) };
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var lang = LANGS[data.lang] !== undefined ? data.lang : null;
  var reply = event.ports && event.ports[0];
  if (data.type === "visit" && typeof data.url === "string") {
    var rel = relative(data.url);
    if (rel !== null) {
      event.waitUntil(remember(rel).catch(function () {}));
    }
  } else if (data.type === "save" && lang) {
    event.waitUntil(save(lang));
  } else if (data.type === "remove" && lang) {
    event.waitUntil(remove(lang));
  } else if (data.type === "status" && lang) {
    event.waitUntil(status(lang).then(function (answer) {
      if (reply) {
        reply.postMessage(answer);
      }
    }));
  }
});
