// Steering charts (Chart.js) from data attributes written by the pages; every chart has a table
// of the same values beside it. Animation is off so a printed page shows the finished chart.
(function () {
  "use strict";
  if (!window.Chart) { return; }
  document.querySelectorAll(".chart[data-values]").forEach(function (container) {
    const labels = container.dataset.labels.split("|");
    // An empty slot is a date with no value (a target date on the same axis): a gap, not a zero.
    const numbers = function (text) { return text.split("|").map(function (v) { return v === "" ? null : Number(v); }); };
    const values = numbers(container.dataset.values);
    const datasets = [{ label: container.dataset.seriesLabel || "Valeur", data: values, borderColor: "#00497a", backgroundColor: "#00497a", tension: 0, spanGaps: true }];
    if (container.dataset.targets) {
      // Target points of the trajectory, joined by a dashed line.
      datasets.push({ label: "Cible", data: numbers(container.dataset.targets), borderColor: "#a01818", backgroundColor: "#a01818", borderDash: [6, 4], pointStyle: "rectRot", pointRadius: 6, spanGaps: true });
    } else if (container.dataset.target) {
      const target = Number(container.dataset.target);
      datasets.push({ label: "Cible", data: labels.map(function () { return target; }), borderColor: "#a01818", borderDash: [6, 4], pointRadius: 0 });
    }
    const chart = new Chart(container.querySelector("canvas"), {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: { maintainAspectRatio: false, animation: false, locale: "fr-FR", plugins: { legend: { display: datasets.length > 1 } } }
    });
    container.dataset.rendered = String(chart.data.datasets[0].data.length);
    if (container.dataset.targets) {
      container.dataset.renderedTargets = chart.data.datasets[1].data.filter(function (v) { return v !== null; }).join("|");
    }
  });
  document.querySelectorAll(".chart[data-bars]").forEach(function (container) {
    const labels = container.dataset.labels.split("|");
    const series = JSON.parse(container.dataset.bars);
    const colours = ["#00497a", "#e0a800", "#2e7d32", "#a01818"];
    const chart = new Chart(container.querySelector("canvas"), {
      type: "bar",
      data: { labels: labels, datasets: series.map(function (s, i) { return { label: s.label, data: s.values, backgroundColor: colours[i % colours.length] }; }) },
      options: { maintainAspectRatio: false, animation: false, locale: "fr-FR", scales: { x: { stacked: !!container.dataset.stacked }, y: { stacked: !!container.dataset.stacked, beginAtZero: true } } }
    });
    container.dataset.rendered = String(chart.data.datasets.length);
  });
})();
