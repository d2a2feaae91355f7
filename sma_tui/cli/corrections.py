"""``sma-tui review``, ``correct`` and ``corrections``: a person fixes what the extractor got
wrong, and the fix lasts (kept in the store, applied on every load; see
:mod:`sma_tui.services.corrections`).

Bad input (an unknown id, a speaker that matches several actors, a file that is not a
corrections file) is one line on stderr and exit status 1, with nothing stored; a bad
command line is exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from .. import services
from ..core.corpus import Corpus
from ..core.corrections.records import SIDE_INPUT, Correction, CorrectionError
from ..core.safety.sanitize import flat
from ..core.text import squash
from . import export, render
from .commands import EXIT_FAIL, EXIT_OK, UsageError

if TYPE_CHECKING:
    from ..core.corrections.review import ReviewItem

MARK = "✎"
"""How every view marks a claim or actor a person corrected."""


# ------------------------------------------------------------------ parser
def add_parsers(sub: Any, add_format: Callable[[argparse.ArgumentParser], None],
                add_db: Callable[[argparse.ArgumentParser], None]) -> None:  # fmt: skip
    """Register ``review``, ``correct`` and ``corrections`` on the main parser's subparsers."""
    p = sub.add_parser("review", help="the claims and actors that need a human look, most doubtful first")
    add_format(p)
    add_db(p)

    p = sub.add_parser("correct", help="fix a quote's speaker, reject a false claim, set a figure's or actor's fields")
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    q = kinds.add_parser("quote", help="say who said a quote, or reject it (a chant, a headline)")
    q.add_argument("id", metavar="ID", help="quote id (see 'sma-tui quotes' or 'review')")
    q.add_argument("--speaker", metavar="NAME|ACTOR_ID", help="who really said it")
    q.add_argument("--new-actor", action="store_true", help="the speaker is a new actor (side unknown)")
    q.add_argument("--reject", action="store_true", help="not a quote: leave it out of every view and count")
    f = kinds.add_parser("figure", help="set what a figure measures, whose side it is, its period; or reject it")
    f.add_argument("id", metavar="ID", help="figure id (see 'sma-tui figures' or 'review')")
    f.add_argument("--measure", metavar="M", help="measure id (see 'sma-tui figures')")
    f.add_argument("--side", metavar="S", help="whose position: us, rok, agreed, or none")
    f.add_argument("--period", metavar="P", help="the period the figure covers, e.g. 2020 or 2020-2024")
    f.add_argument("--reject", action="store_true", help="not a figure: leave it out of every view and count")
    a = kinds.add_parser("actor", help="set an actor's side, name or role, or merge two actors that are one")
    a.add_argument("id", metavar="ID", help="actor id or name (see 'sma-tui actors')")
    a.add_argument("--side", choices=tuple(SIDE_INPUT), type=str.lower, help="us, rok, other or unknown")
    a.add_argument("--name", metavar="NAME", help="the actor's name")
    a.add_argument("--role", metavar="ROLE", help="the actor's role")
    a.add_argument("--merge-into", metavar="ACTOR_ID", help="the same person as this actor: merge into it")
    for k in (q, f, a):
        k.add_argument("--note", metavar="TEXT", default="", help="why (shown with the corrected claim)")
        add_db(k)

    p = sub.add_parser("corrections", help="the corrections made in this store; undo, export, import")
    add_format(p)
    add_db(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    u = actions.add_parser("undo", help="undo a correction (default: the latest)")
    u.add_argument("correction", nargs="?", metavar="CORRECTION_ID", help="its id, or a unique prefix")
    add_db(u)
    e = actions.add_parser("export", help="write every correction to a file (for a colleague's store)")
    e.add_argument("file", metavar="FILE")
    add_db(e)
    i = actions.add_parser("import", help="add a file's corrections (duplicates skipped, missing targets reported)")
    i.add_argument("file", metavar="FILE")
    add_db(i)


# ------------------------------------------------------------------ commands
def _path(args: argparse.Namespace) -> Path:
    path = services.store_path(getattr(args, "db", None))
    if services.open_or_build(path):
        print(f"sma-tui: built a new store at {path}", file=sys.stderr)
    return path


def _fail(exc: CorrectionError) -> int:
    print(f"sma-tui: error: {squash(flat(str(exc)))}", file=sys.stderr)
    return EXIT_FAIL


def _say(text: str) -> None:
    print(flat(text))


def cmd_review(args: argparse.Namespace) -> int:
    from ..services import corrections as fixes

    corpus, items = fixes.review(_path(args))
    rows = [review_row(corpus, item) for item in items]
    if args.format in ("csv", "md"):  # one cell: "Name: article, article; Name: article"
        rows = [{**r, "credits": credits_text(r["credits"])} if "credits" in r else r for r in rows]
    _emit(rows, args.format, review_table)
    return EXIT_OK


def credits_text(credits: list[dict[str, Any]]) -> str:
    return "; ".join(f"{c['name']}: {', '.join(r['article'] for r in c['reports'])}" for c in credits)


def review_row(corpus: Corpus, item: ReviewItem) -> dict[str, Any]:
    """One row of the queue: what, why, and a short plain description of it; a statement's
    row names each speaker credited and the reports (outlet, article, date) that credit them."""
    row = {**item.to_dict(), "what": describe(corpus, item.kind, item.id)}
    if item.credits:
        row["credits"] = [
            {
                "speaker": c.speaker,
                "name": corpus.speaker_name(c.speaker),
                "statement": c.statement,
                "reports": [_report(corpus, q, a) for q, a in c.reports],
            }
            for c in item.credits
        ]
    return row


def _report(corpus: Corpus, quote: str, article_id: str) -> dict[str, Any]:
    article = corpus.articles.get(article_id)
    return {"quote": quote, "article": article_id, "publisher": article.publisher if article else None,
            "date": article.date if article else None}  # fmt: skip


def describe(corpus: Corpus, kind: str, record_id: str) -> str:
    if kind in ("quote", "statement") and (q := corpus.quotes.get(record_id)):
        return f"{corpus.speaker_name(q.speaker)}: “{_clip(q.text, 70)}”"
    if kind == "figure" and (f := corpus.figures.get(record_id)):
        return f"“{_clip(f.text, 50)}” in {f.article}"
    if kind == "actor" and (a := corpus.actors.get(record_id)):
        return f"{a.name} ({a.side}{', ' + a.role if a.role else ''})"
    return record_id


def cmd_correct(args: argparse.Namespace) -> int:
    from ..services import corrections as fixes

    maker = _maker(args)
    try:
        record = fixes.make(_path(args), maker)
    except CorrectionError as exc:
        return _fail(exc)
    _say(f"corrected {record.summary()} (correction {record.id}; undo: sma-tui corrections undo {record.id})")
    return EXIT_OK


def _maker(args: argparse.Namespace) -> Callable[[Corpus], Correction]:
    """What to build from the command line; a contradictory one is a :class:`UsageError`."""
    from ..core.corrections import correct as build

    note = args.note
    if args.kind == "quote":
        if bool(args.speaker) == bool(args.reject):
            raise UsageError("correct quote needs either --speaker NAME or --reject")
        if args.new_actor and not args.speaker:
            raise UsageError("--new-actor goes with --speaker NAME")
        if args.reject:
            return lambda c: build.reject_quote(c, args.id, note)
        return lambda c: build.correct_quote_speaker(c, args.id, args.speaker, note, new_actor=args.new_actor)
    if args.kind == "figure":
        fields = {"measure": args.measure, "side": args.side, "period": args.period}
        if args.reject == any(v is not None for v in fields.values()):
            raise UsageError("correct figure needs --measure/--side/--period, or --reject alone")
        if args.reject:
            return lambda c: build.reject_figure(c, args.id, note)
        return lambda c: build.correct_figure(c, args.id, note=note, **fields)
    changes = {"side": args.side, "name": args.name, "role": args.role}
    if bool(args.merge_into) == any(v is not None for v in changes.values()):
        raise UsageError("correct actor needs --side/--name/--role, or --merge-into ACTOR_ID alone")
    if args.merge_into:
        return lambda c: build.merge_actor(c, args.id, args.merge_into, note)
    return lambda c: build.correct_actor(c, args.id, note=note, **changes)


def cmd_corrections(args: argparse.Namespace) -> int:
    from ..services import corrections as fixes  # the corrections' modules: kept off every other command

    path = _path(args)
    try:
        if args.action == "undo":
            record = fixes.undo(path, args.correction)
            _say(f"undone: {record.summary()}")
        elif args.action == "export":
            n = fixes.export(path, Path(args.file))
            _say(f"exported {n} correction{'s' if n != 1 else ''} to {args.file}")
        elif args.action == "import":
            _report_import(fixes.import_file(path, Path(args.file)), args.file)
        else:
            _emit(fixes.listing(path), args.format, corrections_table)
    except CorrectionError as exc:
        return _fail(exc)
    return EXIT_OK


def _report_import(report: Any, name: str) -> None:
    _say(f"imported {len(report.added)} correction(s) from {name}; {len(report.duplicates)} already here")
    for problem in report.unresolved:
        print(f"sma-tui: warning: not imported: {flat(str(problem))}", file=sys.stderr)


# ------------------------------------------------------------------ output
def _emit(rows: list[dict[str, Any]], fmt: str, table: Callable[[list[dict[str, Any]]], Table]) -> None:
    columns = list(dict.fromkeys(k for r in rows for k in r))  # a column only some rows have too
    flat = [{k: v for k, v in r.items() if not isinstance(v, dict)} for r in rows]
    if fmt == "json":
        sys.stdout.write(export.to_json(rows) + "\n")
    elif fmt == "csv":
        sys.stdout.write(export.to_csv(flat, [c for c in columns if c in (flat[0] if flat else {})]))
    elif fmt == "md":
        sys.stdout.write(export.to_markdown(flat, [c for c in columns if c in (flat[0] if flat else {})]))
    else:
        render.print_renderable(table(rows))


def review_table(rows: list[dict[str, Any]]) -> Table:
    t = render.table(
        f"Review ({len(rows)}): most doubtful first",
        ("Doubt", {"justify": "right", "no_wrap": True}),
        ("Kind", {"no_wrap": True}),
        ("What", {"ratio": 3, "min_width": 20}),
        ("Why", {"ratio": 2, "min_width": 16}),
        ("ID", render.id_column(rows)),
    )
    for r in rows:
        t.add_row(f"{r['score']:.1f}", r["kind"], Text(flat(r["what"])), Text(flat(r["reason"])),
                  Text(flat(r["id"])))  # fmt: skip
    if not rows:
        t.caption = "nothing to review"
    return t


def corrections_table(rows: list[dict[str, Any]]) -> Table:
    t = render.table(
        f"Corrections ({len(rows)})",
        ("Made", {"no_wrap": True}),
        ("State", {"no_wrap": True}),
        ("What changed", {"ratio": 4, "min_width": 24}),
        ("Note", {"ratio": 2, "min_width": 10}),
        ("ID", render.id_column(rows)),
    )
    styles = {"applied": "green", "unresolved": "bold red", "undone": "dim"}
    for r in rows:
        what = Text(flat(r["summary"]))
        if r["problem"]:
            what.append(f"\n{flat(r['problem'])}", style="red")
        t.add_row(r["created"][:16].replace("T", " "), Text(r["state"], style=styles.get(r["state"], "")), what,
                  Text(flat(r["note"])), Text(r["id"]))  # fmt: skip
    if not rows:
        t.caption = "no corrections yet: see 'sma-tui review' and 'sma-tui correct --help'"
    return t


def _clip(text: str, n: int) -> str:
    text = squash(text)
    return text if len(text) <= n else text[: n - 1] + "…"


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    "review": cmd_review,
    "correct": cmd_correct,
    "corrections": cmd_corrections,
}
