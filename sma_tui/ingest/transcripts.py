"""Primary-source formats where a label names the speaker.

- Press transcripts: a turn opens with an upper-case label and a colon ("SECRETARY ESPER:",
  "MR. DEHART:", "SENIOR STATE DEPARTMENT OFFICIAL:") and runs over the following unlabelled
  paragraphs; the turn is one quotation of the label's speaker. Questions, the moderator
  and the operator are not quoted.
- Broadcast transcripts (KBS, Arirang): "[Soundbite] NAME(TITLE) : "…"" or
  "[Sound bite] Name, Title: …"; anchor and reporter lines are the outlet's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes import QuoteSpan
from .text import STORY_END_MARK, Paragraph

_PRESS_LABEL = re.compile(
    r"(?P<label>(?:(?:Mc|Mac)?[A-Z][A-Z.'’-]*)(?:\s+(?:Mc|Mac)?[A-Z][A-Z.'’-]*){0,7})(?:\s*\([^()\n]{1,40}\))?\s*:\s+(?=\S)"
)
# "DeHart: …" / "Question: …": mixed-case labels count when repeated, or for questions
_MIXED_LABEL = re.compile(r"(?P<label>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})(?:\s*\([^()\n]{1,40}\))?:\s+(?=\S)")
_QUESTION = re.compile(r"^(?:Q|Question|Moderator|Operator|Reporter)$", re.I)
_NOT_SPEAKERS = re.compile(
    r"^(?:Q|QUESTION|MODERATOR|OPERATOR|STAFF|PARTICIPANT|AUDIENCE MEMBER|REPORTER|REPORT|JOURNALIST|PRESS|NOTE|ANCHOR"
    r"|HOST|INTERVIEWER|CORRESPONDENT"
    r"|NARRATOR|TRANSCRIPT|EDITOR'?S NOTE|UPDATE|CORRECTION|SOURCE|PHOTO|CAPTION|ATTN|END)\b"
)
_SOUNDBITE = re.compile(r"\[\s*Sound\s*-?\s*bite\s*\]\s*(?P<label>[^:\n\"“]{0,120}?)\s*:\s*", re.IGNORECASE)
_ACRONYMS = frozenset(
    "ROK US USA DOD MND MOFA KBS MBC SBS YTN USFK DPRK UN NATO CIA NSC KCNA EU UK ASEAN PPP DP JCS UNC CFC INSS KIDA "
    "KNDA CSIS RAND".split()
)
_FUNCTION_WORDS = frozenset("of the and for to at on in".split())
_NUMBERED = re.compile(r"\s+(?:NUMBER\s+)?(?:ONE|TWO|THREE|FOUR|\d|#\d)$")  # "… OFFICIAL ONE"
# an upper-case label that holds an office: "SECRETARY OF DEFENSE DR. MARK T. ESPER", "MR. DEHART"
_TITLED_LABEL = re.compile(
    r"\b(?:SECRETARY|MINISTER|AMBASSADOR|MR\.|MS\.|MRS\.|DR\.|GENERAL|GEN\.|ADMIRAL|ADM\.|SPOKES(?:PERSON|MAN|WOMAN)"
    r"|OFFICIAL|PRESIDENT|SENATOR|SEN\.|REP\.|CHAIRMAN|COMMANDER|NEGOTIATOR)(?=\s|$)"
)
# a label followed by a quote mark is a headline's speaker ('Trump: "Not Being Exploited…"'), not a turn
_OPENERS = "\"“‘'«"
_END = re.compile(STORY_END_MARK)  # a paragraph that opens with a story's end mark ends a turn


@dataclass(slots=True)
class Turn:
    span: QuoteSpan
    label: str  # the speaker's label as printed ("MR. DEHART", "JEONG EUN-BO(S. KOREAN CHIEF NEGOTIATOR)")


def _label_name(label: str) -> str:
    """ "JEONG EUN-BO(S. KOREAN CHIEF NEGOTIATOR)" → "Jeong Eun-bo"; "MR. DEHART" → "Mr. Dehart";
    "SENIOR STATE DEPARTMENT OFFICIAL ONE" → "Senior State Department Official"."""
    name = re.split(r"[(,]", label, maxsplit=1)[0].strip()
    return _title_case(_NUMBERED.sub("", name))


def _title_case(text: str) -> str:
    """ "KIM HYUN-WOOK" → "Kim Hyun-wook"; "U.S." and short acronyms stay."""
    words = []
    for w in text.split():
        if w.lower() in _FUNCTION_WORDS:  # "SECRETARY OF DEFENSE" → "Secretary of Defense"
            words.append(w.lower())
        elif "." in w or w in _ACRONYMS:
            words.append(w)
        elif re.match(r"MA?C[A-Z]{3}", w.upper()) and not w.isupper():  # "McCORMACK" → "McCormack"
            cut = w.upper().index("C") + 1
            words.append(w[:cut] + w[cut].upper() + w[cut + 1 :].lower())
        else:
            words.append(w[:1].upper() + w[1:].lower())
    return " ".join(words)


def speaker_label(turn: Turn) -> tuple[str, str]:
    """The name to resolve and the words that describe the speaker (for the side); a label
    that is only a description ("(Furloughed worker)") is an anonymous speaker."""
    label = turn.label
    bare = re.fullmatch(r"\(([^()]{2,60})\)", label.strip())
    if bare:
        return "a " + bare.group(1).strip().lower(), bare.group(1)
    if re.sub(r"\bMa?c(?=[A-Z])", "MC", label).isupper():  # "MR. DEHART", "MR. McCORMACK"
        return _label_name(label), _title_case(label)
    return re.split(r"[(,]", label, maxsplit=1)[0].strip(), label


def press_turns(body: str, paras: list[Paragraph]) -> tuple[list[Turn], set[int]]:
    """The speakers' turns of a press transcript, and every paragraph a turn (or a
    question) covers. Nothing when fewer than two labelled paragraphs are found."""
    labelled = _labelled(body, paras)
    if len(labelled) == 1 and not _TITLED_LABEL.search(labelled[0][1].group("label")):
        return [], set()  # one upper-case label is a transcript's only when it holds an office
    if not labelled or all(_NOT_SPEAKERS.match(m.group("label").upper()) for _, m in labelled):
        return [], set()
    turns: list[Turn] = []
    covered: set[int] = set()
    for k, (i, m) in enumerate(labelled):
        stop = labelled[k + 1][0] if k + 1 < len(labelled) else len(paras)
        last = i
        for j in range(i, stop):
            if paras[j].skip or _END.match(body, paras[j].start):
                break
            if j > i and body[paras[j].start] in "\"“‘«":  # a quotation opens: the reporter's text again
                break
            last = j
        covered.update(range(i, last + 1))
        label = m.group("label").strip()
        if _NOT_SPEAKERS.match(label.upper()):
            continue
        start, end = m.end(), paras[last].end
        turns.append(Turn(QuoteSpan(start, end, "block", start, None, i), label))
    return turns, covered


def _labelled(body: str, paras: list[Paragraph]) -> list[tuple[int, re.Match[str]]]:
    """The paragraphs that open with a speaker label: upper case ("MR. DEHART:"), or mixed
    case ("DeHart:") when the label recurs or is a question's."""
    upper, mixed = [], []
    for i, p in enumerate(paras):
        if p.skip:
            continue
        m = _PRESS_LABEL.match(body, p.start, min(p.end, p.start + 120))
        if m and any(c.isalpha() for c in m.group("label")) and body[m.end()] not in _OPENERS:
            upper.append((i, m))
            continue
        m = _MIXED_LABEL.match(body, p.start, min(p.end, p.start + 80))
        if m and body[m.end()] not in _OPENERS:
            mixed.append((i, m))
    if upper:
        return upper
    seen: dict[str, int] = {}
    for _, m in mixed:
        seen[m.group("label")] = seen.get(m.group("label"), 0) + 1
    kept = [(i, m) for i, m in mixed if seen[m.group("label")] > 1 or _QUESTION.match(m.group("label"))]
    return kept if any(not _QUESTION.match(m.group("label")) for _, m in kept) else []


