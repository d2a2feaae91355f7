"""Applying corrections to a corpus, and merging an imported set into a store's own.

:func:`apply` runs on every load, after extraction: each correction finds its target in
*this* corpus (claims by article fingerprint + exact span, else the same text nearest the
old start in that article; actors by id, else by name or alias), and a target it cannot find
becomes a :class:`Problem` for ``check`` (never dropped silently). Applying in creation order
to a freshly loaded (or freshly re-extracted) corpus gives the same result every time.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from ..corpus import Corpus
from ..models import Actor, Figure, Quote
from ..text import slug as actor_slug
from .records import Correction, Target, in_order

Claim = Quote | Figure


@dataclass(frozen=True, slots=True)
class Problem:
    """A correction that could not be applied (its target is gone, or the value is unknown)."""

    correction: str  # the correction's id
    message: str

    def __str__(self) -> str:
        return f"correction {self.correction}: {self.message}"


@dataclass(frozen=True, slots=True)
class AppliedItem:
    correction: str
    target: str  # id of the quote, figure or actor in this corpus
    summary: str  # one plain line: what changed


@dataclass
class Applied:
    report: list[AppliedItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected: list[Claim] = field(default_factory=list)  # out of every view, still listed here
    marks: dict[str, list[str]] = field(default_factory=dict)  # claim/actor id -> correction ids

    def corrected(self, record_id: str) -> bool:
        """Whether a view should mark the record (e.g. with ✎)."""
        return record_id in self.marks


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: list[Correction]
    duplicates: list[Correction]
    unresolved: list[Problem]


class _Unresolved(Exception):
    pass


def actor_name_key(text: str) -> str:
    """An actor's id, name or alias as corrections match it: casefolded, curly apostrophe
    straightened, runs of whitespace as one space."""
    return " ".join(text.replace("’", "'").casefold().split())


def has_field(record: Any, name: str) -> bool:
    """Whether ``record``'s model has the field ``name`` (fields other branches add)."""
    return any(f.name == name for f in fields(record))


def set_field(record: Any, name: str, value: Any) -> bool:
    """Set ``name`` if the model has it; ``False`` when it does not (yet)."""
    if not has_field(record, name):
        return False
    setattr(record, name, value)
    return True


