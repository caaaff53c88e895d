/* /compliance/: the inspection-code figures per office, live from GET /api/stats/inspections (only
   offices, never an enterprise). Plain script, no dependencies. */
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

  function render(table, data) {
    var rows = data.offices || [];
    if (!rows.length) { return; }
    var body = table.querySelector("tbody");
    body.textContent = "";
    rows.forEach(function (o) {
      var tr = document.createElement("tr");
      tr.appendChild(cell("th", o.office_name || o.office, "row"));
      [String(o.registered), o.with_result + "（" + share(o.with_result_share) + "）",
       o.violations + "（" + share(o.violation_share) + "）", String(o.flags)
      ].forEach(function (v) { tr.appendChild(cell("td", v)); });
      body.appendChild(tr);
    });
  }

  var table = document.querySelector("table[data-inspection-stats]");
  if (!table || !window.fetch) { return; }
  fetch("/api/stats/inspections", { credentials: "same-origin" }).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (data) { if (data) { render(table, data); } }).catch(function () { /* the table stays */ });
})();
