"""Hand corrections applied on top of the extractor's output (``data/corrections.json``).

Each correction names a claim by its article and exact text (``nth`` picks among repeats)
and says why::

    {"op": "set",     "kind": "quote",  "article": "...", "text": "...", "fields": {"speaker": "..."}, "reason": "..."}
    {"op": "drop",    "kind": "figure", "article": "...", "text": "...", "reason": "..."}
    {"op": "add",     "kind": "quote",  "article": "...", "text": "...", "fields": {...}, "reason": "..."}
    {"op": "replace", "kind": "quote",  "article": "...", "text": "...", "new_text": "...", "reason": "..."}

A correction that no longer matches anything is an error: the extractor changed, and the
correction must be reviewed.
"""

from __future__ import annotations

from typing import Any

from ..core.corpus import Corpus
from ..core.models import Figure, Quote

OPS = ("set", "drop", "add", "replace")
KINDS: dict[str, tuple[str, type[Quote] | type[Figure]]] = {"quote": ("quotes", Quote), "figure": ("figures", Figure)}


def _find_span(body: str, text: str, nth: int) -> tuple[int, int]:
    pos = -1
    for _ in range(nth):
        pos = body.find(text, pos + 1)
        if pos < 0:
            raise ValueError(f"text {text[:40]!r} not found {nth} time(s) in the article")
    return pos, pos + len(text)


def _claims(corpus: Corpus, table: str, article: str, text: str) -> list[Any]:
    rows = getattr(corpus, table).values()
    return sorted((c for c in rows if c.article == article and c.text == text), key=lambda c: c.start)


def apply_corrections(corpus: Corpus, data: dict[str, Any]) -> int:
    """Apply every correction in ``data``; returns how many were applied."""
    items = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ValueError("expected an object with a 'corrections' list")
    for n, c in enumerate(items, 1):
        try:
            _apply(corpus, c)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(
                f"correction {n} ({c.get('reason', 'no reason') if isinstance(c, dict) else c}): {exc}"
            ) from None
    _renumber(corpus)
    corpus.reindex()
    return len(items)


def _apply(corpus: Corpus, c: dict[str, Any]) -> None:
    op, kind, article_id, text = c["op"], c["kind"], c["article"], c["text"]
    if op not in OPS or kind not in KINDS:
        raise ValueError(f"unknown op {op!r} or kind {kind!r}")
    if not c.get("reason"):
        raise ValueError("every correction needs a 'reason'")
    table, cls = KINDS[kind]
    article = corpus.articles[article_id]
    fields = dict(c.get("fields") or {})
    for key in ("speaker", "claimant"):
        if fields.get(key) is not None and fields[key] not in corpus.actors:
            raise ValueError(f"unknown actor {fields[key]!r}")
    if fields.get("measure") is not None and fields["measure"] not in corpus.measures:
        raise ValueError(f"unknown measure {fields['measure']!r}")
    nth = int(c.get("nth", 1))
    if op == "add":
        start, end = _find_span(article.body, text, nth)
        if any(x.start == start and x.end == end for x in _claims(corpus, table, article_id, text)):
            raise ValueError(f"the {kind} {text[:40]!r} is already extracted")
        base = {"id": f"{article_id}/new", "article": article_id, "start": start, "end": end, "text": text}
        if kind == "figure":
            base.update(value=0.0, unit="USD")
        claim = cls.from_dict({**base, **fields})
        getattr(corpus, table)[f"{article_id}/+{start}"] = claim
        return
    found = _claims(corpus, table, article_id, text)
    if len(found) < nth:
        raise ValueError(f"no extracted {kind} {text[:40]!r} in {article_id}")
    claim = found[nth - 1]
    if op == "drop":
        del getattr(corpus, table)[claim.id]
        return
    if op == "replace":
        new_text = c["new_text"]
        start, end = _find_span(article.body, new_text, int(c.get("new_nth", 1)))
        claim.start, claim.end, claim.text = start, end, new_text
    for key, value in fields.items():
        if key in ("id", "article", "start", "end", "text"):
            raise ValueError(f"field {key!r} cannot be set (use 'replace' for a new span)")
        setattr(claim, key, value)


def _renumber(corpus: Corpus) -> None:
    """Ids ``<article>/q<n>`` and ``<article>/f<n>`` in span order again."""
    for table, letter in (("quotes", "q"), ("figures", "f")):
        rows = sorted(getattr(corpus, table).values(), key=lambda c: (c.article, c.start, c.end))
        counters: dict[str, int] = {}
        renamed = {}
        for claim in rows:
            counters[claim.article] = counters.get(claim.article, 0) + 1
            claim.id = f"{claim.article}/{letter}{counters[claim.article]}"
            renamed[claim.id] = claim
        setattr(corpus, table, renamed)
