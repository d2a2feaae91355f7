"""What grouping means for the stored quotes: each quote's statement id and the speaker a
weakly attributed report inherits, a statement summarised from its stored reports, and the
keys an ``add`` looks candidates up by.

The store keeps ``Quote.statement`` (``"st:"`` + the earliest report's quote id) and, for a
report that took its statement's explicit speaker, ``attribution = "context"`` with
``attribution_source`` (the explicit report that vouches for it). Reading a statement back
needs no index: its reports are the quotes sharing the id, summarised by
:func:`summarise`. Pure Python; no Textual, Rich or TinyDB.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from .data import AddResult, QuoteLike, Report, Statement, build_statement, explicit_speaker
from .index import MAX_TOKENS, StatementIndex, _eligible
from .wording import _STEMMED_STOPWORDS, tokens


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one quote stands after grouping: its statement and, for a weak report of a
    statement with an explicit speaker, the speaker it inherits and the evidence."""

    statement: str
    speaker: str | None = None
    source: str | None = None


def placements(index: StatementIndex, quote_ids: Iterable[str]) -> dict[str, Placement]:
    """The :class:`Placement` of each of ``quote_ids`` (all indexed in ``index``)."""
    out: dict[str, Placement] = {}
    inherited: dict[str, dict[str, tuple[str, str]]] = {}
    for qid in quote_ids:
        st = index.statement_of(qid)
        if st.id not in inherited:
            inherited[st.id] = {i.quote: (i.speaker, i.evidence) for i in index.inherit(st)}
        speaker, source = inherited[st.id].get(qid, (None, None))
        out[qid] = Placement(st.id, speaker, source)
    return out


def apply_placement(record: MutableMapping[str, Any], place: Placement) -> bool:
    """Write ``place`` into a quote's stored fields (a dict); ``True`` when it changed them.
    A report that inherited a speaker which the regrouping no longer gives it keeps it (its
    own extraction had none better)."""
    before = (record.get("statement"), record.get("speaker"), record.get("attribution_source"))
    record["statement"] = place.statement
    if place.speaker is not None and record.get("attribution") != "explicit":
        record["speaker"] = place.speaker
        record["attribution"] = "context"
        record["attribution_source"] = place.source
    return before != (record.get("statement"), record.get("speaker"), record.get("attribution_source"))


_FIELDS = ("statement", "speaker", "attribution", "attribution_source")


def group_quotes(quotes: Sequence[Any]) -> StatementIndex:
    """Group ``quotes`` (:class:`~sma_tui.core.models.Quote` objects) in one batch and set
    each one's statement and inherited speaker in place."""
    index = StatementIndex.build(quotes)
    found = placements(index, [q.id for q in quotes])
    for q in quotes:
        fields = {name: getattr(q, name) for name in _FIELDS}
        if apply_placement(fields, found[q.id]):
            for name, value in fields.items():
                setattr(q, name, value)
    return index


def regroup(existing: Sequence[QuoteLike], new: Sequence[QuoteLike]) -> tuple[dict[str, Placement], AddResult]:
    """Group ``new`` quotes with the ``existing`` ones they may join (the candidates and every
    report of the candidates' statements): the placements of all of them, and what changed."""
    index = StatementIndex.build(existing)
    result = index.add(new)
    return placements(index, [q.id for q in (*existing, *new)]), result


def summarise(reports: Sequence[QuoteLike]) -> Statement:
    """The :class:`Statement` of one statement's stored ``reports`` (any order)."""
    rows = []
    toks = {}
    for q in reports:
        t = tokens(q.text)[:MAX_TOKENS]
        explicit = explicit_speaker(q)
        key = (" ".join(t) or "\0" + q.id, explicit or "")
        toks[key] = t
        rows.append(Report(q.id, q.text, q.date, q.speaker, explicit, key))
    rows.sort(key=lambda r: r.order)
    return build_statement(rows, toks, ())


# ------------------------------------------------------------------ lookup keys
def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def lookup_keys(text: str) -> set[int]:
    """The keys a quote is found by when another report of its statement is added: its
    whole wording, and (when it can join by containment) every word pair holding a
    content word. A candidate shares at least one key with any quote it can match."""
    toks = tokens(text)[:MAX_TOKENS]
    if not toks:
        return set()
    keys = {_hash("=" + " ".join(toks))}
    if _eligible(toks):
        keys |= {
            _hash(f"{a} {b}")
            for a, b in zip(toks, toks[1:], strict=False)
            if a not in _STEMMED_STOPWORDS or b not in _STEMMED_STOPWORDS
        }
    return keys
