"""Direct quotations: marked (straight or curly, over paragraphs) and colon blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .text import Paragraph

_MARKS = re.compile(r"[\"“”«»]")
_GLOSSES = (
    "means", "mean", "meaning", "translates as", "translate as", "translated as", "dubbed", "known as", "so-called",
    "titled", "headlined", "nicknamed", "hashtag", "slogan", "the title", "the headline",
)  # fmt: skip
_COLON_LEAD = re.compile(
    r"\b(?:said|says|told|wrote|writes|tweeted|posted|added|stated|declared|continued|explained|read)\b[^\"“”]{0,80}:$"
)
_WORD = re.compile(r"[\w#$%'’-]+")
_LOOK = 80  # how far before an opening mark a gloss ("which means") or a line start is looked for
_REPORTING_WORD = re.compile(r"\b(?:said|says|told|according to|added)\b")


@dataclass(slots=True)
class QuoteSpan:
    start: int
    end: int
    kind: str  # full | partial | block
    open: int  # offset of the opening mark (or of the block paragraph)
    close: int | None  # offset of the closing mark; None when the quote runs to a paragraph end
    para: int  # index of the paragraph it starts in
    lead: int | None = None  # block quotes: index of the "He told reporters:" paragraph


def _role(body: str, i: int) -> str:
    ch = body[i]
    if ch in "“«":
        return "open"
    if ch in "”»":
        return "close"
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    if before.isspace() or before in "([{—–-/]" or i == 0:  # ']': '[Sound bite: X]"…"'; '[sic]" he' closes
        return "open" if not after.isspace() else "close"
    return "close"


def _trim(body: str, a: int, b: int) -> tuple[int, int]:
    while a < b and body[a].isspace():
        a += 1
    while b > a and (body[b - 1].isspace() or body[b - 1] == ","):
        b -= 1
    return a, b


def marked_quotes(body: str, paras: list[Paragraph], limit: int = 1_000_000) -> list[QuoteSpan]:
    """Quotations between quote marks in the usable paragraphs.

    An opening mark without a closing one runs to its paragraph end; if the next paragraph
    opens with a mark, the quotation continues there (wire style for long quotes).
    """
    out: list[QuoteSpan] = []
    usable = [i for i, p in enumerate(paras) if not p.skip and not p.title]
    k = 0
    while k < len(usable) and len(out) < limit:
        i = usable[k]
        p = paras[i]
        open_at: int | None = None
        start_para = i
        pos = p.start
        end = p.end
        while True:
            for m in _MARKS.finditer(body, pos, end):
                role = _role(body, m.start())
                if role == "open" and open_at is None:
                    open_at, start_para = m.start(), i
                elif role == "close" and open_at is not None:
                    _emit(out, body, open_at, m.start(), m.start(), start_para)
                    open_at = None
            if open_at is None:
                break
            nxt = usable[k + 1] if k + 1 < len(usable) else None
            if (
                nxt is not None
                and nxt == i + 1
                and _MARKS.match(body, paras[nxt].start)
                and (_role(body, paras[nxt].start) == "open")
            ):
                k += 1
                i = nxt
                pos, end = paras[nxt].start + 1, paras[nxt].end
                continue
            _emit(out, body, open_at, end, None, start_para)
            break
        k += 1
    return out


def _emit(out: list[QuoteSpan], body: str, open_at: int, close_at: int, close: int | None, para: int) -> None:
    a, b = _trim(body, open_at + 1, close_at)
    if b <= a or not any(ch.isalnum() for ch in body[a:b]):
        return
    line_start = body.rfind("\n", max(0, open_at - _LOOK), open_at) + 1
    if _is_gloss(body[max(line_start, open_at - 30) : open_at]):
        return
    out.append(QuoteSpan(a, b, _kind(body, open_at, a, b, line_start, out), open_at, close, para))


def _is_gloss(before: str) -> bool:
    """Whether the words before a quotation introduce a gloss ("which means", "dubbed")."""
    tail = before.rstrip().lower()
    for word in _GLOSSES:
        if tail.endswith(word) and not tail[-len(word) - 1 : -len(word)].isalnum():
            return True
    return False


def _kind(body: str, open_at: int, a: int, b: int, line_start: int, prior: list[QuoteSpan]) -> str:
    """``full`` for a quotation that stands as a sentence, ``partial`` for words woven into
    the reporter's sentence."""
    k = open_at
    while k > line_start and body[k - 1] in " \t\r\f\v":
        k -= 1
    prev = body[k - 1] if k > line_start and body[k - 1] != "\n" else ""
    if len(_WORD.findall(body, a, min(b, a + 200))) < 3:  # "Allies share." standing as a sentence is full
        alone = (not prev or prev in ".!?") and body[a].isupper() and body[b - 1] in ".!?"
        return "full" if alone else "partial"
    if not prev or prev in ".!?:":
        return "full"
    if prev == ",":
        first = body[a]
        if first.isupper() or first in "(['‘":
            return "full"
        if prior and prior[-1].kind == "full" and prior[-1].close is not None and open_at - prior[-1].close < 40:
            return "full"  # the second half of a quotation interrupted by "he said"
    return "partial"


def block_leads(body: str, paras: list[Paragraph]) -> list[int]:
    """Indices of paragraphs like "He told reporters:" that introduce an unmarked block."""
    out = []
    for i, p in enumerate(paras[:-1]):
        text = body[p.start : p.end]
        if p.skip or p.title or not text.endswith(":") or len(text) > 240:
            continue
        if _COLON_LEAD.search(text) and not _MARKS.search(text):
            out.append(i)
    return out


def block_quotes(
    body: str, paras: list[Paragraph], lead: int, stop: Callable[[str], bool], max_paras: int = 4
) -> list[QuoteSpan]:
    """The unmarked paragraphs after the lead paragraph ``lead``, each one block quote.

    The block ends at a paragraph with quote marks, a reporting verb, boilerplate, or one
    that ``stop`` rejects (it names the speaker in the third person).
    """
    out: list[QuoteSpan] = []
    for j in range(lead + 1, min(len(paras), lead + 1 + max_paras)):
        p = paras[j]
        text = body[p.start : p.end]
        if p.skip or _MARKS.search(text) or text.endswith(":"):
            break
        if out and (_REPORTING_WORD.search(text) or stop(text)):
            break
        out.append(QuoteSpan(p.start, p.end, "block", p.start, None, j, lead))
    if len(out) > 1:  # consecutive block paragraphs are one quotation
        first, last = out[0], out[-1]
        return [QuoteSpan(first.start, last.end, "block", first.open, None, first.para, lead)]
    return out
