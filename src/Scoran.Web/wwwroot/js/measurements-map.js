// Adds the published measurement cells (~1 km squares with at least k contributors, never a
// point) and the outline of the published communes on top of the outline map drawn by
// territory-map.js. The page's tables remain the text alternative.
(function () {
  "use strict";

  // Same classes as the legend partial (_MeasurementsLegend.cshtml).
  const colour = ["case", ["==", ["typeof", ["get", "debitDescendantMedianMbps"]], "number"],
    ["step", ["get", "debitDescendantMedianMbps"], "#f2f0f7", 3, "#cbc9e2", 8, "#9e9ac8", 30, "#756bb1", 100, "#54278f"],
    "#9a9a9a"];

  function number(v, digits) {
    return Number(v).toLocaleString("fr-FR", { maximumFractionDigits: digits || 0 });
  }

  document.querySelectorAll("[data-measure-cells]").forEach(function (holder) {
    const container = holder.querySelector(".map");
    if (!container) return;
    const masked = holder.querySelector("[data-testid=cells-masked]");

    function whenReady(callback) {
      if (container.scoranMap && container.dataset.loaded === "true") { callback(container.scoranMap); return; }
      setTimeout(function () { whenReady(callback); }, 100);
    }

    function mark(map, cells) {
      map.once("idle", function () {
        // Lets people and tests know what is drawn: features received and actually rendered.
        container.dataset.cells = String(cells.features.length);
        container.dataset.cellsRendered = String(map.queryRenderedFeatures({ layers: ["mailles-fond", "mailles-points"] }).length);
      });
      if (masked) {
        masked.textContent = cells.features.length + " maille(s) publiée(s) ; " + (cells.maillesMasquees || 0) +
          " maille(s) masquée(s) (moins de " + cells.k + " contributeurs distincts) et non dessinée(s). Une zone sans maille n'a pas de mesure ou est masquée.";
      }
    }

    whenReady(function (map) {
      // The communes are only a background here: the cells carry the colour.
      map.setPaintProperty("zones-fond", "fill-color", ["case", ["boolean", ["feature-state", "survol"], false], "#ffe3a8", "#ffffff"]);
      map.setPaintProperty("zones-fond", "fill-opacity", 0.35);
      const published = (holder.dataset.publishedCommunes || "").split(",").filter(function (c) { return c.length > 0; });
      map.addLayer({ id: "communes-publiees", type: "line", source: "zones", filter: ["in", ["get", "code"], ["literal", published]],
        paint: { "line-color": "#b34700", "line-width": 2.2 } });

      function load() {
        // The campaign page updates the list of published communes before a refresh.
        const current = (holder.dataset.publishedCommunes || "").split(",").filter(function (c) { return c.length > 0; });
        map.setFilter("communes-publiees", ["in", ["get", "code"], ["literal", current]]);
        return fetch(holder.dataset.measureCells, { headers: { Accept: "application/geo+json" } })
          .then(function (r) { return r.json(); })
          .then(function (cells) {
            // A 1 km square is a pixel or two at the scale of a département: a dot at the centre of
            // each published cell (a grid point, not a measurement position) keeps it visible.
            const centres = { type: "FeatureCollection", features: cells.features.map(function (f) {
              const ring = f.geometry.coordinates[0];
              return { type: "Feature", properties: f.properties,
                geometry: { type: "Point", coordinates: [(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2] } };
            }) };
            const source = map.getSource("mailles");
            if (source) {
              source.setData(cells);
              map.getSource("mailles-centres").setData(centres);
            } else {
              map.addSource("mailles", { type: "geojson", data: cells });
              map.addSource("mailles-centres", { type: "geojson", data: centres });
              map.addLayer({ id: "mailles-points", type: "circle", source: "mailles-centres", maxzoom: 11,
                paint: { "circle-radius": 5, "circle-color": colour, "circle-stroke-color": "#2d004b", "circle-stroke-width": 1.2 } });
              map.addLayer({ id: "mailles-fond", type: "fill", source: "mailles", paint: { "fill-color": colour, "fill-opacity": 0.85 } });
              map.addLayer({ id: "mailles-bord", type: "line", source: "mailles", paint: { "line-color": "#2d004b", "line-width": 0.6 } });
              const popup = new maplibregl.Popup({ closeButton: true });
              map.on("click", ["mailles-fond", "mailles-points"], function (e) {
                const p = e.features[0].properties;
                const median = p.debitDescendantMedianMbps;
                popup.setLngLat(e.lngLat).setText("Maille " + p.maille + " — " + number(p.mesures) + " mesure(s), " + number(p.contributeurs) + " contributeurs" +
                  (median !== undefined && median !== null && median !== "null" ? ", débit descendant médian " + number(median, 1) + " Mbit/s" : "")).addTo(map);
              });
              map.on("mouseenter", "mailles-fond", function () { map.getCanvas().style.cursor = "pointer"; });
              map.on("mouseleave", "mailles-fond", function () { map.getCanvas().style.cursor = ""; });
            }
            if (!source && holder.dataset.fit === "cells" && cells.features.length > 0) {
              // A campaign covers a few streets: frame its published cells rather than the whole territory.
              const b = new maplibregl.LngLatBounds();
              cells.features.forEach(function (f) { f.geometry.coordinates[0].forEach(function (c) { b.extend(c); }); });
              map.fitBounds(b, { padding: 40, maxZoom: 12, animate: false });
            }
            mark(map, cells);
          });
      }

      // The campaign page calls this again when its counters change.
      holder.scoranRefreshCells = load;
      load().catch(function (err) { container.dataset.error = String(err); });
    });
  });
})();
