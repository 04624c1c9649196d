"""The one number formatter (Babel): exact texts in both languages, ticks, plurals, no second path."""

import re
from pathlib import Path

from simulator.messages import format_figure, format_level, format_number, format_percent, text_count, tick_decimals
from simulator.messages.numbers import parse_decimal_comma, plural_form

PACKAGE = Path(__file__).resolve().parent.parent / "simulator"


def test_thousands_and_decimals_in_both_languages():
    assert format_number(1904495.4, "nl") == "1.904.495"
    assert format_number(1904495.4, "en") == "1,904,495"
    assert format_number(3.2, "nl", digits=1) == "3,2"
    assert format_number(1234.5, "en", digits=1) == "1,234.5"


def test_levels_percentages_figures():
    assert format_level(-0.1, "nl") == "-0,10"
    assert format_level(2.33, "en") == "2.33"
    assert format_percent(0.5, "nl") == "50%"
    assert format_percent(0.125, "nl", digits=1) == "12,5%"
    assert format_figure(0.35, "nl") == "0,35"
    assert format_figure(1234.0, "nl") == "1.234"
    assert format_number(2.5, "nl", digits=1, signed=True) == "+2,5"
    assert format_number(-2.5, "nl", digits=1, signed=True) == "\u22122,5"


def test_tick_decimals_follow_spacing():
    assert tick_decimals([0.0, 0.5, 1.0, 1.5]) == 1
    assert tick_decimals([0, 250000, 500000]) == 0
    assert tick_decimals([0.0, 0.25, 0.5]) == 2


def test_localised_ticks_on_a_figure():
    from matplotlib.figure import Figure

    from simulator.report.ticks import localise_ticks

    figure = Figure()
    ax = figure.subplots()
    ax.plot([0, 1], [0, 500000])
    localise_ticks(figure, "nl")
    figure.canvas.draw()
    xs = [t.get_text() for t in ax.get_xticklabels()]
    ys = [t.get_text() for t in ax.get_yticklabels()]
    assert "0,4" in xs and "1,0" in xs and "0.4" not in xs
    assert "500.000" in ys


def test_plural_forms():
    assert plural_form(1, "nl") == "one"
    assert plural_form(2, "nl") == "other"
    assert plural_form(0, "en") == "other"
    assert text_count("count.replications", 1, "nl") == "1 replicatie"
    assert text_count("count.replications", 2000, "nl") == "2.000 replicaties"
    assert text_count("count.assets_failed", 1, "nl") == "1 object uitgevallen"
    assert text_count("count.assets_failed", 3, "en") == "3 assets failed"


def test_decimal_comma_parsing():
    assert parse_decimal_comma("0,5") == 0.5
    assert parse_decimal_comma("-2,33") == -2.33
    assert parse_decimal_comma("1.5") == 1.5
    assert parse_decimal_comma("1.000,5") is None
    assert parse_decimal_comma("abc") is None
    assert parse_decimal_comma("nan") is None


def test_no_hand_rolled_number_formatting_left():
    pattern = re.compile(r":,\.?\d*f\}|:\.\d+f\}|replace\(\"\.\", \",\"\)|replace\('\.', ','\)|maketrans\(\",\.\"")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for folder in ("report", "cli", "analysis", "messages")
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and "not shown" not in line
    ]
    assert offenders == []
