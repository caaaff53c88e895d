/* The forms that call the Sunlight API: complaint, feedback, status query and the staff workbench.
   Plain script, no dependencies. Field names are the API field paths ("reporter.phone"). */
(function () {
  "use strict";

  var NETWORK_ERROR = "网络连接失败，请稍后重试（已填写的内容不会丢失）。";
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
      if (el.closest("[hidden]")) { return; }  /* the fields of another action (workbench) */
      var value = (el.value || "").trim();
      if (!value) { return; }
      if (el.type === "number") { value = parseInt(value, 10); if (isNaN(value)) { return; } }
      setPath(body, el.name, value);
    });
    return body;
  }

  /* ---- errors: next to each field, and an error summary at the top (GOV.UK pattern) ---- */

  /* The API says "中文 / English"; public pages show the Chinese part only. */
  function zh(message) { return String(message || "").split(" / ")[0]; }

  function clearErrors(form) {
    $all(form, "[data-error-for]").forEach(function (el) { el.textContent = ""; });
    $all(form, "[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    var top = $(form, "[data-form-error]");
    if (top) { top.textContent = ""; }
    var summary = $(form, "[data-error-summary]");
    if (summary) { summary.hidden = true; $(summary, "[data-error-list]").textContent = ""; }
  }

  function formError(form, message) {
    var top = $(form, "[data-form-error]");
    if (top) { top.textContent = zh(message); }
  }

  function fieldLabel(form, input) {
    var label = input.id ? form.querySelector('label[for="' + input.id + '"]') : null;
    var group = input.closest(".field");
    var text = label ? label.textContent : (group && $(group, ".label") ? $(group, ".label").textContent : "");
    return text.replace(/（[^）]*）/g, "").trim();
  }

  function summarise(form, entries) {
    var summary = $(form, "[data-error-summary]");
    if (!summary) { return null; }
    var list = $(summary, "[data-error-list]");
    list.textContent = "";
    entries.forEach(function (entry) {
      var li = document.createElement("li");
      if (entry.input && entry.input.id) {
        var a = document.createElement("a");
        a.href = "#" + entry.input.id;
        a.textContent = entry.label ? entry.label + "：" + entry.message : entry.message;
        a.addEventListener("click", function (event) {
          event.preventDefault();
          entry.input.focus();
          entry.input.scrollIntoView({ block: "center" });
        });
        li.appendChild(a);
      } else {
        li.textContent = entry.message;
      }
      list.appendChild(li);
    });
    summary.hidden = false;
    return summary;
  }

  function showErrors(form, error) {
    var problems = (error && error.problems && error.problems.length) ? error.problems : [error || {}];
    var entries = [];
    problems.forEach(function (p) {
      var message = zh(p.message) || "提交失败";
      var slot = p.field ? form.querySelector('[data-error-for="' + p.field + '"]') : null;
      var inputs = p.field ? $all(form, '[name="' + p.field + '"]') : [];
      if (!slot) { entries.push({ message: message }); return; }
      slot.textContent = slot.textContent ? slot.textContent + "；" + message : message;
      inputs.forEach(function (input) { input.setAttribute("aria-invalid", "true"); });
      entries.push({ input: inputs[0], label: inputs[0] ? fieldLabel(form, inputs[0]) : "", message: message });
    });
    var summary = summarise(form, entries);
    if (!summary) { formError(form, entries.map(function (e) { return e.message; }).join("；")); }
    (summary || $(form, "[data-form-error]") || form).focus();
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
    return { message: "提交失败（" + result.status + "），请稍后重试。" };
  }

  function statusLink(trackingNo, accessCode) {
    /* The code travels in the fragment, which browsers never send to the server. */
    return STATUS_LINK + "#tracking_no=" + encodeURIComponent(trackingNo) + "&access_code=" + encodeURIComponent(accessCode);
  }

  function text(el, value) { if (el) { el.textContent = value === null || value === undefined ? "" : String(value); } }

  /* ---- times and codes as people read them ---- */

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* "2026-12-24T02:00:00+00:00" -> "2026-12-24 10:00": Beijing time whatever the offset given
     (and whatever the browser's zone); China has kept UTC+8 without summer time since 1991. */
  function beijing(iso) {
    var t = Date.parse(iso);
    if (!iso || isNaN(t)) { return iso || ""; }
    var d = new Date(t + 8 * 3600 * 1000);
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) + " " +
      pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }

  /* "ABCDEFGHJK" -> "ABCD-EFGH-JK"; the server accepts it with or without the dashes. */
  function groupCode(code) {
    return String(code || "").replace(/[^0-9A-Za-z]/g, "").toUpperCase().replace(/(.{4})(?=.)/g, "$1-");
  }

  /* ---- complaint and feedback forms ---- */

  function prefill(form) {
    var params = new URLSearchParams(window.location.search);
    ["power_code", "office", "decision_id", "street", "category", "page_url", "inspection_code"].forEach(function (name) {
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
      var token = form.hasAttribute("data-observer-session") ? observerToken() : "";
      if (token) { headers.Authorization = "Bearer " + token; }
      button.disabled = true;
      call("POST", form.dataset.endpoint, collect(form), headers).then(function (res) {
        button.disabled = false;
        if (res.status !== 200 && res.status !== 201) { showErrors(form, errorOf(res)); return; }
        delete form.dataset.key;
        showReceipt(result, res.data);
        form.hidden = true;
        document.dispatchEvent(new CustomEvent("sunlight:filed", { detail: res.data }));
      }, function () {
        button.disabled = false;
        formError(form, NETWORK_ERROR);
      });
    });
  }

  /* ---- the receipt (回执): grouped code, copy buttons, print ---- */

  function showReceipt(result, d) {
    var code = groupCode(d.access_code);
    text($(result, "[data-tracking-no]"), d.tracking_no);
    text($(result, "[data-access-code]"), code);
    text($(result, "[data-handling-office]"), d.handling_office_name || d.handling_office);
    text($(result, "[data-filed-at]"), d.filed_at ? beijing(d.filed_at) + "（北京时间）" : "");
    text($(result, "[data-accept-due]"), d.accept_due);
    text($(result, "[data-respond-due]"), d.respond_due);
    var link = $(result, "[data-status-link]");
    if (link) { link.href = statusLink(d.tracking_no, code); }
    document.body.classList.add("has-receipt");
    result.hidden = false;
    result.focus();
  }

  function copyText(value) {
    if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(value); }
    return new Promise(function (resolve, reject) {  /* older browsers, plain http */
      var area = document.createElement("textarea");
      area.value = value;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function setupReceipt(result) {
    var status = $(result, "[data-copy-status]");
    $all(result, "[data-copy-target]").forEach(function (button) {
      button.addEventListener("click", function () {
        var target = button.getAttribute("data-copy-target");
        var source = $(result, "[data-" + target + "]");
        var what = target === "access-code" ? "查询码" : "投诉编号";
        copyText(source ? source.textContent : "").then(function () {
          text(status, "已复制" + what + "。");
        }, function () {
          text(status, "无法自动复制，请长按" + what + "手动复制。");
        });
      });
    });
    var print = $(result, "[data-print]");
    if (print) { print.addEventListener("click", function () { window.print(); }); }
  }

  /* ---- status query ---- */

  function renderTimeline(list, entries) {
    list.textContent = "";
    (entries || []).forEach(function (entry) {
      var li = document.createElement("li");
      var time = document.createElement("time");
      time.dateTime = entry.at;
      time.textContent = beijing(entry.at);
      li.appendChild(time);
      li.appendChild(document.createTextNode(entry.label + (entry.text ? "：" + entry.text : "")));
      list.appendChild(li);
    });
  }

  function showChanges(panel, changes) {
    var box = $(panel, "[data-changes-box]");
    if (!box) { return; }
    var list = $(box, "[data-changes]");
    list.textContent = "";
    (changes || []).forEach(function (change) {
      var li = document.createElement("li");
      li.textContent = change;
      list.appendChild(li);
    });
    box.hidden = !(changes && changes.length);
  }

  function setupCodeToggle(form) {
    var toggle = $(form, "[data-toggle-code]");
    if (!toggle) { return; }
    var field = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.addEventListener("click", function () {
      var show = field.type === "password";
      field.type = show ? "text" : "password";
      toggle.setAttribute("aria-pressed", show ? "true" : "false");
      toggle.textContent = show ? "隐藏查询码" : "显示查询码";
    });
  }

  function setupStatusForm(form) {
    setupCodeToggle(form);
    var panel = document.querySelector("[data-status]");
    var rating = $(panel, "[data-rating-form]");
    var current = null;

    function show(view) {
      $all(panel, "[data-field]").forEach(function (dd) {
        var name = dd.getAttribute("data-field");
        var value = view[name];
        if (name === "filed_at") { value = beijing(value); }
        if (name === "respond_due" && view.paused) { value = "暂停计时（补正材料期间）"; }
        text(dd, value === "" || value === null || value === undefined ? "—" : value);
      });
      $all(panel, "[data-optional]").forEach(function (el) { el.hidden = !view[el.getAttribute("data-optional")]; });
      showChanges(panel, view.changes);
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
  var ABOUT = { office: "被投诉单位", power_code: "权责事项编码", street: "街道（镇）", decision_id: "执法决定编号",
                occurred_on: "发生日期", page_url: "相关页面" };
  var REPORTER_TYPES = { enterprise: "企业", person: "个体工商户或个人", observer: "行政执法监督员", public: "公众" };
  var ACTORS = { reporter: "投诉人", system: "系统" };

  /* Who did it, as staff read it: "值班员（勤务监督科）", never "staff:supervision:a7ef…". */
  function actorName(entry) {
    if (ACTORS[entry.actor]) { return ACTORS[entry.actor]; }
    if (entry.actor.indexOf("observer:") === 0) { return "监督员" + (entry.actor_name ? " " + entry.actor_name : ""); }
    if (entry.actor.indexOf("partner:") === 0) { return "热线工单（" + entry.actor.slice(8) + "）"; }
    var office = entry.actor_office_name ? "（" + entry.actor_office_name + "）" : "";
    return (entry.actor_name || "工作人员") + office;
  }

  /* Only the fields of the chosen action: each group names its actions in data-action-fields. */
  function showActionFields(form) {
    var chosen = form.elements.action.value;
    $all(form, "[data-action-fields]").forEach(function (group) {
      group.hidden = (" " + group.getAttribute("data-action-fields") + " ").indexOf(" " + chosen + " ") < 0;
    });
  }

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
          var heads = ["类别", "事由", "状态", "本单位角色", "最近期限"];
          [item.category_name || item.category, item.subject, item.status_label, ROLES[item.role] || item.role,
           (item.next_due || "—") + (item.overdue ? "（已超期）" : "")].forEach(function (value, i) {
            var td = document.createElement("td");
            td.setAttribute("data-label", heads[i]);  /* the card layout on phones (table.stack) */
            td.textContent = value;
            tr.appendChild(td);
          });
          body.appendChild(tr);
        });
        if (!res.data.items.length) {
          var empty = document.createElement("tr");
          var td = document.createElement("td");
          td.colSpan = 6;
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
      var names = labels();
      var offices = names.offices || {};
      var rows = [
        ["编号", view.tracking_no], ["类别", view.category_name || (names.categories || {})[view.category]],
        ["事由", view.subject], ["具体情况", view.description], ["状态", view.status_label],
        ["提交时间", beijing(view.filed_at)],
        ["办理单位", view.handling_office_name || offices[view.handling_office]],
        ["监督单位", view.supervising_office_name || offices[view.supervising_office]],
        ["受理期限", view.accept_due], ["答复期限", view.paused ? "暂停计时（补正材料期间）" : view.respond_due],
        ["复核期限", view.review_due], ["延期（工作日）", view.extended_days], ["答复", view.response], ["评价", view.rating]
      ];
      Object.keys(view.reporter || {}).forEach(function (k) {
        var value = k === "type" ? (REPORTER_TYPES[view.reporter[k]] || view.reporter[k]) : view.reporter[k];
        rows.push([REPORTER[k] || k, value]);
      });
      Object.keys(view.about || {}).forEach(function (k) {
        rows.push([ABOUT[k] || k, k === "office" ? (offices[view.about[k]] || view.about[k]) : view.about[k]]);
      });
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
        time.textContent = beijing(e.at);
        li.appendChild(time);
        var d = e.detail || {};
        var parts = [];
        if (d.to) { parts.push("转至" + (offices[d.to] || d.to)); }
        if (d.days && e.action === "extend") { parts.push("延长" + d.days + "个工作日"); }
        if (d.text || d.reason) { parts.push(d.text || d.reason); }
        if (d.rating) { parts.push(d.rating + (d.comment ? "，" + d.comment : "")); }
        li.appendChild(document.createTextNode((actions[e.action] || e.action) + "（" + actorName(e) + "）" +
          (parts.length ? "：" + parts.join("；") : "")));
        trail.appendChild(li);
      });
      detail.hidden = false;
    }

    function openDetail(no) {
      selected = no;
      clearErrors(actionForm);
      text($(actionForm, "[data-action-done]"), "");
      call("GET", "/api/complaints/" + encodeURIComponent(no), undefined, auth()).then(function (res) {
        if (res.status !== 200) { showErrors(actionForm, errorOf(res)); return; }
        renderDetail(res.data);
        detail.focus();
      });
    }

    signin.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(signin);
      var value = $(signin, "[data-token]").value.trim();
      if (!value) { showErrors(signin, { message: "请输入令牌" }); return; }
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
        actionForm.reset();
        showActionFields(actionForm);
        text($(actionForm, "[data-action-done]"), "操作已完成。");
        loadInbox(false);
      }, function () { formError(actionForm, NETWORK_ERROR); });
    });
    actionForm.elements.action.addEventListener("change", function () { showActionFields(actionForm); });
    showActionFields(actionForm);
    if (token()) { loadInbox(false); }
  }

  /* ---- the observer (行政执法监督员): signed in once per browser session, 我的监督 ---- */

  var OBSERVER_KEY = "sunlight.observer.token";

  function observerToken() { return window.sessionStorage.getItem(OBSERVER_KEY) || ""; }

  function renderMyFeedback(table, items) {
    var body = $(table, "tbody");
    body.textContent = "";
    items.forEach(function (item) {
      var tr = document.createElement("tr");
      var due = item.review_due ? item.review_due + "（复核）" : (item.respond_due || "暂停计时");
      var heads = ["投诉编号", "事由", "状态", "办理单位", "答复期限"];
      [item.tracking_no, item.subject, item.status_label, item.handling_office_name, due].forEach(function (value, i) {
        var td = document.createElement("td");
        td.setAttribute("data-label", heads[i]);
        td.textContent = value;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (!items.length) {
      var tr = document.createElement("tr");
      var td = document.createElement("td");
      td.colSpan = 5;
      td.textContent = "尚未提交监督意见";
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  function setupObserver(details) {
    var signin = $(details, "form[data-observer-form]");
    var panel = document.querySelector("[data-observer]");
    var field = $(signin, "[data-observer-token]");

    function signedOut(error) {
      window.sessionStorage.removeItem(OBSERVER_KEY);
      panel.hidden = true;
      details.hidden = false;
      if (error) { details.open = true; showErrors(signin, error); }
    }

    function load(focus) {
      return call("GET", "/api/feedback/mine", undefined, { Authorization: "Bearer " + observerToken() }).then(function (res) {
        if (res.status !== 200) { signedOut(errorOf(res)); return; }
        text($(panel, "[data-observer-name]"), res.data.observer.name);
        renderMyFeedback($(panel, "[data-my-feedback]"), res.data.items);
        details.hidden = true;
        panel.hidden = false;
        if (focus) { $(panel, "h2").setAttribute("tabindex", "-1"); $(panel, "h2").focus(); }
      }, function () { formError(signin, NETWORK_ERROR); });
    }

    signin.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(signin);
      var value = field.value.trim();
      if (!value) { showErrors(signin, { problems: [{ field: "observer_token", message: "请输入监督员令牌" }] }); return; }
      window.sessionStorage.setItem(OBSERVER_KEY, value);
      field.value = "";
      load(true);
    });
    $(panel, "[data-observer-signout]").addEventListener("click", function () { signedOut(null); });
    document.addEventListener("sunlight:filed", function () { if (observerToken()) { load(false); } });
    if (observerToken()) { load(false); }
  }

  function start() {
    $all(document, "[data-receipt]").forEach(setupReceipt);
    var observer = $(document, "[data-observer-signin]");
    if (observer) { setupObserver(observer); }
    $all(document, "form[data-api-form]").forEach(setupFilingForm);
    var status = $(document, "form[data-status-form]");
    if (status) { setupStatusForm(status); }
    var signin = $(document, "form[data-signin-form]");
    if (signin) { setupWorkbench(signin); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
