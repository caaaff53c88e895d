/* /compliance/: the complaint figures per office, live from GET /api/stats when the API answers
   (the table built with the site stays as it is otherwise). Plain script, no dependencies. */
(function () {
  "use strict";

  function cell(tag, value, scope) {
    var el = document.createElement(tag);
    if (scope) { el.scope = scope; }
    el.textContent = value;
    return el;
  }

  function render(table, data) {
    var rows = (data.offices || []).filter(function (o) { return o.received > 0; });
    var body = table.querySelector("tbody");
    body.textContent = "";
    rows.forEach(function (o) {
      var tr = document.createElement("tr");
      tr.appendChild(cell("th", o.office_name || o.office, "row"));
      [o.received, o.accepted_on_time, o.responded_on_time, o.overdue_now,
       o.satisfaction === null || o.satisfaction === undefined ? "—" : (o.satisfaction * 100).toFixed(1) + "%"
      ].forEach(function (v) { tr.appendChild(cell("td", String(v))); });
      body.appendChild(tr);
    });
    if (!rows.length) {
      var empty = cell("td", "暂无投诉");
      empty.colSpan = 6;
      var tr = document.createElement("tr");
      tr.appendChild(empty);
      body.appendChild(tr);
    }
    var note = document.querySelector("[data-complaint-stats-as-of]");
    if (note && data.as_of) { note.textContent = "以下为截至" + data.as_of.slice(0, 10) + "的实时数据；"; }
  }

  function start() {
    var table = document.querySelector("table[data-complaint-stats]");
    if (!table || !window.fetch) { return; }
    fetch("/api/stats", { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) { if (data) { render(table, data); } }, function () {});
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
