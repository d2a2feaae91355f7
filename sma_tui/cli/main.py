"""The ``sma-tui`` command line: the TUI launcher and a scriptable CLI beside it.

Every listing takes ``--format table|json|csv|md`` (``--json`` = ``--format json``).
Every failure is one line on stderr and a non-zero exit status: 1 for a problem with the
data or the store, 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .. import __version__

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
FORMATS = ("table", "json", "csv", "md")


class UsageError(Exception):
    """A bad command line, reported as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _add_db(p: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    p.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="store file (default: $SMA_TUI_DB, else the user data directory)",
    )


def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sma-tui",
        description="Explore the 2019-2021 US-South Korea Special Measures Agreement talks: "
        "who said what, when, in which round, and which figures were on the table.",
    )
    parser.add_argument("--version", action="version", version=f"sma-tui {__version__}")
    _add_db(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", help="(re)build the store from the bundled corpus")
    p.add_argument("--force", action="store_true", help="overwrite an existing store (its articles are lost)")
    _add_db(p)

    for name, help_ in (
        ("timeline", "the formal rounds and key events, in date order"),
        ("actors", "people and institutions, by side"),
        ("articles", "the source articles"),
    ):
        p = sub.add_parser(name, help=help_)
        _add_format(p)
        _add_db(p)

    p = sub.add_parser("figures", help="dollar amounts, troop numbers, percentages, grouped by what they measure")
    p.add_argument("--measure", metavar="ID", help="only this measure (e.g. seoul-payment-2019)")
    p.add_argument("--conflicts", action="store_true", help="only measures whose sources disagree")
    _add_format(p)
    _add_db(p)

    p = sub.add_parser("quotes", help="direct quotations, with speaker, date and source")
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to look for in the quote")
    p.add_argument("--speaker", metavar="NAME", help="speaker id, name or alias (substring)")
    p.add_argument("--event", metavar="ID", help="timeline event id, or a round number")
    p.add_argument("--article", metavar="ID", help="article id (a unique prefix is enough)")
    _add_format(p)
    _add_db(p)

    p = sub.add_parser("show", help="one article, event or actor in full")
    p.add_argument("kind", choices=("article", "event", "actor"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_db(p)

    p = sub.add_parser("add", help="add news articles (.txt, .md, .html; folders recursively) with their claims")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--dry-run", action="store_true", help="extract and print, write nothing")
    p.add_argument("--json", action="store_true", help="print the extraction as JSON")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="publication date (overrides the text)")
    p.add_argument("--publisher", metavar="NAME", help="publisher (overrides the text)")
    p.add_argument("--title", metavar="TEXT", help="title (overrides the text)")
    _add_db(p)

    p = sub.add_parser("check", help="verify every span, reference and the schema of the store")
    p.add_argument("--json", action="store_true", help="print the problems as a JSON array")
    _add_db(p)
    return parser


# --------------------------------------------------------------------- helpers
def _db_path(args: argparse.Namespace) -> Path:
    from ..paths import default_db_path

    return Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()


def _open_corpus(args: argparse.Namespace) -> Any:
    """Load the store, building it from the bundled corpus on first use."""
    from ..bundled.build import build_store
    from ..storage.store import Store

    store = Store(_db_path(args))
    if not store.path.exists():
        build_store(store)
        print(f"sma-tui: built a new store at {store.path}", file=sys.stderr)
    return store.load()


def _emit(rows: list[dict[str, Any]], fmt: str, view: str) -> None:
    from . import export

    if fmt == "json":
        _out(export.to_json(rows) + "\n")
    elif fmt == "csv":
        _out(export.to_csv(rows, _COLUMNS.get(view)))
    elif fmt == "md":
        _out(export.to_markdown(rows, _COLUMNS.get(view)))
    else:
        from .render import TABLES, print_renderable

        print_renderable(TABLES[view](rows))


_COLUMNS = {
    "timeline": ["id", "kind", "number", "title", "start", "end", "place", "quote_count", "summary", "sources"],
    "actors": ["id", "name", "side", "role", "organisation", "quote_count", "aliases"],
    "articles": ["id", "date", "date_inferred", "publisher", "agency", "title", "quote_count", "event"],
    "quotes": ["id", "date", "speaker", "speaker_id", "side", "text", "article", "start", "end", "event"],
    "figures": [
        "id",
        "measure",
        "value",
        "unit",
        "qualifier",
        "text",
        "claimant",
        "article",
        "publisher",
        "start",
        "end",
        "date",
        "conflict",
    ],
}


def _out(text: str) -> None:
    sys.stdout.write(text)


# -------------------------------------------------------------------- commands
def cmd_build(args: argparse.Namespace) -> int:
    from ..bundled.build import build_store
    from ..storage.store import Store

    store = Store(_db_path(args))
    if store.path.exists() and not args.force:
        print(
            f"sma-tui: a store already exists at {store.path}; use 'sma-tui build --force' to rebuild it "
            "(articles added since are lost; the old file is kept as .bak)",
            file=sys.stderr,
        )
        return EXIT_FAIL
    corpus = build_store(store)
    counts = corpus.counts()
    print(
        f"built {store.path}: {counts['articles']} articles, {counts['rounds']} rounds, "
        f"{counts['events'] - counts['rounds']} events, {counts['actors']} actors, "
        f"{counts['quotes']} quotes, {counts['figures']} figures"
    )
    return EXIT_OK


def cmd_listing(args: argparse.Namespace) -> int:
    from . import export

    c = _open_corpus(args)
    view = args.command
    rows: list[dict[str, Any]]
    if view == "timeline":
        rows = [export.event_row(c, e) for e in c.timeline()]
    elif view == "actors":
        rows = [export.actor_row(c, a) for a in c.actor_list()]
    elif view == "articles":
        rows = [export.article_row(c, a) for a in c.article_list()]
    elif view == "figures":
        if args.measure and args.measure not in c.measures:
            raise UsageError(f"no measure {args.measure!r}; one of: {', '.join(c.measures)}")
        rows = export.figure_rows(c, args.measure, args.conflicts)
    else:
        rows = [export.quote_row(c, q) for q in _filter_quotes(c, args)]
    _emit(rows, args.format, view)
    return EXIT_OK


def _filter_quotes(c: Any, args: argparse.Namespace) -> list[Any]:
    quotes = c.quote_list()
    if args.speaker:
        actors = c.match_actors(args.speaker)
        if not actors:
            raise LookupError(f"no actor matches {args.speaker!r} (try 'sma-tui actors')")
        ids = {a.id for a in actors}
        quotes = [q for q in quotes if q.speaker in ids]
    if args.event:
        event = c.get_event(args.event)
        quotes = [q for q in quotes if q.event == event.id]
    if args.article:
        article = c.get_article(args.article)
        quotes = [q for q in quotes if q.article == article.id]
    if args.query:
        from ..core.search import QueryError, parse_query, search_quotes

        try:
            query = parse_query(args.query)
        except QueryError as exc:
            raise UsageError(str(exc)) from None
        quotes = search_quotes(c, query, quotes)
    return list(quotes)


def cmd_show(args: argparse.Namespace) -> int:
    from . import export, render

    c = _open_corpus(args)
    data: dict[str, Any]
    if args.kind == "article":
        a = c.get_article(args.id)
        if not args.json:
            render.print_renderable(render.show_article(c, a.id))
            return EXIT_OK
        data = {
            **export.article_row(c, a),
            "dateline": a.dateline,
            "date_note": a.date_note,
            "source": a.source,
            "body": a.body,
            "quotes": [export.quote_row(c, q) for q in c.quotes_in_article(a.id)],
            "figures": [export.figure_row(c, f) for f in c.figures_in_article(a.id)],
        }
    elif args.kind == "event":
        e = c.get_event(args.id)
        if not args.json:
            render.print_renderable(render.show_event(c, e.id))
            return EXIT_OK
        data = {
            **export.event_row(c, e),
            "negotiator_ids": list(e.negotiators),
            "quotes": [export.quote_row(c, q) for q in c.quotes_for_event(e.id)],
            "articles": [export.article_row(c, a) for a in c.articles_for_event(e.id)],
        }
    else:
        actor = c.get_actor(args.id)
        if not args.json:
            render.print_renderable(render.show_actor(c, actor.id))
            return EXIT_OK
        data = {
            **export.actor_row(c, actor),
            "sources": list(actor.sources),
            "quotes": [export.quote_row(c, q) for q in c.quotes_by_speaker(actor.id)],
            "figures": [export.figure_row(c, f) for f in c.figures_by_claimant(actor.id)],
        }
    _out(export.to_json(data) + "\n")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from ..core.check import check_store
    from ..storage.store import Store
    from .export import to_json

    store = Store(_db_path(args))
    if not store.path.exists():
        raise FileNotFoundError(f"no store at {store.path}; run 'sma-tui build' first")
    problems = check_store(store)
    if args.json:
        _out(to_json(problems) + "\n")
    else:
        for p in problems:
            print(p)
    if problems:
        print(f"check: {len(problems)} problem(s) in {store.path}", file=sys.stderr)
        return EXIT_FAIL
    if not args.json:
        c = store.load()
        n = c.counts()
        print(
            f"check: ok — {n['quotes']} quotes and {n['figures']} figures match their spans in "
            f"{n['articles']} articles; all references and the schema are valid"
        )
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    """Extract each file, print what was found, and store the new articles in one write
    (each article with all its claims, or nothing)."""
    from ..bundled.build import build_store
    from ..ingest.batch import prepare
    from ..storage.store import Store

    if args.date is not None and not _iso_date(args.date):
        raise UsageError(f"--date {args.date!r} is not a date like 2020-04-28")
    overrides = {"date": args.date, "publisher": args.publisher, "title": args.title}
    paths = [Path(p) for p in args.paths]
    store = Store(_db_path(args))
    if not store.path.exists() and not args.dry_run:
        build_store(store)
        print(f"sma-tui: built a new store at {store.path}", file=sys.stderr)
    if args.dry_run:
        corpus = store.corpus_of(store.read_tables(), claims=()) if store.path.exists() else _bundled()
        batch = prepare(paths, corpus, overrides, dry_run=True)
    else:
        corpus, batch = _add_to_store(store, paths, overrides)
    for line in batch.warnings:
        print(f"sma-tui: warning: {line}", file=sys.stderr)
    if args.json:
        from .export import to_json

        _out(to_json([_add_row(corpus, item) for item in batch.items]) + "\n")
    else:
        _print_add_summary(corpus, batch, args.dry_run)
    for line in batch.errors:
        print(f"sma-tui: error: {line}", file=sys.stderr)
    return EXIT_FAIL if batch.errors else EXIT_OK


def _add_to_store(store: Any, paths: list[Path], overrides: dict[str, Any]) -> tuple[Any, Any]:
    """Extract and store in one locked read-modify-write, so the store is parsed once.

    The files are extracted against the store as it is under the lock (its articles for
    dedupe and ids, its actors, events and measures; not its 100,000 quotes and figures),
    and the overview the app starts from is refreshed from the very tables written.
    """
    from ..ingest.batch import apply_to_tables, prepare

    got: dict[str, Any] = {}

    def change(tables: dict[str, list[dict[str, Any]]]) -> bool:
        got["corpus"] = corpus = store.corpus_of(tables, claims=())
        got["batch"] = batch = prepare(paths, corpus, overrides, dry_run=False)
        got["tables"] = tables
        if not batch.to_store:
            return False  # nothing new: the file is not rewritten
        apply_to_tables(tables, batch.items)
        return True

    _, written = store.update(change)
    if got["batch"].to_store:
        store.save_overview(store.overview_of(got["tables"]), written)
    return got["corpus"], got["batch"]


def _iso_date(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _bundled() -> Any:
    from ..bundled.build import bundled_corpus

    return bundled_corpus()


def _add_row(c: Any, item: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"path": item.path, "status": item.status}
    if item.duplicate_of:
        row["duplicate_of"] = item.duplicate_of
    if item.message:
        row["error"] = item.message
    x = item.extraction
    if x is not None:
        a = x.article
        row["article"] = {k: v for k, v in a.to_dict().items() if k not in ("body", "body_sha")}
        row["quotes"] = [{**q.to_dict(), "speaker_name": c.speaker_name(q.speaker)} for q in x.quotes]
        row["figures"] = [{**f.to_dict(), "claimant_name": c.speaker_name(f.claimant)} for f in x.figures]
        row["new_actors"] = [a.to_dict() for a in x.actors]
    return row


def _print_add_summary(c: Any, batch: Any, dry_run: bool) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from .render import print_renderable

    for item in batch.items:
        if item.status == "duplicate":
            print(f"{item.path}: already in the store as {item.duplicate_of}; nothing added")
            continue
        x = item.extraction
        if x is None:
            continue
        a = x.article
        event = c.events.get(a.event) if a.event else None
        head = Text.assemble(
            (f"{a.title}\n", "bold"),
            f"{a.publisher} · {a.date or 'undated'}",
            f" · dateline {a.dateline}" if a.dateline else "",
            f" · event {event.title}" if event else "",
        )
        quotes = Table("speaker", "date", "kind", "quote", box=None, show_header=True, expand=True)
        for q in sorted(x.quotes, key=lambda q: (c.speaker_name(q.speaker), q.start)):
            new = " (new)" if any(n.id == q.speaker for n in x.actors) else ""
            quotes.add_row(c.speaker_name(q.speaker) + new, q.date or "", q.kind, _clip(q.text, 90))
        figures = Table("figure", "value", "measure", "claimant", box=None, show_header=True, expand=True)
        for f in x.figures:
            value = f"{f.value:,.4f}".rstrip("0").rstrip(".")
            figures.add_row(f.text, f"{value} {f.unit}", f.measure or "", c.speaker_name(f.claimant))
        verb = "would add" if dry_run else "added"
        title = f"{verb} {a.id} ({len(x.quotes)} quotes, {len(x.figures)} figures, {len(x.actors)} new actors)"
        print_renderable(Panel(Group(head, Text(""), quotes, Text(""), figures), title=title, title_align="left"))


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def cmd_tui(args: argparse.Namespace) -> int:
    from ..bundled.build import build_store
    from ..paths import keymap_path, read_keymap
    from ..storage.store import Store

    path = keymap_path()
    try:
        keymap = read_keymap(path)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    from ..tui.app import SmaApp, binding_ids

    unknown = sorted(set(keymap) - binding_ids())
    if unknown:
        raise UsageError(f"the keymap {path} names no binding {unknown[0]!r} (the ids are listed by ? in the app)")
    store = Store(_db_path(args))
    if not store.path.exists():
        build_store(store)

    # The app reads the store itself, off the UI thread (reading it here first would hold
    # back the first frame by the whole load: a second at 10,000 articles). A store it
    # cannot read is explained on its error panel, and again here once it has closed.
    app = SmaApp(store.path)
    app.set_keymap(keymap)
    app.run()
    if app.load_error is not None:
        print(f"sma-tui: error: {app.load_error}", file=sys.stderr)
        return EXIT_FAIL
    return app.return_code or EXIT_OK


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_tui,
    "build": cmd_build,
    "timeline": cmd_listing,
    "actors": cmd_listing,
    "articles": cmd_listing,
    "figures": cmd_listing,
    "quotes": cmd_listing,
    "show": cmd_show,
    "check": cmd_check,
    "add": cmd_add,
}


def main(argv: Sequence[str] | None = None) -> int:
    from ..bundled.build import CorpusError
    from ..storage.store import StoreError

    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"sma-tui: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (StoreError, CorpusError, LookupError, FileNotFoundError) as exc:
        print(f"sma-tui: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("sma-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`); silence the flush at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAIL
    except Exception as exc:  # last resort: one line, never a traceback
        print(f"sma-tui: internal error: {exc.__class__.__name__}: {_one_line(exc)}", file=sys.stderr)
        if os.environ.get("SMA_TUI_DEBUG"):
            raise
        return EXIT_FAIL


def _one_line(exc: BaseException) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return " ".join(text.split()) or exc.__class__.__name__
