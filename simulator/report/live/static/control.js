// rampsim live exercise: the exercise control page (ground truth, the clock, injects, decisions).
"use strict";
const DUE_WINDOW_MIN = 60; // injects not delivered stay listed as due this long after their time
const state = {clock: null, forecast: [], delivered: new Map(), parties: [], feed: 0};

const clockBox = section("controls", t("clock"));
const startButton = el("button", {id: "start", text: t("start"), on: {click: () => api.send({type: "start"})}});
const pauseButton = el("button", {id: "pause", text: t("pause"), on: {click: () => api.send({type: "pause"})}});
const speedInput = el("input", {id: "speed", type: "number", min: "1", step: "any", size: "6"});
const jumpInput = el("input", {id: "jump", type: "number", min: "1", step: "1", size: "6"});
const endButton = el("button", {id: "end", class: "danger", text: t("end"), on: {click: () => {
  if (confirm(t("end_confirm"))) api.send({type: "end"});
}}});
clockBox.append(
  el("div", {class: "row"}, startButton, pauseButton),
  el("label", {}, t("speed") + " ", speedInput,
    el("button", {id: "set-speed", text: t("set_speed"), on: {click: () => api.send({type: "speed", speed: Number(speedInput.value)})}})),
  el("label", {}, t("jump") + " ", jumpInput,
    el("button", {id: "jump-go", text: t("jump_go"), on: {click: () => api.send({type: "jump", minute: Number(jumpInput.value)})}})),
  el("div", {class: "row"}, endButton));
const situation = section("situation", t("teams"));
const deadlinesBox = section("deadlines", t("deadlines"));
const mapBox = section("map", t("map_truth"));
const forecastBox = section("forecast", t("forecast"));
const injectBox = section("inject", t("inject_form"));
const decisionsBox = section("decisions", t("decisions"));
const decisionList = el("ol", {id: "decision-list", class: "decisions"});
decisionsBox.append(decisionList);
const feedBox = section("feed", t("feed"));
const feedList = el("ol", {id: "feed-list", class: "feed", reversed: true});
feedBox.append(feedList);
const statusBox = section("status", t("status"));
const linksBox = section("links", t("links"));

function showSituation(m) {
  situation.replaceChildren(el("h2", {text: t("teams")}),
    el("p", {id: "grip", class: "grip", text: t("grip", {level: m.grip})}),
    el("p", {id: "teams", text: m.teams.length ? m.teams.join(", ") : t("none")}));
}

function showDeadlines(list) {
  deadlinesBox.replaceChildren(el("h2", {text: t("deadlines")}), el("ul", {id: "deadline-list"}, ...list.map((d) =>
    el("li", {class: "deadline " + d.state}, el("b", {text: d.name}), " (" + d.org + ") ",
      t("deadline_due", {clock: d.due}), " — ", el("span", {class: "state", text: t("deadline_" + d.state)})))));
}

function showStatus(list) {
  const rows = list.map((a) => {
    const status = a.service <= 0 ? "failed" : a.service < 1 ? "degraded" : "operational";
    return el("tr", {class: status, "data-asset": a.id}, el("td", {text: a.name}),
      el("td", {text: Math.round(a.service * 100) + "%" + (a.manual ? " (" + t("manual") + ")" : "")}));
  });
  statusBox.replaceChildren(el("h2", {text: t("status")}), el("table", {id: "status-table"}, ...rows));
}

function truthStatus(list) {
  return new Map(list.map((a) => [a.id, a.manual ? "manual" : a.service <= 0 ? "failed" : a.service < 1 ? "degraded" : "operational"]));
}

