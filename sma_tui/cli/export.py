"""The CLI's rows and serialisations: :mod:`sma_tui.core.export` (shared with the TUI's
export), plus the rows of ``sma-tui add --json``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.corpus import Corpus
from ..core.export import (
    COLUMNS,
    actor_detail,
    actor_row,
    article_detail,
    article_row,
    event_detail,
    event_row,
    figure_row,
    figure_rows,
    quote_row,
    source_value,
    to_csv,
    to_json,
    to_markdown,
)

if TYPE_CHECKING:
    from ..ingest.batch import Item

__all__ = [
    "COLUMNS",
    "actor_detail",
    "actor_row",
    "add_row",
    "article_detail",
    "article_row",
    "event_detail",
    "event_row",
    "figure_row",
    "figure_rows",
    "quote_row",
    "source_value",
    "to_csv",
    "to_json",
    "to_markdown",
]


def add_row(c: Corpus, item: Item) -> dict[str, Any]:
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
