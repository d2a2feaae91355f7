"""The subcommands: each parses its arguments, calls :mod:`sma_tui.services`, and renders.

Every failure is an exception that :func:`sma_tui.cli.main.main` turns into one line on
stderr and an exit status: 1 for a problem with the data or the store, 2 (a
:class:`UsageError`) for a bad command line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import services
from ..core.corpus import Corpus
from ..core.models import Quote
from ..core.safety.sanitize import one_line
from ..core.text import is_iso_date, plural
from . import export, render, statements
from .progress import add_progress

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad command line, reported as one line with exit status 2."""


def _db_path(args: argparse.Namespace) -> Path:
    return services.store_path(getattr(args, "db", None))


def _open_corpus(args: argparse.Namespace) -> Corpus:
    """Load the store, building it from the bundled corpus on first use."""
    path = _db_path(args)
    if services.open_or_build(path):
        print(f"sma-tui: built a new store at {path}", file=sys.stderr)
    return services.load_corpus(path)


def _emit(rows: list[dict[str, Any]], fmt: str, view: str) -> None:
    if fmt == "json":
        _out(export.to_json(rows) + "\n")
    elif fmt == "csv":
        _out(export.to_csv(rows, export.COLUMNS.get(view)))
    elif fmt == "md":
        _out(export.to_markdown(rows, export.COLUMNS.get(view)))
    else:
        render.print_renderable(render.TABLES[view](rows))


def _out(text: str) -> None:
    sys.stdout.write(text)


def cmd_build(args: argparse.Namespace) -> int:
    path = _db_path(args)
    if services.exists(path) and not args.force:
        print(
            f"sma-tui: a store already exists at {path}; use 'sma-tui build --force' to rebuild it "
            "(articles added since are lost; the old file is kept as .bak)",
            file=sys.stderr,
        )
        return EXIT_FAIL
    counts = services.build(path).counts()
    print(
        f"built {path}: {plural(counts['articles'], 'article')}, {plural(counts['rounds'], 'round')}, "
        f"{plural(counts['events'] - counts['rounds'], 'event')}, {plural(counts['actors'], 'actor')}, "
        f"{plural(counts['quotes'], 'quote')}, {plural(counts['figures'], 'figure')}"
    )
    return EXIT_OK


def cmd_listing(args: argparse.Namespace) -> int:
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
            # an unknown id is a problem with the data asked for (exit 1), as for `show`
            raise LookupError(f"no measure {args.measure!r}; one of: {', '.join(c.measures)}")
        rows = export.figure_rows(c, args.measure, args.conflicts)
    else:
        rows = [export.quote_row(c, q) for q in _filter_quotes(c, args)]
    _emit(rows, args.format, view)
    return EXIT_OK


def _filter_quotes(c: Corpus, args: argparse.Namespace) -> list[Quote]:
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


def cmd_statements(args: argparse.Namespace) -> int:
    c = _open_corpus(args)
    quotes = _filter_quotes(c, args) if (args.query or args.speaker or args.event or args.article) else None
    statements.run_statements(args, c, quotes)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    c = _open_corpus(args)
    if args.kind == "statement":
        statements.run_show_statement(args, c)
        return EXIT_OK
    if not args.json:
        shows = {"article": render.show_article, "event": render.show_event, "actor": render.show_actor}
        getters = {"article": c.get_article, "event": c.get_event, "actor": c.get_actor}
        render.print_renderable(shows[args.kind](c, getters[args.kind](args.id).id))
        return EXIT_OK
    rows = {"article": export.article_detail, "event": export.event_detail, "actor": export.actor_detail}
    _out(export.to_json(rows[args.kind](c, args.id)) + "\n")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    path = _db_path(args)
    report = services.check(path)
    if args.json:
        _out(export.to_json(report.problems) + "\n")
    else:
        for p in report.problems:
            print(one_line(p))
    if report.problems:
        print(f"check: {len(report.problems)} problem(s) in {path}", file=sys.stderr)
        return EXIT_FAIL
    if not args.json:
        n = report.counts
        print(
            f"check: ok — {n['quotes']} quotes and {n['figures']} figures match their spans in "
            f"{n['articles']} articles; all references and the schema are valid"
        )
    return EXIT_OK


