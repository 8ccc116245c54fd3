// The schedule form's preview: the next five fire times of the cron or the hours, asked of the server as they are
// typed (Quartz's reading, not a guess in the browser), or the server's reason with the error's position.
(function () {
  const list = document.getElementById('next-fire-times');
  const error = document.getElementById('next-fire-error');
  if (!list) {
    return;
  }
  const mode = document.getElementById('recurrenceMode');
  const cron = document.getElementById('cron');
  const hours = document.getElementById('everyHours');
  const format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    dateStyle: 'medium', timeStyle: 'medium', timeZone: list.dataset.zone || undefined
  });
  let timer = null;

  function show() {
    const query = mode.value === 'CRON' ? 'cron=' + encodeURIComponent(cron.value)
      : 'everyHours=' + encodeURIComponent(hours.value);
    fetch(list.dataset.url + '?' + query, { headers: { Accept: 'application/json' } })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        list.replaceChildren();
        error.textContent = '';
        if (!ok) {
          error.textContent = body.message || '';
          return;
        }
        body.forEach((time) => {
          const item = document.createElement('li');
          item.textContent = format.format(new Date(time));
          list.appendChild(item);
        });
      })
      .catch(() => { error.textContent = ''; });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(show, 300);
  }

  [mode, cron, hours].forEach((input) => input.addEventListener('input', later));
  show();
})();
