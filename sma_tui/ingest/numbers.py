"""Numbers as news copy writes them, and their values.

Digits with thousands commas ("28,500", "1,183.3"); spelled-out numbers ("five", "twenty-eight",
"five hundred", "thirteen point nine", "eight-point-two", KBS's "one-point-04"); KBS's
"28-thousand-500"; "a" before a scale word ("a billion dollars"); and the scale after a number,
in words ("five billion", "five-billion-dollar") or abbreviated the way wires and British,
Asian and Korean outlets do ("$870m", "$5bn", "$5B", "$870 mln", "$870mn", "1.04tn won",
"1.04 trln won", "1.04 tril. won"). Every pattern here is bounded: no run of digits or words
can make a match cost more than a few dozen characters of look-ahead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
DIGIT_WORDS = {k: v for k, v in UNITS.items() if v < 10} | {"oh": 0}
SCALES = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "bil": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12, "trl": 10**12, "trln": 10**12, "tril": 10**12, "tr": 10**12,
}  # fmt: skip


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# digits: at most 15 before the point and 6 after, never followed by more digits (a 400-digit
# run is no figure); the caller's look-behind keeps a match from starting inside a number
DIGITS = r"(?:\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)(?![\d,.]?\d)"
KBS_THOUSANDS = r"\d{1,3}[-\s]thousand[-\s]\d{3}(?!\d)|\d{1,3}-thousand(?![-\w])"
_ONES = _alt(k for k, v in UNITS.items() if 0 < v < 10)
_WORD_BASE = rf"(?:(?:{_alt(TENS)})(?:[-\s](?:{_ONES}))?|(?:{_alt(UNITS)}))"
_DIGIT_WORD = _alt(DIGIT_WORDS)
# "thirteen point nine", "eight-point-two", KBS's "one-point-04" (digits only hyphenated: "at one
# point 50 percent" is no decimal)
_POINT = rf"(?:-point-\d{{1,6}}|[-\s]point[-\s](?:{_DIGIT_WORD})(?:[-\s](?:{_DIGIT_WORD})){{0,5}})"
WORDS = (
    rf"\b(?:{_WORD_BASE}(?:[-\s]hundred)?{_POINT}?|an?(?=[-\s](?:thousand|million|billion|trillion)\b))"
    r"(?:(?=fold)|\b)"
)
LONG_SCALES = "thousand|million|billion|trillion"
ABBR_SCALES = "trln|tril|trl|trn|tr|tn|bln|bil|bn|mln|mil|mn"
SINGLE_SCALES = "m|b|k"  # only right after a currency sign's number: "$870m", "$5B"
_KBS = re.compile(r"(\d{1,3})[-\s]thousand(?:[-\s](\d{3}))?")


def word_value(text: str) -> Decimal | None:
    """The value of a spelled-out number ("twenty-eight", "thirteen point nine", "a")."""
    low = " ".join(text.lower().replace("-", " ").split())
    if low in ("a", "an"):
        return Decimal(1)
    whole, _, frac = low.partition(" point ")
    total = Decimal(0)
    for w in whole.split():
        if w == "hundred":
            total = (total or Decimal(1)) * 100
        elif w in TENS:
            total += TENS[w]
        elif w in UNITS:
            total += UNITS[w]
        else:
            return None
    if frac:
        digits = "".join(w if w.isdigit() else str(DIGIT_WORDS.get(w, "x")) for w in frac.split())
        if not digits.isdigit():
            return None
        total += Decimal("0." + digits)
    return total


def number_value(text: str) -> Decimal | None:
    """The value of a number as written: digits, KBS thousands or words; None if it is none."""
    low = text.lower()
    kbs = _KBS.fullmatch(low)  # "28-thousand-500", "12-thousand"
    if kbs:
        return Decimal(kbs[1]) * 1000 + Decimal(kbs[2] or 0)
    if low[:1].isdigit():
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    return word_value(text)


def scaled(number: Decimal, scale: str | None) -> float:
    """``number`` times its scale word or abbreviation ("bn", "tril", "m"), as a float."""
    key = (scale or "").lower().rstrip(".")
    return float(number * SCALES.get(key, 1))
