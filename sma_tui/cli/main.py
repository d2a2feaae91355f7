"""The ``sma-tui`` command line: the TUI launcher and a scriptable CLI beside it.

Every listing takes ``--format table|json|csv|md`` (``--json`` = ``--format json``).
Every failure is one line on stderr and a non-zero exit status: 1 for a problem with the
data or the store, 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
from collections.abc import Sequence
from typing import Any, NoReturn

from .. import __version__, services
from ..core.safety.sanitize import one_line
from ..core.text import squash
from . import corrections, statements
from . import positions as positions_cli
from .commands import COMMANDS, EXIT_FAIL, EXIT_USAGE, UsageError

FORMATS = ("table", "json", "csv", "md")


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
    p.add_argument("--conflicts", action="store_true", help="only figures in a dispute")
    _add_format(p)
    _add_db(p)

    positions_cli.add_parser(sub, _add_format, _add_db)
    p = sub.add_parser("quotes", help="direct quotations, with speaker, date and source")
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to look for in the quote")
    p.add_argument("--speaker", metavar="NAME", help="speaker id, name or alias (substring)")
    p.add_argument("--event", metavar="ID", help="timeline event id, or a round number")
    p.add_argument("--article", metavar="ID", help="article id (a unique prefix is enough)")
    _add_format(p)
    _add_db(p)

    statements.add_parsers(sub, _add_format, _add_db)
    p = sub.add_parser("show", help="one article, event, actor or statement in full")
    p.add_argument("kind", choices=("article", "event", "actor", "statement"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_db(p)

    _add_add_parser(sub)

    p = sub.add_parser("check", help="verify every span, reference and the schema of the store")
    p.add_argument("--json", action="store_true", help="print the problems as a JSON array")
    _add_db(p)
    corrections.add_parsers(sub, _add_format, _add_db)  # review, correct, corrections
    return parser


def _add_add_parser(sub: Any) -> None:
    p = sub.add_parser("add", help="add news articles (.txt, .md, .html; folders; http(s) URLs) with their claims")
    p.add_argument(
        "paths", nargs="+", metavar="PATH|URL", help="article files, folders or web pages; - reads them from stdin"
    )
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="connect and read timeout for URLs (default 10/20)")
    p.add_argument("--dry-run", action="store_true", help="extract and print, write nothing")
    p.add_argument("--json", action="store_true", help="print the extraction as JSON")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="publication date (overrides the text)")
    p.add_argument("--publisher", metavar="NAME", help="publisher (overrides the text)")
    p.add_argument("--title", metavar="TEXT", help="title (overrides the text)")
    _add_db(p)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "positions":
            return positions_cli.cmd_positions(args)
        return {**COMMANDS, **corrections.COMMANDS}[args.command](args)
    except UsageError as exc:
        print(f"sma-tui: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except (services.StoreError, services.CorpusError, LookupError, FileNotFoundError) as exc:
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


def run() -> NoReturn:
    """The ``sma-tui`` program: :func:`main`, then an exit that frees nothing.

    Python's own exit frees every object one by one (after an ``add`` at 10,000 articles,
    the million objects of the parsed store: 50 ms, and more for the modules): here the
    output is flushed, the ``atexit`` handlers run, and the process ends at once (the
    system takes the memory back). Only when no other thread is running: an exit that
    would otherwise wait for one is left to Python."""
    code = main()
    if threading.active_count() > 1:
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or EXIT_FAIL
    atexit._run_exitfuncs()
    os._exit(code)


def _one_line(exc: BaseException) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return one_line(squash(text)) or exc.__class__.__name__
