/* The workbench panels' one way to call the API with the staff token forms.js keeps
   (sessionStorage "sunlight.staff.token"): window.SunlightStaffApi.call(method, url, body) resolves
   to the answer's JSON or rejects with the error's field and its Chinese message. Plain script,
   loaded before staff-inspections.js and staff-reviews.js. */
(function () {
  "use strict";

  var TOKEN_KEY = "sunlight.staff.token";

  function token() { return window.sessionStorage.getItem(TOKEN_KEY) || ""; }
  function zh(message) { return String(message || "").split(" / ")[0]; }

  function call(method, url, body) {
    var init = { method: method, headers: { Accept: "application/json", Authorization: "Bearer " + token() } };
    if (body) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) {
          var e = (data && data.error) || {};
          throw new Error((e.field ? e.field + "：" : "") + zh(e.message || "请求失败"));
        }
        return data;
      });
    });
  }

  window.SunlightStaffApi = { call: call, token: token, zh: zh };
})();
