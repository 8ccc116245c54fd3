// Behaviour shared by console pages, kept out of the pages so that their Content-Security-Policy can forbid inline
// script. Every page works without it: these are conveniences.
(function () {
  'use strict';

  // A form with data-confirm asks before it is sent (deletions, withdrawals, new keys).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener('DOMContentLoaded', function () {
    // A page about work still running reloads itself (data-reload-after, in milliseconds).
    var reload = document.querySelector('[data-reload-after]');
    if (reload) {
      setTimeout(function () { window.location.reload(); }, parseInt(reload.dataset.reloadAfter, 10));
    }

    // A search box filters the items of the list it names (data-filter-items, each with data-name).
    document.querySelectorAll('input[data-filter-items]').forEach(function (box) {
      box.addEventListener('input', function () {
        var q = box.value.toLowerCase();
        document.querySelectorAll(box.dataset.filterItems).forEach(function (item) {
          item.hidden = !item.dataset.name.includes(q);
        });
      });
    });
  });
})();
