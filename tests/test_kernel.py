"""The kernel and the declared peers of the engine's parts (``simulator/engine/kernel.py``).

Static checks read the engine's source (AST): no part knows the Simulation; each part uses only
the peers it declares in ``PEERS`` and never assigns to a peer's attributes nor changes a peer's
containers. Each checker is first shown to catch a planted violation, so that a green run means
something. Runtime checks: an undeclared peer raises; a small part on a bare kernel logs at exact
minutes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
import simpy
from conftest import build

from simulator.engine import Simulation
from simulator.engine.kernel import Kernel, Part, Peers
from simulator.engine.streams import RandomStreams

ENGINE = Path(__file__).resolve().parents[1] / "simulator" / "engine"
MUTATORS = frozenset(
    {"add", "append", "extend", "insert", "update", "pop", "popitem", "discard", "remove", "clear", "setdefault"}
)


def engine_modules() -> dict[str, ast.Module]:
    """Every engine module but simulation.py and the package's face (``engine/__init__.py``, which
    exports the Simulation), by its path relative to the engine."""
    return {
        str(path.relative_to(ENGINE)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(ENGINE.rglob("*.py"))
        if path.relative_to(ENGINE).as_posix() not in ("simulation.py", "__init__.py")
    }


def tiny():
    """One asset, one outage (never run here)."""
    return build([{"id": "a", "sector": "energy", "owner": "net"}], [{"type": "outage", "target": "a"}])


# --- (a) no part knows the Simulation ----------------------------------------------------------------
def simulation_uses(tree: ast.Module) -> list[str]:
    """Where a module names the Simulation, imports its module, takes a ``sim`` or reads ``.sim``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "Simulation":
            found.append(f"line {node.lineno}: Simulation")
        elif isinstance(node, ast.Attribute) and node.attr in ("Simulation", "sim"):
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] == "simulation":
            found.append(f"line {node.lineno}: import from {node.module}")
        elif isinstance(node, ast.ImportFrom) and any(alias.name == "Simulation" for alias in node.names):
            found.append(f"line {node.lineno}: import Simulation")
        elif isinstance(node, ast.arg) and node.arg == "sim":
            found.append(f"line {node.lineno}: argument sim")
    return found


def test_the_simulation_checker_catches_each_way_of_reaching_the_simulation():
    planted = [
        "from .simulation import Simulation",
        "from simulator.engine import Simulation",
        "def f(sim):\n    pass",
        "x = self.sim.log",
        "def f(k: Simulation): pass",
    ]
    for source in planted:
        assert simulation_uses(ast.parse(source)), source
    assert simulation_uses(ast.parse('"""the Simulation wires it"""\nkernel = 1')) == []  # prose is fine


def test_no_engine_module_but_the_simulation_references_it_or_takes_a_sim():
    problems = {name: found for name, tree in engine_modules().items() if (found := simulation_uses(tree))}
    assert problems == {}


# --- (b) peers: declared, used through methods --------------------------------------------------------
def declared_peers(cls: ast.ClassDef) -> tuple[str, ...] | None:
    for statement in cls.body:
        if (
            isinstance(statement, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "PEERS" for t in statement.targets)
            and isinstance(statement.value, ast.Tuple)
        ):
            return tuple(ast.literal_eval(statement.value))
    return None


def _is_peers(node: ast.AST) -> bool:
    """``self.peers``, ``handlers.peers`` or a local ``peers``."""
    return (isinstance(node, ast.Attribute) and node.attr == "peers") or (
        isinstance(node, ast.Name) and node.id == "peers"
    )


def _peer_of(node: ast.AST, aliases: dict[str, tuple[str, bool]]) -> str | None:
    """The peer an expression is (``self.peers.crews``, or a local bound to it), else None."""
    if isinstance(node, ast.Attribute) and _is_peers(node.value):
        return node.attr
    if isinstance(node, ast.Name) and node.id in aliases and not aliases[node.id][1]:
        return aliases[node.id][0]
    return None


def _root_peer(node: ast.AST, aliases: dict[str, tuple[str, bool]]) -> str | None:
    """The peer whose state an attribute or item chain reaches (``peer.x``, ``peer.x[k].y``, a local
    bound to ``peer.x``), else None. The peer itself (``self.peers.crews``) is not its state."""
    steps = 0
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        peer = _peer_of(node, aliases)
        if peer is not None:
            return peer if steps else None
        node = node.value
        steps += 1
    if isinstance(node, ast.Name) and node.id in aliases:
        peer, state = aliases[node.id]
        return peer if state or steps else None
    return None


