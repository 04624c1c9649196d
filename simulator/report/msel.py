"""The inject list (MSEL) as a printable workbook (.xlsx) or a CSV file, written atomically.

The columns follow exercise practice (HSEEP): number, scheduled clock time, elapsed time, from,
to, method, the message as the role player reads it out, the expected player action, what the
simulation knows (its essentials, for exercise control), and in the CSV file also the related
event and asset ids and every event in detail, one a line (``simulator.analysis.injects``).

The workbook prints on A4 landscape, fitted to the page width, at 9.5 pt or more: its columns
together are only a little wider than the page, so fitting them shrinks the 11-point text to about
9.6 pt. Neither Excel nor LibreOffice fits wrapped rows to their text when it opens a file, so each
row's height is set from its text measured with the sheet's font (DejaVu Sans, which matplotlib
ships): no row prints clipped or with large empty space.
No row fills a page: the expected-action cell shows whole actions while they print in
``MAX_ACTION_LINES`` lines, then how many more (every action in the CSV file).
The same run and language give the same file, byte
for byte: the workbook's created and modified dates and the zip entries' dates are the scenario
start, not the time of writing.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
import zipfile
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from ..analysis.injects import derive_injects
from ..analysis.results import Results
from ..analysis.shown import shown_note
from ..messages import text, text_count

__all__ = ["MSEL_SUFFIXES", "COLUMNS", "column_widths", "msel_workbook", "msel_csv", "shown_actions", "write_msel"]

MSEL_SUFFIXES = (".xlsx", ".csv")
# (catalogue key of the header, width in characters in the workbook); the order of the columns
COLUMNS = (
    ("msel.col.number", 3),
    ("msel.col.clock", 10),
    ("msel.col.elapsed", 5),
    ("msel.col.from", 11),
    ("msel.col.to", 10),
    ("msel.col.method", 8),
    ("msel.col.message", 36),
    ("msel.col.expected", 22),
    ("msel.col.simulation", 22),
    ("msel.col.events", 0),
    ("msel.col.assets", 0),
    ("msel.col.detail", 0),
)
SHEET_COLUMNS = COLUMNS[:9]  # the ids and every event in detail: in the CSV file only
FONT_NAME, FONT_SIZE_PT = "DejaVu Sans", 11
# A column of width w (characters of the default font) is about 7 pt wide in LibreOffice (7.05
# measured on its PDF); the 127 characters of the sheet are 895 pt, fitted to the 784 pt of A4
# landscape between the margins at 0.876: 11-point text prints at about 9.64 pt.
POINTS_PER_WIDTH = 7.0
CELL_PADDING_PT = 5.0
# printed lines of the expected-action cell at the column's width in COLUMNS, its "and N more"
# included: whole actions while they fit, at least one; every action in the CSV file
MAX_ACTION_LINES = 12
LINE_HEIGHT_PT = 13.0  # one line of 11-point DejaVu Sans in a LibreOffice row (12.8 measured on its PDF)
CLOCK_FORMAT = "dd-mm hh:mm"
ELAPSED_FORMAT = "[h]:mm"
_WRAPPED = {
    "msel.col.from",
    "msel.col.to",
    "msel.col.method",
    "msel.col.message",
    "msel.col.expected",
    "msel.col.simulation",
}
_TITLE_ROW, _HEADER_ROW = 1, 2
_EXPECTED = [key for key, _ in COLUMNS].index("msel.col.expected")
_MEASURE = TextToPath()


def _cells(row: dict, lang: str) -> list:
    """One inject as cell values: clock a naive wall-clock datetime, elapsed in days (Excel's unit)."""
    return [
        int(row["number"]),
        row["clock"].tz_localize(None).to_pydatetime(),
        round(float(row["time_min"]) * 60) / 86400,
        row["from"],
        row["to"],
        text(f"msel.method.{row['method']}", lang),
        row["message"],
        row["expected_action"],
        row["simulation"],
        ", ".join(str(e) for e in row["events"]),
        ", ".join(row["assets"]),
        row["simulation_detail"],
    ]


def shown_actions(actions: str, lang: str) -> str:
    """The expected actions (one a line) as the workbook shows them: whole actions while they
    and the line saying how many more there are print in ``MAX_ACTION_LINES`` lines of the
    column's width in ``COLUMNS``, at least one."""
    width = SHEET_COLUMNS[_EXPECTED][1] * POINTS_PER_WIDTH - CELL_PADDING_PT
    if _lines(actions, width, False) <= MAX_ACTION_LINES:
        return actions
    parts = actions.split("\n")
    shown = 1
    while (
        _lines("\n".join(parts[: shown + 1] + [text_count("msel.do.more", len(parts) - shown - 1, lang)]), width, False)
        <= MAX_ACTION_LINES
    ):
        shown += 1
    return "\n".join(parts[:shown] + [text_count("msel.do.more", len(parts) - shown, lang)])


def _title(results: Results, lang: str) -> str:
    resolved = results.manifest.get("scenario", {}).get("resolved", {})
    return text(
        "msel.title",
        lang,
        scenario=results.manifest.get("scenario", {}).get("name", ""),
        seed=results.manifest.get("seed", ""),
        timezone=resolved.get("timezone") or "Europe/Amsterdam",
    )


def msel_workbook(injects: pd.DataFrame, lang: str, title: str, created: datetime) -> Workbook:
    """A workbook of one sheet: a title row, the header row (frozen, filtered, repeated on every
    printed page) and one row per inject; landscape A4, fitted to the page width, which it fits
    at full size."""
    wb = Workbook()
    ws = wb.active
    ws.title = text("msel.sheet", lang)[:31]
    ws.cell(_TITLE_ROW, 1, title).font = Font(name=FONT_NAME, bold=True, size=FONT_SIZE_PT + 1)
    thin = Side(style="thin", color="999999")
    for column, (key, _width) in enumerate(SHEET_COLUMNS, start=1):
        cell = ws.cell(_HEADER_ROW, column, text(key, lang))
        cell.font = Font(name=FONT_NAME, bold=True, size=FONT_SIZE_PT)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = Border(bottom=thin)
    headers = [text(key, lang) for key, _ in SHEET_COLUMNS]
    rows = [_cells(row, lang)[: len(SHEET_COLUMNS)] for row in injects.to_dict("records")]
    for values in rows:
        values[_EXPECTED] = shown_actions(values[_EXPECTED], lang)
    widths = column_widths(headers, rows)
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[_HEADER_ROW].height = _height(headers, widths, bold=True)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            cell = ws.cell(_HEADER_ROW + 1 + offset, column, value)
            cell.font = Font(name=FONT_NAME, size=FONT_SIZE_PT)
            cell.alignment = Alignment(wrap_text=SHEET_COLUMNS[column - 1][0] in _WRAPPED, vertical="top")
            cell.border = Border(bottom=thin)
            if column == 2:
                cell.number_format = CLOCK_FORMAT
            elif column == 3:
                cell.number_format = ELAPSED_FORMAT
        # neither Excel nor LibreOffice fits the height of wrapped rows when it opens the file
        ws.row_dimensions[_HEADER_ROW + 1 + offset].height = _height(values, widths)
    last_row = _HEADER_ROW + max(len(injects), 1)
    ws.freeze_panes = ws.cell(_HEADER_ROW + 1, 1).coordinate
    ws.auto_filter.ref = f"A{_HEADER_ROW}:{get_column_letter(len(SHEET_COLUMNS))}{last_row}"
    ws.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "&P / &N"
    moment = created.astimezone(UTC).replace(tzinfo=None)
    wb.properties.creator = "rampsim"
    wb.properties.title = title
    wb.properties.created = moment
    wb.properties.modified = moment
    return wb


@lru_cache(maxsize=2)
def _font(bold: bool) -> FontProperties:
    """The workbook's font, to measure text with matplotlib (which ships DejaVu Sans)."""
    return FontProperties(family=FONT_NAME, size=FONT_SIZE_PT, weight="bold" if bold else "normal")


@lru_cache(maxsize=200_000)
def _text_width(words: str, bold: bool) -> float:
    """Width of ``words`` in points."""
    return _MEASURE.get_text_width_height_descent(words, _font(bold), ismath=False)[0]


def _lines(value: str, width_pt: float, bold: bool) -> int:
    """Lines of ``value`` wrapped at word boundaries in a column ``width_pt`` wide, as a
    spreadsheet wraps it (a word longer than the line takes lines of its own)."""
    count = 0
    for paragraph in value.split("\n"):
        line = ""
        count += 1
        for word in paragraph.replace("-", "- ").split():  # a spreadsheet also breaks after a hyphen
            trial = f"{line} {word}" if line else word
            if line and _text_width(trial, bold) > width_pt:
                count += 1
                line = word
            else:
                line = trial
        count += int(_text_width(line, bold) // width_pt) if line and _text_width(line, bold) > width_pt else 0
    return count


def _height(values: list, widths: list[int], bold: bool = False) -> float:
    """Row height (points) for the wrapped lines of the tallest cell, measured with the font."""
    return _row_lines(values, widths, bold) * LINE_HEIGHT_PT + 3


def _row_lines(values: list, widths: list[int], bold: bool = False) -> int:
    lines = 1
    for (key, _), width, value in zip(SHEET_COLUMNS, widths, values):
        if key in _WRAPPED and isinstance(value, str):
            lines = max(lines, _lines(value, width * POINTS_PER_WIDTH - CELL_PADDING_PT, bold))
    return lines


def column_widths(headers: list[str], rows: list[list]) -> list[int]:
    """Column widths (characters) that fit the text: every wrapped column at least as wide as its
    longest word (no word broken in the middle), then the rest of the sheet's width (the sum of
    ``SHEET_COLUMNS``, which prints at 9.5 pt or more) given a character at a time to the column
    where it saves the most printed lines."""
    budget = sum(width for _, width in SHEET_COLUMNS)
    widths = []
    for index, (key, width) in enumerate(SHEET_COLUMNS):
        if key not in _WRAPPED:
            widths.append(width)
            continue
        words = [(w, False) for row in rows if isinstance(row[index], str) for w in _words(row[index])]
        longest = max([_text_width(w, bold) for w, bold in words + [(w, True) for w in _words(headers[index])]])
        widths.append(max(4, math.ceil((longest + CELL_PADDING_PT + 1) / POINTS_PER_WIDTH)))
    wrapped = [i for i, (key, _) in enumerate(SHEET_COLUMNS) if key in _WRAPPED]

    def total(trial: list[int]) -> int:
        return sum(_row_lines(row, trial) for row in rows) + _row_lines(headers, trial, bold=True)

    while sum(widths) < budget:
        step = min(2, budget - sum(widths))
        best = min(wrapped, key=lambda i: (total(widths[:i] + [widths[i] + step] + widths[i + 1 :]), -widths[i]))
        widths[best] += step
    return widths


def _words(value: str) -> list[str]:
    return [w for paragraph in value.split("\n") for w in paragraph.replace("-", "- ").split()]


def _workbook_bytes(wb: Workbook, created: datetime) -> bytes:
    """The .xlsx bytes, reproducible: openpyxl's ``save`` would stamp the current time into the
    properties and the zip entries, so write with its ExcelWriter and re-pack with fixed dates."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    when = max(created.replace(tzinfo=None), datetime(1980, 1, 1)).timetuple()[:6]
    packed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return packed.getvalue()


def msel_csv(injects: pd.DataFrame, lang: str) -> str:
    """The same columns as CSV text: clock as ISO 8601 with offset (to the second), elapsed as
    ``h:mm`` (hours may pass 24), event ids and asset ids separated by ``, ``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([text(key, lang) for key, _ in COLUMNS])
    for row in injects.to_dict("records"):
        cells = _cells(row, lang)
        seconds = round(float(row["time_min"]) * 60)
        cells[1] = row["clock"].isoformat()
        cells[2] = f"{seconds // 3600}:{seconds % 3600 // 60:02d}"
        writer.writerow(cells)
    return out.getvalue()


def write_msel(results: Results, path: str | Path, lang: str) -> int:
    """Derive the inject list of ``results`` and write it to ``path`` (.xlsx or .csv, by suffix),
    atomically: into a temporary file beside it, renamed when complete (an existing file is
    replaced; refusing is the caller's choice). Returns the number of injects."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MSEL_SUFFIXES:
        raise ValueError(f"unsupported MSEL format {suffix!r}: use one of {', '.join(MSEL_SUFFIXES)}")
    injects = derive_injects(results, lang)
    if suffix == ".csv":
        data = msel_csv(injects, lang).encode("utf-8")
    else:
        created = results.scenario_start()
        note = shown_note(results, lang)  # a large run's list holds the assets that matter most: said in the title
        title = f"{_title(results, lang)} ({note})" if note else _title(results, lang)
        data = _workbook_bytes(msel_workbook(injects, lang, title, created), created)
    _atomic_write(path, data)
    return len(injects)


def _atomic_write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