# "[Kang Kyung-wha / Minister of Foreign Affairs: It is our basic position …]"
_BRACKET_BITE = re.compile(r"\[(?P<label>[^/\[\]:\n]{2,60}/[^\[\]:\n]{2,80}):\s*(?=[^\]\s])")


def soundbites(body: str, paras: list[Paragraph]) -> tuple[list[Turn], set[int]]:
    """The soundbites of a broadcast transcript: the words after the label (inside their
    quote marks when marked), and the paragraphs they fill."""
    turns: list[Turn] = []
    covered: set[int] = set()
    for i, p in enumerate(paras):
        m = _SOUNDBITE.match(body, p.start, p.end)
        if not m:
            m = _BRACKET_BITE.match(body, p.start, p.end)
            closed = body[p.end - 1] == "]"
            if m and (closed or "]" not in body[m.end() : p.end]):  # YTN leaves some brackets open
                covered.add(i)
                label = m.group("label").replace(" /", ",").replace("/", ",").strip()
                end = p.end - 1 if closed else p.end
                turns.append(Turn(QuoteSpan(m.end(), end, "full", m.end(), None, i), label))
            else:
                turns += _line_bites(body, p, i)
            continue
        covered.add(i)
        a, b = m.end(), p.end
        if a < b and body[a] in '"“':
            a += 1
            if body[b - 1] in '"”':
                b -= 1
        while a < b and body[a].isspace():
            a += 1
        if b <= a:
            continue
        label = m.group("label").strip()
        turns.append(Turn(QuoteSpan(a, b, "full", m.end(), None, i), label))
    return turns, covered


