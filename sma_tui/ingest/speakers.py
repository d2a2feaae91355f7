"""Who said it: attribution patterns, appositives, pronouns, anonymous sources and
institutions, merged with the actors already in the corpus by alias."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.models import Actor

VERBS = (
    "said|says|say|told|tells|added|adds|tweeted|wrote|writes|stated|noted|stressed|insisted|warned|confirmed|"
    "revealed|claimed|explained|replied|declared|argued|urged|criticized|criticised|described|announced|remarked|"
    "commented|emphasized|emphasised|acknowledged|admitted|complained|posted|reported|called|read|pledged|vowed"
)
PARTICIPLES = "saying|adding|noting|insisting|calling|accusing|arguing|warning|stressing|describing|claiming|urging"
_VERB = re.compile(rf"\b(?:(?P<fin>{VERBS})|(?P<part>{PARTICIPLES})|(?P<acc>[Aa]ccording to))\b")
_FINITE = re.compile(
    rf"\b(?:{VERBS}|has|have|had|is|are|was|were|will|would|released|walked|welcomed|met|pressed|went)\b"
)

_TITLES = frozenset(
    "president secretary minister chief general gen. gen sen. sen senator rep. rep representative ambassador commander "
    "adm. admiral deputy vice prime spokesman spokeswoman spokesperson negotiator official dr. mr. mrs. ms. gov. "
    "governor lt. col. colonel foreign defense defence state u.s. us south north korean american top senior former "
    "head director envoy lawmaker leader".split()
)
_STOP = frozenset(
    "south north korea korean koreans united states america american washington seoul pyongyang japan tokyo china "
    "defense defence ministry minister department state foreign forces force agreement special measures measure "
    "secretary president general senator senate house white pentagon national assembly party committee relations news "
    "agency journal street wall times post command alliance office government republic chief deputy vice prime "
    "commander ambassador representative monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december camp peninsula asia pacific northeast the "
    "in however according when under previously last our we he she it this that but and los angeles yonhap reuters "
    "sputnik kcna usfk nato sma biden administration congress".split()
)
_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z][a-z]*[A-Z][a-z]+|O'[A-Z][a-z]+)"
_PERSON = re.compile(rf"\b(?:{_NAME_TOKEN}\.?\s+){{0,4}}{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})\b")
_KOREAN_NAME = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")

_ANON_HEADS = frozenset(
    "official officials source sources spokesperson spokesman spokeswoman aide aides diplomat diplomats lawmaker "
    "lawmakers senators negotiators".split()
)
_INST_HEADS = frozenset(
    "ministry department office agency government committee union embassy command media reports report team "
    "delegation side party council administration newspaper house pentagon".split()
)
_DESCRIPTORS = (
    _ANON_HEADS
    | _INST_HEADS
    | frozenset(
        "the a an his her its their senior top high-ranking unnamed anonymous presidential foreign defense defence "
        "state "
        "military news earlier commentary statement chief negotiator minister secretary president commander head "
        "national security adviser official's".split()
    )
)
_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "sources": "source", "officials": "official"}
_US_REFS = frozenset(
    ("us", "u.s.", "the us", "the u.s.", "washington", "the united states", "united states", "the american delegation",
     "american delegation", "the u.s. delegation", "u.s. delegation", "the us delegation", "the u.s. team",
     "u.s. team", "the american side")
)  # fmt: skip
_US_WORDS = re.compile(
    r"\b(?:U\.S\.|US|American|Washington|Pentagon|State Department|USFK|Senator|Sen\.|Rep\.|Republican|Democrat|"
    r"Congress|White House|Trump|Biden)\b"
)
_ROK_WORDS = re.compile(r"\b(?:South Korea\w*|Seoul|Korean|ROK|Blue House|Cheong Wa Dae|Yonhap)\b")
_OTHER_WORDS = re.compile(r"\b(?:North Korea\w*|KCNA|Pyongyang|China|Chinese|Japan\w*|Russia\w*|NATO)\b")
_TIME_TAIL = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\s+(?:last|this|earlier|later)"
    r"\s+(?:week|month|year|today)|\s+(?:also|later|reportedly|repeatedly|earlier|then|still|again|separately|has|had"
    r"|have|previously|once|further|had\s+also|has\s+also|in\s+a\s+\w+(?:\s+\w+)?|on\s+\w+\s+\d+))$"
)
_LEAD_TRIM = re.compile(
    r"^(?:(?:and|but|while|as|when|after|however|separately|meanwhile|also|then|last\s+week|on\s+\w+)\b,?\s*)+", re.I
)
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(
    r"^(?P<owner>.+?)['’]s\s+(?:commentary|statement|remarks|comments|tweet|letter|reference|words|op-ed|article)\b"
)
_ATTRIBUTED = re.compile(r"\battributed to\s+(?P<owner>.+)$")
_COORD = re.compile(r"^(?P<first>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s+and\s+[A-Z]")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'").strip(" ,.;:")).lower()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-") or "actor"


@dataclass
class NewActor:
    """A speaker not in the corpus: becomes an :class:`Actor` if a claim keeps it."""

    id: str
    name: str
    kind: str
    side: str
    aliases: list[str] = field(default_factory=list)

    def to_actor(self, source: str) -> Actor:
        return Actor(self.id, self.name, self.side, kind=self.kind, aliases=sorted(set(self.aliases)),
                     sources=[source], side_guessed=True)  # fmt: skip


Ref = str | NewActor  # an existing actor id, or a new actor


@dataclass(slots=True)
class Mention:
    pos: int
    ref: Ref
    surface: str
    person: bool


class ActorIndex:
    """Aliases of the corpus's actors (normalised) → actor id, unique ones only."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        seen: dict[str, set[str]] = {}
        for a in actors.values():
            for name in (a.id, a.name, *a.aliases):
                seen.setdefault(norm(name), set()).add(a.id)
        self.ids = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        self.actors = actors
        self.size = len(actors)

    def get(self, text: str) -> str | None:
        key = norm(text)
        hit = self.ids.get(key)
        if hit is None and key.startswith(("the ", "a ", "an ")):
            hit = self.ids.get(key.split(" ", 1)[1])
        return hit


