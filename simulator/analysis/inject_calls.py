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

- A sender's first news in the run is played at once (the first call about the trouble is never
  held back): only moments of the same second join it, as one call; its later news is joined.
- A moment about an asset the open call already holds (the substation that failed and now works
  again) is not joined: it opens the next call, so each asset's change is said in its own call.
- Only the cascade is joined: a moment whose facts are all consequences on assets (a need lost or
  back, the new status it brings: ``asset.failed``, ``need.unsatisfied`` ...). A moment with an
  incident (an attack, encryption, an outage, a flood, a threat, a crowd), an event without an
  asset or a KNMI warning stays a row of its own, so an attack unfolds as it is discovered (in
  ``ransomware-gemeente`` each system found encrypted is a call of its own) while the power cut's
  consequences are played as bursts.
- The joined call is at the time of its **last** moment: nothing is played before the crisis
  organisation knew it, and a team's decision listed with it never comes before that team is in
  session (the addressee, a team in session, is part of the sender; decisions were placed before).
  The first news of a joined call waits at most the window.
- It holds every event, response and note of its parts (the CSV lists every event); its channel
  is a report when any part is one, else the first part's.
- Calls of two or more 112 callers are said by exercise control as the control room hears them:
  ``msel.from.callers`` and ``msel.frame.callers`` ("Bij de meldkamer komen veel 112-meldingen binnen
  uit Lageveen. In 5 wijken ..."): "veel" / "many" from ``MANY_CALLS_FROM`` (4) joined calls, "een
  paar" / "a few" for 2 or 3 (``msel.frame.callers_few``).

Times in minutes after the scenario start.
"""

from __future__ import annotations

from ..engine.eventkinds import CHANNEL_OF, STATUS_KINDS
from .inject_lookups import RunLookups, event_layer

__all__ = ["CALL_WINDOW_MIN", "CALLER_WINDOW_MIN", "MANY_CALLS_FROM", "join_calls"]

CALL_WINDOW_MIN = 15.0  # an owner's staff, units on site, an on-call manager: one call a quarter of an hour
CALLER_WINDOW_MIN = 5.0  # 112 callers of one municipality: the calls of five minutes are one burst
MANY_CALLS_FROM = 4  # a burst of this many 112 calls or more is "veel" / "many"; 2 or 3 are "een paar" / "a few"


def _towns(run: RunLookups, moment) -> tuple[str, ...]:
    return tuple(sorted({str(run.municipality.get(run.asset[e], "") or "") for e in moment.events if run.asset[e]}))


def _consequence(run: RunLookups, e: int) -> bool:
    """Whether event ``e`` may be part of a joined call: the report, detection or alarm that
    brings news, or a consequence of the cascade on an asset (a need lost or back, the status it
    brings); an incident (an attack, a flood, an outage, a threat, a crowd) is not."""
    kind = run.kind[e]
    if kind in CHANNEL_OF:
        return True
    return bool(run.asset[e]) and (kind in STATUS_KINDS or kind.startswith("need.")) and event_layer(kind) != "inject"


def join_calls(run: RunLookups, planned: list[tuple]) -> list[tuple]:
    """``planned`` (moment, channel, sender) in order of time joined into calls (see the module
    docstring), in order of time and first event. The moments are changed in place."""
    open_calls: dict[tuple, list] = {}  # sender key -> [first time, assets, index in joined, first news?]
    joined: list[list] = []
    parts: list[int] = []  # moments in each call
    heard: set[tuple] = set()  # senders whose first news was played
    for moment, channel, sender in planned:
        assets = {run.asset[e] for e in moment.events if run.asset[e]}
        joinable = channel != "forecast" and all(_consequence(run, e) for e in moment.events)
        caller = sender["method"] == "phone_112"
        key = (sender["from"], sender["to_id"], sender["method"], _towns(run, moment) if caller else ())
        window = CALLER_WINDOW_MIN if caller else CALL_WINDOW_MIN
        call = open_calls.get(key) if joinable else None
        if call is not None and call[3] is not None:  # the first news: only the same second joins it
            window = 0.0 if round(moment.time * 60) != round(call[0] * 60) else window
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
        if joinable:  # a sender's first news is played at once: only the same second joins it
            open_calls[key] = [moment.time, set(assets), len(joined), None if key[:3] in heard else "first"]
        heard.add(key[:3])
        joined.append([moment, channel, sender])
        parts.append(1)
    for index, (moment, _channel, sender) in enumerate(joined):
        if sender["say"] == "caller" and parts[index] > 1:
            towns = [t for t in _towns(run, moment) if t]
            few = "_few" if parts[index] < MANY_CALLS_FROM else ""
            joined[index][2] = sender | {
                "say": ("callers" if len(towns) == 1 else "callers_any") + few,
                "from": run.t("msel.from.callers"),
                "town": towns[0] if len(towns) == 1 else "",
            }
    joined.sort(key=lambda part: (part[0].time, part[0].events[0]))
    return [tuple(part) for part in joined]
