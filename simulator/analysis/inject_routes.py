"""Who sends an inject, to whom and by which means: the channel a real sender would use.

- An owner's own staff who notice a failure (a ``report`` whose asset has an owner other than the
  control room) call the safety region's control room on the direct line, where the duty officer
  (officier van dienst) takes it: an operator (energy, water, flood defence, waterways, telecom,
  transport) as the duty operator, others as their duty officer. Not 112. A municipality's or an
  ICT owner's IT staff (government and ICT assets) call their own crisis coordinator instead.
- Citizens (a neighbourhood's state, an asset without an owner of its own) and residents seeing
  water or a crowd call 112; an official's office reports a threat on 112 too.
- An owner's own detection reaches the owner's crisis team first (``to``: "Crisisteam {org}", the
  party of a live exercise): a SCADA alarm on the screen of its control centre for operational
  technology and water-level alarms; for a municipality or an ICT owner its system administrator
  calls the crisis coordinator; otherwise its security operations centre mails it; online
  incidents reach its webcare team.
- What the owner tells the crisis organisation afterwards (``share``) comes from its on-call
  manager, to the crisis team in session (the one assembled last, the highest GRIP level) or else
  the control room's duty officer. Later news (``update``) from an operator's duty operator goes on
  the direct line to the safety region's duty officer at the control room (the operator's own
  chain, never a policy team), and so do other owners' staff (a fire brigade's duty officer): one
  sender keeps the addressee and the line it reported on through the run; from a municipality's or
  ICT owner's IT staff to their own crisis coordinator; news from the scene with no owner comes from
  the units on site over C2000, to the crisis team in session or the control room, whom the call names.
- Weather comes as a KNMI warning (``forecast``), to the crisis team in session or the control room.
"""

from __future__ import annotations

from ..engine.eventkinds import CHANNEL_OF, VISIBILITY
from .inject_lookups import RunLookups
from .inject_weather import forecast_sender

__all__ = ["moment_channel", "team_in_session", "route", "OPERATOR_SECTORS", "IT_SECTORS"]

OPERATOR_SECTORS = frozenset({"energy", "water", "flood_defence", "waterways", "telecom", "transport"})
IT_SECTORS = frozenset({"government", "ict"})


def moment_channel(run: RunLookups, time: float, events: list[int]) -> tuple[str, int | None]:
    """The channel of a moment (one of ``CHANNELS``) and the event that brought it, if any."""
    channel_event = next((e for e in events if run.kind[e] in CHANNEL_OF), None)
    if channel_event is None:
        return "update", None
    channel = CHANNEL_OF[run.kind[channel_event]]
    if channel == "report":
        return "report", channel_event
    known = run.known[channel_event]
    if known is not None and known < time:
        return "share", channel_event
    return channel, channel_event


def team_in_session(run: RunLookups, time: float) -> tuple[str, float, str] | None:
    """The crisis team assembled last among those in session at ``time`` (the higher GRIP teams
    assemble later): its name, the minute it assembled and its id; or None."""
    session: dict[str, tuple[float, str, str]] = {}
    for e in run.team_events:
        if run.time[e] > time:
            break
        if run.kind[e] == "team.assembled":
            session[run.ref[e]] = (run.time[e], str(run.data[e].get("team") or run.ref[e]), str(run.ref[e]))
        elif run.kind[e] == "team.dismissed":
            session.pop(run.ref[e], None)
    if not session:
        return None
    since, name, team_id = max(session.values())
    return name, since, team_id


def _staff(run: RunLookups, asset: str) -> str:
    sector = run.sector.get(asset, "")
    if sector in OPERATOR_SECTORS:
        return "operator"
    return "it_staff" if sector in IT_SECTORS else "staff"


