"""Reporting clauses: the verbs of speech and the noun phrase that is their subject.

Every function looks at a bounded window of text (the words just before a verb, or just
after it), so that a sentence with many verbs costs time in proportion to its length.
"""

from __future__ import annotations

import re

from .names import NAME_TOKEN, PLACES, STOP, TITLES, person_name

VERBS = (
    "said|says|say|told|tells|added|adds|tweeted|wrote|writes|stated|noted|stressed|insisted|warned|confirmed|"
    "revealed|claimed|explained|replied|declared|argued|urged|criticized|criticised|described|announced|remarked|"
    "commented|emphasized|emphasised|acknowledged|admitted|complained|posted|reported|called|read|pledged|vowed|"
    r"answered|asked|pointed\s+out(?=[,:]\s*[\"“])|continued|recalled|predicted|suggested|observed|lamented|cautioned|maintained|contended|"
    "describe|describes|insist|insists|argue|argues|warn|warns|admits|concede|concedes|conceded|relayed|conveyed|"
    r"went\s+on|goes\s+on|mentioned|accused|accuses|emphasizes|emphasises|stresses|notes|urges|vows|pledges|"
    "declares|claims|criticizes|criticises|denounced|denounces|condemned|condemns|shouted|chanted|yelled|"
    "asserted|asserts|reiterated|reiterates|retorted|countered|boasted|quipped|joked|questioned"
)
PARTICIPLES = (
    "saying|adding|noting|insisting|calling|accusing|arguing|warning|stressing|describing|claiming|urging|"
    "telling|explaining|shouting|chanting|emphasizing|emphasising|reiterating|asserting|alleging"
)
# "calls" reports a person's own word ('Trump calls the formula "…"'; only a person: see attribution);
# not in VERBS, so that 'Ruling party calls the deal "…"' gives its sentence no subject either
REPORTING = re.compile(
    rf"\b(?:(?P<fin>{VERBS}|calls)|(?P<part>(?i:{PARTICIPLES}))|(?P<acc>[Aa]ccording to|in the words of))\b"
)
_FINITE = re.compile(
    rf"\b(?:{VERBS}|has|have|had|is|are|was|were|will|would|released|walked|welcomed|met|pressed|went|voiced|"
    r"expressed|made|held|sent|hoped|believes|believed|thinks|thought|expects|expected|wants|wanted|sees|saw|"
    r"took|takes|struck|sounded|showed|shows|raised|raises|urged|dismissed|rejected|defended|signaled|signalled|did|does|put|"
    r"puts|summed|offered|gave|gives|could\s+not|cannot|declined|refused|did\s+not)\b"
)
INVERTED = re.compile(
    r"\s+(?P<np>(?:[A-Z]|an? |the |one |another |two |three |several |some )[^,.;\"“”]{1,80}?)"
    r"(?=,|\.|;|$| in | on | at | during | to | under )"  # "said the union under the federation": the union
)
ACCORDING = re.compile(r"\s+(?P<np>(?:U\.S\.|U\.N\.|U\.K\.|[^,.;\"“”]){1,80}?)(?=,|\.|;|$| who | which |\s+[—–])")
DESCRIPTORS = frozenset(
    "official officials source sources spokesperson spokesman spokeswoman aide aides diplomat diplomats lawmaker "
    "lawmakers senators negotiators ministry department office agency government committee union embassy command "
    "media reports report team delegation side party council administration newspaper house pentagon "
    "the a an his her its their senior top high-ranking unnamed anonymous presidential foreign defense defence state "
    "military news earlier commentary statement chief negotiator minister secretary president commander head "
    "national security adviser official's analyst analysts expert experts observers outlet state-run union members "
    "workers employees residents protesters some several many general admiral colonel ambassador envoy professor "
    "researcher assistant deputy vice former retired acting chairman chairwoman director mayor governor leader "
    "counterpart editorial headline column candidate nominee senator congressman congresswoman".split()
)
_TIME_TAIL = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\s+(?:last|this|earlier|later)"
    r"\s+(?:week|month|year|today)|\s+(?:also|later|reportedly|repeatedly|earlier|then|still|again|separately|has|had"
    r"|have|previously|once|further|had\s+also|has\s+also|in\s+a\s+\w+(?:\s+\w+)?|on\s+\w+\s+\d+|today|yesterday"
    r"|recently|publicly|privately|bluntly|flatly|simply|only|even|however|too|herself|himself"
    r"|(?!(?:family|ally|assembly|supply|rally|anomaly|monopoly|july|italy|reply|belly)\b)[a-z]{2,}ly))$"
)
_TAIL_WINDOW = 60
WINDOW = 240  # how far before a verb its subject may start


