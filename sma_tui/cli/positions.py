"""``sma-tui positions``: every negotiating position and the agreed outcome, in date order
(issue 12), as a table, JSON, CSV or Markdown."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.table import Table

from ..core.text import format_value
from ..safe_text import plain_line
from ..services import positions as positions_service
from . import export, render
from .commands import EXIT_OK, _open_corpus

SIDE_STYLE = {"US": "bold blue", "ROK": "bold red", "agreed": "bold green"}


def add_parser(sub: Any, add_format: Any, add_db: Any) -> None:
    """Register ``positions`` on the main parser's subcommands."""
    p = sub.add_parser("positions", help="each side's position and the agreed outcome over time, in date order")
    add_format(p)
    add_db(p)


def cmd_positions(args: argparse.Namespace) -> int:
    c = _open_corpus(args)
    rows = positions_service.as_dicts(positions_service.position_rows(c))
    if args.format == "json":
        sys.stdout.write(export.to_json(rows) + "\n")
    elif args.format == "csv":
        sys.stdout.write(export.to_csv(rows, positions_service.COLUMNS))
    elif args.format == "md":
        sys.stdout.write(export.to_markdown(rows, positions_service.COLUMNS))
    else:
        render.print_renderable(positions_table(rows))
    return EXIT_OK


def positions_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Positions over time", title_justify="left", expand=False)
    for name, kw in (
        ("Date", {"no_wrap": True}),
        ("Side", {"no_wrap": True}),
        ("Stated", {}),
        ("In US$", {"justify": "right"}),
        ("vs 2019", {"justify": "right", "no_wrap": True}),
        ("For", {"no_wrap": True}),
        ("Source", {}),
    ):
        table.add_column(name, **kw)
    for r in rows:
        usd = format_value(float(f"{r['usd']:.3g}"), "USD") if r["usd"] is not None else ""
        change = f"{r['change_2019']:+.1f}%" if r["change_2019"] is not None else ""
        source = r["source"]
        table.add_row(
            plain_line(r["date"] or "undated"),
            plain_line(r["side"], SIDE_STYLE.get(r["side"], "")),
            plain_line(r["stated"]),
            plain_line(usd),
            plain_line(change),
            plain_line(r["period"] or ""),
            plain_line(source),
        )
    return table