def _aliases(function: ast.AST) -> dict[str, tuple[str, bool]]:
    """Local names bound to a peer (name -> (peer, False)) or to a peer's state (``isolated =
    self.peers.playbook.isolated``: (peer, True))."""
    aliases: dict[str, tuple[str, bool]] = {}
    for _ in range(2):  # an alias of an alias
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                if (peer := _peer_of(node.value, aliases)) is not None:
                    aliases[node.targets[0].id] = (peer, False)
                elif (peer := _root_peer(node.value, aliases)) is not None:
                    aliases[node.targets[0].id] = (peer, True)
    return aliases


def peer_uses(cls: ast.ClassDef) -> tuple[set[str], list[str]]:
    """(the peers a class uses, its writes to a peer's state as 'line N: what')."""
    used: set[str] = set()
    writes: set[str] = set()
    for function in [n for n in ast.walk(cls) if isinstance(n, (ast.FunctionDef, ast.Lambda))] or [cls]:
        aliases = _aliases(function)
        used.update(peer for peer, _ in aliases.values())
        for node in ast.walk(function):
            if isinstance(node, ast.Attribute) and _is_peers(node.value):
                used.add(node.attr)
            targets: list[ast.AST] = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            elif isinstance(node, ast.Delete):
                targets = node.targets
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, (ast.Attribute, ast.Subscript)) and isinstance(part.ctx, (ast.Store, ast.Del)):
                        peer = _root_peer(part, aliases) or (_peer_of(part, aliases) and "peers")
                        if peer is not None:
                            writes.add(f"line {node.lineno}: assigns to {peer}'s state")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in MUTATORS
                and _root_peer(node.func.value, aliases) is not None
            ):
                writes.add(f"line {node.lineno}: .{node.func.attr}() on {_root_peer(node.func.value, aliases)}'s state")
    return used, sorted(writes)


def check_module(tree: ast.Module) -> dict[str, list[str]]:
    """Per class: its undeclared peers and its writes to peers' state. A helper class without
    ``PEERS`` (``_RansomwareAttack``) shares the peers of its module's part."""
    classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    module_peers = set().union(*(declared_peers(c) or () for c in classes))
    problems = {}
    for cls in classes:
        declared = declared_peers(cls)
        used, writes = peer_uses(cls)
        undeclared = sorted(used - set(module_peers if declared is None else declared))
        found = [f"undeclared peer {name}" for name in undeclared] + writes
        if found:
            problems[cls.name] = found
    return problems


