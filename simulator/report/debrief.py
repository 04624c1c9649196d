"""`rampsim report`: one self-contained HTML page for the debrief of a run.

The page makes no request of any kind (a Content-Security-Policy forbids them): the CSS is inline,
the figures are inline SVG from ``simulator.report.figures``. The same run and language give the
same bytes: the page holds no time of writing and no path, and the SVG ids are fixed
(``svg.hashsalt``, no date). Sections: the scenario and its injects, key metrics, the legal deadlines,
the impact per portfolio, the causal chains of the largest failures, the figures, the timeline; for a
played exercise also what the decisions bought or cost (``debrief_decisions``).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from html import escape
from importlib import metadata
from pathlib import Path

import pandas as pd

from ..analysis.eventtext import duration_text, legal_period
from ..analysis.portfolio_impact import (
    EXTERNAL,
    FLOODED_ZONES,
    asset_losses,
    cause_matrix,
    failure_episodes,
    largest_failures,
    portfolio_attribution,
    portfolio_impact,
    portfolio_mapping,
)
from ..analysis.results import Results
from ..analysis.shown import shown_assets, shown_note
from ..analysis.tables import WallClockText
from ..analysis.water_tables import basin_names
from ..engine.eventkinds import HEADLINES
from ..messages import CATALOGUE, format_number, sector_name, text
from .debrief_decisions import PlayedTables, decisions_section
from .debrief_style import STYLE
from .explain import knowledge_text
from .figures import plot_cascade, plot_population_served, plot_status_timeline
from .summary import metric_rows
from .ticks import localise_ticks
from .water_figures import basins_with_levels, plot_basin_level

__all__ = ["render_report", "write_report", "CSP"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_FIGURES = (
    ("status", plot_status_timeline, (13, 7), "figure.status_timeline"),
    ("served", plot_population_served, (12, 5), "figure.population_served"),
    ("cascade", plot_cascade, (12, 9), "figure.cascade"),
)


def render_report(result: Results, lang: str = "en", top: int = 3, played: PlayedTables | None = None) -> str:
    """The page for ``result`` in ``lang``; ``top``: how many assets of each ranking (most unserved
    population-hours, longest failed) get their chain of causes. ``played``: the tables of
    ``rampsim compare RUN_DIR`` (``result`` is then its played course) for the section on what the
    decisions bought or cost; a played run without them gets the list of its decisions."""
    result = result.in_language(lang)
    page = _Page(result, lang)
    name = escape(page.scenario.get("name") or result.manifest.get("scenario", {}).get("name", ""))
    sections = [
        ("scenario", text("report.section.scenario", lang), page.scenario_section()),
        ("metrics", text("report.section.metrics", lang), page.metrics_section()),
        ("deadlines", text("report.section.deadlines", lang), page.deadlines_section()),
        ("portfolios", text("report.section.portfolios", lang), page.portfolios_section()),
        ("chains", text("report.section.chains", lang), page.chains_section(top)),
        ("figures", text("report.section.figures", lang), page.figures_section()),
        ("timeline", text("summary.timeline", lang), page.timeline_section()),
    ]
    decisions = decisions_section(page, played)
    if decisions is not None:
        sections.insert(2, ("decisions", text("report.section.decisions", lang), decisions))
    contents = "".join(f'<li><a href="#{key}">{escape(title)}</a></li>' for key, title, _ in sections)
    body = "\n".join(
        f'<section id="{key}">\n<h2>{escape(title)}</h2>\n{html}\n</section>' for key, title, html in sections
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(text('report.title', lang, name=page.scenario.get('name', '')))}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1><small>{escape(text('report.heading', lang))}</small> {name}</h1>\n"
        f'<p class="lead">{escape(page.scenario.get("description") or "")}</p>\n</header>\n'
        f"<nav "
        f'aria-label="{escape(text("report.contents", lang))}"><ol>{contents}</ol></nav>\n<main>\n{body}\n</main>\n'
        f"<footer>{escape(page.footer())}</footer>\n</body>\n</html>\n"
    )


def write_report(
    result: Results, path: str | Path, lang: str = "en", top: int = 3, played: PlayedTables | None = None
) -> Path:
    """Render and write the page atomically (a temporary file beside ``path``, renamed into place)."""
    path = Path(path)
    html = render_report(result, lang, top, played)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(html)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


class _Page:
    """The parts of the page, each rendered from the run's tables in one language."""

    def __init__(self, result: Results, lang: str):
        self.result = result
        self.lang = lang
        self.scenario = result.manifest.get("scenario", {}).get("resolved") or {}
        self.clock = WallClockText(result.scenario_start())
        self.names = dict(zip(result.assets["id"].tolist(), result.assets["name"].tolist()))
        self.names[FLOODED_ZONES] = text("report.flooded_zones", lang)
        self.mapping = portfolio_mapping(result)
        self.losses = asset_losses(result, self.mapping)

    # --- small pieces -------------------------------------------------------------------------
    def t(self, key: str, **params) -> str:
        return escape(text(key, self.lang, **params))

    def when(self, minutes: float) -> str:
        """``2027-01-15 03:40 (+1h10min)``: wall clock and time since the start."""
        return (
            f'<span class="clock">{self.clock(minutes)[:16].replace("T", " ")}</span> <span '
            f'class="elapsed">+{duration_text(round(minutes), self.lang)}</span>'
        )

    def asset(self, asset: str) -> str:
        return escape(self.names.get(asset, asset) or asset)

    def decimal(self, value: float) -> str:
        return format_number(value, self.lang, digits=1)

    def known(self, known_min, time_min: float) -> str:
        if known_min is None or pd.isna(known_min):
            return f'<span class="never">{self.t("word.never")}</span>'
        if known_min <= time_min:
            return self.t("report.known_at_once")
        return (
            f"{self.clock(float(known_min))[11:16]} <span "
            f'class="elapsed">+{duration_text(max(round(known_min - time_min), 1), self.lang)}</span>'
        )

    # --- sections -----------------------------------------------------------------------------
    def scenario_section(self) -> str:
        manifest = self.result.manifest
        until = float(manifest.get("until_min") or 0)
        facts = [
            ("report.field.start", f'<span class="clock">{self.clock(0.0)[:16].replace("T", " ")}</span>'),
            ("report.field.duration", escape(str(self.scenario.get("duration", ""))) + self._until_note(until)),
            ("report.field.seed", escape(str(manifest.get("seed", "")))),
            ("report.field.graph", f"<code>{escape(str(self.scenario.get('graph', '')))}</code>"),
            ("report.field.injects", str(len(manifest.get("injects") or []))),
        ]
        dl = "".join(f"<dt>{self.t(key)}</dt><dd>{value}</dd>" for key, value in facts)
        specs = self.scenario.get("injects") or []
        rows = []
        for i, inject in enumerate(manifest.get("injects") or []):
            spec = specs[i] if i < len(specs) else {}
            target = spec.get("target", "")
            # a cyber compromise by what the attacker does with it (shut down, manipulation, data theft)
            specific = f"incident.{inject['type']}.{spec.get('effect', 'disrupt')}"  # the model's default effect
            rows.append(
                [
                    escape(inject["id"]),
                    self.t(specific if specific in CATALOGUE else f"incident.{inject['type']}"),
                    self.t(f"class.{inject['class']}"),
                    self.asset(target),
                    self.when(inject["at_min"]),
                ]
            )
        header = [self.t(f"report.col.{c}") for c in ("inject", "type", "class", "target", "at")]
        return f'<dl class="facts">{dl}</dl>\n<h3>{self.t("report.injects")}</h3>\n' + _table(header, rows, "injects")

    def _until_note(self, until: float) -> str:
        return f" ({self.t('report.run_until', elapsed=duration_text(round(until), self.lang))})" if until else ""

    def metrics_section(self) -> str:
        rows = [
            [self.t(key), escape(value)]
            for key, value in metric_rows(self.result.metrics, self.lang, basin_names(self.result.basins))
        ]
        return _table([self.t("col.metric"), self.t("col.value")], rows, "metrics")

    def deadlines_section(self) -> str:
        deadlines = self.result.metrics.get("deadlines") or {}
        if not deadlines:
            return f"<p>{self.t('report.no_deadlines')}</p>"
        rows = []
        for key in sorted(deadlines, key=lambda k: (deadlines[k]["due_min"], k)):
            d = deadlines[key]
            outcome, css = self.outcome(d)
            rows.append(
                [
                    escape(d.get("name") or key),
                    escape(d.get("org") or ""),
                    self.when(d["started_min"]),
                    escape(legal_period(d["due_min"] - d["started_min"], self.lang)),
                    self.when(d["due_min"]),
                    self.when(d["done_min"]) if d.get("done_min") is not None else "–",
                    f'<span class="{css}">{outcome}</span>',
                ]
            )
        header = [self.t(f"report.col.{c}") for c in ("deadline", "org", "started", "within", "due", "done", "outcome")]
        return _table(header, rows, "deadlines")

    def outcome(self, deadline: dict) -> tuple[str, str]:
        if deadline.get("met") is True:
            return self.t("report.deadline.met"), "ok"
        if deadline.get("met") is False:
            key = "report.deadline.late" if deadline.get("done_min") is not None else "report.deadline.missed"
            return self.t(key), "bad"
        return self.t("report.deadline.open"), "open"

    def portfolios_section(self) -> str:
        impact = portfolio_impact(self.result, self.mapping, self.losses)
        rows = []
        for portfolio, row in zip(self.mapping.portfolios, impact.itertuples(index=False)):
            sectors = [s for s, p in self.mapping.of_sector.items() if p == portfolio.id]
            hit = ", ".join(self.asset(a) for a in row.hit_assets)
            longest = "–"
            if row.longest_outage_min > 0:
                key = "report.longest_open" if row.longest_outage_open else "report.longest"
                longest = self.t(
                    key,
                    asset=self.names.get(row.longest_outage_asset, row.longest_outage_asset),
                    duration=duration_text(round(row.longest_outage_min), self.lang),
                )
            rows.append(
                [
                    f"<strong>{escape(portfolio.name.in_language(self.lang))}</strong>",
                    escape(portfolio.holder.in_language(self.lang)),
                    ", ".join(self.sector(s) + ("*" if s in self.mapping.unmapped else "") for s in sectors),
                    f'{row.assets_hit}<div class="assets">{hit}</div>' if row.assets_hit else "0",
                    self.decimal(row.failed_asset_hours),
                    escape(format_number(row.unserved_population_hours, self.lang)),
                    longest,
                ]
            )
        header = [
            self.t(f"report.col.{c}") for c in ("portfolio", "holder", "sectors", "assets_hit", "failed_asset_hours")
        ]
        header += [self.t("metric.unserved_population_hours"), self.t("report.col.longest_outage")]
        notes = [self.t("report.mapping.default" if self.mapping.source == "default" else "report.mapping.file")]
        if self.mapping.unmapped:
            moved = ", ".join(
                f"{self.sector(s)} → {escape(self.mapping.portfolio(p).name.in_language(self.lang))}"
                for s, p in self.mapping.unmapped.items()
            )
            notes.append(f"{self.t('report.mapping.unmapped')} {moved}")
        for row in self.losses[self.losses["asset"] == FLOODED_ZONES].itertuples(index=False):
            name = self.mapping.portfolio(row.portfolio).name.in_language(self.lang)
            hours = format_number(row.unserved_population_hours, self.lang)
            notes.append(self.t("report.flooded_zones_note", portfolio=name, hours=hours))
        notes.append(self.t("report.mapping.rule"))
        return (
            "".join(f"<p>{n}</p>\n" for n in notes[:-1])
            + _table(header, rows, "portfolios")
            + f'<p class="note">{notes[-1]}</p>\n'
            + self.causes_part()
        )

    def causes_part(self) -> str:
        """Both sides of the losses per portfolio (where they landed, where their chain of causes
        started) and the cross table of unserved population-hours from portfolio to portfolio."""
        episodes = failure_episodes(self.result, self.mapping)
        both = portfolio_attribution(self.result, self.mapping, episodes)
        matrix = cause_matrix(self.result, self.mapping, episodes)
        external = bool((episodes["caused_by"] == EXTERNAL).any())
        shown = [p.id for p in self.mapping.portfolios] + ([EXTERNAL] if external else [])
        rows = []
        for row in both.itertuples(index=False):
            if row.portfolio not in shown:
                continue
            rows.append(
                [
                    f"<strong>{self.portfolio_name(row.portfolio)}</strong>",
                    escape(format_number(row.unserved_population_hours, self.lang)),
                    escape(format_number(row.caused_unserved_population_hours, self.lang)),
                    self.decimal(row.failed_asset_hours),
                    self.decimal(row.caused_failed_asset_hours),
                    str(row.caused_assets_hit),
                ]
            )
        header = [
            self.t(f"report.col.{c}")
            for c in ("portfolio", "lands_people", "caused_people", "lands_hours", "caused_hours", "caused_assets")
        ]
        total = escape(format_number(float(episodes["unserved_population_hours"].sum()), self.lang))
        labels = {pid: self.holder_label(pid) for pid in shown}
        landed = list(matrix.columns)
        cells = []
        for started in shown:
            values = [self.people(matrix.at[started, column]) for column in landed]
            cells.append(
                [f"<strong>{labels[started]}</strong>", *values, self.people(float(matrix.loc[started].sum()))]
            )
        cells.append(
            [
                f"<strong>{self.t('report.col.total')}</strong>",
                *(self.people(float(matrix[c].sum())) for c in landed),
                self.people(float(matrix.to_numpy().sum())),
            ]
        )
        corner = self.t("report.matrix.corner")
        matrix_header = [corner, *(labels[c] for c in landed), self.t("report.col.total")]
        external_note = self.t("report.causes.external_found" if external else "report.causes.external_none")
        return (
            f"<h3>{self.t('report.causes.heading')}</h3>\n<p>{self.t('report.causes.intro', total=total)}</p>\n"
            + _table(header, rows, "portfolio-causes")
            + f"\n<h3>{self.t('report.matrix.heading')}</h3>\n<p>{self.t('report.matrix.intro')}</p>\n"
            + _table(matrix_header, cells, "portfolio-matrix")
            + f'\n<p class="note">{self.t("report.causes.rule")} {external_note}</p>'
        )

    def portfolio_name(self, portfolio_id: str) -> str:
        if portfolio_id == EXTERNAL:
            return self.t("portfolio.external.name")
        return escape(self.mapping.portfolio(portfolio_id).name.in_language(self.lang))

    def holder_label(self, portfolio_id: str) -> str:
        """A short label for the cross table: the holder (with the portfolio's name when two
        portfolios have the same holder), or the external bucket's name."""
        if portfolio_id == EXTERNAL:
            return self.t("portfolio.external.name")
        holder = self.mapping.portfolio(portfolio_id).holder.in_language(self.lang)
        holders = [p.holder.in_language(self.lang) for p in self.mapping.portfolios]
        if holders.count(holder) > 1:
            return f"{escape(holder)} ({self.portfolio_name(portfolio_id)})"
        return escape(holder)

    def people(self, value: float) -> str:
        """Population-hours in a cell of the cross table: a dash for none."""
        return escape(format_number(value, self.lang)) if value > 0 else "–"

    def sector(self, sector: str) -> str:
        return sector_name(sector, self.lang)

    def chains_section(self, top: int) -> str:
        chosen = largest_failures(self.losses, top)
        if not chosen:
            return f"<p>{self.t('report.no_failures')}</p>"
        losses = self.losses.set_index("asset")
        parts = [f"<p>{self.t('report.chains_intro', n=top)}</p>"]
        for asset in chosen:
            loss = losses.loc[asset]
            episodes = self.result.explain_asset(asset)
            portfolio = self.mapping.portfolio(loss["portfolio"]).name.in_language(self.lang)
            stats = self.t(
                "report.chain.stats",
                hours=self.decimal(loss["failed_min"] / 60),
                people=format_number(loss["unserved_population_hours"], self.lang),
                portfolio=portfolio,
            )
            parts.append(
                f'<article class="chain">\n<h3>{self.asset(asset)} <span '
                f'class="sector">{self.sector(loss["sector"])}</span></h3>\n<p>{stats}</p>'
            )
            if episodes:
                parts.append(self.episode(episodes[0]))
                if len(episodes) > 1:
                    parts.append(f'<p class="note">{self.t("report.chain.more", n=len(episodes) - 1, asset=asset)}</p>')
            parts.append("</article>")
        return "\n".join(parts)

    def episode(self, episode: dict) -> str:
        blocks = [(self.t("report.chain.order"), episode["failure"])]
        for later in episode["later"]:  # each later worsening by a cause of its own (the flood)
            joins = f" ({self.t('explain.joins')})" if later["joins"] else ""
            blocks.append((self.t("explain.later") + joins, later["chain"]))
        recovery = episode["recovery"]
        if recovery is None:
            back = f'<p class="bad">{self.t("explain.not_back")}</p>'
        else:
            row = recovery.iloc[0]
            back = (
                f'<p><span class="ok">{self.t("explain.back")}</span> {self.when(float(row["time_min"]))} '
                f"{escape(row['message'])}</p>"
            )
        chains = [f'<p class="note">{note}</p>\n<ol class="steps">{self.steps(chain)}</ol>' for note, chain in blocks]
        return "\n".join([*chains, back])

    def steps(self, chain: pd.DataFrame) -> str:
        items = []
        for row in chain.iloc[::-1].itertuples(index=False):
            items.append(
                f"<li><div>{self.when(float(row.time_min))} {escape(row.message)}</div>"
                f'<div class="knew">{self.knowledge(int(row.id), row.known_min, float(row.time_min))}</div></li>'
            )
        return "".join(items)

    def knowledge(self, event_id: int, known_min, time_min: float) -> str:
        return knowledge_text(self.result, event_id, known_min, time_min, self.lang)

    def figures_section(self) -> str:
        parts = []
        for key, plot, size, title in _FIGURES:
            svg = _inline_svg(plot, self.result, self.lang, size, f"fig-{key}", text(title, self.lang))
            parts.append(f'<figure id="figure-{key}">{svg}<figcaption>{self.t(title)}</figcaption></figure>')
        for basin in basins_with_levels(self.result):
            caption = self.water_caption(basin)
            svg = _inline_svg(
                lambda result, ax, lang, basin=basin: plot_basin_level(result, basin, ax=ax, lang=lang),
                self.result,
                self.lang,
                (12, 5),
                f"fig-water-{basin}",
                caption,
            )
            parts.append(
                f'<figure id="figure-water-{escape(basin)}">{svg}<figcaption>{escape(caption)}</figcaption></figure>'
            )
        return "\n".join(parts)

    def water_caption(self, basin: str) -> str:
        return text("figure.water.title", self.lang, basin=basin_names(self.result.basins).get(basin, basin))

    def timeline_section(self) -> str:
        every = self.result.events_without_messages
        events = every[every["kind"].isin(HEADLINES)]
        shown = shown_assets(self.result)
        if shown is not None:  # a large run: the headlines of the assets that matter most and of no asset
            events = events[events["asset"].fillna("").eq("") | events["asset"].isin(shown)]
        events = self.result.with_messages(events)  # the sentences of these rows only
        rows = [
            [self.when(float(row.time_min)), escape(row.message), self.known(row.known_min, float(row.time_min))]
            for row in events.itertuples(index=False)
        ]
        header = [self.t("report.col.happened"), self.t("col.event"), self.t("report.col.known")]
        intro = f"<p>{self.t('report.timeline_intro', n=len(events), total=len(every))}</p>"
        note = shown_note(self.result, self.lang)
        intro += f"<p>{escape(note)}</p>" if note else ""
        return intro + _table(header, rows, "timeline")

    def footer(self) -> str:
        try:
            version = metadata.version("rampsim")
        except metadata.PackageNotFoundError:
            version = "?"
        return text("report.footer", self.lang, version=version, seed=self.result.manifest.get("seed", ""))


def _table(header: list[str], rows: list[list[str]], css: str) -> str:
    """An HTML table from cells that are already escaped."""
    head = "".join(f'<th scope="col">{h}</th>' for h in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(xlink:href="#|href="#|url\(#)')


def _inline_svg(plot, result: Results, lang: str, size: tuple[float, float], prefix: str, label: str) -> str:
    """The figure as an ``<svg>`` element for an HTML page: no XML prolog, ids prefixed so that
    several figures on one page do not share ids, the same bytes for the same run."""
    import matplotlib as mpl
    from matplotlib.figure import Figure

    with mpl.rc_context({"svg.hashsalt": "rampsim-report", "svg.fonttype": "path"}):
        figure = Figure(figsize=size, layout="constrained")
        ax = plot(result, ax=figure.subplots(), lang=lang)
        ax.set_title("")  # the page's caption says it, as text
        buffer = io.StringIO()
        localise_ticks(figure, lang)
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{prefix}-", svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1).strip()