def strip_time_tail(text: str) -> str:
    """``text`` without a trailing "on Monday" / "also" / "in a statement" (looks at its tail only)."""
    while True:
        head, tail = text[:-_TAIL_WINDOW], text[-_TAIL_WINDOW:]
        cut = _TIME_TAIL.sub("", tail)
        if cut == tail:
            return text
        text = head + cut


_PARTITIVE_NP = re.compile(r"(?:One|Two|Some|Several|Many|Both|Each|one|two|some|several|many|both|each)\s+of\s+"
                           r"(?:the|those)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}")


_ASIDE = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|in turn|in contrast|by contrast|for (?:his|her|their|its) part)\s*,$",
    re.I,
)
_SOURCE_WITH_TAIL = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]everal)\s+(?:[\w.'’-]+\s+){0,4}?(?:officials?|sources?|aides?|diplomats?"
    r"|negotiators?|spokes(?:man|woman|person))\s+(?:travelling|traveling|accompanying|familiar|involved|close|briefed"
    r"|speaking|working|based)\b[^,;]*$"
)

_ANONYMITY_TAIL = re.compile(
    r"\s+(?:who\s+(?:asked|requested|spoke|declined|wished|wanted|preferred)\s+(?:not\s+to\s+be|on|to\s+be"
    r"|to\s+remain|anonymity)\b[^,;]*"
    r"|(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity)$"
)


# a verb whose subject is "who"/"which" right after a name: the name ("…, who during his term accused")
_RELATIVE_SUBJECT = re.compile(
    r"(?P<ante>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+),\s+(?:who|which)(?:\s+(?:during|in|at|on|after|before)"
    r"\s+[^,;\"“”]{1,40}?|\s+(?:also|later|then|had|has|have|once|previously|repeatedly))?$"
)


# people listed as one subject: "Blinken, Austin and their counterparts", "Kim, Lee and Park"
LISTED = re.compile(
    r"(?P<first>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},\s+){0,2}"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},?\s+and\s+(?:(?:their|his|her|its|the)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
    r"[\w'’-]+$"
)


# a verb in a clause after the main one: "…, made the remarks after Y noted" (no comma between)
_SUBORDINATE_VERB = re.compile(r"\s(?:after|before|when|while|since|because|as|until|once)\s[^,;\"“”]{1,120}$")


def subordinate(masked: str, end: int) -> bool:
    """Whether the verb at ``masked[end]`` is in a clause after "after"/"when"/… that follows the main one."""
    return _SUBORDINATE_VERB.search(masked, max(0, end - 200), end) is not None


_COORDINATORS = frozenset(("and", "but", "or", "then", "yet"))


def subject_before(seg: str) -> str | None:
    """The subject noun phrase of a verb whose preceding text (in its sentence) is ``seg``."""
    seg = seg[-WINDOW:].rstrip()
    # "X, a cook who asked that only his family name be used, said": that "that" is inside the appositive
    that = seg.rfind(" that ") if not (seg.endswith(",") and re.match(r"[A-Z][\w'’-]*,", seg)) else -1
    typed = max(seg.rfind("’’"), seg.rfind("''"))  # a typewriter closing double mark
    cut = max(seg.rfind("”"), seg.rfind('"'), seg.rfind(";"), seg.rfind(" — "), that, typed + 1 if typed >= 0 else -1)
    if cut >= 0:
        quoted = seg[cut] in "”\"'’"
        seg = seg[cut + 1 :]
        if seg.startswith("hat "):
            seg = seg[4:]
        if quoted:  # '..." the commentary attributed to Pompeo and Esper read'
            tail = strip_time_tail(seg.strip(" ,")).strip()
            if tail and len(tail.split()) <= 10 and "," not in tail and tail.split()[0] not in _COORDINATORS:
                return tail  # … but '"…" and later said': the verb shares the sentence's subject
    seg = strip_time_tail(seg.rstrip()).rstrip()
    rel = _RELATIVE_SUBJECT.search(seg)
    if rel:  # "…by Donald Trump, who during his presidency accused": the relative's antecedent
        return _trailing_np(rel.group("ante"))
    seg = _ASIDE.sub("", seg)  # "Moon's aides, however, said": the aside is no part of the subject
    listed = LISTED.search(seg)  # "Blinken, Austin and their counterparts said": the list (ingest.collective)
    if listed and (person_name(listed.group("first")) or _single_name(listed.group("first"))):
        return listed.group()
    if seg.endswith(","):  # "X, appositive, said" or "appositive, X, said"
        return _appositive_subject(seg[:-1])
    part = seg.rsplit(",", 1)[-1].strip()
    if _PARTITIVE_NP.fullmatch(part):  # "One of the staff members"
        return part
    part = _ANONYMITY_TAIL.sub("", part)  # "A ministry official who asked not to be named said"
    tailed = _SOURCE_WITH_TAIL.search(part)
    if tailed:  # "A U.S. official travelling with Esper": the official, not Esper
        return tailed.group()
    m = re.match(rf"(?:[A-Za-z][\w.']*\s+){{0,4}}?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,2}}(?=\s+of\b)", part)
    if m and person_name(m.group()):
        return m.group()  # "Rep. Kim Jong-dae of the ... Party", "Opposition lawmaker Yoo Jin-seok of the … Party"
    return _trailing_np(part)


_VAGUE = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?:second|third|fourth|fifth)\s+)?(?:person|source|official)")


