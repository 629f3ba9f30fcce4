// Sortable tables: each header of a table.sortable becomes a button; a cell's data-sort (a
// number or a string) is the key, so "12 394" sorts as 12394. aria-sort tells screen readers.
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach(function (table) {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach(function (th, index) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      // The arrow is decoration: hidden from the accessible name, which stays the column title.
      const arrow = document.createElement("span");
      arrow.className = "sort-arrow";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(arrow);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        const key = function (row) {
          const cell = row.cells[index];
          const value = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
          const number = Number(value);
          return value !== "" && !isNaN(number) ? number : value.toLocaleLowerCase("fr");
        };
        rows.sort(function (a, b) {
          const x = key(a), y = key(b);
          const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "fr");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        table.dataset.sorted = index + (ascending ? "-asc" : "-desc");
      });
    });
  });
})();
