/* Power list: filter the table in place as one types. Without JavaScript the pre-rendered
   filter pages (/powers/type/..., /powers/domain/..., /powers/office/...) do the same job. */
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-filter-box]");
    var input = document.getElementById("power-filter");
    var rows = document.querySelectorAll("[data-filter-rows] tbody tr");
    var status = document.getElementById("power-filter-status");
    if (!box || !input) { return; }
    box.hidden = false;
    input.addEventListener("input", function () {
      var q = input.value.trim();
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var hit = !q || rows[i].textContent.indexOf(q) !== -1;
        rows[i].hidden = !hit;
        if (hit) { shown++; }
      }
      status.textContent = "显示 " + shown + " 项";
    });
  });
})();
