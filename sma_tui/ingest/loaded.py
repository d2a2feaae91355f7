"""What every reader of an article produces (:class:`Loaded`) or raises (:class:`IngestError`),
and the small helpers they share: no imports of the readers themselves, so the file loader,
the page extractor and the fetcher can all use it without a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.safety.sanitize import escaped as escaped  # names in messages: the readers' one helper

MAX_BYTES = 5 * 1024 * 1024
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class IngestError(Exception):
    """A file or page that cannot be added, phrased for the user (one line)."""



@dataclass
class Loaded:
    text: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)
    author: str | None = None
    url: str | None = None  # canonical URL (the page's own, else the address fetched)
    retrieved: str | None = None  # ISO timestamp of the fetch, for articles added by URL


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None
