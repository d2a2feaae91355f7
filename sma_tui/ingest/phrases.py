"""Noun phrases as a reporting clause gives them: trimmed of connectives and time words; the
word lists the resolver reads them with; and news outlets, which report speech but never speak in it."""

from __future__ import annotations

import re

from .clauses import strip_time_tail
from .names import STOP, person_name

_OUTLET = re.compile(
    r"^(?:the\s+)?(?:Yonhap|Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|Kyodo|Xinhua|UPI|"
    r"United Press International|KBS|MBC|SBS|JTBC|YTN|Arirang|VOA|Voice of America|NK News|NHK|CNN|Fox News|"
    r"Korea Herald|Korea Times|Korea JoongAng Daily|JoongAng Ilbo|Chosun Ilbo|Dong-A Ilbo|Hankyoreh|Stars and Stripes|"
    r"Wall Street Journal|Washington Post|New York Times|Politico|Axios|Defense News|Nikkei|Asahi|BBC|NPR|CBS|NBC|ABC"
    r"|MSNBC|Guardian|Financial Times|Global Times|CGTN|RFA|Radio Free Asia|Washington Times|Military Times"
    r"|Breaking Defense|Japan Times|South China Morning Post|SCMP|Al Jazeera|Asia Times|The Diplomat|Newsis|News1"
    r"|Hankook Ilbo|Kyunghyang|Maeil Business|Segye|Munhwa|Fox & Friends)\b"
    r"|\b(?:news agency|newspaper|daily|broadcaster|outlet|wire service|news channel|TV station|pool report)s?$"
    r"|\b(?:daily|newspaper|broadcaster)\s+(?:[A-Z][\w-]*\s*){1,3}$|\b(?:Ilbo|Shimbun)$",
    re.I,
)
_LEAD_TRIM = re.compile(
    r"^(?:(?:and|but|while|as|when|after|however|separately|meanwhile|also|then|for|later|earlier|last\s+week|on\s+\w+)\b,?\s*)+",
    re.I,
)


_RELAYED_BY = re.compile(r"\s+(?:quoted|cited|carried|relayed)\s+(?:by|in)\s.*$", re.S)


def is_outlet(np: str) -> bool:
    """Whether ``np`` is a news outlet ("a joint statement quoted by Yonhap" is the statement)."""
    return bool(_OUTLET.search(_RELAYED_BY.sub("", np.strip())))


def clean_np(np: str) -> str:
    prev = None
    while prev != np:
        prev = np
        np = np.strip(' ,;:—-\n\t"“”')
        np = _LEAD_TRIM.sub("", np).strip()
        np = strip_time_tail(np).strip()
    return np if len(np.split()) <= 12 else ""


SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "sources": "source", "officials": "official"}
_PREPS = frozenset(
    "in at of with from for on to who which involved familiar close speaking based travelling traveling accompanying "
    "working briefed".split()
)
_ANON_DROP = frozenset("a an the senior high-ranking top unnamed anonymous from of at".split())  # "an X official"
_ANON_SAME = {**SYNONYMS, "us": "u.s."}


def personal(np: str) -> bool:
    """Whether ``np`` names a person: a full name, or a lone family name."""
    np = np.strip()
    return bool(person_name(np)) or bool(re.fullmatch(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[a-z]+)?", np)) and (
        np.lower() not in STOP
    )


def head(words: list[str]) -> str:
    """The head noun: the last word before a trailing prepositional phrase."""
    for k, w in enumerate(words[1:], 1):
        if w in _PREPS:
            return SYNONYMS.get(words[k - 1], words[k - 1])
    return SYNONYMS.get(words[-1], words[-1])


def anon_key(words: list[str]) -> frozenset[str]:
    return frozenset(_ANON_SAME.get(w, w) for w in words if w not in _ANON_DROP)


# people who speak as a group without a determiner ("Lawmakers said", "chairmen of two committees wrote")
PLURAL_GROUPS = frozenset(
    "senators lawmakers negotiators analysts experts people chairmen commanders protesters activists students".split()
)

US_REFS = frozenset(
    ("us", "u.s.", "the us", "the u.s.", "washington", "the united states", "united states", "the american delegation",
     "american delegation", "the u.s. delegation", "u.s. delegation", "the us delegation", "the u.s. team",
     "u.s. team", "the american side")
)  # fmt: skip

# an honorific or title before a family name: "Mr. Jeong", "Ms. Han", "General Abrams", "Minister Jeong",
# also one held before: "former President Trump", "then-Secretary Esper"
HONORIFIC = re.compile(
    r"^(?:[Ff]ormer\s+|[Tt]hen-|[Ee]x-)?(?:(?P<abbr>Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Adm|Rep|Sen|Prof|Capt|Sgt)\.?|(?:(?:First\s+)?Vice|Deputy|Prime"
    r"|Foreign|Defense|Defence|Unification)?\s*(?P<role>General|Minister|Ambassador|Secretary"
    r"|Professor|Colonel|Admiral|Senator|Representative|Commander|Chairman|Envoy|Spokesman|Spokeswoman"
    r"|Mayor|Governor|Director|President))\s+"
    r"(?P<name>[A-Z][a-z]+(?:-[a-z]+)?)$"
)

PARTITIVE = re.compile(r"^(?:one|two|some|several|many|a few|both|each)\s+of\s+(?:the|those)\s+(?P<rest>.+)$", re.I)

SPOKES_FOR = re.compile(
    r"^(?:a|an|the)\s+(?:\w+\s+)?spokes(?:person|man|woman)\s+(?:for|of|at)\s+(?P<owner>.+)$", re.I
)

DOCUMENTS = frozenset(
    "statement release commentary letter report editorial notice message post tweet op-ed article column essay".split()
)

HEAD_ALIKE = {"command": ("command", "forces", "usfk"), "ministry": ("ministry",), "department": ("department",),
               "embassy": ("embassy",), "office": ("office", "house"), "union": ("union",)}  # fmt: skip

OF_THEM = re.compile(r"^(?:one|two|some|several|many|a few|both|each|neither)\s+of\s+them$")


_ALLY = (
    r"(?:the\s+)?(?:United\s+States|U\.S\.|US|America|Washington|South\s+Korea|Seoul|Korea|Republic\s+of\s+Korea"
    r"|ROK)"
)
_BOTH_ALLIES = re.compile(rf"{_ALLY}\s+and\s+{_ALLY}", re.IGNORECASE)


def both_allies(np: str) -> bool:
    """Whether ``np`` names the two allies together ("The United States and South Korea")."""
    return _BOTH_ALLIES.fullmatch(np.strip()) is not None


_FROM_IN = re.compile(
    r"\bfrom\s+(?P<np>[^,.;:\"“”]{3,100}?)\s+in\s+(?:a|an|its|their|his|her)\s+(?:joint\s+)?(?P<doc>\w+)"
)


def sent_from(text: str, document: str) -> str | None:
    """Who sent the ``document`` the last "… from X in a <document>" of ``text`` names ("a
    rebuke from the committee chairmen in a letter" → "the committee chairmen")."""
    found = None
    for m in _FROM_IN.finditer(text):
        found = m.group("np") if m.group("doc").lower() == document else None
    return found
