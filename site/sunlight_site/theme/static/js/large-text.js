/* 大字模式 (large-text mode): a toggle remembered in localStorage. Loaded in <head> so the
   remembered size applies before the page paints. Without JavaScript the default size is already
   large (18px) and browser zoom works. */
(function () {
  var KEY = "sunlight.largeText";
  var root = document.documentElement;
  function stored() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function apply(on) {
    root.classList.toggle("large-text", on);
    var buttons = document.querySelectorAll("[data-large-text-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
      buttons[i].textContent = on ? "标准字号" : "大字模式";
    }
  }
  apply(stored());
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-large-text-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var on = !root.classList.contains("large-text");
        try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode */ }
        apply(on);
      });
    }
    apply(root.classList.contains("large-text"));
  });
})();
