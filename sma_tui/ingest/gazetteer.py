"""The gazetteer: the corpus's actors by normalised alias, and the speakers an article adds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.models import Actor
from .names import norm
from .sides import side_from_evidence

_MINISTRY_OF = re.compile(r"ministry of (national defen[cs]e|foreign affairs|unification)")
_SEOULS = re.compile(r"^(?:seoul's|the south korean|south korean|korea's|the korean)\s+(?=\w+ ministry$)")
_LOCATED = re.compile(r" in (?:seoul|washington|tokyo|pyongyang|south korea|the united states|the u\.s\.)$")
_MINISTRIES = {"nati": "defense ministry", "fore": "foreign ministry", "unif": "unification ministry"}
_DEPARTMENT_OF = re.compile(r"\bdepartment of (state|defen[cs]e)\b")  # "the U.S. Department of State"
# a unit of a body speaks for it: "the State Department's Bureau of Political-Military Affairs"
_UNIT_OF = re.compile(r"^(?P<body>.+?)'s (?:bureau|office|division|directorate|press office|spokes\w+ office)\b")


@dataclass
class NewActor:
    """A speaker not in the corpus: becomes an :class:`Actor` if a claim keeps it."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # the words that describe them

    @property
    def side(self) -> str:
        # titles, employers and nationality words only: a name or a dateline is no evidence
        # of a side (a Korean-American analyst, a U.S. official quoted from Seoul)
        return side_from_evidence(*self.evidence, seated=self.kind == "anonymous")

    def to_actor(self, source: str) -> Actor:
        return Actor(self.id, self.name, self.side, kind=self.kind, aliases=sorted(set(self.aliases)),
                     sources=[source], side_guessed=True)  # fmt: skip


Ref = str | NewActor  # an existing actor id, or a new actor

_KOREAN_ORDER = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")  # "Jeong Eun-bo": the family name first


def family_name(name: str) -> str:
    """The normalised family name of a person's name ("" when it has one word)."""
    words = norm(name).split()
    if len(words) < 2:
        return ""
    return words[0] if _KOREAN_ORDER.fullmatch(name.strip()) else words[-1]


_HYPHENED = re.compile(r"\b([a-z]+)-([a-z]+)$")


def _spellings(key: str) -> tuple[str, ...]:
    """A person's name as outlets spell it: "jeong eun-bo", "jeong eun bo", "jeong eunbo"."""
    m = _HYPHENED.search(key)
    if not m:
        return (key,)
    head = key[: m.start()]
    return key, f"{head}{m.group(1)} {m.group(2)}", f"{head}{m.group(1)}{m.group(2)}"


class ActorIndex:
    """Aliases of the corpus's actors (normalised) → actor id, unique ones only.

    Built once per corpus (:func:`index_for`) and rebuilt when its actors change."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        seen: dict[str, set[str]] = {}
        for a in actors.values():
            for name in (a.id, a.name, *a.aliases):
                for key in _spellings(norm(name)) if a.kind == "person" else (norm(name),):
                    seen.setdefault(key, set()).add(a.id)
        self.ids = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        families: dict[str, set[str]] = {}
        for a in actors.values():
            if a.kind == "person" and not a.side_guessed:  # the curated people, not speakers an add made
                families.setdefault(family_name(a.name), set()).add(a.id)
        # a family name alone ("Harris said") is the one curated person of that name; shared by
        # several ("Jeong"), it names no one
        self.family = {k: next(iter(v)) for k, v in families.items() if len(v) == 1 and k}
        self.ambiguous = {k for k, v in families.items() if len(v) > 1}
        self.actors = actors

    def get(self, text: str) -> str | None:
        key = _MINISTRY_OF.sub(lambda m: _MINISTRIES[m.group(1)[:4]], norm(text))
        key = _SEOULS.sub("south korea's ", key)
        key = _DEPARTMENT_OF.sub(lambda m: m.group(1) + " department", key)
        hit = self.ids.get(key)
        if hit is None and (unit := _UNIT_OF.match(key)):
            return self.get(unit.group("body"))
        if hit is None and (at := _LOCATED.search(key)):  # "the defense ministry in Seoul"
            return self.get(key[: at.start()])
        if hit is None and key.startswith(("the ", "a ", "an ")):
            hit = self.ids.get(key.split(" ", 1)[1])
        return hit


def index_for(corpus: object, actors: dict[str, Actor]) -> ActorIndex:
    """The alias index of ``actors`` (the actor table of ``corpus``), kept on the corpus
    itself while its table is the same dict of the same size (no module-level state)."""
    hit = getattr(corpus, "_ingest_actor_index", None)
    if isinstance(hit, tuple) and hit[0] is actors and hit[1] == len(actors):
        index: ActorIndex = hit[2]
        return index
    index = ActorIndex(actors)
    try:
        setattr(corpus, "_ingest_actor_index", (actors, len(actors), index))  # noqa: B010
    except AttributeError:  # a corpus with slots: no cache
        pass
    return index
