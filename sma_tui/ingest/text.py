"""Layout of an article body: paragraphs, boilerplate and captions, sentences.

Everything works on offsets into the body, so that every span the extractors return can
be checked against ``body[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_CAPTION_MARKER = re.compile(r"\((?:L|R|C|[Cc]enter|left|right|\d\w\w from [LR])\)")
_CREDIT_LINE = re.compile(r"^[A-Z][A-Z .'-]+/[A-Z/ .-]+(?: via .*)?$")


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int  # exclusive, trailing spaces excluded
    skip: bool = False  # boilerplate or photo caption: no quotes, no figures
    title: bool = False


def paragraphs(body: str) -> list[Paragraph]:
    """Blank-line separated paragraphs (the reader's too: :func:`~sma_tui.core.text.paragraph_bounds`),
    each classified."""
    return [Paragraph(start, end, skip=is_boilerplate(body[start:end])) for start, end in paragraph_bounds(body)]


def is_boilerplate(text: str) -> bool:
    line = text.strip()
    if _BOILERPLATE.match(line) or _CREDIT_LINE.match(line):
        return True
    if _CAPTION.search(line):
        return True
    # "X (R) and Y pose ..." photo captions: a position marker and no quotation
    return bool(_CAPTION_MARKER.search(line)) and '"' not in line and "“" not in line


# ------------------------------------------------------------------ sentences
_ABBREV = frozenset(
    "u.s mr mrs ms dr gen sen rep gov lt col adm maj capt sgt st no jan feb mar apr jun jul aug sep sept oct nov dec "
    "inc corp co jr sr vs u.n u.k e.u a.m p.m s.korea s dept est".split()
)
_SENT_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“(‘A-Z0-9#$])")


def sentence_bounds(body: str, start: int, end: int, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of ``body[start:end]``; never split inside a ``protected`` span (quotes)."""
    out: list[tuple[int, int]] = []
    s = start
    text = body[start:end]
    for m in _SENT_END.finditer(text):
        cut = start + m.end()
        if _inside(cut - 1, protected):
            continue
        word_start = text.rfind(" ", 0, m.start()) + 1
        word = text[word_start : m.start()].lower().lstrip('("“')
        if m.group().startswith(".") and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
            continue
        out.append((s, cut))
        s = cut
        while s < end and body[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)
