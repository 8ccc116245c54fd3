// The column boxes are a convenience: without script, the hidden cols field keeps the current choice.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function () {
    var chosen = Array.from(document.querySelectorAll('input[name=col]:checked')).map(function (box) { return box.value; });
    if (chosen.length) { document.getElementById('cols').value = chosen.join(','); }
    document.querySelectorAll('input[name=col]').forEach(function (box) { box.disabled = true; });
  });
});
