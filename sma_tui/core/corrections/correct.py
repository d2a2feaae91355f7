"""Building corrections from what a user asked for, with one clear message per bad input.

Each builder takes the corpus as the user sees it (loaded, corrections applied) and returns a
new :class:`Correction` to store; nothing is changed until the caller stores it and the
corpus is loaded again (or :func:`~.apply_corrections.apply` is called on it). Bad input raises
:class:`CorrectionError`. Also here: undo, and the converter from the old bundled format.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from ..corpus import Corpus
from ..models import Actor, Figure, Quote
from ..text import slug as actor_slug
from .apply import actor_name_key, has_field
from .records import (
    LEGACY_EPOCH,
    Correction,
    CorrectionError,
    Target,
    clean_text,
    figure_side_value,
    in_order,
    new_correction,
    now_iso,
    side_value,
)


def claim_target(corpus: Corpus, claim: Quote | Figure) -> Target:
    article = corpus.articles[claim.article]
    return Target(fingerprint=article.fingerprint or "", start=claim.start, end=claim.end, text=claim.text,
                  article=article.id)  # fmt: skip


def actor_target(actor: Actor) -> Target:
    return Target(actor=actor.id, name=actor.name)


def _quote(corpus: Corpus, quote_id: str) -> Quote:
    quote = corpus.quotes.get(quote_id)
    if quote is None:
        raise CorrectionError(f"no quote with id {quote_id!r} (try 'sma-tui quotes')")
    return quote


def _figure(corpus: Corpus, figure_id: str) -> Figure:
    figure = corpus.figures.get(figure_id)
    if figure is None:
        raise CorrectionError(f"no figure with id {figure_id!r} (try 'sma-tui figures')")
    return figure


def named_actors(corpus: Corpus, key: str) -> list[Actor]:
    """Actors whose id, name or an alias is ``key`` (spacing, case and apostrophes aside)."""
    if key in corpus.actors:
        return [corpus.actors[key]]
    needle = actor_name_key(key)
    hits = [a for a in corpus.actors.values() if needle in {actor_name_key(n) for n in (a.id, a.name, *a.aliases)}]
    return sorted(hits, key=lambda a: a.id) if needle else []


def matching_actors(corpus: Corpus, key: str) -> list[Actor]:
    """Actors ``key`` names (:func:`named_actors`), else those with ``key`` in their name."""
    needle = actor_name_key(key)
    hits = named_actors(corpus, key)
    if hits or not needle:
        return hits
    return sorted((a for a in corpus.actors.values() if needle in actor_name_key(a.name)), key=lambda a: a.id)


def find_actor(corpus: Corpus, key: str) -> Actor:
    """Exactly one actor for ``key``, else :class:`CorrectionError` naming the candidates."""
    hits = matching_actors(corpus, key)
    if len(hits) == 1:
        return hits[0]
    if hits:
        names = ", ".join(f"{a.name} ({a.id})" for a in hits[:6])
        raise CorrectionError(f"{key!r} matches several actors: {names}; give the actor id")
    raise CorrectionError(f"no actor {key!r} (try 'sma-tui actors')")


def correct_quote_speaker(
    corpus: Corpus, quote_id: str, speaker: str, note: str = "", *, new_actor: bool = False,
    now: datetime | None = None,
) -> Correction:  # fmt: skip
    """Say who really said quote ``quote_id``: ``speaker`` is an actor id or name; an unknown
    name makes a new actor (side unknown) only with ``new_actor``."""
    quote = _quote(corpus, quote_id)
    name = clean_text(speaker, "speaker", 120)
    after: dict[str, Any]
    if new_actor:
        if not name:
            raise CorrectionError("a new actor needs a name")
        actor_id = actor_slug(name)
        taken = named_actors(corpus, name) or ([corpus.actors[actor_id]] if actor_id in corpus.actors else [])
        if taken:
            names = ", ".join(f"{a.name} ({a.id})" for a in taken[:6])
            raise CorrectionError(f"{name!r} is already an actor: {names}; give that actor instead of a new one")
        after = {"speaker": actor_id, "speaker_name": name,
                 "new_actor": {"id": actor_id, "name": name, "side": "unknown", "kind": "person"}}  # fmt: skip
    else:
        if not matching_actors(corpus, name):
            raise CorrectionError(f"no actor {name!r}; ask for a new actor to create one")
        actor = find_actor(corpus, name)
        if actor.id == quote.speaker and getattr(quote, "attribution", None) in (None, "explicit", "corrected"):
            raise CorrectionError(f"{actor.name} is already the speaker of quote {quote.id}")
        # the same speaker when the extractor only inferred them: a person confirms it
        after = {"speaker": actor.id, "speaker_name": actor.name}
    before = {"speaker": quote.speaker, "attribution": getattr(quote, "attribution", None)}
    return new_correction("quote", "speaker", claim_target(corpus, quote), before, after,
                          clean_text(note, "note", 500), now_iso(now))  # fmt: skip


def reject_quote(corpus: Corpus, quote_id: str, note: str = "", *, now: datetime | None = None) -> Correction:
    """A false quote (a chant, a headline): it leaves every view and count."""
    quote = _quote(corpus, quote_id)
    return new_correction("quote", "reject", claim_target(corpus, quote), {"speaker": quote.speaker},
                          {"rejected": True}, clean_text(note, "note", 500), now_iso(now))  # fmt: skip


def reject_figure(corpus: Corpus, figure_id: str, note: str = "", *, now: datetime | None = None) -> Correction:
    figure = _figure(corpus, figure_id)
    return new_correction("figure", "reject", claim_target(corpus, figure), {"measure": figure.measure},
                          {"rejected": True}, clean_text(note, "note", 500), now_iso(now))  # fmt: skip


def correct_figure(
    corpus: Corpus, figure_id: str, *, measure: str | None = None, side: str | None = None,
    period: str | None = None, note: str = "", now: datetime | None = None,
) -> Correction:  # fmt: skip
    """Set what figure ``figure_id`` measures, whose side it is, and the period it covers."""
    figure = _figure(corpus, figure_id)
    after: dict[str, Any] = {}
    if measure is not None:
        if measure not in corpus.measures:
            known = ", ".join(sorted(corpus.measures))
            raise CorrectionError(f"unknown measure {measure!r} (one of: {known})")
        after["measure"] = measure
    if side is not None:
        after["side"] = figure_side_value(side)
    if period is not None:
        after["period"] = clean_text(period, "period", 40)
        if not after["period"]:
            raise CorrectionError("the period is empty")
    if not after:
        raise CorrectionError("nothing to correct: give a measure, a side or a period")
    for key in after:
        if not has_field(figure, key):
            raise CorrectionError(f"figures in this version have no {key}")
    same = {k for k, v in after.items() if getattr(figure, k) == v}
    if same == set(after):
        raise CorrectionError(f"figure {figure.id} already has {', '.join(sorted(same))} as given")
    before = {k: getattr(figure, k) for k in after}
    return new_correction("figure", "figure-fields", claim_target(corpus, figure), before, after,
                          clean_text(note, "note", 500), now_iso(now))  # fmt: skip


def correct_actor(
    corpus: Corpus, actor_key: str, *, side: str | None = None, name: str | None = None,
    role: str | None = None, note: str = "", now: datetime | None = None,
) -> Correction:  # fmt: skip
    """Set an actor's side (us, rok, other or unknown), name or role."""
    actor = find_actor(corpus, actor_key)
    after: dict[str, Any] = {}
    if side is not None:
        after["side"] = side_value(side)
    if name is not None:
        after["name"] = clean_text(name, "name", 120)
        if not after["name"]:
            raise CorrectionError("the name is empty")
    if role is not None:
        after["role"] = clean_text(role, "role", 200)
    if not after:
        raise CorrectionError("nothing to correct: give a side, a name or a role")
    if all(getattr(actor, k) == v for k, v in after.items()) and not (side is not None and actor.side_guessed):
        raise CorrectionError(f"actor {actor.id} already has the values given")
    before = {k: getattr(actor, k) for k in after}
    return new_correction("actor", "actor-fields", actor_target(actor), before, after,
                          clean_text(note, "note", 500), now_iso(now))  # fmt: skip


