"""``sma-tui statements [QUERY]`` and ``sma-tui show statement ID``: the quotes grouped by
the statement they report, the outlets and dates of each report, and how their wording
differs word by word.

Statement texts are article text: they go to the terminal as :class:`rich.text.Text`
(never parsed as markup) and through :func:`~sma_tui.core.safety.sanitize.flat` (no control characters).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .. import services
from ..core.corpus import Corpus
from ..core.models import Quote
from ..core.safety.sanitize import flat
from ..services.statements import Difference, Grouping, Listed, list_statements, show_statement
from . import export, render

INSERT_STYLE = "bold green underline"
DELETE_STYLE = "red strike"


def add_parsers(sub: Any, add_format: Any, add_db: Any) -> None:
    """Register ``statements`` on the subcommand parser ``sub`` (``show statement`` is a kind of ``show``)."""
    p = sub.add_parser("statements", help="quotes grouped by the statement they report, across outlets")
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to look for (the query of 'quotes')")
    p.add_argument("--speaker", metavar="NAME", help="speaker id, name or alias (substring)")
    p.add_argument("--event", metavar="ID", help="timeline event id, or a round number")
    p.add_argument("--article", metavar="ID", help="article id (a unique prefix is enough)")
    add_format(p)
    add_db(p)


# ------------------------------------------------------------------ rows
def report_row(c: Corpus, q: Quote) -> dict[str, Any]:
    article = c.articles.get(q.article)
    return {
        "quote": q.id,
        "article": q.article,
        "publisher": article.publisher if article else None,
        "date": q.date,
        "text": q.text,
        "speaker_id": q.speaker,
        "attribution": q.attribution,
        "attribution_source": q.attribution_source,
    }


def statement_row(c: Corpus, listed: Listed) -> dict[str, Any]:
    s = listed.statement
    speaker_id = s.speaker_id or _common_speaker(listed.reports)
    return {
        "id": s.id,
        "text": s.text,
        "speaker": c.speaker_name(speaker_id) if speaker_id else None,
        "speaker_id": speaker_id,
        "reports": [report_row(c, q) for q in listed.reports],
        "report_count": len(listed.reports),
        "variants": s.variants,
        "substantive": s.substantive,
        "conflicting_speakers": list(listed.conflicting_speakers),
        "date": listed.reports[0].date,
        "event": listed.reports[0].event,
    }


def _common_speaker(reports: list[Quote]) -> str | None:
    speakers = {q.speaker for q in reports}
    return speakers.pop() if len(speakers) == 1 else None


def difference_row(d: Difference) -> dict[str, Any]:
    return {"quote": d.quote, "ops": [{"op": op, "text": text} for op, text in d.ops]}


COLUMNS = ["id", "date", "speaker", "speaker_id", "report_count", "variants", "substantive", "text"]


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in COLUMNS}


# ------------------------------------------------------------------ rendering
def statements_table(rows: list[dict[str, Any]]) -> Table:
    t = render.table(
        f"Statements ({len(rows)})",
        ("Date", {"no_wrap": True}),
        ("Speaker", {"ratio": 1, "min_width": 12}),
        ("×", {"justify": "right", "no_wrap": True}),
        ("Statement · outlets · id", {"ratio": 4, "min_width": 30}),
    )  # the id under the words, not in a column of its own: at 80 columns a 27-character
    # id column left the speaker three letters
    for r in rows:
        n = r["report_count"]
        mark = Text(f"×{n}" if n > 1 else "", style="bold" if r["substantive"] else "")
        if r["substantive"]:
            mark.append(" ≠", style="bold yellow")
        outlets = ", ".join(dict.fromkeys(flat(x["publisher"] or x["article"]) for x in r["reports"]))
        t.add_row(
            Text(r["date"] or ""),
            Text(flat(r["speaker"] or "—")),
            mark,
            Text.assemble("“" + flat(r["text"]) + "”\n", (outlets, "dim"), "\n", (r["id"], "dim")),
        )
    t.caption = "×N: reported N times · ≠: the reports differ in a number or a negation"
    return t


def diff_text(ops: list[dict[str, Any]]) -> Text:
    """A report's wording against the earliest report: insertions and deletions styled."""
    out = Text()
    for i, op in enumerate(ops):
        if i:
            out.append(" ")
        style = {"insert": INSERT_STYLE, "delete": DELETE_STYLE}.get(op["op"], "")
        out.append(flat(op["text"]), style=style)
    return out


def statement_view(row: dict[str, Any]) -> RenderableType:
    head = Text()
    head.append(flat(row["speaker"] or "unattributed"), style="bold")
    head.append(f" · {row['id']} · reported ×{row['report_count']}")
    if row["substantive"]:
        head.append(" · the reports differ in substance (a number or a negation)", style="bold yellow")
    elif row["variants"]:
        head.append(" · worded differently", style="yellow")
    if row["conflicting_speakers"]:
        head.append(" · also credited to " + ", ".join(map(flat, row["conflicting_speakers"])), style="red")
    text = Text("“" + flat(row["text"]) + "”")
    reports = Table("Date", "Outlet", "Report", "Quote id", expand=True, title="Reports, earliest first")
    for r in row["reports"]:
        how = f"\n(speaker from {r['attribution_source']})" if r.get("attribution_source") else ""
        reports.add_row(
            Text(r["date"] or ""),
            Text(flat(r["publisher"] or "")),
            Text(flat(r["text"]) + how),
            Text(r["quote"], style="dim"),
        )
    parts: list[RenderableType] = [head, text, Text(""), reports]
    if row["differences"]:
        diffs = Table("Report", "Wording against the earliest report", expand=True, title="Differences")
        for d in row["differences"]:
            diffs.add_row(Text(d["quote"], style="dim"), diff_text(d["ops"]))
        diffs.caption = "green underlined: only in this report · red struck: only in the earliest"
        parts += [Text(""), diffs]
    return Group(*parts)


# ------------------------------------------------------------------ commands
def run_statements(args: argparse.Namespace, c: Corpus, quotes: list[Quote] | None) -> None:
    """``sma-tui statements``: ``quotes`` are those the query matched (``None``: all)."""
    rows = [statement_row(c, s) for s in list_statements(_path(args), c, quotes)]
    if args.format == "table":
        render.print_renderable(statements_table(rows))
    elif args.format == "json":
        sys.stdout.write(export.to_json(rows) + "\n")
    elif args.format == "csv":
        sys.stdout.write(export.to_csv([_flat(r) for r in rows], COLUMNS))
    else:
        sys.stdout.write(export.to_markdown([_flat(r) for r in rows], COLUMNS))


def run_show_statement(args: argparse.Namespace, c: Corpus) -> None:
    """``sma-tui show statement ID [--json]``."""
    listed, diffs = show_statement(_path(args), c, args.id)
    row = {**statement_row(c, listed), "differences": [difference_row(d) for d in diffs]}
    if args.json:
        sys.stdout.write(export.to_json(row) + "\n")
    else:
        render.print_renderable(statement_view(row))


def add_line(grouping: Grouping) -> str:
    """What an add did to statements, in one line."""
    parts = [f"{grouping.joined} new quote{'s' if grouping.joined != 1 else ''} joined other reports"]
    if grouping.updated:
        parts.append(f"{grouping.updated} stored quote{'s' if grouping.updated != 1 else ''} regrouped")
    if grouping.disagreements:
        parts.append(f"{len(grouping.disagreements)} credited to different speakers (see 'sma-tui statements')")
    return "statements: " + ", ".join(parts)


def _path(args: argparse.Namespace) -> Path:
    return services.store_path(getattr(args, "db", None))
