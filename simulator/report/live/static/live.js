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
