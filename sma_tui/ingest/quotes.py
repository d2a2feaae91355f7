"""Direct quotations: marked (straight or curly, over paragraphs) and colon blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .marks import MARKS as _MARKS
from .marks import lone_close, role, teaser, work_title
from .text import Paragraph

_GLOSSES = (
    "means", "mean", "meaning", "translates as", "translate as", "translated as", "dubbed", "known as", "so-called",
    "titled", "headlined", "nicknamed", "hashtag", "slogan", "the title", "the headline", "perceived as",
    "regarded as",
)  # fmt: skip
_COLON_LEAD = re.compile(
    r"\b(?:said|says|told|wrote|writes|tweeted|posted|added|stated|declared|continued|explained|read)\b[^\"“”]{0,80}:$"
)
_WORD = re.compile(r"[\w#$%'’-]+")
# a quoted name, not anyone's words: an agreement or a law by its title ("Special Measures Agreement"), an acronym
_NAMED_THING = re.compile(
    r"(?:(?:[A-Z][\w'’-]*|of|on|the|for|and)\s+){0,5}(?:Agreements?|Act|Treaty|Accord|Pact|Law|Convention)"
    r"|(?!(?:NO|OK|YES)$)[A-Z]{2,6}"
)
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


def _trim(body: str, a: int, b: int) -> tuple[int, int]:
    while a < b and body[a].isspace():
        a += 1
    while b > a and (body[b - 1].isspace() or body[b - 1] == ","):
        b -= 1
    return a, b


def marked_quotes(body: str, paras: list[Paragraph], limit: int = 1_000_000) -> list[QuoteSpan]:
    """Quotations between quote marks in the usable paragraphs, headlines included, in text order.

    Double marks first: an opening mark without a closing one runs to its paragraph end; if
    the next paragraph opens with a mark, the quotation continues there (wire style for long
    quotes). Then single marks outside them (:func:`single_quotes`): a single-quoted span
    inside a double-quoted one is nested, not a quotation of its own.
    """
    doubles = _double_quotes(body, paras, limit)
    covered = [(q.open, q.close + 1 if q.close is not None else q.end) for q in doubles]
    singles: list[QuoteSpan] = []
    k = 0
    for i, p in enumerate(paras):
        if p.skip or len(doubles) + len(singles) >= limit:
            continue
        while k < len(covered) and covered[k][1] <= p.start:
            k += 1
        mine = []
        for j in range(k, len(covered)):
            if covered[j][0] >= p.end:
                break
            mine.append(covered[j])
        single_quotes(body, p.start, p.end, i, mine, singles)
    found = sorted(doubles + _join_runs(paras, singles), key=lambda q: q.open) if singles else doubles
    if any(paras[q.para].title for q in found):
        found = _headline_kept(body, paras, found)
    return found[:limit]


def quote_words(text: str) -> str:
    """A quotation's words for comparing reports of it: lowercased, punctuation as spaces,
    single spaces, none at the ends."""
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


_PUNCT = re.compile(r"[^\w\s]")


def _norm(text: str) -> str:
    return f" {quote_words(text)} "  # padded: a match on whole words


def _headline_kept(body: str, paras: list[Paragraph], quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """The quotations, less the headline ones that are not quotations of anyone.

    A headline quotes a speaker when a name and a colon introduce the quote (``Union: "We
    Will Not Give Up"``) or when it repeats words the body quotes (``US walks out of
    'unreasonable' talks``): all of a body quotation, its first words, or two or more words
    in a row of it. A headline word in marks that no one in the body says ("talks end with
    'gap' intact") is the editor's, not a quotation. Bounded: at most 20 headline quotes of
    at most 200 characters, each looked for in the body quotations once.
    """
    said = [_norm(body[q.start : q.end]) for q in quotes if not paras[q.para].title]
    out = []
    for n, q in enumerate(quotes):
        if not paras[q.para].title:
            out.append(q)
            continue
        if n >= 20 or q.end - q.start > 200:
            continue
        if body[paras[q.para].start : q.open].rstrip().endswith(":"):
            out.append(q)
            continue
        words = _norm(body[q.start : q.end])
        if words.count(" ") > 2 or words.strip() and any(_repeats(words, s) for s in said):
            out.append(q)
    return out


def _repeats(head: str, said: str) -> bool:
    """Whether headline words ``head`` repeat a body quotation ``said`` (both :func:`_norm`)."""
    if said.startswith(head) or said.endswith(head):  # all of it, its first or its last words
        return True
    if said.count(" ") <= 5 and head in said:  # a short quotation: 'rip-off' for "a rip-off"
        return True
    if head.count(" ") > 2 and head in said:  # two words or more
        return True
    return said.count(" ") > 2 and said in head  # "They Can Afford More" for "can afford more"


def _double_quotes(body: str, paras: list[Paragraph], limit: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    usable = [i for i, p in enumerate(paras) if not p.skip]
    k = 0
    while k < len(usable) and len(out) < limit:
        i = usable[k]
        p = paras[i]
        open_at: int | None = None
        start_para, width = i, 1
        pos, end = p.start, p.end
        while True:
            last_close: int | None = None
            for m in _MARKS.finditer(body, pos, end):
                how = role(body, m.start(), open_at is not None, last_close)
                if how == "open" and open_at is None:
                    open_at, start_para, width = m.start(), i, len(m.group())
                elif how == "close" and open_at is not None:
                    _emit(out, body, open_at, m.start(), m.end() - 1, start_para, width)
                    open_at, last_close = None, m.end()
                elif how == "close" and pos == p.start and last_close is None and not p.title:
                    last_close = m.end()  # a first mark that closes: the opening mark may be lost
                    if lone_close(body, p.start, end, m.start(), len(m.group())):
                        _emit(out, body, p.start, m.start(), m.end() - 1, i, 0)
            if open_at is None:
                break
            nxt = usable[k + 1] if k + 1 < len(usable) else None
            again = _MARKS.match(body, paras[nxt].start) if nxt is not None and nxt == i + 1 else None
            if nxt is not None and again is not None and not paras[i].title and role(body, paras[nxt].start) == "open":
                k += 1  # a headline never runs on into the body
                i = nxt
                pos, end = again.end(), paras[nxt].end
                continue
            if nxt is not None and nxt == i + 1 and not paras[i].title and _runs_on(body, paras[nxt]):
                k, i = k + 1, nxt  # the next paragraph goes on without reopening the mark and closes it
                pos, end = paras[nxt].start, paras[nxt].end
                continue
            _emit(out, body, open_at, end, None, start_para, width)
            break
        k += 1
    return out


def _runs_on(body: str, p: Paragraph) -> bool:
    """Whether a quotation left open at a paragraph end goes on into paragraph ``p`` with no
    reopening mark: the first mark of ``p`` closes it the way a lost opening mark's would."""
    first = _MARKS.search(body, p.start, p.end)
    if first is None or p.title or role(body, first.start(), True) != "close":
        return False
    return lone_close(body, p.start, p.end, first.start(), len(first.group()))


# ------------------------------------------------------------------ single marks
_SINGLE = re.compile(r"['‘’]")
# a mark that stands for left-out letters or digits, never a quotation: '90s, ’19, rock 'n' roll, 'em
_ELISION = re.compile(
    r"['‘’](?:\d\d(?:s|['’]s)?(?!\w)|n['’](?!\w)|(?:em|til|tis|twas|cause|bout|round|nuff|neath|kay)(?!\w))",
    re.IGNORECASE,
)
_OPEN_AFTER = "([{—–-/"  # besides a space or the start of the paragraph
_CLOSE_BEFORE = '.,;:!?)]}—–-…"”'  # besides a space or the end of the paragraph
SINGLE_MAX = 400  # characters: a single-quoted quotation longer than this is not taken
_WEAK_MAX = 80  # characters: the longest quotation closed by a possessive-looking mark (the talks')
_STOP = re.compile(r"[.!?;:]\s")


def single_quotes(
    body: str, start: int, end: int, para: int, covered: list[tuple[int, int]], out: list[QuoteSpan]
) -> None:
    """Quotations between single marks in ``body[start:end]`` (one paragraph), outside the
    ``covered`` spans (double-quoted text, sorted), appended to ``out``.

    An apostrophe never opens or closes one: a mark between two letters or digits (Korea's,
    o'clock) is skipped, so is an elision ('90s, rock 'n' roll). A mark opens after a space
    and before a letter, and closes after text and before a space or punctuation. A closing
    mark after an ``s`` and before a word may be a plural possessive (the allies' share): it
    closes only when no better closing mark follows. A quotation never contains a double
    mark, never leaves its paragraph and is at most :data:`SINGLE_MAX` characters long. One
    pass over the marks: linear time.
    """
    pending: int | None = None  # the opening mark waiting for its close
    weak: int | None = None  # a possessive-looking closing mark seen since
    skip_to = start
    c = 0
    for m in _SINGLE.finditer(body, start, end):
        i = m.start()
        if i < skip_to:
            continue
        while c < len(covered) and covered[c][1] <= i:
            if pending is not None and covered[c][0] > pending:  # a double-quoted span between: no
                _close_single(out, body, pending, weak, para)  # quotation across it, but one closed before
                pending = weak = None
            c += 1
        if c < len(covered) and covered[c][0] <= i:
            if pending is not None and covered[c][0] > pending:
                _close_single(out, body, pending, weak, para)
                pending = weak = None
            continue  # nested inside a double-quoted quotation
        if pending is not None and i - pending > SINGLE_MAX:
            _close_single(out, body, pending, weak, para)
            pending = weak = None
        role = _single_role(body, i, start, end)
        if role == "elision":
            e = _ELISION.match(body, i, end)
            skip_to = e.end() if e else i + 1
        elif role == "open":
            if pending is not None and weak is not None:
                _close_single(out, body, pending, weak, para)
            pending, weak = i, None
        elif role in ("close", "weak") and pending is not None:
            if role == "weak":
                weak = i if weak is None else weak
                continue
            _emit_single(out, body, pending, i, i, para)
            pending = weak = None
    if pending is None or _close_single(out, body, pending, weak, para) or end - pending > SINGLE_MAX:
        return
    if pending == start or body[start:pending].rstrip().endswith((":", ",")):  # speech begins here
        _emit_single(out, body, pending, end, None, para)  # it may run on into the next paragraph (_join_runs)


def _close_single(out: list[QuoteSpan], body: str, open_at: int, weak: int | None, para: int) -> bool:
    """Close at a possessive-looking mark only a short phrase with no sentence end in it."""
    if weak is not None and weak - open_at <= _WEAK_MAX and not _STOP.search(body, open_at, weak):
        _emit_single(out, body, open_at, weak, weak, para)
        return True
    return False


def _emit_single(out: list[QuoteSpan], body: str, open_at: int, close_at: int, close: int | None, para: int) -> None:
    """Never a single-quoted span with a double mark in it (work bounded by its length)."""
    if not _MARKS.search(body, open_at, close_at):
        _emit(out, body, open_at, close_at, close, para)


def _join_runs(paras: list[Paragraph], singles: list[QuoteSpan]) -> list[QuoteSpan]:
    """British style: a single-quoted quotation over paragraphs leaves its mark open at each
    paragraph end and reopens it at the next paragraph's start; the pieces are one quotation.
    A piece left open with no reopening after it is no quotation."""
    by_open = {q.open: q for q in singles}
    joined: set[int] = set()
    out = []
    for head in singles:
        if head.open in joined:
            continue
        q: QuoteSpan | None = head
        while q is not None and q.close is None:
            n = q.para + 1
            q = by_open.get(paras[n].start) if n < len(paras) and not paras[n].skip else None
            if q is not None:
                joined.add(q.open)
        if q is not None:
            out.append(head if q is head else QuoteSpan(head.start, q.end, head.kind, head.open, q.close, head.para))
    return out


def _single_role(body: str, i: int, start: int, end: int) -> str:
    """``open``, ``close``, ``weak`` (a close that may be a plural possessive), ``elision`` or
    ``none`` (an apostrophe inside a word, a stray mark between spaces)."""
    before = body[i - 1] if i > start else " "
    after = body[i + 1] if i + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return "none"  # Korea's, o'clock, don't, 5'10
    if (before.isspace() or before in _OPEN_AFTER) and (after.isalnum() or after in "$#(…"):
        return "elision" if _ELISION.match(body, i, end) else "open"
    if before.isspace() or before in "'‘’" or body[i] == "‘":
        return "none"  # a left mark never closes
    if after.isspace() or after in _CLOSE_BEFORE:
        if before in "sS" and after.isspace() and i + 2 < end and body[i + 2].isalpha():
            return "weak"  # the allies' share
        return "close"
    return "none"


def _emit(
    out: list[QuoteSpan], body: str, open_at: int, close_at: int, close: int | None, para: int, width: int = 1
) -> None:
    """A quotation from after the opening mark (``width`` characters) to ``close_at``."""
    a, b = _trim(body, open_at + width, close_at)
    if b <= a or not any(ch.isalnum() for ch in body[a:b]):
        return
    line_start = body.rfind("\n", max(0, open_at - _LOOK), open_at) + 1
    if _is_gloss(body[max(line_start, open_at - 30) : open_at]) or _NAMED_THING.fullmatch(body, a, b):
        return
    if work_title(body, open_at, a, b, line_start) or teaser(body, line_start, open_at, b, close):
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
