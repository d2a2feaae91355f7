"""Titles: "the assistant secretary", "the general", "Minister Jeong" name the person last
introduced with that title (before the name, or in the appositive after it); a lesser title
("Vice President X") or a missing modifier ("the foreign secretary" after "Defense Secretary
X") names no one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .clauses import appositive_after, title_before
from .names import norm

# "the general", "the minister", "the assistant secretary", "the U.S. president": the person last
# named with that title; the modifiers must be in their title too
ROLE_DEFINITE = re.compile(
    r"^the (?P<mods>(?:[\w.'’-]+ ){0,3}?)(?P<role>general|minister|secretary|ambassador|commander|envoy|negotiator"
    r"|admiral|colonel|professor|senator|congressman|congresswoman|lawmaker|chargé|charge|analyst|researcher"
    r"|spokesman|spokeswoman|spokesperson|president|chairman|chairwoman|director|mayor|governor)$"
)
# "South Korea's foreign minister", "Seoul's top negotiator": a title owned by a country or body
OWNED_ROLE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+(?P<mods>(?:[a-z-]+\s+){0,3}?)(?P<role>minister|secretary"
    r"|ambassador|commander|envoy|negotiator|spokesman|spokeswoman|spokesperson|president|chief|director)$"
)
# "the 63-year-old diplomat", "the veteran negotiator": words that describe, not a title that restricts
EPITHET = re.compile(
    r"^the\s+(?:(?:\d{2}-year-old|veteran|seasoned|career|longtime|long-serving|soft-spoken|outspoken|burly|silver-haired"
    r"|bespectacled|former|retired|republican|democratic)\s+)+(?:[a-z-]+\s+)?(?:diplomat|negotiator|envoy|official"
    r"|general|commander|minister|secretary|ambassador|lawmaker|politician|analyst|professor|scholar|worker|employee"
    r"|activist|leader|man|woman|officer|head|chief|candidate|nominee)(?:\s+(?:of|at)\s+[^,;]{1,80})?$"
)
_GENERIC = frozenset(("top", "chief", "senior", "lead", "leading", "new", "current"))  # "top" = "chief" negotiator
_NEAR = 2500  # how far around a description its person is looked for
_LESSER = frozenset(("vice", "deputy", "assistant", "under", "former", "ex", "acting"))
_RANKS = {"gen": "general", "adm": "admiral", "col": "colonel", "amb": "ambassador", "sec": "secretary",
          "rep": "representative", "sen": "senator", "prof": "professor"}  # fmt: skip
_RANK = re.compile(r"\b(gen|adm|col|amb|sec|rep|sen|prof)\.")


def titled(
    body: str, names: Sequence[tuple[int, str]], pos: int, role: str, word: str | None, mods: list[str] | None = None
) -> str | None:
    """The person last named (before ``pos``; ``names`` in text order) with ``role`` in their
    title, ``word`` among their names and every one of ``mods`` in the title."""
    if not role:
        return None
    mods = [m for m in mods or () if m not in _GENERIC]  # "the top commander" = "commander X"
    for p, full in reversed(names):
        if p < pos and (word is None or word in full.split()):
            if has_title(title_of(body, p, full), role, mods):
                return full
    return None


_PLACE_TAIL = re.compile(r"\s+(?:in|of|for|at)\s+(?:the\s+)?[a-z.'’-]+(?:\s+[a-z.'’-]+){0,2}$")


def definite_role(n: str) -> re.Match[str] | None:
    """ "the general", also with a place after it: "the top U.S. commander in South Korea"."""
    return ROLE_DEFINITE.match(n) or ROLE_DEFINITE.match(_PLACE_TAIL.sub("", n[-200:]))


def titled_near(
    body: str, names: Sequence[tuple[int, str]], pos: int, role: str, mods: list[str], known: Sequence[tuple[str, str]]
) -> str | None:
    """The one person named within ``_NEAR`` of ``pos`` (before or after: a lede's "South Korea's
    foreign minister" is named a paragraph later) whose title has ``role`` and ``mods``, in
    the text or in one of their ``known`` (name, alias) pairs (the curated people the
    article mentions)."""
    mods = [m for m in mods if m not in _GENERIC]
    found = {full for p, full in names if abs(p - pos) <= _NEAR and has_title(title_of(body, p, full), role, mods)}
    found |= {name for name, alias in known if has_title(norm(alias), role, mods)}
    return found.pop() if len(found) == 1 else None


def has_title(title: str, role: str, mods: Sequence[str]) -> bool:
    """Whether the normalised ``title`` holds ``role`` (not a lesser one) and every one of ``mods``."""
    words = title.split()
    at = next((k for k, w in enumerate(words) if _role_key(w) == _role_key(role)), None)
    if at is None or any(m not in words for m in mods):
        return False
    return not (at > 0 and words[at - 1] in _LESSER and words[at - 1] not in mods)


def title_of(body: str, p: int, full: str) -> str:
    """The title words before the name first mentioned at ``p``, and its appositive (normalised)."""
    first, last = full.split()[0], full.split()[-1]
    title = norm(title_before(body[max(0, p - 100) : p]) + " " + body[p : p + 60])
    title = title.split(first.lower())[0]
    end = body.find(last, p, p + 120)
    after = appositive_after(body[end + len(last) : end + len(last) + 200]) if end >= 0 else ""
    return _RANK.sub(lambda r: _RANKS[r.group(1)], title + " " + norm(after))


_FEMALE = re.compile(r"\b(?:Ms|Mrs|Miss|Madam)\b|\b(?:spokes|congress|chair|business|country)woman\b|\bwoman\b", re.I)
_MALE = re.compile(r"\b(?:Mr|Sir)\b|\b(?:spokes|congress|chair|business|country)man\b", re.I)


def gender_of(*texts: str) -> str:
    """ "f" | "m" | "" from honorifics and gendered titles in the words that describe someone."""
    f = any(_FEMALE.search(t) for t in texts if t)
    m = any(_MALE.search(t) for t in texts if t)
    return "f" if f and not m else "m" if m and not f else ""


def same_role(n: str, words: list[str], head: str) -> bool:
    """Whether "the <mods> <head>" (``n``) can be the one described by ``words``: not a lesser
    title ("Vice President X" is not "the president"), and for a title every modifier is there
    ("the assistant secretary" is not "Defense Secretary X")."""
    k = words.index(head)
    mods = n.replace("'s", "").split()[1:-1]
    if k > 0 and words[k - 1] in _LESSER and words[k - 1] not in mods:
        return False
    return not ROLE_DEFINITE.match(n) or all(m in words for m in mods)


def _role_key(word: str) -> str:
    """A title word without its variants: spokes(wo)man/person, chargé, "secretary-general"."""
    word = word.strip(",.;:()'’")
    if word.startswith("spokes"):
        return "spokes"
    return "charge" if word.startswith("charg") else word.split("-")[0]
