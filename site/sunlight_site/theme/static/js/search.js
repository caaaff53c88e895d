// /search/: pagefind's UI over the static index (its shards merged), and the query of the
// header's search form (?q=).
// Chinese is indexed one character per word (see sunlight_site/search_index.py), so a query is
// spaced the same way; a query without spaces is searched as an exact phrase (its characters
// together and in order). Results get the spaces between Chinese characters taken out again.
(function () {
  "use strict";
  var root = document.querySelector("[data-search-root]");
  if (!root || typeof PagefindUI === "undefined") return;
  var HAN = "[\\u3400-\\u9fff\\uf900-\\ufaff]";
  var pair = new RegExp("(" + HAN + ")(?=" + HAN + ")", "g");
  var gap = new RegExp("(" + HAN + "|</mark>) (?=" + HAN + "|<mark>)", "g");
  var gapInMark = new RegExp("(" + HAN + ") (?=</mark>)", "g");
  var hasHan = new RegExp(HAN);

  function processTerm(term) {
    var t = term.trim();
    if (!hasHan.test(t)) return term;
    var s = t.replace(pair, "$1 ");
    if (t.charAt(0) === '"' || /\s/.test(t)) return s;
    return '"' + s + '"';
  }

  function tidy(text) {
    return typeof text === "string" ? text.replace(gapInMark, "$1").replace(gap, "$1") : text;
  }

  function processResult(result) {
    result.excerpt = tidy(result.excerpt);
    if (result.meta) result.meta.title = tidy(result.meta.title);
    return result;
  }

  // The index's shards: the primary bundle, then one per month of decisions, merged here.
  var bundles = (root.getAttribute("data-bundles") || "").split(" ").filter(Boolean);
  if (!bundles.length) return;
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: bundles[0],
    mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path }; }),
    showImages: false,
    showSubResults: false,
    processTerm: processTerm,
    processResult: processResult,
  });
  // A visible label for pagefind's input (it has only a title).
  var input = root.querySelector(".pagefind-ui__search-input");
  if (input && !input.id) {
    input.id = "search-query";
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = "搜索关键词（权责事项、执法决定、通知公告）";
    root.insertBefore(label, root.firstChild);
  }
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
