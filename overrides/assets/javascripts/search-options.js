/*
 * Query fixes applied before Material's search worker sees the query.
 * Nothing leaves the browser; the text in the search box is not changed.
 *
 * 1. Command options: lunr reads a leading "-" as "must not contain", so
 *    "-mtime" would return every page except the find page. In this handbook
 *    a leading dash is an option, so it is dropped from each term.
 *
 * 2. Chinese: Material segments a run of Han characters greedily against the
 *    words in the index, but never tries a word that ends at the last
 *    character, so the last word of "语言漂移" (or all of "模式坍塌") is lost.
 *    A sentinel (〇, which no page uses) after runs of three or more
 *    characters lets every word be found. Shorter runs stay as typed: there
 *    Material's fallback, a prefix search for the whole run, already works
 *    ("超参" finds "超参数").
 */
(function () {
  "use strict";
  var QUERY = 2; // Material's SearchMessageType.QUERY
  var SENTINEL = "\u3007";

  function rewrite(query) {
    return query
      .replace(/(^|\s)-+(?=[A-Za-z0-9])/g, "$1")
      .replace(/\p{sc=Han}+/gu, function (run) {
        return run.length > 2 ? run + SENTINEL : run;
      });
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = Object.assign({}, message, { data: rewrite(message.data) });
    }
    return post.apply(this, arguments);
  };
})();
