// The network page while a sweep runs: its counts, and the network's device counts, asked of the server every second
// and shown in place, until the sweep ends.
(function () {
  const box = document.getElementById('sweep-progress');
  if (!box || box.dataset.state !== 'RUNNING') {
    return;
  }
  function label(state) {
    return box.dataset['label' + state.charAt(0) + state.slice(1).toLowerCase()] || state;
  }
  function set(id, value) {
    const element = document.getElementById(id);
    if (element) {
      element.textContent = value;
    }
  }
  function poll() {
    fetch(box.dataset.url, { headers: { Accept: 'application/json' } })
      .then((response) => response.json())
      .then((sweep) => {
        set('sweep-probed', sweep.probed);
        set('sweep-planned', sweep.planned);
        set('sweep-found', sweep.found);
        set('sweep-state', label(sweep.state));
        Object.entries(sweep.devices).forEach(([state, count]) => set('count-' + state, count));
        box.dataset.state = sweep.state;
        if (sweep.state === 'RUNNING') {
          setTimeout(poll, 1000);
        } else {
          const stop = document.getElementById('stop-sweep');
          if (stop) {
            stop.remove();
          }
        }
      })
      .catch(() => setTimeout(poll, 3000));
  }
  setTimeout(poll, 500);
}());
