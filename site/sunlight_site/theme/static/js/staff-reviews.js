/* The workbench's 案卷评查 panel (docs/supervision.md), for the supervision office: draw the year's
   sample (POST /api/reviews), show it (GET /api/reviews/<year>), score each case file against the
   checklist (POST .../cases/<id>/score) and mark an office's review finished (POST
   .../offices/<office>/finish). Calls the API through staff-api.js. Plain script. */
(function () {
  "use strict";

  var form = document.querySelector("[data-review-form]");
  if (!form) { return; }
  var holder = document.querySelector("[data-review]");
  var error = document.querySelector("[data-review-error]");

  function year() { return (form.querySelector('[name="review.year"]').value || "").trim(); }

  var call = window.SunlightStaffApi.call;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function caseForm(review, office, c) {
    var id = "rv-" + office.office + "-" + c.no;
    var f = el("form", "", { "class": "api-form", "data-review-case": c.decision_id, novalidate: "" });
    var set = el("fieldset");
    set.appendChild(el("legend", "案卷 " + c.no + "：" + (c.doc_no || c.decision_id)));
    review.checklist.forEach(function (item, n) {
      var field = el("div", "", { "class": "field" });
      var input = el("input", "", {
        id: id + "-" + n, name: item.item, type: "number", min: "0", max: String(item.points),
        inputmode: "numeric", required: ""
      });
      if (c.scores && c.scores[item.item] !== undefined) { input.value = c.scores[item.item]; }
      field.appendChild(el("label", item.item + "（0–" + item.points + " 分）", { "for": id + "-" + n }));
      field.appendChild(input);
      set.appendChild(field);
    });
    var faults = el("div", "", { "class": "field" });
    faults.appendChild(el("label", "主要问题", { "for": id + "-faults" }));
    faults.appendChild(el("p", "会随报告公开：不写当事人、证人或执法人员的姓名和号码", { "class": "hint", id: id + "-faults-hint" }));
    var area = el("textarea", "", { id: id + "-faults", name: "faults", rows: "3", maxlength: "2000", "aria-describedby": id + "-faults-hint" });
    area.value = c.faults || "";
    faults.appendChild(area);
    set.appendChild(faults);
    f.appendChild(set);
    var status = el("p", c.total === null ? "未评分" : "已评分，总分 " + c.total, { "data-review-total": "", "aria-live": "polite" });
    var problem = el("p", "", { "class": "form-error", role: "alert" });
    var button = el("button", "保存评分", { type: "submit" });
    if (office.finished) { button.disabled = true; }
    f.appendChild(el("p")).appendChild(button);
    f.appendChild(status);
    f.appendChild(problem);
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      problem.textContent = "";
      var scores = {};
      review.checklist.forEach(function (item) {
        var raw = f.querySelector('[name="' + item.item + '"]').value.trim();
        scores[item.item] = /^\d+$/.test(raw) ? Number(raw) : raw;
      });
      var url = "/api/reviews/" + review.year + "/cases/" + encodeURIComponent(c.decision_id) + "/score";
      call("POST", url, { scores: scores, faults: area.value }).then(function (data) {
        var now = findCase(data, c.decision_id);
        status.textContent = "已评分，总分 " + now.total;
      }).catch(function (err) { problem.textContent = err.message; });
    });
    return f;
  }

  function findCase(review, decisionId) {
    var found = null;
    review.offices.forEach(function (o) {
      o.cases.forEach(function (c) { if (c.decision_id === decisionId) { found = c; } });
    });
    return found;
  }

  function show(review) {
    holder.textContent = "";
    holder.appendChild(el("p", review.year + " 年度抽取种子：")).appendChild(el("code", review.seed, { "data-review-seed": "" }));
    holder.appendChild(el("p", "每机构抽取 " + review.sample_per_office + " 件；报告公开后任何人可用此种子复核抽取结果。"));
    review.offices.forEach(function (office) {
      var section = el("section", "", { "data-review-office": office.office, "aria-labelledby": "rv-h-" + office.office });
      section.appendChild(el("h3", office.office_name + "（当年决定 " + office.candidates + " 件，抽取 " +
        office.cases.length + " 件）", { id: "rv-h-" + office.office }));
      office.cases.forEach(function (c) { section.appendChild(caseForm(review, office, c)); });
      var done = el("p", office.finished ? "评查已完成" : "", { "data-review-finished": office.finished ? "true" : "false", "aria-live": "polite" });
      var problem = el("p", "", { "class": "form-error", role: "alert" });
      if (!office.finished) {
        var finish = el("button", "该机构评查完成", { type: "button", "class": "secondary", "data-review-finish": office.office });
        finish.addEventListener("click", function () {
          problem.textContent = "";
          call("POST", "/api/reviews/" + review.year + "/offices/" + encodeURIComponent(office.office) + "/finish", {})
            .then(function (data) { show(data); })
            .catch(function (err) { problem.textContent = err.message; });
        });
        section.appendChild(el("p")).appendChild(finish);
      }
      section.appendChild(done);
      section.appendChild(problem);
      holder.appendChild(section);
    });
    holder.hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    error.textContent = "";
    call("POST", "/api/reviews", { year: Number(year()) || year() }).then(show)
      .catch(function (err) { error.textContent = err.message; });
  });
  document.querySelector("[data-review-load]").addEventListener("click", function () {
    error.textContent = "";
    call("GET", "/api/reviews/" + encodeURIComponent(year() || "-")).then(show)
      .catch(function (err) { error.textContent = err.message; });
  });
})();
