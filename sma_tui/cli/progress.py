"""Progress of a long ``sma-tui add`` on stderr (Rich), only when stderr is a terminal:
piped or redirected output never carries it. Labels are file names and URLs, shown as
plain text (control characters escaped, never parsed as markup)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

MIN_URLS = 2  # fetching is slow: two pages are already worth a bar
MIN_FILES = 20  # local files go at hundreds a second


class AddProgress:
    """The steps of :func:`sma_tui.services.add_files` (fetched, read) as a bar; no-ops when off."""

    def __init__(self, progress: Any = None, urls: int = 0, inputs: int = 0) -> None:
        self._progress = progress
        if progress is not None:
            self._fetch = progress.add_task("fetching", total=urls, visible=urls > 0)
            self._read = progress.add_task("reading", total=inputs)

    def fetched(self, label: str) -> None:
        self._advance(self._fetch if self._progress else None, "fetched", label)

    def read(self, label: str) -> None:
        self._advance(self._read if self._progress else None, "read", label)

    def _advance(self, task: Any, verb: str, label: str) -> None:
        if self._progress is None:
            return
        from rich.markup import escape

        from ..core.safety.sanitize import escaped

        shown = escaped(label)
        shown = shown if len(shown) <= 60 else "…" + shown[-59:]
        self._progress.update(task, advance=1, description=escape(f"{verb} {shown}"))


@contextmanager
def add_progress(urls: int, inputs: int, stream: TextIO | None = None) -> Iterator[AddProgress]:
    """A progress display for ``urls`` fetches and ``inputs`` files and pages, when the
    add is long and ``stream`` (stderr) is a terminal; otherwise callbacks that do nothing."""
    stream = stream or sys.stderr
    long_add = urls >= MIN_URLS or inputs >= MIN_FILES
    if not (long_add and stream.isatty()):
        yield AddProgress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        yield AddProgress(progress, urls, inputs)
