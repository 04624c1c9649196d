// rampsim live exercise: what both pages share (the socket, the clock, small DOM helpers).
"use strict";
const S = JSON.parse(document.getElementById("strings").textContent);

function t(key, params) {
  let s = S[key] !== undefined ? S[key] : key;
  for (const [k, v] of Object.entries(params || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function section(id, title) {
  const box = el("section", {id: id}, el("h2", {text: title}));
  document.getElementById("app").append(box);
  return box;
}

function showClock(clock) {
  const state = clock.ended || clock.finished ? t("finished") : clock.running ? t("running") : t("paused");
  const box = document.getElementById("clock");
  box.replaceChildren(
    el("span", {id: "wallclock", class: "wall", text: clock.clock}),
    el("span", {id: "minute", class: "elapsed", "data-minute": clock.minute, text: "T+" + clock.elapsed}),
    el("span", {id: "clockstate", class: "state", text: state}));
}

function notice(message, kind) {
  const box = document.getElementById("notice");
  box.hidden = !message;
  box.textContent = message || "";
  box.className = "notice " + (kind || "");
}

function eventItem(e) {
  const known = e.known_min !== undefined && e.known_min !== null && e.known_min > e.time_min + 0.5;
  return el("li", {class: "event kind-" + e.kind.split(".")[0], "data-event": e.id, "data-kind": e.kind, "data-ref": e.ref || null},
    el("time", {text: e.clock.slice(11, 16)}), " ", e.message,
    known ? el("small", {text: " (" + e.known_clock + ")"}) : null);
}

function outcomeItem(o) {
  const what = [o.action_name, o.targets.join(", "), o.detail].filter(Boolean).join(" — ");
  return el("li", {class: o.taken ? "taken" : "refused", "data-decision": o.id},
    el("time", {text: o.clock.slice(6)}), " ", el("b", {text: o.by_name}), ": ", what,
    o.rationale ? el("q", {text: o.rationale}) : null, " ",
    el("span", {class: "outcome", text: o.taken ? t("taken") : t("refused", {reason: o.reason})}));
}

function connect(onMessage) {
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + document.body.dataset.ws;
  let socket;
  let request = 0;
  const api = {
    send(message) {
      message.request = ++request;
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      return request;
    },
  };
  function open() {
    socket = new WebSocket(url);
    socket.onopen = () => notice("");
    socket.onmessage = (m) => onMessage(JSON.parse(m.data));
    socket.onclose = (e) => {
      if (e.code === 1008) return notice("403", "error");
      notice(t("disconnected"), "error");
      setTimeout(open, 1000);
    };
  }
  open();
  return api;
}

// --- the map: the asset graph as SVG, from the server's layout (the browser replay's markers) ---
const SVG_NS = "http://www.w3.org/2000/svg";
const LABEL_CHARS = 30;

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function shortName(name) {
  return name.length <= LABEL_CHARS ? name : name.slice(0, LABEL_CHARS - 1).trimEnd() + "…";
}

// Draw `map` ({width, height, nodes: [{id, name, x, y, status}], links: [[from, to]]}) into `box`;
// `statuses` are the legend's entries, `onPick(asset)` is called when a node is clicked.
function drawMap(box, title, map, statuses, onPick) {
  const graph = svg("svg", {id: "map-graph", viewBox: "0 0 " + map.width + " " + map.height, role: "img",
    "aria-label": title, "data-count": map.nodes.length});
  const at = new Map(map.nodes.map((n) => [n.id, n]));
  const links = svg("g", {id: "map-links"}, ...map.links.filter(([a, b]) => at.has(a) && at.has(b)).map(([a, b]) =>
    svg("line", {class: "link", "data-from": a, "data-to": b, x1: at.get(a).x, y1: at.get(a).y, x2: at.get(b).x, y2: at.get(b).y})));
  const nodes = svg("g", {id: "map-nodes"}, ...map.nodes.map((n) => {
    const end = n.x > map.width / 2;
    const node = svg("g", {class: "node", "data-asset": n.id, transform: "translate(" + n.x + " " + n.y + ")"},
      svg("title", {text: n.name}), svg("use", {x: -20, y: -20, width: 40, height: 40}),
      svg("text", {class: "label", x: end ? -24 : 24, y: 7, "text-anchor": end ? "end" : "start", text: shortName(n.name)}));
    if (onPick) node.addEventListener("click", () => onPick(n.id));
    return node;
  }));
  graph.append(links, nodes);
  const legend = el("ul", {class: "legend"}, ...statuses.map((s) => el("li", {},
    keySymbol(svg("use", {href: "#m-" + s, x: -16, y: -16, width: 32, height: 32})),
    t("map_status_" + s) + " ", el("span", {class: "count", "data-count": s}))),
  el("li", {}, keySymbol(svg("line", {class: "link-key", x1: -16, y1: 0, x2: 16, y2: 0})), t("map_supply_lost")));
  box.replaceChildren(el("h2", {text: title}), graph, legend);
  colourMap(box, new Map(map.nodes.map((n) => [n.id, n.status || "operational"])));
}

function keySymbol(shape) {
  const key = svg("svg", {class: "key", viewBox: "-16 -16 32 32"}, shape);
  return key;
}

// Colour the nodes of the map in `box` by `status` (asset -> status); a line from a supplier that is
// not operational is drawn as a cut supply (as in the replay); an unknown state cuts nothing.
function colourMap(box, status) {
  const tally = {};
  for (const node of box.querySelectorAll("#map-nodes .node")) {
    const s = status.get(node.dataset.asset) || "operational";
    node.setAttribute("data-status", s);
    node.querySelector("use").setAttribute("href", "#m-" + s);
    tally[s] = (tally[s] || 0) + 1;
  }
  for (const line of box.querySelectorAll("#map-links .link")) {
    const s = status.get(line.dataset.from) || "operational";
    line.classList.toggle("cut", s !== "operational" && s !== "unknown");
  }
  for (const count of box.querySelectorAll(".legend .count")) count.textContent = "(" + (tally[count.dataset.count] || 0) + ")";
}
