"""Corrections: a person's fixes to what the extractor got wrong, kept apart from extraction.

A :class:`Correction` names its target so that it survives re-extraction and ids that differ
between stores: a quote or figure by its article's *fingerprint* (the dedupe key of the
normalised body) plus the exact span and text of the claim; an actor by id, with its name as
a fallback. It records what changed (``before`` -> ``after``), a note and its time. Applying
corrections to a corpus lives in :mod:`.apply_corrections`, building them from what a user
asked for (and undo) in :mod:`.correct`, the review queue in :mod:`.review`.

The file format moved by ``corrections export/import`` (and kept in the store's
``corrections`` table, one record per row)::

    {"format": "sma-tui-corrections", "version": 1, "corrections": [<record>, ...]}

    record = {"id": "c3f09a1b2c4d", "kind": "quote", "op": "speaker",
              "target": {"fingerprint": "6491...", "start": 553, "end": 582,
                         "text": "fair and equitable agreement.", "article": "breitbart-2019-11-19"},
              "before": {"speaker": "us-negotiators"},
              "after": {"speaker": "james-dehart", "speaker_name": "James DeHart"},
              "note": "...", "created": "2026-11-26T08:30:00+00:00", "undone": null}

Undo does not delete: it stamps ``undone`` with the time, so the history stays listed and an
undone correction is skipped when corrections are applied.

Pure Python: no Textual, TinyDB or Rich.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..text import is_iso_date

FORMAT = "sma-tui-corrections"
VERSION = 1
KINDS: tuple[str, ...] = ("quote", "figure", "actor")
OPS: dict[str, tuple[str, ...]] = {  # op -> the kinds it applies to
    "speaker": ("quote",),
    "reject": ("quote", "figure"),
    "quote-fields": ("quote",),
    "figure-fields": ("figure",),
    "actor-fields": ("actor",),
    "merge": ("actor",),
}
FIELDS: dict[str, tuple[str, ...]] = {  # op -> the keys its ``after`` may hold
    "speaker": ("speaker", "speaker_name", "new_actor"),
    "reject": ("rejected",),
    "quote-fields": ("date", "event"),
    "figure-fields": ("measure", "side", "period", "claimant", "qualifier", "date", "event"),
    "actor-fields": ("side", "name", "role"),
    "merge": ("into", "into_name"),
}
SIDE_INPUT: dict[str, str] = {"us": "US", "rok": "ROK", "other": "other", "unknown": "unknown"}
FIGURE_SIDE_INPUT: dict[str, str | None] = {"us": "US", "rok": "ROK", "agreed": "agreed", "none": None}
"""Whose position a figure states (see :mod:`sma_tui.core.positions`): not an actor's side;
``none`` says the figure is no one's position (a count, a fact)."""
"""What a user may type for a side (any case) -> the value stored."""

