// The identifier lookup (see sunlight_site/lookup.py): a 文书号, record id, 统一社会信用代码 or
// organisation name is normalised exactly as the build does, hashed (32-bit FNV-1a of its UTF-8
// bytes) and looked up in the one shard /data/lookup/<first hex digits>.json that can hold it.
// SunlightLookup.find(query, digits) -> Promise of [[id, 文书号, 当事人, 类别, 决定日期], ...].
// On /decisions/ it also runs the lookup box (#lookup); without JavaScript that form submits to
// /search/?q=.
(function () {
  "use strict";
  var BOUNDARY = /[\[\](){}〔〕【】〈〉《》「」『』〖〗<>第号\-_\/\\·.,，、:：;；#"'“”‘’]/g;
  var GLUED_YEAR = /(?<=字)((?:19|20)[0-9]{2})(?=[0-9])/g;
  var LATIN = /[A-Z]/;

  function normalise(text) {
    var s = String(text).normalize("NFKC").toUpperCase().replace(/\s+/g, "");
    s = s.replace(GLUED_YEAR, "$1|").replace(BOUNDARY, "|");
    s = s.replace(/[0-9]+/g, function (run, at) {
      var before = at > 0 ? s.charAt(at - 1) : "";
      var after = s.charAt(at + run.length);
      if (LATIN.test(before) || LATIN.test(after)) return run;
      return run.replace(/^0+/, "") || "0";
    });
    return s.replace(/(?<=[0-9])\|+(?=[0-9])/g, "-").replace(/\|/g, "");
  }

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  var shards = {};
  function shard(name) {
    if (!shards[name]) {
      shards[name] = fetch("/data/lookup/" + name + ".json").then(function (r) {
        return r.ok ? r.json() : {};
      }).catch(function () { delete shards[name]; return {}; });
    }
    return shards[name];
  }

  function find(query, digits) {
    var key = normalise(query);
    if (!key) return Promise.resolve([]);
    return shard(fnv1a(key).slice(0, digits || 1)).then(function (doc) {
      return Object.prototype.hasOwnProperty.call(doc, key) ? doc[key] : [];
    });
  }

  // An <li> for a hit: the 文书号 as a link, then party, kind and decision date.
  function item(hit) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = "/decisions/" + encodeURIComponent(hit[0]) + "/";
    a.textContent = hit[1] || hit[0];
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = " " + [hit[2], hit[3], hit[4]].filter(Boolean).join(" · ");
    li.appendChild(a);
    li.appendChild(meta);
    return li;
  }

  window.SunlightLookup = { normalise: normalise, fnv1a: fnv1a, find: find, item: item };

  var form = document.getElementById("lookup");
  if (!form) return;
  var input = document.getElementById("lookup-query");
  var out = document.getElementById("lookup-results");
  var digits = parseInt(form.getAttribute("data-lookup-digits"), 10) || 1;
  form.addEventListener("submit", function (event) {
    var q = input.value.trim();
    if (!q) return; // the form's own required message
    event.preventDefault();
    out.textContent = "正在查找……";
    find(q, digits).then(function (hits) {
      out.textContent = "";
      var p = document.createElement("p");
      var more = document.createElement("a");
      more.href = "/search/?q=" + encodeURIComponent(q);
      if (hits.length) {
        p.textContent = "找到 " + hits.length + " 项与“" + q + "”完全一致的执法决定：";
        var ol = document.createElement("ol");
        ol.className = "decision-list";
        hits.forEach(function (hit) { ol.appendChild(item(hit)); });
        out.appendChild(p);
        out.appendChild(ol);
        more.textContent = "在站内搜索中查找更多相关内容";
        var p2 = document.createElement("p");
        p2.appendChild(more);
        out.appendChild(p2);
      } else {
        p.textContent = "未找到当事人名称、统一社会信用代码或决定文书号为“" + q + "”的公示决定。";
        more.textContent = "在站内全文搜索“" + q + "”";
        var p3 = document.createElement("p");
        p3.appendChild(more);
        out.appendChild(p);
        out.appendChild(p3);
      }
    });
  });
})();
