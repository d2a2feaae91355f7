"""Speakers that are not one person, when a reporting clause makes them its subject: a country
or its capital ("Pyongyang condemned the drills, saying …", "…, Seoul says"), the two allies
together ("The United States and South Korea announced …"), people listed together (the first
named, as for joint authors: "Blinken, Austin and their counterparts said"), a medium that speaks
for a state or cause ("DPRK Today, another North Korean propaganda outlet, said"), a paper's own
editorial, headline or column, and a joint document no one is named to have issued ("A joint
statement released after the meeting stated …", "according to a joint statement quoted by
Yonhap"). A place speaks only as that subject: right before its verb after a clause break or
connective (or right after it, "…, Seoul says"), never inside a prepositional phrase ("talks in
Seoul"), a possessive ("Seoul's share"), a person's description, or as the subject of a sentence
whose later verb belongs to someone else. A person or body named by another reporting clause of
the same sentence wins (:func:`yield_to_people`). Outlets that relay others stay where it was
reported (the attributor's rule).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol, TypeVar

from .clauses import LISTED
from .gazetteer import NewActor, Ref
from .names import PLACES, norm
from .phrases import is_outlet, personal, sent_from
from .referents import issued_by
from .resolver import Mention
from .sides import side_from_evidence

if TYPE_CHECKING:
    from .resolver import Resolver

# what may come right before a place that is a clause's subject: the start of a sentence, a clause
# break, a connective ("and Seoul said", "that Pyongyang would …") — never a preposition or a name
_FREE_BEFORE = re.compile(
    r"(?:^|[\n.!?;:,—–(\"“”]|--|\b(?:and|but|while|as|whereas|meanwhile|that|which|when|after|then|also))\s*$", re.I
)
# between a place and its finite verb: an aside and a few adverbs or auxiliaries ("has also", "on Monday")
_GAP = re.compile(r"(?:\s*,\s*[a-z][a-z ]{1,30},)?\s*(?:(?:[a-z]+|on\s+[A-Z][a-z]+)\s+){0,3}")
_ALLY = r"(?:the\s+)?(?:United\s+States|U\.S\.|US|America|Washington|South\s+Korea|Seoul|Republic\s+of\s+Korea|ROK)"
_BOTH = re.compile(rf"(?i:{_ALLY})\s+and\s+(?i:{_ALLY})")
# a document no one is named to have issued: "a joint statement released after the meeting"
_DOCUMENT = re.compile(
    r"(?:an?|the|one|another)\s+(?:(?:recent|new|separate|earlier|latest)\s+)?(?P<doc>joint\s+(?:press\s+)?"
    r"(?:statement|release|communiqu[eé]|declaration|readout))\b"
    r"(?:\s+(?:released|issued|published|adopted|quoted|cited|carried)\b[^,;\"“”]{0,60})?",
    re.I,
)
# a media outlet described as speaking for a state or a cause: it is the speaker, not where it was reported
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*){0,3}")
_MEDIA = re.compile(
    r"\s*(?:one\s+of\s+(?:the|its|[\w.'’-]+['’]s?)\s+|another\s+|an?\s+|the\s+)(?:[\w.'’-]+\s+){0,3}?"
    r"(?:propaganda|state(?:-run|-owned|-controlled)?|official|party|regime)\s+(?:[\w-]+\s+)?"
    r"(?:outlets?|websites?|sites?|newspapers?|media|mouthpieces?|broadcasters?|tabloids?|news\s+agenc(?:y|ies)"
    r"|dail(?:y|ies)|weekl(?:y|ies))(?=\s*[,;.)]|\s+(?:that|which|said|says)\b)"
)
# a paper's own voice: "A Korea Times headline", "one Washington Post editorial"
_OUTLET_OWN = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:(?:recent|new|latest|separate)\s+)?"
    r"(?P<outlet>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?P<doc>editorial|headline|column)"
)
# "The Korea Times said in an editorial": the paper speaks (after the verb at ``pos``)
_IN_EDITORIAL = re.compile(r"\w+\s+(?:on\s+\w+\s+)?in\s+(?:an?|its)\s+(?:[\w-]+\s+)?(?:editorial|commentary)\b")
_KINDS = ("country", "group")
_CAPITALS = {
    "South Korea": "Seoul", "North Korea": "Pyongyang", "China": "Beijing", "Japan": "Tokyo", "Russia": "Moscow"
}  # fmt: skip


def speaker_ref(resolver: Resolver, np: str, pos: int, kind: str = "fin") -> Ref | None:
    """Who ``np``, the subject of a reporting verb at ``pos`` (``kind``: fin | part | acc), names:
    a country, the two allies or a joint document when it is one of them, else what the resolver says."""
    bare = np.strip(" ,;:—-\n\t\"“”")
    place = PLACES.get(norm(bare))
    if place is not None:  # "Beijing said": a country, never a person called Beijing
        free = _free(resolver.body, bare, pos, kind == "fin")
        country = _made(resolver, place[0], "country", bare, pos, place[1]) if free else None
        if isinstance(country, NewActor):  # known by its name and its capital, whichever the text used
            country.aliases += [a for a in (place[0], _CAPITALS[place[0]]) if a not in country.aliases]
        return country
    listed = LISTED.fullmatch(bare)
    if listed and personal(listed.group("first")):  # people listed together: the first named, as joint authors
        return resolver.resolve(listed.group("first"), pos)
    media = _media_appositive(resolver.body, bare, pos)
    if media is not None:  # "DPRK Today, another North Korean propaganda outlet, said": the outlet speaks
        return _made(resolver, bare, "institution", bare, pos, side_from_evidence(bare, media))
    doc = _DOCUMENT.fullmatch(bare)
    ref = _issuer(resolver, doc, pos) if doc else resolver.resolve(np, pos)
    if ref is not None:  # "the joint statement": the one its issuers were said to release, if they were
        return ref
    own = _OUTLET_OWN.fullmatch(bare)
    if own and is_outlet(own.group("outlet")):  # "A Korea Times headline said": the paper's own voice
        name = f"{own.group('outlet')} {own.group('doc').lower()}"
        return _made(resolver, name, "institution", bare, pos, side_from_evidence(own.group("outlet")))
    if is_outlet(bare) and _IN_EDITORIAL.match(resolver.body, pos, pos + 80):
        return _made(resolver, re.sub(r"^[Tt]he\s+", "", bare), "institution", bare, pos, side_from_evidence(bare))
    if _BOTH.fullmatch(bare) and _free(resolver.body, bare, pos, kind == "fin"):  # the allies together, not one
        return _made(resolver, "United States and South Korea", "group", bare, pos, "unknown")
    doc = doc or _document_before(resolver.body, bare, pos)
    if doc:  # "A joint statement released after the meeting stated": the statement, no one issuing it named
        name = " ".join(doc.group("doc").lower().split())
        return _made(resolver, name[:1].upper() + name[1:], "group", doc.group().strip(), pos, "unknown")
    return None


class _Cue(Protocol):
    ref: Ref | None


C = TypeVar("C", bound=_Cue)


def yield_to_people(cues: list[C]) -> list[C]:
    """A sentence's reporting clauses, where a person or body named in one of them wins over a
    country or group in another ("Chang told reporters that Seoul had explained "…""): Chang's."""
    if any(c.ref is not None and not _collective(c.ref) for c in cues):
        for c in cues:
            if c.ref is not None and _collective(c.ref):
                c.ref = None
    return cues


