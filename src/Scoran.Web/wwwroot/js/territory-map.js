// Draws Scoran's own outlines with MapLibre GL. No basemap is required (the map works offline);
// when one is configured it is drawn underneath as raster tiles.
(function () {
  "use strict";

  function boundsOf(geojson) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    function visit(coords) {
      if (typeof coords[0] === "number") {
        minX = Math.min(minX, coords[0]); maxX = Math.max(maxX, coords[0]);
        minY = Math.min(minY, coords[1]); maxY = Math.max(maxY, coords[1]);
        return;
      }
      coords.forEach(visit);
    }
    geojson.features.forEach(function (f) { if (f.geometry) visit(f.geometry.coordinates); });
    return isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
  }

  function styleFor(container) {
    const style = { version: 8, sources: {}, layers: [{ id: "fond", type: "background", paint: { "background-color": "#f4f1ea" } }] };
    const basemap = container.dataset.basemap;
    if (basemap) {
      style.sources.basemap = { type: "raster", tiles: [basemap], tileSize: 256, attribution: container.dataset.basemapAttribution || "" };
      style.layers.push({ id: "fond-de-carte", type: "raster", source: "basemap", paint: { "raster-opacity": 0.6 } });
    }
    return style;
  }

  async function draw(container) {
    if (!window.maplibregl) {
      container.textContent = "La carte n'a pas pu être chargée (bibliothèque MapLibre absente).";
      return;
    }
    const json = function (url) { return url ? fetch(url).then(function (r) { return r.json(); }) : Promise.resolve(null); };
    const [outline, areas, borders, values] = await Promise.all([
      json(container.dataset.outline), json(container.dataset.areas), json(container.dataset.borders), json(container.dataset.values)
    ]);
    if (values) {
      // Indicator values join the outlines by INSEE code; a commune without a value stays grey.
      const byCode = new Map(values.map(function (v) { return [v.code, v]; }));
      areas.features.forEach(function (f) {
        const v = byCode.get(f.properties.code);
        if (v && v.rate !== null && v.rate !== undefined) { f.properties.taux = v.rate; f.properties.raccordables = v.connectablePremises !== undefined ? v.connectablePremises : v.covered; }
      });
    }
    const bounds = boundsOf(outline.features.length ? outline : areas);
    const map = new maplibregl.Map({
      container: container,
      style: styleFor(container),
      bounds: bounds || [[-5, 41], [10, 51]],
      fitBoundsOptions: { padding: 16 },
      attributionControl: { compact: false, customAttribution: "Contours © IGN Admin Express 2018 — Licence Ouverte" },
      cooperativeGestures: false,
      locale: {
        "Map.Title": "Carte",
        "NavigationControl.ZoomIn": "Zoom avant",
        "NavigationControl.ZoomOut": "Zoom arrière",
        "NavigationControl.ResetBearing": "Réorienter vers le nord",
        "AttributionControl.ToggleAttribution": "Afficher ou masquer les sources",
        "AttributionControl.MapFeedback": "Signaler un problème de carte",
        "Popup.Close": "Fermer"
      }
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    container.scoranMap = map;

    map.on("load", function () {
      map.addSource("zones", { type: "geojson", data: areas, promoteId: "code" });
      map.addSource("contour", { type: "geojson", data: outline });
      const choropleth = ["case", ["!", ["has", "taux"]], "#ffffff",
        ["step", ["get", "taux"], "#eeeeee", 0.000001, "#d6e6f2", 0.10, "#9ec3df", 0.25, "#5b9bc8", 0.50, "#2a6ca3", 0.80, "#0b3c6b"]];
      map.addLayer({ id: "zones-fond", type: "fill", source: "zones",
        paint: {
          "fill-color": ["case", ["boolean", ["feature-state", "survol"], false], "#ffbf47", values ? choropleth : "#7fa7c4"],
          "fill-opacity": values ? 0.9 : 0.55
        } });
      map.addLayer({ id: "zones-bord", type: "line", source: "zones", paint: { "line-color": "#003559", "line-width": 0.4 } });
      if (borders) {
        map.addSource("limites", { type: "geojson", data: borders });
        map.addLayer({ id: "limites-bord", type: "line", source: "limites", paint: { "line-color": "#1e1e1e", "line-width": 1.2 } });
      }
      map.addLayer({ id: "contour-bord", type: "line", source: "contour", paint: { "line-color": "#1e1e1e", "line-width": 2 } });

      let hovered = null;
      const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false });
      map.on("mousemove", "zones-fond", function (e) {
        const f = e.features[0];
        if (hovered !== null) map.setFeatureState({ source: "zones", id: hovered }, { survol: false });
        hovered = f.properties.code;
        map.setFeatureState({ source: "zones", id: hovered }, { survol: true });
        map.getCanvas().style.cursor = container.dataset.linkAreas === "true" ? "pointer" : "";
        const detail = f.properties.taux !== undefined
          ? " — " + (f.properties.taux * 100).toLocaleString("fr-FR", { maximumFractionDigits: 1 }) + " % " + (container.dataset.valueLabel || "de locaux raccordables")
          : f.properties.population ? " — " + Number(f.properties.population).toLocaleString("fr-FR") + " hab." : "";
        popup.setLngLat(e.lngLat).setText(f.properties.nom + detail).addTo(map);
      });
      map.on("mouseleave", "zones-fond", function () {
        if (hovered !== null) map.setFeatureState({ source: "zones", id: hovered }, { survol: false });
        hovered = null;
        map.getCanvas().style.cursor = "";
        popup.remove();
      });
      if (container.dataset.linkAreas === "true") {
        map.on("click", "zones-fond", function (e) {
          const p = e.features[0].properties;
          window.location.href = (container.dataset.linkBase || "/territoires/") + p.kind + "/" + p.code + (container.dataset.linkQuery || "");
        });
      }
      map.once("idle", function () {
        // Lets people and tests know the outlines are drawn.
        container.dataset.loaded = "true";
        container.dataset.features = String(areas.features.length);
        container.dataset.valued = String(areas.features.filter(function (f) { return f.properties.taux !== undefined; }).length);
      });
    });
  }

  document.querySelectorAll(".map[data-outline]").forEach(function (container) {
    draw(container).catch(function (err) {
      container.dataset.error = String(err);
      container.textContent = "La carte n'a pas pu être chargée.";
    });
  });
})();
