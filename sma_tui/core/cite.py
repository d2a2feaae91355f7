"""A quote as a citation, in the forms the TUI copies: plain, Markdown, BibTeX-like.

Plain: ``“…” — Speaker, “Title”, Publisher, 19 Nov 2019 (date inferred)``. The date is the
one the UI shows; "(date inferred)" says when it was implied by the article's text rather
than printed. Pure Python: no Textual or Rich.
"""

from __future__ import annotations

import re

from .corpus import Corpus
from .models import Quote
from .text import squash

STYLES = ("plain", "markdown", "bibtex")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_date(iso: str | None) -> str:
    """``2019-11-19`` → ``19 Nov 2019`` (``undated`` without one; odd input passes through)."""
    if not iso:
        return "undated"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2}).*", iso)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso
    return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def cite(c: Corpus, q: Quote, style: str = "plain") -> str:
    """The quote with its speaker, article title, publisher and date in ``style``."""
    article = c.articles.get(q.article)
    title = squash(article.title) if article else ""
    publisher = article.publisher if article else q.article
    iso = q.date or (article.date if article else None)
    inferred = bool(article and article.date_inferred and iso == article.date)
    when = display_date(iso) + (" (date inferred)" if inferred else "")
    text, speaker = squash(q.text), c.speaker_name(q.speaker)
    if style == "markdown":
        source = f"[{title}]({article.url})" if article and article.url else f"*{title}*"
        return f"> “{text}”\n>\n> — **{speaker}**, {source}, {publisher}, {when}"
    if style == "bibtex":
        fields = {
            "author": speaker,
            "title": title,
            "journal": publisher,
            "date": iso or "",
            "note": f"“{text}”" + ("; date inferred" if inferred else ""),
            "url": article.url if article and article.url else "",
        }
        body = ",\n".join(f"  {k} = {{{v.replace('{', '(').replace('}', ')')}}}" for k, v in fields.items() if v)
        return f"@misc{{{q.id},\n{body}\n}}"
    head = f"“{text}” — {speaker}, "
    return head + (f"“{title}”, " if title else "") + f"{publisher}, {when}"
