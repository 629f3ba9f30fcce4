// Draws a history series with Chart.js from data attributes written by the page; the table next
// to it carries the same values for people who cannot see the chart.
(function () {
  "use strict";
  document.querySelectorAll(".chart[data-values]").forEach(function (container) {
    if (!window.Chart) { return; }
    const labels = container.dataset.labels.split("|");
    const values = container.dataset.values.split("|").map(Number);
    const chart = new Chart(container.querySelector("canvas"), {
      type: "line",
      data: {
        labels: labels,
        datasets: [{ label: container.dataset.seriesLabel || "Locaux raccordables à la fibre (%)", data: values, borderColor: "#00497a", backgroundColor: "#00497a", tension: 0 }]
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        locale: "fr-FR",
        scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: function (v) { return v + " %"; } } } },
        plugins: { legend: { display: false } }
      }
    });
    container.dataset.rendered = String(chart.data.datasets[0].data.length);
  });
})();
