"""The side of a new speaker, from evidence in the text that describes them: titles,
employers and nationality words ("U.S. Assistant Secretary of State", "a retired U.S. Army
colonel", "a Democratic Party lawmaker", "an analyst at the Asan Institute").

Only the words that describe the speaker count (the noun phrase that names them and its
appositive), never the rest of the sentence; without evidence the side is ``unknown``.
"""

from __future__ import annotations

import re

_US = re.compile(
    r"(?<!\w)(?:U\.S\.|US|USA|American|Americans|Washington(?:-based|'s|’s)|Pentagon|State Department"
    r"|Department of State|Defense Department|Department of Defense|USFK|U\.S\. Forces Korea"
    r"|United States Forces Korea|Forces Korea"
    r"|White House|Congress(?:ional|man|woman)?|congressional|Senate|Senator|Sen\.|Republican|GOP"
    r"|INDOPACOM|Indo-Pacific Command|(?:House|Senate)\s+(?:Armed\s+Services|Foreign\s+Affairs|Foreign\s+Relations)"
    r"|C\.I\.A\.|CIA|Eighth Army|8th Army|Seventh Air Force|7th Air Force|Secretary of State"
    r"|Defense Secretary|Secretary of Defense|assistant secretary of state|Assistant Secretary of State"
    r"|U\.S\. Army|U\.S\. Navy|U\.S\. Air Force|U\.S\. Marine Corps|Hawaii|Virginia|California|Texas|Maryland"
    r"|Massachusetts|Alaska|New York|Trump|Biden|Obama|Washington,? D\.?C\.?|Capitol Hill"
    r"|\([DRI]-[A-Z][A-Za-z.]{1,14}\))(?!\w)"  # a member of Congress: "(D-Calif.)"
)
_ROK = re.compile(
    r"\b(?:South Korea(?:n|ns|'s|’s)?|S\. Korea(?:n|'s|’s)?|ROK|Seoul(?:'s|’s|-based)|Blue House|Cheong Wa Dae"
    r"|National Assembly|Democratic Party|People Power Party|PPP|Liberty Korea Party"
    r"|United Future Party|Justice Party|Bareunmirae Party|Bareun Party|Saenuri Party"
    r"|Minsaeng Party|Minjoo|Korea Institute for Defense Analyses"
    r"|KIDA|Korea National Diplomatic Academy|KNDA|Institute for National Security Strategy|INSS"
    r"|Korea Institute for National Unification|KINU|Korea Research Institute for National Strategy|Yonsei"
    r"|Korea University|Seoul National University|Kookmin University|Ewha|Hankuk University|Kyungnam University"
    r"|(?:Ministry|Minister) of (?:National Defen[cs]e|Foreign Affairs|Unification)"
    r"|(?:Vice\s+)?(?:Foreign|Defen[cs]e|Unification)"
    r"\s+(?:Minister|Ministry)|Moon Jae-in|Yoon Suk Yeol|(?<!North )(?<!N\. )Korean"
    r"|(?:a|the)\s+Seoul\s+(?:university|think\s+tank|institute|college|research\s+institute))(?!\w)",
    re.I,
)
_OTHER = re.compile(
    r"\b(?:North Korea(?:n|ns|'s|’s)?|N\. Korea(?:n|'s|’s)?|DPRK|KCNA|Pyongyang|China|Chinese|Beijing|Japan(?:ese)?"
    r"|Tokyo|Russia(?:n)?|Moscow|NATO|Germany|German|Philippines|Uriminzokkiri|Rodong Sinmun"
    r"|Uriminjokkiri|Maeari|Meari|Tongil Voice|Tongil Sinbo|DPRK Today|Minju Joson|Voice of Korea|Echo of Truth)(?!\w)"
)
# a third country where someone works or was born: a side only when neither ally is named
_ABROAD = re.compile(
    r"\b(?:Brit(?:ain|ish)|London|Australian?|Sydney|Canberra|Taiwan(?:ese)?|Taipei(?:-born)?|Shanghai|Hong Kong"
    r"|Singapore(?:an)?|India(?:n)?|New Delhi|France|French|Paris|Berlin|Brussels|European Union)(?!\w)"
)
# in these talks "the union" is the union of the Korean employees of U.S. Forces Korea
_KOREAN_UNION = re.compile(
    r"(?:USFK\s+)?Korean\s+(?:Employees|Workers)['’]?\s+Union"
    r"(?:\s+(?:of|at)\s+(?:the\s+)?(?:USFK|U\.S\. Forces Korea))?"
    r"|(?:[A-Z][\w.]*\s+){0,4}Employees['’]?\s+Union"  # "the U.S. Forces Korea Employees Union"
    r"(?:\s+(?:of|at)\s+(?:the\s+)?(?:USFK|U\.S\. Forces Korea))?"
    r"|\bunion['’]s\s+(?:leader|chief|head|(?:vice[- ])?president|secretary[- ]general|director|officials?"
    r"|spokes(?:man|woman|person)|members?)\b|\b(?:workers|employees)['’]\s+union\b"
    r"|\b(?:head|leader|chief|president|spokes(?:man|woman|person)|official|member)s?\s+(?:of|for|at)\s+the\s+"
    r"(?:\w+\s+)?union\b|\bheads\s+the\s+union\b|\bunion\s+(?:members?|officials?|leaders?|workers|spokes(?:man|woman|person)"
    r"|head|chief|president)\b",
    re.I,
)
# a field of study or a topic, not a side; think tanks and universities employ every nationality
_NEUTRAL = re.compile(
    r"North Korean Studies|U\.S\.?-(?:South\s+)?Korea\w*|(?:South\s+)?Korea-U\.S\.?\w*"
    r"|\b(?:oppos\w+|against|protest\w*|criticiz\w+|critical\s+of)\s+(?:the\s+)?(?:U\.S\.|US|American|Washington['’]s)"
    r"|\b(?:at|on|of)\s+(?:the\s+)?(?:U\.S\.|US|American)\s+(?:military\s+)?(?:bases?|installations?|camps?)\b"
    r"|\b(?:U\.S\.|US|American)\s+alliances?\b"
    r"|\b(?:employed\s+by|(?:has\s+)?worked\s+for|works\s+for)\s+(?:the\s+)?(?:U\.S\.\s+Forces\s+Korea|USFK"
    r"|(?:U\.S\.|US|American)\s+military)\b",
    re.I,
)
# an unnamed employer placed in a city: "a researcher at a state-run institute in Seoul", "a Washington
# think tank" (a named one, "CSIS in Washington", employs every nationality)
_PLACED = re.compile(
    r"\b(?:universit\w+|institute|think\s+tank|college|foundation|cent(?:er|re)|school|academy|coalition)\b"
    r"[^,.;:\"“”]{0,40}?(?:\s+in|\s+outside|\s+near|\s+(?:south|north|east|west)\s+of)\s+(?:(?P<rok>Seoul)|(?P<us>Washington))\b"
    r"|\b(?:a|the)\s+(?:(?P<us2>Washington)|(?P<rok2>Seoul))\s+(?:think\s+tank|institute|university|college|foundation"
    r"|(?:research\s+)?cent(?:er|re))\b"
)
# where someone works is weaker than what they are: "the American commander in South Korea" is American
_LOCATION = re.compile(r"\b(?:in|to|from|visiting)\s+(?:South\s+Korea|Seoul|Washington|the\s+United\s+States)\b")


