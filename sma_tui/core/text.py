"""The text rules every layer shares: one normaliser, one paragraph splitter, one ISO-date
check, and the human form of a figure's value. Pure Python."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from functools import lru_cache

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[\W_]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def fold(text: str) -> str:
    """Case- and typography-insensitive form used for matching (same length for most text)."""
    return text.translate(_FOLD).casefold()


def squash(text: str) -> str:
    """Every run of whitespace as one space, none at the ends."""
    return " ".join(text.split())


def normalise(text: str) -> str:
    """The one normal form for comparing names and texts: folded and squashed."""
    return squash(fold(text))


def name_key(text: str) -> str:
    """Folded words separated by single spaces, with a leading space: `` jeong eun bo``.

    ``name_key(needle) in name_key(name)`` is a match at the start of a word, so that
    ``speaker:esper`` finds Mark Esper but not a spokesperson.
    """
    return " " + _NON_WORD.sub(" ", fold(text)).strip()


def fingerprint(body: str) -> str:
    """Identity of an article's text: the same story saved twice (other line endings,
    spacing, typographic quotes, case) gets the same fingerprint."""
    text = normalise(unicodedata.normalize("NFKC", body))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """The blank-line separated paragraphs of ``body`` as ``(start, end)`` offsets, without
    their surrounding whitespace (single newlines stay inside a paragraph). The extractor
    and the reader both split with this."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(body):
        _add_bounds(out, body, pos, m.start())
        pos = m.end()
    _add_bounds(out, body, pos, len(body))
    return out


def _add_bounds(out: list[tuple[int, int]], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def windows_around(
    pattern: re.Pattern[str], text: str, start: int, stop: int, before: int, after: int
) -> list[tuple[int, int]]:
    """The stretches of ``text[start:stop]`` from ``before`` characters ahead of each match of
    ``pattern`` to ``after`` characters past it, overlapping ones merged, in order: where a
    costlier pattern needs to run (a long text with few anchors costs little)."""
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(text, start, stop):
        a, b = max(start, m.start() - before), min(stop, m.end() + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def is_iso_date(value: object) -> bool:
    """True for a real calendar day written ``YYYY-MM-DD`` (``2020-02-30`` is none, and
    neither is the ISO week date ``2020-W01-1`` that :meth:`date.fromisoformat` accepts)."""
    return type(value) is str and _real_day(value)


@lru_cache(maxsize=8192)  # a store's dates repeat: validating 100k records asks for a few hundred
def _real_day(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def slug(name: str) -> str:
    """An actor id from a name ("Clarke Cooper" -> ``clarke-cooper``): the extractor's and
    the corrections' one rule, so both name a new person alike."""
    norm = " ".join(name.replace("’", "'").strip(" ,.;:").split()).lower()
    return _NON_SLUG.sub("-", norm).strip("-") or "actor"


def format_value(value: float, unit: str) -> str:
    """Human form of a figure's value: $870 million, 13%, 5x, 28,500 troops."""
    if unit in ("USD", "KRW"):
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                n = value / size
                num = f"{n:,.4f}".rstrip("0").rstrip(".")
                return f"${num} {word}" if unit == "USD" else f"{num} {word} won"
        return f"${value:,.0f}" if unit == "USD" else f"{value:,.0f} won"
    num = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "percent":
        return f"{num}%"
    if unit == "multiple":
        return f"{num}x"
    return f"{num} {unit}"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``1 quote``, ``2 quotes``, ``1 new actor``: a count with its noun agreeing."""
    return f"{n} {noun if n == 1 else many or noun + 's'}"
