"""Dutch duration words and decimal commas; format -> parse round trip in both languages."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.model.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2 uur", 120.0),
        ("30 minuten", 30.0),
        ("1 minuut", 1.0),
        ("2 dagen", 2880.0),
        ("1 dag", 1440.0),
        ("6u", 360.0),
        ("90 min", 90.0),
        ("1,5 uur", 90.0),
        ("2 weken", 20160.0),
        ("1 week", 10080.0),
        ("1 uur 30 minuten", 90.0),
        ("1u30min", 90.0),
        ("0,5", 0.5),
        ("1.5h", 90.0),
        ("2 hours", 120.0),
        ("90s", 1.5),
    ],
)
def test_dutch_and_english_forms(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["3 uurtjes", "1,5,3 uur", "5m", "1u30", "uur", "-2 uur"])
def test_bad_durations_are_refused(text):
    with pytest.raises(DurationError):
        parse_duration(text)


def test_format_in_dutch():
    assert format_duration(90.0, "nl") == "1u30min"
    assert format_duration(2880.0, "nl") == "2d"
    assert format_duration(1.5, "nl") == "1min30s"
    assert format_duration(90.0) == "1h30min"


@given(seconds=st.integers(min_value=0, max_value=60 * 86400 * 10), lang=st.sampled_from(["en", "nl"]))
def test_format_parse_round_trip(seconds, lang):
    minutes = seconds / 60
    text = format_duration(minutes, lang)
    assert parse_duration(text) == minutes
