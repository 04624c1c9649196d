"""What is down at a minute of the replay: the list beside the browser replay's map.

Every asset that is ``failed``, on its manual fallback (``manual``: running by hand, at the
fallback's reduced level) or ``degraded`` at minute ``t`` in a view (``truth`` or ``known``, as
``ReplayTimeline.status_at`` says), with the minute it took that status (in ``known``: the minute
the crisis organisation learned it), grouped by municipality. The page's JavaScript
(``report/replay_assets/replay_down.js``, ``downList``) computes the same list from the same payload;
the browser test compares the two. All times are minutes after the scenario start.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from .replay import VIEWS, ReplayTimeline

__all__ = ["DOWN_STATUSES", "down_at"]

DOWN_STATUSES = ("failed", "manual", "degraded")
"""The statuses the list names: an asset on its manual fallback runs by hand, at a reduced level and
on a crew that is then tied up: not back to normal, so it is listed, marked as such."""


def down_at(timeline: ReplayTimeline, t_min: float, view: str = "truth") -> list[dict[str, Any]]:
    """The assets down at minute ``t_min`` in ``view``: dicts with ``asset``, ``name``,
    ``municipality`` (``""``: none), ``status`` (one of ``DOWN_STATUSES``), ``since_min`` (when it
    took that status, or in ``known`` when that became known) and ``clock`` (``HH:MM`` of
    ``since_min``).

    Sorted by municipality (alphabetically, assets of no municipality last), then ``since_min``,
    then name and id: per town the longest down first.
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
    statuses = timeline.status[view]
    about = {str(a["id"]): a for a in timeline.assets}
    rows = []
    for asset, changes in statuses.items():
        k = bisect_right([t for t, _ in changes], t_min) - 1
        if k < 0 or changes[k][1] not in DOWN_STATUSES:
            continue
        since, status = float(changes[k][0]), str(changes[k][1])
        info = about.get(asset, {})
        rows.append(
            {
                "asset": asset,
                "name": str(info.get("name") or asset),
                "municipality": str(info.get("municipality") or ""),
                "status": status,
                "since_min": since,
                "clock": timeline.clock(since),
            }
        )
    rows.sort(key=lambda r: (r["municipality"] == "", r["municipality"], r["since_min"], r["name"], r["asset"]))
    return rows
