"""A live exercise: a running simulation that is paused, advanced and fed with decisions.

``Exercise`` wraps one ``Simulation``. It advances to a minute, takes decisions and ad-hoc
injects at the current minute, and says what happened since the last look, what each
organisation knows, and what exercise control should expect next (the inject list of the rest of
the run under the current course, from a look-ahead run with the same seed and decisions).

The decision log (``decisions``) is the whole input: ``Exercise(scenario, seed,
decisions=log)`` advanced to the same minute is in the same state, and ``simulate(scenario, seed,
decisions=log)`` writes the same files as the played exercise run to its end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..engine.decisions import CONTROL_ROOM_ACTIONS, TEAM_ONLY_ACTIONS
from ..engine.simulation import Simulation
from ..messages import default_language
from ..model.decisions import DECISION_ACTIONS, EXERCISE_CONTROL, Decision
from ..model.decisions_loading import check_decisions
from ..model.errors import LoadError
from ..model.scenario import Scenario
from .eventtext import event_message
from .injects import derive_injects
from .results import Results
from .tables import WallClockText

__all__ = ["Exercise", "DecisionOutcome", "Party", "course_ahead", "decisions_document", "decision_line"]


@dataclass(frozen=True)
class DecisionOutcome:
    """What became of a decision: its id, whether it was taken, and why not (a reason key)."""

    id: str
    decision: Decision
    taken: bool
    reason: str = ""


@dataclass(frozen=True)
class Party:
    """Someone who decides: a crisis team of the ladder or an organisation. ``org`` is whose
    knowledge it sees (a crisis team sees the control room's picture)."""

    id: str
    name: str
    kind: str  # "team" or "organisation"
    org: str


class Exercise:
    """A simulation played live. Times are minutes after the scenario start."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int | None = None,
        decisions: list[Decision] | tuple[Decision, ...] = (),
        lang: str | None = None,
    ):
        self.scenario = scenario
        self.lang = lang or scenario.spec.language or default_language()
        problems = check_decisions(tuple(decisions), scenario)
        if problems:
            raise LoadError(problems)
        self._sim = Simulation(scenario, seed=seed, decisions=decisions)
        self.seed = self._sim.seed
        self.until_min = self._sim.until_min
        self._log: list[Decision] = list(decisions)
        self._event_cursor = 0
        self._knowledge_cursor = 0
        self._forecast: tuple[int, pd.DataFrame] | None = None
        self._clock = WallClockText(scenario.start)
        self._basins = {b.id: b.name for b in scenario.graph.basins if b.name}  # id -> the name people read
        self._sim.start()

    # --- the clock ---------------------------------------------------------------------------------
    @property
    def now(self) -> float:
        return float(self._sim.env.now)

    @property
    def finished(self) -> bool:
        return self.now >= self.until_min

    def advance(self, to_min: float) -> list[dict[str, Any]]:
        """Run to minute ``to_min`` (capped at the end); returns the events since the last call."""
        self._sim.advance(to_min)
        return self.new_events()

    def step(self, minutes: float = 1.0) -> list[dict[str, Any]]:
        return self.advance(self.now + minutes)

    # --- input -------------------------------------------------------------------------------------
    @property
    def decisions(self) -> tuple[Decision, ...]:
        """The decision log: every decision given, in order (the whole input of the exercise)."""
        return tuple(self._log)

    def decide(self, decision: Decision | dict[str, Any]) -> DecisionOutcome:
        """Take ``decision`` now (its ``at`` is set to the current minute). A decision that names
        what the scenario does not have raises ``LoadError``; one that is impossible now is
        refused and logged, not raised."""
        data = decision.model_dump(exclude_unset=True) if isinstance(decision, Decision) else dict(decision)
        data["at"] = self.now
        if "id" not in data or data["id"] is None:
            data["id"] = f"decision-{len(self._log) + 1}"
        checked = Decision.model_validate(data)
        problems = check_decisions(tuple(self._log) + (checked,), self.scenario)
        if problems:
            raise LoadError([p for p in problems if p.loc and p.loc[1] == len(self._log)] or problems)
        self._log.append(checked)
        decision_id, taken, reason = self._sim.decide_now(checked)
        self._forecast = None
        return DecisionOutcome(decision_id, checked, taken, reason)

    def inject(self, inject: dict[str, Any], rationale: str = "") -> DecisionOutcome:
        """An ad-hoc inject by exercise control, now (``inject``: as in a scenario's ``injects``)."""
        return self.decide({"by": EXERCISE_CONTROL, "action": "inject", "inject": inject, "rationale": rationale})

    def outcomes(self) -> list[DecisionOutcome]:
        return [DecisionOutcome(i, d, taken, reason) for d, i, taken, reason in self._sim.decisions_applied]

    # --- what happened and who knows it -------------------------------------------------------------
    def event_row(self, event_id: int) -> dict[str, Any]:
        """One event as people read it: id, time_min, clock, kind, asset (id), org, message, cause, ref."""
        sim = self._sim
        event = sim.log_book[event_id - 1]
        assets = sim.scenario.graph.assets
        asset = assets[event.asset] if event.asset >= 0 else None
        return {
            "id": event.id,
            "time_min": event.time_min,
            "clock": self._clock(event.time_min),
            "kind": event.kind,
            "asset": asset.id if asset else "",
            "org": event.org,
            "message": event_message(
                event.kind,
                sim.scenario.graph.label(asset.id) if asset else "",
                event.params,
                event.level,
                self.lang,
                basins=self._basins,
            ),
            "cause": event.cause or None,
            "ref": event.ref,
        }

    def events(self, after_id: int = 0) -> list[dict[str, Any]]:
        """Every event logged so far with an id above ``after_id`` (ground truth), in order."""
        return [self.event_row(e.id) for e in self._sim.log_book[after_id:]]

    def new_events(self) -> list[dict[str, Any]]:
        """Events logged since the last call (ground truth), in order."""
        rows = self.events(self._event_cursor)
        self._event_cursor = len(self._sim.log_book)
        return rows

    def knowledge_records(self) -> list[tuple[float, str, int]]:
        """(minute, organisation, event id) for everything learned so far, in order."""
        return list(self._sim.awareness.records)

    def new_knowledge(self) -> list[tuple[float, str, int]]:
        """(minute, organisation, event id) learned since the last call, in order."""
        records = self._sim.awareness.records
        new = records[self._knowledge_cursor :]
        self._knowledge_cursor = len(records)
        return list(new)

    def knowledge(self, org: str) -> list[dict[str, Any]]:
        """Every event ``org`` knows of now, with ``known_min`` the minute it learned of it."""
        return [{**self.event_row(e), "known_min": t} for t, o, e in self._sim.awareness.records if o == org]

    def known_ids(self, org: str) -> set[int]:
        return {e for _, o, e in self._sim.awareness.records if o == org}

    def status(self) -> list[dict[str, Any]]:
        """Every asset's service level now (ground truth): id, name, sector, service, manual."""
        sim = self._sim
        return [
            {
                "id": a.id,
                "name": sim.scenario.graph.label(a.id),
                "sector": a.sector,
                "service": sim.states.service[i],
                "manual": bool(sim.states.manual[i]),
            }
            for i, a in enumerate(sim.scenario.graph.assets)
        ]

    def deadlines(self) -> list[dict[str, Any]]:
        """The legal clocks started so far: key, name, org, started/due/done minutes, met."""
        return [
            {
                "key": c.key,
                "name": c.name,
                "org": c.org,
                "started_min": c.started_min,
                "due_min": c.due_min,
                "done_min": c.done_min,
                "met": c.met,
            }
            for c in self._sim.deadlines.clocks.values()
        ]

    @property
    def grip_level(self) -> int:
        return self._sim.escalation.current

    def assembled_teams(self) -> list[str]:
        escalation = self._sim.escalation
        return sorted(
            t for t, ready in escalation.team_ready.items() if ready.triggered and t in escalation.active_teams
        )

    # --- who decides -----------------------------------------------------------------------------------
    def parties(self) -> list[Party]:
        """The crisis teams of the ladder and the organisations, each with whose knowledge it sees."""
        desk = self._sim.desk
        ladder = self.scenario.response.ladder
        teams = [(t.id, t.name or t.id) for level in (ladder.levels if ladder else ()) for t in level.teams]
        seen: set[str] = set()
        out = []
        for team_id, name in teams:
            if team_id not in seen:
                seen.add(team_id)
                out.append(Party(team_id, name, "team", desk.party_org(team_id)))
        out.extend(Party(o.id, o.name or o.id, "organisation", o.id) for o in self.scenario.organisations)
        return out

    def party(self, party_id: str) -> Party:
        return next(p for p in self.parties() if p.id == party_id)

    def crews_for(self, party_id: str) -> list[str]:
        """The crews a party may command: a crisis team every crew, an organisation its own."""
        crews = list(self.scenario.crews())
        if any(p.id == party_id and p.kind == "team" for p in self.parties()):
            return crews
        return [c for c in crews if c.split("/")[0] == party_id]

    def actions_for(self, party_id: str) -> list[str]:
        """The actions a party may take, as the decision desk permits them: a crisis team every
        action but ``inject``; an organisation the actions on its own assets and crews and those of
        ``ORG_ACTIONS_ANY_TARGET``, the control room organisation also GRIP and NL-Alert."""
        if any(p.id == party_id and p.kind == "team" for p in self.parties()):
            return [a for a in DECISION_ACTIONS if a != "inject"]
        room = self.scenario.response.control_room
        return [
            a
            for a in DECISION_ACTIONS
            if a != "inject" and (a not in TEAM_ONLY_ACTIONS or (a in CONTROL_ROOM_ACTIONS and party_id == room))
        ]

    # --- the course ahead ------------------------------------------------------------------------------
    def forecast(self) -> pd.DataFrame:
        """The inject list (MSEL rows, ``derive_injects``) still to come under the current course:
        a look-ahead run with the same seed and the decisions so far, rows after now."""
        if self._forecast is None or self._forecast[0] != len(self._log):
            self._forecast = (len(self._log), course_ahead(self.scenario, self.seed, self.decisions, self.lang))
        rows = self._forecast[1]
        return rows[rows["time_min"] > self.now].reset_index(drop=True)

    def results(self) -> Results:
        """Run to the end and return the played course as ``Results`` (the exercise is over)."""
        return Results.from_record(self._sim.finish(), lang=self.lang)


def course_ahead(scenario: Scenario, seed: int, decisions: tuple[Decision, ...], lang: str) -> pd.DataFrame:
    """The inject list (MSEL rows, every row) of a whole run with ``decisions``: the course ahead
    under them. Touches no running simulation, so it may run in a worker thread."""
    ahead = Simulation(scenario, seed=seed, decisions=decisions).run()
    return derive_injects(Results.from_record(ahead, lang=lang), lang)


def decisions_document(scenario: Scenario, seed: int, decisions: tuple[Decision, ...]) -> str:
    """A decisions file for ``decisions`` (YAML; each decision on one line in JSON flow style)."""
    lines = [f"scenario: {json.dumps(str(scenario.path or scenario.name))}", f"seed: {seed}", "decisions:"]
    lines += ["  - " + decision_line(d) for d in decisions]
    return "\n".join(lines) + "\n"


def decision_line(decision: Decision) -> str:
    """One decision as a YAML flow mapping (valid JSON) for a decisions file or session log."""
    return json.dumps(decision.model_dump(mode="json", exclude_defaults=True, by_alias=True), ensure_ascii=False)