def _appositive_subject(seg: str) -> str | None:
    """ "X, appositive, said" or "appositive, X, said": the part that names a person, if any."""
    parts = [p.strip() for p in seg.split(",")][-4:]
    if len(parts) < 2:
        return parts[-1]
    head, app = parts[-2], parts[-1]
    if re.match(r"(?:who|which|whose|speaking|citing|asked|when|while|in|at|after)\b", app):
        return head
    if _VAGUE.fullmatch(head) and re.match(r"(?:a|an)\s+[a-z]", app):
        return app  # "A third person, a congressional aide briefed on the talks, said": the aide
    if re.match(r"(?:a|an|the)\s+[a-z]|[a-z]", app) and person_name(head) and not _VAGUE.fullmatch(head):
        # "Kim Han-gyu, a retired colonel who teaches at Kyung Hee University, said"; "Chung Eui-yong,
        # national security adviser to President Moon Jae-in, told": the name the description follows
        return head
    if person_name(app) or _single_name(app):
        return app
    if re.match(r"(?:[Tt]heir|[Ii]ts|[Tt]he)\s+[a-z]", head) and re.match(r"(?:the\s+)?[A-Z]", app):
        return app  # "Their union, the USFK Korean Employees' Union, said"
    for part in reversed(parts[:-1]):
        if person_name(part):
            return part
    return head