class Resolver:
    """Per-article state: the mentions seen so far, the new actors made."""

    def __init__(self, index: ActorIndex, body: str) -> None:
        self.index = index
        self.body = body
        self.subjects: list[Mention] = []  # subjects of reporting verbs, in text order
        self.names: list[tuple[int, str]] = []  # person names anywhere, for surnames
        self.new: dict[str, NewActor] = {}

    def scan_names(self, start: int, end: int) -> None:
        for m in _PERSON.finditer(self.body, start, end):
            name = _strip_titles(m.group())
            if name and " " in name:
                self.names.append((m.start(), name))

    # ----------------------------------------------------------------- resolve
    def resolve(self, np: str, pos: int, context: str = "", remember: bool = True) -> Ref | None:
        np = _clean_np(np)
        if not np:
            return None
        ref, person = self._resolve(np, pos, context)
        if ref is not None and remember:
            self.subjects.append(Mention(pos, ref, np, person))
        return ref

    def _resolve(self, np: str, pos: int, context: str) -> tuple[Ref | None, bool]:
        n = norm(np)
        if n in ("he", "she", "him", "her"):
            for m in reversed(self.subjects):
                if m.pos < pos and m.person:
                    return m.ref, True
            for p, full in reversed(self.names):  # no speaker yet: the last person named
                if p < pos:
                    return self._person(full, pos, full, context), True
            return None, True
        if n in ("they", "it", "we", "i", "you"):
            return None, False
        m = _ATTRIBUTED.search(np) or _POSSESSIVE.match(np)
        if m:
            return self._resolve(m.group("owner"), pos, context)
        m = _COORD.match(np)
        if m and not self.index.get(np):
            return self._resolve(m.group("first"), pos, context)
        if len(np.split()) == 1 and np[:1].isupper():
            for p, full in reversed(self.names):  # a surname: the person named earlier in the article
                if p < pos and np in full.split():
                    return self._person(full, pos, full, context), True
        hit = self.index.get(np)
        if hit:
            actor = self.index.actors[hit]
            if n.startswith("the ") and len(n.split()) <= 3:
                earlier = self._definite(n, pos)
                if earlier is not None:
                    return earlier
            return hit, actor.kind != "institution"
        if n in ("reports", "news reports", "press reports", "local reports", "local media"):
            hit = self.index.get("media reports")
            if hit:
                return hit, False
        if n in _US_REFS:
            side = self.index.get("U.S. side")
            return (side if side else self._new("United States", "institution", "US", np)), False
        words = n.split()
        if words[0] == "the" and len(words) <= 4:
            earlier = self._definite(n, pos)
            if earlier is not None:
                return earlier
        name = _person_name(np)
        if name:
            return self._person(name, pos, np, context), True
        if len(words) == 1 and np[:1].isupper() and n not in _STOP and not np.isupper():
            return None, False
        head = _head(words)
        if (
            head in _ANON_HEADS
            and words[0] in ("a", "an", "two", "three", "several", "some")
            or head
            in (
                "senators",
                "lawmakers",
                "officials",
                "negotiators",
            )
        ):
            known = self._same_anonymous(words)
            if known:
                return known, True
            name = _capital(re.sub(r"^(?:a|an|the)\s+", "", np, flags=re.I)) + " (anonymous)"
            return self._new(name, "anonymous", _side(np, context), np), True
        if head in _INST_HEADS or any(w in _INST_HEADS for w in words[-2:]):
            known = self._same_anonymous(words) if words[0] in ("a", "an") else None
            if known:
                return known, True
            return self._new(_capital(np), "institution", _side(np, context), np), False
        if np[:1].isupper() and re.fullmatch(r"[A-Z]{2,6}", np):  # an acronym: KCNA, NATO
            return self._new(np, "institution", _side(np, context), np), False
        return None, False

    def _same_anonymous(self, words: list[str]) -> str | None:
        """An anonymous actor of the corpus described with the same words ("a senior
        government official in Seoul" = "a government source in Seoul")."""
        key = _anon_key(words)
        for actor in self.index.actors.values():
            if actor.kind == "anonymous" and any(_anon_key(norm(a).split()) == key for a in actor.aliases):
                return actor.id
        return None

    def _definite(self, n: str, pos: int) -> tuple[Ref, bool] | None:
        head = _SYNONYMS.get(n.split()[-1], n.split()[-1])
        for m in reversed(self.subjects):
            if m.pos >= pos:
                continue
            words = [_SYNONYMS.get(w, w) for w in norm(m.surface).replace("'s", "").split()]
            if head in words:
                return m.ref, m.person
        return None

    def _person(self, name: str, pos: int, surface: str, context: str) -> Ref:
        hit = self.index.get(name) or self.index.get(surface)
        if hit:
            return hit
        for p, full in reversed(self.names):
            if p < pos and full != name and name in full:
                hit = self.index.get(full)
                if hit:
                    return hit
        return self._new(name, "person", _side(surface, context, name), surface)

    def _new(self, name: str, kind: str, side: str, surface: str) -> NewActor:
        key = slug(re.sub(r"^(?:a|an|the)\s+|\s*\(anonymous\)$", "", name, flags=re.I))
        if key in self.index.actors:  # an id taken by a different actor of the corpus
            key = f"{key}-{kind}"
        actor = self.new.get(key)
        if actor is None:
            actor = self.new[key] = NewActor(key, name, kind, side)
        if surface not in actor.aliases:
            actor.aliases.append(surface)
        return actor


