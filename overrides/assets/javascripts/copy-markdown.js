/*
 * "Copy as Markdown" on question pages: copies the page's clean Markdown
 * (index.md beside the page, written by scripts/outputs/llms.py: formulas as
 * LaTeX, links absolute) for a study group's chat or an AI assistant.
 *
 * The page says where the file is in <meta name="hb-markdown">
 * (overrides/partials/social.html); pages without it get no button. Its
 * labels come from strings.json (`share`), like every page script's. The file is one of the page's own files in the service
 * worker's lists (scripts/outputs/offline.py), so the copy works offline on
 * any page read before. The clipboard write is started within the click
 * (a ClipboardItem whose text is still being fetched), which browsers that
 * require a user gesture for clipboard writes accept.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="hb-markdown"]');
  var title = document.querySelector(".md-content__inner h1");
  if (!meta || !title || !navigator.clipboard || !window.hb) {
    return;
  }
  window.hb.strings().then(function (strings) { start(strings.share); });

  function start(t) {
    var labels = { copy: t.copy_markdown, copied: t.copied, failed: t.copy_failed };
    var source = new URL(meta.content, window.location.href);
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "md-content__button md-icon hb-copy-md";
    button.title = labels.copy;
    button.setAttribute("aria-label", labels.copy);
    /* Material Design Icons' "language-markdown-outline" (Apache 2.0), as Material's own buttons. */
    button.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M20.56 18H3.44C2.65 18 2 17.37 2 16.59V7.41C2 6.63 2.65 6 3.44 6h17.12c.79 0 1.44.63 1.44 1.41v9.18c0 .78-.65 1.41-1.44 1.41M6.81 15.19v-3.66l1.92 2.35 1.92-2.35v3.66h1.93V8.81h-1.93l-1.92 2.35-1.92-2.35H4.89v6.38h1.92M19.69 12h-1.92V8.81h-1.92V12h-1.93l2.89 3.28L19.69 12Z"/></svg>';
    status.className = "hb-copy-md__status";
    status.setAttribute("role", "status");
    /* Beside Material's "edit this page" button (both float right), else before the title. */
    var anchor = document.querySelector(".md-content__inner > .md-content__button") || title;
    anchor.parentNode.insertBefore(button, anchor);
    anchor.parentNode.insertBefore(status, anchor === title ? title : anchor.nextSibling);  /* under both buttons */

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
      copied.then(function () { say(labels.copied); }, function () { say(labels.failed); });
    });
  }
})();
