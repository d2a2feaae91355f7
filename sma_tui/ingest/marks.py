"""Double quote marks: which way each one faces, including the damaged marks of real pages.

Real pages lose an opening mark ("…very transactional,” the adviser said."), or put the
spaces on the wrong side of straight marks (``ally, "said Snyder," and that's …``). The
helpers here read a mark from a few characters around it, so every use is constant work.
"""

from __future__ import annotations

import re

MARKS = re.compile(r"[\"“”«»]|''|’’|``")  # two apostrophes (straight or curly) or backticks: typewriter double marks
# the reporting clause between the halves of a quotation, as in '…ally, "said Snyder," and …'
_INTERRUPTION = re.compile(
    r"\s*(?:(?:said|says|added|continued)\s+[\w.'’ -]{1,40}|[\w.'’ -]{1,40}\s+(?:said|says|added))\s*,"
)
_LONE_BEFORE = ",.!?…"  # the punctuation that ends a quotation whose opening mark is lost
_LONE_MIN_WORDS = 3


def role(body: str, i: int, inside: bool = False, last_close: int | None = None) -> str:
    """Whether the double mark at ``i`` opens or closes a quotation; ``inside``: one is open;
    ``last_close``: where the last quotation of the paragraph closed (just after its mark).

    Curly marks say which they are, unless the text around says loudly otherwise (a left
    mark typed for a right one: ``pay,“ he said``). A straight mark opens after a space or a
    bracket, and, when no quotation is open, right after a comma, colon or bullet when text
    follows it (``said,"We``, ``Union:"We``). Straight marks with the spaces on the wrong
    side: inside a quotation, ``ally, "said`` closes it; outside one, ``said Snyder," and``
    reopens it right after such a close.
    """
    ch = body[i]
    if ch == "`":
        return "open"  # ``…''
    width = 2 if ch in "'’" else 1
    before = body[i - 1] if i > 0 else " "
    after = body[i + width] if i + width < len(body) else " "
    if ch == "“" and i > 0 and after.isspace() and not before.isspace():
        return "close"
    if ch == "”" and (i == 0 or before.isspace()) and after.isalnum():
        return "open"
    if ch in "“«":
        return "open"
    if ch in "”»":
        return "close"
    if before.isspace() or before in "([{—–-/]" or i == 0:  # ']': '[Sound bite: X]"…"'; '[sic]" he' closes
        if ch == '"' and inside and before == " " and body[i - 2 : i - 1] in (",", ".", "!", "?") and after.isalpha():
            return "close"  # 'ally, "said Snyder': a closing mark with the space before it
        return "open" if not after.isspace() else "close"
    if not inside and before in ",;:•·*>|" and (after.isalnum() or after in "‘'$(…"):
        return "open"
    if ch == '"' and not inside and before == "," and after == " " and last_close is not None:
        if i - last_close <= 60 and _INTERRUPTION.fullmatch(body, last_close, i):
            return "open"  # 'said Snyder," and that's …': the quotation resumes, the space after the mark
    return "close"


def lone_close(body: str, start: int, end: int, i: int, width: int) -> bool:
    """Whether the closing mark at ``i``, the first mark of the paragraph ``body[start:end]``,
    ends a quotation whose opening mark was lost at the paragraph start ("We aren't a
    colony! We aren't an ATM”). Only when the paragraph starts with a word, the mark ends
    a sentence or a clause (or the paragraph) and does not stand after a digit (5” guns),
    text does not run on into it ('said,”We'), and three words or more stand before it."""
    if not body[start].isalnum() or i - start > 2000:
        return False
    before = body[i - 1]
    rest = i + width
    if rest < end and not body[rest].isspace():
        return False
    at_end = not body[rest:end].strip()
    if before.isdigit() or not (before in _LONE_BEFORE or at_end and before.isalpha()):
        return False
    return len(body[start:i].split()) >= _LONE_MIN_WORDS


# before a quoted title of a work: a possessive ("Fox News' 'Town Hall with …'"), a sentence
# that opens with "In" ("In “The Room Where It Happened,” he recalls …"), or the kind of work
# ("in his memoir “…”", "a book titled “…”", "A copy of “…”")
_WORK_LEAD = re.compile(
    r"(?:\w['’]s|\ws['’])\s$|(?:^|[.!?]\s+)In\s$"
    r"|\b(?:memoir|book|novel|biography|autobiography|documentary|film|movie|essay|op-ed|titled|entitled|copy\s+of)\s$",
    re.MULTILINE | re.IGNORECASE,
)
_SMALL_WORDS = frozenset("with from into over upon about than that this under after".split())
_SPEECH_END = re.compile(r"[.!?;]|:(?!\s[A-Z])")  # a subtitle's colon ("…: A White House Memoir") is no end


def work_title(body: str, open_at: int, a: int, b: int, line_start: int) -> bool:
    """Whether ``body[a:b]``, opened at ``open_at``, is the title of a book or a show, not
    anyone's words: three words or more in title case (every word of four letters or more
    capitalised but "with", "from" …), no sentence end in it, after a possessive or a sentence-opening "In"."""
    if b - a > 120 or _SPEECH_END.search(body, a, b):
        return False
    words = body[a:b].split()
    if len(words) < 3 or not words[0][:1].isupper():
        return False
    if any(len(w) >= 4 and not w[:1].isupper() and w not in _SMALL_WORDS for w in words):
        return False
    return bool(_WORK_LEAD.search(body, max(line_start, open_at - 40), open_at))


def teaser(body: str, line_start: int, open_at: int, b: int, close: int | None) -> bool:
    """A quotation right after a bracketed section tag with no closing mark, cut off by dots
    or by the line end ("[Alliance] “Workers at the bases help … and bet..."): a headline
    teaser in a list of links, not a quotation."""
    if close is not None or not body.startswith("[", line_start):
        return False
    tag = body[line_start:open_at].rstrip()
    return "]" in tag and (tag.endswith("]") or body.endswith("...", 0, b) or body.endswith("…", 0, b))
