"""Build the store from the bundled corpus in ``data/``.

Inputs (all under :func:`sma_tui.paths.corpus_dir`):

- ``articles.json`` + ``articles/*.txt``: metadata and verbatim bodies;
- ``dossier/events.json``, ``dossier/actors.json``, ``dossier/measures.json``: the curated
  timeline, actors and the figure-measure vocabulary, each fact with its sources;
- the quotes and figures are extracted by the same pipeline as ``sma-tui add``
  (:mod:`sma_tui.ingest`), then ``corrections.json`` applies the few hand fixes it needs,
  each with its reason as the note. It holds the same records as a store's ``corrections``
  table and ``sma-tui corrections export`` (:mod:`sma_tui.core.corrections`), applied by the
  same engine; they are part of the bundled data, built in (a user's own corrections stay
  in the store). The hand-checked gold they must equal lives in ``tests/fixtures/gold/bundled.json``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.models import Actor, Article, Event, Figure, Measure, Quote, Record
from ..core.overview import Overview, QuoteCounts
from ..core.overview_update import OverviewState
from ..paths import corpus_dir
from ..storage.store import Store


class CorpusError(Exception):
    """The bundled corpus is inconsistent (a packaging or editing mistake)."""


def read_body(path: Path) -> str:
    """Article bodies are read verbatim: UTF-8, no newline translation."""
    with path.open("r", encoding="utf-8", newline="") as fh:
        return fh.read()


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise CorpusError(f"cannot read {path}: {exc}") from None


def link_events(corpus: Corpus) -> None:
    """Give every claim without an event the event of its date, and every article the
    event most of its quotes belong to."""
    claims: list[Quote | Figure] = [*corpus.quotes.values(), *corpus.figures.values()]
    for claim in claims:
        if claim.event is None:
            event = corpus.event_for_date(claim.date or corpus.articles[claim.article].date)
            claim.event = event.id if event else None
    for article in corpus.articles.values():
        if article.event is not None:
            continue
        votes = Counter(q.event for q in corpus.quotes_in_article(article.id) if q.event)
        if votes:
            article.event = votes.most_common(1)[0][0]
        else:
            event = corpus.event_for_date(article.date)
            article.event = event.id if event else None
    corpus.reindex()


def bundled_sources(root: Path | None = None) -> list[tuple[dict[str, Any], str]]:
    """The bundled articles: curated metadata (as :class:`Article` fields) and verbatim body."""
    root = root or corpus_dir()
    out = []
    for meta in _load_json(root / "articles.json"):
        meta = dict(meta)
        body = read_body(root / meta.pop("file"))
        meta["source"] = meta.pop("seed", None)
        out.append((meta, body))
    return out


def bundled_corpus(root: Path | None = None, *, extractor: bool = True) -> Corpus:
    """Read ``data/`` into a :class:`Corpus` (no store involved).

    The quotes and figures come from the extraction pipeline plus ``corrections.json``;
    ``extractor=False`` gives the dossier and the articles without any claims.
    """
    from ..core.corrections.apply import apply
    from ..core.corrections.records import CorrectionError, parse
    from ..ingest import extract

    root = root or corpus_dir()
    sources = bundled_sources(root)
    dossier = root / "dossier"
    records: dict[str, list[Record]] = {
        "articles": [Article.from_dict({**meta, "body": body}) for meta, body in sources],
        "events": [Event.from_dict(d) for d in _load_json(dossier / "events.json")],
        "actors": [Actor.from_dict(d) for d in _load_json(dossier / "actors.json")],
        "quotes": [],
        "figures": [],
        "measures": [Measure.from_dict(d) for d in _load_json(dossier / "measures.json")],
    }
    corpus = Corpus.from_records(records, {"corpus": "bundled"})
    if not extractor:
        return corpus
    for meta, body in sources:
        x = extract(body, corpus=corpus, source=meta.get("source"), overrides=meta)
        for q in x.quotes:
            corpus.quotes[q.id] = q
        for f in x.figures:
            corpus.figures[f.id] = f
        for a in x.actors:
            corpus.actors.setdefault(a.id, a)
    corrections = root / "corrections.json"
    if corrections.is_file():
        try:
            problems = apply(corpus, parse(_load_json(corrections))).problems
        except CorrectionError as exc:
            raise CorpusError(f"{corrections}: {exc}") from None
        if problems:
            raise CorpusError(f"{corrections}: {problems[0]}")
    for article in corpus.articles.values():
        article.event = None  # recomputed from the corrected quotes
    link_events(corpus)
    group_statements(corpus)
    return corpus


def group_statements(corpus: Corpus) -> None:
    """Group the corpus's quotes into statements (see :mod:`sma_tui.core.statements`): each
    quote gets its statement id, and a weak report its statement's explicit speaker."""
    from ..core.statements.assign import group_quotes

    group_quotes(corpus.quote_list())
    corpus.reindex()


def corpus_records(corpus: Corpus) -> dict[str, Sequence[Record]]:
    actors: list[Actor] = sorted(corpus.actors.values(), key=lambda a: a.id)
    return {
        "articles": corpus.article_list(),
        "events": corpus.timeline(),
        "actors": actors,
        "quotes": corpus.quote_list(),
        "figures": corpus.figure_list(),
        "measures": list(corpus.measures.values()),
    }


def build_store(store: Store, root: Path | None = None) -> Corpus:
    """(Re)write ``store`` from the bundled corpus; refuses a corpus that fails ``check``."""
    from ..core.check import check_corpus

    corpus = bundled_corpus(root)
    problems = check_corpus(corpus)
    if problems:
        raise CorpusError(f"the bundled corpus fails its own check: {problems[0]}")
    write_corpus(store, corpus, {"corpus": "bundled"})
    return corpus


def overview_state(corpus: Corpus) -> OverviewState:
    """What the next ``add`` updates the overview of ``corpus`` from (stored as written above)."""
    counts = QuoteCounts.of_triples((q.event, q.speaker, q.statement or q.id) for q in corpus.quotes.values())
    return OverviewState.of(counts, ((f.measure, (f.date or "", f.article, f.start)) for f in corpus.figure_list()))


def write_corpus(store: Store, corpus: Corpus, meta: dict[str, Any]) -> None:
    """Replace the whole store with ``corpus``, and keep its overview for the app's start."""
    from ..storage.statement_keys import write_keys

    if any(q.statement is None for q in corpus.quotes.values()):
        group_statements(corpus)
    stamp = store.replace_all(corpus_records(corpus), meta)
    if not store.kept_corrections:  # else the counts change once they apply: the next load keeps one
        store.save_overview(Overview.of(corpus), stamp, overview_state(corpus))
    write_keys(store.path, ((q.id, q.text, q.statement) for q in corpus.quote_list()), stamp)
