// Start pagefind's UI on /search/ and run the query of the header's search form (?q=...).
(function () {
  "use strict";
  var root = document.querySelector("[data-search-root]");
  if (!root || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({ element: "#search", showImages: false, showSubResults: false });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
