/* The person picker (org/widgets/person_picker.html): an ARIA combobox whose suggestions htmx
   fetches as the user types (org:person_search). Arrow keys move through them, Enter or a click
   chooses one (its name in the text field, its id in the hidden field), Escape closes the list.
   Typing again clears the choice, so the server resolves what was typed. Without this script the
   field is a plain text field that the server resolves on submit. Loaded once per picker: runs once. */
(function () {
  "use strict";
  if (window.distansPersonPicker) return;
  window.distansPersonPicker = true;

  function parts(element) {
    var picker = element.closest("[data-person-picker]");
    return picker && {
      input: picker.querySelector("[role=combobox]"),
      choice: picker.querySelector("[data-picker-choice]"),
      list: picker.querySelector("[role=listbox]"),
      status: picker.querySelector("[data-picker-status]"),
    };
  }

  function options(p) {
    return Array.prototype.slice.call(p.list.querySelectorAll("[role=option]:not([aria-disabled])"));
  }

  function open(p, show) {
    p.list.hidden = !show;
    p.input.setAttribute("aria-expanded", show ? "true" : "false");
    if (!show) {
      p.input.removeAttribute("aria-activedescendant");
    }
  }

  function activate(p, option) {
    options(p).forEach(function (each) {
      each.setAttribute("aria-selected", each === option ? "true" : "false");
    });
    if (option) {
      p.input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
  }

  function choose(p, option) {
    p.input.value = option.dataset.label;
    p.choice.value = option.dataset.pk;
    p.status.textContent = option.dataset.label;
    open(p, false);
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var p = parts(event.detail.target);
    if (!p || event.detail.target !== p.list) return;
    var count = p.list.querySelectorAll("[role=option]").length;
    options(p).forEach(function (option, index) {
      option.id = p.list.id + "-" + index;
    });
    p.input.removeAttribute("aria-activedescendant"); // the options it named are gone
    var note = p.list.querySelector("[data-status]");
    p.status.textContent = note ? note.dataset.status : "";
    open(p, count > 0 && document.activeElement === p.input);
  });

  document.addEventListener("input", function (event) {
    var p = event.target.matches("[data-person-picker] [role=combobox]") && parts(event.target);
    if (!p) return;
    p.choice.value = ""; // what is typed now is what counts
    if (!p.input.value.trim()) {
      p.list.innerHTML = "";
      open(p, false);
    }
  });

  document.addEventListener("keydown", function (event) {
    var p = event.target.matches("[data-person-picker] [role=combobox]") && parts(event.target);
    if (!p) return;
    var all = options(p);
    var current = p.list.querySelector("[aria-selected=true]");
    var index = all.indexOf(current);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      open(p, true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      activate(p, all[(index + step + all.length) % all.length] || all[0]);
    } else if (event.key === "Enter" && !p.list.hidden && current) {
      event.preventDefault(); // choose, do not submit the form yet
      choose(p, current);
    } else if (event.key === "Escape" && !p.list.hidden) {
      event.preventDefault();
      open(p, false);
    }
  });

  // mousedown, not click: it comes before the field loses focus and the list closes.
  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest("[data-person-picker] [role=option]:not([aria-disabled])");
    if (!option) return;
    event.preventDefault();
    choose(parts(option), option);
  });

  document.addEventListener("focusout", function (event) {
    var p = event.target.matches("[data-person-picker] [role=combobox]") && parts(event.target);
    if (p) open(p, false);
  });
})();
