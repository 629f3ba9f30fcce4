// A click on the map asks for the building nearest to that point: the page reloads with its
// coordinates, so the answer is the same as with the coordinates form (and needs no JSON here).
(function () {
  "use strict";
  const container = document.getElementById("carte-eligibilite");
  if (!container) return;
  const result = document.querySelector("[data-testid=eligibility-result]");

  function whenReady(callback) {
    if (container.scoranMap) { callback(container.scoranMap); return; }
    setTimeout(function () { whenReady(callback); }, 100);
  }

  whenReady(function (map) {
    map.getCanvas().style.cursor = "crosshair";
    if (result && window.maplibregl) {
      const at = [Number(result.dataset.lon), Number(result.dataset.lat)];
      new maplibregl.Marker({ color: "#b34700" }).setLngLat(at).addTo(map);
      const jump = function () { map.jumpTo({ center: at, zoom: 13 }); };
      if (map.loaded()) jump(); else map.once("load", jump);
    }
    map.on("click", function (e) {
      const lat = e.lngLat.lat.toFixed(6), lon = e.lngLat.lng.toFixed(6);
      window.location.href = "/observatoire/eligibilite?lat=" + lat + "&lon=" + lon;
    });
  });
})();