function showForecast(busy) {
  const now = state.clock ? state.clock.minute : 0;
  const rows = state.forecast.filter((r) => !state.delivered.has(r.key) && r.time_min > now - DUE_WINDOW_MIN);
  const items = rows.map((r) => {
    const select = el("select", {class: "to"}, ...state.parties.map((p) =>
      el("option", {value: p.id, selected: p.id === r.party, text: p.name})));
    return el("li", {class: r.time_min <= now ? "due" : "ahead", "data-key": r.key},
      el("time", {text: r.clock}), r.time_min <= now ? el("span", {class: "badge", text: t("due")}) : null,
      el("div", {class: "route", text: r.from + " → " + r.to + " (" + r.method + ")"}),
      el("p", {text: r.message}),
      el("details", {}, el("summary", {text: t("expected")}), el("pre", {text: r.expected_action})),
      el("div", {class: "row"}, select,
        el("button", {class: "deliver", text: t("deliver"), on: {click: () => api.send({type: "deliver", key: r.key, to: select.value})}})));
  });
  forecastBox.replaceChildren(...[el("h2", {text: t("forecast")}),
    busy ? el("p", {class: "busy", text: t("forecast_busy")}) : null].filter(Boolean),
    el("ol", {id: "forecast-list"}, ...items),
    el("ul", {id: "delivered-list"}, ...[...state.delivered.values()].map((d) =>
      el("li", {class: "delivered", text: t("delivered", {party: d.to_name, clock: d.clock})}))));
}

function buildInjectForm(types, assets) {
  const type = el("select", {id: "inject-type"}, ...types.map((x) => el("option", {value: x, text: x})));
  const target = el("select", {id: "inject-target"}, ...assets.map((a) => el("option", {value: a.id, text: a.name})));
  const options = el("input", {id: "inject-options", type: "text", placeholder: "{duration: 2h}"});
  const rationale = el("input", {id: "inject-rationale", type: "text"});
  injectBox.replaceChildren(el("h2", {text: t("inject_form")}),
    el("label", {}, t("inject_type") + " ", type), el("label", {}, t("inject_target") + " ", target),
    el("label", {}, t("inject_options") + " ", options), el("label", {}, t("rationale") + " ", rationale),
    el("button", {id: "inject-send", text: t("inject_send"), on: {click: () => api.send({
      type: "inject", inject: {type: type.value, target: target.value}, options: options.value, rationale: rationale.value})}}));
}

function showLinks(parties) {
  linksBox.replaceChildren(el("h2", {text: t("links")}), el("ul", {}, ...parties.map((p) => {
    const href = location.origin + "/play/" + p.id + "?token=" + p.token;
    return el("li", {}, el("a", {href: href, target: "_blank", text: p.name}));
  })));
}

function addEvents(events) {
  for (const e of events) feedList.prepend(eventItem(e));
  state.feed += events.length;
  feedList.dataset.count = state.feed;
}

function clockChanged(clock) {
  const before = state.clock;
  state.clock = clock;
  showClock(clock);
  speedInput.placeholder = clock.speed;
  if (!document.activeElement || document.activeElement !== speedInput) speedInput.value = clock.speed;
  for (const b of [startButton, pauseButton, endButton]) b.disabled = clock.ended;
  if (!before || Math.floor(before.minute / 15) !== Math.floor(clock.minute / 15)) showForecast(false);
}

const api = connect((m) => {
  if (m.type === "snapshot") {
    state.parties = m.parties;
    state.forecast = m.forecast;
    state.delivered = new Map(m.deliveries.map((d) => [d.key, d]));
    feedList.replaceChildren();
    state.feed = 0;
    addEvents(m.feed);
    decisionList.replaceChildren(...m.decisions.map(outcomeItem));
    showSituation(m);
    showDeadlines(m.deadlines);
    showStatus(m.status);
    drawMap(mapBox, t("map_truth"), m.map, ["operational", "degraded", "failed", "manual"]);
    colourMap(mapBox, truthStatus(m.status));
    buildInjectForm(m.inject_types, m.assets);
    showLinks(m.parties);
    clockChanged(m.clock);
    showForecast(m.forecast_busy);
    if (m.run_path) notice(t("ended", {path: m.run_path}), "ok");
  } else if (m.type === "update") {
    addEvents(m.events);
    if (m.grip !== undefined) showSituation(m);
    if (m.deadlines) showDeadlines(m.deadlines);
    if (m.status) {
      showStatus(m.status);
      colourMap(mapBox, truthStatus(m.status));
    }
    clockChanged(m.clock);
  } else if (m.type === "decision") {
    decisionList.append(outcomeItem(m.outcome));
  } else if (m.type === "forecast") {
    state.forecast = m.rows;
    showForecast(m.busy);
  } else if (m.type === "delivered") {
    state.delivered.set(m.delivery.key, m.delivery);
    showForecast(false);
  } else if (m.type === "ended") {
    clockChanged(m.clock);
    notice(t("ended", {path: m.path}), "ok");
  } else if (m.type === "error") {
    notice(m.message, "error");
  }
});
