/* The main menu (base.html): disclosure buttons, so it works by keyboard and says what is open.

   On a phone (below the breakpoint in distans.css) the "Menu" button shows every group stacked; on
   a desktop each group's button opens its own short list, one at a time, closed again by Escape
   (focus back on the button) or a click elsewhere. Loaded in <head> without `defer` so that the
   "js" class is set before the page is drawn: without this script every group shows open. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");
  var phone = window.matchMedia("(max-width: 760px)");

  function expand(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function isOpen(button) {
    return button.getAttribute("aria-expanded") === "true";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("main-menu");
    if (!toggle || !nav) {
      return;
    }
    var groups = Array.prototype.slice.call(nav.querySelectorAll(".nav-group-toggle"));

    function closeGroups(except) {
      groups.forEach(function (button) {
        if (button !== except) {
          expand(button, false);
        }
      });
    }

    function reset() {
      expand(toggle, false);
      closeGroups(null);
    }

    toggle.addEventListener("click", function () {
      var open = !isOpen(toggle);
      expand(toggle, open);
      groups.forEach(function (button) {
        expand(button, open); // on a phone the open menu shows every group
      });
    });

    groups.forEach(function (button) {
      button.addEventListener("click", function () {
        var open = !isOpen(button);
        if (!phone.matches) {
          closeGroups(button);
        }
        expand(button, open);
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      var open = groups.filter(isOpen);
      if (!phone.matches && open.length) {
        closeGroups(null);
        open[0].focus();
      } else if (phone.matches && isOpen(toggle)) {
        reset();
        toggle.focus();
      }
    });

    document.addEventListener("click", function (event) {
      if (!phone.matches && !nav.contains(event.target)) {
        closeGroups(null);
      }
    });

    // Turning a tablet or widening the window starts from a closed menu in the new layout.
    phone.addEventListener("change", reset);
  });
})();
