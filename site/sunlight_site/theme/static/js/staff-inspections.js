/* The workbench's 涉企检查码 panel: register a planned inspection (POST /api/inspections) and, for
   the supervision office, the flags of repeated and multi-office inspections
   (GET /api/inspections/flags). Calls the API through staff-api.js. Plain script. */
(function () {
  "use strict";

  var form = document.querySelector("[data-inspection-form]");
  if (!form) { return; }

  function value(name) { return (form.querySelector('[name="inspection.' + name + '"]').value || "").trim(); }

  var call = window.SunlightStaffApi.call;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var error = form.querySelector("[data-inspection-error]");
    error.textContent = "";
    var body = {
      credit_code: value("credit_code"), enterprise_name: value("enterprise_name"),
      inspectors: value("inspectors").split(/[\s,，、;；]+/).filter(Boolean),
      scope: value("scope"), basis: value("basis"), planned_on: value("planned_on")
    };
    call("POST", "/api/inspections", body).then(function (data) {
      var done = document.querySelector("[data-inspection-done]");
      done.querySelector("[data-inspection-code]").textContent = data.code;
      done.querySelector("[data-inspection-window]").textContent = data.valid_from + " 至 " + data.valid_until;
      var link = done.querySelector("[data-inspection-url]");
      link.href = data.verify_url;
      link.textContent = data.verify_url;
      var img = document.createElement("img");  /* an <img>: the SVG is shown, never run */
      img.alt = "检查码核验二维码";
      img.width = 200;
      img.height = 200;
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(data.qr_svg);
      var holder = done.querySelector("[data-inspection-qr]");
      holder.textContent = "";
      holder.appendChild(img);
      done.hidden = false;
      done.focus();
    }).catch(function (err) { error.textContent = err.message; });
  });

  var load = document.querySelector("[data-flags-load]");
  if (load) {
    load.addEventListener("click", function () {
      var list = document.querySelector("[data-flags]");
      var error = document.querySelector("[data-flags-error]");
      list.textContent = "";
      error.textContent = "";
      call("GET", "/api/inspections/flags").then(function (data) {
        if (!data.items.length) { list.appendChild(document.createElement("li")).textContent = "暂无提示"; }
        data.items.forEach(function (f) {
          var li = document.createElement("li");
          var kind = f.kind === "multi_office" ? "多头检查" : "重复检查";
          li.textContent = kind + "：" + f.enterprise_name + "（" + f.credit_code + "）由 " + f.offices.join("、") +
            " 检查 " + f.inspections.length + " 次：" +
            f.inspections.map(function (i) { return i.code + " " + i.planned_on + " " + i.office_name; }).join("；");
          li.setAttribute("data-flag", f.kind);
          list.appendChild(li);
        });
      }).catch(function (err) { error.textContent = err.message; });
    });
  }
})();
