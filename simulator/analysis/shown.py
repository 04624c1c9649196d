"""Which assets a page or a figure draws: all of them, or in a large run the ones that matter most.

A person reads a replay, a status timeline or a cascade map of a few hundred assets; a national
graph of 100,000 is unreadable and, drawn whole, takes minutes and a page of hundreds of megabytes.
Above ``SHOWN_ASSETS`` assets the replay (``replay_timeline``), the report's figures and ``rampsim
plot`` draw ``SHOWN_ASSETS`` assets (``shown_assets``: half the longest out of service, half spread
over the order in which the others failed, then the degraded ones) and say so (``shown_note``). A run of at most
``SHOWN_ASSETS`` assets is drawn whole, exactly as before.
"""

from __future__ import annotations

from ..messages import format_number, text
from .results import Results

__all__ = ["SHOWN_ASSETS", "shown_assets", "shown_note"]

SHOWN_ASSETS = 400  # assets; a larger run draws this many (the cascade figure drew up to 400 whole)


def shown_note(result: Results, lang: str, limit: int = SHOWN_ASSETS) -> str | None:
    """The sentence that says a page or figure shows ``limit`` of the run's assets; None when it shows all."""
    total = len(result.assets)
    if total <= limit:
        return None
    return text("shown.note", lang, shown=format_number(limit, lang), total=format_number(total, lang))


def shown_assets(result: Results, limit: int = SHOWN_ASSETS) -> set[str] | None:
    """None when the run has at most ``limit`` assets (draw everything); else ``limit`` assets:
    half of them the longest out of service (ties: the earliest first failure, then file order),
    the other half spread evenly over the order in which the other failed assets first failed (so
    that a cascade is seen unfolding), then, if fewer failed, those that changed status without
    failing (degraded, on a manual fallback) and then the first assets of the file, each in file order."""
    ids = [str(a) for a in result.assets["id"].tolist()]
    if len(ids) <= limit:
        return None
    downtime = result.metrics.get("downtime_min") or {}
    first = result.metrics.get("first_failure_min") or {}
    never = float("inf")
    ranked = sorted(
        range(len(ids)),
        key=lambda i: (-float(downtime.get(ids[i], 0.0) or 0.0), float(first.get(ids[i], never)), i),
    )
    chosen = ranked[: limit // 2]
    taken = set(chosen)
    failed = sorted(
        (i for i in range(len(ids)) if ids[i] in first and i not in taken), key=lambda i: (first[ids[i]], i)
    )
    room = limit - len(chosen)
    if len(failed) <= room:
        chosen += failed
    else:
        chosen += [failed[k * len(failed) // room] for k in range(room)]
    taken = set(chosen)
    states = result.states
    changed = set(states["asset"].astype(str)) if "asset" in states.columns else set()
    rest = [i for i in range(len(ids)) if i not in taken]
    rest.sort(key=lambda i: (ids[i] not in changed, i))  # degraded (never failed) before the untouched
    chosen += rest[: limit - len(chosen)]
    return {ids[i] for i in chosen}
