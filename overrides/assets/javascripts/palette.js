/*
 * The reader's palette on the page before it paints: Material's inline
 * snippet (partials/javascripts/palette.html), as a file, so that a
 * Content-Security-Policy without 'unsafe-inline' does not block it. Loaded
 * right after the palette's inputs in the header; __md_get (hb-core.js)
 * returns only a palette of the right shape.
 */
(function () {
  "use strict";
  var palette = window.__md_get && window.__md_get("__palette");
  if (!palette || !palette.color) {
    return;
  }
  var color = palette.color;
  if (color.media === "(prefers-color-scheme)") {
    var media = window.matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
    var input = document.querySelector("[data-md-color-media='(prefers-color-scheme: " + media + ")']");
    if (!input) {
      return;
    }
    color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (name) {
      color[name] = input.getAttribute("data-md-color-" + name);
    });
  }
  Object.keys(color).forEach(function (name) {
    document.body.setAttribute("data-md-color-" + name, color[name]);
  });
})();
