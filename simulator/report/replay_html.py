"""The browser replay: one self-contained, offline HTML page of a run (``rampsim replay --html``).

The page holds the replay timeline (``simulator.analysis.replay``) as JSON, the asset graph as
inline SVG laid out here, and the project's own JavaScript and CSS (``replay_assets/``). A
Content-Security-Policy forbids every network request, so the page works on a workshop laptop
without a network and cannot leak anything. The same input gives the same file, byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..analysis.replay import STATUSES, VIEWS, ReplayTimeline, replay_timeline
from ..analysis.replay_down import DOWN_STATUSES
from ..messages import format_number, text
from .replay_labels import LABEL_HEIGHT, label_order, place_labels
from .replay_layout import COMPASS_BOX, HEIGHT, WIDTH, graph_layout
from .replay_towns import town_labels
from .replay_water import water_panel, water_payload, zone_shapes

__all__ = [
    "SPEEDS",
    "STATUS_LABELS",
    "clock_offsets",
    "marker_symbols",
    "page_labels",
    "render_replay_html",
    "write_replay_html",
]

SPEEDS = (15.0, 60.0, 240.0, 960.0, 3600.0)
"""Offered replay speeds, simulated seconds per real second (60: one simulated hour per real minute)."""

LABEL_CHARS = 26
"""Longer asset names are cut short on the map (the whole name is in the node's tooltip)."""

STATUS_LABELS = {
    "operational": "status.operational",
    "degraded": "status.degraded",
    "failed": "status.failed",
    "manual": "figure.status.manual",
}
"""The catalogue key of each status's name (the legend of the replay and of the live exercise's map)."""
# Okabe-Ito colours, and a shape per status so it reads without colour
_MARKERS = {
    "operational": '<circle r="10" fill="#009E73" stroke="#FFFFFF" stroke-width="2"/>',
    "degraded": '<path d="M0,-13 L12,9 L-12,9 Z" fill="#E69F00" stroke="#000000" stroke-width="2"/>'
    '<path d="M-5,3 H5" stroke="#000000" stroke-width="2.5"/>',
    "failed": '<rect x="-11" y="-11" width="22" height="22" fill="#D55E00" stroke="#000000" stroke-width="2.5"/>'
    '<path d="M-6,-6 L6,6 M6,-6 L-6,6" stroke="#FFFFFF" stroke-width="3"/>',
    "manual": '<path d="M0,-14 L14,0 L0,14 L-14,0 Z" fill="#56B4E9" stroke="#0072B2" stroke-width="3"/>'
    '<circle r="3.5" fill="#000000"/>',
}


def marker_symbols(extra: Mapping[str, str] | None = None) -> str:
    """The ``<symbol id="m-STATUS">`` of each status's marker (and of ``extra``: status -> shapes),
    for ``<use href="#m-STATUS">``; the browser replay's and the live exercise's maps share them."""
    shapes = {**{s: _MARKERS[s] for s in STATUSES}, **(extra or {})}
    return "".join(
        f'<symbol id="m-{s}" viewBox="-16 -16 32 32" overflow="visible">{m}</symbol>' for s, m in shapes.items()
    )


def page_labels(lang: str, grip_names: Mapping[int, str] | None = None) -> dict[str, Any]:
    """Every text the page's JavaScript shows, rendered from the message catalogue in ``lang``."""
    keys = ("play", "pause", "feed_empty", "feed_empty_known", "view.truth", "view.known")
    labels: dict[str, Any] = {k: text(f"browser.{k}", lang) for k in keys}
    labels["happened"] = text("browser.happened", lang, clock="{clock}")
    labels["level"] = text("browser.level", lang, level="{level}")
    labels["weekdays"] = text("browser.weekdays", lang).split()
    labels["status"] = {s: text(STATUS_LABELS[s], lang) for s in STATUSES}
    labels["grip"] = {"0": text("grip.none", lang), **{str(k): v for k, v in sorted((grip_names or {}).items())}}
    labels["water_state"] = {s: text(f"browser.water.state.{s}", lang) for s in ("dry", "flooded", "receded")}
    labels["water_now"] = text("browser.water.now", lang, level="{level}")
    labels["water_unknown"] = text("browser.water.unknown", lang)
    labels["water_known_at"] = text("browser.water.known_at", lang, clock="{clock}")
    # the plural forms: en and nl say "one" for 1 only (messages/numbers.plural_form)
    labels["down_title"] = {f: text(f"browser.down.title.{f}", lang, n="{n}") for f in ("one", "other")}
    for key in ("note.truth", "note.known", "empty", "empty_known", "no_municipality", "show"):
        labels["down_" + key.replace(".", "_")] = text(f"browser.down.{key}", lang)
    # each entry's status in a word: uitgevallen, handbediend (on its manual fallback), verminderd
    labels["down_state"] = {s: text(f"status.{s}", lang) for s in DOWN_STATUSES}
    labels["decimal"] = format_number(1.5, lang, digits=1)[1]  # the language's decimal sign, from Babel
    return labels


def _speed_label(speed: float, lang: str) -> str:
    def number(value: float) -> str:
        return format_number(value, lang, digits=0 if float(value).is_integer() else 1)

    if speed >= 3600:
        sim = text("browser.unit_hours", lang, n=number(speed / 3600))
    elif speed >= 60:
        sim = text("browser.unit_minutes", lang, n=number(speed / 60))
    else:
        sim = text("browser.unit_seconds", lang, n=number(speed))
    return text("browser.speed_option", lang, sim=sim)


def _json_block(value: Any) -> str:
    """JSON safe inside a ``<script type="application/json">``: no ``<``, ``>`` or ``&`` can close it."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _asset_file(name: str) -> str:
    return resources.files("simulator.report").joinpath("replay_assets", name).read_text(encoding="utf-8")


def _svg(payload: Mapping[str, Any], label: str, lang: str) -> str:
    assets = payload["assets"]
    positions = graph_layout(assets, payload.get("sectors", ()), payload.get("links", ()))
    e = html.escape
    names = {str(a["id"]): _short(str(a.get("name") or a["id"])) for a in assets}
    on_map = any(a.get("x") is not None and a.get("y") is not None for a in assets)
    compass = (COMPASS_BOX,) if on_map else ()
    towns = town_labels(assets, positions, (0.0, 0.0, WIDTH, HEIGHT), compass) if on_map else []
    spots = place_labels(
        positions,
        names,
        label_order(payload.get("status", {})),
        (0.0, 0.0, WIDTH, HEIGHT),
        (*compass, *(town.box for town in towns)),
    )
    parts = [f'<svg id="graph" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="img" aria-label="{e(label)}">']
    parts.append(f"<defs>{marker_symbols()}</defs>")
    if on_map:
        parts.append(zone_shapes(payload.get("water", {}).get("zones", ()), positions))
    parts.append('<g id="links">')
    seen = set()
    for supplier, dependent in payload.get("links", ()):
        if (supplier, dependent) in seen or supplier not in positions or dependent not in positions:
            continue
        seen.add((supplier, dependent))
        (x1, y1), (x2, y2) = positions[supplier], positions[dependent]
        parts.append(
            f'<line class="link" data-from="{e(supplier)}" data-to="{e(dependent)}" x1="{x1:g}" y1="{y1:g}" '
            f'x2="{x2:g}" y2="{y2:g}"/>'
        )
    parts.append('</g><g id="nodes">')
    names_layer = []
    for asset in assets:
        x, y = positions[asset["id"]]
        full, short, ident = str(asset.get("name") or asset["id"]), e(names[str(asset["id"])]), e(asset["id"])
        spot = spots.get(str(asset["id"]))
        hover = ""
        if spot is None:  # no room of its own: the name shows on hover only
            anchor = "end" if x > WIDTH / 2 else "start"
            hover = (
                f'<text class="label" x="{-24 if anchor == "end" else 24}" y="7" text-anchor="{anchor}">{short}</text>'
            )
        else:  # named while down: in a layer above every node, so that no marker hides a letter
            leader = (
                f'<line class="leader" x1="0" y1="0" x2="{spot.dx:g}" y2="{spot.dy - 0.3 * LABEL_HEIGHT:g}"/>'
                if spot.leader
                else ""
            )
            names_layer.append(
                f'<g class="name" data-asset="{ident}" data-status="operational" transform="translate({x:g} {y:g})">'
                f'{leader}<text class="label" x="{spot.dx:g}" y="{spot.dy:g}" '
                f'text-anchor="{spot.anchor}">{short}</text></g>'
            )
        parts.append(
            f'<g class="node{" named" if spot else ""}" data-asset="{ident}" data-status="operational" '
            f'transform="translate({x:g} {y:g})">'
            f"<title>{e(full)}</title>"
            '<circle class="ring" r="26"/>'
            '<use href="#m-operational" x="-20" y="-20" width="40" height="40"/>'
            f"{hover}</g>"
        )
    if towns:  # above the nodes, under the asset names (which keep out of their boxes)
        parts.append('</g><g id="towns" aria-hidden="true">')
        parts.extend(
            f'<text class="town" x="{t.x:g}" y="{t.y:g}" text-anchor="middle">{e(t.name)}</text>' for t in towns
        )
    parts.append('</g><g id="names">' + "".join(names_layer))
    parts.append("</g>")
    if on_map:
        parts.append(_compass(lang))
    parts.append("</svg>")
    return "".join(parts)


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def _compass(lang: str) -> str:
    """A north arrow in ``COMPASS_BOX``: the map is north up."""
    left, top, right, bottom = COMPASS_BOX
    middle, north = (left + right) / 2, text("browser.compass", lang)
    return (
        f'<g id="compass" aria-hidden="true"><path d="M{middle:g},{top:g} L{right - 6:g},{top + 30:g} '
        f'L{middle:g},{top + 22:g} L{left + 6:g},{top + 30:g} Z"/>'
        f'<text x="{middle:g}" y="{bottom - 4:g}" text-anchor="middle">{html.escape(north)}</text></g>'
    )


def _legend(lang: str, labels: Mapping[str, Any]) -> str:
    e = html.escape
    items = [
        f'<li><svg viewBox="-16 -16 32 32" class="key"><use href="#m-{s}" x="-16" y="-16" width="32" '
        f'height="32"/></svg>'
        f'{e(labels["status"][s])} <span class="count" data-count="{s}"></span></li>'
        for s in STATUSES
    ]
    items.append(
        f'<li><svg viewBox="-16 -16 32 32" class="key"><circle class="ring-key" '
        f'r="13"/></svg>{e(text("browser.current", lang))}</li>'
    )
    items.append(
        f'<li><svg viewBox="0 -8 32 16" class="key"><line class="link-key" x1="0" y1="0" x2="32" '
        f'y2="0"/></svg>{e(text("browser.supply_lost", lang))}</li>'
    )
    return f'<ul id="legend" aria-label="{e(text("browser.legend", lang))}">' + "".join(items) + "</ul>"


def render_replay_html(
    payload: Mapping[str, Any],
    labels: Mapping[str, Any],
    *,
    view: str = "truth",
    start_min: float = 0.0,
    speed: float = 60.0,
    offsets: Sequence[Sequence[float]] = (),
) -> str:
    """The page for ``payload`` (``ReplayTimeline.to_payload()``): a pure function of its arguments.

    ``labels`` come from ``page_labels``; ``view`` is ``truth`` or ``known``; ``start_min`` the
    minute the page opens at (clamped to the run); ``speed`` simulated seconds per real second;
    ``offsets`` the wall clock's UTC offset from a minute on (``clock_offsets``; default: the
    start's offset throughout).
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
    if not speed > 0:
        raise ValueError(f"speed must be positive, not {speed!r}")
    lang = payload.get("lang", "en")
    e = html.escape
    end = float(payload["end_min"])
    options = {
        "view": view,
        "start_min": min(max(float(start_min), 0.0), end),
        "speed": float(speed),
        "offsets": [[float(t), float(o)] for t, o in offsets],
    }
    script, style = _asset_file("replay_down.js") + _asset_file("replay.js"), _asset_file("replay.css")
    csp = (
        f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; img-src data:; "
        "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    speeds = sorted({*SPEEDS, float(speed)})
    speed_options = "".join(
        f'<option value="{s:g}"{" selected" if s == float(speed) else ""}>{e(_speed_label(s, lang))}</option>'
        for s in speeds
    )
    title = e(str(payload.get("title", "")))
    # a large run replayed in part (analysis/shown.py) says so under its title
    note = f'<p id="shown-note">{e(str(payload["note"]))}</p>\n' if payload.get("note") else ""
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(text("browser.page_title", lang, name=payload.get("title", "")))}</title>
<style>{style}</style>
</head>
<body data-view="{view}">
<header>
<h1 id="title">{title}</h1>
{note}<div id="view-name" aria-live="polite"></div>
<div id="time"><div id="clock">--:--</div><div id="elapsed">T+00:00</div><div id="date"></div></div>
<div id="grip"></div>
</header>
<main>
<section id="map"><div id="map-row">{_svg(payload, text("browser.graph", lang), lang)}\
{water_panel(payload.get("water", {}), lang)}</div>{_legend(lang, labels)}</section>
<section id="events"><section id="down" aria-labelledby="down-title">\
<h2 id="down-title"></h2><p id="down-note"></p><div id="down-list" tabindex="0"></div></section>
<h2>{e(text("browser.feed", lang))}</h2>
<label class="check"><input type="checkbox" id="all-events"> {e(text("browser.all_events", lang))}</label>
<ol id="feed" aria-live="polite"></ol></section>
</main>
<footer>
<div id="timebar">
<input id="slider" type="range" min="0" max="{end!r}" step="any" value="{options["start_min"]!r}"
  aria-label="{e(text("browser.time", lang))}">
<div id="ticks" aria-hidden="true"></div>
</div>
<div id="controls">
<button id="prev" type="button"
  title="{e(text("browser.previous_title", lang))}">{e(text("browser.previous", lang))}</button>
<button id="play" type="button" title="{e(text("browser.play_title", lang))}"></button>
<button id="next" type="button" title="{e(text("browser.next_title", lang))}">{e(text("browser.next", lang))}</button>
<label class="speed">{e(text("browser.speed", lang))} <select id="speed">{speed_options}</select></label>
<button id="view-toggle" type="button" data-view="{view}" title="{e(text("browser.view_toggle", lang))}">\
<span data-option="truth">{e(text("browser.view_short.truth", lang))}</span>\
<span data-option="known">{e(text("browser.view_short.known", lang))}</span></button>
</div>
<p id="keys">{e(text("browser.keys", lang))}</p>
</footer>
<script id="replay-data" type="application/json">{_json_block(payload)}</script>
<script id="replay-labels" type="application/json">{_json_block(labels)}</script>
<script id="replay-options" type="application/json">{_json_block(options)}</script>
<script>{script}</script>
</body>
</html>
"""


def write_replay_html(
    results, path: str | Path, lang: str, *, view: str = "truth", start_min: float = 0.0, speed: float = 60.0
) -> Path:
    """Write the browser replay of a run's ``Results`` to ``path`` atomically (temp file, then rename).

    ``view``: ``truth`` or ``known`` at opening; ``start_min``: minutes after the scenario start;
    ``speed``: simulated seconds per real second (60: one simulated hour per real minute).
    """
    timeline = replay_timeline(results, lang)
    page = render_replay_html(
        {**timeline.to_payload(), "water": water_payload(results)},
        page_labels(lang, timeline.level_names),
        view=view,
        start_min=start_min,
        speed=speed,
        offsets=clock_offsets(timeline),
    )
    path = Path(path)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(page)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a page is for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def clock_offsets(timeline: ReplayTimeline) -> list[list[float]]:
    """``[[t_min, utc_offset_min], ...]``: the wall clock's offset from UTC from each minute on, for
    a run that crosses a change to or from daylight saving time (found to the minute)."""

    def offset(t: float) -> float:
        return timeline.moment(t).utcoffset().total_seconds() / 60

    changes = [[0.0, offset(0.0)]]
    t = 0.0
    while t < timeline.end_min:
        later = min(t + 60.0, timeline.end_min)
        if offset(later) != changes[-1][1]:
            low, high = math.floor(t), math.ceil(later)  # it changes in (low, high]: narrow it to the minute
            while high - low > 1:
                mid = (low + high) // 2
                low, high = (mid, high) if offset(mid) == changes[-1][1] else (low, mid)
            changes.append([float(high), offset(high)])
        t = later
    return changes