def _collective(ref: Ref) -> bool:
    return isinstance(ref, NewActor) and ref.kind in _KINDS


def _issuer(resolver: Resolver, doc: re.Match[str], pos: int) -> Ref | None:
    """Who issued "the joint statement" ``doc``: the subject said to speak "in a joint statement"
    shortly before, or "a rebuke from X in a joint statement"; never merely the last subject."""
    if not doc.group().lower().startswith("the "):
        return None
    head = doc.group("doc").split()[-1].lower()
    sender = sent_from(resolver.body[max(0, pos - 800) : pos], head)
    return resolver.resolve(sender, pos) if sender else issued_by(resolver.body, resolver.subjects, head, pos)


def lead_document(sentence: str) -> str | None:
    """The joint document a sentence opens with ("A joint statement issued after the talks …")."""
    m = _DOCUMENT.match(sentence.lstrip())
    return m.group() if m else None


def _document_before(body: str, bare: str, pos: int) -> re.Match[str] | None:
    """The joint document that opens the clause of the verb at ``pos`` and holds ``bare`` (the
    subject as the clause reader cut it: "statement" of "A joint statement released after …")."""
    if not bare or len(bare) > 80:
        return None
    start = max(0, pos - 200)
    cut = max(body.rfind(c, start, pos) for c in ".!?\n;")
    found = None
    for m in _DOCUMENT.finditer(body, max(start, cut + 1), pos):
        if bare.lower() in m.group().lower() and _FREE_BEFORE.search(body, max(0, m.start() - 40), m.start()):
            found = m
    return found


def _media_appositive(body: str, name: str, pos: int) -> str | None:
    """The appositive that makes ``name`` (a capitalised name) an outlet that speaks for itself,
    right after the name near the verb at ``pos``: ", another North Korean propaganda outlet,"."""
    if not _NAME.fullmatch(name):
        return None
    k = body.find(name + ",", max(0, pos - 200), pos + 200)
    m = _MEDIA.match(body, k + len(name) + 1) if k >= 0 else None
    return m.group() if m else None


def _free(body: str, surface: str, pos: int, near: bool) -> bool:
    """Whether ``surface`` (a place or two) stands as a subject of the verb at ``pos``: right
    after it ("…, said Seoul") or before it after a clause break or connective, and (``near``,
    a finite verb) with at most a few adverbs between ("Seoul has repeatedly said")."""
    k = body.rfind(surface, max(0, pos - 200), pos)
    if k < 0:
        k = body.find(surface, pos, pos + 60)
    if k < 0 or body.startswith(("'s", "’s"), k + len(surface)):
        return False
    if near and k < pos and not _GAP.fullmatch(body, k + len(surface), pos):
        return False  # "Seoul pushed back against statements by Trump that suggested …": not Seoul's verb
    return _FREE_BEFORE.search(body, max(0, k - 40), k) is not None


def _made(resolver: Resolver, name: str, kind: str, surface: str, pos: int, side: str) -> Ref | None:
    """The speaker ``name`` that is no person, remembered as the subject at ``pos`` ("it said" next
    is it): the store's actor of that name and kind when it has one (an earlier article's), else new."""
    hit = resolver.index.get(name)
    actor: Ref | None = hit if hit is not None and resolver.index.actors[hit].kind == kind else None
    if actor is None:
        actor = resolver._new(name, kind, surface, [surface])
        if actor is not None:
            actor.given_side = side
    if actor is not None:
        resolver.subjects.append(Mention(pos, actor, surface, False))
    return actor
