// A table wider than the screen scrolls in its .table-wrap: while it does, the wrapper takes keyboard
// focus (so the arrow keys scroll it, WCAG 2.1.1) and is named after the table's caption or the heading
// above it; a wrapper that fits stays out of the tab order.
(function () {
  "use strict";
  function nameOf(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.trim();
    }
    return "";
  }
  // Above a wrapper that scrolls, a line says so (words from the page's body, in its language), unless
  // the page gives its own hint (data-own-hint on the wrapper).
  function note(wrap, wanted) {
    var before = wrap.previousElementSibling;
    var has = before && "scrollNote" in before.dataset;
    var words = document.body.dataset.scrollHint;
    if (wanted && !has && !("ownHint" in wrap.dataset) && words) {
      var line = document.createElement("p");
      line.className = "scroll-note small muted";
      line.dataset.scrollNote = "";
      line.textContent = words + " ↔";
      wrap.parentNode.insertBefore(line, wrap);
    } else if (!wanted && has) {
      before.remove();
    }
  }
  function mark() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      note(wrap, wrap.scrollWidth > wrap.clientWidth);
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.dataset.scrollRegion = "";
        var name = nameOf(wrap);
        if (name) {
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", name);
        }
      } else if ("scrollRegion" in wrap.dataset) {
        delete wrap.dataset.scrollRegion;
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", mark);
})();
