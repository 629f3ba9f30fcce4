// Follows a running campaign without reloading the page: polls the live endpoint, updates the
// counters, the table and the Chart.js chart of measurements per day and operator, the report per
// operator and the list of published communes (the server already left out communes below k), and
// redraws the published cells when the counts change. Once the campaign is over it polls no more.
(function () {
  "use strict";
  const holder = document.querySelector("[data-campaign-live]");
  if (!holder) return;
  const operators = JSON.parse(holder.dataset.operators || "{}");
  const colours = { "20801": "#ff7900", "20810": "#c8102e", "20815": "#5b5b5b", "20820": "#00859b" };
  const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const updated = document.querySelector("[data-testid=campaign-updated]");
  let chart = null;
  let lastCount = null;

  function name(code) { return operators[code] || code; }
  function label(day) { return dayFormat.format(new Date(day + "T00:00:00Z")); }

  function drawChart(days) {
    const labels = Array.from(new Set(days.map(function (d) { return d.day; }))).sort();
    const codes = Array.from(new Set(days.map(function (d) { return d.operatorCode; }))).sort();
    const datasets = codes.map(function (code) {
      return {
        label: name(code),
        backgroundColor: colours[code] || "#00497a",
        data: labels.map(function (day) {
          const found = days.find(function (d) { return d.day === day && d.operatorCode === code; });
          return found ? found.measurements : 0;
        })
      };
    });
    const container = document.getElementById("graphique-campagne");
    if (!container || !window.Chart) return;
    if (chart) {
      chart.data.labels = labels.map(label);
      chart.data.datasets = datasets;
      chart.update();
    } else {
      chart = new Chart(container.querySelector("canvas"), {
        type: "bar",
        data: { labels: labels.map(label), datasets: datasets },
        options: {
          maintainAspectRatio: false,
          animation: false,
          locale: "fr-FR",
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: "bottom" } }
        }
      });
    }
    container.dataset.rendered = String(days.reduce(function (sum, d) { return sum + d.measurements; }, 0));
  }

  function drawTable(days) {
    const body = holder.querySelector("[data-live=days]");
    if (!body) return;
    body.replaceChildren.apply(body, days.map(function (d) {
      const row = document.createElement("tr");
      [label(d.day), name(d.operatorCode), d.measurements.toLocaleString("fr-FR")].forEach(function (text, i) {
        const cell = document.createElement("td");
        cell.textContent = text;
        if (i === 2) cell.className = "num";
        row.appendChild(cell);
      });
      return row;
    }));
  }

  // Same format as the page's first rendering ("0.#" in French, no grouping), so a poll that
  // brings nothing new changes no text.
  const median = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, useGrouping: false });
  function value(v) { return v === null || v === undefined ? "—" : median.format(v); }

  function drawOperators(operatorRows) {
    const body = holder.querySelector("[data-live=operators]");
    if (!body || !operatorRows) return;
    if (operatorRows.length === 0) {
      const row = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = 7;
      cell.textContent = "Aucun opérateur n'atteint encore le seuil de contributeurs distincts.";
      row.appendChild(cell);
      body.replaceChildren(row);
      return;
    }
    body.replaceChildren.apply(body, operatorRows.map(function (o) {
      const row = document.createElement("tr");
      [o.operatorName, String(o.measurements), String(o.noService), value(o.medianDownloadMbps), value(o.medianUploadMbps), value(o.medianLatencyMs), value(o.medianRsrp)]
        .forEach(function (text, i) {
          const cell = document.createElement("td");
          cell.textContent = text;
          if (i > 0) cell.className = "num";
          row.appendChild(cell);
        });
      return row;
    }));
  }

  function drawCommunes(communes) {
    const list = holder.querySelector("[data-live=communes]");
    if (!list || !communes) return;
    list.textContent = communes.length === 0 ? "aucune" : communes.map(function (c) { return c.communeName + " (" + c.measurements + ")"; }).join(", ");
  }

  function apply(live) {
    ["measurements", "contributors", "publishedCommunes", "hiddenCommunes", "publishedCells", "hiddenCells"].forEach(function (key) {
      const el = holder.querySelector("[data-live=" + key + "]");
      if (el) el.textContent = Number(live[key]).toLocaleString("fr-FR");
    });
    drawTable(live.days);
    drawChart(live.days);
    drawOperators(live.operators);
    drawCommunes(live.communes);
    const time = new Date(live.generatedAt).toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    if (updated) {
      updated.textContent = live.running
        ? "Mis à jour à " + time + " ; actualisation automatique toutes les " + Math.round(interval / 1000) + " secondes pendant la campagne."
        : "Mis à jour à " + time + " ; la campagne est hors période : plus d'actualisation automatique.";
    }
    // The cells only change when measurements arrive: no need to refetch them otherwise.
    if (lastCount !== null && live.measurements !== lastCount) {
      const cells = holder.querySelector("[data-measure-cells]");
      if (cells && live.communes) cells.dataset.publishedCommunes = live.communes.map(function (c) { return c.communeCode; }).join(",");
      if (cells && cells.scoranRefreshCells) cells.scoranRefreshCells();
    }
    lastCount = live.measurements;
    holder.dataset.polls = String(Number(holder.dataset.polls || "0") + 1);
  }

  const interval = Math.max(5000, Number(holder.dataset.interval || "15000"));
  drawChart(JSON.parse(holder.dataset.days || "[]"));
  lastCount = Number((holder.querySelector("[data-live=measurements]") || {}).textContent.replace(/\D/g, "")) || 0;

  function poll() {
    fetch(holder.dataset.campaignLive, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (live) {
        apply(live);
        if (live.running) setTimeout(poll, interval);
      })
      .catch(function () {
        // A failed poll is retried later; the page keeps its last figures.
        if (updated) updated.textContent = "Actualisation impossible pour le moment ; nouvel essai dans " + Math.round(interval / 1000) + " secondes.";
        setTimeout(poll, interval);
      });
  }

  if (holder.dataset.running === "true") setTimeout(poll, interval);
})();
