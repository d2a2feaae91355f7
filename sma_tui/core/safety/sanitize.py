"""Make untrusted text safe to store and to print: no control character survives.

Article text comes from the web. A C0/C1 control character in it can drive the terminal
(``ESC ] 52`` writes the clipboard, ``ESC ] 0`` sets the window title, ``ESC [ 2 J`` clears
the screen, BEL rings, CR overwrites a line) and the Unicode bidi embeddings, overrides and
isolates (U+202A–U+202E, U+2066–U+2069) reorder what is displayed ("Trojan Source"), so a
quote could be made to look like another. None of them has a place in a news quote.

:func:`clean` replaces each such character by U+FFFD (the replacement character), one for
one, and keeps everything else, ordinary non-ASCII included. Newline and tab are kept.

Why replace and not strip: every quote and figure carries its exact character span in the
article body (``body[start:end] == text``). A one-for-one map ``f`` commutes with slicing,
``f(body)[s:e] == f(body[s:e])``, so cleaning the body and each claim's text separately
keeps every span valid without remapping anything, and ``sma-tui check`` still proves
them. Stripping would shift every offset after the first removed character. U+FFFD and
not a space: it is one terminal cell wide like a letter, cannot be interpreted, and shows
the reader that something was there (a silent space would hide tampering).

Everything here is linear in the length of the text: one precompiled character class
(no alternation, no backtracking) and ``str`` methods.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
"""What each unsafe character becomes (one character for one: spans are kept)."""

UNSAFE_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""C0 except tab (09) and newline (0A); DEL; C1 (80–9F); bidi embeddings, overrides
(202A–202E) and isolates (2066–2069). CR (0D) is unsafe too: it overwrites a line."""

_UNSAFE = UNSAFE_RE = re.compile(f"[{UNSAFE_CLASS}]")
_UNSAFE_OR_NEWLINE = re.compile(f"[{UNSAFE_CLASS}\t\n]")

# The same characters in the bytes of a JSON file written by orjson or json: C0 only as
# an escape (\uXXXX or \b \f \r: JSON forbids them raw inside strings), DEL, C1 and
# the bidi controls raw (UTF-8) or escaped. Each search below has a literal first byte,
# so ``re`` skips to its candidates at memchr speed (one alternation of all of them is
# forty times slower on a 40 MB store). A false positive (an escaped backslash before
# "b", CR between tokens) only costs the record-by-record pass.
_RAW_C0 = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
_NOT_RAW_C0 = bytes(b for b in range(256) if b not in _RAW_C0)
_RAW_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_RAW_BIDI = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
_ESCAPED = re.compile(rb"\\(?:u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F]|u20(?:2[a-eA-E]|6[6-9])|[bfr])")


def is_clean(text: str) -> bool:
    """True when ``text`` holds no unsafe character.

    Fast for the common case: every unsafe character is "not printable" to Python, and
    ``str.isprintable`` runs at C speed (twenty times a regular expression on an article
    body); only text with other non-printable characters (newlines, NBSP, soft hyphens)
    is searched character by character.
    """
    if text.isprintable():
        return True
    if text.replace("\n", "").replace("\t", "").isprintable():
        return True
    return _UNSAFE.search(text) is None


def clean(text: str) -> str:
    """``text`` with every unsafe character replaced by U+FFFD; same length, same spans.

    >>> clean("a\\x1b]0;pwned\\x07b\\n")
    'a\\ufffd]0;pwned\\ufffdb\\n'
    """
    if is_clean(text):
        return text
    return _UNSAFE.sub(REPLACEMENT, text)


def clean_value(value: Any) -> Any:
    """:func:`clean` applied to a string, or to each string of a list; other values as they are."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean(v) if isinstance(v, str) else v for v in value]
    return value


def clean_record(table: str, record: dict[str, Any]) -> dict[str, Any]:
    """A copy of a stored record with every string field (and every string in a list
    field) cleaned; ``record`` itself is not changed, and is returned as it is when it
    is clean already (no copy for the common case).

    Lengths are kept, so the span of a quote or figure into its article's cleaned body
    still holds. ``table`` is accepted for the callers' symmetry with the schema (every
    table is cleaned the same way: ids, titles and names reach the terminal too).
    """
    del table  # every table gets the same treatment
    changed: dict[str, Any] | None = None
    for key, value in record.items():
        cleaned = clean_value(value)
        if cleaned is not value and cleaned != value:
            if changed is None:
                changed = {}
            changed[key] = cleaned
    if changed is None:
        return record
    return {**record, **changed}


def json_may_hold_unsafe(raw: bytes) -> bool:
    """Whether the bytes of a JSON document (or of UTF-8 text) may hold an unsafe
    character in some string.

    ``False`` proves that no string in it needs :func:`clean` (a few C-speed scans of the
    file: the fast path of every load); ``True`` means "clean the records one by one".
    """
    if raw.translate(None, _NOT_RAW_C0):  # what is left is the raw C0 and DEL bytes
        return True
    if _RAW_C1.search(raw) is not None or _RAW_BIDI.search(raw) is not None:
        return True
    return b"\\" in raw and _ESCAPED.search(raw) is not None


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escaped(name: str) -> str:
    """``name`` (a file name, a URL) for a one-line message: control characters (C0, DEL,
    C1) shown as ``\\xNN``, so a name can neither move the cursor nor talk to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def flat(text: str) -> str:
    """``text`` cleaned and on one line, its white space squashed: a quote or a name inside
    a table row or a status line."""
    return " ".join(clean(text).split())


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` fit for one line of a message (a file name in a warning, an id in an
    error): unsafe characters replaced, newlines and tabs shown as ``\\n`` and ``\\t``;
    with ``limit``, cut to that many characters with an ellipsis."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    if _UNSAFE_OR_NEWLINE.search(text) is None:
        return text
    return _UNSAFE_OR_NEWLINE.sub(_escape_one, text)


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    return REPLACEMENT