KEPT: list[object] = []
"""The last add's report and the store's tables in it: :func:`sma_tui.cli.main.run` ends the
process without freeing them (50 ms at 10,000 articles)."""


def cmd_add(args: argparse.Namespace) -> int:
    """Extract each file, print what was found, and store the new articles in one write
    (each article with all its claims, or nothing)."""
    if args.date is not None and not is_iso_date(args.date):
        raise UsageError(f"--date {args.date!r} is not a date like 2020-04-28")
    if args.timeout is not None and not 0 < args.timeout <= 600:
        raise UsageError(f"--timeout {args.timeout:g} is not a number of seconds between 0 and 600")
    overrides = {"date": args.date, "publisher": args.publisher, "title": args.title}
    plan = services.plan_add(args.paths, sys.stdin if "-" in args.paths else None)
    if not plan.sources:
        raise UsageError("no files or URLs to add (stdin was empty)")
    path = _db_path(args)
    if not args.dry_run and not services.exists(path):
        services.open_or_build(path)
        print(f"sma-tui: built a new store at {path}", file=sys.stderr)
    with add_progress(len(plan.urls), plan.count_inputs()) as progress:
        report = services.add_files(path, plan, overrides, dry_run=args.dry_run, timeout=args.timeout, steps=progress)
    KEPT[:] = [report]  # freed by the exit (see cli.main.run), not on return
    corpus, batch = report.corpus, report.batch
    for line in batch.warnings:
        print(f"sma-tui: warning: {one_line(line)}", file=sys.stderr)
    if args.json:
        _out(export.to_json([export.add_row(corpus, item) for item in batch.items]) + "\n")
    else:
        render.print_add_summary(corpus, batch, args.dry_run)
        if report.statements is not None and (report.statements.joined or report.statements.disagreements):
            _out(statements.add_line(report.statements) + "\n")
    for line in batch.errors:
        print(f"sma-tui: error: {one_line(line)}", file=sys.stderr)
    return EXIT_FAIL if batch.errors else EXIT_OK


def has_terminal() -> bool:
    """The explorer draws on a terminal and reads keys from one: without, it would hang."""
    return sys.stdout.isatty() and sys.stdin.isatty()


def cmd_tui(args: argparse.Namespace) -> int:
    if not has_terminal():
        raise UsageError(
            "the explorer needs a terminal (stdin and stdout are not one); "
            "for output to a pipe or file use a subcommand, e.g. 'sma-tui timeline --json'"
        )
    from ..paths import keymap_path, read_keymap

    path = keymap_path()
    warnings: list[str] = []
    try:
        keymap = read_keymap(path)
    except ValueError as exc:  # the app starts with the default keys and says why
        keymap, warnings = {}, [f"{exc}; using the default keys"]
    from ..tui.app import SmaApp
    from ..tui.keymap import check_keymap

    keymap, problems = check_keymap(keymap)
    warnings += [f"keymap {path}: {p}" for p in problems]
    db = _db_path(args)
    services.open_or_build(db)

    # The app reads the store itself, off the UI thread (reading it here first would hold
    # back the first frame by the whole load: a second at 10,000 articles). A store it
    # cannot read is explained on its error panel, and again here once it has closed.
    app = SmaApp(db)
    app.set_keymap(keymap)
    app.startup_warnings = warnings
    app.run()
    if app.load_error is not None:
        print(f"sma-tui: error: {one_line(app.load_error)}", file=sys.stderr)
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
    "statements": cmd_statements,
    "check": cmd_check,
    "add": cmd_add,
}
