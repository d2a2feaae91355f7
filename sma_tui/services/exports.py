"""Exports from the TUI: the rows of the list in view, serialised by the file's extension
(the CLI's own serialisers, :mod:`sma_tui.core.export`), and where files are saved."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..core import export
from ..core.corpus import Corpus

FORMATS = {".csv": "csv", ".json": "json", ".md": "md"}


def export_rows(c: Corpus, view: str, ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """The rows of ``view`` (timeline, actors, articles, quotes, figures) for ``ids`` in
    their order, or every record of the view when ``ids`` is ``None``."""
    if view == "figures" and ids is None:
        return export.figure_rows(c)
    views: dict[str, tuple[Mapping[str, Any], Callable[[Corpus, Any], dict[str, Any]]]] = {
        "timeline": (c.events, export.event_row),
        "actors": (c.actors, export.actor_row),
        "articles": (c.articles, export.article_row),
        "quotes": (c.quotes, export.quote_row),
        "figures": (c.figures, export.figure_row),
    }
    if view not in views:
        raise ValueError(f"nothing to export from {view!r}")
    records, row = views[view]
    keys = list(records) if ids is None else [i for i in ids if i in records]
    return [row(c, records[k]) for k in keys]


def serialise(rows: list[dict[str, Any]], view: str, fmt: str) -> str:
    columns = export.COLUMNS.get(view)
    if fmt == "json":
        return export.to_json(rows) + "\n"
    if fmt == "csv":
        return export.to_csv(rows, columns)
    return export.to_markdown(rows, columns)


def write_export(path: Path, rows: list[dict[str, Any]], view: str) -> Path:
    """Write ``rows`` to ``path`` in the format its extension names; returns the absolute
    path. Raises ``ValueError`` (unknown extension) or ``OSError`` with the reason."""
    path = path.expanduser()
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path.name}: the name must end in .csv, .json or .md")
    text = serialise(rows, view, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when writing: keeps it off the start path

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path.resolve()


def output_dir() -> Path:
    """Where exports and screenshots go by default: the Downloads folder if the user has
    one, else the Documents folder, else the home folder (always one that exists)."""
    from platformdirs import user_documents_path, user_downloads_path

    for candidate in (user_downloads_path(), user_documents_path(), Path.home()):
        if candidate.is_dir():
            return candidate
    return Path.cwd()
