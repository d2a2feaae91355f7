"""Reading an article file: plain text, Markdown or HTML, into text plus any metadata the
file itself carries (HTML ``<title>`` and meta tags)."""

from __future__ import annotations

import html
import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class IngestError(Exception):
    """A file that cannot be added, phrased for the user (one line)."""


@dataclass
class Loaded:
    text: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    if not data.strip():
        raise IngestError(f"{name}: empty file")
    if b"\x00" in data:
        raise IngestError(f"{name}: binary file (contains NUL bytes), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        warning = f"{name}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"
    try:
        return data.decode("cp1252"), [warning]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [warning.replace("Windows-1252", "Latin-1")]


def load_path(path: Path) -> Loaded:
    name = str(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IngestError(f"{name}: is a folder")
        if not stat.S_ISREG(st.st_mode):  # a pipe or device would block or never end
            raise IngestError(f"{name}: not a regular file")
        size = st.st_size
        if size > MAX_BYTES:
            raise IngestError(f"{name}: too large ({size / 1048576:.1f} MB; the limit is 5 MB)")
        data = path.read_bytes()
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
    return load_bytes(data, name, html_input=path.suffix.lower() in (".html", ".htm"))


def load_bytes(data: bytes, name: str, *, html_input: bool = False) -> Loaded:
    text, warnings = decode(data, name)
    if html_input or re.match(r"\s*(?:<!doctype html|<html)", text[:200], re.I):
        loaded = html_to_text(text)
        loaded.warnings[:0] = warnings
    else:
        loaded = Loaded(normalise_text(text), warnings=warnings)
    if not loaded.text.strip():
        raise IngestError(f"{name}: no article text in the file")
    return loaded


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, no trailing spaces, Markdown emphasis and heading marks off."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip() + "\n"


_BLOCK = frozenset("p div br h1 h2 h3 h4 h5 h6 li blockquote figcaption tr section article header footer".split())
_DROP = frozenset("script style noscript template svg nav aside form iframe button".split())


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop = 0
        self.in_title = False
        self.in_caption = 0
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.drop += 1
        elif tag == "title":
            self.in_title = True
        elif tag in ("figcaption", "figure"):
            self.in_caption += 1
        elif tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _DROP:
            self.drop -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in ("figcaption", "figure"):
            self.in_caption = max(0, self.in_caption - 1)
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.drop and not self.in_caption:
            self.parts.append(data)


def html_to_text(source: str) -> Loaded:
    parser = _Html()
    parser.feed(source)
    parser.close()
    raw = html.unescape("".join(parser.parts))
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw)]
    text = "\n\n".join(p for p in paras if p)
    meta = parser.meta
    title = meta.get("og:title") or meta.get("twitter:title") or " ".join(parser.title.split()) or None
    date = None
    for key in ("article:published_time", "datepublished", "date", "pubdate", "publish-date", "dc.date"):
        if meta.get(key):
            m = re.match(r"\d{4}-\d\d-\d\d", meta[key])
            if m:
                date = m.group()
                break
    publisher = meta.get("og:site_name") or meta.get("publisher") or meta.get("article:publisher") or None
    if publisher and publisher.startswith("http"):
        publisher = None
    warnings = ["scripts and styles were removed"] if re.search(r"<script\b", source, re.I) else []
    return Loaded(text + "\n" if text else "", title, publisher, date, warnings)
