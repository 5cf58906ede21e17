// relgraph map viewer: draws the embedded model and makes it explorable.
// Hand-written, no library, no network. Every piece of model text is inserted with
// textContent or as an attribute value, never parsed as markup. See docs/viewer.md.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var D = JSON.parse(document.getElementById("relgraph-data").textContent);
  var nodes = D.nodes, edges = D.edges, theme = D.theme;
  var N = nodes.length, E = edges.length;
  var $ = function (id) { return document.getElementById(id); };
  var map = $("map"), viewport = $("viewport"), overlayViewport = $("overlay-viewport");

  // ---------------------------------------------------------------- small helpers
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    return e;
  }
  function nodeStyle(kind) { return (theme.nodes && theme.nodes[kind]) || theme.fallback; }
  function polColour(p) { return theme.polarity[p] || "#888"; }
  function fmt(x) { return x === null || x === undefined ? "—" : String(Math.round(x * 1e4) / 1e4); }
  function dates(since, until, date) {
    if (date && !since && !until) return date;
    if (!since && !until) return "undated";
    return (since || "…") + " – " + (until || "…");
  }

  // ---------------------------------------------------------------- indices
  var idIndex = Object.create(null);
  nodes.forEach(function (n, i) { idIndex[n.id] = i; });
  var incident = [];
  for (var i = 0; i < N; i++) incident.push([]);
  edges.forEach(function (e, k) {
    incident[e.from].push(k);
    if (e.to !== e.from) incident[e.to].push(k);
  });
  var edgeByNumber = Object.create(null);
  edges.forEach(function (e, k) { edgeByNumber[e.n] = k; });
  var sources = Object.create(null);
  (D.sources || []).forEach(function (s) { sources[s.id] = s; });

  // ---------------------------------------------------------------- drawing
  var defs = $("defs");
  var markerFor = {};
  ["cooperative", "conflictual", "neutral"].forEach(function (p) {
    var m = svg("marker", { id: "arrow-" + p, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" });
    m.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: polColour(p) }));
    defs.appendChild(m);
    markerFor[p] = "url(#arrow-" + p + ")";
  });

  function shapeElement(shape, w, h, style) {
    var hw = w / 2, hh = h / 2, e;
    var pts = function (list) { return svg("polygon", { points: list.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ") }); };
    switch (shape) {
      case "ellipse": e = svg("ellipse", { rx: hw, ry: hh }); break;
      case "diamond": e = pts([[0, -hh], [hw, 0], [0, hh], [-hw, 0]]); break;
      case "hexagon": var c = Math.min(hh, hw / 3); e = pts([[-hw + c, -hh], [hw - c, -hh], [hw, 0], [hw - c, hh], [-hw + c, hh], [-hw, 0]]); break;
      case "octagon": var o = Math.min(hh, hw) * 0.45; e = pts([[-hw + o, -hh], [hw - o, -hh], [hw, -hh + o], [hw, hh - o], [hw - o, hh], [-hw + o, hh], [-hw, hh - o], [-hw, -hh + o]]); break;
      case "house": var r = Math.min(hh * 0.6, 14); e = pts([[0, -hh], [hw, -hh + r], [hw, hh], [-hw, hh], [-hw, -hh + r]]); break;
      case "parallelogram": var s = Math.min(hh, hw / 4); e = pts([[-hw + s, -hh], [hw, -hh], [hw - s, hh], [-hw, hh]]); break;
      case "note": var f = Math.min(8, hh); e = pts([[-hw, -hh], [hw - f, -hh], [hw, -hh + f], [hw, hh], [-hw, hh]]); break;
      case "cylinder": var ry = Math.min(5, hh / 3); e = svg("path", { d: "M" + (-hw) + "," + (-hh + ry) + " A" + hw + "," + ry + " 0 0 1 " + hw + "," + (-hh + ry) + " V" + (hh - ry) + " A" + hw + "," + ry + " 0 0 1 " + (-hw) + "," + (hh - ry) + " Z M" + (-hw) + "," + (-hh + ry) + " A" + hw + "," + ry + " 0 0 0 " + hw + "," + (-hh + ry) }); break;
      case "rounded": e = svg("rect", { x: -hw, y: -hh, width: w, height: h, rx: 8 }); break;
      default: e = svg("rect", { x: -hw, y: -hh, width: w, height: h, rx: 1.5 });
    }
    e.setAttribute("class", "shape");
    e.setAttribute("fill", style.fill);
    e.setAttribute("stroke", style.border);
    e.setAttribute("stroke-width", style.border_width);
    return e;
  }

  var nodeEl = new Array(N), edgeEl = new Array(E), labelEl = new Array(E);
  var nodesLayer = $("nodes"), edgesLayer = $("edges"), labelsLayer = $("edge-labels");
  nodes.forEach(function (n, i) {
    var style = nodeStyle(n.kind);
    var g = svg("g", { "class": "node kind-" + n.kind, transform: "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")", tabindex: "0", role: "button" });
    g.setAttribute("data-node", n.id);
    g.setAttribute("aria-label", n.name + " (" + n.kind + ")");
    g.appendChild(shapeElement(n.shape, n.w, n.h, style));
    var size = theme.font_size * n.scale;
    var t = svg("text", { "text-anchor": "middle", "font-size": size.toFixed(1), fill: style.font, "font-family": theme.font_name });
    var lines = n.label.length ? n.label : [""];
    if (lines.length === 1) {
      t.setAttribute("y", (size * 0.35).toFixed(1));
      t.textContent = lines[0];
    } else {
      lines.forEach(function (line, j) {
        var span = svg("tspan", { x: "0", y: ((j - (lines.length - 1) / 2) * size * 1.2 + size * 0.35).toFixed(1) });
        span.textContent = line;
        t.appendChild(span);
      });
    }
    g.appendChild(t);
    nodesLayer.appendChild(g);
    nodeEl[i] = g;
  });

  // Where a line from the centre of node i towards (tx, ty) leaves its box.
  function clip(i, tx, ty) {
    var n = nodes[i], dx = tx - n.x, dy = ty - n.y, len = Math.sqrt(dx * dx + dy * dy);
    if (len < 1e-9) return [n.x, n.y];
    var ux = dx / len, uy = dy / len, hw = n.w / 2, hh = n.h / 2, t;
    if (n.shape === "ellipse") t = 1 / Math.sqrt((ux / hw) * (ux / hw) + (uy / hh) * (uy / hh));
    else if (n.shape === "diamond") t = 1 / (Math.abs(ux) / hw + Math.abs(uy) / hh);
    else t = Math.min(hw / Math.max(Math.abs(ux), 1e-12), hh / Math.max(Math.abs(uy), 1e-12));
    if (!isFinite(t)) t = 0;
    t = Math.min(t, len);
    return [n.x + ux * t, n.y + uy * t];
  }

  // Ties between the same two nodes fan out as a bundle of curves; each tie knows its place
  // in its bundle, so that moving a node redraws only its own ties.
  var edgeMid = new Array(E), edgeCurve = new Array(E), edgeSlot = new Array(E);
  (function bundle() {
    var bundles = Object.create(null);
    edges.forEach(function (e, k) {
      var key = Math.min(e.from, e.to) + ":" + Math.max(e.from, e.to);
      (bundles[key] = bundles[key] || []).push(k);
    });
    Object.keys(bundles).forEach(function (key) {
      var members = bundles[key];
      members.forEach(function (k, slot) { edgeSlot[k] = [slot, members.length]; });
    });
  })();
  // The curve of tie k from where its ends are now.
  function edgePath(k) {
    var e = edges[k], a = nodes[e.from], b = nodes[e.to], slot = edgeSlot[k][0], count = edgeSlot[k][1];
    var step = Math.min(150 / count, 36);
    if (e.from === e.to) {
      var top = a.y - a.h / 2, lift = 40 + 15 * slot;
      edgeMid[k] = [a.x, top - lift * 0.75];
      edgeCurve[k] = [a.x - 8, top, a.x, top - lift * 1.5, a.x + 8, top];
      return "M" + (a.x - 8) + "," + top + " C" + (a.x - 30) + "," + (top - lift) + " " + (a.x + 30) + "," + (top - lift) + " " + (a.x + 8) + "," + top;
    }
    var lo = nodes[Math.min(e.from, e.to)], hi = nodes[Math.max(e.from, e.to)];
    var mx = (lo.x + hi.x) / 2, my = (lo.y + hi.y) / 2, dx = hi.x - lo.x, dy = hi.y - lo.y;
    var len = Math.sqrt(dx * dx + dy * dy) || 1, off = (slot - (count - 1) / 2) * step * 2;
    var cx = mx - dy / len * off, cy = my + dx / len * off;
    var p = clip(e.from, cx, cy), q = clip(e.to, cx, cy);
    edgeMid[k] = [(p[0] + 2 * cx + q[0]) / 4, (p[1] + 2 * cy + q[1]) / 4];
    edgeCurve[k] = [p[0], p[1], cx, cy, q[0], q[1]];
    return "M" + p[0].toFixed(1) + "," + p[1].toFixed(1) + " Q" + cx.toFixed(1) + "," + cy.toFixed(1) + " " + q[0].toFixed(1) + "," + q[1].toFixed(1);
  }
  edges.forEach(function (e, k) {
    var path = svg("path", { d: edgePath(k), "class": "edge pol-" + e.polarity + " kind-" + e.kind, stroke: polColour(e.polarity), "stroke-width": e.width.toFixed(2) });
    if (e.line === "dashed") path.setAttribute("stroke-dasharray", "6 4");
    else if (e.line === "dotted") path.setAttribute("stroke-dasharray", "1.5 3");
    else if (e.line === "bold") path.setAttribute("stroke-width", (e.width * 2).toFixed(2));
    if (!e.symmetric) path.setAttribute("marker-end", markerFor[e.polarity]);
    path.setAttribute("data-edge", String(e.n));
    edgeEl[k] = path;
    edgesLayer.appendChild(path);
  });

  var clusterRects = [], clustersOf = [];
  for (var c = 0; c < N; c++) clustersOf.push([]);
  function clusterBox(members, r) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    members.forEach(function (m) {
      var n = nodes[m];
      x0 = Math.min(x0, n.x - n.w / 2); y0 = Math.min(y0, n.y - n.h / 2);
      x1 = Math.max(x1, n.x + n.w / 2); y1 = Math.max(y1, n.y + n.h / 2);
    });
    if (!isFinite(x0)) return false;
    r.setAttribute("x", x0 - 12); r.setAttribute("y", y0 - 12);
    r.setAttribute("width", x1 - x0 + 24); r.setAttribute("height", y1 - y0 + 24);
    return true;
  }
  (D.clusters || []).forEach(function (members) {
    var r = svg("rect", { "class": "cluster", rx: 14, fill: theme.cluster_fill, stroke: theme.cluster_border });
    if (!clusterBox(members, r)) return;
    $("clusters").appendChild(r);
    clusterRects.push([members, r]);
    members.forEach(function (m) { clustersOf[m].push(clusterRects.length - 1); });
  });

  // Moves node i to (x, y) in the layout's coordinates, with its ties and clusters.
  function moveNode(i, x, y) {
    var n = nodes[i];
    n.x = x; n.y = y;
    nodeEl[i].setAttribute("transform", "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")");
    incident[i].forEach(function (k) { edgeEl[k].setAttribute("d", edgePath(k)); });
    clustersOf[i].forEach(function (j) { clusterBox(clusterRects[j][0], clusterRects[j][1]); });
  }

  // ---------------------------------------------------------------- pan and zoom
  var view = { x: 0, y: 0, k: 1 }, far = false;
  function applyView() {
    // Labels under 4 px are unreadable: leave them out, which also keeps large maps quick.
    var isFar = view.k * theme.font_size < 4;
    if (isFar !== far) { far = isFar; map.classList.toggle("far", far); }
    var transform = "translate(" + view.x.toFixed(2) + "," + view.y.toFixed(2) + ") scale(" + view.k.toFixed(5) + ")";
    viewport.setAttribute("transform", transform);
    overlayViewport.setAttribute("transform", transform);
  }
  function zoomAt(factor, px, py) {
    var k = Math.max(0.02, Math.min(20, view.k * factor));
    factor = k / view.k;
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    view.k = k;
    applyView();
  }
  function fit(indices) {
    var r = map.getBoundingClientRect(), x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    var list = indices || visibleNodeList();
    if (!list.length) list = nodes.map(function (_, i) { return i; });
    list.forEach(function (i) {
      var n = nodes[i];
      x0 = Math.min(x0, n.x - n.w / 2); y0 = Math.min(y0, n.y - n.h / 2);
      x1 = Math.max(x1, n.x + n.w / 2); y1 = Math.max(y1, n.y + n.h / 2);
    });
    if (!isFinite(x0) || r.width <= 0 || r.height <= 0) return;
    var margin = 24, k = Math.min((r.width - 2 * margin) / Math.max(x1 - x0, 1), (r.height - 2 * margin) / Math.max(y1 - y0, 1));
    k = Math.max(0.02, Math.min(k, 2.5));
    view.k = k;
    view.x = r.width / 2 - k * (x0 + x1) / 2;
    view.y = r.height / 2 - k * (y0 + y1) / 2;
    applyView();
  }
  function centreOn(i) {
    var r = map.getBoundingClientRect(), n = nodes[i];
    if (view.k < 0.8) view.k = 1;
    view.x = r.width / 2 - view.k * n.x;
    view.y = r.height / 2 - view.k * n.y;
    applyView();
  }
  map.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = map.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });

  // One pointer drags: a node when it went down on one (the node follows, its ties too;
  // neither the view nor the selection changes), else the map. Two pointers pinch-zoom.
  var pointers = new Map(), drag = null, moved = false, grab = null, dragged = Object.create(null);
  map.addEventListener("pointerdown", function (ev) {
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    if (pointers.size === 1) {
      drag = { x: ev.clientX, y: ev.clientY };
      moved = false;
      var g = ev.button === 0 && ev.target.closest ? ev.target.closest("[data-node]") : null;
      var i = g ? idIndex[g.getAttribute("data-node")] : undefined;
      grab = i === undefined ? null : { node: i, x: ev.clientX, y: ev.clientY, x0: nodes[i].x, y0: nodes[i].y };
    }
    if (pointers.size === 2) { drag = null; grab = null; }
  });
  map.addEventListener("pointermove", function (ev) {
    if (!pointers.has(ev.pointerId)) return;
    var prev = pointers.get(ev.pointerId);
    if (pointers.size === 2) {
      var other = null;
      pointers.forEach(function (p, id) { if (id !== ev.pointerId) other = p; });
      var before = Math.hypot(prev.x - other.x, prev.y - other.y);
      var after = Math.hypot(ev.clientX - other.x, ev.clientY - other.y);
      var r = map.getBoundingClientRect();
      if (before > 0) zoomAt(after / before, (ev.clientX + other.x) / 2 - r.left, (ev.clientY + other.y) / 2 - r.top);
      moved = true;
    } else if (drag) {
      var dx = ev.clientX - prev.x, dy = ev.clientY - prev.y;
      if (!moved && Math.hypot(ev.clientX - drag.x, ev.clientY - drag.y) < 4) return;
      if (!moved) { moved = true; map.setPointerCapture(ev.pointerId); map.classList.add("dragging"); }
      if (grab) {
        moveNode(grab.node, grab.x0 + (ev.clientX - grab.x) / view.k, grab.y0 + (ev.clientY - grab.y) / view.k);
        dragged[nodes[grab.node].id] = true;
        redrawOverlay();
      } else {
        view.x += dx; view.y += dy;
        applyView();
      }
    }
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
  });
  function endPointer(ev) {
    pointers.delete(ev.pointerId);
    if (pointers.size === 0) { drag = null; grab = null; map.classList.remove("dragging"); }
  }
  map.addEventListener("pointerup", endPointer);
  map.addEventListener("pointercancel", endPointer);
  map.addEventListener("click", function (ev) {
    if (moved) { moved = false; return; }
    var t = ev.target;
    var nodeG = t.closest ? t.closest("[data-node], [data-ref-node]") : null;
    if (nodeG) { selectNode(idIndex[nodeG.getAttribute("data-node") || nodeG.getAttribute("data-ref-node")]); return; }
    var tie = t.closest ? t.closest("[data-edge], [data-ref-edge]") : null;
    if (tie) { selectEdge(edgeByNumber[tie.getAttribute("data-edge") || tie.getAttribute("data-ref-edge")]); return; }
    var r = map.getBoundingClientRect(), near = nearestEdge((ev.clientX - r.left - view.x) / view.k, (ev.clientY - r.top - view.y) / view.k, 6 / view.k);
    if (near >= 0) selectEdge(near); else clearSelection();
  });
  // Thin ties are hard to hit: a click on the background within 6 px of a shown tie picks it.
  function nearestEdge(x, y, within) {
    var best = -1, bestD = within * within;
    for (var k = 0; k < E; k++) {
      if (!edgeShown[k]) continue;
      var c = edgeCurve[k], px = c[0], py = c[1];
      if (Math.min(c[0], c[2], c[4]) - within > x || Math.max(c[0], c[2], c[4]) + within < x) continue;
      if (Math.min(c[1], c[3], c[5]) - within > y || Math.max(c[1], c[3], c[5]) + within < y) continue;
      for (var j = 1; j <= 16; j++) {
        var t = j / 16, u = 1 - t;
        var qx = u * u * c[0] + 2 * u * t * c[2] + t * t * c[4], qy = u * u * c[1] + 2 * u * t * c[3] + t * t * c[5];
        var dx = qx - px, dy = qy - py, len = dx * dx + dy * dy, s = 0;
        if (len > 0) s = Math.max(0, Math.min(1, ((x - px) * dx + (y - py) * dy) / len));
        var ex = px + s * dx - x, ey = py + s * dy - y, d = ex * ex + ey * ey;
        if (d < bestD) { bestD = d; best = k; }
        px = qx; py = qy;
      }
    }
    return best;
  }
  $("zoom-in").addEventListener("click", function () { var r = map.getBoundingClientRect(); zoomAt(1.25, r.width / 2, r.height / 2); });
  $("zoom-out").addEventListener("click", function () { var r = map.getBoundingClientRect(); zoomAt(0.8, r.width / 2, r.height / 2); });
  $("fit").addEventListener("click", function () { fit(); });
  window.addEventListener("resize", function () { fit(); });

  nodesLayer.addEventListener("keydown", function (ev) {
    var g = ev.target.closest ? ev.target.closest("[data-node]") : null;
    if (g && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); selectNode(idIndex[g.getAttribute("data-node")]); }
  });
  nodesLayer.addEventListener("focusin", function (ev) {
    var g = ev.target.closest ? ev.target.closest("[data-node]") : null;
    if (!g) return;
    var i = idIndex[g.getAttribute("data-node")], n = nodes[i], r = map.getBoundingClientRect();
    var sx = view.x + view.k * n.x, sy = view.y + view.k * n.y;
    if (sx < 0 || sy < 0 || sx > r.width || sy > r.height) centreOn(i);
  });
  document.addEventListener("keydown", function (ev) {
    var tag = ev.target && ev.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var r = map.getBoundingClientRect(), handled = true;
    switch (ev.key) {
      case "ArrowLeft": view.x += 60; applyView(); break;
      case "ArrowRight": view.x -= 60; applyView(); break;
      case "ArrowUp": view.y += 60; applyView(); break;
      case "ArrowDown": view.y -= 60; applyView(); break;
      case "+": case "=": zoomAt(1.25, r.width / 2, r.height / 2); break;
      case "-": case "_": zoomAt(0.8, r.width / 2, r.height / 2); break;
      case "f": case "F": case "0": fit(); break;
      case "/": $("search").focus(); break;
      case "Escape": clearSelection(); break;
      default: handled = false;
    }
    if (handled) ev.preventDefault();
  });

  // ---------------------------------------------------------------- visibility: filters and time
  var off = { node: Object.create(null), edge: Object.create(null), polarity: Object.create(null) };
  var at = D.at ? { first: D.at.first, last: D.at.last, label: D.at.label } : null;
  var nodeShown = new Uint8Array(N), edgeShown = new Uint8Array(E);
  var nodeWas = new Uint8Array(N).fill(1), edgeWas = new Uint8Array(E).fill(1);

  function nodeInForce(n) {
    return !at || ((n.start === null || n.start <= at.last) && (n.end === null || n.end >= at.first));
  }
  function edgeInForce(e) {
    return !at || ((e.start === null || e.start <= at.last) && (e.end === null || e.end >= at.first));
  }
  function edgeKept(e) { return !off.edge[e.kind] && !off.polarity[e.polarity]; }
  function dated(e) { return e.since !== null || e.until !== null; }
  // The rule of `--at` (Model::at): a tie with its own dates is in force on them whatever
  // its ends' dates, and holds its ends on the map; an undated tie needs both ends in force.
  var nodeLive = new Uint8Array(N), held = new Uint8Array(N);
  function updateVisibility() {
    held.fill(0);
    for (var i = 0; i < N; i++) nodeLive[i] = nodeInForce(nodes[i]) ? 1 : 0;
    for (var k = 0; k < E; k++) {
      var e = edges[k];
      if (at && dated(e) && edgeInForce(e) && edgeKept(e)) { held[e.from] = 1; held[e.to] = 1; }
    }
    for (i = 0; i < N; i++) {
      var s = !off.node[nodes[i].kind] && (nodeLive[i] || held[i]) ? 1 : 0;
      nodeShown[i] = s;
      if (s !== nodeWas[i]) { nodeEl[i].classList.toggle("off", !s); nodeWas[i] = s; }
    }
    for (k = 0; k < E; k++) {
      e = edges[k];
      var v = nodeShown[e.from] && nodeShown[e.to] && edgeKept(e) && edgeInForce(e) && (dated(e) || (nodeLive[e.from] && nodeLive[e.to])) ? 1 : 0;
      edgeShown[k] = v;
      if (v !== edgeWas[k]) {
        edgeEl[k].classList.toggle("off", !v);
        if (labelEl[k]) labelEl[k].classList.toggle("off", !v);
        edgeWas[k] = v;
      }
    }
    channels = null;
    refreshHighlight();
  }
  function visibleNodeList() {
    var out = [];
    for (var i = 0; i < N; i++) if (nodeShown[i]) out.push(i);
    return out;
  }

  // The legend: every kind and polarity present, each a checkbox filter.
  function legendEntry(group, key, text, swatch) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-filter", group + ":" + key);
    box.addEventListener("change", function () {
      if (box.checked) delete off[group][key]; else off[group][key] = true;
      updateVisibility();
      if (path) showPath(path.from, path.to);
    });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", null, text));
    return label;
  }
  (function legend() {
    var present = function (list) { var seen = Object.create(null), out = []; list.forEach(function (x) { if (!seen[x]) { seen[x] = 1; out.push(x); } }); return out; };
    var nodeKinds = present(nodes.map(function (n) { return n.kind; }));
    var box = $("legend-nodes");
    box.appendChild(el("div", "group-title", "Node kinds"));
    nodeKinds.forEach(function (kind) {
      var style = nodeStyle(kind), sw = svg("svg", { "class": "swatch", viewBox: "-15 -8 30 16" });
      sw.appendChild(shapeElement(nodes[nodes.findIndex(function (n) { return n.kind === kind; })].shape, 26, 13, style));
      box.appendChild(legendEntry("node", kind, kind, sw));
    });
    var pols = present(edges.map(function (e) { return e.polarity; }));
    box = $("legend-polarities");
    box.appendChild(el("div", "group-title", "Polarity"));
    pols.forEach(function (p) {
      var sw = svg("svg", { "class": "swatch", viewBox: "0 0 26 14" });
      sw.appendChild(svg("line", { x1: 1, y1: 7, x2: 25, y2: 7, stroke: polColour(p), "stroke-width": 2.5 }));
      box.appendChild(legendEntry("polarity", p, p, sw));
    });
    var kinds = present(edges.map(function (e) { return e.kind; })).sort();
    box = $("legend-edges");
    box.appendChild(el("div", "group-title", "Tie kinds"));
    kinds.forEach(function (kind) {
      var e = edges.find(function (x) { return x.kind === kind; });
      var sw = svg("svg", { "class": "swatch", viewBox: "0 0 26 14" });
      var line = svg("line", { x1: 1, y1: 7, x2: 25, y2: 7, stroke: polColour(e.polarity), "stroke-width": 2 });
      if (e.line === "dashed") line.setAttribute("stroke-dasharray", "6 4");
      if (e.line === "dotted") line.setAttribute("stroke-dasharray", "1.5 3");
      sw.appendChild(line);
      box.appendChild(legendEntry("edge", kind, e.label, sw));
    });
  })();

  // The time slider: its value indexes data-dates; moving it shows the network on that day.
  var time = $("time"), timeLabel = $("time-label"), play = $("play"), timer = null;
  var stops = D.dates || [];
  time.setAttribute("data-dates", JSON.stringify(stops));
  time.max = String(Math.max(stops.length - 1, 0));
  time.disabled = stops.length === 0;
  play.disabled = stops.length === 0;
  function showTime() {
    timeLabel.textContent = at ? at.label : "all dates";
    time.classList.toggle("inactive", !at);
  }
  function setDateIndex(index) {
    if (!stops.length) return;
    index = Math.max(0, Math.min(stops.length - 1, index | 0));
    time.value = String(index);
    var day = stops[index];
    at = { first: day, last: day, label: day };
    updateVisibility();
    showTime();
    if (path) showPath(path.from, path.to);
  }
  function onTime() { setDateIndex(parseInt(time.value, 10)); }
  time.addEventListener("input", onTime);
  time.addEventListener("change", onTime);
  $("time-all").addEventListener("click", function () {
    stopPlaying();
    at = null;
    updateVisibility();
    showTime();
    if (path) showPath(path.from, path.to);
  });
  function stopPlaying() {
    if (timer !== null) { clearInterval(timer); timer = null; }
    play.textContent = "▶";
    play.setAttribute("aria-label", "Play");
  }
  play.addEventListener("click", function () {
    if (timer !== null) { stopPlaying(); return; }
    var start = at ? parseInt(time.value, 10) : 0;
    if (at && start >= stops.length - 1) start = 0;
    setDateIndex(start);
    play.textContent = "❚❚";
    play.setAttribute("aria-label", "Pause");
    timer = setInterval(function () {
      var next = parseInt(time.value, 10) + 1;
      if (next >= stops.length) { stopPlaying(); return; }
      setDateIndex(next);
    }, 700);
  });
  if (at) {
    var initial = stops.findIndex(function (d) { return d >= at.first; });
    time.value = String(initial < 0 ? Math.max(stops.length - 1, 0) : initial);
  }

  // ---------------------------------------------------------------- selection and details
  // Highlighting never restyles or repaints the whole map: the map is dimmed as one layer,
  // and copies of the lit nodes and ties are drawn on the overlay above it.
  var selected = null; // {node: i} or {edge: k}
  var lit = [];
  var litEdges = $("lit-edges"), litNodes = $("lit-nodes"), pathEdges = $("path-edges"), pathNodes = $("path-nodes");
  var dimmed = false;
  function setDim(on) {
    if (on === dimmed) return;
    dimmed = on;
    map.classList.toggle("dim", on);
  }
  // A copy of a node or tie element for an upper layer: the same look, no hooks of its own.
  function copyOf(original, cls) {
    var copy = original.cloneNode(true);
    ["data-node", "data-edge", "tabindex", "role", "aria-label"].forEach(function (a) { copy.removeAttribute(a); });
    if (original.hasAttribute("data-node")) copy.setAttribute("data-ref-node", original.getAttribute("data-node"));
    if (original.hasAttribute("data-edge")) copy.setAttribute("data-ref-edge", original.getAttribute("data-edge"));
    copy.classList.remove("lit", "on-path");
    copy.classList.add(cls);
    return copy;
  }
  function clearLit() {
    lit.forEach(function (e) { e.classList.remove("lit"); });
    lit = [];
    litEdges.textContent = "";
    litNodes.textContent = "";
    labelsLayer.textContent = "";
  }
  // The element itself only gets the class `lit` (no style: nothing on the map repaints);
  // its copy on the overlay is drawn bold.
  function light(e, cls, layer) {
    e.classList.add("lit");
    lit.push(e);
    layer.appendChild(copyOf(e, cls));
  }
  function edgeLabel(k) {
    var e = edges[k], m = edgeMid[k];
    var t = svg("text", { "class": "edge-label", x: m[0].toFixed(1), y: m[1].toFixed(1), "text-anchor": "middle" });
    t.textContent = e.label + (e.topic ? " (" + e.topic + ")" : "");
    labelsLayer.appendChild(t);
  }
  function refreshHighlight() {
    clearLit();
    if (!selected) { setDim(pathLit.length > 0); return; }
    setDim(true);
    var ends = [];
    if (selected.node !== undefined) {
      var i = selected.node;
      incident[i].forEach(function (k) {
        if (!edgeShown[k]) return;
        var e = edges[k];
        light(edgeEl[k], "hl", litEdges);
        ends.push(e.from === i ? e.to : e.from);
        edgeLabel(k);
      });
      ends.forEach(function (j) { if (j !== i) light(nodeEl[j], "hl", litNodes); });
      light(nodeEl[i], "sel", litNodes);
    } else {
      var k = selected.edge, e = edges[k];
      light(edgeEl[k], "sel", litEdges);
      light(nodeEl[e.from], "hl", litNodes);
      if (e.to !== e.from) light(nodeEl[e.to], "hl", litNodes);
      edgeLabel(k);
    }
  }
  // After a node moved: the copies on the overlay are drawn again from the map.
  function redrawOverlay() {
    pathEdges.textContent = "";
    pathNodes.textContent = "";
    pathLit.forEach(function (e) { (e.hasAttribute("data-node") ? pathNodes : pathEdges).appendChild(copyOf(e, "path")); });
    refreshHighlight();
  }
  function clearSelection() {
    selected = null;
    refreshHighlight();
    renderHint();
  }
  var details = $("details");
  function renderHint() {
    details.textContent = "";
    details.appendChild(el("h2", null, "Details"));
    details.appendChild(el("p", "hint", "Click a node or a tie to see its ties and the evidence behind them. " + N + " nodes, " + E + " ties."));
  }
  function addRow(dl, term, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, Array.isArray(value) ? value.join(", ") : value));
  }
  function nodeButton(i) {
    var b = el("button", "link", nodes[i].name);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(i); centreOn(i); });
    return b;
  }
  function quotes(parent, e) {
    if (!e.evidence.length) { parent.appendChild(el("p", "meta", "No quote given.")); return; }
    e.evidence.forEach(function (ev) {
      var q = el("blockquote", "quote");
      q.appendChild(el("span", "text", "“" + ev.quote + "”"));
      var s = sources[ev.source], cite = [];
      if (s) {
        cite.push(s.title);
        if (s.author) cite.push(s.author);
        if (s.date) cite.push(s.date);
        if (s.url) cite.push(s.url);
      } else cite.push(ev.source);
      q.appendChild(el("cite", null, "— " + cite.join(", ")));
      parent.appendChild(q);
    });
  }
  // A source as text: title, author, date, and its URL as plain text (never a link).
  function sourceItem(id) {
    var s = sources[id], li = el("li", "source");
    li.setAttribute("data-source", id);
    var bits = s ? [s.title, s.author, s.date].filter(function (x) { return x; }) : [id];
    li.appendChild(el("span", "cite", bits.join(", ")));
    if (s && s.url) li.appendChild(el("span", "url", s.url));
    return li;
  }
  function sourceList(parent, ids, tag) {
    if (!ids || !ids.length) return;
    parent.appendChild(el(tag, tag === "h2" ? null : "meta", "Sources (" + ids.length + ")"));
    var ul = el("ul", "sources");
    ids.forEach(function (id) { ul.appendChild(sourceItem(id)); });
    parent.appendChild(ul);
  }
  function strengthText(e) {
    if (!e.influence) return "no influence (" + e.kind.replace(/_/g, " ") + ")";
    var sign = e.influence[2] > 0 ? "support" : "pressure";
    return sign + " → " + fmt(e.influence[0]) + ", ← " + fmt(e.influence[1]);
  }
  function tieMeta(e) {
    var bits = [dates(e.since, e.until), "weight " + fmt(e.weight === null ? 1 : e.weight)];
    if (e.sources && e.sources.length) bits.push(e.sources.length + (e.sources.length === 1 ? " source" : " sources"));
    if (e.intensity !== null) bits.push("intensity " + fmt(e.intensity));
    bits.push("strength " + strengthText(e));
    return bits.join(" · ");
  }
  function tieItem(k, from) {
    var e = edges[k], li = el("li", "tie" + (edgeShown[k] ? "" : " inactive"));
    li.setAttribute("data-tie", String(e.n));
    var head = el("div", "head");
    var kindButton = el("button", "link", e.label);
    kindButton.type = "button";
    kindButton.title = "Show this tie";
    kindButton.addEventListener("click", function () { selectEdge(k); });
    if (from === undefined) {
      head.appendChild(nodeButton(e.from)); head.appendChild(kindButton); head.appendChild(nodeButton(e.to));
    } else if (e.from === from) {
      head.appendChild(el("span", null, e.symmetric ? "—" : "→")); head.appendChild(kindButton); head.appendChild(nodeButton(e.to));
    } else {
      head.appendChild(el("span", null, e.symmetric ? "—" : "←")); head.appendChild(kindButton); head.appendChild(el("span", null, "from")); head.appendChild(nodeButton(e.from));
    }
    head.appendChild(el("span", "pol pol-" + e.polarity, e.polarity));
    if (!edgeShown[k]) head.appendChild(el("span", "meta", "(hidden now)"));
    li.appendChild(head);
    li.appendChild(el("div", "meta", tieMeta(e)));
    if (e.topic) li.appendChild(el("div", "meta", "topic: " + e.topic));
    if (e.note) li.appendChild(el("div", "meta", "note: " + e.note));
    quotes(li, e);
    // The tie's own panel lists its sources; a node's panel counts them in the line above.
    if (from === undefined) sourceList(li, e.sources, "div");
    return li;
  }
  function selectNode(i) {
    if (i === undefined || i < 0 || i >= N) return;
    selected = { node: i };
    refreshHighlight();
    var n = nodes[i];
    details.textContent = "";
    details.appendChild(el("h2", null, "Details"));
    details.appendChild(el("h3", null, n.name));
    var dl = el("dl");
    addRow(dl, "kind", n.kind);
    addRow(dl, "id", n.id);
    addRow(dl, "aliases", n.aliases);
    addRow(dl, "dates", dates(n.since, n.until, n.date));
    if (n.date && (n.since || n.until)) addRow(dl, "date", n.date);
    addRow(dl, "tags", n.tags);
    addRow(dl, "about", n.description);
    if (!nodeShown[i]) addRow(dl, "shown", "hidden by the filters or the date");
    details.appendChild(dl);
    sourceList(details, n.sources, "h2");
    details.appendChild(el("h2", null, "Ties (" + incident[i].length + ")"));
    var ol = el("ol");
    incident[i].forEach(function (k) { ol.appendChild(tieItem(k, i)); });
    details.appendChild(ol);
  }
  function selectEdge(k) {
    if (k === undefined || k < 0 || k >= E) return;
    selected = { edge: k };
    refreshHighlight();
    details.textContent = "";
    details.appendChild(el("h2", null, "Tie " + edges[k].n));
    var ol = el("ol");
    ol.appendChild(tieItem(k));
    details.appendChild(ol);
  }

  // ---------------------------------------------------------------- search with completion
  var names = [];
  nodes.forEach(function (n, i) {
    names.push({ text: n.name, low: n.name.toLowerCase(), node: i, alias: false });
    n.aliases.forEach(function (a) { names.push({ text: a, low: a.toLowerCase(), node: i, alias: true }); });
  });
  function matches(query, limit) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var ranked = [], seen = Object.create(null);
    names.forEach(function (entry, order) {
      var pos = entry.low.indexOf(q);
      if (pos < 0 && nodes[entry.node].id.toLowerCase() !== q) return;
      var rank = entry.low === q || pos < 0 ? 0 : pos === 0 ? 1 : entry.low.charAt(pos - 1) === " " ? 2 : 3;
      ranked.push({ entry: entry, rank: rank, order: order });
    });
    ranked.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    var out = [];
    for (var r = 0; r < ranked.length && out.length < limit; r++) {
      var n = ranked[r].entry.node;
      if (seen[n]) continue;
      seen[n] = true;
      out.push(ranked[r].entry);
    }
    return out;
  }
  function resolve(text) {
    var q = text.trim();
    if (!q) return -1;
    if (idIndex[q] !== undefined) return idIndex[q];
    var m = matches(q, 1);
    return m.length && m[0].low === q.toLowerCase() ? m[0].node : m.length ? m[0].node : -1;
  }
  function completer(input, list, choose) {
    var items = [], active = -1;
    function close() { list.hidden = true; list.textContent = ""; items = []; active = -1; input.setAttribute("aria-expanded", "false"); }
    function mark() {
      for (var j = 0; j < list.children.length; j++) list.children[j].setAttribute("aria-selected", j === active ? "true" : "false");
    }
    input.addEventListener("input", function () {
      items = matches(input.value, 12);
      list.textContent = "";
      active = -1;
      items.forEach(function (entry) {
        var li = el("li", null, entry.alias ? entry.text : nodes[entry.node].name);
        li.setAttribute("role", "option");
        li.setAttribute("data-pick", nodes[entry.node].id);
        if (entry.alias) li.appendChild(el("span", "sub", "alias of " + nodes[entry.node].name));
        else li.appendChild(el("span", "sub", nodes[entry.node].kind));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); input.value = nodes[entry.node].name; close(); choose(entry.node); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" && items.length) { active = (active + 1) % items.length; mark(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp" && items.length) { active = (active - 1 + items.length) % items.length; mark(); ev.preventDefault(); }
      else if (ev.key === "Enter") {
        var i = active >= 0 ? items[active].node : resolve(input.value);
        if (i >= 0) { input.value = nodes[i].name; close(); choose(i); }
        ev.preventDefault();
      } else if (ev.key === "Escape") close();
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  completer($("search"), $("suggestions"), function (i) { selectNode(i); centreOn(i); });
  var pathFrom = -1, pathTo = -1;
  completer($("path-from"), $("path-from").nextElementSibling, function (i) { pathFrom = i; });
  completer($("path-to"), $("path-to").nextElementSibling, function (i) { pathTo = i; });

  // ---------------------------------------------------------------- influence: both sides
  // The rules are in influence.js; this names the answer's nodes and ties. The channels of
  // the ties shown are built on the first question after each change of what is shown.
  var channels = null;
  function named(c) {
    if (!c) return null;
    return {
      nodes: c.nodes.map(function (i) { return nodes[i].id; }),
      edges: c.steps.map(function (s) { return edges[s.edge].n; }),
      via: c.steps.map(function (s) { return s.via >= 0 ? edges[s.via].n : null; }),
      contexts: c.steps.map(function (s, j) { return s.via >= 0 ? nodes[contextOf(s, c.nodes[j])].id : null; }),
      steps: c.steps.map(function (s) { return s.strength; }),
      strength: c.strength,
      sign: c.sign
    };
  }
  // The context a shared-context step passes: the far end of the tie into it.
  function contextOf(s, i) { var e = edges[s.edge]; return e.from === i ? e.to : e.from; }
  function bothSides(from, to) {
    if (channels === null) channels = relgraphInfluence.prepare(nodes, edges, edgeShown);
    return relgraphInfluence.bothSides(nodes, channels, from, to);
  }
  // The stronger side's channel (support when equal), as relgraph's Sides::stronger.
  function stronger(r) {
    var s = r.support ? r.support.strength : 0, p = r.pressure ? r.pressure.strength : 0;
    return s >= p ? r.support || r.pressure : r.pressure;
  }

  var path = null, pathLit = [];
  function markPath(e, layer) {
    if (e.classList.contains("on-path")) return;
    e.classList.add("on-path");
    pathLit.push(e);
    layer.appendChild(copyOf(e, "path"));
  }
  var pathResult = $("path-result");
  function clearPath() {
    pathLit.forEach(function (e) { e.classList.remove("on-path"); });
    pathLit = [];
    pathEdges.textContent = "";
    pathNodes.textContent = "";
    path = null;
    pathResult.textContent = "";
    ["data-nodes", "data-strength", "data-sign", "data-stance", "data-support", "data-pressure"].forEach(function (a) { pathResult.removeAttribute(a); });
    refreshHighlight();
  }
  function sideList(c, word) {
    var box = el("div", "side side-" + word);
    box.setAttribute("data-side", word);
    if (!c) { box.appendChild(el("p", "meta", "No " + word + " channel among the ties shown.")); return box; }
    box.appendChild(el("p", null, word.charAt(0).toUpperCase() + word.slice(1) + " " + c.strength.toFixed(4) + ", " + (c.nodes.length - 1) + " step(s):"));
    var ol = el("ol", "chain");
    c.nodes.forEach(function (i, j) {
      var li = el("li");
      li.appendChild(nodeButton(i));
      var s = c.steps[j];
      if (s) {
        var e = edges[s.edge];
        if (s.via >= 0) {
          var ctx = contextOf(s, i);
          li.appendChild(el("span", "meta", " " + fmt(s.strength) + " through the shared context "));
          li.appendChild(nodeButton(ctx));
          li.appendChild(el("span", "meta", " (" + e.label + " · " + edges[s.via].label + ") →"));
        } else {
          li.appendChild(el("span", "meta", " " + fmt(s.strength) + " via " + e.label + (e.from === i || e.symmetric ? " →" : " ←")));
        }
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }
  function showPath(from, to) {
    clearPath();
    path = { from: from, to: to };
    var r = from >= 0 && to >= 0 && from !== to ? bothSides(from, to) : null;
    var best = r && stronger(r);
    if (!best) {
      var why = from === to && from >= 0 ? "Pick two different nodes." : from < 0 || to < 0 ? "Pick two nodes (names, aliases or ids)." : "No influence channel from " + nodes[from].name + " to " + nodes[to].name + " among the ties shown.";
      pathResult.appendChild(el("p", "none", why));
      pathResult.setAttribute("data-nodes", "[]");
      refreshHighlight();
      return null;
    }
    var support = named(r.support), pressure = named(r.pressure), top = named(best);
    pathResult.setAttribute("data-nodes", JSON.stringify(top.nodes));
    pathResult.setAttribute("data-strength", String(top.strength));
    pathResult.setAttribute("data-sign", top.sign);
    pathResult.setAttribute("data-stance", r.stance);
    pathResult.setAttribute("data-support", JSON.stringify(support));
    pathResult.setAttribute("data-pressure", JSON.stringify(pressure));
    var when = at ? "as of " + at.label : "over every date";
    pathResult.appendChild(el("p", "stance", nodes[from].name + " on " + nodes[to].name + ": " + r.stance + " (" + when + (r.actors ? ", through actors" : "") + ")"));
    pathResult.appendChild(sideList(r.support, "support"));
    pathResult.appendChild(sideList(r.pressure, "pressure"));
    [r.support, r.pressure].forEach(function (c) {
      if (!c) return;
      c.nodes.forEach(function (i) { markPath(nodeEl[i], pathNodes); });
      c.steps.forEach(function (s, j) {
        markPath(edgeEl[s.edge], pathEdges);
        if (s.via >= 0) { markPath(edgeEl[s.via], pathEdges); markPath(nodeEl[contextOf(s, c.nodes[j])], pathNodes); }
      });
    });
    setDim(true);
    return r;
  }
  $("path-go").addEventListener("click", function () {
    var f = $("path-from").value, t = $("path-to").value;
    var a = pathFrom >= 0 && nodes[pathFrom].name === f ? pathFrom : resolve(f);
    var b = pathTo >= 0 && nodes[pathTo].name === t ? pathTo : resolve(t);
    showPath(a, b);
  });
  $("path-clear").addEventListener("click", clearPath);

  // ---------------------------------------------------------------- positions file
  // Where every node of the map is now, in the layout's coordinates (not screen pixels), as
  // the positions file `relgraph layout` writes and `export --positions` reads: a RON map
  // from id to (x, y), sorted by id, one node per line, rounded to 0.1.
  function ronString(text) {
    return '"' + text.replace(/[\\"\u0000-\u001f\u007f]/g, function (c) {
      return c === "\\" || c === '"' ? "\\" + c : "\\u{" + c.charCodeAt(0).toString(16) + "}";
    }) + '"';
  }
  function coordinate(v) {
    var r = Math.sign(v) * Math.round(Math.abs(v) * 10) / 10;
    return (r === 0 ? 0 : r).toFixed(1);
  }
  // Code point order, as relgraph sorts ids.
  function byCodePoints(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var j = 0; j < Math.min(x.length, y.length); j++) {
      var d = x[j].codePointAt(0) - y[j].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }
  function positionsText() {
    var order = nodes.map(function (n, i) { return i; });
    order.sort(function (a, b) { return byCodePoints(nodes[a].id, nodes[b].id); });
    var out = "{\n";
    order.forEach(function (i) { out += "    " + ronString(nodes[i].id) + ": (" + coordinate(nodes[i].x) + ", " + coordinate(nodes[i].y) + "),\n"; });
    return out + "}\n";
  }
  $("download-positions").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([positionsText()], { type: "text/plain" }));
    var a = document.createElement("a");
    a.download = "positions.layout.ron";
    a.setAttribute("href", url);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  // ---------------------------------------------------------------- start
  // A small API for embedding and tests: node ids in, node ids out.
  window.relgraph = {
    sides: function (fromId, toId) {
      var a = idIndex[fromId], b = idIndex[toId];
      var r = a === undefined || b === undefined ? null : bothSides(a, b);
      return r && { support: named(r.support), pressure: named(r.pressure), stance: r.stance };
    },
    strongestPath: function (fromId, toId) {
      var a = idIndex[fromId], b = idIndex[toId];
      var r = a === undefined || b === undefined ? null : bothSides(a, b);
      return r && named(stronger(r));
    },
    select: function (id) { selectNode(idIndex[id]); },
    positions: function () { return positionsText(); },
    fit: function () { fit(); },
    // What a live-reloading page (relgraph serve) carries over to the new map: the zoom,
    // the date on the slider and the selected node or tie (by id and tie number).
    state: function () {
      return {
        x: view.x, y: view.y, k: view.k, at: at ? at.first : null,
        node: selected && selected.node !== undefined ? nodes[selected.node].id : null,
        edge: selected && selected.edge !== undefined ? edges[selected.edge].n : null,
        moved: Object.keys(dragged).map(function (id) { var n = nodes[idIndex[id]]; return [id, n.x, n.y]; })
      };
    },
    restore: function (s) {
      if (!s) return;
      if (isFinite(s.x) && isFinite(s.y) && isFinite(s.k) && s.k > 0) { view.x = s.x; view.y = s.y; view.k = s.k; applyView(); }
      (Array.isArray(s.moved) ? s.moved : []).forEach(function (m) {
        var i = idIndex[m[0]];
        if (i !== undefined && isFinite(m[1]) && isFinite(m[2])) { moveNode(i, m[1], m[2]); dragged[m[0]] = true; }
      });
      if (s.at) {
        var i = stops.findIndex(function (d) { return d >= s.at; });
        if (i >= 0) setDateIndex(i);
      }
      if (s.node !== null && idIndex[s.node] !== undefined) selectNode(idIndex[s.node]);
      else if (s.edge !== null && edgeByNumber[s.edge] !== undefined) selectEdge(edgeByNumber[s.edge]);
    }
  };
  document.title = D.title || "relgraph map";
  $("title").textContent = D.title || "relgraph map";
  renderHint();
  updateVisibility();
  showTime();
  var highlighted = [];
  nodes.forEach(function (n, i) { if (n.highlighted) highlighted.push(i); });
  edges.forEach(function (e, k) { if (e.highlighted) markPath(edgeEl[k], pathEdges); });
  highlighted.forEach(function (i) { markPath(nodeEl[i], pathNodes); });
  if (highlighted.length) setDim(true);
  fit();
  document.documentElement.setAttribute("data-ready", "true");
})();
