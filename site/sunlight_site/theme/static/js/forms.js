/* The forms that call the Sunlight API: complaint, feedback, status query and the staff workbench.
   Plain script, no dependencies. Field names are the API field paths ("reporter.phone"). */
(function () {
  "use strict";

  var NETWORK_ERROR = "网络连接失败,请稍后重试(已填写的内容不会丢失)。";
  var STATUS_LINK = "/complaints/status/";

  function $(root, selector) { return root.querySelector(selector); }
  function $all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function setPath(target, path, value) {
    var parts = path.split(".");
    var node = target;
    for (var i = 0; i < parts.length - 1; i++) {
      node[parts[i]] = node[parts[i]] || {};
      node = node[parts[i]];
    }
    node[parts[parts.length - 1]] = value;
  }

  function collect(form) {
    var body = {};
    $all(form, "input[name], select[name], textarea[name]").forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      var value = (el.value || "").trim();
      if (!value) { return; }
      if (el.type === "number") { value = parseInt(value, 10); if (isNaN(value)) { return; } }
      setPath(body, el.name, value);
    });
    return body;
  }

  function clearErrors(form) {
    $all(form, "[data-error-for]").forEach(function (el) { el.textContent = ""; });
    $all(form, "[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    var top = $(form, "[data-form-error]");
    if (top) { top.textContent = ""; }
  }

  function formError(form, message) {
    var top = $(form, "[data-form-error]");
    if (top) { top.textContent = message; }
  }

  function showErrors(form, error) {
    var problems = (error && error.problems && error.problems.length) ? error.problems : [error || {}];
    var first = null;
    problems.forEach(function (p) {
      var slot = p.field ? form.querySelector('[data-error-for="' + p.field + '"]') : null;
      if (!slot) { formError(form, (p.field ? p.field + ":" : "") + (p.message || "提交失败")); return; }
      slot.textContent = slot.textContent ? slot.textContent + ";" + p.message : p.message;
      $all(form, '[name="' + p.field + '"]').forEach(function (input) {
        input.setAttribute("aria-invalid", "true");
        if (!first) { first = input; }
      });
    });
    (first || $(form, "[data-form-error]") || form).focus();
  }

  function call(method, url, body, headers) {
    var init = { method: method, headers: headers || {}, credentials: "same-origin" };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: response.status, data: data };
      });
    });
  }

  function errorOf(result) {
    if (result.data && result.data.error) { return result.data.error; }
    return { message: "提交失败(" + result.status + "),请稍后重试。" };
  }

  function statusLink(trackingNo, accessCode) {
    /* The code travels in the fragment, which browsers never send to the server. */
    return STATUS_LINK + "#tracking_no=" + encodeURIComponent(trackingNo) + "&access_code=" + encodeURIComponent(accessCode);
  }

  function text(el, value) { if (el) { el.textContent = value === null || value === undefined ? "" : String(value); } }

  /* ---- complaint and feedback forms ---- */

  function prefill(form) {
    var params = new URLSearchParams(window.location.search);
    ["power_code", "office", "decision_id", "street", "category", "page_url"].forEach(function (name) {
      var value = params.get(name);
      var field = form.querySelector('[name="' + name + '"]');
      if (value && field) { field.value = value; }
    });
    var page = params.get("page");
    var pageField = form.querySelector('[name="page_url"]');
    if (page && pageField && !pageField.value) { pageField.value = page; }
  }

  function setupFilingForm(form) {
    prefill(form);
    var result = document.querySelector("[data-result]");
    var button = $(form, "button[type=submit]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(form);
      if (!form.dataset.key) { form.dataset.key = newKey(); }  /* the same key for every retry */
      var headers = { "Idempotency-Key": form.dataset.key };
      var token = $(form, "[data-token]");
      if (token && token.value.trim()) { headers.Authorization = "Bearer " + token.value.trim(); }
      button.disabled = true;
      call("POST", form.dataset.endpoint, collect(form), headers).then(function (res) {
        button.disabled = false;
        if (res.status !== 200 && res.status !== 201) { showErrors(form, errorOf(res)); return; }
        var d = res.data;
        delete form.dataset.key;
        text($(result, "[data-tracking-no]"), d.tracking_no);
        text($(result, "[data-access-code]"), d.access_code);
        text($(result, "[data-handling-office]"), d.handling_office_name || d.handling_office);
        text($(result, "[data-accept-due]"), d.accept_due);
        text($(result, "[data-respond-due]"), d.respond_due);
        var link = $(result, "[data-status-link]");
        if (link) { link.href = statusLink(d.tracking_no, d.access_code); }
        form.hidden = true;
        result.hidden = false;
        result.focus();
      }, function () {
        button.disabled = false;
        formError(form, NETWORK_ERROR);
      });
    });
  }

  /* ---- status query ---- */

  function renderTimeline(list, entries) {
    list.textContent = "";
    (entries || []).forEach(function (entry) {
      var li = document.createElement("li");
      var time = document.createElement("time");
      time.dateTime = entry.at;
      time.textContent = entry.at.replace("T", " ").slice(0, 16);
      li.appendChild(time);
      li.appendChild(document.createTextNode(entry.label + (entry.text ? ":" + entry.text : "")));
      list.appendChild(li);
    });
  }

  function setupStatusForm(form) {
    var panel = document.querySelector("[data-status]");
    var rating = $(panel, "[data-rating-form]");
    var current = null;

    function show(view) {
      $all(panel, "[data-field]").forEach(function (dd) {
        var value = view[dd.getAttribute("data-field")];
        text(dd, value === "" || value === null ? "—" : value);
      });
      renderTimeline($(panel, "[data-timeline]"), view.timeline);
      rating.hidden = !view.can_rate;
      panel.hidden = false;
    }

    function query() {
      clearErrors(form);
      var no = form.elements.tracking_no.value.trim();
      var code = form.elements.access_code.value.trim();
      if (!no || !code) { showErrors(form, { problems: [
        !no ? { field: "tracking_no", message: "请填写投诉编号" } : null,
        !code ? { field: "access_code", message: "请填写查询码" } : null
      ].filter(Boolean) }); return; }
      current = { no: no, code: code };
      call("GET", "/api/complaints/" + encodeURIComponent(no), undefined, { "X-Access-Code": code }).then(function (res) {
        if (res.status !== 200) { panel.hidden = true; showErrors(form, errorOf(res)); return; }
        show(res.data);
        panel.focus();
      }, function () { formError(form, NETWORK_ERROR); });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); query(); });
    rating.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(rating);
      call("POST", "/api/complaints/" + encodeURIComponent(current.no) + "/rating", collect(rating),
        { "X-Access-Code": current.code }).then(function (res) {
        if (res.status !== 200) { showErrors(rating, errorOf(res)); return; }
        show(res.data);
      }, function () { formError(rating, NETWORK_ERROR); });
    });

    if (window.location.hash.length > 1) {
      var params = new URLSearchParams(window.location.hash.slice(1));
      if (params.get("tracking_no")) { form.elements.tracking_no.value = params.get("tracking_no"); }
      if (params.get("access_code")) { form.elements.access_code.value = params.get("access_code"); }
      if (window.history.replaceState) { window.history.replaceState(null, "", window.location.pathname); }
      if (params.get("tracking_no") && params.get("access_code")) { query(); }
    }
  }

  /* ---- staff workbench ---- */

  var TOKEN_KEY = "sunlight.staff.token";
  var ROLES = { handling: "办理", supervising: "监督", review: "复核" };
  var REPORTER = { type: "投诉人类型", name: "投诉人", credit_code: "统一社会信用代码", contact_name: "联系人",
                   phone: "联系电话", email: "电子邮箱" };
  var ABOUT = { office: "被投诉单位", power_code: "权责事项编码", street: "街道(镇)", decision_id: "执法决定编号",
                occurred_on: "发生日期" };

  function labels() {
    var node = document.getElementById("workbench-labels");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  }

  function setupWorkbench(signin) {
    var bench = document.querySelector("[data-workbench]");
    var detail = $(bench, "[data-detail]");
    var actionForm = $(bench, "[data-action-form]");
    var selected = null;

    function token() { return window.sessionStorage.getItem(TOKEN_KEY) || ""; }
    function auth() { return { Authorization: "Bearer " + token() }; }

    function loadInbox(focus) {
      return call("GET", "/api/inbox", undefined, auth()).then(function (res) {
        if (res.status !== 200) {
          window.sessionStorage.removeItem(TOKEN_KEY);
          bench.hidden = true;
          signin.hidden = false;
          showErrors(signin, errorOf(res));
          return;
        }
        var body = $(bench, "[data-inbox]");
        body.textContent = "";
        res.data.items.forEach(function (item) {
          var tr = document.createElement("tr");
          if (item.overdue) { tr.className = "overdue"; }
          var cell = document.createElement("td");
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = item.tracking_no;
          button.addEventListener("click", function () { openDetail(item.tracking_no); });
          cell.appendChild(button);
          tr.appendChild(cell);
          [item.subject, item.status_label, ROLES[item.role] || item.role,
           (item.next_due || "—") + (item.overdue ? "(已超期)" : "")].forEach(function (value) {
            var td = document.createElement("td");
            td.textContent = value;
            tr.appendChild(td);
          });
          body.appendChild(tr);
        });
        if (!res.data.items.length) {
          var empty = document.createElement("tr");
          var td = document.createElement("td");
          td.colSpan = 5;
          td.textContent = "暂无待办投诉";
          empty.appendChild(td);
          body.appendChild(empty);
        }
        signin.hidden = true;
        bench.hidden = false;
        if (focus) { $(bench, "#inbox-title").focus(); }
      }, function () { formError(signin, NETWORK_ERROR); });
    }

    function renderDetail(view) {
      var dl = $(detail, "[data-detail-fields]");
      dl.textContent = "";
      var rows = [
        ["编号", view.tracking_no], ["事由", view.subject], ["具体情况", view.description],
        ["状态", view.status_label], ["受理期限", view.accept_due], ["答复期限", view.respond_due],
        ["复核期限", view.review_due], ["延期(工作日)", view.extended_days], ["答复", view.response], ["评价", view.rating]
      ];
      Object.keys(view.reporter || {}).forEach(function (k) { rows.push([REPORTER[k] || k, view.reporter[k]]); });
      Object.keys(view.about || {}).forEach(function (k) { rows.push([ABOUT[k] || k, view.about[k]]); });
      rows.forEach(function (row) {
        if (row[1] === "" || row[1] === null || row[1] === undefined) { return; }
        var dt = document.createElement("dt");
        dt.textContent = row[0];
        var dd = document.createElement("dd");
        dd.textContent = String(row[1]);
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      var trail = $(detail, "[data-trail]");
      trail.textContent = "";
      var actions = labels().actions || {};
      (view.trail || []).forEach(function (e) {
        var li = document.createElement("li");
        var time = document.createElement("time");
        time.dateTime = e.at;
        time.textContent = e.at.replace("T", " ").slice(0, 16);
        li.appendChild(time);
        var detail = e.detail || {};
        var extra = detail.text || detail.reason || detail.to_office || "";
        li.appendChild(document.createTextNode((actions[e.action] || e.action) + "(" + e.actor + ")" +
          (extra ? ":" + extra : "")));
        trail.appendChild(li);
      });
      detail.hidden = false;
    }

    function openDetail(no) {
      selected = no;
      clearErrors(actionForm);
      text($(actionForm, "[data-action-done]"), "");
      call("GET", "/api/complaints/" + encodeURIComponent(no), undefined, auth()).then(function (res) {
        if (res.status !== 200) { formError(actionForm, errorOf(res).message); return; }
        renderDetail(res.data);
        detail.focus();
      });
    }

    signin.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(signin);
      var value = $(signin, "[data-token]").value.trim();
      if (!value) { formError(signin, "请输入令牌"); return; }
      window.sessionStorage.setItem(TOKEN_KEY, value);
      $(signin, "[data-token]").value = "";
      loadInbox(true);
    });
    $(bench, "[data-signout]").addEventListener("click", function () {
      window.sessionStorage.removeItem(TOKEN_KEY);
      bench.hidden = true;
      detail.hidden = true;
      signin.hidden = false;
      $(signin, "[data-token]").focus();
    });
    actionForm.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(actionForm);
      call("POST", "/api/complaints/" + encodeURIComponent(selected) + "/actions", collect(actionForm), auth()).then(function (res) {
        if (res.status !== 200) { showErrors(actionForm, errorOf(res)); return; }
        renderDetail(res.data);
        text($(actionForm, "[data-action-done]"), "操作已完成。");
        loadInbox(false);
      }, function () { formError(actionForm, NETWORK_ERROR); });
    });
    if (token()) { loadInbox(false); }
  }

  function start() {
    $all(document, "form[data-api-form]").forEach(setupFilingForm);
    var status = $(document, "form[data-status-form]");
    if (status) { setupStatusForm(status); }
    var signin = $(document, "form[data-signin-form]");
    if (signin) { setupWorkbench(signin); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
