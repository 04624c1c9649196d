"""Why an asset failed: its episodes of failure, each with the chain of causes of its first step
and of every later worsening (a degraded asset that then fails by another cause: the flood)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from ..engine.eventkinds import STATUS_KINDS

__all__ = ["cause_chain", "explained_failures"]

_DOWN = ("asset.failed", "asset.degraded")


def cause_chain(events: pd.DataFrame, event_id: int) -> pd.DataFrame:
    """The chain of causes of an event back to its inject (newest first): rows of ``events``."""
    by_id = events.set_index("id")
    chain = []
    current: Any = event_id
    while current is not None and not pd.isna(current):
        chain.append(int(current))
        current = by_id.loc[int(current), "cause"]
    return by_id.loc[chain].reset_index()


def _worsenings(between: pd.DataFrame, level: float) -> list[int]:
    """The ids of the later steps down in an episode that began at service ``level``: a failure
    while not failed, a degradation below the level it had."""
    ids = []
    for event_id, kind, service in zip(between["id"], between["kind"], between["service"]):
        now = 0.0 if kind == "asset.failed" else (level if pd.isna(service) else float(service))
        if kind in _DOWN and now < level:
            ids.append(int(event_id))
        level = now
    return ids


def _later_chain(events: pd.DataFrame, event_id: int, drawn: set[int]) -> dict:
    """A later step's own chain, up to (and with) the first event already drawn above (``joins``)."""
    chain = cause_chain(events, event_id)
    shared = [n for n, i in enumerate(chain["id"]) if int(i) in drawn]
    if shared:
        chain = chain.iloc[: shared[0] + 1].reset_index(drop=True)
    return {"chain": chain, "joins": bool(shared)}


def explained_failures(
    events: pd.DataFrame, asset: str, render: Callable[[pd.DataFrame], pd.DataFrame] | None = None
) -> list[dict]:
    """One entry per failure of ``asset``: the chain of causes of its first step back to the
    inject (``failure``); the chain of each later worsening (``later``: a failure after being
    degraded, a degradation below the level it had), each ``{"chain", "joins"}``, cut where it
    joins a chain drawn before it; the changes of service in between (``between``: degraded, on
    manual operation, failed again); the chain of its return (``recovery``, or None). ``render``
    adds the sentences to the rows returned (a large run renders only those: ``Results.with_messages``)."""
    show = render or (lambda rows: rows)
    mine = events[events["asset"] == asset]
    episodes = []
    down = mine[mine["kind"].isin(_DOWN)]
    back = mine[mine["kind"] == "asset.operational"]
    previous_end = -1.0
    for event_id, time, kind, service in zip(down["id"], down["time_min"], down["kind"], down["service"]):
        if time < previous_end:
            continue  # still the same episode (e.g. degraded, then failed)
        later = back[back["id"] > event_id]
        recovery = int(later["id"].iloc[0]) if len(later) else None
        previous_end = float(later["time_min"].iloc[0]) if len(later) else float("inf")
        end_id = recovery if recovery is not None else int(mine["id"].max()) + 1
        between = mine[(mine["id"] > event_id) & (mine["id"] < end_id) & mine["kind"].isin(STATUS_KINDS)]
        failure = cause_chain(events, int(event_id))
        drawn = {int(i) for i in failure["id"]}
        worse = []
        level = 0.0 if kind == "asset.failed" or pd.isna(service) else float(service)
        for step in _worsenings(between, level):
            worse.append(_later_chain(events, step, drawn))
            drawn.update(int(i) for i in worse[-1]["chain"]["id"])
        episodes.append(
            {
                "failure": show(failure),
                "later": [{"chain": show(w["chain"]), "joins": w["joins"]} for w in worse],
                "between": show(between.reset_index(drop=True)),
                "recovery": show(cause_chain(events, recovery)) if recovery is not None else None,
            }
        )
    return episodes
