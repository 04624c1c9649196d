"""A live exercise's session directory: what is needed to resume it, written as it happens.

A session directory holds

- ``decisions.yaml``: the decision log, a decisions file (``rampsim run --decisions``) at every
  moment: a header, then one decision per line, each appended, flushed and synced as it arrives;
- ``session.jsonl``: one JSON record per line, appended and synced: ``start`` (scenario, seed,
  language, speed), ``minute`` (the minute the clock reached), ``play``, ``pause``, ``speed``,
  ``delivered`` (an inject handed to a party, with the row as the party reads it) and ``end``;
- ``tokens.json``: the secret of each join link, so links survive a restart.

``Session.open`` reads them back (a line cut short by a crash is dropped: it was never
acknowledged) and ``replay`` rebuilds the exercise: ``Exercise(scenario, seed, decisions=log)``
advanced to the minute reached. At the end, ``write_run`` makes the directory a run directory
like any other, without touching the session files.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.decisions import Decision
from ..model.decisions_loading import load_decisions
from ..model.scenario import Scenario
from .exercise import Exercise, decision_line, decisions_document
from .results import Results

__all__ = ["DECISIONS_FILE", "SESSION_FILE", "TOKENS_FILE", "Session", "SessionError", "SessionState"]

DECISIONS_FILE = "decisions.yaml"
SESSION_FILE = "session.jsonl"
TOKENS_FILE = "tokens.json"


class SessionError(Exception):
    """A session directory that cannot be used: ``key`` and ``params`` of a catalogue message."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class SessionState:
    """What a session had reached: the minute, the speed, the deliveries, whether it ended."""

    minute: float = 0.0
    speed: float = 60.0
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    ended: bool = False
    decisions: tuple[Decision, ...] = ()


