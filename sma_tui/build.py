"""Build the store from the bundled corpus in ``data/``.

Inputs (all under :func:`sma_tui.paths.corpus_dir`):

- ``articles.json`` + ``articles/*.txt``: metadata and verbatim bodies;
- ``dossier/events.json``, ``dossier/actors.json``, ``dossier/measures.json``: the curated
  timeline, actors and the figure-measure vocabulary, each fact with its sources;
- ``annotations.json``: the hand-checked quotes and figures, each with its exact span.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .corpus import Corpus
from .models import Actor, Article, Event, Figure, Measure, Quote, Record
from .paths import corpus_dir
from .store import Store


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
    for claim in (*corpus.quotes.values(), *corpus.figures.values()):
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


def bundled_corpus(root: Path | None = None) -> Corpus:
    """Read ``data/`` into a :class:`Corpus` (no store involved)."""
    root = root or corpus_dir()
    articles: list[Article] = []
    for meta in _load_json(root / "articles.json"):
        meta = dict(meta)
        body = read_body(root / meta.pop("file"))
        meta["source"] = meta.pop("seed", None)
        articles.append(Article.from_dict({**meta, "body": body}))
    dossier = root / "dossier"
    events = [Event.from_dict(d) for d in _load_json(dossier / "events.json")]
    actors = [Actor.from_dict(d) for d in _load_json(dossier / "actors.json")]
    measures = [Measure.from_dict(d) for d in _load_json(dossier / "measures.json")]

    annotations = _load_json(root / "annotations.json")
    quotes: list[Quote] = []
    figures: list[Figure] = []
    counters: Counter[str] = Counter()
    for raw in sorted(annotations["quotes"], key=lambda d: (d["article"], d["start"])):
        counters[raw["article"] + "/q"] += 1
        quotes.append(Quote.from_dict({**raw, "id": f"{raw['article']}/q{counters[raw['article'] + '/q']}"}))
    for raw in sorted(annotations["figures"], key=lambda d: (d["article"], d["start"])):
        counters[raw["article"] + "/f"] += 1
        figures.append(Figure.from_dict({**raw, "id": f"{raw['article']}/f{counters[raw['article'] + '/f']}"}))
    records: dict[str, list[Record]] = {
        "articles": list(articles),
        "events": list(events),
        "actors": list(actors),
        "quotes": list(quotes),
        "figures": list(figures),
        "measures": list(measures),
    }
    corpus = Corpus.from_records(records, {"corpus": "bundled"})
    link_events(corpus)
    return corpus


def corpus_records(corpus: Corpus) -> dict[str, list[Record]]:
    return {
        "articles": corpus.article_list(),
        "events": corpus.timeline(),
        "actors": sorted(corpus.actors.values(), key=lambda a: a.id),
        "quotes": corpus.quote_list(),
        "figures": corpus.figure_list(),
        "measures": list(corpus.measures.values()),
    }


def build_store(store: Store, root: Path | None = None) -> Corpus:
    """(Re)write ``store`` from the bundled corpus; refuses a corpus that fails ``check``."""
    from .check import check_corpus

    corpus = bundled_corpus(root)
    problems = check_corpus(corpus)
    if problems:
        raise CorpusError(f"the bundled corpus fails its own check: {problems[0]}")
    store.replace_all(corpus_records(corpus), {"corpus": "bundled"})
    return corpus
