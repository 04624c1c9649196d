// rampsim live exercise: a player's page (what its organisation knows, its inbox, its decisions).
"use strict";
const mine = {form: null, status: new Map(), feed: 0};

const inboxBox = section("inbox", t("inbox"));
const inboxList = el("ol", {id: "inbox-list", class: "inbox"});
inboxBox.append(inboxList);
const formBox = section("decide", t("decide"));
const decisionsBox = section("my-decisions", t("my_decisions"));
const decisionList = el("ol", {id: "decision-list", class: "decisions"});
decisionsBox.append(decisionList);
const feedBox = section("known", t("known_feed"));
const feedList = el("ol", {id: "feed-list", class: "feed", reversed: true});
feedBox.append(feedList);
const mapBox = section("map", t("map"));
const statusBox = section("known-status", t("known_status"));

function inboxItem(item) {
  return el("li", {"data-key": item.key}, el("time", {text: item.delivered}), " ",
    el("b", {text: item.from}), " (" + item.method + ")", el("p", {text: item.message}));
}

function showStatus() {
  const rows = [...mine.status.values()].map((s) => el("tr", {class: s.status, "data-asset": s.asset},
    el("td", {text: s.name}), el("td", {text: t("status_" + s.status)}), el("td", {text: s.since.slice(11, 16)})));
  statusBox.replaceChildren(el("h2", {text: t("known_status")}), el("table", {id: "status-table"}, ...rows));
}

function field(label, control, name) {
  return el("label", {"data-field": name}, label + " ", control);
}

// A click on the map makes that asset the decision's target (switching to an action that takes one).
function pick(asset) {
  const action = document.getElementById("action");
  const target = document.getElementById("target");
  if (!action || !target) return;
  const offered = () => [...target.options].some((o) => o.value === asset) && !target.closest("label").hidden;
  if (!offered()) {
    const other = mine.form.actions.find((a) => a.target);
    if (!other) return;
    action.value = other.id;
    action.dispatchEvent(new Event("change"));
    if (!offered()) return;
  }
  target.value = asset;
  for (const node of mapBox.querySelectorAll(".node")) node.classList.toggle("picked", node.dataset.asset === asset);
  target.focus();
}

function showMap(map) {
  drawMap(mapBox, t("map"), map, ["operational", "degraded", "failed", "unknown"], pick);
  mapBox.append(el("p", {class: "hint", text: map.nodes.length ? t("map_hint") : t("map_empty")}));
  const picked = document.getElementById("target") ? document.getElementById("target").value : "";
  for (const node of mapBox.querySelectorAll(".node")) node.classList.toggle("picked", node.dataset.asset === picked);
}

function buildForm(form) {
  const keep = formBox.querySelector("#action") ? formBox.querySelector("#action").value : null;
  const keepTarget = formBox.querySelector("#target") ? formBox.querySelector("#target").value : "";
  mine.form = form;
  const action = el("select", {id: "action"}, ...form.actions.map((a) => el("option", {value: a.id, text: a.name})));
  if (keep && form.actions.some((a) => a.id === keep)) action.value = keep;
  const target = el("select", {id: "target"});
  const crew = el("select", {id: "crew"}, el("option", {value: "", text: t("crew_default")}),
    ...form.crews.map((c) => el("option", {value: c, text: c})));
  const level = el("select", {id: "level"}, ...form.levels.map((l) => el("option", {value: l, text: "GRIP " + l})));
  const size = el("input", {id: "size", type: "number", min: "1", value: "1", size: "4"});
  const deadline = el("select", {id: "deadline"}, ...form.deadlines.map((d) => el("option", {value: d.id, text: d.name})));
  const rationale = el("input", {id: "rationale", type: "text"});
  const fields = {target: field(t("target"), target, "target"), crew: field(t("crew"), crew, "crew"),
    level: field(t("level"), level, "level"), size: field(t("size"), size, "size"), deadline: field(t("deadline"), deadline, "deadline")};
  function refresh() {
    const a = form.actions.find((x) => x.id === action.value) || {};
    const kept = target.value;
    target.replaceChildren(el("option", {value: "", text: "—"}), ...form.targets
      .filter((x) => action.value === "evacuate" || !x.zone).map((x) => el("option", {value: x.id, text: x.name})));
    if ([...target.options].some((o) => o.value === kept)) target.value = kept;
    fields.target.hidden = !a.target && !["nl_alert", "inform_public", "ask_help", "reinforce", "ordinance"].includes(a.id);
    fields.level.hidden = a.id !== "grip";
    fields.size.hidden = a.id !== "call_crew";
    fields.deadline.hidden = a.id !== "notify";
  }
  action.addEventListener("change", refresh);
  target.addEventListener("change", () => {
    for (const node of mapBox.querySelectorAll(".node")) node.classList.toggle("picked", node.dataset.asset === target.value);
  });
  const submit = el("button", {id: "submit", text: t("submit"), on: {click: (ev) => {
    ev.preventDefault();
    const decision = {action: action.value, rationale: rationale.value};
    if (!fields.target.hidden && target.value) decision.target = [target.value];
    if (crew.value) decision.crew = crew.value;
    if (!fields.level.hidden) decision.level = Number(level.value);
    if (!fields.size.hidden) decision.size = Number(size.value);
    if (!fields.deadline.hidden) decision.deadline = deadline.value;
    api.send({type: "decide", decision: decision});
    rationale.value = "";
  }}});
  formBox.replaceChildren(el("h2", {text: t("decide")}), el("form", {id: "decision-form"},
    field(t("action"), action, "action"), fields.target, fields.crew, fields.level, fields.size, fields.deadline,
    field(t("rationale"), rationale, "rationale"), submit));
  refresh();
  if ([...target.options].some((o) => o.value === keepTarget)) target.value = keepTarget;
}

function addEvents(events) {
  for (const e of events) feedList.prepend(eventItem(e));
  mine.feed += events.length;
  feedList.dataset.count = mine.feed;
}

function addStatus(list) {
  for (const s of list) mine.status.set(s.asset, s);
  showStatus();
}

const api = connect((m) => {
  if (m.type === "snapshot") {
    feedList.replaceChildren();
    mine.feed = 0;
    mine.status = new Map();
    addEvents(m.known);
    addStatus(m.status);
    inboxList.replaceChildren(...m.inbox.map(inboxItem));
    decisionList.replaceChildren(...m.decisions.map(outcomeItem));
    buildForm(m.form);
    showMap(m.map);
    showClock(m.clock);
  } else if (m.type === "update") {
    addEvents(m.events);
    if (m.status) addStatus(m.status);
    if (m.form) buildForm(m.form);
    if (m.map) showMap(m.map);
    showClock(m.clock);
  } else if (m.type === "inbox") {
    inboxList.prepend(inboxItem(m.item));
  } else if (m.type === "outcome") {
    decisionList.append(outcomeItem(m.outcome));
    notice(t("sent"), "ok");
  } else if (m.type === "ended") {
    showClock(m.clock);
  } else if (m.type === "error") {
    notice(m.message, "error");
  }
});