def merge_actor(
    corpus: Corpus, actor_key: str, into: str, note: str = "", *, now: datetime | None = None
) -> Correction:
    """Actor ``actor_key`` is the same person as ``into``: its claims, aliases and sources
    move to ``into`` and it disappears."""
    actor, target = find_actor(corpus, actor_key), find_actor(corpus, into)
    if actor.id == target.id:
        raise CorrectionError(f"cannot merge {actor.id} into itself")
    return new_correction("actor", "merge", actor_target(actor), {"name": actor.name, "side": actor.side},
                          {"into": target.id, "into_name": target.name}, clean_text(note, "note", 500),
                          now_iso(now))  # fmt: skip


# ------------------------------------------------------------------- undo
def find(corrections: list[Correction], key: str) -> Correction:
    """The correction with id ``key`` or a unique prefix of one."""
    hits = [c for c in corrections if c.id == key] or [c for c in corrections if key and c.id.startswith(key)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise CorrectionError(f"correction id {key!r} is ambiguous: {', '.join(sorted(c.id for c in hits)[:5])}")
    raise CorrectionError(f"no correction with id {key!r} (try 'sma-tui corrections')")


def undo(
    corrections: list[Correction], key: str | None = None, now: datetime | None = None
) -> tuple[list[Correction], Correction]:
    """Mark one correction undone: ``key``, or the latest that still holds. Returns the new
    list (same order) and the undone record."""
    if key is None:
        live = [c for c in in_order(corrections) if c.active]
        if not live:
            raise CorrectionError("there is no correction to undo")
        chosen = live[-1]
    else:
        chosen = find(corrections, key)
        if not chosen.active:
            raise CorrectionError(f"correction {chosen.id} was already undone at {chosen.undone}")
    done = replace(chosen, undone=now_iso(now))
    return [done if c.id == chosen.id else c for c in corrections], done


# ----------------------------------------------------------------- legacy
def from_legacy(corpus: Corpus, data: Any) -> list[Correction]:
    """Convert the old bundled format (``{"corrections": [{"op": "set", "kind", "article",
    "text", "fields", "reason", "nth"?}]}``) against ``corpus``, the extractor's output before
    any correction. Only ``set`` (and ``drop``) have an equivalent; ``add``/``replace`` cannot
    be expressed (a correction never invents a claim) and raise :class:`CorrectionError`."""
    items = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise CorrectionError("expected an object with a 'corrections' list")
    epoch = datetime.fromisoformat(LEGACY_EPOCH)
    out: list[Correction] = []
    for n, item in enumerate(items, 1):
        try:
            out.append(_legacy_one(corpus, item, now_iso(epoch + timedelta(seconds=n))))
        except (CorrectionError, KeyError, TypeError, ValueError) as exc:
            raise CorrectionError(f"legacy correction {n}: {exc}") from None
    return out


def _legacy_one(corpus: Corpus, item: dict[str, Any], created: str) -> Correction:
    op, kind, article, text = item["op"], item["kind"], item["article"], item["text"]
    if kind not in ("quote", "figure") or op not in ("set", "drop"):
        raise CorrectionError(f"op {op!r} on a {kind!r} has no equivalent in the new format")
    table: dict[str, Quote | Figure] = dict(corpus.quotes) if kind == "quote" else dict(corpus.figures)
    found = sorted((c for c in table.values() if c.article == article and c.text == text), key=lambda c: c.start)
    nth = int(item.get("nth", 1))
    if len(found) < nth:
        raise CorrectionError(f"no extracted {kind} {text[:40]!r} in {article}")
    claim, note = found[nth - 1], str(item.get("reason") or "")
    target = claim_target(corpus, claim)
    if op == "drop":
        return new_correction(kind, "reject", target, {}, {"rejected": True}, note, created)
    fields = dict(item.get("fields") or {})
    if kind == "quote" and "speaker" in fields:
        if set(fields) != {"speaker"}:
            raise CorrectionError("a speaker change must be a correction of its own")
        speaker = fields["speaker"]
        after = {"speaker": speaker, "speaker_name": corpus.speaker_name(speaker)}
        return new_correction(
            kind,
            "speaker",
            target,
            {"speaker": claim.speaker if isinstance(claim, Quote) else None},
            after,
            note,
            created,
        )
    before = {k: getattr(claim, k, None) for k in fields}
    return new_correction(kind, f"{kind}-fields", target, before, fields, note, created)
