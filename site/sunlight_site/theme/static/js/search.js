// /search/: exact identifiers first (lookup.js: 文书号, record id, credit code, organisation name),
// then full text from the static pagefind index (its shards merged), for the query typed or given
// as ?q= (the header's search form, the lookup box of /decisions/ without JavaScript).
//
// Chinese is indexed one character per word (see sunlight_site/search_index.py), so a query is
// spaced the same way. Full-text results come in two tiers: the query as an exact phrase (its
// characters together and in order) first, then, for Chinese, pages holding every character of
// it anywhere (占用绿地 finds 擅自占用城市绿化用地, whose characters are not adjacent) unless the
// lookup found the query as an identifier. A query
// without Chinese (a credit code) is searched as a phrase, and loosely only when neither the
// lookup nor the phrase found anything. The spaces between Chinese characters are taken out of
// the excerpts again.
(function () {
  "use strict";
  var root = document.querySelector("[data-search-root]");
  if (!root) return;
  var bundles = (root.getAttribute("data-bundles") || "").split(" ").filter(Boolean);
  var digits = parseInt(root.getAttribute("data-lookup-digits"), 10) || 1;
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var message = root.querySelector("[role=status]");
  var exactBox = root.querySelector(".search-exact");
  var exactList = exactBox.querySelector("ol");
  var list = root.querySelector(".search-results");
  var more = root.querySelector(".search-more");
  var PAGE = 10;

  var HAN = "[\\u3400-\\u9fff\\uf900-\\ufaff]";
  var pair = new RegExp("(" + HAN + ")(?=" + HAN + ")", "g");
  var gap = new RegExp("(" + HAN + "|</mark>) (?=" + HAN + "|<mark>)", "g");
  var gapInMark = new RegExp("(" + HAN + ") (?=</mark>)", "g");
  var hasHan = new RegExp(HAN);

  function spaced(t) { return t.replace(pair, "$1 "); }
  function tidy(text) {
    return typeof text === "string" ? text.replace(gapInMark, "$1").replace(gap, "$1") : text;
  }

  var pagefind = null;
  function engine() {
    if (!bundles.length) return Promise.resolve(null);
    if (!pagefind) {
      pagefind = import(bundles[0] + "pagefind.js").then(function (pf) {
        return pf.options({ bundlePath: bundles[0] }).then(function () {
          return Promise.all(bundles.slice(1).map(function (path) { return pf.mergeIndex(path); }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function fullText(pf, term) {
    return pf.search(term).then(function (s) { return (s && s.results) || []; });
  }

  // Full-text result tiers for ``q`` (see the top of this file), as pagefind results.
  function textResults(q, exactCount) {
    return engine().then(function (pf) {
      if (!pf) return [];
      var t = q.trim();
      var quoted = t.charAt(0) === '"' || /\s/.test(t);
      var phrase = quoted ? spaced(t) : '"' + spaced(t) + '"';
      return fullText(pf, phrase).then(function (first) {
        if (quoted) return [first];
        if (hasHan.test(t) && !exactCount) return fullText(pf, spaced(t)).then(function (loose) { return [first, loose]; });
        if (!first.length && !exactCount) return fullText(pf, t).then(function (loose) { return [first, loose]; });
        return [first];
      });
    }).then(function (tiers) {
      var seen = {}, out = [];
      tiers.forEach(function (tier) {
        tier.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; out.push(r); } });
      });
      return out;
    });
  }

  function resultItem(data) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.className = "search-result-link";
    a.href = data.url;
    a.textContent = tidy((data.meta && data.meta.title) || data.url);
    var p = document.createElement("p");
    p.className = "search-result-excerpt";
    p.innerHTML = tidy(data.excerpt || ""); // pagefind's excerpt: escaped text with <mark>
    li.appendChild(a);
    li.appendChild(p);
    return li;
  }

  var current = 0, pending = [], exactUrls = {}, repeated = 0;
  function showMore(runId) {
    var batch = pending.splice(0, PAGE);
    more.hidden = true;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (runId !== current) return;
      datas.forEach(function (d) {
        // a full-text result that repeats an exact hit is shown once, under the exact hits
        if (exactUrls[d.url]) repeated += 1;
        else list.appendChild(resultItem(d));
      });
      more.hidden = pending.length === 0;
    });
  }

  function run(q) {
    var runId = ++current;
    q = q.trim();
    exactList.textContent = "";
    exactBox.hidden = true;
    list.textContent = "";
    more.hidden = true;
    pending = [];
    exactUrls = {};
    repeated = 0;
    if (!q) { message.textContent = ""; return; }
    message.textContent = "正在搜索……";
    var lookup = window.SunlightLookup ? window.SunlightLookup.find(q, digits) : Promise.resolve([]);
    lookup.catch(function () { return []; }).then(function (hits) {
      if (runId !== current) return;
      hits.forEach(function (hit) {
        exactUrls["/decisions/" + hit[0] + "/"] = true;
        exactList.appendChild(window.SunlightLookup.item(hit));
      });
      exactBox.hidden = hits.length === 0;
      return textResults(q, hits.length).then(function (results) {
        if (runId !== current) return;
        pending = results.slice();
        return showMore(runId).then(function () {
          if (runId !== current) return;
          var total = hits.length + results.length - repeated;
          message.textContent = total
            ? "找到 " + total + " 个“" + q + "”的相关结果" + (hits.length ? "，其中 " + hits.length + " 项执法决定的文书号、信用代码、当事人名称或编号完全一致" : "")
            : "未找到“" + q + "”的相关结果";
        });
      });
    }).catch(function () {
      if (runId === current) message.textContent = "搜索出错，请稍后重试，或按分类浏览。";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    var q = input.value;
    history.replaceState(null, "", q.trim() ? "?q=" + encodeURIComponent(q.trim()) : location.pathname);
    run(q);
  });
  more.addEventListener("click", function () { showMore(current); });
  form.hidden = false;
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) {
    input.value = q;
    run(q);
  }
})();
