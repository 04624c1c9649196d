"""`rampsim explain`: why an asset failed and when it came back, with who knew what when."""

from __future__ import annotations

import pandas as pd
from rich.console import Console

from ..analysis.eventtext import duration_text
from ..analysis.results import Results
from ..messages import text

__all__ = ["print_explanation", "knowledge_text"]


def print_explanation(console: Console, result: Results, asset: str, lang: str) -> bool:
    """Print the explanation; False when the asset never failed or degraded."""
    episodes = result.explain_asset(asset)
    names = result.assets.set_index("id")["name"]
    name = str(names.get(asset, asset)) or asset  # the name people read; the id for an unknown one
    if not episodes:
        console.print(text("explain.never_failed", lang, asset=name), markup=False)
        return False
    for number, episode in enumerate(episodes, start=1):
        console.print(text("explain.failure", lang, n=number, asset=name), style="bold", markup=False)
        _chain(console, result, episode["failure"], lang)
        for later in episode["later"]:
            console.print(f"[bold]{text('explain.later', lang)}[/bold]")
            _chain(console, result, later["chain"], lang)
            if later["joins"]:
                console.print("        " + text("explain.joins", lang), style="dim", markup=False, highlight=False)
        if len(episode["between"]):
            console.print(f"[bold]{text('explain.between', lang)}[/bold]")
            for row in episode["between"].itertuples(index=False):
                clock = row.clock[:16].replace("T", " ")
                console.print(
                    f"  {clock} (+{duration_text(round(row.time_min), lang)}) {row.message}",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
        if episode["recovery"] is None:
            console.print(text("explain.not_back", lang))
        else:
            console.print(f"[bold]{text('explain.back', lang)}[/bold]")
            _chain(console, result, episode["recovery"], lang)
        console.print()
    return True


def _chain(console: Console, result: Results, chain: pd.DataFrame, lang: str) -> None:
    for depth, row in enumerate(chain.itertuples(index=False)):
        arrow = "  " if depth == 0 else "  <- "
        clock = row.clock[:16].replace("T", " ")
        line = f"{arrow}{clock} (+{duration_text(round(row.time_min), lang)}) {row.message}"
        console.print(line, markup=False, highlight=False, soft_wrap=True)
        knowledge = knowledge_text(result, int(row.id), row.known_min, row.time_min, lang)
        console.print("        " + knowledge, style="dim", markup=False, highlight=False, soft_wrap=True)


def knowledge_text(result: Results, event_id: int, known_min, time_min: float, lang: str) -> str:
    """When the crisis organisation knew of an event and who knew it, by the organisation's name
    ("bekend na 10min (door: Veiligheidsregio Havenstad +10min, ...)"), or that nobody knew."""
    if known_min is None or pd.isna(known_min):
        return text("explain.unknown", lang)
    names = result.manifest.get("organisations") or {}  # id -> the name people read
    who = ", ".join(
        f"{names.get(org, org) or '-'} +{duration_text(round(t - time_min), lang)}"
        for t, org in result.known_by(event_id)
    )
    return text("explain.known", lang, after=duration_text(round(known_min - time_min), lang), who=who)
