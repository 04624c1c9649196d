"""The event log kept as columns gives back exactly the events logged (engine/eventlog.py)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.eventlog import Event, EventLog, KnowledgeLog

KINDS = ["asset.failed", "asset.operational", "report.received", "grip.escalated", "hazard.rain"]
# times and levels as the engine logs them: floats, the int 0 before the clock moved, no level
times = st.one_of(st.floats(0, 1e6, allow_nan=False), st.integers(0, 10_000))
levels = st.one_of(st.none(), st.floats(0, 1), st.just(math.nan), st.integers(0, 5))
params = st.one_of(
    st.none(),
    st.dictionaries(
        st.sampled_from(["k", "type", "minutes"]), st.one_of(st.integers(0, 3), st.floats(0, 1)), max_size=2
    ),
)
row = st.tuples(
    times,
    st.sampled_from(KINDS),
    st.integers(-1, 50),
    st.integers(0, 40),
    levels,
    st.sampled_from(["", "a", "b"]),
    params,
    st.sampled_from(["", "r1"]),
)


def _same(a, b) -> bool:
    """Equal and of the same type (a NaN equals a NaN)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return type(a) is type(b) and a == b


@settings(max_examples=60, deadline=None)
@given(st.lists(row, max_size=30))
def test_the_columns_return_exactly_the_events_logged(rows):
    log = EventLog()
    ids = [log.add(t, kind, asset, cause, level, org, p, ref) for t, kind, asset, cause, level, org, p, ref in rows]
    assert ids == list(range(1, len(rows) + 1))
    assert len(log) == len(rows)
    events = list(log)
    for event_id, event, (t, kind, asset, cause, level, org, p, ref) in zip(ids, events, rows):
        assert type(event) is Event and event.id == event_id
        assert _same(event.time_min, t) and _same(event.level, level)
        assert (event.kind, event.asset, event.cause, event.org, event.ref) == (kind, asset, cause, org, ref)
        assert event.params == p
        assert log[event_id - 1] == event and log[event_id - 1 - len(log)] == event
    assert log[2:5] == events[2:5] and log == events
    # equal params are one shared dict, in the columns as in the events
    for a in events:
        for b in events:
            if a.params and b.params and list(a.params.items()) == list(b.params.items()):
                if all(type(a.params[k]) is type(b.params[k]) for k in a.params):
                    assert a.params is b.params
    assert all(e.params is log.params[e.id - 1] for e in events)


def test_the_columns_by_hand():
    log = EventLog()
    assert log.add(0, "asset.failed", 3, level=0.0, org="tennet") == 1  # the int minute 0: kept as logged
    assert log.add(2.5, "grip.escalated", level=2.0, cause=1) == 2
    assert log.add(4.0, "hazard.rain") == 3
    assert list(log.time_min) == [0.0, 2.5, 4.0] and log.times() == [0, 2.5, 4.0]
    assert type(log.times()[0]) is int and type(log[0].time_min) is int
    assert log.levels() == [0.0, 2.0, None] and math.isnan(log.level[2])
    assert list(log.cause) == [0, 1, 0] and list(log.asset) == [3, -1, -1]
    assert log[1] == Event(2, 2.5, "grip.escalated", -1, "", 2.0, 1, None, "")
    assert log[-1] == Event(3, 4.0, "hazard.rain", -1, "", None, 0, None, "")


def test_an_out_of_range_event_is_an_index_error():
    log = EventLog()
    log.add(1.0, "asset.failed", 0)
    for i in (1, -2):
        try:
            log[i]
        except IndexError:
            continue
        raise AssertionError(f"log[{i}] should be out of range")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(times, st.sampled_from(["", "rws", "tennet"]), st.integers(1, 10**9)), max_size=20))
def test_the_knowledge_columns_return_exactly_the_records(records):
    knowledge = KnowledgeLog()
    for record in records:
        knowledge.append(record)
    assert len(knowledge) == len(records) and knowledge == records
    assert all(type(a[0]) is type(b[0]) for a, b in zip(knowledge, records))
    assert list(reversed(knowledge)) == records[::-1]
    assert knowledge[1:] == records[1:] and (not records or knowledge[-1] == records[-1])
    assert knowledge.times() == [t for t, _, _ in records]
