// Suggestions once data-suggest-after characters are typed in a criterion's value; without script the field is a
// plain text box. The form carries the URL of the field values (data-values-url) and the threshold.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var form = document.querySelector('[data-values-url]');
  if (!form) {
    return;
  }
  var after = parseInt(form.dataset.suggestAfter, 10);
  var base = form.dataset.valuesUrl;
  document.querySelectorAll('.criterion').forEach(function (row) {
    var field = row.querySelector('.criterion-field');
    var value = row.querySelector('.criterion-value');
    var list = document.getElementById(value.getAttribute('list'));
    var timer;
    value.addEventListener('input', function () {
      clearTimeout(timer);
      if (!field.value || value.value.trim().length < after) { list.innerHTML = ''; return; }
      timer = setTimeout(function () {
        fetch(base + encodeURIComponent(field.value) + '/values?q=' + encodeURIComponent(value.value.trim()),
              { headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (values) {
            list.innerHTML = '';
            values.forEach(function (v) { var o = document.createElement('option'); o.value = v; list.appendChild(o); });
          });
      }, 250);
    });
  });
});