# where an anonymous official or source sits says whose official it is
_SEATED = re.compile(r"\bin (?:(?P<rok>Seoul)|(?P<us>Washington))(?!\w)")


def side_from_evidence(*texts: str, seated: bool = False) -> str:
    """``US`` | ``ROK`` | ``other`` | ``unknown`` from the descriptions of one speaker
    (``seated``: an anonymous source, whose city counts: "an official in Seoul").

    Evidence for both the U.S. and South Korea ("an American professor at a Seoul
    university") is no evidence: ``unknown``."""
    us, rok, other = _count(texts, seated, located=True)
    if (us > 0) != (rok > 0) and not other:  # one side once a place of work is set aside
        return "US" if us else "ROK"
    us, rok, other = _count(texts, seated, located=False)
    abroad = sum(len(_ABROAD.findall(t)) for t in texts if t)
    if other and other >= max(us, rok) or (abroad and not us and not rok):
        return "other"
    if us and rok:
        return "unknown"
    if us:
        return "US"
    if rok:
        return "ROK"
    return "unknown"


def _count(texts: tuple[str, ...], seated: bool, located: bool) -> tuple[int, int, int]:
    """Evidence counts (U.S., ROK, other); ``located``: a bare place of work ("in Seoul") is set aside."""
    us = rok = other = 0
    for text in texts:
        if not text:
            continue
        text, unions = _KOREAN_UNION.subn(" ", _NEUTRAL.sub(" ", text))
        rok += unions
        for m in _PLACED.finditer(text):
            us, rok = us + bool(m.group("us") or m.group("us2")), rok + bool(m.group("rok") or m.group("rok2"))
        text = _PLACED.sub(" ", text)
        if located and not seated:
            text = _LOCATION.sub(" ", text)
        other += len(_OTHER.findall(text))
        us += len(_US.findall(text))
        rok += len(_ROK.findall(text))
        for m in _SEATED.finditer(text) if seated else ():
            us, rok = us + bool(m.group("us")), rok + bool(m.group("rok"))
    return us, rok, other
