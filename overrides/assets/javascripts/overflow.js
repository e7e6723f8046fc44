/*
 * Wide content on narrow screens: formulas, tables and code scroll inside
 * their own box instead of widening the page, and say so.
 *
 * - A long inline formula (MathML cannot wrap inside a line) becomes a
 *   scroll box of its own (class hb-scrolls), only when it is wider than
 *   the text column, so short formulas keep their exact baseline.
 * - Every box that is scrolled sideways (display formulas, inline formulas,
 *   tables, code) is reachable by keyboard (tabindex=0) and fades at the
 *   edge where more content is hidden (data-hb-more="left right"), which
 *   updates as the reader scrolls. Re-checked when the window resizes.
 * Starts through hb.onPage (hb-core.js): instant navigation on or off.
 */
(function () {
  "use strict";

  var BOXES = ".md-typeset div.arithmatex, .md-typeset .hb-math-inline, " +
    ".md-typeset .md-typeset__scrollwrap, .md-typeset pre > code";

  function markEdges(box) {
    var more = [];
    if (box.scrollLeft > 1) {
      more.push("left");
    }
    if (box.scrollLeft + box.clientWidth < box.scrollWidth - 1) {
      more.push("right");
    }
    if (more.length) {
      box.setAttribute("data-hb-more", more.join(" "));
    } else {
      box.removeAttribute("data-hb-more");
    }
  }

  function fitInline(math) {
    /* The room a formula has is the line box of its paragraph, list item or
       table cell, not the whole column. */
    var column = math.parentElement && math.parentElement.closest(
      "p, li, td, th, dd, dt, figcaption, summary, .admonition, details, .md-typeset");
    if (!column) {
      return;
    }
    math.classList.remove("hb-scrolls");
    /* An inline box has no scrollWidth; its rendered width tells. */
    var style = window.getComputedStyle(column);
    var room = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    /* A formula kept on one line with its punctuation (hb-nobr, from
       scripts/build/typography.py) needs room for both. */
    var kept = math.parentElement.classList.contains("hb-nobr") ? math.parentElement : math;
    if (kept.getBoundingClientRect().width > room) {
      math.classList.add("hb-scrolls");
    }
  }

  function update(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".md-typeset .hb-math-inline"), fitInline);
    Array.prototype.forEach.call(root.querySelectorAll(BOXES), function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls) {
        if (!box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("data-hb-tabindex", "");
        }
        if (!box.dataset.hbWatched) {
          box.dataset.hbWatched = "true";
          box.addEventListener("scroll", function () { markEdges(box); }, { passive: true });
        }
      } else if (box.hasAttribute("data-hb-tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-hb-tabindex");
      }
      markEdges(box);
    });
  }

  var pending = null;
  function schedule() {
    if (pending === null) {
      pending = window.requestAnimationFrame(function () {
        pending = null;
        update(document);
      });
    }
  }

  window.addEventListener("resize", schedule);
  window.hb.onPage(schedule);
  /* Material wraps tables in their scroll box after load. */
  window.addEventListener("load", schedule);
})();
