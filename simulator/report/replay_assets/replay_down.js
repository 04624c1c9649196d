/* rampsim browser replay: the list of what is down now beside the map (analysis/replay_down.py
   computes the same list). Written for rampsim; no libraries, no network. The page's one script is
   this file followed by replay.js, which calls rampsimDownList once with what the list needs and
   gets back the function that draws it at minute t. Text from the data only via textContent. */
function rampsimDownList(ctx) {
  "use strict";
  var data = ctx.data, labels = ctx.labels, state = ctx.state, nodes = ctx.nodes;
  var entryAtOrBefore = ctx.entryAtOrBefore, wallClock = ctx.wallClock;
  var el = {
    downTitle: document.getElementById("down-title"),
    downNote: document.getElementById("down-note"),
    downList: document.getElementById("down-list")
  };
  var assetInfo = {};
  (data.assets || []).forEach(function (asset) { assetInfo[String(asset.id)] = asset; });
  var DOWN = labels.down_state;  /* the statuses listed, with their words: analysis/replay_down.DOWN_STATUSES */
  var SVG_NS = document.getElementById("graph").namespaceURI;

  /* the assets failed, on manual operation or degraded at minute t in the view, per municipality (none last), then by
     the minute they took that status (known view: learned it), then name and id */
  function downList(t) {
    var rows = [];
    var status = data.status[state.view] || {};
    Object.keys(status).forEach(function (asset) {
      var entry = entryAtOrBefore(status[asset], t);
      if (!entry || !DOWN[entry[1]]) { return; }
      var info = assetInfo[asset] || {};
      rows.push({ asset: asset, name: String(info.name || asset), town: String(info.municipality || ""),
                  status: entry[1], since: Number(entry[0]) });
    });
    function order(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    rows.sort(function (a, b) {
      return order(a.town === "", b.town === "") || order(a.town, b.town) || a.since - b.since ||
        order(a.name, b.name) || order(a.asset, b.asset);
    });
    return rows;
  }

  function pick(asset) {
    if (state.picked === asset) { return; }
    if (state.picked && nodes[state.picked]) { nodes[state.picked].node.classList.remove("picked"); }
    state.picked = asset;
    Array.prototype.forEach.call(el.downList.querySelectorAll("li.picked"), function (li) { li.classList.remove("picked"); });
    if (!asset) { return; }
    var entry = nodes[asset];
    if (entry) {
      entry.node.classList.add("picked");
      entry.node.parentNode.appendChild(entry.node); /* on top of its neighbours */
    }
    var li = el.downList.querySelector('li[data-asset="' + asset.replace(/["\\]/g, "\\$&") + '"]');
    if (li) { li.classList.add("picked"); }
  }

  function drawDown(t) {
    var rows = downList(t);
    var key = state.view + "|" + rows.map(function (r) { return r.asset + ":" + r.status + ":" + r.since; }).join(",");
    if (key === state.downKey) { return; }
    state.downKey = key;
    el.downTitle.textContent = labels.down_title[rows.length === 1 ? "one" : "other"].replace("{n}", String(rows.length));
    el.downNote.textContent = labels["down_note_" + state.view];
    var scroll = el.downList.scrollTop;
    while (el.downList.firstChild) { el.downList.removeChild(el.downList.firstChild); }
    if (!rows.length) {
      var empty = document.createElement("p");
      empty.className = "empty";
      empty.textContent = state.view === "known" ? labels.down_empty_known : labels.down_empty;
      el.downList.appendChild(empty);
    }
    var list = null, town = null;
    rows.forEach(function (row) {
      if (list === null || row.town !== town) {
        town = row.town;
        var heading = document.createElement("h3");
        heading.className = "town";
        heading.textContent = town || labels.down_no_municipality;
        el.downList.appendChild(heading);
        list = document.createElement("ul");
        el.downList.appendChild(list);
      }
      var li = document.createElement("li");
      li.setAttribute("data-asset", row.asset);
      li.setAttribute("data-status", row.status);
      li.setAttribute("data-since", String(row.since));
      li.setAttribute("tabindex", "0");
      li.title = row.name + " · " + labels.down_show;
      var mark = document.createElementNS(SVG_NS, "svg");
      mark.setAttribute("viewBox", "-16 -16 32 32");
      mark.setAttribute("class", "key");
      mark.setAttribute("aria-hidden", "true");
      var use = document.createElementNS(SVG_NS, "use");
      use.setAttribute("href", "#m-" + row.status);
      use.setAttribute("x", "-16"); use.setAttribute("y", "-16");
      use.setAttribute("width", "32"); use.setAttribute("height", "32");
      mark.appendChild(use);
      li.appendChild(mark);
      [["when", wallClock(row.since)], ["name", row.name], ["state", labels.down_state[row.status]]].forEach(function (part) {
        var span = document.createElement("span");
        span.className = part[0];
        span.textContent = part[1];
        li.appendChild(span);
      });
      if (row.asset === state.picked) { li.classList.add("picked"); }
      list.appendChild(li);
    });
    el.downList.scrollTop = scroll;
  }

  function entryAsset(event) {
    var li = event.target.closest ? event.target.closest("li[data-asset]") : null;
    return li ? li.getAttribute("data-asset") : null;
  }
  el.downList.addEventListener("mouseover", function (event) {
    var asset = entryAsset(event);
    if (asset) { pick(asset); }
  });
  el.downList.addEventListener("mouseleave", function () { pick(state.pinned); });
  el.downList.addEventListener("focusin", function (event) { var a = entryAsset(event); if (a) { pick(a); } });
  el.downList.addEventListener("focusout", function () { pick(state.pinned); });
  el.downList.addEventListener("click", function (event) {
    var asset = entryAsset(event);
    if (!asset) { return; }
    state.pinned = state.pinned === asset ? null : asset;
    pick(state.pinned || asset);
  });
  return drawDown;
}
