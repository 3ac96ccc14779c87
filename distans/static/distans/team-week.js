// The team week on a phone: the grid opens scrolled so that today's column (or, in another week, its
// first working day) stands next to the names, which stay in view. Loaded right after the grid, so it
// runs before the page is first drawn. Without it the grid opens at Monday and scrolls by hand.
(function () {
  "use strict";
  var week = document.querySelector(".team-week[data-today]");
  var wrap = week && week.querySelector(".week-grid-wrap");
  if (!wrap) return;
  var today = wrap.querySelector('th.day-col time[datetime="' + week.dataset.today + '"]');
  var column = today ? today.closest("th") : null;
  if (!column) {
    var days = wrap.querySelectorAll("th.day-col");
    for (var i = 0; i < days.length && !column; i++) {
      if (!days[i].querySelector(".holiday")) column = days[i];
    }
  }
  var names = wrap.querySelector("th.name-col");
  if (!column || !names) return;
  var start =
    column.getBoundingClientRect().left - wrap.getBoundingClientRect().left - wrap.clientLeft + wrap.scrollLeft;
  if (start + column.offsetWidth > wrap.scrollLeft + wrap.clientWidth) {
    wrap.scrollLeft = start - names.offsetWidth;
  }
})();
