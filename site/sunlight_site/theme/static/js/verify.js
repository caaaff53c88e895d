/* /verify/: a 检查码 is checked with the API (GET /api/verify/inspection/<code>); a 执法证号 is
   looked up in the published personnel list (/data/personnel.json) in the browser, without the API.
   The enterprise's name is asked for only with its credit code. Plain script, no dependencies. */
(function () {
  "use strict";

  var CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;
  var STATUS = { active: "有效", revoked: "已注销", expired: "已过期", unknown: "不在名单中" };
  var form = document.querySelector("[data-verify-form]");
  var box = document.querySelector("[data-verify-result]");
  if (!form || !box) { return; }
  var input = form.querySelector('[name="code"]');
  var current = null;  /* the inspection answer shown */

  function $(selector) { return box.querySelector(selector); }

  function today() {  /* the Beijing calendar day, YYYY-MM-DD */
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  }

  function normalise(text) { return String(text || "").replace(/[\s\-_]/g, "").toUpperCase(); }

  function grouped(code) { return code.slice(0, 5) + "-" + code.slice(5); }

  function zh(message) { return String(message || "").split(" / ")[0]; }

  function fields(pairs) {
    var dl = $("[data-verify-fields]");
    dl.textContent = "";
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") { return; }
      var dt = document.createElement("dt");
      dt.textContent = pair[0];
      var dd = document.createElement("dd");
      dd.textContent = pair[1];
      if (pair[2]) { dd.setAttribute("data-field", pair[2]); }
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
  }

  function show(valid, title, summary) {
    box.setAttribute("data-verify-result", valid ? "valid" : "invalid");
    box.classList.toggle("invalid", !valid);
    $("[data-verify-title]").textContent = title;
    $("[data-verify-summary]").textContent = summary;
    box.hidden = false;
    box.focus();
  }

  function showError(message) {
    $("[data-verify-inspection]").hidden = true;
    fields([]);
    show(false, "无法核验", message);
  }

  function checkCertificate(certNo) {
    return fetch("/data/personnel.json", { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (doc) {
        $("[data-verify-inspection]").hidden = true;
        var person = (doc.items || []).filter(function (p) { return p.cert_no === certNo; })[0];
        if (!person) {
          fields([["执法证号", certNo]]);
          show(false, "执法证无效", "该执法证号不在本局公示的执法人员名单中。");
          return;
        }
        var status = person.status;
        if (status === "active" && person.valid_until && person.valid_until < today()) { status = "expired"; }
        fields([
          ["姓名", person.name, "name"], ["执法证号", person.cert_no, "cert_no"],
          ["所属机构", person.office_name || person.office, "office_name"], ["执法区域", person.area, "area"],
          ["状态", STATUS[status] || status, "status"], ["有效期至", person.valid_until, "valid_until"]
        ]);
        if (status === "active") {
          show(true, "执法证有效", "该执法证在本局公示名单中，状态有效。请核对来人姓名与证件照片。");
        } else {
          show(false, "执法证" + (STATUS[status] || "无效"), "该执法证" + (STATUS[status] || "无效") + "，持证人不得从事执法检查。");
        }
      });
  }

  function complainLink(answer) {
    var params = new URLSearchParams();
    if (answer.office) { params.set("office", answer.office); }
    params.set("inspection_code", answer.code);
    var category = box.getAttribute("data-repeat-category");
    if (category) { params.set("category", category); }
    return "/complaints/new/?" + params.toString();
  }

  function showInspection(answer) {
    current = answer;
    var ok = answer.valid === true;
    var STATE = {
      valid: "检查码有效", unknown: "检查码不存在", expired: "检查码已过期",
      not_yet_valid: "检查码尚未生效", used: "检查码已使用"
    };
    fields([
      ["检查码", answer.code, "code"], ["状态", answer.state_label, "state"],
      ["检查单位", answer.office_name, "office_name"], ["检查事项", answer.scope, "scope"],
      ["检查依据", answer.basis, "basis"], ["计划检查日期", answer.planned_on, "planned_on"],
      ["有效期", answer.valid_from ? answer.valid_from + " 至 " + answer.valid_until : "", "window"]
    ]);
    var list = $("[data-verify-inspectors]");
    list.textContent = "";
    (answer.inspectors || []).forEach(function (p) {
      var li = document.createElement("li");
      li.textContent = (p.name || "（不在名单中）") + "　执法证号 " + p.cert_no + "　" + (p.status_label || STATUS[p.status] || p.status);
      if (p.status !== "active") { li.className = "invalid"; }
      list.appendChild(li);
    });
    $("[data-verify-inspection]").hidden = answer.state === "unknown";
    $("[data-enterprise-answer]").textContent = "";
    $("[data-complain]").href = complainLink(answer);
    var title = STATE[answer.state] || "检查码无效";
    if (answer.state === "valid" && !ok) { title = "检查人员证件无效"; }
    show(ok, title, ok ? "本局已登记此次检查，请核对检查人员的执法证。" : "请勿配合无效检查码的检查，可拨打电话或在线投诉。");
  }

  function checkCode(code, creditCode) {
    var url = "/api/verify/inspection/" + encodeURIComponent(code) +
      (creditCode ? "?credit_code=" + encodeURIComponent(creditCode) : "");
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(zh(body && body.error && body.error.message) || "查询失败"); }
        return body;
      });
    });
  }

  function verify(value) {
    var text = String(value || "").trim();
    if (!text) { showError("请输入检查码或执法证号。"); return; }
    var code = normalise(text);
    var work = CODE.test(code) ? checkCode(grouped(code)).then(showInspection) : checkCertificate(text);
    work.catch(function (err) { showError(err && err.message ? err.message : "网络连接失败，请稍后重试。"); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    verify(input.value);
  });

  var enterprise = box.querySelector("[data-enterprise-form]");
  enterprise.addEventListener("submit", function (event) {
    event.preventDefault();
    var answer = $("[data-enterprise-answer]");
    var credit = normalise(enterprise.querySelector('[name="credit_code"]').value);
    if (!current || !credit) { answer.textContent = "请输入统一社会信用代码。"; return; }
    checkCode(current.code, credit).then(function (body) {
      if (body.enterprise_name) {
        answer.textContent = "登记的被检查企业：" + body.enterprise_name;
        answer.setAttribute("data-enterprise-name", body.enterprise_name);
      } else {
        answer.textContent = "统一社会信用代码与登记不符，不显示企业信息。";
        answer.removeAttribute("data-enterprise-name");
      }
    }).catch(function (err) { answer.textContent = err.message; });
  });

  var initial = new URLSearchParams(window.location.search).get("code");
  if (initial) { input.value = initial; verify(initial); }
})();
