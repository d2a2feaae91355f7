"""The gazetteer: the corpus's actors by normalised alias, and the speakers an article adds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.models import Actor
from .names import LEAD_CONNECTIVE, TITLES, norm
from .sides import side_from_evidence

_MINISTRY_OF = re.compile(
    r"ministry of (national defen[cs]e|foreign affairs|unification)|(national defen[cs]e|foreign affairs) ministry"
)
_DEPARTMENT_OF = re.compile(r"\bdepartment of (state|defen[cs]e)$")  # "the U.S. Department of State"
_SEOULS = re.compile(
    r"^(?:seoul's|the south korean|south korean|korea's|the korean|(?:the )?rok(?:'s)?|(?:the )?republic of korea's)"
    r"\s+(?=\w+ ministry$)"
)
# a part of an institution speaks for it ("the State Department's Bureau of …", "the bureau of … at the
# ministry"); its spokesperson or an official of it is a person, never the institution
_UNIT = r"(?:bureau|office|division|directorate|desk|section)"
_UNIT_OF = re.compile(
    rf"^(?P<owner>.+?)'s (?:[\w.-]+ ){{0,4}}{_UNIT}(?: of(?: [\w.,-]+){{1,5}})?$"
    rf"|^(?:the |its )?(?:[\w.-]+ ){{0,4}}{_UNIT}(?: of(?: [\w.,-]+){{1,5}})? (?:at|of|in) (?P<owner2>the .+)$"
)
_ACRONYM = re.compile(r"\s*\([a-z.&]{2,8}\)$")  # "the Ministry of Foreign Affairs (MOFA)"
_SUFFIX = re.compile(r",? (?:jr|sr|ii|iii|iv)\.?$")  # "Harry B. Harris Jr.", "Lloyd J. Austin III"
_BARE_HEAD = re.compile(r"^[\w.' -]+ (?:ministry|department)$")  # "Foreign Ministry said", no article
_LOCATED = re.compile(r" in (?:seoul|washington|tokyo|pyongyang|south korea|the united states|the u\.s\.)$")
_MINISTRIES = {"nati": "defense ministry", "fore": "foreign ministry", "unif": "unification ministry"}


@dataclass
class NewActor:
    """A speaker not in the corpus: becomes an :class:`Actor` if a claim keeps it."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # the words that describe them
    given_side: str = ""  # a country's own side, or "unknown" for a group of both (see collective)

    @property
    def side(self) -> str:
        if self.given_side:
            return self.given_side
        # titles, employers and nationality words only: a name or a dateline is no evidence
        # of a side (a Korean-American analyst, a U.S. official quoted from Seoul)
        return side_from_evidence(*self.evidence, seated=self.kind == "anonymous")

    def to_actor(self, source: str) -> Actor:
        return Actor(self.id, self.name, self.side, kind=self.kind, aliases=sorted(set(self.aliases)),
                     sources=[source], side_guessed=True)  # fmt: skip


Ref = str | NewActor  # an existing actor id, or a new actor

_KOREAN_ORDER = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")  # "Jeong Eun-bo": the family name first
# one Korean family name as outlets romanise it; a family name too common to name one person alone
_ROMANISED = {w: g for g in "jeong jung chung|lee yi rhee|choi choe|park pak|suh seo|yoon yun|moon mun|chang jang|"
              "kang gang|kim gim|cho jo|shin sin|hwang whang".split("|") for w in g.split()}  # fmt: skip
_COMMON = frozenset("kim gim lee yi rhee park pak yoon yun".split())
_SYLLABLES = {w: g for g in "kyeong kyung gyeong|eui ui|hwa wha|wook uk".split("|") for w in g.split()}  # given names


def family_name(name: str, korean: bool = False) -> str:
    """The normalised family name of a person's name ("" when it has one word); ``korean``:
    the name is written family name first even without a hyphen ("Suh Wook")."""
    words = norm(name).split()
    if len(words) < 2:
        return ""
    return words[0] if korean or _KOREAN_ORDER.fullmatch(name.strip()) else words[-1]


_HYPHENED = re.compile(r"\b([a-z]+)-([a-z]+)$")


def _spellings(key: str) -> tuple[str, ...]:
    """A person's name as outlets spell it: "jeong eun-bo", "jeong eun bo", "jeong eunbo"."""
    m = _HYPHENED.search(key)
    if not m:
        return (key,)
    head = key[: m.start()]
    return key, f"{head}{m.group(1)} {m.group(2)}", f"{head}{m.group(1)}{m.group(2)}"


def _romanised(actor: Actor) -> list[str]:
    """A Korean person's name and titled aliases in the other romanisations of the family name
    and of common syllables of the given name, and in Western order ("Jung Eun-bo", "Chung
    Eun-bo", "Eun-bo Jeong", "Jeong Kyung-doo")."""
    name = norm(actor.name)
    family, _, given = name.partition(" ")
    if not given:
        return []
    givens = [""]
    for part in re.split(r"([- ])", given):
        givens = [g + alt for g in givens for alt in (_SYLLABLES[part].split() if part in _SYLLABLES else [part])]
    names = [n for f in _ROMANISED.get(family, family).split() for g in givens for n in (f"{f} {g}", f"{g} {f}")]
    keys = [norm(a) for a in (actor.name, *actor.aliases) if name in norm(a)]
    return [k.replace(name, n) for k in keys for n in names if n != name]


