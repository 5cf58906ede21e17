// The review page of relgraph draft: the article with its actors and ties highlighted,
// one proposed tie at a time to accept, edit or reject, and the accepted ties downloaded as
// a RON model. Every piece of text is inserted with textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("draft-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var state = data.ties.map(function () { return "proposed"; });
  var edits = data.ties.map(function (t) { return { from: t.from, to: t.to, kind: t.kind, since: t.since || "" }; });
  var current = -1;
  var text = Array.from(data.text); // characters, as the spans count them

  $("title").textContent = data.title;
  // Cut the text at every span boundary; each piece knows the mentions and ties over it.
  var cuts = new Set([0, text.length]);
  data.mentions.forEach(function (m) { cuts.add(m.span.start); cuts.add(m.span.end); });
  data.ties.forEach(function (t) { cuts.add(t.span.start); cuts.add(t.span.end); });
  var points = Array.from(cuts).sort(function (a, b) { return a - b; });
  var pieces = [];
  for (var i = 0; i + 1 < points.length; i++) {
    var a = points[i], b = points[i + 1];
    var el = document.createElement("span");
    el.textContent = text.slice(a, b).join("");
    var mention = data.mentions.some(function (m) { return m.span.start <= a && b <= m.span.end; });
    var ties = [];
    data.ties.forEach(function (t, k) { if (t.span.start <= a && b <= t.span.end) { ties.push(k); } });
    if (mention) { el.classList.add("m"); }
    if (ties.length) {
      el.classList.add("t", data.ties[ties[0]].polarity);
      el.dataset.ties = ties.join(" ");
      el.addEventListener("click", function (ev) { show(Number(ev.currentTarget.dataset.ties.split(" ")[0])); });
    }
    pieces.push(el);
    $("text").appendChild(el);
  }
  var names = {};
  data.nodes.forEach(function (n) { names[n.id] = n.name; });
  function fill(select, values, labels) {
    values.forEach(function (v, i) {
      var o = document.createElement("option");
      o.value = v; o.textContent = labels ? labels[i] : v;
      select.appendChild(o);
    });
  }
  var ids = data.nodes.map(function (n) { return n.id; });
  fill($("from"), ids, data.nodes.map(function (n) { return n.name; }));
  fill($("to"), ids, data.nodes.map(function (n) { return n.name; }));
  fill($("kind"), data.kinds);
  data.ties.forEach(function (t, k) {
    var li = document.createElement("li");
    li.tabIndex = 0;
    li.textContent = (names[t.from] || t.from) + " — " + t.kind + " → " + (names[t.to] || t.to);
    li.addEventListener("click", function () { show(k); });
    li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { show(k); } });
    $("ties").appendChild(li);
  });
  function refresh() {
    var items = $("ties").children;
    for (var k = 0; k < items.length; k++) {
      items[k].className = state[k] + (k === current ? " current" : "");
    }
    pieces.forEach(function (p) {
      var on = p.dataset.ties && p.dataset.ties.split(" ").map(Number).indexOf(current) >= 0;
      p.classList.toggle("current", !!on);
    });
    var accepted = state.filter(function (s) { return s === "accepted"; }).length;
    var rejected = state.filter(function (s) { return s === "rejected"; }).length;
    $("counts").textContent = accepted + " accepted, " + rejected + " rejected, " + (state.length - accepted - rejected) + " to review";
  }
  function show(k) {
    if (k < 0 || k >= data.ties.length) { return; }
    current = k;
    var t = data.ties[k], e = edits[k];
    $("quote").textContent = "“" + t.quote + "”";
    $("from").value = e.from; $("to").value = e.to; $("kind").value = e.kind; $("since").value = e.since;
    $("confidence").textContent = "confidence " + t.confidence + ", " + t.polarity;
    refresh();
    var piece = pieces.find(function (p) { return p.dataset.ties && p.dataset.ties.split(" ").map(Number).indexOf(k) >= 0; });
    if (piece && piece.scrollIntoView) { piece.scrollIntoView({ block: "nearest" }); }
  }
  function keep() {
    if (current < 0) { return; }
    edits[current] = { from: $("from").value, to: $("to").value, kind: $("kind").value, since: $("since").value.trim() };
  }
  ["from", "to", "kind", "since"].forEach(function (id) { $(id).addEventListener("change", keep); });
  function decide(what) {
    if (current < 0) { return; }
    keep();
    state[current] = what;
    var next = state.indexOf("proposed", current + 1);
    show(next >= 0 ? next : current);
  }
  $("accept").addEventListener("click", function () { decide("accepted"); });
  $("reject").addEventListener("click", function () { decide("rejected"); });
  function ron(s) { return '"' + String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") + '"'; }
  function model() {
    var used = {};
    var edges = [];
    state.forEach(function (s, k) {
      if (s !== "accepted") { return; }
      var e = edits[k], t = data.ties[k];
      used[e.from] = true; used[e.to] = true;
      var line = "    Edge(from: " + ron(e.from) + ", to: " + ron(e.to) + ", kind: " + e.kind;
      if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.since)) { line += ", since: " + ron(e.since); }
      line += ", evidence: [Evidence(source: \"article\", quote: " + ron(t.quote) + ")]),";
      edges.push(line);
    });
    var nodes = data.nodes.filter(function (n) { return used[n.id]; }).map(function (n) {
      var line = "    Node(id: " + ron(n.id) + ", kind: " + n.kind + ", name: " + ron(n.name);
      if (n.aliases.length) { line += ", aliases: [" + n.aliases.map(ron).join(", ") + "]"; }
      return line + "),";
    });
    var src = data.source;
    var source = "    Source(id: \"article\", title: " + ron(src.title) +
      (src.author ? ", author: " + ron(src.author) : "") + (src.date ? ", date: " + ron(src.date) : "") +
      (src.url ? ", url: " + ron(src.url) : "") + "),";
    var declared = data.declared.filter(function (d) { return edits.some(function (e, k) { return state[k] === "accepted" && e.kind === d.name; }); });
    var kinds = declared.length ? "  edge_kinds: [\n" + declared.map(function (d) { return "    " + d.ron + ","; }).join("\n") + "\n  ],\n" : "";
    return "#![enable(implicit_some)]\nModel(\n  title: " + ron(data.model_title) + ",\n  sources: [\n" + source + "\n  ],\n" + kinds +
      "  nodes: [\n" + nodes.join("\n") + "\n  ],\n  edges: [\n" + edges.join("\n") + "\n  ],\n)\n";
  }
  function download() {
    var blob = new Blob([model()], { type: "text/plain" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "reviewed.ron";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  window.relgraphReviewModel = model;
  $("download").addEventListener("click", download);
  document.addEventListener("keydown", function (ev) {
    var tag = ev.target && ev.target.tagName;
    if (tag === "INPUT" || tag === "SELECT") { return; }
    if (ev.key === "j") { show(Math.min(current + 1, data.ties.length - 1)); }
    else if (ev.key === "k") { show(Math.max(current - 1, 0)); }
    else if (ev.key === "a") { decide("accepted"); }
    else if (ev.key === "r") { decide("rejected"); }
    else if (ev.key === "d") { download(); }
  });
  refresh();
  if (data.ties.length) { show(0); }
})();
