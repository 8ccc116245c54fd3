// Draws each machine process of the page with bpmn-js and marks what the engine reported:
// the container's data-markers holds element ids by what happened there.
(function () {
  'use strict';

  function mark(canvas, registry, ids, marker) {
    ids.forEach(function (id) {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
      }
    });
  }

  function draw(container) {
    var markers = JSON.parse(container.dataset.markers);
    var viewer = new BpmnJS({ container: container, height: 320 });
    return fetch(container.dataset.diagramUrl, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (xml) {
        return viewer.importXML(xml);
      })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var overlays = viewer.get('overlays');
        canvas.zoom('fit-viewport');
        mark(canvas, registry, markers.visited, 'parc-visited');
        mark(canvas, registry, markers.waiting, 'parc-waiting');
        mark(canvas, registry, markers.timers, 'parc-timer');
        mark(canvas, registry, markers.incidents, 'parc-incident');
        Object.keys(markers.visits).forEach(function (id) {
          if (markers.visits[id] > 1 && registry.get(id)) {
            var badge = document.createElement('span');
            badge.className = 'badge text-bg-secondary parc-visits';
            badge.textContent = '\u00d7' + markers.visits[id];
            overlays.add(id, { position: { top: -10, right: 10 }, html: badge });
          }
        });
        container.dataset.rendered = 'true';
      })
      .catch(function () {
        container.dataset.rendered = 'failed';
        container.textContent = container.dataset.failure;
      });
  }

  document.querySelectorAll('.process-diagram').forEach(draw);
})();
