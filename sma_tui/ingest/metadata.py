"""Title, publisher, publication date and dateline from the text of an article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import MONTH_RE, month_number
from .text import Paragraph

AGENCIES = {
    "yonhap": "Yonhap News Agency",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "reuters": "Reuters",
    "afp": "Agence France-Presse",
    "sputnik": "Sputnik",
    "upi": "United Press International",
    "kyodo": "Kyodo News",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
}

# "WASHINGTON, April 6 (Yonhap) --", "SEOUL (Reuters) -", "WASHINGTON (AP) —", "WASHINGTON --"
_DATELINE = re.compile(
    rf"""^(?P<dateline>(?P<place>[A-Z][A-Z .'-]{{2,40}}?)
      (?:,\ (?P<month>{MONTH_RE})\.?\ (?P<day>\d{{1,2}}))?
      (?:\ \((?P<agency>[A-Za-z .-]{{2,30}})\))?)
      \ ?(?:--|—|–|-)\ """,
    re.VERBOSE,
)
# "MOSCOW (UrduPoint News / Sputnik - 17th January, 2020)"
_SPUTNIK = re.compile(
    rf"^(?P<dateline>(?P<place>[A-Z][A-Z .'-]{{2,40}}) \((?P<publisher>[^/()]{{2,40}}?) / (?P<agency>[^-()]{{2,30}}?)"
    rf" - (?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{MONTH_RE}),? (?P<year>\d{{4}})\))"
)
_FULL_DATE = re.compile(
    rf"(?:(?P<month>{MONTH_RE})\.? (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})"
    rf"|(?P<iso>(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d))"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{MONTH_RE}) (?P<year2>\d{{4}}))"
)
_BYLINE = re.compile(r"^By (?P<byline>[A-Z][^.!?\n]{1,80}?)(?: (?P<agency>Associated Press|Reuters|Yonhap))?$")
_SKIP_TITLE = re.compile(r"^(?:go to contents|from|send to|\(lead\)|\d+ min read)", re.I)


@dataclass
class Metadata:
    title: str | None = None
    publisher: str | None = None
    agency: str | None = None
    date: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None  # the dateline's own day (may differ from publication)
    byline: str | None = None
    lede: int | None = None  # index of the paragraph the story opens with
    dateline_end: int | None = None  # body offset where the lede's text begins


def _date(year: int, month: int | None, day: int) -> str | None:
    if month is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def header_date(text: str) -> str | None:
    m = _FULL_DATE.search(text)
    if not m:
        return None
    if m.group("iso"):
        return _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if m.group("month"):
        return _date(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
    return _date(int(m.group("year2")), month_number(m.group("month2")), int(m.group("day2")))


def read_metadata(body: str, paras: list[Paragraph]) -> Metadata:
    meta = Metadata()
    header: list[str] = []
    for i, p in enumerate(paras):
        text = body[p.start : p.end]
        m = _SPUTNIK.match(text)
        if m:
            meta.dateline = m.group("dateline")
            meta.publisher = m.group("publisher").strip()
            meta.agency = m.group("agency").strip()
            meta.date = _date(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
            meta.lede, meta.dateline_end = i, p.start + m.end()
            break
        m = _DATELINE.match(text)
        if m and (m.group("agency") or m.group("month") or text[m.end("dateline") :].lstrip().startswith("--")):
            meta.dateline = m.group("dateline").strip()
            agency = (m.group("agency") or "").strip()
            if agency:
                name = AGENCIES.get(agency.lower(), agency)
                meta.agency = name
                meta.publisher = meta.publisher or name
            meta.lede, meta.dateline_end = i, p.start + m.end()
            if m.group("month"):
                meta.dateline_date = f"{month_number(m.group('month'))}-{int(m.group('day'))}"
            break
        b = _BYLINE.match(text)
        if b and meta.byline is None:
            meta.byline = b.group("byline").strip()
            if b.group("agency"):
                meta.publisher = AGENCIES[b.group("agency").lower()]
            elif b.group("byline").strip() in ("Yonhap",):
                meta.publisher = AGENCIES["yonhap"]
        if i >= 12 or (len(text) > 200 and not p.skip):
            break
        if len(text) <= 100:
            header.append(text)
        ends = (
            text.rstrip('"”’)').endswith((".", ":", "!", "?"))
            and not text.endswith(("”", '"'))
            or text.endswith(('."', ".”", ".", ":"))
        )
        if meta.title is None and len(paras) > 1 and not _SKIP_TITLE.match(text) and len(text) <= 160 and not ends:
            if not p.skip and "\n" not in text:
                meta.title = text
                p.title = True
    if meta.date is None:
        meta.date = header_date("\n".join(header))
    if meta.dateline_date and meta.date:
        month, day = (int(x) for x in meta.dateline_date.split("-"))
        year = int(meta.date[:4]) - (1 if month == 12 and meta.date[5:7] == "01" else 0)
        meta.dateline_date = _date(year, month, day)
    else:
        meta.dateline_date = None
    return meta
