"""Helpers of the live exercise tests: a hub served by a real uvicorn in a thread, and a
WebSocket client that keeps every message it received."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import uvicorn
from websockets.sync.client import connect

from simulator.analysis.exercise import Exercise
from simulator.analysis.session import Session, SessionState
from simulator.report.live.app import build_app, listening_socket
from simulator.report.live.hub import Hub

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "sluis-havenstad.yaml"
SEED = 3


class Server:
    """A hub served by uvicorn in a thread; ``stop()`` shuts it down and waits."""

    def __init__(self, path: Path, scenario, resume: bool = False):
        if resume:
            self.session, state = Session.open(path, scenario)
        else:
            parties = [p.id for p in Exercise(scenario, seed=SEED).parties()]
            self.session, state = Session.create(path, scenario, SEED, "en", 60.0, parties), SessionState()
        self.hub = Hub(self.session, state)
        sock = listening_socket("127.0.0.1", 0)
        self.port = sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(build_app(self.hub), log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)

    def ws(self, party: str | None = None, token: str | None = None):
        tokens = self.session.tokens
        if token is None:
            token = tokens["control"] if party is None else tokens["parties"][party]
        path = "/ws/control" if party is None else f"/ws/play/{party}"
        return Socket(connect(f"ws://127.0.0.1:{self.port}{path}?token={token}", legacy=True))

    def get(self, path: str) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}") as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(20)


class Socket:
    """A WebSocket whose every message is kept in ``seen``."""

    def __init__(self, socket):
        self.socket = socket
        self.seen: list[dict] = []

    def send(self, message: dict) -> None:
        self.socket.send(json.dumps(message))

    def until(self, predicate, timeout: float = 30.0) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.socket.recv(timeout=max(0.01, deadline - time.monotonic())))
            self.seen.append(message)
            if predicate(message):
                return message

    def at_minute(self, minute: float) -> dict:
        return self.until(lambda m: m["type"] == "update" and m["clock"]["minute"] >= minute)

    def close(self) -> None:
        self.socket.close()