_PREPS = frozenset("in at of with from for on to who which".split())
_ANON_DROP = frozenset("a an the senior high-ranking top unnamed anonymous".split())
_ANON_SAME = {"source": "official", "sources": "official", "officials": "official", "spokesman": "spokesperson",
              "spokeswoman": "spokesperson", "us": "u.s."}  # fmt: skip


def _head(words: list[str]) -> str:
    """The head noun: the last word before a trailing prepositional phrase."""
    for k, w in enumerate(words[1:], 1):
        if w in _PREPS:
            return _SYNONYMS.get(words[k - 1], words[k - 1])
    return _SYNONYMS.get(words[-1], words[-1])


def _anon_key(words: list[str]) -> frozenset[str]:
    return frozenset(_ANON_SAME.get(w, w) for w in words if w not in _ANON_DROP)


def _capital(np: str) -> str:
    return np[:1].upper() + np[1:]


def _clean_np(np: str) -> str:
    prev = None
    while prev != np:
        prev = np
        np = np.strip(' ,;:—-\n\t"“”')
        np = _LEAD_TRIM.sub("", np).strip()
        np = _TIME_TAIL.sub("", np).strip()
    return np if len(np.split()) <= 12 else ""


def _strip_titles(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in _STOP:
        words.pop()
    k = len(words)
    while k > 0 and words[k - 1].lower() not in _TITLES and words[k - 1].lower() not in _STOP and len(words) - k < 3:
        k -= 1
    return " ".join(words[k:])


def _person_name(np: str) -> str | None:
    """The person's name in a noun phrase ("U.S. Defense Secretary Mark Esper" → "Mark Esper")."""
    found = None
    for m in _PERSON.finditer(np):
        name = _strip_titles(m.group())
        if " " in name and not any(w.lower() in _STOP for w in name.split()):
            found = name
            if m.start() == 0 or np[: m.start()].strip().lower().rstrip(".") in _TITLES:
                break
    return found


def _side(surface: str, context: str, name: str = "") -> str:
    for text in (surface, context):
        us, rok, other = (len(r.findall(text)) for r in (_US_WORDS, _ROK_WORDS, _OTHER_WORDS))
        if other > max(us, rok) or (other and "North Korea" in surface):
            return "other"
        if us or rok:
            return "US" if us > rok else "ROK"
        if text is surface and name and _KOREAN_NAME.match(name):
            return "ROK"
    return "other"


# ------------------------------------------------------------------ patterns
def subject_before(seg: str) -> str | None:
    """The subject noun phrase of a verb whose preceding text (in its sentence) is ``seg``."""
    seg = seg.rstrip()
    cut = max(seg.rfind("”"), seg.rfind('"'), seg.rfind(";"), seg.rfind(" — "), seg.rfind(" that "))
    if cut >= 0:
        quoted = seg[cut] in '”"'
        seg = seg[cut + 1 :]
        if seg.startswith("hat "):
            seg = seg[4:]
        if quoted:  # '..." the commentary attributed to Pompeo and Esper read'
            tail = _TIME_TAIL.sub("", seg.strip(" ,")).strip()
            if tail and len(tail.split()) <= 10 and "," not in tail:
                return tail
    seg = _TIME_TAIL.sub("", seg.rstrip()).rstrip()
    if seg.endswith(","):  # "X, appositive, said" or "appositive, X, said"
        parts = [p.strip() for p in seg[:-1].split(",")]
        if len(parts) >= 2:
            head, app = parts[-2], parts[-1]
            if re.match(r"(?:who|which|whose|speaking|citing|asked|when|while|in|at|after)\b", app):
                return head
            if _person_name(app) and not _person_name(head):
                return app
            return head
        return parts[-1]
    part = seg.rsplit(",", 1)[-1].strip()
    m = re.match(rf"(?:[A-Z][\w.']*\s+){{0,4}}{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}(?=\s+of\b)", part)
    if m and _person_name(m.group()):
        return m.group()  # "Rep. Kim Jong-dae of the ... Party"
    return _trailing_np(part)


def _trailing_np(text: str) -> str | None:
    words = text.split()
    if words and words[-1].lower() in ("he", "she"):
        return words[-1]
    run: list[str] = []
    for w in reversed(words):
        bare = w.strip("()").lower()
        if w[:1].isupper() or bare in _DESCRIPTORS or bare.endswith(("'s", "’s")) and w[:1].isupper():
            run.append(w)
        else:
            break
    run.reverse()
    while run and run[-1].lower() in ("the", "a", "an"):
        run.pop()
    return " ".join(run) or None


def sentence_subject(sentence: str) -> str | None:
    """The noun phrase a sentence opens with (before its first verb)."""
    m = _FINITE.search(sentence)
    if not m:
        return None
    return subject_before(sentence[: m.start()])
