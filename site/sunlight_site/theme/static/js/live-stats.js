/* /compliance/: the per-office figure tables, refreshed live from the API when it answers (the
   tables built with the site stay as they are otherwise): complaint figures from GET /api/stats,
   inspection-code figures from GET /api/stats/inspections (offices only, never an enterprise).
   Plain script, no dependencies. */
(function () {
  "use strict";

  function cell(tag, value, scope) {
    var el = document.createElement(tag);
    if (scope) { el.scope = scope; }
    el.textContent = value;
    return el;
  }

  function share(value) {
    return value === null || value === undefined ? "—" : (value * 100).toFixed(1) + "%";
  }

  var TABLES = [
    {
      table: "table[data-complaint-stats]",
      note: "[data-complaint-stats-as-of]",
      url: "/api/stats",
      keep: function (o) { return o.received > 0; },
      cells: function (o) {
        return [o.received, o.accepted_on_time, o.responded_on_time, o.overdue_now, share(o.satisfaction)];
      },
      empty: "暂无投诉"
    },
    {
      table: "table[data-inspection-stats]",
      note: "[data-inspection-stats-as-of]",
      url: "/api/stats/inspections",
      keep: function () { return true; },
      cells: function (o) {
        return [o.registered, o.with_result + "（" + share(o.with_result_share) + "）",
                o.violations + "（" + share(o.violation_share) + "）", o.flags];
      },
      empty: "暂无登记的检查"
    }
  ];

  function render(spec, table, data) {
    var rows = (data.offices || []).filter(spec.keep);
    var body = table.querySelector("tbody");
    var columns = table.querySelectorAll("thead th").length;
    body.textContent = "";
    rows.forEach(function (o) {
      var tr = document.createElement("tr");
      tr.appendChild(cell("th", o.office_name || o.office, "row"));
      spec.cells(o).forEach(function (v) { tr.appendChild(cell("td", String(v))); });
      body.appendChild(tr);
    });
    if (!rows.length) {
      var empty = cell("td", spec.empty);
      empty.colSpan = columns;
      var tr = document.createElement("tr");
      tr.appendChild(empty);
      body.appendChild(tr);
    }
    var note = document.querySelector(spec.note);
    if (note) {
      note.textContent = data.as_of ? "以下为截至" + data.as_of.slice(0, 10) + "的实时数据；" : "以下为实时数据；";
    }
  }

  function start() {
    if (!window.fetch) { return; }
    TABLES.forEach(function (spec) {
      var table = document.querySelector(spec.table);
      if (!table) { return; }
      fetch(spec.url, { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) { if (data) { render(spec, table, data); } }, function () {});
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