def _single_name(text: str) -> bool:
    """A lone capitalised word that can be a family name ("…, gave only his family name, Lee")."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", text)) and text.lower() not in STOP


_PREPOSITIONS = frozenset(("in", "at", "of", "for", "from", "with", "to"))


def _trailing_np(text: str) -> str | None:
    words = text.split()[-14:]
    if words and words[-1].lower() in ("he", "she", "they", "it", "we", "i"):
        return words[-1]
    run: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        bare = w.strip("()").lower()
        if w.lstrip("(")[:1].isupper() or bare in DESCRIPTORS:
            run.append(w)
        elif bare in _PREPOSITIONS and run and k > 0 and words[k - 1].strip("()").lower() in DESCRIPTORS:
            run.append(w)  # "a government source in Seoul", "an aide to Ann Kerr"
        elif bare in ("to", "with") and run and k > 1 and words[k - 1] in ("close", "familiar", "loyal"):
            run.append(w)  # "officials close to Tom Walden": the officials (the descriptor comes next)
        elif bare in ("close", "familiar", "loyal") and run and run[-1] in ("to", "with"):
            run.append(w)
        elif bare in ("and", "of") and run and k > 0 and words[k - 1][:1].isupper() and (
            run[-1][:1].isupper() or (bare == "and" and run[-1] == "the" and len(run) > 1)
        ):
            run.append(w)  # "Mike Pompeo and Mark Esper", "the Bureau of …", "The State Department and the ministry"
        else:
            break
    run.reverse()
    while run and run[-1].lower() in ("the", "a", "an"):
        run.pop()
    return " ".join(run) or None


_PAST = re.compile(
    r"\b(?:[a-z]{3,}ed|spoke|led|flew|met|went|came|left|sat|stood|began|brought|kept|ran|won|lost|chose|drew|fought"
    r"|sought|rose|fell|grew|knew|paid|sent|spent|swore|threw|understood|withdrew|took|gave|made|held|saw|struck)\b"
)
_LEAD_PRONOUN = re.compile(r"\s*(?P<p>He|She|They)\b")


# a sentence that opens with a subordinate clause: its subject is the main clause's, after the comma
_SUBORDINATE = re.compile(
    r"(?:Although|Though|Even though|While|Whereas|Because|Since|Unless|Until|Once|If)\s[^,;\"“”]{1,160},\s*"
)


def sentence_subject(sentence: str) -> str | None:
    """The noun phrase a sentence opens with (before its first verb; any past tense when no
    known verb comes first: "He also pointed out that …"). "Although X did …, Y said": Y."""
    sub = _SUBORDINATE.match(sentence)
    if sub:
        sentence = sentence[sub.end() :]
    m = _FINITE.search(sentence, 0, WINDOW)
    past = _PAST.search(sentence, 0, m.start() if m else WINDOW)
    if past and (m is None or _names_subject(sentence[: past.start()])):
        m = past  # "Jeong Eun-bo promised … a deal that is "…"": the verb right after the name
    if m:
        return subject_before(sentence[: m.start()])
    p = _LEAD_PRONOUN.match(sentence)
    return p.group("p") if p else None


_PLACE_SUBJECT = re.compile(
    r"(?:^|[,;:]\s+)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in PLACES) + r")$", re.I
)
_TITLED_DEFINITE = re.compile(r"The\s+(?:Vice\s+|Deputy\s+|Prime\s+)?[A-Z][\w’'.-]+")


_PLURAL = re.compile(r"[^siu]s$")  # "Crowds", "Officials" open a sentence: a group, not a family name (Harris is)


def _names_subject(seg: str) -> bool:
    """Whether ``seg`` (the words before a verb) ends with a person's name or is a pronoun."""
    seg = strip_time_tail(seg.strip())  # "Jin also challenged", "Trump unexpectedly implied"
    if seg.endswith(",") and seg.count(",") >= 2:  # "Kim Min-su, an envoy at …, returned …": the name
        np = _appositive_subject(seg[:-1])
        return np is not None and person_name(np) == np
    seg = re.sub(r"^(?:But|And|Yet|So)\s+", "", seg)
    if seg in ("He", "She", "They") or _TITLED_DEFINITE.fullmatch(seg):
        return True  # "The Chargé thanked … and described …": the title the readout uses for its person
    alone = re.search(r"(?:^|,\s*)(?P<w>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[a-z]+)?)$", seg)
    plural = alone and alone.start() == 0 and _PLURAL.search(alone.group("w"))  # "Protesters gathered"
    if alone and alone.group("w").lower() not in STOP and not plural:  # "In last week's address, Trump renewed …"
        return True
    if _PLACE_SUBJECT.search(seg[-40:]):  # "On Thursday, Pyongyang condemned …, saying": the country
        return True
    name = person_name(seg[-80:])
    return bool(name) and seg.endswith(name)  # type: ignore[arg-type]


_APPOSITIVE_END = re.compile(
    r"(?<![A-Z])\.(?:\s|$)|[;\"“”]|,\s*(?:said|says|told|added|noted|argued|warned|wrote|and)\b"
    r"|,\s*(?:[a-z]+ed|made|gave|spoke|met|held|took|sent|led|went)\b|\s(?:said|says|told|called|welcomed|agreed|saw)\s"
    r"|,(?=(?:[^,;.\"“”]|(?<=[A-Z])\.){1,60}[\"“])"  # "According to X, a professor …, the U.S. side "…"": the clause
)
_TITLE_WORDS = frozenset(
    "spokeswoman spokesman spokesperson official officials negotiator envoy ambassador colonel general professor "
    "lawmaker leader head chief secretary minister deputy assistant senior former retired top of the for at and "
    "affairs state defense defence foreign army union president director fellow researcher commander analyst expert "
    "acting vice charge d'affaires adviser advisor a an representative lieutenant officer navy air force department "
    "ministry".split()
) - frozenset(("and",))  # "X and Y": stop at the other person


# an appositive says what someone is ("a senior fellow at …", "head of the union", "who heads the
# union"), not what happened to them ("agitated by …", "who was furloughed by USFK")
_APPOSITIVE_START = re.compile(
    r"\s*,\s*(?=[a-z]|(?:A|An|The)\s|(?:[A-Z][\w.&'’-]*\s+){0,3}(?i:chief|commander|director|secretary|minister"
    r"|ambassador|spokes(?:person|man|woman)|chairman|deputy|head|negotiator|envoy)\b)(?!(?:said|says|told|added|speaking|asked|when|while|who(?!\s+(?:heads?|headed|leads?|led|represents|represented"
    r"|chairs?|works?|worked|served|serves|commanded|commands|advises|advised|teaches|taught|belongs|is\s+an?"
    r"|was\s+an?|is\s+the|was\s+the)\b)|which|whose|[a-z]+ed|[a-z]+ing)\b)"
)