LEGACY_EPOCH = "2000-01-01T00:00:00+00:00"
"""Creation time of corrections converted from the old bundled format (before any user's)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HEX = re.compile(r"^[0-9a-f]{8,64}$")


class CorrectionError(ValueError):
    """A correction that cannot be made or read, phrased for the user (one line)."""


@dataclass(frozen=True, slots=True)
class Target:
    """What a correction is about. Claims: ``fingerprint`` + ``start``/``end`` + ``text``
    (``article`` is the article id in the store where it was made: a hint for people).
    Actors: ``actor`` id and its ``name`` then (the fallback when ids differ)."""

    fingerprint: str = ""
    start: int = 0
    end: int = 0
    text: str = ""
    article: str = ""
    actor: str = ""
    name: str = ""

    @property
    def is_claim(self) -> bool:
        return bool(self.fingerprint)

    def to_dict(self) -> dict[str, Any]:
        if self.is_claim:
            return {"fingerprint": self.fingerprint, "start": self.start, "end": self.end, "text": self.text,
                    "article": self.article}  # fmt: skip
        return {"actor": self.actor, "name": self.name}

    def label(self) -> str:
        """A short plain-text name for listings (untrusted text is left to the renderer)."""
        if self.is_claim:
            text = self.text if len(self.text) <= 40 else self.text[:39] + "…"
            return f"{text!r} in {self.article or self.fingerprint[:12]}"
        return self.name or self.actor


@dataclass(frozen=True, slots=True)
class Correction:
    id: str
    kind: str  # quote | figure | actor
    op: str  # see OPS
    target: Target
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    created: str = LEGACY_EPOCH  # ISO 8601 with a UTC offset
    undone: str | None = None  # when it was undone; None while it holds

    @property
    def active(self) -> bool:
        return self.undone is None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "op": self.op, "target": self.target.to_dict(),
                "before": dict(self.before), "after": dict(self.after), "note": self.note,
                "created": self.created, "undone": self.undone}  # fmt: skip

    @classmethod
    def from_dict(cls, data: Any) -> Correction:
        """A record read from a file or the store; raises :class:`CorrectionError`."""
        return _record(data)

    def summary(self) -> str:
        """One plain line for listings: what changed on what."""
        if self.op == "reject":
            change = "rejected"
        elif self.op == "merge":
            change = f"merged into {self.after.get('into_name') or self.after.get('into')}"
        else:
            shown = {k: v for k, v in self.after.items() if k not in ("speaker_name", "new_actor")}
            change = ", ".join(f"{k}: {_show(self.before.get(k))} -> {_show(v)}" for k, v in shown.items())
        state = f" (undone {self.undone[:16]})" if self.undone else ""
        return f"{self.kind} {self.target.label()}: {change}{state}"

    def content_key(self) -> str:
        """Identity of what it does (not when): two people making the same fix match."""
        return json.dumps([self.kind, self.op, self.target.to_dict(), self.after], sort_keys=True)


def _show(value: Any) -> str:
    return "none" if value is None or value == "" else str(value)


# ------------------------------------------------------------------ making
def now_iso(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")


def make_id(kind: str, op: str, target: Target, after: dict[str, Any], created: str) -> str:
    """Stable id: a short hash of what the correction does and when it was made."""
    key = json.dumps([kind, op, target.to_dict(), after, created], sort_keys=True)
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:11]


def new_correction(
    kind: str, op: str, target: Target, before: dict[str, Any], after: dict[str, Any], note: str, created: str
) -> Correction:
    rec = Correction(make_id(kind, op, target, after, created), kind, op, target, before, after, note, created)
    _check_shape(rec)
    return rec


def clean_text(value: str, what: str, limit: int = 200) -> str:
    """User text (a name, role, note): trimmed, one line, no control characters."""
    text = " ".join(unicodedata.normalize("NFC", value).split())
    if _CONTROL.search(text):
        raise CorrectionError(f"the {what} contains control characters")
    if len(text) > limit:
        raise CorrectionError(f"the {what} is longer than {limit} characters")
    return text


def side_value(side: str) -> str:
    value = SIDE_INPUT.get(side.strip().lower())
    if value is None:
        raise CorrectionError(f"side {side!r} is not one of {', '.join(SIDE_INPUT)}")
    return value


def figure_side_value(side: str) -> str | None:
    key = side.strip().lower()
    if key not in FIGURE_SIDE_INPUT:
        raise CorrectionError(f"a figure's side {side!r} is not one of {', '.join(FIGURE_SIDE_INPUT)}")
    return FIGURE_SIDE_INPUT[key]


def in_order(corrections: Iterable[Correction]) -> list[Correction]:
    """Creation order (ties keep their stored order)."""
    return sorted(corrections, key=lambda c: _when(c.created))


# ------------------------------------------------------------ file format
def dump(corrections: Iterable[Correction]) -> dict[str, Any]:
    """The JSON-ready export of ``corrections``."""
    return {"format": FORMAT, "version": VERSION, "corrections": [c.to_dict() for c in corrections]}


def parse(data: Any) -> list[Correction]:
    """The corrections of an export (as parsed JSON); strict: anything else is a one-line
    :class:`CorrectionError`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorrectionError('not a sma-tui corrections file (no "format": "sma-tui-corrections")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorrectionError("the corrections file has no valid version")
    if version > VERSION:
        raise CorrectionError(f"the corrections file has version {version}, newer than this sma-tui reads ({VERSION})")
    items = data.get("corrections")
    if not isinstance(items, list):
        raise CorrectionError("the corrections file has no 'corrections' list")
    out: list[Correction] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        try:
            rec = _record(item)
        except CorrectionError as exc:
            raise CorrectionError(f"correction {n}: {exc}") from None
        if rec.id in seen:
            raise CorrectionError(f"correction {n}: id {rec.id} appears twice")
        seen.add(rec.id)
        out.append(rec)
    return out


def _record(data: Any) -> Correction:
    if not isinstance(data, dict):
        raise CorrectionError("a correction must be an object")
    for key in ("id", "kind", "op", "created"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise CorrectionError(f"missing or invalid {key!r}")
    for key in ("before", "after"):
        if not isinstance(data.get(key, {}), dict):
            raise CorrectionError(f"{key!r} must be an object")
    note, undone = data.get("note", ""), data.get("undone")
    if not isinstance(note, str) or not (undone is None or isinstance(undone, str)):
        raise CorrectionError("'note' must be text and 'undone' a time or null")
    rec = Correction(
        id=data["id"], kind=data["kind"], op=data["op"], target=_target(data.get("target")),
        before=dict(data.get("before", {})), after=dict(data.get("after", {})), note=note,
        created=data["created"], undone=undone,
    )  # fmt: skip
    _check_shape(rec)
    return rec


def _target(data: Any) -> Target:
    if not isinstance(data, dict):
        raise CorrectionError("'target' must be an object")
    if "fingerprint" in data:
        fp, start, end, text, article = (data.get(k) for k in ("fingerprint", "start", "end", "text", "article"))
        if not (isinstance(fp, str) and _HEX.match(fp)):
            raise CorrectionError("target fingerprint must be hexadecimal")
        if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)):
            raise CorrectionError("target span must be two integers, start < end")
        if isinstance(end, bool) or not 0 <= start < end:
            raise CorrectionError("target span must be two integers, start < end")
        if not (isinstance(text, str) and len(text) == end - start):
            raise CorrectionError("target text must be the text of its span")
        if not isinstance(article, str):
            raise CorrectionError("target article must be text")
        return Target(fingerprint=fp, start=start, end=end, text=text, article=article)
    actor, name = data.get("actor"), data.get("name", "")
    if not (isinstance(actor, str) and actor and isinstance(name, str)):
        raise CorrectionError("target must name a claim (fingerprint, span, text) or an actor")
    return Target(actor=actor, name=name)


