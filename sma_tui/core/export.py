"""Rows for every view, and their serialisations (JSON, CSV, Markdown).

The rows are plain dicts so that the CLI, the TUI's export and the tests all agree on the
field names (see the foundation issue for the minimum set). Rich tables live in
:mod:`sma_tui.cli.render`; this module imports neither Rich nor Textual. (It was
``sma_tui.cli.export``, which re-exports it: the TUI exports through the services layer.)
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from .corpus import Corpus
from .models import Actor, Article, Event, Figure, Quote, SourceRef
from .positions.stored import usd_of
from .safety.plain import csv_cell, json_text, md_cell


def source_value(s: SourceRef) -> str | dict[str, str]:
    """A source as JSON: an article id, or ``{outlet, title, date, url}``."""
    return s if isinstance(s, str) else s.to_dict()


def event_row(c: Corpus, e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "number": e.number,
        "title": e.title,
        "start": e.start,
        "end": e.end,
        "place": e.place,
        "summary": e.summary,
        "negotiators": [c.speaker_name(n) for n in e.negotiators],
        "participants": [c.speaker_name(n) for n in e.participants],
        "quote_count": c.quote_count_for_event(e.id),
        "sources": [source_value(s) for s in e.sources],
    }


def actor_row(c: Corpus, a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "side": a.side,
        "kind": a.kind,
        "role": a.role,
        "organisation": a.organisation,
        "aliases": list(a.aliases),
        "quote_count": c.quote_count_for_actor(a.id),
        "figure_count": len(c.figures_by_claimant(a.id)),
        "side_guessed": a.side_guessed,
        **_corrected(c, a.id),
    }


def _corrected(c: Corpus, record_id: str) -> dict[str, Any]:
    """``corrected`` (a person corrected it: views mark it ✎) and the notes of its corrections."""
    note = c.corrected.get(record_id)
    return {"corrected": note is not None, "correction_note": note or None}


def article_row(c: Corpus, a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "publisher": a.publisher,
        "agency": a.agency,
        "byline": a.byline,
        "date": a.date,
        "date_inferred": a.date_inferred,
        "event": a.event,
        "url": a.url,
        "retrieved": a.retrieved,
        "quote_count": c.quote_count_for_article(a.id),
        "figure_count": len(c.figures_in_article(a.id)),
    }


def quote_row(c: Corpus, q: Quote) -> dict[str, Any]:
    speaker = c.actors.get(q.speaker) if q.speaker else None
    article = c.articles.get(q.article)
    return {
        "id": q.id,
        "text": q.text,
        "speaker": c.speaker_name(q.speaker),
        "speaker_id": q.speaker,
        "attribution": q.attribution,  # explicit | pronoun | context | unknown: how the speaker is known
        "side": speaker.side if speaker else None,
        "kind": q.kind,
        "article": q.article,
        "publisher": article.publisher if article else None,
        "start": q.start,
        "end": q.end,
        "date": q.date,
        "event": q.event,
        **_corrected(c, q.id),
        "statement": q.statement or "st:" + q.id,  # the statement it reports (see 'sma-tui statements')
    }


def figure_row(c: Corpus, f: Figure, conflict: bool = False) -> dict[str, Any]:
    """A figure as ``figures --json`` lists it: ``side``, ``period``, ``usd``,
    ``rate_year`` and ``dispute`` (the id of the dispute it belongs to, or null) were added
    by issue 12; ``conflict`` is kept (true when the figure is in a dispute)."""
    article = c.articles.get(f.article)
    measure = c.measures.get(f.measure) if f.measure else None
    dispute = c.dispute_of(f.id)
    usd, rate_year = usd_of(f)
    return {
        "id": f.id,
        "text": f.text,
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "measure": f.measure,
        "measure_label": measure.label if measure else None,
        "conflict": conflict or dispute is not None,
        "claimant": c.speaker_name(f.claimant) if f.claimant else None,
        "claimant_id": f.claimant,
        "article": f.article,
        "publisher": article.publisher if article else None,
        "start": f.start,
        "end": f.end,
        "date": f.date,
        "event": f.event,
        **_corrected(c, f.id),
        "side": f.side,
        "period": f.period,
        "usd": usd,
        "rate_year": rate_year,
        "retrospective": f.retrospective,
        "exchange_rate": f.exchange_rate,
        "dispute": dispute.id if dispute else None,
    }


def figure_rows(c: Corpus, measure: str | None = None, conflicts_only: bool = False) -> list[dict[str, Any]]:
    """Figures grouped by measure (groups with a dispute first), then ungrouped ones;
    ``conflicts_only``: only the figures that belong to a dispute."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for group in c.figure_groups():
        if measure and group.measure.id != measure:
            continue
        for f in group.figures:
            row = figure_row(c, f)
            if conflicts_only and row["dispute"] is None:
                continue
            rows.append(row)
            seen.add(f.id)
    if not measure and not conflicts_only:
        rows += [figure_row(c, f) for f in c.figure_list() if f.id not in seen]
    return rows


def article_detail(c: Corpus, key: str) -> dict[str, Any]:
    """``show article --json``: the row, the body, and every quote and figure in it."""
    a = c.get_article(key)
    return {
        **article_row(c, a),
        "dateline": a.dateline,
        "date_note": a.date_note,
        "source": a.source,
        "body": a.body,
        "quotes": [quote_row(c, q) for q in c.quotes_in_article(a.id)],
        "figures": [figure_row(c, f) for f in c.figures_in_article(a.id)],
    }


def event_detail(c: Corpus, key: str) -> dict[str, Any]:
    """``show event --json``: the row, its quotes and its articles."""
    e = c.get_event(key)
    return {
        **event_row(c, e),
        "negotiator_ids": list(e.negotiators),
        "participant_ids": list(e.participants),
        "quotes": [quote_row(c, q) for q in c.quotes_for_event(e.id)],
        "articles": [article_row(c, a) for a in c.articles_for_event(e.id)],
    }


def actor_detail(c: Corpus, key: str) -> dict[str, Any]:
    """``show actor --json``: the row, the sources, the actor's quotes and figures."""
    actor = c.get_actor(key)
    return {
        **actor_row(c, actor),
        "sources": [source_value(s) for s in actor.sources],
        "quotes": [quote_row(c, q) for q in c.quotes_by_speaker(actor.id)],
        "figures": [figure_row(c, f) for f in c.figures_by_claimant(actor.id)],
    }


COLUMNS = {
    "timeline": ["id", "kind", "number", "title", "start", "end", "place", "quote_count", "summary", "sources"],
    "actors": ["id", "name", "side", "role", "organisation", "quote_count", "aliases"],
    "articles": ["id", "date", "date_inferred", "publisher", "agency", "title", "quote_count", "event"],
    "quotes": ["id", "date", "speaker", "speaker_id", "side", "text", "article", "publisher", "start", "end", "event"],
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
        "side",
        "period",
        "usd",
        "dispute",
    ],
}

"""The columns of each listing in CSV and Markdown, in order."""


# ------------------------------------------------------------------ serialise
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(f"{v.get('outlet')} <{v.get('url')}>" if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_json(rows: Any) -> str:
    """JSON with every control character escaped (``json`` writes DEL, C1 and bidi raw)."""
    return json_text(json.dumps(rows, ensure_ascii=False, indent=2))


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else ()))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(_cell(row.get(k))) for k in columns])
    return buf.getvalue()


def to_markdown(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else ()))

    def esc(v: Any) -> str:
        return md_cell(_cell(v))

    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(" --- " for _ in columns) + "|"]
    lines += ["| " + " | ".join(esc(row.get(k)) for k in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"
