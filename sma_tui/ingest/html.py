"""A web page (fetched, or saved from a browser) as an article: its main text without the
site's chrome (cookie banner, navigation, share bar, sidebars, footer) and its metadata
(title, publication date, site name, author, canonical URL), read by trafilatura.

Charset precedence follows the HTML standard's encoding sniffing, in this order:

1. a byte-order mark;
2. the ``charset`` of the HTTP ``Content-Type`` header (pages fetched by URL): a server's
   header beats the page's own ``<meta>``, as in every browser;
3. ``<meta charset>`` or ``<meta http-equiv=Content-Type>`` in the first 4 KB;
4. UTF-8, and failing that Windows-1252 (with a warning).

Labels are mapped as browsers map them (``iso-8859-1``, ``latin1`` and ``ascii`` mean
Windows-1252; a ``<meta>`` claiming UTF-16 means UTF-8). Entities are decoded exactly once,
by the HTML parser: ``&amp;lt;b&amp;gt;`` reads ``&lt;b&gt;``.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from .loaded import IngestError, Loaded, bom_encoding, escaped

_META_CHARSET = re.compile(rb"""<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_WHATWG = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-sjis": "shift_jis",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def codec_for(label: str | None, *, from_meta: bool = False) -> str | None:
    """The Python codec for a declared charset label, or None when it is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if from_meta and label.startswith(("utf-16", "utf16")):
        return "utf-8"  # a page cannot be read as UTF-16 to find a <meta> saying so
    label = _WHATWG.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares in its first 4 KB (the raw label)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode_html(data: bytes, name: str, header_charset: str | None = None) -> tuple[str, list[str]]:
    """The text of a page: BOM, then the HTTP header's charset, then ``<meta>``, then UTF-8
    (or Windows-1252 with a warning)."""
    bom = bom_encoding(data)
    if bom is not None:
        return data[bom[1] :].decode(bom[0], errors="replace"), []
    warnings: list[str] = []
    declared: list[tuple[str | None, str]] = []
    if header_charset:
        declared.append((header_charset, "the HTTP header"))
    meta = meta_charset(data)
    if meta:
        declared.append((meta, "its <meta>"))
    for label, where in declared:
        codec = codec_for(label, from_meta=where != "the HTTP header")
        if codec is None:
            warnings.append(f"{name}: unknown charset {escaped(label or '')!r} declared by {where}; ignored")
            continue
        try:
            return data.decode(codec), warnings
        except UnicodeDecodeError as exc:
            warnings.append(f"{name}: not valid {codec} (byte {exc.start}) as {where} declares; bad bytes replaced")
            return data.decode(codec, errors="replace"), warnings
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        warnings.append(f"{name}: no charset declared and not valid UTF-8 (byte {exc.start}); read as Windows-1252")
    return data.decode("cp1252", errors="replace"), warnings


# Consent and cookie banners: trafilatura drops most, not all; a page of nothing else must
# read as "no article text", not as an article about cookies.
_PRUNE = [
    "//*[contains(translate(@class,'COKIE','cokie'),'cookie') or contains(translate(@id,'COKIE','cokie'),'cookie')"
    " or contains(@class,'consent') or contains(@id,'consent') or contains(@class,'gdpr')]"
]
_CONFIG: list[Any] = []


def _config() -> Any:
    """trafilatura's defaults, except ``MIN_EXTRACTED_SIZE`` 0: its "baseline rescue" of a
    short article dumps the whole page's text in one paragraph (captions, scripts' text)
    and decodes entities a second time. A short article stays short; an empty one fails."""
    if not _CONFIG:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
        _CONFIG.append(config)
        _quiet_libraries()
    return _CONFIG[0]


def _quiet_libraries() -> None:
    """The extractor's libraries log their doubts; without a handler Python would print
    them on stderr, between our own one-line messages."""
    for name in _LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
            logger.propagate = False


def extract_page(source: str, name: str, url: str | None = None) -> Loaded:
    """The article in a page's HTML: paragraphs separated by blank lines, metadata from
    JSON-LD, Open Graph, ``<meta>``, ``<link rel=canonical>`` and the markup.

    ``url`` is where the page was fetched from: the page's own canonical URL wins, this
    is the fallback. Raises :class:`IngestError` when no article text is found."""
    import trafilatura

    try:
        doc: Any = trafilatura.bare_extraction(
            source,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            prune_xpath=_PRUNE,
            config=_config(),
        )
    except (ValueError, TypeError, RecursionError) as exc:  # lxml refuses some documents
        raise IngestError(f"{name}: cannot read the page as HTML ({type(exc).__name__})") from None
    blocks = _blocks(doc.body) if doc is not None and doc.body is not None else []
    if not blocks:
        raise IngestError(f"{name}: no article text found in the page")
    date = doc.date if doc.date and _ISO_DATE.fullmatch(doc.date[:10]) else None
    return Loaded(
        "\n\n".join(blocks) + "\n",
        title=_clean(doc.title),
        publisher=_clean(doc.sitename),
        date=date[:10] if date else None,
        author=_clean(doc.author),
        url=_clean(doc.url),
    )


def _blocks(body: Any) -> list[str]:
    """One string per paragraph, heading, list item or block quote of trafilatura's tree
    (taken from the tree itself: its ``.text`` field decodes entities a second time)."""
    out: list[str] = []
    for el in body:
        parts = [el] if el.tag != "list" else list(el.iter("item"))
        for part in parts:
            text = _clean("".join(part.itertext()))
            if text:
                out.append(text)
    return out


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(_CONTROL.sub(" ", value).split())
    return text or None
