"""One call for a burst of alike news: what a role player plays as one inject.

In a cascade the same sender has news every few minutes: the grid operator's duty operator about
one distribution substation after another, 112 callers from one neighbourhood after another. A
real sender does not ring the control room forty times in a quarter of an hour, and exercise
control cannot play that. So the awareness moments of one **sender** (the same ``from``, the same
addressee ``to_id`` and the same ``method``: one sender keeps one line) are joined into one call
while they fall in one **window**, which opens at the first moment of the call and lasts
``CALL_WINDOW_MIN`` minutes (15 for an owner's staff, the units on site and an on-call manager:
one call a quarter of an hour with what changed; ``CALLER_WINDOW_MIN`` minutes, 5, for 112 callers,
joined only when their assets are in the same municipality: "many 112 calls from Lageveen").

- A moment about an asset the open call already holds (the substation that failed and now works
  again) is not joined: it opens the next call, so each asset's change is said in its own call.
- A moment of which some event has no asset (an inject, a hazard) and a KNMI warning are never
  joined.
- The joined call is at the time of its **last** moment: nothing is played before the crisis
  organisation knew it, and a team's decision listed with it never comes before that team is in
  session (the addressee, a team in session, is part of the sender; decisions were placed before).
  The first news of the call waits at most the window.
- It holds every event, response and note of its parts (the CSV lists every event); its channel
  is a report when any part is one, else the first part's.
- Calls of two or more 112 callers are said by exercise control as the control room hears them:
  ``msel.from.callers`` and ``msel.frame.callers`` ("Bij de meldkamer komen veel 112-meldingen binnen
  uit Lageveen: ...").

Times in minutes after the scenario start.
"""

from __future__ import annotations

from ..engine.eventkinds import CHANNEL_OF
from .inject_lookups import RunLookups

__all__ = ["CALL_WINDOW_MIN", "CALLER_WINDOW_MIN", "join_calls"]

CALL_WINDOW_MIN = 15.0  # an owner's staff, units on site, an on-call manager: one call a quarter of an hour
CALLER_WINDOW_MIN = 5.0  # 112 callers of one municipality: the calls of five minutes are one burst


def _towns(run: RunLookups, moment) -> tuple[str, ...]:
    return tuple(sorted({str(run.municipality.get(run.asset[e], "") or "") for e in moment.events if run.asset[e]}))


def join_calls(run: RunLookups, planned: list[tuple]) -> list[tuple]:
    """``planned`` (moment, channel, sender) in order of time joined into calls (see the module
    docstring), in order of time and first event. The moments are changed in place."""
    open_calls: dict[tuple, list] = {}  # sender key -> [first time, assets, index in joined]
    joined: list[list] = []
    parts: list[int] = []  # moments in each call
    for moment, channel, sender in planned:
        assets = {run.asset[e] for e in moment.events if run.asset[e]}
        joinable = channel != "forecast" and all(run.asset[e] or run.kind[e] in CHANNEL_OF for e in moment.events)
        caller = sender["method"] == "phone_112"
        key = (sender["from"], sender["to_id"], sender["method"], _towns(run, moment) if caller else ())
        window = CALLER_WINDOW_MIN if caller else CALL_WINDOW_MIN
        call = open_calls.get(key) if joinable else None
        if call is not None and moment.time < call[0] + window and assets.isdisjoint(call[1]):
            into = joined[call[2]]
            target = into[0]
            target.time = moment.time
            target.events = sorted({*target.events, *moment.events})
            target.responses += moment.responses
            target.notes += [n for n in moment.notes if n not in target.notes]
            if channel == "report":
                into[1] = "report"
            call[1] |= assets
            parts[call[2]] += 1
            continue
        if joinable:
            open_calls[key] = [moment.time, set(assets), len(joined)]
        joined.append([moment, channel, sender])
        parts.append(1)
    for index, (moment, _channel, sender) in enumerate(joined):
        if sender["say"] == "caller" and parts[index] > 1:
            towns = [t for t in _towns(run, moment) if t]
            joined[index][2] = sender | {
                "say": "callers" if len(towns) == 1 else "callers_any",
                "from": run.t("msel.from.callers"),
                "town": towns[0] if len(towns) == 1 else "",
            }
    joined.sort(key=lambda part: (part[0].time, part[0].events[0]))
    return [tuple(part) for part in joined]
