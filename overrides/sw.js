/*
 * Service worker: offline reading for the handbook (hand-written, no library).
 *
 * The build (scripts/offline.py) copies this file to the site root as sw.js,
 * replacing BUILD with a hash of every file of the site and LANGS with the
 * language folders, and writes offline/<lang>.json: each file of a language
 * with its size and content hash, its shell (stylesheets, scripts, data every
 * page loads), its search files and each page's own files (images). The
 * worker's scope is the folder it is served from, so it works under any
 * sub-path (GitHub Pages' /<repo>/, the tests' /handbook/).
 *
 * Caches, all named hb-<BUILD>-...:
 *   meta        this build's lists and the offline page;
 *   visited     pages the reader opened, with their files, anything the site
 *               fetched, and the shell and search files of each language read;
 *   save-<lang> a language saved from its home page ("save for offline").
 *
 * Strategy: pages and files whose name does not change with their content
 * are fetched from the network first, so a reader online always gets the
 * deployed build, and stored on the way; the caches answer when the network
 * fails, and an unsaved page then gets the bilingual offline page. Files with
 * a content hash in their name (Material's bundles, Pagefind's chunks) come
 * from the cache first. A deployment changes BUILD, hence this file; the new
 * worker copies every cached file whose hash did not change from the old
 * caches, downloads what changed in saved languages, takes over at once and
 * deletes the old caches.
 */
/* eslint-env serviceworker */
"use strict";

var BUILD = "__HB_BUILD__";
var LANGS = "__HB_LANGS__";
var PREFIX = "hb-";
var OWN = PREFIX + BUILD + "-";
var SCOPE = self.registration.scope;
var IMMUTABLE = /\.[0-9a-f]{8,}\.min\.(js|css)$|\.pf_(index|fragment|meta)$/;
// The search files of a language are cached on its first visit while they
// weigh less than this; above it, saving the language brings offline search.
var AUTO_SEARCH_BYTES = 3 * 1024 * 1024;
var PARALLEL = 6;

var lists = {};
var ensured = {};
var saving = {};

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

function listOf(lang) {
  if (!lists[lang]) {
    var address = url("offline/" + lang + ".json");
    lists[lang] = caches.open(OWN + "meta").then(function (meta) {
      return meta.match(address).then(function (hit) {
        return hit || fresh("offline/" + lang + ".json").then(function (response) {
          if (!response.ok) {
            throw new Error("no file list for " + lang);
          }
          return meta.put(address, response.clone()).then(function () { return response; });
        });
      });
    }).then(function (response) {
      return response.json();
    }).then(function (list) {
      if (list.build !== BUILD) {
        throw new Error("the file list belongs to another build");
      }
      return list;
    });
    lists[lang].catch(function () { delete lists[lang]; });
  }
  return lists[lang];
}

/* Store `rels` in a cache, taking what this build already holds elsewhere and
   downloading the rest; `progress` is told about every file. */
function store(cacheName, rels, list, progress) {
  var queue = rels.slice();
  return caches.open(cacheName).then(function (cache) {
    function next() {
      var rel = queue.shift();
      if (rel === undefined) {
        return Promise.resolve();
      }
      var address = url(rel);
      return cache.match(address).then(function (hit) {
        return hit || lookup(address).then(function (found) {
          return found || fresh(rel).then(function (response) {
            if (!response.ok) {
              throw new Error(response.status + " " + rel);
            }
            return response;
          });
        }).then(function (response) {
          return cache.put(address, response);
        });
      }).then(function () {
        if (progress) {
          progress(rel, list.files[rel] ? list.files[rel][0] : 0);
        }
        return next();
      });
    }
    var workers = [];
    for (var i = 0; i < PARALLEL; i++) {
      workers.push(next());
    }
    return Promise.all(workers);
  });
}

function ownCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(OWN) === 0; });
  });
}

function lookup(address) {
  return ownCaches().then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        return hit || caches.open(name).then(function (cache) {
          return cache.match(address);
        });
      });
    }, Promise.resolve(undefined));
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
      return store(OWN + "visited", autoFiles(list), list);
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
    return store(OWN + "visited", [rel].concat(list.pages[rel] || []), list);
  }).then(function () {
    return ensureLanguage(lang);
  });
}

function offlinePage() {
  return caches.open(OWN + "meta").then(function (meta) {
    return meta.match(url("offline.html"));
  }).then(function (hit) {
    return hit ? hit.text() : "<!doctype html><title>Offline</title><p>Offline · 离线</p>";
  }).then(function (text) {
    return new Response(text.split("__HB_SCOPE__").join(new URL(SCOPE).pathname), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8" }
    });
  });
}

function page(event, rel) {
  var address = url(rel);
  return fetch(event.request).then(function (response) {
    if (response.status === 200 && response.type === "basic") {
      var copy = response.clone();
      event.waitUntil(caches.open(OWN + "visited").then(function (cache) {
        return cache.put(address, copy);
      }).then(function () {
        return remember(rel);
      }).catch(function () {}));
    }
    return response;
  }, function () {
    return lookup(address).then(function (hit) {
      return hit || offlinePage();
    });
  });
}

/* Files are stored without their query: a static site ignores it, and
   Pagefind adds a time stamp (?ts=) to its entry file on every load. */