class Session:
    """The files of one session directory; every write is appended and synced before it returns."""

    def __init__(self, path: Path, scenario: Scenario, seed: int, lang: str, tokens: dict[str, Any]):
        self.path = Path(path)
        self.scenario = scenario
        self.seed = seed
        self.lang = lang
        self.tokens = tokens

    # --- creating and opening -------------------------------------------------------------------
    @classmethod
    def exists(cls, path: Path) -> bool:
        return (Path(path) / SESSION_FILE).is_file()

    @classmethod
    def create(cls, path: Path, scenario: Scenario, seed: int, lang: str, speed: float, parties: list[str]) -> Session:
        """A new session in ``path`` (absent or empty): the header of the decision log, the start
        record and a token for exercise control and for each party."""
        path = Path(path)
        if path.exists() and any(path.iterdir()):
            raise SessionError("live.session.not_a_session", path=path, file=SESSION_FILE)
        path.mkdir(parents=True, exist_ok=True)
        tokens = {"control": secrets.token_urlsafe(18), "parties": {p: secrets.token_urlsafe(18) for p in parties}}
        _write_atomic(path / TOKENS_FILE, json.dumps(tokens, indent=2) + "\n", mode=0o600)
        session = cls(path, scenario, seed, lang, tokens)
        _write_atomic(path / DECISIONS_FILE, decisions_document(scenario, seed, ()))
        sources = [{"path": str(s.path), "sha256": s.sha256} for s in scenario.sources]
        session.record(
            {
                "type": "start",
                "scenario": scenario.name,
                "path": str(scenario.path or ""),
                "sources": sources,
                "seed": seed,
                "lang": lang,
                "speed": speed,
            }
        )
        return session

    @classmethod
    def open(
        cls, path: Path, scenario: Scenario, seed: int | None = None, lang: str | None = None
    ) -> tuple[Session, SessionState]:
        """The session in ``path`` and the state it had reached. ``SessionError`` when it is not a
        session, or one of another scenario or seed; ``LoadError`` when its decision log does not
        fit the scenario."""
        path = Path(path)
        for name in (SESSION_FILE, DECISIONS_FILE, TOKENS_FILE):
            if not (path / name).is_file():
                raise SessionError("live.session.not_a_session", path=path, file=name)
        records = _records(path / SESSION_FILE)
        start = records[0] if records and records[0].get("type") == "start" else None
        if start is None:
            raise SessionError("live.session.unreadable", path=path / SESSION_FILE, line=1)
        if start["scenario"] != scenario.name:
            raise SessionError("live.session.other_scenario", path=path, other=start["scenario"], name=scenario.name)
        now_sources = {str(s.path): s.sha256 for s in scenario.sources}
        for source in start.get("sources", ()):
            if now_sources.get(source["path"], source["sha256"]) != source["sha256"]:
                raise SessionError("live.session.scenario_changed", path=path, file=source["path"])
        if seed is not None and seed != start["seed"]:
            raise SessionError("live.session.other_seed", path=path, seed=start["seed"])
        _drop_torn_tail(path / DECISIONS_FILE)
        decisions = load_decisions(path / DECISIONS_FILE, scenario)
        tokens = json.loads((path / TOKENS_FILE).read_text(encoding="utf-8"))
        session = cls(path, scenario, int(start["seed"]), lang or start["lang"], tokens)
        state = SessionState(speed=float(start["speed"]), decisions=decisions)
        for record in records[1:]:
            kind = record.get("type")
            if kind == "minute":
                state.minute = max(state.minute, float(record["minute"]))
            elif kind == "speed":
                state.speed = float(record["speed"])
            elif kind == "delivered":
                state.deliveries.append(record)
                state.minute = max(state.minute, float(record["minute"]))
            elif kind == "end":
                state.ended = True
        state.minute = max([state.minute, *(d.at for d in decisions)])
        return session, state

    def replay(self, state: SessionState) -> tuple[Exercise, list[dict[str, Any]]]:
        """The exercise as it was: the decision log replayed from scratch, advanced to the minute;
        and the events so far (``Exercise.advance``'s)."""
        exercise = Exercise(self.scenario, seed=self.seed, decisions=state.decisions, lang=self.lang)
        events = exercise.advance(exercise.until_min if state.ended else state.minute)
        return exercise, events

    def party_token(self, party: str) -> str:
        """The party's token (one is made, and kept, for a party the session had no token for)."""
        parties = self.tokens["parties"]
        if party not in parties:
            parties[party] = secrets.token_urlsafe(18)
            _write_atomic(self.path / TOKENS_FILE, json.dumps(self.tokens, indent=2) + "\n", mode=0o600)
        return parties[party]

    # --- writing as it happens ------------------------------------------------------------------
    def log_decision(self, decision: Decision) -> None:
        """Append ``decision`` to the decision log and sync it: the file stays a decisions file."""
        _append(self.path / DECISIONS_FILE, "  - " + decision_line(decision) + "\n")

    def record(self, record: dict[str, Any]) -> None:
        """Append one record to the session log and sync it."""
        _append(self.path / SESSION_FILE, json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")

    def write_run(self, results: Results, command: list[str] | None = None) -> Path:
        """Write the run files (``Results.save``) into the session directory: saved beside it
        first, then moved in one by one, ``manifest.json`` last, so that the directory looks like a
        run directory only once every file is in; the session files stay as they are."""
        staging = self.path.parent / f".{self.path.name}.run-{secrets.token_hex(4)}"
        results.save(staging, command=command)
        try:
            names = sorted(p.name for p in staging.iterdir())
            for name in [n for n in names if n != "manifest.json"] + ["manifest.json"]:
                os.replace(staging / name, self.path / name)
            _sync_directory(self.path)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        results.path = self.path
        return self.path


def _append(path: Path, line: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


def _write_atomic(path: Path, content: str, mode: int = 0o644) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _sync_directory(path.parent)


def _sync_directory(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _drop_torn_tail(path: Path) -> None:
    """Cut a last line that a crash left without its newline (it was never acknowledged)."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with open(path, "r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)
            handle.flush()
            os.fsync(handle.fileno())


def _records(path: Path) -> list[dict[str, Any]]:
    _drop_torn_tail(path)
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            raise SessionError("live.session.unreadable", path=path, line=n) from None
    return records
