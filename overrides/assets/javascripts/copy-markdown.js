/*
 * "Copy as Markdown" on question pages: copies the page's clean Markdown
 * (index.md beside the page, written by scripts/outputs/llms.py: formulas as
 * LaTeX, links absolute) for a study group's chat or an AI assistant.
 *
 * The button and its status line are in the built page, beside Material's
 * "edit this page" button (overrides/partials/content.html), so nothing moves
 * when this script runs; the page says where the file is in
 * <meta name="hb-markdown"> (overrides/partials/social.html). The status
 * labels come from strings.json (`share`), like every page script's. The
 * file is one of the page's own files in the service worker's lists
 * (scripts/outputs/offline.py), so the copy works offline on any page read
 * before. The clipboard write is started within the click (a ClipboardItem
 * whose text is still being fetched), which browsers that require a user
 * gesture for clipboard writes accept. Without the clipboard API (a page
 * served over plain http) the button is hidden.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="hb-markdown"]');
  var button = document.querySelector(".hb-copy-md");
  var status = document.querySelector(".hb-copy-md__status");
  if (!meta || !button || !status || !window.hb) {
    return;
  }
  if (!navigator.clipboard) {
    button.hidden = true;
    return;
  }
  var source = new URL(meta.content, window.location.href);

  function say(text) {
    status.textContent = text;
    window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  button.addEventListener("click", function () {
    var text = fetch(source).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    });
    var copied = window.ClipboardItem && navigator.clipboard.write
      ? navigator.clipboard.write([new window.ClipboardItem({
        "text/plain": text.then(function (markdown) { return new Blob([markdown], { type: "text/plain" }); })
      })])
      : text.then(function (markdown) { return navigator.clipboard.writeText(markdown); });
    var labels = window.hb.strings().then(function (strings) { return strings.share; });
    copied.then(function () {
      labels.then(function (t) { say(t.copied); });
    }, function () {
      labels.then(function (t) { say(t.copy_failed); });
    });
  });
})();
