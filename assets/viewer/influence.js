// relgraph map viewer, influence: both sides of one actor's influence on another, by the
// rules of relgraph::analysis::context and relgraph::analysis::sides (docs/viewer.md,
// docs/influence.md), step for step, so that the page and relgraph give the same bits.
// Pure functions over the page's data: `nodes` (with `actor`, `kind`), `edges` as embedded
// (from, to, influence [forward, backward, sign], party), `shown[k]` whether tie k is shown.
var relgraphInfluence = (function () {
  "use strict";

  var SUPPORT = 0, PRESSURE = 1;
  function slotOf(sign) { return sign > 0 ? SUPPORT : PRESSURE; }

  // Both signs of a pair's direct ties, `ties` in file order as [edge, strength, sign]:
  // per sign the noisy-or p = 1 − Π(1 − s), shown by its strongest tie (the first among
  // equals). A side is {p, edges: [[edge, strength]…]}.
  function combine(ties) {
    var out = [null, null];
    [SUPPORT, PRESSURE].forEach(function (slot) {
      var q = 1, shown = null;
      ties.forEach(function (t) {
        if (slotOf(t[2]) !== slot) return;
        q *= 1 - t[1];
        if (shown === null || t[1] > shown[1]) shown = t;
      });
      if (shown === null) return;
      var p = 1 - q;
      out[slot] = { p: p, edges: [[shown[0], p]] };
    });
    return out;
  }

  // Every ordered pair's channel, both signs, as a Map from u * N + v to [support, pressure].
  // `actors`: between actors only, a step being the pair's direct ties or the best shared
  // context of each sign (relgraph::analysis::context::actor_pairs); else between any nodes
  // (relgraph::analysis::influence::channel_pairs).
  function pairs(nodes, edges, shown, actors) {
    var N = nodes.length, E = edges.length;
    var is = function (i) { return actors ? nodes[i].actor === true : true; };
    var direct = new Map(), into = new Map(), outOf = new Map(), parties = new Map();
    var push = function (map, key, item) { var l = map.get(key); if (!l) { l = []; map.set(key, l); } l.push(item); };
    for (var k = 0; k < E; k++) {
      var e = edges[k], inf = e.influence;
      if (!shown[k] || !inf) continue;
      var u = e.from, v = e.to;
      if (u === v) continue;
      if (actors && e.party && is(u) && !is(v)) push(parties, v, u);
      var ways = [[u, v, inf[0]], [v, u, inf[1]]];
      for (var j = 0; j < 2; j++) {
        var a = ways[j][0], b = ways[j][1], s = ways[j][2];
        if (s <= 0) continue;
        var tie = [k, s, inf[2]];
        if (is(a) && is(b)) push(direct, a * N + b, tie);
        else if (is(a)) push(into, b, [a, tie]);
        else if (is(b)) push(outOf, a, [b, tie]);
      }
    }
    var out = new Map();
    direct.forEach(function (ties, key) { out.set(key, combine(ties)); });
    // The best shared context per ordered pair and sign, contexts in node order.
    var shared = new Map();
    Array.from(into.keys()).sort(function (x, y) { return x - y; }).forEach(function (c) {
      var ins = into.get(c), outs = outOf.get(c);
      if (!outs) return;
      var dispute = nodes[c].kind === "dispute", members = parties.get(c) || [];
      var party = function (x) { return dispute && members.indexOf(x) >= 0; };
      ins.forEach(function (i) {
        outs.forEach(function (o) {
          var a = i[0], b = o[0];
          if (a === b) return;
          var sign = party(a) && party(b) ? -1 : i[1][2] * o[1][2] > 0 ? 1 : -1;
          var strength = i[1][1] * o[1][1], key = (a * N + b) * 2 + slotOf(sign);
          var best = shared.get(key);
          if (!best) { best = [0, i[1][0], o[1][0]]; shared.set(key, best); }
          if (strength > best[0]) { best[0] = strength; best[1] = i[1][0]; best[2] = o[1][0]; }
        });
      });
    });
    // A shared context replaces the direct ties of its sign only when it is stronger.
    shared.forEach(function (best, key) {
      var pair = Math.floor(key / 2), slot = key % 2, sides = out.get(pair);
      if (!sides) { sides = [null, null]; out.set(pair, sides); }
      if (sides[slot] === null || best[0] > sides[slot].p) {
        sides[slot] = { p: best[0], edges: [[best[1], best[0]], [best[2], best[0]]] };
      }
    });
    return out;
  }

  // The sided view: per sign, arcs out of each node (targets ascending), into each node
  // (sources ascending), and by pair.
  function sidedView(N, channels) {
    var keys = Array.from(channels.keys()).sort(function (x, y) { return x - y; });
    var views = [SUPPORT, PRESSURE].map(function () {
      var v = { out: [], into: [], arc: new Map(), count: 0 };
      for (var i = 0; i < N; i++) { v.out.push([]); v.into.push([]); }
      return v;
    });
    keys.forEach(function (key) {
      var u = Math.floor(key / N), w = key % N, sides = channels.get(key);
      [SUPPORT, PRESSURE].forEach(function (slot) {
        var side = sides[slot];
        if (!side) return;
        var arc = { u: u, v: w, weight: side.edges[0][1], edges: side.edges.map(function (x) { return x[0]; }) };
        var g = views[slot];
        g.out[u].push(arc);
        g.into[w].push(arc);
        g.arc.set(key, arc);
        g.count++;
      });
    });
    // Sources ascending: keys are sorted by source first, so `into` lists already are.
    return { N: N, views: views };
  }

  // Labels: smaller key (the negated product) first, then fewer hops, then earlier push.
  function before(a, b) {
    return a.dist < b.dist || (a.dist === b.dist && (a.hops < b.hops || (a.hops === b.hops && a.seq < b.seq)));
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

  // How many labels a state may settle when both signs are present.
  var LABELS = 4;

  // The signed search into `root` (relgraph::analysis::sides): states are (node, sign so
  // far) = 2 * node + parity; a support arc keeps the parity, a pressure arc flips it; each
  // state settles up to LABELS labels with different simple paths (one when no pressure arc
  // exists: plain Dijkstra). Stops once both states of `stop` have their first label, which
  // later labels never change.
  function signedTree(view, root, stop) {
    var states = 2 * view.N, sup = view.views[SUPPORT], pre = view.views[PRESSURE];
    var limit = pre.count === 0 ? 1 : LABELS;
    var best = new Float64Array(states).fill(Infinity), hops = new Float64Array(states).fill(Infinity);
    var settled = new Uint8Array(states), first = new Int32Array(states).fill(-1);
    var recState = [2 * root], recPred = [-1];
    var heap = new Heap(), seq = 0;
    heap.push({ dist: -1, hops: 0, seq: seq, label: 0 });
    function visits(at, w) {
      while (at >= 0) { if ((recState[at] >> 1) === w) return true; at = recPred[at]; }
      return false;
    }
    while (heap.items.length) {
      var top = heap.pop(), label = top.label, key = top.dist, h = top.hops;
      var state = recState[label];
      if (settled[state] >= limit) continue;
      settled[state] += 1;
      if (first[state] < 0) first[state] = label;
      if (stop >= 0 && first[2 * stop] >= 0 && first[2 * stop + 1] >= 0) break;
      var v = state >> 1, parity = state & 1;
      var steps = [];
      sup.into[v].forEach(function (a) { steps.push([a.u, a.weight, 0]); });
      pre.into[v].forEach(function (a) { steps.push([a.u, a.weight, 1]); });
      for (var j = 0; j < steps.length; j++) {
        var w = steps[j][0], s = steps[j][1], to = 2 * w + (parity ^ steps[j][2]);
        if (w === root || settled[to] >= limit || s <= 0) continue;
        if (settled[2 * w] + settled[2 * w + 1] > 0 && visits(label, w)) continue;
        var alt = key * s;
        var better = alt < best[to] || (alt === best[to] && h + 1 < hops[to]);
        if (limit === 1 && !better) continue;
        if (better) { best[to] = alt; hops[to] = h + 1; }
        seq += 1;
        recState.push(to);
        recPred.push(label);
        heap.push({ dist: alt, hops: h + 1, seq: seq, label: recState.length - 1 });
      }
    }
    return { first: first, recState: recState, recPred: recPred };
  }

  // A channel: node indices, per step the tie (page index) and, through a shared context,
  // the context's tie onwards; step strengths; the product, source to target.
  function step(arc) { return { edge: arc.edges[0], via: arc.edges.length > 1 ? arc.edges[1] : -1, strength: arc.weight }; }
  function channel(view, tree, state) {
    var at = tree.first[state];
    if (at === undefined || at < 0) return null;
    var chain = [];
    while (at >= 0) { chain.push(tree.recState[at]); at = tree.recPred[at]; }
    if (chain.length < 2) return null;
    var nodes = [chain[0] >> 1], steps = [], product = 1;
    for (var i = 0; i + 1 < chain.length; i++) {
      var a = chain[i], b = chain[i + 1];
      var g = view.views[(a & 1) === (b & 1) ? SUPPORT : PRESSURE];
      var arc = g.arc.get((a >> 1) * view.N + (b >> 1));
      if (!arc) return null;
      steps.push(step(arc));
      product *= arc.weight;
      nodes.push(b >> 1);
    }
    return { nodes: nodes, steps: steps, strength: product, sign: (state & 1) ? "pressure" : "support" };
  }

  // support, pressure or ambivalent (the weaker side at least half the stronger).
  function stance(support, pressure) {
    var strong = Math.max(support, pressure), weak = Math.min(support, pressure);
    if (weak > 0 && weak >= strong / 2) return "ambivalent";
    return support >= pressure ? "support" : "pressure";
  }

  // Every channel of the ties shown, built once per set of shown ties: between actors only
  // and between any nodes.
  function prepare(nodes, edges, shown) {
    var N = nodes.length;
    return {
      actors: sidedView(N, pairs(nodes, edges, shown, true)),
      all: sidedView(N, pairs(nodes, edges, shown, false))
    };
  }

  // Both sides of `from`'s influence on `to` (relgraph::analysis::sides::both_sides):
  // between two actors through actors only, else through any node. A side with a direct
  // channel (a tie of its own or a shared context) is that one step. `null` when from = to
  // or an index is out of range.
  function bothSides(nodes, prepared, from, to) {
    var N = nodes.length;
    if (!(from >= 0 && to >= 0 && from < N && to < N) || from === to) return null;
    var actors = nodes[from].actor === true && nodes[to].actor === true;
    var view = actors ? prepared.actors : prepared.all, tree = null;
    var sides = [SUPPORT, PRESSURE].map(function (slot) {
      var arc = view.views[slot].arc.get(from * N + to);
      if (arc) return { nodes: [from, to], steps: [step(arc)], strength: arc.weight, sign: slot === SUPPORT ? "support" : "pressure" };
      if (tree === null) tree = signedTree(view, to, from);
      return channel(view, tree, 2 * from + slot);
    });
    var s = sides[0] ? sides[0].strength : 0, p = sides[1] ? sides[1].strength : 0;
    return { support: sides[0], pressure: sides[1], stance: stance(s, p), actors: actors };
  }

  return { prepare: prepare, bothSides: bothSides, stance: stance };
})();