PLANTED = {
    "undeclared": "class P:\n    PEERS = ('a',)\n    def f(self):\n        self.peers.b.go()\n",
    "assign": "class P:\n    PEERS = ('a',)\n    def f(self):\n        self.peers.a.count = 1\n",
    "augmented": "class P:\n    PEERS = ('a',)\n    def f(self):\n        self.peers.a.count += 1\n",
    "item": "class P:\n    PEERS = ('a',)\n    def f(self):\n        self.peers.a.table[3] = 1\n",
    "delete": "class P:\n    PEERS = ('a',)\n    def f(self):\n        del self.peers.a.table[3]\n",
    "add": "class P:\n    PEERS = ('a',)\n    def f(self):\n        self.peers.a.isolated.add(3)\n",
    "alias": (
        "class P:\n    PEERS = ('a',)\n    def f(self):\n        s = self.peers.a.isolated\n        s.discard(3)\n"
    ),
    "peer alias": "class P:\n    PEERS = ('a',)\n    def f(self):\n        a = self.peers.a\n        a.level = 2\n",
    "local peers": (
        "class P:\n    PEERS = ('a',)\n    def f(self):\n        peers = self.peers\n        peers.a.seen.append(1)\n"
    ),
    "rebind": "class P:\n    PEERS = ('a',)\n    def f(self):\n        self.peers.a = None\n",
    "helper": "class P:\n    PEERS = ('a',)\nclass _H:\n    def f(self):\n        self.peers.b.go()\n",
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_the_peer_checker_catches_a_planted_violation(name):
    assert check_module(ast.parse(PLANTED[name])), name


def test_the_peer_checker_lets_method_calls_reads_and_own_state_pass():
    source = (
        "class P:\n    PEERS = ('a',)\n    def f(self):\n        self.peers.a.go(self.peers.a.level)\n"
        "        self.mine.add(1)\n        self.count += self.peers.a.table[3]\n        x = self.peers.a.go()\n"
        "        x.y = 1\n"
    )
    assert check_module(ast.parse(source)) == {}


def test_each_part_uses_only_its_declared_peers_and_never_writes_their_state():
    problems = {name: found for name, tree in engine_modules().items() if (found := check_module(tree))}
    assert problems == {}


def test_every_part_declares_its_peers_and_they_are_parts_of_the_simulation():
    parts = Simulation(tiny()).parts
    assert all(isinstance(part, Part) for part in parts.values())
    declared = {}
    for tree in engine_modules().values():
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            if (peers := declared_peers(cls)) is not None:
                declared[cls.name] = peers
    assert {type(part).__name__ for part in parts.values()} <= set(declared)
    assert {"LockBreach", "Polder", "Crowd"} <= set(declared)  # the hazard models declare theirs
    unknown = {name: [p for p in peers if p not in parts] for name, peers in declared.items()}
    assert {name: peers for name, peers in unknown.items() if peers} == {}


# --- (c) at run time --------------------------------------------------------------------------------
def test_an_undeclared_peer_raises_naming_the_part_and_the_peer():
    sim = Simulation(tiny())
    assert sim.crews.peers.needs is sim.needs  # declared: connected
    with pytest.raises(AttributeError, match=r"Crews uses the peer 'awareness' without declaring it"):
        _ = sim.crews.peers.awareness
    with pytest.raises(AttributeError, match="Situation uses the peer 'playbook'"):
        _ = sim.situation.peers.playbook
    with pytest.raises(AttributeError, match="not assigned"):
        sim.crews.peers.needs = None


def test_a_declared_peer_is_not_there_before_the_peers_are_connected():
    peers = Peers("Bell", ("clapper",))
    with pytest.raises(AttributeError, match="Bell: peer 'clapper' is not connected yet"):
        _ = peers.clapper
    with pytest.raises(LookupError, match="Bell declares peers that no part provides: clapper"):
        peers.connect({})


# --- (d) a part of one's own on a bare kernel -----------------------------------------------------------
class Bell(Part):
    """Rings (logs ``outage.start`` on asset 0) ``after`` minutes from now."""

    def ring(self, after: float) -> None:
        self.kernel.call_at(after, self._ring)

    def _ring(self) -> None:
        self.kernel.log("outage.start", 0, ref="bell")


class Ringer(Part):
    """At minute 30 asks the bell to ring 60 minutes later; marks minute 30 before anything else of it."""

    PEERS = ("bell",)

    def start(self) -> None:
        self.kernel.call_at(30, self.peers.bell.ring, 60)
        self.kernel.call_at(30, self.kernel.log, "outage.end", 0)
        self.kernel.call_first_at(30, lambda: self.kernel.log("team.assembled", ref="ringer"))


def test_a_small_part_on_a_bare_kernel_logs_at_exact_minutes():
    """
    Ringer --(minute 30: ring in 60)--> Bell --(minute 90)--> outage.start
    """
    scenario = tiny()
    env = simpy.Environment()
    kernel = Kernel(scenario, RandomStreams(np.random.SeedSequence(0)), 120.0, env)
    logged = []
    kernel.on_logged = lambda event_id, kind, asset, org: logged.append((event_id, kind, asset, org))
    bell, ringer = Bell(kernel), Ringer(kernel)
    parts = {"bell": bell, "ringer": ringer}
    for part in parts.values():
        part.peers.connect(parts)
    ringer.start()
    env.run(until=kernel.until_min)
    assert [(e.time_min, e.kind, e.ref) for e in kernel.events] == [
        (30.0, "team.assembled", "ringer"),  # urgent: before the ordinary events of minute 30
        (30.0, "outage.end", ""),
        (90.0, "outage.start", "bell"),
    ]
    assert kernel.now == 120.0
    assert logged == [(1, "team.assembled", -1, ""), (2, "outage.end", 0, "net"), (3, "outage.start", 0, "net")]
    assert kernel.events[2].level == 1.0  # the asset's service level when logged
    assert kernel.asset_name(0) == "a" and kernel.asset_name(-1) == ""
