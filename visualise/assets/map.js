// lcg map: draws the embedded graph with vis-network. Every text from the data goes into the page as a
// DOM text node (textContent), never as HTML; links are made only for http(s) URLs.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("lcg-data").textContent);
  var body = document.body;
  var rows = data.nodes, erows = data.edges, kinds = data.kinds, S = data.strings;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function isWeb(url) { return /^https?:\/\/[^\s]+$/i.test(url); }

  // caption
  var cap = document.getElementById("caption");
  data.caption.forEach(function (line) { cap.appendChild(el("p", line)); });
  document.title = data.title;
  document.getElementById("title").textContent = data.title;

  if (typeof vis === "undefined") {
    cap.appendChild(el("p", "The map could not start (vis-network missing)."));
    return;
  }

  // nodes and edges
  var byId = new Map();
  var nodeItems = new Array(rows.length);
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i];
    byId.set(r[0], i);
    nodeItems[i] = {id: r[0], label: r[1], group: kinds[r[2]].name, size: r[3], x: r[4], y: r[5]};
  }
  var edgeItems = new Array(erows.length);
  for (var j = 0; j < erows.length; j++) {
    edgeItems[j] = {id: j, from: rows[erows[j][0]][0], to: rows[erows[j][1]][0]};
  }
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var hidden = new Set();
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return !hidden.has(n.group); }});

  var groups = Object.create(null);
  kinds.forEach(function (k) {
    var inside = k.shape === "box" || k.shape === "ellipse";
    groups[k.name] = {shape: k.shape, color: {background: k.colour, border: k.colour,
      highlight: {background: k.colour, border: "#000"}, hover: {background: k.colour, border: "#000"}},
      // label-inside shapes (box, ellipse) wrap long names instead of stretching into bars
      font: inside ? {color: "#fff", size: 10} : {color: "#222"},
      widthConstraint: inside ? {maximum: 110} : undefined};
  });
  var physics = data.layout === "physics";
  var options = {
    autoResize: true,
    layout: {randomSeed: data.seed, improvedLayout: false},
    physics: physics ? {enabled: true, solver: "barnesHut",
      barnesHut: {gravitationalConstant: -6000, centralGravity: 0.15, springLength: 110, springConstant: 0.03,
        damping: 0.2, avoidOverlap: 0.2},
      stabilization: {enabled: true, iterations: data.iterations, updateInterval: 50, fit: true}} : false,
    nodes: {borderWidth: 1, font: {size: 12, face: "system-ui, sans-serif"}, scaling: {label: {drawThreshold: data.large ? 8 : 4}}},
    edges: {smooth: false, width: 1, selectionWidth: 2, arrows: {to: {enabled: true, scaleFactor: 0.4}},
      color: {color: "#a0a4a8", highlight: "#333", hover: "#555", opacity: 0.7}},
    groups: groups,
    interaction: {hover: true, tooltipDelay: 100, hideEdgesOnDrag: data.hideTies, hideEdgesOnZoom: data.hideTies,
      navigationButtons: false, keyboard: false, multiselect: false}
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, {}, options);

  var api = window.lcgMap = {network: network, nodes: nodes, edges: edges, view: nodeView,
    settledMs: null, drawMs: null, select: select, search: matches};

  // Labels legible at the first view: once the map is fitted, the most-tied nodes (TOP_LABELS of those whose
  // label sits beside the shape) get a label of LABEL_PX on screen whatever that first zoom is (vis draws fonts
  // in graph units, so a fitted 200-node map would show every label at 3-4 px, under its draw threshold); the
  // others keep their size and appear when zoomed in. Zooming in grows the top labels up to LABEL_MAX_PX.
  // Labels inside boxes and ellipses (reports, themes) are left alone: a bigger font would grow the shape.
  var LABEL_PX = 13, LABEL_MAX_PX = 20, TOP_LABELS = 12, BASE_FONT = 12, firstScale = null;
  var topNodes = nodeItems.filter(function (n) { return groups[n.group].widthConstraint === undefined; })
    .sort(function (a, b) { return b.size - a.size || (a.id < b.id ? -1 : 1); })
    .slice(0, TOP_LABELS).map(function (n) { return n.id; });
  function sizeTopLabels() {
    var s = network.getScale();
    if (!(s > 0) || !topNodes.length) return;
    if (firstScale === null) firstScale = s;
    var px = Math.min(LABEL_PX * s / firstScale, LABEL_MAX_PX);
    var size = Math.max(BASE_FONT, px / s);
    nodes.update(topNodes.map(function (id) {  // a long title is cut: the full name is in the details
      var name = rows[byId.get(id)][1];
      return {id: id, font: {size: size}, label: name.length > 32 ? name.slice(0, 31) + "\u2026" : name};
    }));
  }
  // what a test reads: each top label's size on screen now
  api.topLabels = function () {
    var s = network.getScale();
    return topNodes.map(function (id) { return {id: id, px: nodes.get(id).font.size * s}; });
  };

  function settled() {
    if (api.settledMs === null) {
      sizeTopLabels();
      network.on("zoom", sizeTopLabels);
      api.settledMs = performance.now();
      body.setAttribute("data-state", "settled");
    }
  }
  var drawStart = 0;
  network.on("beforeDrawing", function () { drawStart = performance.now(); });
  network.on("afterDrawing", function () { api.drawMs = performance.now() - drawStart; });
  if (physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: false});
      network.once("afterDrawing", settled);
      network.redraw();
    });
  }
  network.setData({nodes: nodeView, edges: edges});
  if (!rows.length) {
    cap.appendChild(el("p", "Nothing to show: no node matches this focus."));
    settled();
  } else if (!physics) {
    network.once("afterDrawing", settled);
  }

  // details: a node or an edge as DOM
  function factsList(facts, skip) {
    var dl = el("dl");
    Object.keys(facts || {}).forEach(function (k) {
      if (skip && skip.indexOf(k) >= 0) return;
      var v = facts[k];
      dl.appendChild(el("dt", k.replace(/_/g, " ")));
      var dd = el("dd", Array.isArray(v) ? v.join("; ") : v);
      dl.appendChild(dd);
    });
    return dl;
  }
  function sourceIndexes(s) {
    if (s === undefined || s === -1) return [];
    return Array.isArray(s) ? s : [s];
  }
  function sourcesList(indexes, links) {
    var ul = el("ul", null, "sources");
    indexes.forEach(function (i) {
      // a key of sources.yaml reads as its title, linked to its URL; any other source as written
      var known = (data.sourceTitles || {})[i], text = known ? known[0] : S[i];
      var url = known ? known[1] : S[i], li = el("li");
      if (links && isWeb(url)) {
        var a = el("a", text);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        li.appendChild(a);
      } else {
        li.appendChild(document.createTextNode(text));
      }
      ul.appendChild(li);
    });
    return ul;
  }
  function nodeBox(id, links) {
    var r = rows[byId.get(id)], facts = r[7] || {}, src = sourceIndexes(r[6]);
    var box = el("div");
    box.appendChild(el("h2", r[1]));
    box.appendChild(el("div", kinds[r[2]].name + " \u00b7 " + r[0], "tip-kind"));
    box.appendChild(factsList(facts));
    if (src.length) {
      box.appendChild(el("div", "Sources", "tip-kind"));
      box.appendChild(sourcesList(src, links));
    }
    return box;
  }
  function edgeBox(idx, links) {
    var e = erows[idx], facts = e[4] || {}, src = sourceIndexes(e[3]);
    var box = el("div");
    box.appendChild(el("h2", data.rels[e[2]]));
    box.appendChild(el("div", rows[e[0]][1] + " \u2192 " + rows[e[1]][1], "tip-kind"));
    box.appendChild(factsList(facts));
    if (src.length) {
      box.appendChild(el("div", "Evidence", "tip-kind"));
      box.appendChild(sourcesList(src, links));
    }
    return box;
  }
  var details = document.getElementById("details");
  function showDetails(box) {
    details.replaceChildren(box);
  }

  // hover tooltip
  var tip = document.getElementById("tip");
  function showTip(box, pointer) {
    tip.replaceChildren(box);
    var rect = container.getBoundingClientRect();
    tip.style.left = Math.min(rect.left + pointer.x + 14, window.innerWidth - 370) + "px";
    tip.style.top = (rect.top + pointer.y + 14) + "px";
    tip.hidden = false;
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeBox(p.node, false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeBox(p.edge, false), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    if (p.nodes.length) showDetails(nodeBox(p.nodes[0], true));
    else if (p.edges.length) showDetails(edgeBox(p.edges[0], true));
  });

  // search
  var folded = null;
  function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim(); }
  function matches(text, limit) {
    var q = fold(text);
    if (!q) return [];
    if (!folded) folded = rows.map(function (r) { return [fold(r[1]), r[0]]; });
    var exact = [], prefix = [], inside = [];
    for (var i = 0; i < folded.length; i++) {
      var name = folded[i][0], id = folded[i][1];
      if (name === q || id === q) exact.push(i);
      else if (name.indexOf(q) === 0) prefix.push(i);
      else if (name.indexOf(q) > 0 || id.indexOf(q) >= 0) inside.push(i);
    }
    return exact.concat(prefix, inside).slice(0, limit || 10).map(function (i) { return rows[i][0]; });
  }
  function select(id) {
    var r = rows[byId.get(id)];
    if (!r) return false;
    var kind = kinds[r[2]].name;
    if (hidden.has(kind)) {
      hidden.delete(kind);
      var box = document.querySelector('#legend input[data-kind="' + kind + '"]');
      if (box) box.checked = true;
      nodeView.refresh();
    }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showDetails(nodeBox(id, true));
    return true;
  }
  var input = document.getElementById("search");
  var results = document.getElementById("results");
  function listResults() {
    results.replaceChildren();
    matches(input.value, 10).forEach(function (id) {
      var r = rows[byId.get(id)];
      var li = el("li"), b = el("button");
      b.type = "button";
      b.appendChild(document.createTextNode(r[1] + " "));
      b.appendChild(el("span", kinds[r[2]].name, "kind"));
      b.addEventListener("click", function () { select(id); });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  input.addEventListener("input", listResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = matches(input.value, 1);
      if (found.length) select(found[0]);
    }
  });

  // legend and kind filter
  var counts = Object.create(null);
  rows.forEach(function (r) { counts[r[2]] = (counts[r[2]] || 0) + 1; });
  var legend = document.getElementById("legend");
  var SVG = "http://www.w3.org/2000/svg";
  function swatch(shape, colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var pts = {triangle: "8,1 15,14 1,14", diamond: "8,1 15,8 8,15 1,8",
      star: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"};
    var s;
    if (pts[shape]) { s = document.createElementNS(SVG, "polygon"); s.setAttribute("points", pts[shape]); }
    else if (shape === "square" || shape === "box") {
      s = document.createElementNS(SVG, "rect");
      s.setAttribute("x", "2"); s.setAttribute("y", shape === "box" ? "4" : "2");
      s.setAttribute("width", "12"); s.setAttribute("height", shape === "box" ? "8" : "12");
    } else {
      s = document.createElementNS(SVG, "ellipse");
      s.setAttribute("cx", "8"); s.setAttribute("cy", "8");
      s.setAttribute("rx", shape === "ellipse" ? "7" : "6"); s.setAttribute("ry", shape === "ellipse" ? "4.5" : "6");
    }
    s.setAttribute("fill", colour);
    svg.appendChild(s);
    return svg;
  }
  data.present.forEach(function (ki) {
    var k = kinds[ki];
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kind", k.name);
    box.addEventListener("change", function () {
      if (box.checked) hidden.delete(k.name); else hidden.add(k.name);
      nodeView.refresh();
    });
    label.title = k.doc;
    label.appendChild(box);
    label.appendChild(swatch(k.shape, k.colour));
    label.appendChild(el("span", k.name));
    label.appendChild(el("span", (counts[ki] || 0).toLocaleString("en-GB"), "count"));
    li.appendChild(label);
    legend.appendChild(li);
  });
})();
