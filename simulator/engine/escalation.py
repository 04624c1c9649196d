"""The escalation ladder (GRIP): levels, teams and their assembly, de-escalation.

The response goes to the highest level whose condition holds on the known situation, ``decide``
minutes after that first holds (re-checked then; levels may be skipped). Teams of every level up
to it are called and assembled after their assembly time (office hours or not). When the current
level's condition has stopped holding for ``deescalate_after`` minutes, the response steps down
to the highest level that holds and the teams above it are dismissed.
"""

from __future__ import annotations

from collections.abc import Callable

import simpy

from .kernel import Kernel, Part

__all__ = ["Escalation"]


class Escalation(Part):
    """The GRIP level now (``current``), the minute each level was first reached and each team
    assembled; ``listeners(level, event id)`` are told when a level is reached."""

    PEERS = ("situation",)  # the known situation its conditions read

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        self.ladder = kernel.scenario.response.ladder
        self.levels = sorted(self.ladder.levels, key=lambda level: level.level) if self.ladder else []
        self.current = 0
        self.floor = 0  # a level decided by the players: the ladder does not step down below it
        self.reached: dict[int, float] = {}  # level -> first minute
        self.assembled: dict[str, float] = {}  # team id -> minute assembled (first time)
        self.active_teams: set[str] = set()
        self.team_ready: dict[str, simpy.Event] = {}
        self._up_version = 0
        self._up_pending = False
        self._down_version = 0
        self._down_pending = False
        self.listeners: list[Callable[[int, int], None]] = []  # (level, event id) on reaching a level
        self.team_names = {t.id: t.name or t.id for level in self.levels for t in level.teams}

    def target(self) -> int:
        values = self.peers.situation.values()
        held = max((level.level for level in self.levels if level.when(values)), default=0)
        return max(held, self.floor)

    def ready(self, team: str) -> simpy.Event:
        """An event that succeeds when ``team`` is assembled."""
        if team not in self.team_ready:
            self.team_ready[team] = self.kernel.event()
        return self.team_ready[team]

    def reevaluate(self, cause: int) -> None:
        if not self.levels or self.ladder is None:
            return
        target = self.target()
        if target > self.current and not self._up_pending:
            self._up_pending = True
            self._up_version += 1
            self.kernel.call_at(
                self.kernel.stream.draw(self.ladder.decide, "grip.decide"), self._escalate, self._up_version, cause
            )
        if target < self.current and not self._down_pending:
            self._down_pending = True
            self._down_version += 1
            self.kernel.call_at(self.ladder.deescalate_after, self._deescalate, self._down_version, cause)
        elif target >= self.current and self._down_pending:
            self._down_pending = False
            self._down_version += 1  # the situation got worse again: stay

    def _escalate(self, version: int, cause: int) -> None:
        if version != self._up_version:
            return
        self._up_pending = False
        target = self.target()
        if target <= self.current:
            return
        self._escalate_to(target, cause)

    def decide(self, level: int, cause: int) -> None:
        """The players set the level (up or down): the ladder follows its conditions above it,
        but does not step down below it by itself."""
        self.floor = level
        self._up_version += 1  # a pending automatic change is overtaken by the decision
        self._up_pending = False
        self._down_version += 1
        self._down_pending = False
        if level > self.current:
            self._escalate_to(level, cause)
        elif level < self.current:
            self._deescalate_to(level, cause)

    def _escalate_to(self, target: int, cause: int) -> None:
        kernel = self.kernel
        level = next(lv for lv in self.levels if lv.level == target)
        event = kernel.log(
            "grip.escalated",
            cause=cause,
            params={"from": self.current, "to": target, "name": level.name or str(target)},
            ref=level.name or str(target),
            level=float(target),
        )
        self.current = target
        for reached in self.levels:
            if reached.level <= target:
                self.reached.setdefault(reached.level, kernel.now)
                for team in reached.teams:
                    if team.id not in self.active_teams:
                        self.active_teams.add(team.id)
                        kernel.call_at(
                            kernel.clock.callout(team.assembly, kernel.now, kernel.stream("team", team.id)),
                            self._assembled,
                            team,
                            event,
                        )
        for listener in self.listeners:
            listener(target, event)

    def _assembled(self, team, cause: int) -> None:
        if team.id not in self.active_teams:
            return  # dismissed before it assembled
        self.assembled.setdefault(team.id, self.kernel.now)
        params: dict = {"team": team.name or team.id}
        if team.chair is not None:
            params["chair"] = {"nl": team.chair.nl, "en": team.chair.en}
        self.kernel.log("team.assembled", cause=cause, params=params, ref=team.id)
        ready = self.ready(team.id)
        if not ready.triggered:
            ready.succeed()

    def _deescalate(self, version: int, cause: int) -> None:
        if version != self._down_version:
            return
        self._down_pending = False
        target = self.target()
        if target >= self.current:
            return
        self._deescalate_to(target, cause)

    def _deescalate_to(self, target: int, cause: int) -> None:
        kernel = self.kernel
        level_name = next((lv.name or str(lv.level) for lv in self.levels if lv.level == target), "")
        event = kernel.log(
            "grip.deescalated" if target > 0 else "grip.ended",
            cause=cause,
            params={"from": self.current, "to": target, "name": level_name},
            ref=level_name,
            level=float(target),
        )
        keep = {team.id for lv in self.levels if lv.level <= target for team in lv.teams}
        for team_id in sorted(self.active_teams - keep):
            self.active_teams.discard(team_id)
            kernel.log(
                "team.dismissed", cause=event, params={"team": self.team_names.get(team_id, team_id)}, ref=team_id
            )
            ready = self.team_ready.get(team_id)
            if ready is not None and ready.triggered:
                del self.team_ready[team_id]  # later work waits for the team to assemble again
        self.current = target
