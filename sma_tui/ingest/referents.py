"""Referents the gazetteer alone misses: the words that describe a new person (title,
appositive, the description before the name, where the sentence places them), a body's
own spokesperson ("a spokesperson for the state department"), "the spokesperson" after
their body was named, and "the two secretaries" after a pair was named."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from .clauses import appositive_after, title_before
from .gazetteer import ActorIndex, NewActor, Ref
from .names import norm
from .phrases import anon_key
from .titles import has_title, title_of

_DESCRIBED_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s+|\n)(?:[A-Z][a-z]+,\s+)?(?P<d>(?:[Tt]he|[Aa]n?|[A-Z][\w.]*['’]s)\s(?:[^,.;:\"“”\n]|(?<=[A-Z])\.){2,80}),"
    r"\s*(?:[A-Z][\w.]*\s+){0,3}$"
)
# the sentence places the person: "At the Pentagon, spokesman X said …"
_PLACED_AT = re.compile(
    r"(?:^|[.;!?]\s+|\n)(?:At|Inside|From|In)\s+(?P<d>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}),"
    r"\s+(?:[a-z]+\s+){0,3}(?:[A-Z][\w.]*\s+){0,3}$"
)
# "the two secretaries", "both ministers", "the pair": the pair named just before
_PAIR = re.compile(
    r"^(?:the\s+two|both|the\s+pair\s+of|the)\s+(?:[a-z]+\s+)?(?:men|women|leaders|officials|ministers"
    r"|secretaries|chiefs|envoys|negotiators|diplomats|generals|lawmakers|senators|pair|duo)$"
)
_PAIR_WINDOW = 800
_BODY_OWNER = re.compile(
    r"\b(?:the|its|their)\s+(?P<head>department|ministry|command|embassy|agency|office)['’]s\b", re.I
)
_ANTECEDENT_WINDOW = 3000
# "a department statement", "a USFK release": the body that issued it
_ISSUED = re.compile(
    r"^(?:a|an|the|its|their)\s+(?P<owner>(?!joint\b|written\b|brief\b|new\b|separate\b)[\w.'’ -]{2,40}?)\s+"
    r"(?:statement|press\s+release|release|notice|readout|announcement)$",
    re.I,
)
_SIBLING_WINDOW = 600  # "the spokesperson" counts as their body's only this close to its mention


class Said(Protocol):
    pos: int
    ref: Ref
    surface: str
    person: bool


def described(body: str, at: tuple[int, int]) -> list[str]:
    """The title before a name's first mention (``at``), the name, the appositive after it,
    a description before it ("The American commander in Korea, Gen. X") and the place the
    sentence puts them in ("At the Pentagon, spokesman X")."""
    lead = body[max(0, at[0] - 160) : at[0]]
    before = title_before(lead[-100:])
    d = _DESCRIBED_BEFORE.search(lead)
    pre = d.group("d") if d and not d.group("d").endswith(("said", "says")) else ""
    placed = _PLACED_AT.search(lead)
    after = appositive_after(body[at[1] : at[1] + 200])
    return [before, body[at[0] : at[1]], after, pre, placed.group("d") if placed else "",
            antecedent(body, before + " " + after + " " + pre, at[0])]  # fmt: skip


def antecedent(body: str, description: str, at: int) -> str:
    """ "the department's spokeswoman": the department named last before ``at`` ("the State
    Department"), so that its side counts."""
    m = _BODY_OWNER.search(description)
    if not m:
        return ""
    head = m.group("head").capitalize()
    named = re.compile(rf"(?:[A-Z][\w.'’-]*\s+){{1,4}}{head}\b|\b{head}\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s*){{1,4}}")
    found = [m.group() for m in named.finditer(body, max(0, at - _ANTECEDENT_WINDOW), at)]
    return found[-1] if found else ""


def spokesperson_of(index: ActorIndex, owner: str) -> str | None:
    """The corpus's own anonymous "<owner> spokesperson", if it has one."""
    base = re.sub(r"^(?:the|a|an)\s+", "", norm(owner))
    return index.get(f"a {base} spokesperson") or index.get(f"{base} spokesperson")


def body_named(index: ActorIndex, hit: str, mentions: Sequence[tuple[int, str]], pos: int) -> bool:
    """Whether ``hit`` was named before ``pos``, or an actor of its organisation just before
    ("NPR asked the State Department … "…," the spokesperson said")."""
    org = index.actors[hit].organisation
    for p, aid in reversed(mentions[-80:]):
        if p < pos and (aid == hit or (org and p > pos - _SIBLING_WINDOW and index.actors[aid].organisation == org)):
            return True
    return False


def pair(n: str, subjects: Sequence[Said], pos: int) -> tuple[Ref, bool] | None:
    """ "the two secretaries wrote": the first of the pair named just before (joint authors
    go to the first named)."""
    if not _PAIR.match(n) or (n.startswith("the ") and not n.startswith(("the two", "the pair"))):
        return None
    for m in reversed(subjects[-80:]):
        if m.pos < pos - _PAIR_WINDOW:
            return None
        if m.pos < pos and re.search(r"\s(?:and|&)\s", m.surface):
            return m.ref, m.person
    return None


def issuer(np: str) -> str | None:
    """The body named before "statement" ("a ministry statement" → "ministry")."""
    m = _ISSUED.match(np)
    return m.group("owner") if m else None


_NATIONALITY = re.compile(r"^(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+)?(?:U\.S\.|US|American|South\s+Korean|Korean)\s+(?=\S)")
_RESTRICTIVE = re.compile(
    r",?\s+(?:(?:involved\s+in|with\s+knowledge\s+of|familiar\s+with|close\s+to|briefed\s+on)\s+the\s+\w+"
    r"|who\s+(?:asked|requested|spoke|declined)\b[^,;]*|(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity)$"
)


def anonymous_alias(index: ActorIndex, np: str) -> str | None:
    """The corpus's anonymous actor whose alias ``np`` is once a leading nationality word and
    a trailing restrictive phrase are dropped ("A US State Department spokesperson", "a
    State Department official involved in the talks"); too short a core ("the official") names no one."""
    core = _RESTRICTIVE.sub("", np[-200:]).strip()
    core = _NATIONALITY.sub("", core)
    bare = re.sub(r"^(?:a|an|the|one)\s+", "", norm(core))
    if core == np or len(bare.split()) < 2:
        return None
    hit = index.get("a " + bare) or index.get(bare)
    if hit is None or index.actors[hit].kind != "anonymous":
        return None
    aliases = (re.sub(r"^(?:a|an|the|one)\s+", "", norm(a)) for a in index.actors[hit].aliases)
    return hit if bare in aliases else None  # the alias itself, not a shorter one ("the official in Washington")



def same_anonymous(index: ActorIndex, words: list[str]) -> str | None:
    """An anonymous actor of the corpus described with the same words ("a senior
    government official in Seoul" = "a government source in Seoul")."""
    key = anon_key(words)
    if len(key) < 2:  # "an official": too little to be anyone in particular
        return None
    for actor in index.actors.values():
        if actor.kind == "anonymous" and any(anon_key(norm(a).split()) == key for a in actor.aliases):
            return actor.id
    return None


_EXPERT = frozenset(("the expert", "the scholar", "the academic", "the specialist"))
_EXPERT_WORDS = frozenset("analyst researcher professor prof. fellow scholar expert specialist".split())
_EXPERT_WINDOW = 1500


def expert_of(index: ActorIndex, subjects: Sequence[Said], n: str, pos: int) -> Ref | None:
    """ "the expert said" (``n``): the person last the subject (shortly before ``pos``) whose
    words describe an analyst, researcher, professor or fellow."""
    if n not in _EXPERT:
        return None
    for ref, words in _people_before(index, subjects, pos, _EXPERT_WINDOW):
        if any(w in _EXPERT_WORDS for w in norm(" ".join(words)).split()):
            return ref
    return None


def _subjects_before(subjects: Sequence[Said], pos: int, window: int, people: bool) -> Iterator[Said]:
    """The subjects before ``pos`` (within ``window`` characters; ``people``: persons only),
    latest first, among the last 80 (bounded work)."""
    for m in reversed(subjects[-80:]):
        if m.pos >= pos or (people and not m.person):
            continue
        if m.pos < pos - window:
            return
        yield m


def _people_before(
    index: ActorIndex, subjects: Sequence[Said], pos: int, window: int
) -> Iterator[tuple[Ref, list[str]]]:
    """The people who were subjects before ``pos`` (within ``window`` characters), latest first,
    each with the words that describe them (their surface, and their evidence or aliases)."""
    for m in _subjects_before(subjects, pos, window, people=True):
        yield m.ref, [m.surface, *(m.ref.evidence if isinstance(m.ref, NewActor) else index.actors[m.ref].aliases)]


_AN_EXPERT = re.compile(r"^(?:an?|one)\s+(?:expert|analyst|scholar|researcher|professor|specialist)$")
_ADDED = re.compile(r"[^.!?\"“”]{0,120}?\b(?:added|also\s+said|went\s+on)\b")


def expert_after(body: str, names: Sequence[tuple[int, str]], n: str, pos: int) -> str | None:
    """ "An expert pointed out, "…" Professor X of Y University added that …": the expert is
    the next person named (shortly after ``pos``) with an expert's title whose verb is "added"."""
    if not _AN_EXPERT.match(n):
        return None
    for p, full in names[:400]:
        if pos < p < pos + _EXPERT_WINDOW // 2:
            end = body.find(full.split()[-1], p, p + 120)
            title = title_of(body, p, full).split()
            if end >= 0 and any(w in _EXPERT_WORDS for w in title) and _ADDED.match(body, end):
                return full
            return None  # another person is named first
    return None


_ROLE_SUBJECT_WINDOW = 1500


def role_subject(index: ActorIndex, subjects: Sequence[Said], role: str, mods: list[str], pos: int) -> Ref | None:
    """ "the president said" (``role``, ``mods``): the person who was the subject last (shortly
    before ``pos``) when their title has the role — the one the story follows, not a president
    named since as an object ("… criticized President X. The president emphasized …")."""
    for ref, words in _people_before(index, subjects, pos, _ROLE_SUBJECT_WINDOW):
        return ref if any(has_title(norm(w), role, mods) for w in words) else None
    return None


def issued_by(body: str, subjects: Sequence[Said], document: str, pos: int) -> Ref | None:
    """ "…," the statement read (``document``): the subject last said to speak "in a statement"
    (shortly before ``pos``), not merely the last subject."""
    issued = re.compile(rf"[^.;\"“”]{{0,60}}?\bin\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){{0,2}}{document}s?\b")
    for m in _subjects_before(subjects, pos, _ROLE_SUBJECT_WINDOW, people=False):
        if issued.match(body, m.pos, m.pos + 120):
            return m.ref
    return None


# an appositive whose head is a body ("one of the North's propaganda outlets", "another state-run
# website"), not a person at a body ("a professor at the Korea Institute"): no "at/of/in" before the head
_BODY_APPOSITIVE = re.compile(
    r"(?:one\s+of\s+(?:the|its|their|[\w.'’-]+['’]s?)\s+|another\s+|an?\s+|the\s+)"
    r"(?:(?!(?:at|of|in|for|with|from|and)\b)[\w.'’-]+\s+){0,4}"
    r"(?:outlets?|newspapers?|websites?|sites?|dail(?:y|ies)|weekl(?:y|ies)|magazines?|broadcasters?|channels?"
    r"|news\s+agenc(?:y|ies)|think\s+tanks?|organi[sz]ations?|groups?)\b",
    re.IGNORECASE,
)


_IT_WINDOW = 600


def it_is(body: str, said: Said, pos: int, outlet_at: int) -> bool:
    """Whether "it" at ``pos`` ('"…," it added') is ``said``, the subject just before: close
    enough, no news outlet reported anything in between, and a body (:func:`speaks_as_body`)."""
    return pos - said.pos < _IT_WINDOW and not said.pos < outlet_at < pos and speaks_as_body(body, said)


def speaks_as_body(body: str, said: Said) -> bool:
    """Whether a subject is a body: not a person, or a name taken for a person's whose
    appositive makes it a body ("Uriminzokkiri, one of the North's propaganda outlets, said …";
    the name is looked for only around where it spoke: bounded work)."""
    if not said.person:
        return True
    if not isinstance(said.ref, NewActor) or said.ref.kind != "person":
        return False
    k = body.find(said.surface + ",", max(0, said.pos - 300), said.pos + 300)
    if k < 0:
        return False
    at = k + len(said.surface) + 1
    while at < len(body) and body[at] == " " and at < k + len(said.surface) + 4:
        at += 1
    return bool(_BODY_APPOSITIVE.match(body, at))
