/* Display options and the menu. Loaded in <head> so the remembered options apply before the page
   paints. Everything works without it: the default size is already large (18px), browser zoom and
   the system's contrast settings work, the menu is a <details> element, and a printout names the
   site's address.
   - 大字模式 (large text, html.large-text) and 高对比度 (high contrast, html.high-contrast): two
     toggles remembered in localStorage, on every page.
   - The menu closes on Escape (focus back on its summary) and when a click lands outside it.
   - A printout shows this page's address and the print date (Beijing time). */
(function () {
  var root = document.documentElement;
  var OPTIONS = [
    { key: "sunlight.largeText", cls: "large-text", attr: "data-large-text-toggle", on: "标准字号", off: "大字模式" },
    { key: "sunlight.highContrast", cls: "high-contrast", attr: "data-high-contrast-toggle", on: "标准配色", off: "高对比度" }
  ];
  function stored(o) {
    try { return window.localStorage.getItem(o.key) === "1"; } catch (e) { return false; }
  }
  function apply(o, on) {
    root.classList.toggle(o.cls, on);
    var buttons = document.querySelectorAll("[" + o.attr + "]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
      buttons[i].textContent = on ? o.on : o.off;
    }
  }
  for (var i = 0; i < OPTIONS.length; i++) apply(OPTIONS[i], stored(OPTIONS[i]));

  function beijingDate() {
    var d = new Date(Date.now() + 8 * 3600 * 1000);  // Asia/Shanghai has no daylight saving time
    return d.toISOString().slice(0, 10);
  }
  function fillPrintMeta() {
    var url = document.querySelectorAll("[data-print-url]");
    for (var i = 0; i < url.length; i++) url[i].textContent = window.location.href;
    var date = document.querySelectorAll("[data-print-date]");
    for (var j = 0; j < date.length; j++) date[j].textContent = "打印日期：" + beijingDate();
  }
  window.addEventListener("beforeprint", fillPrintMeta);

  document.addEventListener("DOMContentLoaded", function () {
    OPTIONS.forEach(function (o) {
      var buttons = document.querySelectorAll("[" + o.attr + "]");
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].hidden = false;
        buttons[i].addEventListener("click", function () {
          var on = !root.classList.contains(o.cls);
          try { window.localStorage.setItem(o.key, on ? "1" : "0"); } catch (e) { /* private mode */ }
          apply(o, on);
        });
      }
      apply(o, root.classList.contains(o.cls));
    });
    fillPrintMeta();

    var menu = document.querySelector("[data-site-menu]");
    if (!menu) return;
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && menu.open && getComputedStyle(menu.querySelector("summary")).display !== "none") {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (menu.open && !menu.contains(e.target)) menu.open = false;
    });
  });
})();
