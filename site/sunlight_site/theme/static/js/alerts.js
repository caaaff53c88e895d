/* E-mail alerts: the subscription form posts JSON to /api/alerts (double opt-in: the server mails
   a confirmation link). Plain script, no dependencies. */
(function () {
  "use strict";
  var NETWORK_ERROR = "网络连接失败，请稍后重试。";

  function setup(form) {
    var status = form.querySelector(".alert-status");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {};
      Array.prototype.forEach.call(form.querySelectorAll("[name]"), function (el) {
        body[el.name] = (el.value || "").trim();
      });
      var missing = Array.prototype.filter.call(form.querySelectorAll("[required]"), function (el) {
        return !(el.value || "").trim();
      });
      if (missing.length) {
        status.textContent = "请填写必填项。";
        missing[0].focus();
        return;
      }
      status.textContent = "正在提交……";
      fetch(form.getAttribute("action"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        if (result.ok) {
          status.textContent = "已提交。请到邮箱 " + body.email + " 点击确认链接，确认后才会开始发送提醒。";
          form.reset();
          return;
        }
        var error = (result.data && result.data.error) || {};
        status.textContent = ((error.message || "提交失败").split(" / ")[0]) + "。";
        var field = error.field && form.querySelector("[name='" + error.field + "']:not([type=hidden])");
        if (field) { field.setAttribute("aria-invalid", "true"); field.focus(); }
      }).catch(function () { status.textContent = NETWORK_ERROR; });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-alert-form]"), setup);
})();
