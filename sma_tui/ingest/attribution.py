"""Who said each quotation, and how we know (``explicit`` | ``pronoun`` | ``context`` | ``unknown``).

Per sentence: the reporting clauses (a verb of speech and its subject, "according to X", "said X, a senior fellow at
…"). Per quotation, in order: a clause right after it ('…," he said'), a clause before it in its sentence ('X told
reporters that "…"'), the subject of its sentence when the quotation is woven in ('X voiced confidence that with
"patient work," …'), and the speaker stack: a quotation paragraph without a clause continues the speaker of the
paragraph before, unless a narrative sentence right before it introduced someone else ('Y, a fellow at …, said that
…'), whose paraphrase a woven-in quotation in the next sentence also continues. "According to <outlet>" names where
it was reported, never who spoke. Words woven into what X said are X's even when a trailing clause names who relays
them; a clause whose subject is a person we cannot tell ("Jeong", when the dossier has two) gives no speaker rather
than the one before it; a lead ending in a colon, a pull quote signed after a dash and a broadcast "[Sound bite: X]"
name the quotation after them. When nothing fits, no name: a wrong name is worse than none."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from .clauses import (
    ACCORDING,
    REPORTING,
    WINDOW,
    inverted_subject,
    named_after,
    sentence_subject,
    subject_before,
    subordinate,
)
from .collective import lead_document, speaker_ref, yield_to_people
from .gazetteer import Ref
from .names import person_name
from .posts import posted_by
from .quotes import QuoteSpan
from .resolver import Resolver, clean_np, is_outlet, personal
from .signatures import name_label, signed_below

_REQUEST = re.compile(
    r"(?P<np>(?:the\s+)?(?:U\.S\.|US|American|Washington|[A-Z][\w.]+))['’]?s?\s+(?:request|demand|call|appeal)s?\s+for\s*$"
)
_POSS_REF = re.compile(
    r"(?P<np>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)['’]s\s+(?:reference to|use of|call for|remarks? about)"
    r"\s+(?:an?\s+|the\s+)?$"
    r"|(?P<np2>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)['’]s\s+(?:message|point|answer|reply|response|verdict|view|position"
    r"|argument|warning)\s+(?:was|is)\b[^\"“”:]{0,40}:\s*$"  # "DeHart's message was clear: "…""
    r"|\b(?P<his>[Hh]is|[Hh]er)\s+(?:own\s+)?(?:words,|reference\s+to|use\s+of|call\s+for|remarks?\s+(?:about|on))"
    r"\s+(?:an?\s+|the\s+)?$"  # "In his words, "…"", "His remarks about "…"": the person just the subject
    r"|(?P<np3>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)['’]s\s+(?:claims?|assertion|insistence|suggestion|complaint)\s+that"
    r"\s[^\"“”,;]{0,80}$"  # "Walden's claim that Korea is "a very rich country"": his words
)
_CONNECTOR = re.compile(r"^[\"”]?\s*,?\s*(?:while|but|and|as|when|although|whereas|after|before)\b")
# '…" when Bolton visited, the official said': the clause after a comma is the quotation's own
_COMMA_SUBJECT = re.compile(r",\s*(?:the|a|an|[A-Z])[^,;]{0,60}$")
_OPEN_MARK = re.compile(r"[\"“]")
_QUOTED_AS = re.compile(r"\b(?:quot|cit)(?:ed|ing|es)\s+(?!by\s)(?P<np>[^;\"“”]{2,160}?)\s+as\s+$")
_OWN_SUBJECT = re.compile(
    r"(?:\b(?:and|with|while|as)\s+)(?P<np>(?:the|a|an|[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,5}?)\s+$"
)
_WAS_QUOTED = re.compile(  # "Jeong was quoted (by Yonhap) as saying"
    r"\s(?:was|were|is|are)\s+(?:also\s+)?(?:quoted|cited)(?:\s+by\s+[^,;\"“”]{2,80}?)?\s+as\s+$"
)
_LEADING_NAME = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|the|for|and)\s+){0,8}?")
_RELAYED = re.compile(
    r"\s+(?P<np>[^,.;\"“”]{2,60}?)['’]s\s+(?:remarks|message|comments|words|position|views?|concerns?)\b"
)
_PRONOUNS = frozenset(("he", "she", "they", "it"))
_RELAYER = re.compile(r"(?:[A-Z][\w.'’&-]*\s*){1,4}(?<!['’]s)")  # "Washington's reported demand": no relay
_NEXT_CLAUSE = re.compile(r"\s(?:while|whereas)\s+(?=(?:the\s+)?[A-Z])")  # its own subject
_LEAD_CLAUSE = re.compile(r"\s*(?:When|After|As|While|Whereas|Although|Though|Because|Since|If|Before|Once)\s")
_WHO_VERB = re.compile(r"\s(?:who|which)\s+(?:had\s+|has\s+|also\s+|later\s+)?$")  # a relative's own verb
_BY_DOING = re.compile(r"[\"”’]\s*,?\s*(?:by|while|before|after|without)\s+$")  # the main clause's subject does it
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:called|described|dubbed|labell?ed|branded|hailed|termed)"
                      r"\s+(?:as\s+)?[\"“‘']?$")
_BY_AGENT = re.compile(r"[\"”’']?\s*,?\s*by\s+(?P<np>(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*)")
_BY_AS = re.compile(r"\bby\s+(?P<np>(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*)\s+as\s+[\"“‘']?$")
_MAX_CUES = 40  # reporting clauses read per sentence
_MAX_ARTICLE_CUES = 3000  # … and per article
_TRAIL = 160  # a reporting clause this close after a quotation's end can be its own
_BITE_LABEL = re.compile(r"\[\s*Sound\s*-?\s*bites?\s*:\s*(?P<np>[^\[\]\n]{2,120})\]\s*$", re.I)
_MAIN_CLAUSE = re.compile(r",[\"”]?\s+(?=(?:[A-Z]|the\s|a\s|an\s)[^\"“”]{0,200}$)")
_SPEECH = re.compile(r"(?:said|says|told|tells|wrote|writes)\b")
_INTRODUCES = re.compile(r"(?:said|says|added|asked|replied|(?:told|tells)(?:\s+\w+)?)\s*[,:]\s*")  # before the mark
_FOR_VIEW = re.compile(r"\s*For\s+(?P<np>[A-Z][^,;\"“”]{2,60}),")
# a person's own phrase, named with a possessive right before it: 'broach Trump's "new method"'
_OWN_WORDS = re.compile(r"(?<![\w.'’-])(?P<np>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)['’]s\s+(?:own\s+)?$")
_SENTENCE_TAIL = re.compile(r"(?:said|says|added|noted|stated)\b[^,;\"“”]{0,40}[.!]?\s*$")  # the verb ends it
_CITING = re.compile(
    r"[^,.;\"“”]{0,40},\s+citing\s+(?P<np>(?:U\.S\.|U\.N\.|[^,.;\"“”]){2,80}?)(?=,|\.|;|$|\s+as\s|\s+in\s|\s+on\s)"
)


@dataclass(slots=True)
class Cue:
    """A reporting clause: where its verb is, who its subject names, how."""

    pos: int
    ref: Ref | None
    kind: str  # fin | part | acc
    how: str  # explicit | pronoun
    named: bool = False  # a subject was written, whether or not it resolved
    unsure: bool = False  # … a person's name we could not tell ("Jeong", the dossier having two)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    masked: str  # the sentence with its quotations blanked
    cues: list[Cue]
    positions: list[int]  # the cues' positions
    subject: Ref | None = None  # the person or body the sentence names as its subject
    quoted: bool = False  # the sentence holds a quotation


@dataclass(slots=True)
class Claimed:
    span: QuoteSpan
    ref: Ref | None = None
    how: str = "unknown"
    date: str | None = None


class Attributor:
    """The attribution state of one article: the resolver and the speaker stack."""

    def __init__(self, body: str, resolver: Resolver) -> None:
        self.body = body
        self.resolver = resolver
        self.budget = _MAX_ARTICLE_CUES
        self.last: Sentence | None = None  # the sentence read last
        self.before: Sentence | None = None  # … and the one before it

    # ------------------------------------------------------------------ cues
    def sentence(self, s: int, e: int, masked: str) -> Sentence:
        """The sentence ``body[s:e]`` with its reporting clauses (``masked``: quotations blanked).

        A person who is the subject of the sentence is remembered even when its verb is not
        one of speech ("DeHart struck a conciliatory tone."): "he" in what follows is them."""
        subject = self._subject(s, masked)
        cues = self.cues(s, masked)
        at = cues[-1].pos if cues and cues[-1].ref not in (None, subject) else s  # 'X spoke after Y noted'
        if subject is not None and at > s and subordinate(masked, at - s):  # "he" next is X, not Y
            said = [m for m in self.resolver.subjects[-8:] if m.ref == subject and m.pos >= s]
            self.resolver.subjects += [replace(m, pos=at + 1) for m in said[-1:]]
        quoted = _OPEN_MARK.search(self.body, s, e) is not None
        self.before, self.last = self.last, Sentence(s, e, masked, cues, [c.pos for c in cues], subject, quoted)
        return self.last

    def _subject(self, s: int, masked: str) -> Ref | None:
        """Remember who the sentence is about: a person named at its start, or its subject."""
        head = masked[:160].split(",", 1)[0]
        head = head[4:] if head.startswith("For ") else head  # "For X, the deal was "…"": X's view
        m = _LEADING_NAME.match(head)
        name = person_name(head[: m.end() + 40]) if m else None
        if name and head.find(name) <= m.end():  # type: ignore[union-attr]
            return self.resolver.resolve(name, s)
        np = sentence_subject(masked)
        if np and clean_np(np).lower() not in ("he", "she", "they", "it", "we", "i", "you"):
            return self.resolver.resolve(np, s)
        return None

    def cues(self, s: int, masked: str) -> list[Cue]:
        cues: list[Cue] = []
        for k, m in enumerate(REPORTING.finditer(masked)):
            if k >= _MAX_CUES or self.budget <= 0:
                break  # no sentence reports this much speech: bounded work on hostile text
            self.budget -= 1
            pos = s + m.start()
            if m.group("acc"):
                n = ACCORDING.match(masked, m.end())
                np = n.group("np") if n else ""
                np = (named_after(masked, n.end(), np) if n else None) or np
                if np and is_outlet(np):  # "according to the Dong-A Ilbo": "it said" next is the paper
                    self.resolver.outlet_at = pos
                ref = None if not np or is_outlet(np) else speaker_ref(self.resolver, np, pos, "acc")
                cues.append(Cue(pos, ref, "acc", "explicit"))
            elif m.group("part"):
                cues.append(self._participle(cues, masked, m.start(), pos))
            else:
                cue = self._finite(masked, m, pos, any(c.ref is not None and c.kind == "fin" for c in cues))
                if cue is not None:
                    cues.append(cue)
        return yield_to_people(cues)

    def _participle(self, cues: list[Cue], masked: str, at: int, pos: int) -> Cue:
        before = masked[max(0, at - WINDOW) : at]
        if not before.strip():  # 'Calling it "unthinkable," Abrams pledged …': the main clause's subject
            main = _MAIN_CLAUSE.search(masked, at)
            return self._cue(sentence_subject(masked[main.end() :]) if main else None, pos, "part")
        by = _BY_DOING.search(before) and sentence_subject(masked) or posted_by(before, masked)  # or "X’s post saying"
        if by:  # "Kerr responded to Walden, who had called it "…," by saying it was "…"": Kerr
            return self._cue(by, pos, "part")
        own = None if before.rstrip().endswith(",") else _OWN_SUBJECT.search(before)
        if own:  # "…, and the South Korean side calling the demand …": its own subject
            return self._cue(own.group("np"), pos, "part")
        quoted = _QUOTED_AS.search(before)  # "Yonhap quoted a ministry official as saying"
        if quoted:  # "… quoted Kim Jun-hyung, a professor at …, as saying": the name before the appositive
            np = quoted.group("np")
            head = np.split(",", 1)[0]
            return self._cue(head if "," in np and person_name(head) else np, pos, "fin")
        passive = _WAS_QUOTED.search(before)  # "Jeong was quoted as saying": Jeong, not the clause before
        if passive:
            return self._cue(subject_before(before[: passive.start()]), pos, "fin")
        if cues and cues[-1].ref is not None:
            return Cue(pos, cues[-1].ref, "part", cues[-1].how)
        if before.rstrip().endswith(","):  # "X welcomed the move in a statement, calling it …": X
            np = sentence_subject(masked) or subject_before(before.rstrip().rstrip(","))
        else:  # "with reports claiming …": the reports
            np = subject_before(before) or sentence_subject(masked)
        return self._cue(np, pos, "part")

    def _finite(self, masked: str, m: re.Match[str], pos: int, spoken: bool = False) -> Cue | None:
        verb = m.group("fin")
        own = _RELAYED.match(masked, m.end()) if verb in ("relayed", "conveyed") else None
        if own and person_name(own.group("np")):  # "a spokesman relayed X's remarks, saying …": X speaks
            return self._cue(own.group("np"), pos, "fin")
        before = masked[max(0, m.start() - WINDOW) : m.start()]
        np = subject_before(before)
        if verb == "read" and not (np and re.search(r"commentary|statement|letter|tweet|post|message", np)):
            return None
        if np is None and verb in ("said", "says", "added", "wrote", "tweeted", "told", "stated", "continued", "noted"):
            np = inverted_subject(masked, m.end())
        citing = _CITING.match(masked, m.end()) if np and is_outlet(clean_np(np)) else None
        if citing:  # "…, the Yonhap news agency said, citing the State Department": the department
            self.resolver.outlet_at = pos
            return self._cue(citing.group("np"), pos, "fin")
        relay = spoken and verb == "reported" and _RELAYER.fullmatch(clean_np(np or ""))
        if np and (relay or verb in ("reported", "wrote") and is_outlet(clean_np(np))):  # '…," X said, Y reported': Y
            self.resolver.outlet_at = pos
            return Cue(pos, None, "fin", "explicit")  # "…, Yonhap reported": where, not who
        cue = self._cue(np, pos, "fin") if np else Cue(pos, None, "fin", "explicit")
        if verb == "calls" and not self.resolver.index.named_person(cue.ref):  # 'Trump calls the formula "…"'
            return None  # … but 'Ruling party calls it "…"' echoes a member the story names
        if cue.ref is None and np is None and before.strip() and not before.rstrip().endswith(('"', "”", ",")):
            cue = self._cue(sentence_subject(masked) or lead_document(masked), pos, "fin")
        return cue

    def _cue(self, np: str | None, pos: int, kind: str) -> Cue:
        if not np:
            return Cue(pos, None, kind, "explicit")
        how = "pronoun" if clean_np(np).lower() in _PRONOUNS else "explicit"
        ref = speaker_ref(self.resolver, np, pos, kind)
        unsure = ref is None and personal(clean_np(np))
        if unsure:  # "Jeong told reporters" (which Jeong?): "he" next is no one
            self.resolver.unknown_at = pos
        return Cue(pos, ref, kind, how, named=bool(clean_np(np)), unsure=unsure)

    # --------------------------------------------------------------- speakers
    def speaker(self, q: QuoteSpan, sent: Sentence, prev: Claimed | None, para_start: int) -> tuple[Ref | None, str]:
        """Who said ``q`` and how we know. A "he" that introduces the quotation, for the person
        the same sentence or the narrative sentence just before (no quotation in it) names,
        is as good as the name."""
        ref, how = self._speaker(q, sent, prev, para_start)
        leading = any(c.pos < q.open and c.ref == ref and c.how == "pronoun" for c in sent.cues)
        if how == "pronoun" and ref is not None and leading:  # 'He told a briefing that … "…"'
            before = self.before if self.last is sent else None
            if sent.subject == ref or before is not None and not before.quoted and before.subject == ref:
                how = "explicit"
        return ref, how

    def _speaker(self, q: QuoteSpan, sent: Sentence, prev: Claimed | None, para_start: int) -> tuple[Ref | None, str]:
        s, e, masked, cues = sent.start, sent.end, sent.masked, sent.cues
        close = q.close if q.close is not None else q.end
        nxt = _OPEN_MARK.search(masked, close - s + 1, close - s + 1 + _TRAIL)
        next_open = s + nxt.start() if nxt else e
        k = bisect_left(sent.positions, close)
        # "according to X" is the source of a report: the speaker only when no one else is named
        own = any(c.ref is not None and c.kind != "acc" for c in cues[max(0, k - 8) : k + 8])
        lead_clause = q.open - s < 400 and _LEAD_CLAUSE.match(masked) and "," not in masked[: q.open - s]  # bounded
        if lead_clause and "," in self.body[close - 1 : close + 2]:
            # 'When a lawmaker claimed … an "excessive demand," Jeong said …': the clause's speaker, not Jeong
            lead = next((c for c in reversed(cues[:k]) if c.pos < q.open and c.kind != "acc" and c.ref), None)
            return (lead.ref, lead.how) if lead is not None else (None, "unknown")
        agent = _PASSIVE.search(self.body, max(s, q.open - 60), q.open) and _BY_AGENT.match(self.body, close + 1, e)
        agent = agent or _BY_AS.search(self.body, max(s, q.open - 80), q.open)  # "criticized by X as "…"": X
        ref = self.resolver.resolve(agent.group("np"), q.open) if agent else None
        if ref is not None:  # 'The deal was called "a win" by Kerr, while Walden said …': Kerr
            return ref, "explicit"
        for cue in cues[k:]:  # trailing: '..." he said' / '..." said X'
            if cue.pos >= min(next_open, close + _TRAIL):
                break
            if cue.unsure:
                return None, "unknown"  # '…," said X' with an X we cannot tell: not someone further on
            if cue.ref is None or cue.kind == "part" or (own and cue.kind == "acc"):
                continue
            between = self.body[close + 1 : cue.pos]
            if _WHO_VERB.search(between):  # '"…" drew criticism from Kerr, who called it "absurd"': her words next
                continue
            if not _CONNECTOR.match(between) or _COMMA_SUBJECT.search(between):
                return self._relayed(q, cues[max(0, k - 8) : k]) or (cue.ref, cue.how)
        for cue in reversed(cues[max(0, k - 8) : k]):  # leading: 'X said the alliance was "ironclad"'
            if cue.pos < q.open and cue.unsure:
                return None, "unknown"  # 'before Jeong added: "…"' (which Jeong?): not the speaker before
            if cue.pos < q.open and cue.ref is not None and not (own and cue.kind == "acc"):
                return cue.ref, cue.how
        final = self._sentence_final(q, sent, k)
        if final is not None:  # 'Negotiators "broadened their understanding" of …, the ministry said.'
            return final
        bite = _BITE_LABEL.search(self.body, max(0, q.open - 140), q.open)
        if bite:  # KBS: '[Sound bite: US President Donald Trump]"…"'
            ref = self.resolver.resolve(bite.group("np"), q.open)
            return (ref, "explicit") if ref is not None else (None, "unknown")
        before = self.body[max(s, q.open - 120) : q.open]
        m = _POSS_REF.search(before) or _REQUEST.search(before)
        if m:
            his = {"his": "he", "her": "she"}.get((m.groupdict().get("his") or "").lower())
            np = his or m.group("np") or m.group("np2") or m.group("np3")
            ref = self.resolver.resolve(np, q.open, remember=False)
            if ref is not None:
                return ref, "explicit"
        own_words = _OWN_WORDS.search(before) if q.kind == "partial" else None
        if own_words and personal(own_words.group("np")):  # 'broach Trump's "new method"': his words
            ref = self.resolver.resolve(own_words.group("np"), q.open, remember=False)
            if ref is not None:
                return ref, "context"
        return self._from_context(q, masked, cues, prev, para_start, q.open - s)

    def _sentence_final(self, q: QuoteSpan, sent: Sentence, k: int) -> tuple[Ref, str] | None:
        """A partial quotation woven into a long sentence that a lone ", X said." ends: X,
        when no other quotation or reporting clause comes between (farther than ``_TRAIL``)."""
        if q.kind != "partial" or q.close is None or len(sent.cues) != k + 1:
            return None
        cue = sent.cues[k]
        between = self.body[q.close + 1 : cue.pos]
        if cue.kind != "fin" or cue.ref is None or cue.unsure or _OPEN_MARK.search(between):
            return None
        if not _COMMA_SUBJECT.search(between) or not _SENTENCE_TAIL.match(self.body, cue.pos, sent.end):
            return None
        return cue.ref, cue.how

    def _relayed(self, q: QuoteSpan, leading: list[Cue]) -> tuple[Ref, str] | None:
        """ 'X told Moon that the talks were "moving forward," the spokesperson said': words
        woven into what X said are X's; the trailing clause only relays them. So is a quotation that
        a clause right before it introduces ('he said, "…," Bolton wrote': the "he")."""
        for cue in reversed(leading):
            if cue.pos < q.open and cue.ref is not None and cue.kind == "fin" and _SPEECH.match(self.body, cue.pos):
                if q.kind == "partial" or _INTRODUCES.fullmatch(self.body, cue.pos, q.open):
                    return cue.ref, cue.how
        return None

    def _colon_lead(self, para_start: int) -> tuple[Ref, str] | None:
        """The speaker of a paragraph ending "…told reporters:" right before ``para_start``."""
        lead = self.before
        if lead is None or not self.body[lead.start : para_start].rstrip().endswith(":"):
            return None
        for cue in reversed(lead.cues):
            if cue.ref is not None:
                return cue.ref, cue.how
        return None

    def _paraphrased(self, q: QuoteSpan, prev: Claimed | None, para_start: int, cued: bool) -> Ref | None:
        """ 'Y, a fellow at …, said that …' as the sentence right before a quotation that opens its
        paragraph (or line), after an earlier quotation: Y speaks it, not the earlier speaker; and
        a partial quotation in the next sentence of Y's paragraph continues what Y said."""
        lead = self.before
        said = next((c.ref for c in reversed(lead.cues) if c.kind == "fin" and c.ref), None) if lead else None
        if lead is None or lead.quoted or said is None:
            return None
        if q.kind == "partial" and not cued and lead.start >= para_start and self.resolver.index.named_person(said):
            return said  # 'X said furloughs would hurt readiness. Units would need "borrowed manpower" …'
        if prev is None or lead.start <= prev.span.end:
            return None
        return said if q.open == para_start or self.body[q.open - 1 : q.open] == "\n" else None

    def _from_context(
        self, q: QuoteSpan, masked: str, cues: list[Cue], prev: Claimed | None, para_start: int, at: int = 0
    ) -> tuple[Ref | None, str]:
        signed = signed_below(self.body, self.resolver, q)
        if signed is not None:
            return signed
        lead = self._colon_lead(para_start) if q.open == para_start else None
        if lead is not None:  # 'Jeong told reporters on Tuesday:' then the quotation as its own paragraph
            return lead
        colon = q.kind == "full" and self.body[max(0, q.open - 3) : q.open].rstrip().endswith(":")
        if (q.kind == "partial" or colon) and (not cues or q.kind == "partial"):  # woven in, or "X put it: "…""
            view = _FOR_VIEW.match(masked)  # "For X, a fellow at …, the dispute was "…"": X's view
            clause = max((m.end() for m in _NEXT_CLAUSE.finditer(masked, 0, at)), default=0)  # ", while Y viewed"
            np = view.group("np") if view and person_name(view.group("np")) else sentence_subject(masked[clause:])
            if np and clean_np(np).lower() != "it":  # 'It is "unthinkable" that …': no one
                ref = self.resolver.resolve(np, q.open, remember=False)
                if ref is not None and all(c.ref == ref for c in cues):  # 'X praised "…" and called …': X
                    return ref, "pronoun" if clean_np(np).lower() in _PRONOUNS else "explicit"
            label = name_label(self.body, self.resolver, q) if colon else None
            if label is not None:
                return label, "explicit"
        if any(c.ref is not None or c.named for c in cues):
            return None, "unknown"  # the sentence names someone (else): no guess
        said = self._paraphrased(q, prev, para_start, bool(cues))
        if said is not None:
            return said, "context"
        last = self.resolver.subjects[-1] if self.resolver.subjects else None
        other = last is not None and prev is not None and last.person and last.pos > prev.span.end  # … spoke since
        if prev is not None and prev.ref is not None and not (other and last is not None and last.ref != prev.ref):
            gap = self.body[prev.span.end : q.open]
            if (q.kind != "partial" or not gap.strip(" \"”’")) and gap.count("\n\n") <= 1 and len(gap) < 400:
                return prev.ref, "context"  # a quotation continuing the previous speaker's (or right after it)
        if q.kind == "full" and q.open == para_start and last is not None and q.open - last.pos < 400:
            return last.ref, "context"  # a quotation paragraph after 'X said ...'
        return None, "unknown"