def _check_shape(rec: Correction) -> None:
    if rec.kind not in KINDS:
        raise CorrectionError(f"kind {rec.kind!r} is not one of {', '.join(KINDS)}")
    if rec.op not in OPS or rec.kind not in OPS[rec.op]:
        raise CorrectionError(f"op {rec.op!r} does not apply to a {rec.kind}")
    if rec.target.is_claim != (rec.kind != "actor"):
        raise CorrectionError(f"a {rec.kind} correction needs a {'claim' if rec.kind != 'actor' else 'actor'} target")
    unknown = sorted(set(rec.after) - set(FIELDS[rec.op]))
    if unknown or not rec.after:
        raise CorrectionError(f"'after' of a {rec.op} correction cannot hold {', '.join(unknown) or 'nothing'}")
    required = {"speaker": "speaker", "reject": "rejected", "merge": "into"}.get(rec.op)
    if required and not rec.after.get(required):
        raise CorrectionError(f"a {rec.op} correction needs 'after.{required}'")
    new_actor = rec.after.get("new_actor")
    if new_actor is not None and not _valid_new_actor(new_actor):
        raise CorrectionError("'after.new_actor' must be an object with a name, an id and a known side")
    shown = [rec.note, rec.target.name, rec.target.article, *rec.after.values(), *rec.before.values()]
    if isinstance(new_actor, dict):
        shown += new_actor.values()
    if any(isinstance(v, str) and _CONTROL.search(v) for v in shown):
        raise CorrectionError("control characters in the note, a name or a value")
    for value in (*rec.after.values(), *rec.before.values()):
        if not isinstance(value, (str, int, float, bool, dict, type(None))):
            raise CorrectionError("'before'/'after' values must be JSON scalars")
    _check_values(rec.op, rec.after)
    _when(rec.created)
    if rec.undone is not None:
        _when(rec.undone)


def _valid_new_actor(spec: Any) -> bool:
    if not isinstance(spec, dict) or not all(isinstance(spec.get(k, ""), str) for k in ("name", "id", "side", "kind")):
        return False
    return bool(spec.get("name")) and bool(spec.get("id")) and spec.get("side", "unknown") in SIDE_INPUT.values()


def _check_values(op: str, after: dict[str, Any]) -> None:
    """The types and vocabularies of ``after``: text for names and ids (claim fields may be
    null: "none"), a known side, an ISO date."""
    nullable = op in ("quote-fields", "figure-fields")
    for key, value in after.items():
        if key in ("new_actor", "rejected"):
            if key == "rejected" and value is not True:
                raise CorrectionError("'after.rejected' must be true")
            continue
        if not (isinstance(value, str) or (nullable and value is None)):
            raise CorrectionError(f"'after.{key}' must be text" + (" or null" if nullable else ""))
        sides = [v for v in FIGURE_SIDE_INPUT.values() if v] if op == "figure-fields" else list(SIDE_INPUT.values())
        if key == "side" and value is not None and value not in sides:
            raise CorrectionError(f"'after.side' {value!r} is not one of {', '.join(sides)}")
        if key == "date" and value is not None and not is_iso_date(value):
            raise CorrectionError(f"'after.date' {value!r} is not an ISO date")


def _when(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise CorrectionError(f"invalid time {value!r}") from None
    if when.tzinfo is None:
        raise CorrectionError(f"time {value!r} has no UTC offset")
    return when
