// relgraph map viewer, influence: the channels between actors and the strongest influence
// path, by the rules of relgraph::analysis::influence (docs/viewer.md, docs/influence.md).
// Pure functions over the page's data: `edges` as embedded (from, to, influence
// [forward, backward, sign]), `n` nodes, `shown[k]` whether tie k is shown now.
var relgraphInfluence = (function () {
  "use strict";

  // Channels over the ties shown now: for each ordered pair (u, v), u ≠ v, the strengths of
  // the ties carrying influence u → v, combined per sign by noisy-or in file order; the
  // channel takes the stronger sign (support on a tie) and that sign's strongest single tie.
  function channels(edges, n, shown) {
    var N = n, E = edges.length;
    var lists = new Map();
    function add(u, v, s, sign, k) {
      if (u === v || !(s > 0)) return;
      var key = u * N + v, c = lists.get(key);
      if (!c) { c = { u: u, v: v, plus: [], minus: [] }; lists.set(key, c); }
      (sign > 0 ? c.plus : c.minus).push([s, k]);
    }
    for (var k = 0; k < E; k++) {
      var inf = edges[k].influence;
      if (!shown[k] || !inf) continue;
      add(edges[k].from, edges[k].to, inf[0], inf[2], k);
      add(edges[k].to, edges[k].from, inf[1], inf[2], k);
    }
    var out = [];
    for (var u = 0; u < N; u++) out.push([]);
    lists.forEach(function (c) {
      var noisyOr = function (list) { var q = 1; for (var j = 0; j < list.length; j++) q = q * (1 - list[j][0]); return 1 - q; };
      var pPlus = noisyOr(c.plus), pMinus = noisyOr(c.minus);
      var sign = pPlus >= pMinus ? 1 : -1, list = sign > 0 ? c.plus : c.minus, best = null;
      list.forEach(function (t) { if (best === null || t[0] > best[0]) best = t; });
      var strength = Math.max(pPlus, pMinus);
      if (strength > 0) out[c.u].push({ v: c.v, strength: strength, sign: sign, edge: best[1] });
    });
    out.forEach(function (list) { list.sort(function (a, b) { return a.v - b.v; }); });
    return out;
  }
  // A binary heap ordered by larger product, then fewer hops, then earlier push.
  function before(a, b) {
    return a.p > b.p || (a.p === b.p && (a.hops < b.hops || (a.hops === b.hops && a.seq < b.seq)));
  }
  function Heap() { this.items = []; }
  Heap.prototype.push = function (x) {
    var a = this.items, i = a.length;
    a.push(x);
    while (i > 0) { var p = (i - 1) >> 1; if (!before(a[i], a[p])) break; var t = a[i]; a[i] = a[p]; a[p] = t; i = p; }
  };
  Heap.prototype.pop = function () {
    var a = this.items, top = a[0], last = a.pop();
    if (a.length) {
      a[0] = last;
      var i = 0;
      for (;;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < a.length && before(a[l], a[m])) m = l;
        if (r < a.length && before(a[r], a[m])) m = r;
        if (m === i) break;
        var t = a[i]; a[i] = a[m]; a[m] = t; i = m;
      }
    }
    return top;
  };
  // Dijkstra maximising the product of channel strengths (multiplied, no logarithms, so
  // that the page and relgraph compute the same bits). Labels: larger product, then fewer
  // hops, then earlier push; neighbours in ascending node index; settled nodes skipped.
  function strongestPath(edges, n, shown, from, to) {
    var N = n;
    if (!(from >= 0 && to >= 0 && from < N && to < N) || from === to) return null;
    var out = channels(edges, n, shown);
    var best = new Float64Array(N), hops = new Float64Array(N).fill(Infinity), reached = new Uint8Array(N);
    var settled = new Uint8Array(N), pred = new Int32Array(N).fill(-1), via = new Array(N);
    var heap = new Heap(), seq = 0;
    best[from] = 1; hops[from] = 0; reached[from] = 1;
    heap.push({ p: 1, hops: 0, seq: seq++, node: from });
    while (heap.items.length) {
      var top = heap.pop(), u = top.node;
      if (settled[u]) continue;
      settled[u] = 1;
      if (u === to) break;
      var list = out[u];
      for (var j = 0; j < list.length; j++) {
        var c = list[j], w = c.v;
        if (settled[w]) continue;
        var alt = best[u] * c.strength;
        if (!reached[w] || alt > best[w] || (alt === best[w] && hops[u] + 1 < hops[w])) {
          reached[w] = 1; best[w] = alt; hops[w] = hops[u] + 1; pred[w] = u; via[w] = c;
          heap.push({ p: alt, hops: hops[w], seq: seq++, node: w });
        }
      }
    }
    if (!settled[to]) return null;
    var chain = [], steps = [], sign = 1;
    for (var x = to; x !== from; x = pred[x]) { chain.push(x); steps.push(via[x]); }
    chain.push(from);
    chain.reverse(); steps.reverse();
    steps.forEach(function (c) { sign *= c.sign; });
    return {
      indices: chain,
      edgeIndices: steps.map(function (c) { return c.edge; }),
      strengths: steps.map(function (c) { return c.strength; }),
      signs: steps.map(function (c) { return c.sign > 0 ? "support" : "pressure"; }),
      strength: best[to],
      sign: sign > 0 ? "support" : "pressure"
    };
  }

  return { channels: channels, strongestPath: strongestPath };
})();
