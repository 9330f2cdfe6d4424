/* notegraph network page. Data comes from #graph-data (JSON); every text from a note is rendered
   with textContent or given to vis-network as a plain string (drawn on canvas / innerText). Never
   innerHTML with data. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const meta = data.meta;
  for (const e of data.edges) e.events = e.events.map((i) => data.event_names[i]);
  const DIM = { background: "#e6e9ec", border: "#d3d8dd" };
  const DIM_FONT = "#b7bec6";
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function nodeColour(n) {
    return {
      background: n.colour, border: shade(n.colour),
      highlight: { background: n.colour, border: "#111" },
      hover: { background: n.colour, border: "#111" },
    };
  }

  function shade(hex) {
    const v = parseInt(hex.slice(1), 16);
    const f = (c) => Math.max(0, Math.round(c * 0.7));
    const r = f(v >> 16), g = f((v >> 8) & 255), b = f(v & 255);
    return "#" + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
  }

  function nodeTip(n) {
    const lines = [n.label, kindName(n.kind) + (n.year ? " · " + n.year : "")];
    if (n.roles.length) lines.push("Roles: " + n.roles.join(", "));
    if (n.region) lines.push("Region: " + n.region);
    lines.push(n.degree + " links · " + n.evidence.length + " quotes (click for evidence)");
    return lines.join("\n");
  }

  function edgeTip(e) {
    const a = byId.get(e.from), b = byId.get(e.to);
    const lines = [a.label + " — " + b.label, "Weight " + e.weight];
    if (e.roles.length) lines.push("Roles: " + e.roles.join(", "));
    if (e.years.length) lines.push("Years: " + e.years.join(", "));
    return lines.join("\n");
  }

  function kindName(kind) {
    const names = { state: "State", organization: "Organisation", agency: "Agency",
      unresolved: "Unresolved name", event: "Event" };
    return names[kind] || kind;
  }

  /* Fixed label sizes: hubs large, events small; vis hides a label once it would be drawn smaller
     than drawThreshold, so zooming out leaves only the important names. */
  function fontFor(n, colour) {
    const size = n.kind === "event" ? 10 : Math.round(12 + 10 * n.centrality);
    return { size: size, color: colour };
  }

  function visNode(n) {
    const item = {
      id: n.id, label: n.label, title: nodeTip(n), shape: n.shape, value: n.value,
      x: n.x, y: n.y, color: nodeColour(n), font: fontFor(n, "#1d2630"), borderWidth: 1.5,
    };
    if (n.kind === "unresolved") item.shapeProperties = { borderDashes: [4, 3] };
    return item;
  }

  const nodes = new vis.DataSet(data.nodes.map(visNode));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, from: e.from, to: e.to, value: e.weight, title: edgeTip(e),
    color: edgeColour(e),
  })));

  /* ---- filters ---- */
  /* Regions and event types are keyed by their text; "" stands for "not known" (null). */
  const REGION_KINDS = ["state", "agency"];
  const state = { kinds: new Set(meta.kinds.map((k) => k.kind)),
    roles: new Set(meta.roles.map((r) => r.role)),
    regions: new Set(meta.regions.map((r) => r || "")),
    types: new Set(meta.event_types.map((t) => t || "")),
    years: meta.years ? meta.years.slice() : null, hideIsolated: false };

  function rolesPass(roles) {
    return roles.length === 0 || roles.some((r) => state.roles.has(r));
  }
  function yearPass(y) {
    return !state.years || y === null || (y >= state.years[0] && y <= state.years[1]);
  }
  function typePass(t) {
    return !meta.event_types.length || state.types.has(t || "");
  }
  function nodePass(n) {
    if (!state.kinds.has(n.kind) || !rolesPass(n.roles)) return false;
    if (meta.regions.length && REGION_KINDS.includes(n.kind) && !state.regions.has(n.region || "")) return false;
    if (n.kind === "event" && !typePass(n.event_type)) return false;
    return yearPass(n.year);
  }
  /* A link of a projection stands for shared events: it stays while one of them is in the
     chosen years and of a chosen type (facets: [year, type] of each, distinct). */
  function edgePass(e) {
    if (!rolesPass(e.roles)) return false;
    if (e.facets.length) {
      if (!e.facets.some((i) => yearPass(meta.facets[i][0]) && typePass(meta.facets[i][1]))) return false;
    } else if (state.years && e.years.length && !e.years.some(yearPass)) return false;
    return nodePass(byId.get(e.from)) && nodePass(byId.get(e.to));
  }
  let linked = null; // node ids with at least one visible edge, when hiding isolated nodes
  function computeLinked() {
    if (!state.hideIsolated) { linked = null; return; }
    linked = new Set();
    for (const e of data.edges) if (edgePass(e)) { linked.add(e.from); linked.add(e.to); }
  }
  const nodeView = new vis.DataView(nodes, {
    filter: (item) => nodePass(byId.get(item.id)) && (linked === null || linked.has(item.id)),
  });
  const edgeView = new vis.DataView(edges, { filter: (item) => edgePass(edgeById.get(item.id)) });

  function applyFilters() {
    clearHighlight();
    computeLinked();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }

  function updateCounts() {
    $("counts").textContent = "Showing " + nodeView.length + " of " + data.nodes.length +
      " nodes and " + edgeView.length + " of " + data.edges.length + " links." +
      (meta.physics ? "" : " Positions precomputed (physics off).");
  }

  function checkbox(container, id, text, checked, onChange, decorate) {
    const label = el("label", null, "check");
    const box = document.createElement("input");
    box.type = "checkbox"; box.id = id; box.checked = checked;
    box.addEventListener("change", () => onChange(box.checked));
    label.appendChild(box);
    if (decorate) label.appendChild(decorate);
    label.appendChild(document.createTextNode(text));
    container.appendChild(label);
    return box;
  }

  /* One checkbox per value (ids by position: the values are text from the notes). */
  function choices(fieldset, prefix, values, chosen, unknown) {
    if (!values.length) { fieldset.hidden = true; return; }
    values.forEach((value, i) => {
      const key = value || "";
      const box = checkbox(fieldset, prefix + "-" + i, value || unknown, true, (on) => {
        on ? chosen.add(key) : chosen.delete(key); applyFilters();
      });
      box.dataset.value = key;
    });
  }

  function buildFilters() {
    const kinds = $("filter-kinds");
    for (const k of meta.kinds) {
      checkbox(kinds, "kind-" + k.kind, kindName(k.kind), true, (on) => {
        on ? state.kinds.add(k.kind) : state.kinds.delete(k.kind); applyFilters();
      });
    }
    const roles = $("filter-roles");
    if (!meta.roles.length) roles.hidden = true;
    if (meta.roles_from_quoted_events) roles.appendChild(el("p", "As read at the quoted events.", "legend-note"));
    for (const r of meta.roles) {
      checkbox(roles, "role-" + r.role, r.role, true, (on) => {
        on ? state.roles.add(r.role) : state.roles.delete(r.role); applyFilters();
      });
    }
    choices($("filter-regions"), "region", meta.regions, state.regions, "Region not known");
    choices($("filter-types"), "type", meta.event_types, state.types, "Type not known");
    const years = $("filter-years");
    if (!meta.years) { years.hidden = true; return; }
    const grid = el("div", null, "years");
    const inputs = ["from", "to"].map((which, i) => {
      const input = document.createElement("input");
      input.type = "range"; input.id = "year-" + which;
      input.min = meta.years[0]; input.max = meta.years[1]; input.step = 1;
      input.value = meta.years[i];
      const out = el("output", meta.years[i]);
      out.id = "year-" + which + "-value";
      grid.appendChild(out); grid.appendChild(input);
      return [input, out];
    });
    years.appendChild(grid);
    const onInput = () => {
      let lo = Number(inputs[0][0].value), hi = Number(inputs[1][0].value);
      if (lo > hi) [lo, hi] = [hi, lo];
      inputs[0][1].textContent = lo; inputs[1][1].textContent = hi;
      state.years = [lo, hi]; applyFilters();
    };
    inputs.forEach(([input]) => input.addEventListener("input", onInput));
  }

  /* ---- legend ---- */
  function shapeIcon(shape, fill, dashed) {
    const NS = "http://www.w3.org/2000/svg"; // an XML namespace name, never fetched
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", "18"); svg.setAttribute("height", "18");
    svg.setAttribute("viewBox", "0 0 18 18");
    let s;
    const poly = (pts) => { s = document.createElementNS(NS, "polygon"); s.setAttribute("points", pts); };
    if (shape === "diamond") poly("9,1 17,9 9,17 1,9");
    else if (shape === "triangle") poly("9,2 17,16 1,16");
    else if (shape === "star") poly("9,1 11.3,6.5 17,7 12.6,10.8 14,16.5 9,13.4 4,16.5 5.4,10.8 1,7 6.7,6.5");
    else if (shape === "square") {
      s = document.createElementNS(NS, "rect");
      for (const [k, v] of [["x", 2], ["y", 2], ["width", 14], ["height", 14]]) s.setAttribute(k, v);
    } else {
      s = document.createElementNS(NS, "circle");
      for (const [k, v] of [["cx", 9], ["cy", 9], ["r", 7]]) s.setAttribute(k, v);
    }
    s.setAttribute("fill", fill); s.setAttribute("stroke", "#4a5663"); s.setAttribute("stroke-width", "1.2");
    if (dashed) s.setAttribute("stroke-dasharray", "3,2");
    svg.appendChild(s);
    return svg;
  }

  function row(container, icon, text) {
    const r = el("div", null, "legend-row");
    r.appendChild(icon); r.appendChild(el("span", text)); container.appendChild(r);
  }

  function buildLegend() {
    const kinds = $("legend-kinds");
    kinds.appendChild(el("div", "Shape: kind of node", "legend-note"));
    for (const k of meta.kinds) row(kinds, shapeIcon(k.shape, "#cfd6dd", k.kind === "unresolved"), kindName(k.kind));
    const comms = $("legend-communities");
    comms.appendChild(el("div", "Colour: community (Louvain); size: centrality", "legend-note"));
    const named = meta.communities.filter((c) => c.colour !== meta.other_colour);
    for (const c of named.slice(0, 12)) {
      const sw = el("span", null, "swatch"); sw.style.background = c.colour;
      const name = c.leader.length > 40 ? c.leader.slice(0, 39) + "…" : c.leader;
      row(comms, sw, c.size > 1 ? name + " and " + (c.size - 1) + " more" : name);
    }
    if (meta.communities.length > named.length) {
      const sw = el("span", null, "swatch"); sw.style.background = meta.other_colour;
      row(comms, sw, (meta.communities.length - named.length) + " smaller communities");
    }
    const roles = $("legend-roles");
    if (!meta.roles.length) return;
    roles.appendChild(el("div", "Link colour: strongest role; width: weight", "legend-note"));
    for (const r of meta.roles) {
      const sw = el("span", null, "swatch-line"); sw.style.background = r.colour;
      row(roles, sw, r.role);
    }
  }

  /* ---- evidence panel ---- */
  /* `item` is a node or a link; `events` the number of events it stands for (if known). */
  function evidenceList(panel, item, events) {
    const evidence = item.evidence;
    panel.appendChild(el("h3", "Evidence (" + evidence.length + (evidence.length === 1 ? " quote)" : " quotes)")));
    if (item.quoted_events !== null && events && item.quoted_events < events) {
      panel.appendChild(el("p", "Quotes from " + item.quoted_events + " of " + events + " events.", "hint"));
    }
    if (!evidence.length) {
      const why = item.quoted_events === 0 && events ? "No quote read for this page (too many links)." : "No quote recorded.";
      panel.appendChild(el("p", why, "hint"));
      return;
    }
    const list = el("ol");
    for (const ev of evidence) {
      const li = el("li");
      li.appendChild(el("blockquote", ev.quote));
      li.appendChild(el("div", ev.note + (ev.line !== null ? ", line " + ev.line : ""), "source"));
      list.appendChild(li);
    }
    panel.appendChild(list);
    if (item.evidence_total > evidence.length) {
      panel.appendChild(el("p", "… and " + (item.evidence_total - evidence.length) + " more, not in this page.", "hint"));
    }
  }

  function linkTo(id) {
    const b = el("button", byId.get(id).label, "link");
    b.type = "button";
    b.addEventListener("click", () => { select(id); network.focus(id, { animation: { duration: 300 } }); });
    return b;
  }

  function showNode(n) {
    const panel = $("evidence");
    panel.replaceChildren();
    panel.appendChild(el("h2", n.label));
    const facts = [kindName(n.kind)];
    if (n.event_type) facts.push(n.event_type);
    if (n.start) facts.push(n.start); else if (n.year !== null) facts.push(String(n.year));
    if (n.status) facts.push(n.status);
    if (n.region) facts.push(n.region);
    panel.appendChild(el("p", facts.join(" · "), "facts"));
    if (n.roles.length) {
      const at = meta.roles_from_quoted_events ? " (at the quoted events)" : "";
      panel.appendChild(el("p", "Roles" + at + ": " + n.roles.join(", "), "facts"));
    }
    if (n.events_total !== null) panel.appendChild(el("p", n.events_total + " events", "facts"));
    panel.appendChild(el("p", n.degree + " links · centrality " + n.centrality.toFixed(3), "facts"));
    if (n.iri) panel.appendChild(el("p", n.iri, "source"));
    evidenceList(panel, n, n.events_total);
    const neighbours = network.getConnectedNodes(n.id);
    if (neighbours.length) {
      panel.appendChild(el("h3", "Linked to (" + neighbours.length + ")"));
      const ul = el("ul", null, "neighbours");
      neighbours.map((id) => byId.get(id)).sort((a, b) => b.centrality - a.centrality).slice(0, 60)
        .forEach((m) => { const li = el("li"); li.appendChild(linkTo(m.id)); ul.appendChild(li); });
      panel.appendChild(ul);
    }
  }

  function showEdge(e) {
    const panel = $("evidence");
    panel.replaceChildren();
    const h = el("h2");
    h.appendChild(linkTo(e.from)); h.appendChild(document.createTextNode(" — ")); h.appendChild(linkTo(e.to));
    panel.appendChild(h);
    panel.appendChild(el("p", "Weight " + e.weight, "facts"));
    if (e.roles.length) panel.appendChild(el("p", "Roles: " + e.roles.join(", "), "facts"));
    if (e.years.length) panel.appendChild(el("p", "Years: " + e.years.join(", "), "facts"));
    if (e.event_types.length) panel.appendChild(el("p", "Event types: " + e.event_types.join(", "), "facts"));
    if (e.events.length) {
      panel.appendChild(el("h3", "Shared events (" + e.events_total + ")"));
      const ul = el("ul", null, "neighbours");
      e.events.forEach((name) => ul.appendChild(el("li", name)));
      panel.appendChild(ul);
      if (e.events_total > e.events.length) {
        panel.appendChild(el("p", "… and " + (e.events_total - e.events.length) + " more, not in this page.", "hint"));
      }
    }
    evidenceList(panel, e, e.events.length ? e.events_total : null);
    if (e.events.length && (e.events_total > e.events.length || e.evidence_total > e.evidence.length ||
        (e.quoted_events !== null && e.quoted_events < e.events_total))) {
      panel.appendChild(el("p", "Every shared event and quote: notegraph query shared-events --actor " +
        e.from + " --other " + e.to + " --explain", "source"));
    }
  }

  /* ---- neighbour highlighting ---- */
  let dimmed = [];
  let dimmedEdges = [];
  let boosted = []; // neighbours whose labels are enlarged so they show at the current zoom
  function edgeColour(e) {
    return { color: e.colour, highlight: "#111", hover: "#111", opacity: meta.physics ? 0.75 : 0.35 };
  }
  function clearHighlight() {
    if (dimmed.length) {
      nodes.update(dimmed.map((id) => ({ id: id, color: nodeColour(byId.get(id)), font: fontFor(byId.get(id), "#1d2630") })));
    }
    if (dimmedEdges.length) {
      edges.update(dimmedEdges.map((id) => ({ id: id, color: edgeColour(edgeById.get(id)) })));
    }
    if (boosted.length) {
      nodes.update(boosted.map((id) => ({ id: id, font: fontFor(byId.get(id), "#1d2630") })));
    }
    dimmed = []; dimmedEdges = []; boosted = [];
  }
  function highlight(ids, keepEdge) {
    clearHighlight();
    const keep = new Set(ids);
    dimmed = nodeView.getIds().filter((id) => !keep.has(id));
    nodes.update(dimmed.map((id) => ({ id: id, color: DIM, font: fontFor(byId.get(id), DIM_FONT) })));
    boosted = ids.slice(0, 80);
    const size = Math.min(40, Math.max(14, Math.ceil(10 / network.getScale())));
    nodes.update(boosted.map((id) => ({ id: id, font: { size: Math.max(size, fontFor(byId.get(id), "").size), color: "#1d2630" } })));
    if (edgeView.length > 30000) return;
    const centre = ids[0];
    dimmedEdges = edgeView.getIds().filter((id) => {
      const e = edgeById.get(id);
      return keepEdge ? id !== keepEdge : e.from !== centre && e.to !== centre;
    });
    edges.update(dimmedEdges.map((id) => ({ id: id, color: { color: "#e3e6e9", opacity: 0.6 } })));
  }

  function select(id) {
    if (byId.has(id)) {
      if (nodeView.get(id) === null) return false;
      network.selectNodes([id]);
      highlight([id].concat(network.getConnectedNodes(id)));
      showNode(byId.get(id));
      return true;
    }
    if (edgeById.has(id) && edgeView.get(id) !== null) {
      const e = edgeById.get(id);
      network.selectEdges([id]);
      highlight([e.from, e.to], id);
      showEdge(e);
      return true;
    }
    return false;
  }

  /* ---- search ---- */
  function find(text) {
    const q = text.trim().toLowerCase();
    if (!q) return null;
    const ranked = (pred) => data.nodes.filter(pred).sort((a, b) => b.centrality - a.centrality)[0] || null;
    const tail = (id) => id.slice(id.lastIndexOf("/") + 1).toLowerCase();
    return ranked((n) => n.label.toLowerCase() === q || n.aliases.some((a) => a.toLowerCase() === q)) ||
      ranked((n) => n.id.toLowerCase() === q || tail(n.id) === q) ||
      ranked((n) => n.label.toLowerCase().startsWith(q)) || ranked((n) => n.label.toLowerCase().includes(q));
  }

  function focus(text) {
    const status = $("search-status");
    const n = find(String(text));
    if (!n) { status.textContent = "No node matches “" + text + "”."; return null; }
    if (nodeView.get(n.id) === null) {
      status.textContent = "“" + n.label + "” is hidden by the filters."; return null;
    }
    status.textContent = "";
    network.focus(n.id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    select(n.id);
    return n.id;
  }

  /* ---- the network ---- */
  const big = !meta.physics;
  const options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1540 },
    nodes: {
      scaling: { min: 8, max: 36, label: { enabled: false, drawThreshold: 9, maxVisible: 28 } },
      font: { face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
    },
    edges: { smooth: big ? false : { type: "continuous" }, scaling: { min: 1, max: 8 }, selectionWidth: 2 },
    physics: big ? { enabled: false } : {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -9000, springLength: 140, springConstant: 0.03, damping: 0.35, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 50, fit: true },
    },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 150, multiselect: false },
  };
  const network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, options);

  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0]);
    else if (params.edges.length) select(params.edges[0]);
    else { clearHighlight(); }
  });

  const api = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    data: data, focus: focus, select: select, ready: false, readyAt: null };
  window.notegraph = api;

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now();
    document.body.dataset.ready = "true";
    window.dispatchEvent(new Event("notegraph:ready"));
  }
  if (data.nodes.length === 0) {
    markReady();
  } else if (meta.physics) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  buildFilters();
  buildLegend();
  updateCounts();
  const datalist = $("labels");
  if (data.nodes.length <= 5000) {
    for (const n of data.nodes) { const o = document.createElement("option"); o.value = n.label; datalist.appendChild(o); }
  }
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { ev.preventDefault(); focus($("search").value); }
  });
  $("hide-isolated").addEventListener("change", (ev) => { state.hideIsolated = ev.target.checked; applyFilters(); });
  $("reset").addEventListener("click", () => {
    clearHighlight(); network.unselectAll(); network.fit();
    $("evidence").replaceChildren(el("p", "Click a node or a link to see the notes and quotes behind it.", "hint"));
  });
})();
