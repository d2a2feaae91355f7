"""Layout of an article body: paragraphs, boilerplate and captions, sentences.

Everything works on offsets into the body, so that every span the extractors return can
be checked against ``body[start:end]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..core.text import paragraph_bounds

_BOILERPLATE = re.compile(
    r"""^(?:go\ to\ contents|from$|send\ to$|send\ feedback|how\ can\ we\ improve|thanks\ for\ your\ feedback
    |follow\ .{1,60}\ on\ (?:twitter|facebook|instagram)|please\ let\ us\ know|reporting\ by|additional\ reporting
    |editing\ by|writing\ by|our\ standards|copyright\ |©|all\ rights\ reserved|\(end\)$|keywords$|\#\w
    |\S+@\S+\.\w+$|\d+\ min\ read$|by\ [A-Z][^.!?]{0,80}$|all\ news\ \d|\(\w+(?:-\w+)?\)$|_{3,}|-{3,}|\*{3,}
    |photo:|file\ photo|photo\ caption|\(photo|related\ (?:articles|stories)|read\ more|advertisement$
    |share\ this|click\ here|sign\ up|subscribe|this\ material\ may\ not\ be\ published)""",
    re.IGNORECASE | re.VERBOSE,
)
_CAPTION = re.compile(
    r"""\(Photo\ by|via\ Getty\ Images|REUTERS/|\bAFP\b\ ?/|\(PHOTO\ NOT\ FOR\ SALE\)|in\ this\ photo
    |\bpose\ for\ a\ photo|contributed\ to\ this\ report|/POOL/|\(AP\ Photo""",
    re.VERBOSE,
)
# "X speaks to reporters as he arrives at an airport on Sunday. (Yonhap)": a photo caption
_CAPTION_LINE = re.compile(
    r"""(?:^(?:This|In\ this|A)\ (?:file\ )?(?:photo|picture|image)\b|^(?:File\ )?(?:photo|picture)\b
    |\((?:Yonhap|AP|AFP|EPA|Reuters|Xinhua|Kyodo|UPI|Getty(?:\ Images)?|Newsis|News1|Pool|DoD|USFK|KBS
      |[A-Z][\w.]*\ Photo)(?:\ Photo)?(?:/[^()]{0,60})?\)$|^\[(?:Photo|Image)\b)""",
    re.VERBOSE,
)
_CAPTION_MARKER = re.compile(r"\((?:L|R|C|[Cc]enter|left|right|\d\w\w from [LR])\)")
_CREDIT_LINE = re.compile(r"^[A-Z][A-Z .'-]+/[A-Z/ .-]+(?: via .*)?$")


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int  # exclusive, trailing spaces excluded
    skip: bool = False  # boilerplate or photo caption: no quotes, no figures
    title: bool = False


# the line that ends a wire story ("(END)", "-END-", "###"): what follows is the site's (related
# headlines, most-viewed lists), not the story's
STORY_END_MARK = r"(?:\(END\)|-\s*END\s*-|#\s*#\s*#)"
_STORY_END = re.compile(rf"^[ \t]*{STORY_END_MARK}[ \t]*$", re.MULTILINE)


def paragraphs(body: str) -> list[Paragraph]:
    """Blank-line separated paragraphs (the reader's too: :func:`~sma_tui.core.text.paragraph_bounds`),
    each classified. A paragraph that holds a story's end line is cut there (the rest is the
    site's lists); after it, a short line with no sentence end is a list item too."""
    end = _STORY_END.search(body)
    cut = end.start() if end else len(body)
    out: list[Paragraph] = []
    for start, stop in paragraph_bounds(body):
        if start >= cut:
            text = body[start:stop]
            listed = len(text) <= 200 and not text.endswith((".", "!", "?", '"', "”"))
            out.append(Paragraph(start, stop, skip=listed or is_boilerplate(text)))
        elif stop > cut:
            head = body[start:cut].rstrip()
            out.append(Paragraph(start, start + len(head), skip=is_boilerplate(head)))
            out.append(Paragraph(cut, stop, skip=True))
        else:
            out.append(Paragraph(start, stop, skip=is_boilerplate(body[start:stop])))
    return out


def is_boilerplate(text: str) -> bool:
    line = text.strip()
    if len(line) <= 400 and (_BOILERPLATE.match(line) or _CREDIT_LINE.match(line) or _CAPTION_LINE.search(line)):
        return True
    if _CAPTION.search(line):
        return True
    # "X (R) and Y pose ..." photo captions: a position marker and no quotation
    return bool(_CAPTION_MARKER.search(line)) and '"' not in line and "“" not in line


# ------------------------------------------------------------------ sentences
_ABBREV = frozenset(
    "u.s mr mrs ms dr gen sen rep gov lt col adm maj capt sgt st no jan feb mar apr jun jul aug sep sept oct nov dec "
    "inc corp co jr sr vs u.n u.k e.u a.m p.m s.korea s dept est a.i".split()
)
# possessive, and only at the start of a run of marks: linear on long runs of dots
# (KBS World glues its sentences: "…Korea time.According to the ministry …", "…deterrent.”The ministry …");
# a closing mark typed after a space at a line end ('…relationship. "') still ends the sentence;
# so does a line that opens with a bullet ("…the point."\n  • Ann Kerr told …, "- Kerr told …")
_BULLETS = "•▪●"
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # a letter, or initials ("Camp H.M. Smith"): no end, like "U.S."
_SENT_END = re.compile(
    r"(?<=[^.!?\"”’')\s])\n(?=[A-Z]{4,}(?:[ -][A-Z]{2,})*\s*(?:,|\(|[—–-]))"  # a headline line, then a dateline
    r"|(?<![.!?])[.!?]++(?: (?=[\"”]\n))?[\"”’')]*+"
    r"(?=\s+[\"“(‘'`A-Z0-9#$]|[ \t\r]*\n[ \t]*(?:[•▪●]|[-–*][ \t])"
    r"|(?<=[a-z]{2}[.!?])[A-Z][a-z]|(?<=[a-z]{2}[.!?][”\"])[A-Z][a-z])"
)


# a short clause that ends its sentence ('…one!" Trump added.'), not a new sentence ('…" USFK said in a
# statement that …')
_CLAUSE_AFTER = re.compile(
    r"(?:\s+(?:(?:[A-Z][\w.'’-]*|the|a|an|of|U\.S\.)\s+){1,6}?(?:said|says|added|told|wrote|tweeted|replied|continued|asked"
    r"|(?:was|were)\s+quoted\s+as\s+saying)"
    r"|\s+(?:he|she|they)\s+(?:said|added|says|told|wrote|asked))\b(?:[^.!?\"“”\n]{0,30}[.!?]|,)"
)


def sentence_bounds(body: str, start: int, end: int, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of ``body[start:end]``; never split inside a ``protected`` span (quotes)."""
    out: list[tuple[int, int]] = []
    s = start
    text = body[start:end]
    spans = sorted(protected)
    opens = [a for a, _ in spans]
    reach = _reach(spans)
    for m in _SENT_END.finditer(text):
        cut = start + m.end()
        if _inside(cut - 1, opens, reach):
            continue
        if m.group()[-1] in "\"”'’" and _CLAUSE_AFTER.match(text, m.end()):
            continue  # '…one!" Trump added.': the clause belongs to the quotation's sentence
        word_start = text.rfind(" ", max(0, m.start() - 24), m.start()) + 1
        word = text[word_start : m.start()].lower().lstrip('("“')
        word = word.rsplit("-", 1)[-1]  # "Korea-U.S. Free Trade Agreement"
        if m.group().startswith(".") and (word in _ABBREV or _INITIALS.fullmatch(word)):
            continue
        out.append((s, cut))
        s = cut
        while s < end and (body[s].isspace() or body[s] in _BULLETS or body[s] in "-–*" and body[s + 1 : s + 2] == " "):
            s += 1  # a bulleted line's sentence starts at its first word
    if s < end:
        out.append((s, end))
    return out


def _reach(spans: list[tuple[int, int]]) -> list[int]:
    """For spans sorted by start: the furthest end among the first k + 1 spans."""
    out: list[int] = []
    far = -1
    for _, b in spans:
        far = max(far, b)
        out.append(far)
    return out


def _inside(pos: int, opens: list[int], reach: list[int]) -> bool:
    """Whether some span (a, b) has a < pos < b."""
    k = bisect_left(opens, pos)  # spans starting before pos: 0..k-1
    return k > 0 and reach[k - 1] > pos


class _Span(Protocol):
    start: int
    end: int


def mask(body: str, start: int, end: int, quotes: Sequence[_Span]) -> str:
    """``body[start:end]`` with quotation text blanked (marks kept), offsets unchanged."""
    text = body[start:end]
    parts: list[str] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: q.start):
        a, b = max(q.start - start, pos), min(q.end - start, len(text))
        if a >= b:
            continue
        parts.append(text[pos:a])
        parts.append(re.sub(r"[^\n]", " ", text[a:b]))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)
