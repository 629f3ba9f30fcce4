// Steering charts (Chart.js) from data attributes written by the pages; every chart has a table
// of the same values beside it. Animation is off so a printed page shows the finished chart.
(function () {
  "use strict";
  if (!window.Chart) { return; }
  document.querySelectorAll(".chart[data-values]").forEach(function (container) {
    const labels = container.dataset.labels.split("|");
    const values = container.dataset.values.split("|").map(Number);
    const datasets = [{ label: container.dataset.seriesLabel || "Valeur", data: values, borderColor: "#00497a", backgroundColor: "#00497a", tension: 0 }];
    if (container.dataset.target) {
      const target = Number(container.dataset.target);
      datasets.push({ label: "Cible", data: labels.map(function () { return target; }), borderColor: "#a01818", borderDash: [6, 4], pointRadius: 0 });
    }
    const chart = new Chart(container.querySelector("canvas"), {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: { maintainAspectRatio: false, animation: false, locale: "fr-FR", plugins: { legend: { display: datasets.length > 1 } } }
    });
    container.dataset.rendered = String(chart.data.datasets[0].data.length);
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
