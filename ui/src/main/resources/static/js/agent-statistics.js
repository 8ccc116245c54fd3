// The doughnut of a package's statistics through agents, drawn from the table's figures
// (data attributes), so that the page reads the same without script.
(function () {
  function draw() {
    const canvas = document.getElementById('agent-statistics-chart');
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    const labels = canvas.dataset.labels.split('|');
    const counts = canvas.dataset.counts.split('|').map(Number);
    const colour = (label) => label.startsWith('SUCCESS') ? '#198754'
      : label === 'NOTIFIED' ? '#0d6efd' : label === 'WAITING_FOR_AGENT' ? '#adb5bd' : '#dc3545';
    canvas.chart = new Chart(canvas, {
      type: 'doughnut',
      data: { labels: labels, datasets: [{ data: counts, backgroundColor: labels.map(colour) }] },
      options: { animation: false, plugins: { legend: { position: 'bottom' } } }
    });
    canvas.dataset.drawn = 'true';
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