class _Index:
    """What apply looks things up in, kept current as corrections change the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.by_fingerprint = {a.fingerprint: a.id for a in corpus.articles.values() if a.fingerprint}
        self.claims: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for kind, table in (("quote", corpus.quotes), ("figure", corpus.figures)):
            for claim in table.values():
                self.claims[(kind, claim.article)].append(claim)
        self.names: dict[str, set[str]] = defaultdict(set)
        for actor in corpus.actors.values():
            self.add_actor(actor)

    def add_actor(self, actor: Actor) -> None:
        for name in (actor.id, actor.name, *actor.aliases):
            self.names[actor_name_key(name)].add(actor.id)

    def drop_actor(self, actor: Actor) -> None:
        for ids in self.names.values():
            ids.discard(actor.id)

    def claim(self, kind: str, target: Target) -> Claim:
        article = self.by_fingerprint.get(target.fingerprint)
        if article is None:
            raise _Unresolved(f"{kind} {target.label()}: its article is not in this store")
        claims = self.claims.get((kind, article), [])
        exact = [c for c in claims if (c.start, c.end, c.text) == (target.start, target.end, target.text)]
        if exact:
            return exact[0]
        same = [c for c in claims if c.text == target.text]
        same.sort(key=lambda c: (abs(c.start - target.start), c.start))
        if same:
            return same[0]
        raise _Unresolved(f"{kind} {target.label()} is no longer extracted from article {article}")

    def actor(self, actor_id: str, name: str = "") -> Actor:
        if actor_id in self.corpus.actors:
            return self.corpus.actors[actor_id]
        for key in (actor_id, name):
            ids = sorted(self.names.get(actor_name_key(key), ())) if key else []
            if len(ids) == 1:
                return self.corpus.actors[ids[0]]
            if len(ids) > 1:
                raise _Unresolved(f"actor {key!r} is ambiguous here: {', '.join(ids)}")
        raise _Unresolved(f"no actor {actor_id!r}" + (f" or {name!r}" if name and name != actor_id else ""))

    def reject(self, kind: str, claim: Claim) -> None:
        self.claims[(kind, claim.article)].remove(claim)
        table: dict[str, Any] = self.corpus.quotes if kind == "quote" else self.corpus.figures
        del table[claim.id]


def apply(corpus: Corpus, corrections: Iterable[Correction]) -> Applied:
    """Apply the active ``corrections`` to ``corpus`` in place, in creation order."""
    index = _Index(corpus)
    out = Applied()
    for rec in in_order(c for c in corrections if c.active):
        try:
            marked, summary = _apply_one(index, rec, out)
        except _Unresolved as exc:
            out.problems.append(Problem(rec.id, str(exc)))
            continue
        out.report.append(AppliedItem(rec.id, marked[0], summary))
        for record_id in marked:
            out.marks.setdefault(record_id, []).append(rec.id)
    corpus.reindex()
    return out


def _apply_one(index: _Index, rec: Correction, out: Applied) -> tuple[list[str], str]:
    """Apply ``rec``; returns the ids of the records it changed (its target first) and what
    it did."""
    if rec.kind == "actor":
        actor = index.actor(rec.target.actor, rec.target.name)
        if rec.op == "merge":
            into, summary = _merge(index, actor, rec)
            return [actor.id, into], summary
        return [actor.id], _actor_fields(index, actor, rec.after)
    claim = index.claim(rec.kind, rec.target)
    if rec.op == "reject":
        index.reject(rec.kind, claim)
        out.rejected.append(claim)
        return [claim.id], f"{rec.kind} {claim.id} rejected"
    if rec.op == "speaker":
        assert isinstance(claim, Quote)
        return [claim.id], _speaker(index, claim, rec.after)
    return [claim.id], _claim_fields(index, claim, rec)


def _speaker(index: _Index, quote: Quote, after: dict[str, Any]) -> str:
    try:
        actor = index.actor(str(after["speaker"]), str(after.get("speaker_name") or ""))
    except _Unresolved:
        spec = after.get("new_actor")
        if not isinstance(spec, dict):
            raise
        actor = _new_actor(spec, quote.article)
        if actor.id in index.corpus.actors:  # never replace an actor this store has
            actor = index.corpus.actors[actor.id]
        else:
            index.corpus.actors[actor.id] = actor
            index.add_actor(actor)
    before, quote.speaker = quote.speaker, actor.id
    set_field(quote, "attribution", "corrected")
    if quote.article not in actor.sources:
        actor.sources = [*actor.sources, quote.article]
    return f"quote {quote.id}: speaker {before or 'unattributed'} -> {actor.id}"


def _new_actor(spec: dict[str, Any], article: str) -> Actor:
    name = str(spec["name"])
    actor_id = str(spec.get("id") or actor_slug(name))
    return Actor(actor_id, name, str(spec.get("side") or "unknown"), kind=str(spec.get("kind") or "person"),
                 aliases=[name], sources=[article])  # fmt: skip


def _claim_fields(index: _Index, claim: Claim, rec: Correction) -> str:
    values = dict(rec.after)
    for key in values:
        if not has_field(claim, key):
            raise _Unresolved(f"{rec.kind}s in this version have no field {key!r}")
    if values.get("claimant") is not None:
        values["claimant"] = index.actor(str(values["claimant"])).id
    measure = values.get("measure")
    if measure is not None and measure not in index.corpus.measures:
        raise _Unresolved(f"unknown measure {measure!r}")
    event = values.get("event")
    if event is not None and event not in index.corpus.events:
        raise _Unresolved(f"unknown event {event!r}")
    for key, value in values.items():
        setattr(claim, key, value)
    changed = ", ".join(f"{k}={'none' if v is None else v}" for k, v in values.items())
    return f"{rec.kind} {claim.id}: {changed}"


def _actor_fields(index: _Index, actor: Actor, after: dict[str, Any]) -> str:
    if "side" in after:
        actor.side = str(after["side"])
        actor.side_guessed = False
    if "role" in after:
        actor.role = str(after["role"])
    name = after.get("name")
    if name and name != actor.name:
        index.drop_actor(actor)
        actor.aliases = sorted({*actor.aliases, actor.name})
        actor.name = str(name)
        index.add_actor(actor)
    return f"actor {actor.id}: " + ", ".join(f"{k}={v}" for k, v in after.items())


def _merge(index: _Index, actor: Actor, rec: Correction) -> tuple[str, str]:
    into = index.actor(str(rec.after["into"]), str(rec.after.get("into_name") or ""))
    if into.id == actor.id:
        return into.id, f"actor {actor.id}: already merged"
    corpus = index.corpus
    for quote in corpus.quotes.values():
        if quote.speaker == actor.id:
            quote.speaker = into.id
    for figure in corpus.figures.values():
        if figure.claimant == actor.id:
            figure.claimant = into.id
    for event in corpus.events.values():
        if actor.id in event.negotiators:
            event.negotiators = list(dict.fromkeys(into.id if n == actor.id else n for n in event.negotiators))
    index.drop_actor(actor)
    into.aliases = sorted({*into.aliases, actor.name, *actor.aliases} - {into.name})
    into.sources = list(dict.fromkeys([*into.sources, *actor.sources]))  # article ids and citation objects
    del corpus.actors[actor.id]
    index.add_actor(into)
    return into.id, f"actor {actor.id} merged into {into.id}"


# ----------------------------------------------------------------- import
def trial_copy(corpus: Corpus) -> Corpus:
    """A copy that :func:`apply` may change without touching ``corpus`` (articles and
    measures are shared: apply never changes them)."""

    def table(rows: dict[str, Any]) -> dict[str, Any]:
        return {k: copy.copy(v) for k, v in rows.items()}

    return Corpus(articles=dict(corpus.articles), events=table(corpus.events), actors=table(corpus.actors),
                  quotes=table(corpus.quotes), figures=table(corpus.figures), measures=dict(corpus.measures),
                  meta=dict(corpus.meta))  # fmt: skip


def merge_import(existing: list[Correction], incoming: list[Correction], corpus: Corpus) -> ImportReport:
    """What importing ``incoming`` into a store holding ``existing`` adds. ``corpus`` is the
    store's corpus as loaded (its own corrections applied). Duplicates (same id, or the same
    change to the same target) are skipped; corrections whose target this store does not have
    are reported and not added (import again once the articles are added)."""
    ids = {c.id for c in existing}
    keys = {c.content_key() for c in existing}
    fresh: list[Correction] = []
    duplicates: list[Correction] = []
    for rec in incoming:
        key = rec.content_key()
        if rec.id in ids or key in keys:
            duplicates.append(rec)
            continue
        ids.add(rec.id)
        keys.add(key)
        fresh.append(rec)
    problems = apply(trial_copy(corpus), fresh).problems
    bad = {p.correction for p in problems}
    return ImportReport([c for c in fresh if c.id not in bad], duplicates, problems)
