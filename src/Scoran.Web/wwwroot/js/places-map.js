// Adds the inclusion places (GeoJSON points) and, on the accessibility page, the areas farther
// than 20 km, on top of the outline map drawn by territory-map.js.
(function () {
  "use strict";
  document.querySelectorAll("[data-places]").forEach(function (holder) {
    const container = holder.querySelector(".map");
    if (!container) return;
    // territory-map.js marks the container once its outlines are drawn: the style is then loaded.
    function whenReady(callback) {
      if (container.scoranMap && container.dataset.loaded === "true") { callback(container.scoranMap); return; }
      setTimeout(function () { whenReady(callback); }, 100);
    }
    whenReady(function (map) {
      const add = function () {
        fetch(holder.dataset.places).then(function (r) { return r.json(); }).then(function (points) {
          map.addSource("lieux", { type: "geojson", data: points });
          map.addLayer({ id: "lieux-points", type: "circle", source: "lieux",
            paint: {
              "circle-radius": Number(holder.dataset.radius || 5),
              "circle-color": ["case", ["get", "approx"], "#ffffff", "#b34700"],
              "circle-stroke-color": "#5a2400", "circle-stroke-width": 1.2
            } });
          const popup = new maplibregl.Popup({ closeButton: true });
          map.on("click", "lieux-points", function (e) {
            const p = e.features[0].properties;
            const box = document.createElement("div");
            const link = document.createElement("a");
            link.href = "/ressources/lieux/" + p.id;
            link.textContent = p.nom;
            box.appendChild(link);
            box.appendChild(document.createTextNode(" — " + p.commune + (p.labels ? " (" + p.labels + ")" : "")));
            popup.setLngLat(e.lngLat).setDOMContent(box).addTo(map);
          });
          map.on("mouseenter", "lieux-points", function () { map.getCanvas().style.cursor = "pointer"; });
          map.on("mouseleave", "lieux-points", function () { map.getCanvas().style.cursor = ""; });
          const marker = holder.dataset.markerLat;
          if (marker) {
            const at = [Number(holder.dataset.markerLon), Number(holder.dataset.markerLat)];
            new maplibregl.Marker({ color: "#003559" }).setLngLat(at).addTo(map);
            if (holder.dataset.zoom) map.jumpTo({ center: at, zoom: Number(holder.dataset.zoom) });
          }
          map.once("idle", function () {
            // Lets people and tests know the places are drawn.
            container.dataset.places = String(points.features.length);
          });
        });
      };
      add();
    });
  });
})();