function file(event, rel) {
  var request = event.request;
  var address = url(rel);
  function network() {
    return fetch(request).then(function (response) {
      if (response.status === 200 && response.type === "basic") {
        var copy = response.clone();
        event.waitUntil(caches.open(OWN + "visited").then(function (cache) {
          return cache.put(address, copy);
        }).catch(function () {}));
      }
      return response;
    });
  }
  var cached = IMMUTABLE.test(rel) ? lookup(address) : Promise.resolve(undefined);
  return cached.then(function (hit) {
    return hit || network().catch(function (error) {
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

/* Install: this build's lists and offline page, and everything the reader
   had from the previous build that did not change (saved languages are
   completed with what changed). The new worker then takes over at once. */
self.addEventListener("install", function (event) {
  event.waitUntil(Promise.all(Object.keys(LANGS).map(listOf)).then(function () {
    return caches.open(OWN + "meta").then(function (meta) {
      return fresh("offline.html").then(function (response) {
        return meta.put(url("offline.html"), response);
      });
    });
  }).then(carryOver).then(function () {
    return self.skipWaiting();
  }));
});

function carryOver() {
  return caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name.indexOf(OWN) !== 0; });
    var builds = {};
    old.forEach(function (name) {
      var parts = name.slice(PREFIX.length).split("-");
      builds[parts[0]] = true;
    });
    return Object.keys(builds).reduce(function (chain, build) {
      return chain.then(function () { return carryBuild(build, old); });
    }, Promise.resolve());
  });
}

function carryBuild(build, names) {
  var prefix = PREFIX + build + "-";
  return caches.open(prefix + "meta").then(function (meta) {
    return Promise.all(Object.keys(LANGS).map(function (lang) {
      return meta.match(url("offline/" + lang + ".json")).then(function (hit) {
        return hit ? hit.json() : null;
      });
    }));
  }).then(function (oldLists) {
    var oldHash = {};
    oldLists.forEach(function (list) {
      if (list) {
        Object.keys(list.files).forEach(function (rel) { oldHash[rel] = list.files[rel][1]; });
      }
    });
    return Promise.all(Object.keys(LANGS).map(listOf)).then(function (newLists) {
      var newHash = {};
      newLists.forEach(function (list) {
        Object.keys(list.files).forEach(function (rel) { newHash[rel] = list.files[rel][1]; });
      });
      var kinds = names.filter(function (name) {
        return name.indexOf(prefix) === 0 && name !== prefix + "meta";
      });
      return Promise.all(kinds.map(function (name) {
        var kind = name.slice(prefix.length);
        return Promise.all([caches.open(name), caches.open(OWN + kind)]).then(function (pair) {
          return pair[0].keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              var rel = relative(request.url);
              if (rel === null || !newHash[rel] || newHash[rel] !== oldHash[rel]) {
                return null;
              }
              return pair[0].match(request).then(function (response) {
                return response && pair[1].put(request, response);
              });
            }));
          });
        }).then(function () {
          var saved = /^save-(.+)$/.exec(kind);
          return saved && LANGS[saved[1]] !== undefined ? save(saved[1], true) : null;
        });
      }));
    });
  });
}

/* Activate: delete the old caches and control the open pages (which then
   ask to keep the page they show: offline.js, on "controllerchange"). */
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name.indexOf(OWN) !== 0;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

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
   by its list stored last. `strict`: fail (an update must not lose a saved
   language) instead of reporting the failure. */
function save(lang, strict) {
  if (!saving[lang]) {
    saving[lang] = listOf(lang).then(function (list) {
      var size = total(list);
      var done = 0;
      var bytes = 0;
      var last = 0;
      return store(OWN + "save-" + lang, Object.keys(list.files), list, function (rel, size_) {
        done += 1;
        bytes += size_;
        if (Date.now() - last > 100 || done === size.files) {
          last = Date.now();
          tell({ type: "progress", lang: lang, done: done, files: size.files, bytes: bytes, total: size.bytes });
        }
      }).then(function () {
        return caches.open(OWN + "save-" + lang).then(function (cache) {
          return cache.put(url("offline/" + lang + ".json"), new Response(JSON.stringify(list)));
        });
      }).then(function () {
        return tell({ type: "saved", lang: lang, files: size.files, bytes: size.bytes });
      });
    }).then(function () {
      delete saving[lang];
    }, function (error) {
      delete saving[lang];
      tell({ type: "failed", lang: lang, error: String(error && error.message || error) });
      if (strict) {
        throw error;
      }
    });
  }
  return saving[lang];
}

function remove(lang) {
  return caches.delete(OWN + "save-" + lang).then(function () {
    return tell({ type: "removed", lang: lang });
  });
}

function status(lang) {
  return listOf(lang).then(function (list) {
    var size = total(list);
    return Promise.all([
      caches.has(OWN + "save-" + lang).then(function (exists) {
        return exists && caches.open(OWN + "save-" + lang).then(function (cache) {
          return cache.match(url("offline/" + lang + ".json"));
        });
      }),
      caches.open(OWN + "visited").then(function (cache) {
        return Promise.all(autoFiles(list).map(function (rel) { return cache.match(url(rel)); }));
      })
    ]).then(function (found) {
      return {
        type: "status", lang: lang, build: BUILD, files: size.files, total: size.bytes, saved: !!found[0],
        saving: !!saving[lang], ready: found[1].every(Boolean)
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
