// Antenna sites per commune as a second layer of the mobile coverage map (territory-map.js draws
// the map and the commune outlines; this adds a choropleth of site counts that can be switched on,
// filtered by operator and technology). Only per-commune counts are fetched, never site positions.
(function () {
  "use strict";

  const controls = document.getElementById("antennes-carte");
  if (!controls) return;
  const container = document.getElementById(controls.dataset.map);
  const toggle = document.getElementById("antennes-afficher");
  const operator = document.getElementById("antennes-operateur");
  const technology = document.getElementById("antennes-technologie");
  const legend = document.getElementById("antennes-legende");
  const summary = document.getElementById("antennes-resume");
  // The same classes as the legend of the page.
  const colours = ["step", ["get", "sites"], "#f2f2f2", 1, "#fde0c5", 2, "#facb98", 4, "#f59e4c", 10, "#e0701b", 20, "#a04000"];
  let outlines = null;
  // Choices can change faster than answers arrive: only the latest request may draw.
  let latest = 0;

  function whenMapReady(callback) {
    if (container && container.dataset.loaded === "true" && container.scoranMap) { callback(container.scoranMap); return; }
    if (container && container.dataset.error) return;
    setTimeout(function () { whenMapReady(callback); }, 100);
  }

  async function refresh(map) {
    const ticket = ++latest;
    const params = new URLSearchParams();
    if (operator.value) params.set("operateur", operator.value);
    if (technology.value) params.set("technologie", technology.value);
    const [areas, counts] = await Promise.all([
      outlines ? Promise.resolve(outlines) : fetch(container.dataset.areas).then(function (r) { return r.json(); }),
      fetch(controls.dataset.values + "?" + params.toString()).then(function (r) { return r.json(); })
    ]);
    outlines = areas;
    if (ticket !== latest) return false;
    const byCode = new Map(counts.communes.map(function (c) { return [c.code, c.sites]; }));
    const data = { type: "FeatureCollection", features: areas.features.map(function (f) {
      return { type: "Feature", geometry: f.geometry, properties: { code: f.properties.code, nom: f.properties.nom, sites: byCode.has(f.properties.code) ? byCode.get(f.properties.code) : 0 } };
    }) };
    if (map.getSource("antennes")) {
      map.getSource("antennes").setData(data);
    } else {
      map.addSource("antennes", { type: "geojson", data: data });
      // Under the outline layers so communes and boundaries stay readable.
      map.addLayer({ id: "antennes-fond", type: "fill", source: "antennes", paint: { "fill-color": colours, "fill-opacity": 0.92 } }, "zones-bord");
    }
    const withSites = counts.communes.filter(function (c) { return c.sites > 0; }).length;
    summary.textContent = (counts.operatorName || "Tous les opérateurs") + ", " + (counts.technology || "toutes technologies") + " : " +
      counts.sites.toLocaleString("fr-FR") + " site(s) dans " + withSites.toLocaleString("fr-FR") + " commune(s) sur " +
      counts.communes.length.toLocaleString("fr-FR") + " (au plus " + counts.max.toLocaleString("fr-FR") + " dans une commune), liste du " + counts.vintage + ".";
    container.dataset.antennaSites = String(counts.sites);
    container.dataset.antennaCommunes = String(withSites);
  }

  function apply(map) {
    const on = toggle.checked;
    legend.hidden = !on;
    operator.disabled = !on;
    technology.disabled = !on;
    const coverageLegend = container.closest("figure") && container.closest("figure").querySelector("[data-testid=map-legend]");
    if (coverageLegend) coverageLegend.hidden = on;
    if (!on) {
      if (map.getLayer("antennes-fond")) map.setLayoutProperty("antennes-fond", "visibility", "none");
      summary.textContent = "";
      container.dataset.antennas = "off";
      return;
    }
    refresh(map).then(function (drawn) {
      if (drawn === false || !toggle.checked) return;
      map.setLayoutProperty("antennes-fond", "visibility", "visible");
      map.once("idle", function () { container.dataset.antennas = "on"; });
      map.triggerRepaint();
    }).catch(function (err) {
      summary.textContent = "Les sites d'antennes n'ont pas pu être chargés.";
      container.dataset.antennasError = String(err);
    });
  }

  operator.disabled = true;
  technology.disabled = true;
  whenMapReady(function (map) {
    toggle.addEventListener("change", function () { apply(map); });
    operator.addEventListener("change", function () { container.dataset.antennas = "loading"; apply(map); });
    technology.addEventListener("change", function () { container.dataset.antennas = "loading"; apply(map); });
    if (toggle.checked) apply(map);
  });
})();
