"""Who a noun phrase names: the corpus's actors by alias (the gazetteer), people named
earlier in the article, pronouns, anonymous sources and institutions; news outlets and
places never speak. New speakers get a side from the words that describe them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.models import Actor
from ..core.text import slug
from .gazetteer import ActorIndex, NewActor
from .gazetteer import Ref as Ref  # re-exported: figure_claims imports it from here
from .names import PERSON, STOP, capital, misspelt, norm, person_name, strip_titles
from .phrases import DOCUMENTS, HEAD_ALIKE, HONORIFIC, OF_THEM, PARTITIVE, SPOKES_FOR, US_REFS, both_allies, sent_from
from .phrases import PLURAL_GROUPS as _PLURAL_GROUPS
from .phrases import SYNONYMS as _SYNONYMS
from .phrases import clean_np as clean_np  # re-exported
from .phrases import head as _head
from .phrases import is_outlet as is_outlet
from .phrases import personal as personal
from .referents import anonymous_alias, body_named, described, expert_after, expert_of, issuer, pair, spokesperson_of
from .referents import issued_by as _issued_by
from .referents import it_is as _it_is
from .referents import role_subject as _role_subject
from .referents import same_anonymous as _same_anonymous
from .titles import EPITHET, OWNED_ROLE, definite_role, gender_of, same_role, titled, titled_near

_LOOKBACK = 80  # mentions and names searched back (bounded: a hostile article may hold thousands)
_MAX_NEW, _MAX_NAMES = 300, 400  # new actors per article; names read for a family name named later (bounded)
_EPITHET_WINDOW = 1200
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]{2,8}\)$")  # "it said" is the body named this close before

_ANON_HEADS = frozenset(
    "official officials source sources spokesperson spokesman spokeswoman aide aides diplomat diplomats lawmaker "
    "lawmakers senators negotiators analyst analysts expert experts observer observers insider insiders members "
    "workers employees residents protesters worker employee resident protester member people person".split()
)
_ROLE_HEADS = frozenset("chief commander negotiator envoy ambassador minister secretary adviser advisor director "
                        "general admiral president chairman chairwoman head".split())  # fmt: skip
_INST_HEADS = frozenset(
    "ministry department office agency government committee union embassy command media reports report team "
    "delegation side party council administration house pentagon forces institute outlet bureau club association "
    "federation organization organisation coalition".split()
)
_POSSESSIVE = re.compile(
    r"^(?P<owner>.+?)['’]s\s+(?:commentary|statement|remarks|comments|tweet|letter|reference|words|op-ed|article)\b"
)
_ATTRIBUTED = re.compile(
    r"\battributed to\s+(?P<owner>.+)$|^(?:[Aa]|[Aa]n|[Tt]he)\s+(?:\w+\s+)?(?:statement|release|letter|report"
    r"|commentary|message|notice|op-ed|article)\s+(?:from|by|of|issued by)\s+(?P<owner2>.+)$"
)
_COORD = re.compile(
    r"^(?P<first>(?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.'-]*)*)\s+and\s+"
    r"(?:(?:the\s+)?[A-Z]|(?:the|its|their|his|her)\s+[a-z])"
)  # "X and Y said", "the USFK and the union": the first named
_CAPS_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?[A-Z][\w.'’-]*){0,7}")
_ANON_DETERMINERS = frozenset(("a", "an", "one", "another", "two", "three", "several", "some"))
_PROPER_BODY = re.compile(r"[Tt]he\s+[A-Z][\w'’-]*\s+[A-Z][\w'’-]*\s+[A-Z]")


@dataclass(slots=True)
class Mention:
    pos: int
    ref: Ref
    surface: str
    person: bool


class Resolver:
    """Per-article state: the mentions seen so far, the people named, the new actors made."""

    def __init__(self, index: ActorIndex, body: str) -> None:
        self.index = index
        self.body = body
        self.subjects: list[Mention] = []  # subjects of reporting verbs, in text order
        self.names: list[tuple[int, str]] = []  # person names anywhere, for surnames
        self.first_at: dict[str, tuple[int, int]] = {}  # a name's first mention
        self.mentions: list[tuple[int, str]] = []  # the corpus's actors named in the text (the gazetteer)
        self.new: dict[str, NewActor] = {}
        self.unknown_at = -1  # where a person we could not tell was last the subject
        self.outlet_at = -1  # where a news outlet last reported something ("it said" after it is the outlet)
        self.gender: dict[str, str] = {}  # m | f, from honorifics, titles and the pronouns resolved to them

    def scan_names(self, start: int, end: int) -> None:
        """Record the people named and the corpus's actors mentioned in ``body[start:end]``."""
        for m in PERSON.finditer(self.body, start, end):
            name = strip_titles(m.group())
            if name and " " in name:
                self.names.append((m.start(), name))
                own = m.group().rfind(name)  # the title words before it are its description's
                self.first_at.setdefault(name, (m.start() + max(own, 0), m.end()))
        named = self.index.named
        for m in _CAPS_RUN.finditer(self.body, start, end):
            words, tail = m.group().lower().replace("’", "'").split(), self.body[m.end() : m.end() + 4]
            hit = None
            for a in range(len(words)):
                for b in range(min(len(words), a + 6), a, -1):
                    hit = named(" ".join(words[a:b]).strip(" ,.;:"), not a and b == len(words) and tail != " of ")
                    if hit and (b - a > 1 or len(words[a]) > 3):
                        break
                    hit = None
                if hit:
                    self.mentions.append((m.start(), hit))
                    break

    def last_person(self, pos: int, gender: str = "") -> Mention | None:
        """The person last the subject before ``pos`` (not one known to be of the other gender)."""
        for m in reversed(self.subjects[-_LOOKBACK:]):
            if m.pos < pos and m.person and not (gender and self.gender.get(_key(m.ref), gender) != gender):
                return None if m.pos < self.unknown_at < pos else m
        return None

    # ----------------------------------------------------------------- resolve
    def resolve(self, np: str, pos: int, remember: bool = True) -> Ref | None:
        np = clean_np(np)
        if not np:
            return None
        ref, person = self._resolve(np, pos)
        if ref is not None and remember:
            self.subjects.append(Mention(pos, ref, np, person))
            g = gender_of(np, *(ref.evidence if isinstance(ref, NewActor) else ())) if person else ""
            if g:
                self.gender.setdefault(_key(ref), g)
        return ref

    def _resolve(self, np: str, pos: int) -> tuple[Ref | None, bool]:
        n = norm(np)
        if not n:  # punctuation only
            return None, False
        if n in ("he", "she", "him", "her", "they", "it", "we", "i", "you"):
            return self._pronoun(n, pos)
        m = _ATTRIBUTED.search(np) or _POSSESSIVE.match(np)
        if m:
            return self._resolve(m.groupdict().get("owner") or m.group("owner2"), pos)
        if both_allies(np):  # "The United States and South Korea announced": the two, not one of them
            return None, False
        m = _COORD.match(np)
        if m and not self.index.get(np):
            return self._resolve(m.group("first"), pos)
        special = self._special(np, n, pos)
        if special is not None:
            return special
        if len(np.split()) == 1 and np[:1].isupper() and (full := self._surname(np, pos)):
            return self._person(full, pos, full), True
        known = self._known(np, n, pos)
        if known is not None:
            return known
        words = n.split()
        if words and (words[0] in _ANON_DETERMINERS or words[0] in _ANON_HEADS) and _head(words) in _ANON_HEADS:
            return self._description(np, words, pos)  # "an aide to X", "officials close to X": not X
        name = person_name(np)
        if name:
            return self._person(name, pos, np), True
        if len(words) == 1 and np[:1].isupper() and n not in STOP and not np.isupper():
            later = self._surname_later(np, pos)
            if later:  # "Jeong said …" in a lede, "Jeong Eun-bo is Seoul's chief negotiator" after it
                return self._person(later, pos, later), True
            if n in self.index.ambiguous:  # "Jeong" never named in full: which of the dossier's Jeongs?
                return None, False
            if n in self.index.family:  # "Harris said", never named in full: the dossier's Harris
                return self.index.family[n], True
            if re.fullmatch(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[a-z]+)?", np):  # a family name alone ("…, Lee, said")
                full = misspelt(np, self.names[-_LOOKBACK:], pos) or np  # … or misspelt ("Harries")
                return self._person(full, pos, full), True
            return None, False
        return self._description(np, words, pos)

    def _special(self, np: str, n: str, pos: int) -> tuple[Ref | None, bool] | None:
        """Honorific + family name, "the <title>", "one of the <group>", "a spokesperson for <body>"."""
        m = HONORIFIC.match(np)
        if m:
            word = m.group("name")
            role = (m.group("role") or "").lower()
            full = self._titled(pos, role, word) or self._surname(word, pos)
            if full:
                return self._person(full, pos, full), True
            hit = self.index.get(word) or self.index.family.get(word.lower()) or self.index.titled(norm(np))
            if hit is None and word.lower() in self.index.ambiguous:
                return None, False  # "Minister Jeong", never named in full: which Jeong?
            return (hit, True) if hit else (self._person(word, pos, np), True)
        owner = issuer(np)
        if owner and not self.index.get(np):  # "a department statement said": the department
            hit = self.index.get(owner) or self.index.get("the " + owner)
            earlier = None if hit else self._definite("the " + norm(owner), pos)
            return (hit, False) if hit else earlier or (self._resolve(owner, pos) if owner[:1].isupper() else None)
        two = pair(n, self.subjects, pos)
        if two is not None:
            return two
        m = EPITHET.match(n)
        last = self.last_person(pos) if m else None  # "the veteran negotiator": the person just named
        if last is not None and pos - last.pos < _EPITHET_WINDOW:  # … else a description ("the former envoy")
            return last.ref, True
        expert = expert_of(self.index, self.subjects, n, pos)
        if expert is not None:  # "the expert said": the analyst or researcher just the subject
            return expert, True
        m = definite_role(n)
        if m and not self.index.get(np):  # "the president": the titled person the story follows, else last named
            role, mods = m.group("role"), m.group("mods").split()
            said = _role_subject(self.index, self.subjects, role, mods, pos)
            full = None if said else self._titled(pos, role, None, mods) or self._owned(pos, role, mods)
            return (said, True) if said else (self._person(full, pos, full), True) if full else None
        m = OWNED_ROLE.match(np)
        if m and not self.index.get(np):  # "South Korea's foreign minister said …", named a paragraph later
            full = self._owned(pos, m.group("role").lower(), m.group("mods").split())
            return (self._person(full, pos, full), True) if full else None
        if OF_THEM.match(n):  # "according to people familiar with the talks … one of them said": the group
            for s in reversed(self.subjects[-_LOOKBACK:]):
                if s.pos < pos:
                    group = isinstance(s.ref, NewActor) and s.ref.kind == "anonymous" and pos - s.pos < 400
                    return (s.ref, True) if group else (None, False)
            return None, False
        m = PARTITIVE.match(np)
        if m:
            return self._resolve("the " + m.group("rest"), pos)
        m = SPOKES_FOR.match(np)
        if m and not self.index.get(np):
            if own := spokesperson_of(self.index, m.group("owner")):
                return own, True
            if named := self._owned(pos, "spokesman", norm(m.group("owner")).split()[-1:]):  # "department spokesman X"
                return self._person(named, pos, named), True  # … named nearby (in a lede, a paragraph later)
            owner = self.index.get(m.group("owner"))
            if owner and self.index.actors[owner].kind == "institution":
                return owner, False
        return None

    def _owned(self, pos: int, role: str, mods: list[str]) -> str | None:
        """The one person near ``pos`` with this title, in the text or the named people's aliases."""
        ids = {aid for p, aid in self.mentions[-_LOOKBACK:] if abs(p - pos) <= 2500}
        people: list[Actor] = [a for a in (self.index.actors[i] for i in sorted(ids)) if a.kind == "person"]
        known = [(a.name, alias) for a in people for alias in a.aliases]
        return titled_near(self.body, self.names[-_LOOKBACK:], pos, role, mods, known)

    def _titled(self, pos: int, role: str, word: str | None, mods: list[str] | None = None) -> str | None:
        return titled(self.body, self.names[-_LOOKBACK:], pos, role, word, mods)

    def _pronoun(self, n: str, pos: int) -> tuple[Ref | None, bool]:
        if n == "they":  # a group named just before: "Some union members said …; "…," they said"
            for m in reversed(self.subjects[-_LOOKBACK:]):
                if m.pos < pos:
                    group = isinstance(m.ref, NewActor) and m.ref.kind == "anonymous" and m.surface.endswith("s")
                    return (m.ref, True) if group and pos - m.pos < 300 else (None, False)
            return None, False
        if n == "it":  # '…," it said': the body that spoke just before ("USFK said in a release")
            for m in reversed(self.subjects[-_LOOKBACK:]):
                if m.pos < pos:
                    return (m.ref, False) if _it_is(self.body, m, pos, self.outlet_at) else (None, False)
            return None, False
        if n not in ("he", "she", "him", "her"):
            return None, False
        g = "f" if n in ("she", "her") else "m"
        last = self.last_person(pos, g)
        if last is not None:
            self.gender.setdefault(_key(last.ref), g)
            return last.ref, True
        for p, full in reversed(self.names[-_LOOKBACK:]):  # no speaker yet: the last person named
            if p < pos:
                return (None, True) if p < self.unknown_at < pos else (self._person(full, pos, full), True)
        return None, True

    def _surname(self, word: str, pos: int) -> str | None:
        for p, full in reversed(self.names[-_LOOKBACK:]):  # a surname: the person named earlier
            if p < pos and word in full.split():
                return full
        return None

    def _surname_later(self, word: str, pos: int) -> str | None:
        """The one person named after ``pos`` with this family name (never named before it)."""
        found = {full for p, full in self.names[:_MAX_NAMES] if p > pos and word in full.split()}
        return found.pop() if len(found) == 1 else None

    def _known(self, np: str, n: str, pos: int) -> tuple[Ref | None, bool] | None:
        hit = self.index.get(np) or anonymous_alias(self.index, np)
        words = n.split()
        if hit:
            actor = self.index.actors[hit]
            if words[0] in ("the", "their", "its") and len(words) <= 3:
                earlier = self._definite(n, pos)
                if earlier is not None:
                    return earlier
                if len(words) <= 2 and not body_named(self.index, hit, self.mentions, pos):
                    return None, False  # "the official": a generic alias, and the article never named them
            return hit, actor.kind != "institution"
        if n in ("reports", "local reports", "local media"):  # "news reports" name no one country's press
            hit = self.index.get("media reports")
            return (hit, False) if hit else (None, False)
        if n in US_REFS:
            side = self.index.get("U.S. side")
            return (side if side else self._new("United States", "institution", np, [np])), False
        if words[0] in ("the", "their", "its") and len(words) <= 4 and not _PROPER_BODY.match(np):
            return self._definite(n, pos)  # … but "The People Power Party" is that party, not "the party" before
        return None

    def _description(self, np: str, words: list[str], pos: int) -> tuple[Ref | None, bool]:
        head = _head(words)
        plural_anon = head in _PLURAL_GROUPS or (
            head in _ANON_HEADS
            and words[0] in ("some", "many", "several", "two", "three", "four", "a few", "officials", "sources")
        )  # "officials" and "sources" read as "official" and "source": a bare "Officials in Seoul" is a group
        if head in _ANON_HEADS and words[0] == "the":  # "the official from the Foreign Ministry": named before
            earlier = self._definite(" ".join(words[: words.index(head) + 1] if head in words else words), pos)
            if earlier is not None:
                return earlier
        owned = head in _ANON_HEADS and words[0].endswith("'s") and head in words  # "Moon's aides"
        if head in _ANON_HEADS and words[0] in _ANON_DETERMINERS or plural_anon or owned:
            known = _same_anonymous(self.index, words)
            if known:
                return known, True
            later = expert_after(self.body, self.names, " ".join(words), pos)
            if later:  # "An expert pointed out, "…" Professor X … added": X
                return self._person(later, pos, later), True
            name = capital(re.sub(r"^(?:a|an|the|one|another)\s+", "", np, flags=re.I)) + " (anonymous)"
            return self._new(name, "anonymous", np, [np]), True
        if head in _INST_HEADS or any(w in _INST_HEADS for w in words[-2:]):
            known = _same_anonymous(self.index, words) if words[0] in ("a", "an") else None
            if known:
                return known, True
            name = _ACRONYM_AFTER.sub("", capital(np))  # "The National Press Club (NPC)": the acronym is an alias
            return self._new(name, "institution", np, [np]), False
        if np[:1].isupper() and re.fullmatch(r"[A-Z]{2,6}", np):  # an acronym: KCNA, NATO
            return self._new(np, "institution", np, [np]), False
        if head in _ROLE_HEADS and words[0] in ("the", "a", "an") and len(words) > 2:  # "the USFK chief of staff"
            name = capital(re.sub(r"^(?:a|an|the)\s+", "", np, flags=re.I))
            return self._new(name, "anonymous", np, [np]), True
        return None, False

    def _definite(self, n: str, pos: int) -> tuple[Ref | None, bool] | None:
        """ "the official", "their union", "the statement": who the article named before."""
        head = _SYNONYMS.get(n.split()[-1], n.split()[-1])
        if head in DOCUMENTS:  # "the statement said": whoever issued it
            if sender := sent_from(self.body[max(0, pos - 800) : pos], head):  # "a rebuke from X in a letter": X
                return self._resolve(sender, pos)
            if issuer_ref := _issued_by(self.body, self.subjects, head, pos):  # "X said in a statement": X
                return issuer_ref, False
            for m in reversed(self.subjects[-_LOOKBACK:]):
                if m.pos < pos:
                    return (m.ref, m.person) if pos - m.pos < 800 else None
            return None
        for m in reversed(self.subjects[-_LOOKBACK:]):
            if m.pos >= pos:
                continue
            words = [_SYNONYMS.get(w, w) for w in norm(m.surface).replace("'s", "").split()]
            if head in words and same_role(n, words, head):
                return m.ref, m.person
        alike = HEAD_ALIKE.get(head)
        if alike:
            for p, aid in reversed(self.mentions[-_LOOKBACK:]):
                actor = self.index.actors[aid]
                if p < pos and actor.kind != "person" and any(w in norm(x) for x in (actor.name, *actor.aliases)
                                                              for w in alike):  # fmt: skip
                    return aid, False
            for new in reversed(list(self.new.values())[-_LOOKBACK:]):
                if new.kind == "institution" and any(w in norm(new.name) for w in alike):
                    return new, False
        return None

    def _person(self, name: str, pos: int, surface: str) -> Ref | None:
        hit = self.index.get(name) or self.index.get(surface)
        if hit:
            return hit
        for p, full in reversed(self.names[-_LOOKBACK:]):
            if p < pos and full != name and name in full:
                hit = self.index.get(full)
                if hit:
                    return hit
        own = next((part for part in re.split(r",|\band\b", surface) if name in part), surface)  # "A and B"
        return self._new(name, "person", surface, [own, *self._described(name)])

    def _described(self, name: str) -> list[str]:
        at = self.first_at.get(name)
        return described(self.body, at) if at else []

    def _new(self, name: str, kind: str, surface: str, evidence: list[str]) -> NewActor | None:
        key = slug(re.sub(r"^(?:a|an|the)\s+|\s*\(anonymous\)$", "", name, flags=re.I))
        if key in self.index.actors:  # an id taken by a different actor of the corpus
            key = f"{key}-{kind}"
        actor = self.new.get(key)
        if actor is None:
            if len(self.new) >= _MAX_NEW:
                return None
            actor = self.new[key] = NewActor(key, name, kind)
        if surface not in actor.aliases:
            actor.aliases.append(surface)
            actor.evidence += [e for e in evidence if e]
        return actor


def _key(ref: Ref) -> str:
    return ref if isinstance(ref, str) else ref.id