class ActorIndex:
    """Aliases of the corpus's actors (normalised) → actor id, unique ones only.

    Built once per corpus (:func:`index_for`) and rebuilt when its actors change."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        seen: dict[str, set[str]] = {}
        variants: dict[str, set[str]] = {}  # other romanisations of the curated Korean people's names
        families: dict[str, set[str]] = {}
        for a in actors.values():
            for name in (a.id, a.name, *a.aliases):
                for key in _spellings(norm(name)) if a.kind == "person" else (norm(name),):
                    seen.setdefault(key, set()).add(a.id)
            if a.kind != "person" or a.side_guessed:  # the curated people, not speakers an add made
                continue
            korean = a.side == "ROK"  # the curated ROK people are Korean: family name first
            for key in _romanised(a) if korean or _KOREAN_ORDER.fullmatch(a.name) else ():
                for spelled in _spellings(key):
                    variants.setdefault(spelled, set()).add(a.id)
            family = family_name(a.name, korean)
            for f in _ROMANISED.get(family, family).split() if family not in _COMMON else ():
                families.setdefault(f, set()).add(a.id)
        self.ids = {k: next(iter(v)) for k, v in variants.items() if len(v) == 1 and k not in seen}
        self.ids.update((k, next(iter(v))) for k, v in seen.items() if len(v) == 1)  # a name as written wins
        # a family name alone ("Harris said") is the one curated person of that name, in any of its
        # romanisations; shared by several ("Jeong", "Chung"), it names no one
        self.family = {k: next(iter(v)) for k, v in families.items() if len(v) == 1 and k}
        self.ambiguous = {k for k, v in families.items() if len(v) > 1}
        self.families = families
        self.actors = actors

    def named_person(self, ref: Ref | None) -> bool:
        """Whether ``ref`` is a person of the corpus, or a new one named in full (not "Lawmaker")."""
        if isinstance(ref, str):
            return self.actors[ref].kind == "person"
        return ref is not None and ref.kind == "person" and " " in ref.name

    def titled(self, key: str) -> str | None:
        """ "Ambassador Chung", "Foreign Minister Chung": of the curated people with that family
        name (in any romanisation), the one whose role or aliases carry every title word."""
        *title, family = key.split()
        title = [_ABBREVIATED.get(w, w) for w in title if w != "the"]
        if not title or not all(w in TITLES for w in title) or family not in self.families:
            return None
        fits = [aid for aid in sorted(self.families[family]) if set(title) <= _words(self.actors[aid])]
        return fits[0] if len(fits) == 1 else None

    def named(self, key: str, whole: bool = True) -> str | None:
        """The actor a run of capitalised words names (``key`` normalised; ``whole``: the run is all
        of the name), the full style of a ministry or department included when it is the whole name
        ("Ministry of Foreign Affairs": the foreign ministry; not inside "Japan's Ministry of …" or
        "Ministry of Foreign Affairs of the DPRK")."""
        hit = self.ids.get(key)
        return hit if hit is not None or not whole or _official(key) == key else self.get(key)

    def get(self, text: str) -> str | None:
        text = LEAD_CONNECTIVE.sub("", text.strip())  # "Although Trump": Trump
        key = _official(norm(text))
        key = _SEOULS.sub("south korea's ", key)
        hit = self.ids.get(key)
        if hit is not None or len(key) > 160:  # no name is longer: a hostile phrase is not taken apart
            return hit
        if (at := _LOCATED.search(key)) is not None:  # "the defense ministry in Seoul"
            return self.get(key[: at.start()])
        if hit is None and key.startswith(("the ", "a ", "an ")):
            hit = self.ids.get(key.split(" ", 1)[1])
        if hit is None and (suffix := _SUFFIX.search(key) or _ACRONYM.search(key)):
            return self.get(key[: suffix.start()])
        if hit is None and _BARE_HEAD.match(key):  # "Foreign Ministry officials said": the Foreign Ministry
            hit = self.ids.get("the " + key)
        if hit is None and len(key.split()) <= 5:
            hit = self.titled(key)
        if hit is None and (m := _UNIT_OF.match(key)):
            owner = self.get(m.group("owner") or m.group("owner2"))
            hit = owner if owner and self.actors[owner].kind == "institution" else None
        return hit


def _official(key: str) -> str:
    """``key`` with a ministry's or department's full style in its short form."""
    key = _MINISTRY_OF.sub(lambda m: _MINISTRIES[(m.group(1) or m.group(2))[:4]], key)
    return _DEPARTMENT_OF.sub(lambda m: m.group(1).replace("defence", "defense") + " department", key)


_ABBREVIATED = {"gen.": "general", "gen": "general", "amb.": "ambassador", "defence": "defense", "adm.": "admiral"}


def _words(actor: Actor) -> set[str]:
    """The words of a curated person's role and aliases ("defence" spelt "defense")."""
    return {_ABBREVIATED.get(w, w) for w in norm(" ".join((actor.role, *actor.aliases))).replace(",", " ").split()}


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
