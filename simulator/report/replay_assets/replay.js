/* rampsim browser replay: plays a run's timeline from the JSON blocks of this page.
   Written for rampsim; no libraries, no network. Times are minutes after the scenario start.
   Text from the data is only ever inserted with textContent. */
(function () {
  "use strict";

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  var data = readJson("replay-data");
  var labels = readJson("replay-labels");
  var options = readJson("replay-options");
  var END = Number(data.end_min);

  var el = {
    body: document.body,
    clock: document.getElementById("clock"),
    elapsed: document.getElementById("elapsed"),
    date: document.getElementById("date"),
    grip: document.getElementById("grip"),
    viewName: document.getElementById("view-name"),
    play: document.getElementById("play"),
    prev: document.getElementById("prev"),
    next: document.getElementById("next"),
    slider: document.getElementById("slider"),
    speed: document.getElementById("speed"),
    toggle: document.getElementById("view-toggle"),
    allEvents: document.getElementById("all-events"),
    feed: document.getElementById("feed"),
    ticks: document.getElementById("ticks")
  };

  var state = {
    t: Number(options.start_min) || 0,
    view: options.view === "known" ? "known" : "truth",
    speed: Number(options.speed) || 60,
    playing: false,
    all: false,
    lastFrame: null,
    shownKey: null,
    downKey: null,
    picked: null,
    pinned: null,
    ticksKey: null
  };

  /* --- wall-clock time: the start plus minutes, at the UTC offset of that minute ------------- */
  var startUtcMs = Date.parse(String(data.start || "")) || 0;
  var zone = /([+-])(\d{2}):?(\d{2})$/.exec(String(data.start || ""));
  var startOffset = zone ? (zone[1] === "-" ? -1 : 1) * (+zone[2] * 60 + +zone[3]) : 0;
  var offsets = options.offsets && options.offsets.length ? options.offsets : [[0, startOffset]];

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function local(t) {
    /* a Date whose UTC fields are the wall-clock time at minute t (seconds cut off) */
    var seconds = Math.floor(t * 60 + 1e-6);
    return new Date(startUtcMs + (seconds + lastAtOrBefore(offsets, t) * 60) * 1000);
  }
  function wallClock(t) {
    var d = local(t);
    return two(d.getUTCHours()) + ":" + two(d.getUTCMinutes());
  }
  function wallDate(t) {
    var d = local(t);
    var day = labels.weekdays[(d.getUTCDay() + 6) % 7];
    return day + " " + d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate());
  }
  function elapsedText(t) {
    var minutes = Math.floor(t + 1e-9);
    return "T+" + two(Math.floor(minutes / 60)) + ":" + two(minutes % 60);
  }

  /* --- lookups ------------------------------------------------------------------------------- */
  function entryAtOrBefore(list, t) {
    /* list: [[t, value, ...], ...] sorted by t; the last entry with time <= t, or null */
    var lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid][0] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found < 0 ? null : list[found];
  }
  function lastAtOrBefore(list, t) {
    /* the value of the last entry with time <= t */
    var entry = entryAtOrBefore(list, t);
    return entry === null ? null : entry[1];
  }
  function countAtOrBefore(times, t) {
    var lo = 0, hi = times.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (times[mid] <= t) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  /* the events of each view in the order they are seen: by time shown, then by id */
  function viewEvents(view, all) {
    var list = [];
    data.events.forEach(function (event, index) {
      if (!all && !event.headline) { return; }
      var at = view === "known" ? event.known_t : event.t;
      if (at === null || at === undefined) { return; }
      list.push({ at: Number(at), index: index, event: event });
    });
    list.sort(function (a, b) { return a.at - b.at || a.index - b.index; });
    return { items: list, times: list.map(function (x) { return x.at; }) };
  }
  var feeds = {};
  function currentFeed() {
    var key = state.view + (state.all ? "-all" : "");
    if (!feeds[key]) { feeds[key] = viewEvents(state.view, state.all); }
    return feeds[key];
  }

  /* the moments to step between: a status change in the view, a change of GRIP, an event in the feed */
  var moments = {};
  function currentMoments() {
    var key = state.view + (state.all ? "-all" : "");
    if (!moments[key]) {
      var seen = {};
      var add = function (t) { seen[String(t)] = Number(t); };
      var status = data.status[state.view] || {};
      Object.keys(status).forEach(function (asset) {
        status[asset].slice(1).forEach(function (change) { add(change[0]); });
      });
      (data.grip || []).slice(1).forEach(function (change) { add(change[0]); });
      currentFeed().times.forEach(add);
      moments[key] = Object.keys(seen).map(function (k) { return seen[k]; }).sort(function (a, b) { return a - b; });
    }
    return moments[key];
  }

  /* --- the graph ----------------------------------------------------------------------------- */
  var nodes = {};
  Array.prototype.forEach.call(document.querySelectorAll("#nodes .node"), function (node) {
    nodes[node.getAttribute("data-asset")] = { node: node, use: node.querySelector("use"), status: null, name: null };
  });
  Array.prototype.forEach.call(document.querySelectorAll("#names .name"), function (name) {
    var entry = nodes[name.getAttribute("data-asset")];
    if (entry) { entry.name = name; }
  });
  var links = Array.prototype.map.call(document.querySelectorAll("#links .link"), function (line) {
    return { line: line, from: line.getAttribute("data-from"), cut: null };
  });

  function statusAt(asset, t) {
    var list = (data.status[state.view] || {})[asset];
    return (list && lastAtOrBefore(list, t)) || "operational";
  }

  var counts = {};
  Array.prototype.forEach.call(document.querySelectorAll("#legend .count"), function (span) {
    counts[span.getAttribute("data-count")] = span;
  });

  function drawGraph(t, current) {
    var tally = { operational: 0, degraded: 0, failed: 0, manual: 0 };
    Object.keys(nodes).forEach(function (asset) {
      var entry = nodes[asset];
      var status = statusAt(asset, t);
      if (status !== entry.status) {
        entry.status = status;
        entry.node.setAttribute("data-status", status);
        entry.use.setAttribute("href", "#m-" + status);
        if (entry.name) { entry.name.setAttribute("data-status", status); }
      }
      var isCurrent = current.has(asset);
      if (isCurrent && !entry.node.classList.contains("current")) {
        entry.node.parentNode.appendChild(entry.node); /* on top of its neighbours */
      }
      entry.node.classList.toggle("current", isCurrent);
      if (entry.name) { entry.name.classList.toggle("current", isCurrent); }
      tally[status] = (tally[status] || 0) + 1;
    });
    Object.keys(counts).forEach(function (status) {
      counts[status].textContent = "(" + (tally[status] || 0) + ")";
    });
    links.forEach(function (link) {
      var from = nodes[link.from];
      var cut = !!from && from.status !== "operational";
      if (cut !== link.cut) {
        link.cut = cut;
        link.line.classList.toggle("cut", cut);
      }
    });
  }

  /* --- what is down now: the list beside the map (replay_down.js) ----------------------------- */
  var drawDown = rampsimDownList({
    data: data, labels: labels, state: state, nodes: nodes,
    entryAtOrBefore: entryAtOrBefore, wallClock: wallClock
  });

  /* --- the water: zones on the map, a gauge per basin ---------------------------------------- */
  var water = data.water || { basins: [], zones: [] };
  var basinById = {};
  water.basins.forEach(function (basin) { basinById[basin.id] = basin; });
  var zoneViews = water.zones.map(function (zone) {
    var selector = '[data-zone="' + zone.id.replace(/["\\]/g, "\\$&") + '"]';
    return {
      zone: zone,
      shapes: Array.prototype.slice.call(document.querySelectorAll("#zones .zone" + selector)),
      items: Array.prototype.slice.call(document.querySelectorAll("#zone-list li" + selector)),
      state: null
    };
  });
  var gauges = Array.prototype.map.call(document.querySelectorAll("#water .basin"), function (box) {
    var tube = box.querySelector(".tube");
    var svg = box.querySelector("svg.gauge");
    return {
      basin: basinById[box.getAttribute("data-basin")],
      now: box.querySelector(".level-now"),
      when: box.querySelector(".level-when"),
      fill: box.querySelector(".water"),
      low: Number(svg.getAttribute("data-low")),
      high: Number(svg.getAttribute("data-high")),
      top: Number(tube.getAttribute("y")),
      bottom: Number(tube.getAttribute("y")) + Number(tube.getAttribute("height"))
    };
  });

  /* the level (m NAP) at minute t: the start level before the first sample, linear between samples */
  function levelAt(basin, t) {
    var list = basin.levels;
    if (!list.length || t < list[0][0]) { return basin.level_m; }
    var lo = 0, hi = list.length - 1;
    if (t >= list[hi][0]) { return list[hi][1]; }
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (list[mid][0] <= t) { lo = mid; } else { hi = mid; }
    }
    var span = list[hi][0] - list[lo][0];
    return span > 0 ? list[lo][1] + (list[hi][1] - list[lo][1]) * (t - list[lo][0]) / span : list[hi][1];
  }
  function levelText(level) {
    var rounded = Math.round(Math.abs(level) * 100) / 100;
    var sign = level < 0 && rounded > 0 ? "-" : "";
    return labels.water_now.replace("{level}", sign + rounded.toFixed(2).replace(".", labels.decimal));
  }
  function zoneState(zone, t) {
    var from = state.view === "known" ? zone.known_t : zone.flooded_t;
    if (from === null || from === undefined || t < from) { return "dry"; }
    var basin = basinById[zone.basin];
    return basin && levelAt(basin, t) < zone.ground_level_m ? "receded" : "flooded";
  }

  function drawWater(t) {
    zoneViews.forEach(function (view) {
      var now = zoneState(view.zone, t);
      if (now === view.state) { return; }
      view.state = now;
      view.shapes.concat(view.items).forEach(function (node) { node.setAttribute("data-state", now); });
      view.items.forEach(function (item) { item.querySelector(".zone-state").textContent = labels.water_state[now]; });
    });
    gauges.forEach(function (gauge) {
      /* the known view: the last level the crisis organisation knew of ([known_t, level, t]), if any */
      var known = state.view === "known" ? entryAtOrBefore(gauge.basin.known || [], t) : null;
      var level = state.view === "known" ? (known && known[1]) : levelAt(gauge.basin, t);
      if (level === null) {
        gauge.fill.setAttribute("y", String(gauge.bottom));
        gauge.fill.setAttribute("height", "0");
        gauge.now.textContent = labels.water_unknown;
        gauge.now.setAttribute("data-level", "");
        gauge.when.textContent = "";
        return;
      }
      var share = (level - gauge.low) / (gauge.high - gauge.low);
      var y = gauge.bottom - Math.min(1, Math.max(0, share)) * (gauge.bottom - gauge.top);
      gauge.fill.setAttribute("y", String(y));
      gauge.fill.setAttribute("height", String(gauge.bottom - y));
      gauge.now.textContent = levelText(level);
      gauge.now.setAttribute("data-level", String(level));
      gauge.when.textContent = known ? labels.water_known_at.replace("{clock}", wallClock(known[0])) : "";
    });
  }

  /* --- the feed ------------------------------------------------------------------------------ */
  var FEED_MAX = 80;

  function drawFeed(feed, visible) {
    var key = state.view + "|" + state.all + "|" + visible;
    if (key === state.shownKey) { return; }
    state.shownKey = key;
    while (el.feed.firstChild) { el.feed.removeChild(el.feed.firstChild); }
    el.feed.scrollTop = 0;
    if (visible === 0) {
      var empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = state.view === "known" ? labels.feed_empty_known : labels.feed_empty;
      el.feed.appendChild(empty);
      return;
    }
    var newest = feed.times[visible - 1];
    for (var k = visible - 1; k >= 0 && k >= visible - FEED_MAX; k--) {
      var item = feed.items[k];
      var event = item.event;
      var li = document.createElement("li");
      li.setAttribute("data-event", String(event.id));
      li.setAttribute("data-t", String(item.at));
      if (event.headline) { li.classList.add("headline"); }
      if (item.at === newest) { li.classList.add("current"); }
      var time = document.createElement("span");
      time.className = "when";
      time.textContent = state.view === "known" ? wallClock(item.at) : event.clock;
      li.appendChild(time);
      var what = document.createElement("span");
      what.className = "what";
      what.textContent = event.text;
      li.appendChild(what);
      if (state.view === "known" && wallClock(item.at) !== event.clock) {
        var happened = document.createElement("span");
        happened.className = "happened";
        happened.textContent = labels.happened.replace("{clock}", event.clock);
        li.appendChild(happened);
      }
      el.feed.appendChild(li);
    }
  }

  function currentAssets(feed, visible) {
    var assets = new Set();
    if (visible === 0) { return assets; }
    var newest = feed.times[visible - 1];
    for (var k = visible - 1; k >= 0 && feed.times[k] === newest; k--) {
      if (feed.items[k].event.asset) { assets.add(feed.items[k].event.asset); }
    }
    return assets;
  }

  /* --- drawing everything at the current time ------------------------------------------------ */
  function gripText(level) {
    var key = String(level);
    if (labels.grip[key]) { return labels.grip[key]; }
    return labels.level.replace("{level}", key);
  }

  function render() {
    var t = state.t;
    var feed = currentFeed();
    var visible = countAtOrBefore(feed.times, t);
    el.clock.textContent = wallClock(t);
    el.elapsed.textContent = elapsedText(t);
    el.date.textContent = wallDate(t);
    var level = lastAtOrBefore(data.grip || [], t);
    el.grip.textContent = gripText(level === null ? 0 : level);
    el.grip.setAttribute("data-level", String(level === null ? 0 : level));
    el.viewName.textContent = labels["view." + state.view];
    el.toggle.setAttribute("data-view", state.view);
    el.toggle.setAttribute("aria-pressed", String(state.view === "known"));
    el.body.setAttribute("data-view", state.view);
    el.body.setAttribute("data-t", String(t));
    el.body.setAttribute("data-playing", String(state.playing));
    el.play.textContent = state.playing ? labels.pause : labels.play;
    el.play.setAttribute("aria-pressed", String(state.playing));
    if (Number(el.slider.value) !== t) { el.slider.value = String(t); }
    drawGraph(t, currentAssets(feed, visible));
    drawDown(t);
    drawWater(t);
    drawFeed(feed, visible);
    drawTicks();
  }

  /* marks under the slider at the moments of the feed, so the room sees where things happen */
  function drawTicks() {
    var key = state.view + "|" + state.all;
    if (key === state.ticksKey) { return; }
    state.ticksKey = key;
    while (el.ticks.firstChild) { el.ticks.removeChild(el.ticks.firstChild); }
    var last = -1;
    currentFeed().items.forEach(function (item) {
      var at = END > 0 ? Math.round(item.at / END * 1000) / 10 : 0;
      if (at === last) { return; }
      last = at;
      var tick = document.createElement("span");
      tick.className = item.event.headline ? "tick headline" : "tick";
      tick.style.left = at + "%";
      el.ticks.appendChild(tick);
    });
  }

  function setTime(t) {
    state.t = Math.min(END, Math.max(0, t));
    render();
  }

  /* --- playing ------------------------------------------------------------------------------- */
  function frame(now) {
    if (!state.playing) { return; }
    if (state.lastFrame !== null) {
      var minutes = (now - state.lastFrame) / 1000 * state.speed / 60;
      setTime(state.t + minutes);
    }
    state.lastFrame = now;
    if (state.t >= END) { pause(); return; }
    window.requestAnimationFrame(frame);
  }
  function play() {
    if (state.t >= END) { state.t = 0; }
    state.playing = true;
    state.lastFrame = null;
    render();
    window.requestAnimationFrame(frame);
  }
  function pause() {
    state.playing = false;
    render();
  }
  function togglePlay() {
    if (state.playing) { pause(); } else { play(); }
  }

  /* stepping pauses, so the room can talk about the moment */
  function step(direction) {
    var times = currentMoments();
    var target = null;
    if (direction > 0) {
      var k = countAtOrBefore(times, state.t);
      if (k < times.length) { target = times[k]; }
    } else {
      for (var j = countAtOrBefore(times, state.t) - 1; j >= 0; j--) {
        if (times[j] < state.t) { target = times[j]; break; }
      }
      if (target === null) { target = 0; }
    }
    state.playing = false;
    if (target !== null) { setTime(target); } else { render(); }
  }

  function toggleView() {
    state.view = state.view === "known" ? "truth" : "known";
    render();
  }

  function changeSpeed(direction) {
    var index = el.speed.selectedIndex + direction;
    if (index >= 0 && index < el.speed.options.length) {
      el.speed.selectedIndex = index;
      state.speed = Number(el.speed.value);
    }
  }

  /* --- wiring -------------------------------------------------------------------------------- */
  el.play.addEventListener("click", togglePlay);
  el.prev.addEventListener("click", function () { step(-1); });
  el.next.addEventListener("click", function () { step(1); });
  el.toggle.addEventListener("click", toggleView);
  el.slider.addEventListener("input", function () { setTime(Number(el.slider.value)); });
  el.speed.addEventListener("change", function () { state.speed = Number(el.speed.value); });
  el.allEvents.addEventListener("change", function () { state.all = el.allEvents.checked; render(); });

  var KEYS = {
    " ": togglePlay,
    "ArrowLeft": function () { step(-1); },
    "ArrowRight": function () { step(1); },
    "t": toggleView,
    "T": toggleView,
    "+": function () { changeSpeed(1); },
    "-": function () { changeSpeed(-1); }
  };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var action = KEYS[event.key];
    if (!action) { return; }
    event.preventDefault(); /* no scrolling, no second click on a focused button */
    if (!event.repeat || event.key !== " ") { action(); }
  });
  document.addEventListener("keyup", function (event) {
    if (event.key === " ") { event.preventDefault(); }
  });

  render();
})();
