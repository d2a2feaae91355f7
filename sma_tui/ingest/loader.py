"""Reading an article file: plain text, Markdown or HTML, into text plus any metadata the
file itself carries (for HTML: title, date, site name, author and canonical URL, read by
the article extractor in :mod:`.html`).

Every stage here is linear in its input: the read is bounded (:data:`MAX_BYTES`, whatever
``stat`` says), and no regex can backtrack over a long run (see :func:`normalise_text`).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from .html import decode_html, extract_page
from .loaded import MAX_BYTES, IngestError, Loaded, bom_encoding, escaped

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_LOOKS_HTML = re.compile(r"\s*(?:<!doctype html|<html)", re.I)

__all__ = [
    "MAX_BYTES",
    "SUFFIXES",
    "IngestError",
    "Loaded",
    "bom_encoding",
    "decode",
    "load_bytes",
    "load_path",
    "normalise_text",
    "escaped",
    "read_bounded",
]


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of a file: a BOM decides (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1252."""
    if not data.strip():
        raise IngestError(f"{name}: empty file")
    bom = bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        text = data[skip:].decode(encoding, errors="replace")
        if not text.strip():
            raise IngestError(f"{name}: empty file")
        return text, []
    if b"\x00" in data:
        raise IngestError(f"{name}: binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        warning = f"{name}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"
    try:
        return data.decode("cp1252"), [warning]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [warning.replace("Windows-1252", "Latin-1")]


def read_bounded(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit``: the read itself is bounded, since
    ``stat`` may say 0 for a file that never ends (``/proc``) or one that grows meanwhile."""
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IngestError(f"{name}: is a folder")
        if not stat.S_ISREG(st.st_mode):  # a pipe or device would block or never end
            raise IngestError(f"{name}: not a regular file")
        if st.st_size > limit:
            raise IngestError(f"{name}: too large ({st.st_size / 1048576:.1f} MB; the limit is {_mb(limit)})")
        with path.open("rb") as f:
            data = f.read(limit + 1)
    except IngestError:
        raise
    except IsADirectoryError:
        raise IngestError(f"{name}: is a folder") from None
    except FileNotFoundError:
        raise IngestError(f"{name}: no such file") from None
    except PermissionError:
        raise IngestError(f"{name}: permission denied") from None
    except OSError as exc:
        raise IngestError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise IngestError(f"{name}: too large (more than {_mb(limit)}, the limit)")
    return data


def _mb(limit: int) -> str:
    return f"{limit / 1048576:g} MB"


def load_path(path: Path) -> Loaded:
    name = escaped(str(path))
    data = read_bounded(path, name)
    return load_bytes(data, name, html_input=path.suffix.lower() in (".html", ".htm"))


def load_bytes(data: bytes, name: str, *, html_input: bool = False) -> Loaded:
    """A file's bytes as an article. HTML (by suffix, or by its first bytes) goes through
    the article extractor, with the charset its ``<meta>`` declares."""
    if html_input or _LOOKS_HTML.match(data[:200].decode("latin-1")) or _looks_html_bom(data):
        if not data.strip():
            raise IngestError(f"{name}: empty file")
        text, warnings = decode_html(data, name)
        loaded = extract_page(text, name)
        loaded.warnings[:0] = warnings
        return loaded
    text, warnings = decode(data, name)
    loaded = Loaded(normalise_text(text), warnings=warnings)
    if not loaded.text.strip():
        raise IngestError(f"{name}: no article text in the file")
    return loaded


def _looks_html_bom(data: bytes) -> bool:
    bom = bom_encoding(data)
    if bom is None or bom[0] == "utf-8":
        return False
    head = data[bom[1] : bom[1] + 800].decode(bom[0], errors="replace")
    return _LOOKS_HTML.match(head) is not None


# Emphasis that cannot contain its own delimiter: each scan stops at the next ``**`` (or
# ``__``), so the total work is linear however many unclosed marks a line holds.
_STRONG_STAR = re.compile(r"\*\*(?=\S)((?:(?!\*\*)[^\n])+?)(?<=\S)\*\*")
_STRONG_UNDER = re.compile(r"__(?=\S)((?:(?!__)[^\n])+?)(?<=\S)__")
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, no trailing spaces, Markdown emphasis and heading marks off.

    Linear: trailing blanks go line by line with ``rstrip`` (a regex ``[ \\t]+\\n`` retries
    every position of a long run of spaces that no newline ends), and the emphasis
    patterns are tempered (see above)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _HEADING.sub("", text)
    text = _STRONG_STAR.sub(r"\1", text)
    text = _STRONG_UNDER.sub(r"\1", text)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return text.strip() + "\n"