def appositive_after(text: str) -> str:
    """The appositive right after a name: ``", a senior fellow at the Asan Institute,"``."""
    m = _APPOSITIVE_START.match(text)
    if m:
        end = _APPOSITIVE_END.search(text, m.end())
        return text[m.end() : end.start() if end else len(text)]
    m = re.match(r"\s*\((?P<app>[^()]{1,80})\)", text)  # "Kim (D-Calif.)", "Lee (Democratic Party)"
    if m:
        return m.group("app")
    m = re.match(r"\s+(?P<app>of\s+the\s+[^,.;\"“”]{1,80})", text)  # "Rep. Kim of the ruling Democratic Party"
    return m.group("app") if m else ""


_TITLE_ABBREVIATIONS = frozenset(("U.S.", "Gen.", "Col.", "Lt.", "Rep.", "Sen.", "a.i."))
_TITLE_PARTICLE = re.compile(r"a\.i\.|ad|interim|d['’][A-Z]\w+")  # "Chargé d'Affaires a.i."


def title_before(text: str) -> str:
    """The title words right before a name: "State Department spokeswoman", "a retired U.S. Army colonel"."""
    words = text.split()[-10:]
    if words and words[-1].endswith(",") and words[-1].rstrip(",").lower() in _TITLE_WORDS:
        words[-1] = words[-1].rstrip(",")  # "a U.S. military spokesman, Col. Lee Peters"
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower().strip(",") in _TITLE_WORDS
                     or _TITLE_PARTICLE.fullmatch(words[k - 1])):  # fmt: skip
        if words[k - 1].endswith((",", ".")) and words[k - 1] not in _TITLE_ABBREVIATIONS:
            break
        k -= 1
    return " ".join(words[k:])


# the subject after the verb ("…," said Rep. Oh Min-seok, who …")
_DOTTED = re.compile(r"\.(?:[a-z]\.)+")  # the rest of "a.i.", "e.g."
_ABBREVIATION = re.compile(r"(?:^|\s)(?:Rep|Sen|Gen|Lt|Col|Adm|Maj|Capt|Sgt|Dr|Mr|Mrs|Ms|Gov|Prof|U\.S|St|Jr|[A-Z])$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NP_REST = re.compile(r"[^,.;\"“”]{1,80}?(?=,|\.|;|$| in | on | at | during | to )")
_RELATIVE = re.compile(r"\s+(?:who|which|whose)\s")
_NAMED_AFTER = re.compile(r",\s+(?P<name>(?:[A-Z][\w'’-]*\.?\s+){1,4}[A-Z][\w'’-]*)(?=,|\.|$)")


def inverted_subject(masked: str, at: int) -> str | None:
    """The subject after the verb: '…," said Rep. Oh Min-seok, who …'."""
    np = ""
    for _ in range(4):
        inv = INVERTED.match(masked, at)
        if not inv:
            break
        np += masked[at : inv.end()]
        at = inv.end()
        dotted = _DOTTED.match(masked, at) if re.search(r"\s[a-z]$", np) else None
        if dotted:  # "Chargé d'Affaires a.i. Robert Rapson"
            np, at = np + dotted.group(), dotted.end()
            continue
        if not (masked.startswith(".", at) and _ABBREVIATION.search(np)):
            break
        np += "."
        at += 1
        more = _INITIALS.match(masked, at)  # "one former U.S. official"
        if more:
            rest = _NP_REST.match(masked, more.end())
            np, at = np + more.group() + (rest.group() if rest else ""), rest.end() if rest else more.end()
    np = _RELATIVE.split(np, 1)[0]  # "one former U.S. official who asked not to be named"
    return named_after(masked, at, np) or np.strip() or None


def named_after(masked: str, at: int, np: str) -> str | None:
    """The name in an appositive after a description: "said the man, Choi Dong-hoon, 58",
    "according to foreign ministry spokesman, Anders Berg"."""
    words = np.split()
    described = re.match(r"\s*(?:the|a|an)\s+[a-z]", np) or (
        words and words[-1].lower() in TITLES and not person_name(np)
    )
    named = _NAMED_AFTER.match(masked, at) if described else None
    return named.group("name") if named and person_name(named.group("name")) else None