def _own_detection(run: RunLookups, org: str, asset: str, channel: str, kinds: set[str]) -> tuple[str, str, str]:
    """(say, to_id, method) of what an owner's own monitoring or alarm finds; ``to_id`` the owner's
    crisis team (the owner's id) or the control room (``""`` when the run names none)."""
    if not org or org == run.control_room:
        say = "webcare" if any(k.startswith("online.") for k in kinds) else "scada"
        return say, run.control_room or "", "social" if say == "webcare" else "scada"
    if any(k.startswith("online.") for k in kinds):
        return "webcare", org, "social"
    sector = run.sector.get(asset, "")
    if channel == "alarm" or (sector in OPERATOR_SECTORS and "cyber.exfiltrated" not in kinds):
        return "scada", org, "scada"
    if sector in IT_SECTORS:
        return "it_staff", org, "phone"
    return "soc", org, "email"


def addressee(run: RunLookups, to_id: str) -> str:
    """The display text of the addressee ``to_id``: the control room (its duty officer), a crisis
    team of the ladder by its name, or an organisation's crisis team."""
    if not to_id or to_id == run.control_room:
        return run.t("msel.to.control_room")
    if to_id in run.team_names:
        return run.team_names[to_id]
    return run.t("msel.to.crisis_team", org=run.org_names.get(to_id, to_id))


def route(run: RunLookups, time: float, channel: str, channel_event: int | None, facts: list[int]) -> dict[str, str]:
    """``from``, ``to`` (display text), ``to_id`` (the addressee as a party id: the control
    room's organisation id, a crisis team's id or an organisation whose crisis team takes it),
    ``method`` (a ``msel.method.*`` key), the sender's frame ``say`` (a ``msel.frame.*`` key) with
    ``org`` and ``official``, and the ``asset`` the row is mainly about."""
    asset = next((run.asset[e] for e in ([channel_event] if channel_event else []) + facts if run.asset[e]), "")
    org = owner = run.owner.get(asset, "")
    control_room = run.control_room or ""  # the duty officer takes the direct line there
    kinds = {run.kind[e] for e in facts}
    has_owner = bool(owner) and owner != run.control_room and run.sector.get(asset) != "population"
    official = ""
    if channel == "report" and channel_event is not None:
        kind = run.kind[channel_event]
        if kind == "report.received.threat":
            say, to_id, method = "official", control_room, "phone_112"
            official = next((str(run.data[e]["official"]) for e in facts if run.data[e].get("official")), "")
        elif kind in ("report.received.flood", "report.received.crowd"):
            say, to_id, method = "residents", control_room, "phone_112"
        elif has_owner and _staff(run, asset) == "it_staff":  # IT staff call their own crisis coordinator
            say, to_id, method = "it_staff", owner, "phone"
        elif has_owner:
            say, to_id, method = _staff(run, asset), control_room, "direct_line"
        else:
            say, to_id, method = "caller", control_room, "phone_112"
    elif channel in ("monitoring", "alarm") and channel_event is not None:
        org = run.org[channel_event] or owner
        say, to_id, method = _own_detection(run, org, asset, channel, kinds)
    else:
        team = team_in_session(run, time)
        to_id = team[2] if team else control_room
        if channel == "forecast":
            say, method, _action = forecast_sender(run, facts)
        elif facts and all(VISIBILITY.get(k) == "public" for k in kinds):
            say, method = "public", "media"
        elif has_owner and channel != "share" and _staff(run, asset) == "it_staff":
            say, to_id, method = "it_staff", owner, "phone"  # IT staff keep their own crisis coordinator informed
        elif has_owner and channel != "share":  # the way they reported: the duty officer on the direct line
            say, to_id, method = _staff(run, asset), control_room, "direct_line"
        elif has_owner:  # the on-call manager: the crisis team's number, or the control room's direct line
            say, method = "duty", "phone" if team else "direct_line"
        else:
            say, method = "units", "radio"
    sender = run.t(f"msel.from.{say}", org=run.org_names.get(org, org), official=official)
    return {
        "from": sender,
        "to": addressee(run, to_id),
        "to_id": to_id,
        "method": method,
        "say": say,
        "org": org,
        "official": official,
        "asset": asset,
    }