def _line_bites(body: str, p: Paragraph, i: int) -> list[Turn]:
    """Bracketed soundbites on lines of their own inside a paragraph (a transcript pasted with
    single newlines): '…burden.\n[Mike Waltz / adviser: Allies can …]\nWith two months left …'."""
    turns: list[Turn] = []
    at = body.find("\n[", p.start, p.end)
    while at >= 0 and len(turns) < 200:
        m = _BRACKET_BITE.match(body, at + 1, p.end)
        line_end = body.find("\n", at + 1, p.end)
        line_end = line_end if line_end >= 0 else p.end
        if m and m.end() < line_end and body[m.end() : line_end].rstrip().endswith("]"):
            label = m.group("label").replace(" /", ",").replace("/", ",").strip()
            close = body.rfind("]", m.end(), line_end)
            turns.append(Turn(QuoteSpan(m.end(), close, "full", m.end(), None, i), label))
        at = body.find("\n[", line_end, p.end)
    return turns


# the signature under an embedded post: "— U.S. Forces Korea (@USForcesKorea) January 16, 2020"
_EMBED_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[^()\n\"“”]{2,60}?)\s*\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*$"
)


def embeds(body: str, paras: list[Paragraph]) -> tuple[list[Turn], set[int]]:
    """Embedded posts: the paragraph above a signature line is the words of the account
    that signs it (a web page's embedded tweet carries no quote marks)."""
    turns: list[Turn] = []
    covered: set[int] = set()
    for i, p in enumerate(paras[1:], 1):
        m = _EMBED_SIGNATURE.match(body, p.start, p.end)
        above = paras[i - 1]
        marked = re.search(r"[\"“”]", body[above.start : above.end])
        if not m or above.skip or above.title or i - 1 in covered or marked:
            continue
        covered |= {i - 1, i}
        turns.append(Turn(QuoteSpan(above.start, above.end, "block", above.start, None, i - 1), m.group("name")))
    return turns, covered
