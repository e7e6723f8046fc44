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

  /* The edges where more content is hidden: a read, no write. */
  function edges(box) {
    var more = [];
    if (box.scrollLeft > 1) {
      more.push("left");
    }
    if (box.scrollLeft + box.clientWidth < box.scrollWidth - 1) {
      more.push("right");
    }
    return more;
  }
  function showEdges(box, more) {
    if (more.length) {
      box.setAttribute("data-hb-more", more.join(" "));
    } else {
      box.removeAttribute("data-hb-more");
    }
  }
  function markEdges(box) {
    showEdges(box, edges(box));
  }
  /* Whether an inline formula is wider than the room it has: the line box of
     its paragraph, list item or table cell, not the whole column. A read. */
  function tooWide(math) {
    var column = math.parentElement && math.parentElement.closest(
      "p, li, td, th, dd, dt, figcaption, summary, .admonition, details, .md-typeset");
    if (!column) {
      return false;
    }
    /* An inline box has no scrollWidth; its rendered width tells. */
    var style = window.getComputedStyle(column);
    var room = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    /* A formula kept on one line with its punctuation (hb-nobr, from
       scripts/build/typography.py) needs room for both. */
    var kept = math.parentElement.classList.contains("hb-nobr") ? math.parentElement : math;
    return kept.getBoundingClientRect().width > room;
  }
  /* Reads and writes in separate passes, so a page lays out twice however
     many formulas and boxes it has (a write between two reads would force a
     layout per element: a long task on a phone). */
  function update(root) {
    var inline = Array.prototype.slice.call(root.querySelectorAll(".md-typeset .hb-math-inline"));
    inline.forEach(function (math) { math.classList.remove("hb-scrolls"); });
    inline.filter(tooWide).forEach(function (math) { math.classList.add("hb-scrolls"); });
    var boxes = Array.prototype.slice.call(root.querySelectorAll(BOXES));
    var measured = boxes.map(function (box) {
      return { box: box, scrolls: box.scrollWidth > box.clientWidth + 1, more: edges(box) };
    });
    measured.forEach(function (found) {
      var box = found.box;
      if (found.scrolls) {
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
      showEdges(box, found.more);
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
