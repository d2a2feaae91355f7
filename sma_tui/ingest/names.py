"""Names: normalising, person names in noun phrases, titles and stop words."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")

TITLES = frozenset(
    "president secretary minister chief general gen. gen sen. sen senator rep. rep representative ambassador commander "
    "adm. admiral deputy vice prime spokesman spokeswoman spokesperson negotiator official dr. mr. mrs. ms. gov. "
    "dr mr mrs ms governor lt. col. colonel foreign defense defence state u.s. us south north korean american "
    "top senior former "
    "head director envoy lawmaker leader president-elect assistant under undersecretary professor prof. analyst fellow "
    "researcher retired army navy air marine lieutenant major maj. capt. captain sgt. sergeant mayor chairman "
    "chairwoman".split()
)
STOP = frozenset(
    "south north korea korean koreans united states america american washington seoul pyongyang japan tokyo china "
    "defense defence ministry minister department state foreign forces force agreement special measures measure "
    "secretary president general senator senate house white pentagon national assembly party committee relations news "
    "agency journal street wall times post command alliance office government republic chief deputy vice prime "
    "commander ambassador representative monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december camp peninsula asia pacific northeast the "
    "in however according when under previously last our we he she it this that but and for with from by los angeles "
    "yonhap reuters "
    "sputnik kcna usfk nato sma administration congress institute university center centre foundation council "
    "army navy air forces marine corps democratic republican people power liberty justice future herald daily "
    "kbs arirang voa nk stars stripes upi press associated afp bloomberg cnn abc nbc cbs fox east west asian affairs "
    "policy studies diplomatic academy democrat democrats republicans california hawaii virginia alaska texas york new "
    "subcommittee international strategic security global research economic peace unification school college "
    "professor fellow senior analyst director union employees workers embassy consulate joint chiefs staff "
    # words that open a sentence or a clause before a name ("Although Trump did not …"): never part of it
    "although though while because since after before unless whereas until despite meanwhile also yet even if as so "
    "then once still here there now today yesterday "
    # title-case headline verbs ("Trump Says Talks With South Korea Underway"): never part of a name
    "says said tells told urges calls wants asks warns seeks rejects agrees vows pledges slams demands mocks blasts "
    "threatens threatened claims insists praises criticizes criticises reiterates renews denies defends dismisses "
    "questions signals suggests presses pushes doubles hits "
    "armed services "
    # people in the plural ("Officials said", "Protesters chanted"): a group, never a person's name
    "officials analysts experts observers protesters students activists chairmen commanders lawmakers senators "
    "aides diplomats sources insiders residents "
    # quantifiers that open a sentence ("Some were holding placards …"): a part of a group, never a name
    "some many several others most few both all none each".split()
)
# a country or its capital as outlets name them: (the country, its side); one speaks only as the
# subject of a reporting clause (ingest.collective), never as a person called "Beijing"
_SOUTH, _NORTH = ("South Korea", "ROK"), ("North Korea", "other")
PLACES: dict[str, tuple[str, str]] = {
    "south korea": _SOUTH, "s. korea": _SOUTH, "seoul": _SOUTH, "the republic of korea": _SOUTH,
    "republic of korea": _SOUTH, "north korea": _NORTH, "n. korea": _NORTH, "pyongyang": _NORTH,
    "the dprk": _NORTH, "dprk": _NORTH, "the north": _NORTH, "china": ("China", "other"), "beijing": ("China", "other"),
    "japan": ("Japan", "other"), "tokyo": ("Japan", "other"), "russia": ("Russia", "other"),
    "moscow": ("Russia", "other"),
}  # fmt: skip
NAME_TOKEN = r"(?:[A-Z][a-z]+(?:-(?:[a-z]+|[A-Z][a-z]+))?|[A-Z][a-z]*[A-Z][a-z]+|O'[A-Z][a-z]+)"
PERSON = re.compile(rf"\b(?:(?:{NAME_TOKEN}\.?|[A-Z]\.)\s+){{0,4}}{NAME_TOKEN}(?:\s+[A-Z]\.)?(?:\s+{NAME_TOKEN})\b")
# the last word of a capitalised run that names an organisation or a document, not a person
_ORG_TAIL = frozenset(
    "agreement party institute institution university foundation forces command ministry department center centre "
    "union council committee act treaty agency office embassy corps times post herald daily news journal assembly "
    "school college academy studies association federation coalition group bank company corporation club report "
    "reports book study survey poll memo bill plan".split()
)
_OWNED_BODY = re.compile(r"\s+(?:administration|government|campaign|camp|era|cabinet|presidency|aides?|officials)\b")
_LEAD_INITIAL = re.compile(r"^(?:[A-Z]\.\s*)+(?=[A-Z][a-z])")  # "R. Clarke Cooper", "H.R. McMaster"
_INITIAL = re.compile(r"\s+[A-Z]\.(?=\s)")  # a middle initial: "Mark T. Esper" is Mark Esper
# a sentence's opening connective glued to the name after it: "Although Kim Min-su said …"
# … or a participle or preposition that opens it: "Addressing Trump's claim …", "Given Bolton's view …"
LEAD_CONNECTIVE = re.compile(
    r"^(?:Although|Though|While|Whereas|Because|Since|Unless|Once|After|Before|If|When|As|Given|Unlike|Amid"
    r"|(?!(?:Sterling|Channing|Manning|Browning|Fleming|Harding|Irving|Deming)\s)[A-Z][a-z]{3,}ing)\s+"
)


def norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'").strip(" ,.;:")).lower()


def capital(np: str) -> str:
    return np[:1].upper() + np[1:]


def strip_titles(name: str) -> str:
    """The name at the end of a capitalised run ("Defense Secretary Mark Esper" → "Mark Esper")."""
    words = _INITIAL.sub("", _LEAD_INITIAL.sub("", LEAD_CONNECTIVE.sub("", name))).split()
    while words and words[-1].lower() in STOP:
        words.pop()
    k = len(words)
    while k > 0 and words[k - 1].lower() not in TITLES and words[k - 1].lower().rstrip(".") not in STOP:
        if len(words) - k >= 3:
            break
        k -= 1
    return " ".join(words[k:])


def person_name(np: str) -> str | None:
    """The person's name in a noun phrase ("U.S. Defense Secretary Mark Esper" → "Mark Esper").

    A name that opens the phrase is the one, unless only title words separate it from the
    next ("Cheong Wa Dae spokesperson Kang Min-seok": the spokesperson)."""
    found = None
    lead: tuple[str, int] | None = None  # a name at the start of the phrase, and its end
    for m in PERSON.finditer(np):
        name = strip_titles(m.group())
        if " " not in name or any(w.lower() in STOP for w in name.split()):
            continue
        if m.group().split()[-1].lower() in _ORG_TAIL or _OWNED_BODY.match(np, m.end()):  # "Asan Institute",
            continue  # "the Joe Biden administration", "Walden aides": no one
        if lead is not None:
            owner = np.startswith(("'s ", "’s "), lead[1])  # "Walden's spokeswoman Ann Kerr": Kerr, not her owner
            between = np[lead[1] : m.start()].split()
            return name if owner or between and all(w.lower() in TITLES for w in between) else lead[0]
        found = name
        if m.start() == 0:
            lead = (name, m.end())
        elif np[: m.start()].strip().lower().rstrip(".") in TITLES:
            break
    return found


def misspelt(word: str, names: list[tuple[int, str]], pos: int) -> str | None:
    """The one person named in full before ``pos`` (``names``: (position, full name)) whose name
    has a word one letter off ``word``: a family name a page misspelt ("Harries" for Harris)."""
    found = {full for p, full in names if p < pos and any(_one_off(word, w) for w in full.split() if len(w) > 2)}
    return found.pop() if len(found) == 1 else None


def _one_off(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]
