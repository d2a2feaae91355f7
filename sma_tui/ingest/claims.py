"""The quotations of an article with their speakers and dates, paragraph by paragraph:
transcript turns, marked quotations, colon blocks; then passes over the whole article for
what one paragraph cannot tell (a quotation before the clause that names its speaker on the
same line, headline and deck quotations, a "he said" before anyone is named). Bounded work
per sentence, and a deadline checked per paragraph."""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from datetime import date

from ..core.models import Actor
from .attribution import Attributor, Claimed
from .dates import find_relative
from .gazetteer import NewActor, Ref
from .names import TITLES, person_name
from .quotes import QuoteSpan, block_leads, block_quotes, marked_quotes, quote_words
from .resolver import Resolver
from .text import Paragraph, mask, sentence_bounds
from .transcripts import Turn, embeds, press_turns, soundbites, speaker_label

MAX_QUOTES = 1000
_LATE_NAME = re.compile(
    r"\s*(?P<np>(?:[A-Z][\w'’-]*\.?\s+){1,5}[A-Z][\w'’-]*)(?:,[^.;\"“”]{0,160},)?\s+(?:later\s+|also\s+)?"
    r"(?:made|gave|offered|delivered)\s+the\s+(?:remarks?|comments?|statement)\b"
)

# "… one student told AFP "…". (The student, Park Seo-yeon, 22, said …)": named in the next sentence
_LATE_APPOSITION = re.compile(
    r"\s*\(?(?:The|the)\s+(?P<head>[a-z]{3,20}),\s+(?P<np>(?:[A-Z][\w'’-]*\s+){1,3}[A-Z][\w'’-]*),"
)


_CAPITAL = re.compile(r"[A-Z]")
_SIGNATURE = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3}),{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
    r"\s\d{1,2},\s\d{4}(?:,?\s\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?)?"
)
_HE_SAID = re.compile(r"[\"”’',]{0,3}\s{0,2}(?:(?P<she>s)he|he)\s+(?:said|says|added|told|stressed|noted)\b")
_CLAUSE_WORD = re.compile(r"\b(?:said|says|told|added|asked|replied|according)\b")
# a headline that says who speaks: "X says …", "X: '…'", "Jane Holt Mocks '…'" (a title-case verb after a name),
# "Trump still calls Kim '…'" 
_HEADLINE = re.compile(
    r"\s*(?P<np>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}?)(?:\s+(?:still|also|again|now))?(?:(?P<said>:\s|\s+(?:says|said"
    r"|tells|told|warns|urges|insists|claims|calls|slams|blasts|mocks)\s)|\s+(?P<verb>[A-Z][a-z]{2,}s)\s)"
)

_ROLE_NOUN = re.compile(r"\b(?P<role>lawmaker|legislator|professor|student|resident|worker|expert|analyst)\b", re.I)
_ROLE_TITLES = {"lawmaker": r"\b(?:Rep\.|Representative|lawmaker|legislator|Assemblyman|Sen\.)",
                "legislator": r"\b(?:Rep\.|Representative|lawmaker|legislator|Assemblyman)"}


def _same_role(description: str, evidence: list[str]) -> bool:
    """Whether the person described by ``evidence`` holds the role ``description`` names."""
    m = _ROLE_NOUN.search(description)
    if m is None:
        return False
    role = m.group("role").lower()
    pattern = _ROLE_TITLES.get(role, rf"\b{role}")
    said = " ".join(e[:300] for e in evidence).lower()
    mods = set(re.findall(r"[\w-]+", description.replace("(anonymous)", "").lower())) - {role, "a", "an", "the", "of"}
    return all(w in said for w in mods) and re.search(pattern, said, re.I) is not None  # "opposition" ≠ "ruling"


class ExtractionTimeout(Exception):
    """The text would take too long to extract (it is refused, never half stored)."""


class Deadline:
    def __init__(self, at: float | None) -> None:
        self.at = at

    def check(self) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise ExtractionTimeout("the text takes too long to extract (pathological input?)")


class QuoteFinder:
    """Finds and attributes the quotations of one article."""

    def __init__(self, body: str, paras: list[Paragraph], resolver: Resolver, ref_day: date | None) -> None:
        self.body = body
        self.paras = paras
        self.resolver = resolver
        self.attributor = Attributor(body, resolver)
        self.ref_day = ref_day
        self.lede_date: date | None = None
        self.quotes: list[Claimed] = []
        self.covered: set[int] = set()  # paragraphs that are transcript turns
        self.warnings: list[str] = []

    def date_in(self, text: str) -> date | None:
        if self.ref_day is None:
            return None
        hit = find_relative(text, self.ref_day)
        if hit is None or hit[0] > self.ref_day:
            return None
        return hit[0]

    def quote_date(self, sentence_date: date | None) -> str | None:
        day = sentence_date or self.lede_date or self.ref_day
        return day.isoformat() if day else None

    # ------------------------------------------------------------- transcripts
    def transcripts(self) -> None:
        turns, covered = press_turns(self.body, self.paras)
        bites, more = soundbites(self.body, self.paras)
        turns, covered = turns + bites, covered | more
        posts, signed = embeds(self.body, self.paras)
        self.covered = covered | signed
        for turn in turns[:MAX_QUOTES]:
            ref = self._label_ref(turn)
            how = ("context" if turn.label.strip().upper() in ("A", "ANSWER") else "explicit") if ref else "unknown"
            self.quotes.append(Claimed(turn.span, ref, how, self.quote_date(None)))
        for post in posts[:MAX_QUOTES]:  # signed by an account: its name, as written
            ref = self.resolver.resolve(post.label, post.span.open)
            self.quotes.append(Claimed(post.span, ref, "explicit" if ref else "unknown", self.quote_date(None)))

    def _label_ref(self, turn: Turn) -> Ref | None:
        name, label = speaker_label(turn)
        if not name:
            return None
        if name.upper() in ("A", "ANSWER"):  # an interview: the answers are the person named before it
            named = [full for p, full in self.resolver.names[-80:] if p < turn.span.open]
            return self.resolver.resolve(named[-1], turn.span.open, remember=False) if named else None
        words = name.split()
        if len(words) > 1 and all(w.lower() in TITLES for w in words[:-1]):  # "Minister Jeong", "Mr. Dehart"
            return self._titled(words) or self.resolver.resolve(words[-1], turn.span.open)
        if not person_name(name) and len(name.split()) > 1 and not name.lower().startswith(("a ", "an ", "the ")):
            name = "a " + name  # "SENIOR STATE DEPARTMENT OFFICIAL": an anonymous official
        ref = self.resolver.resolve(name, turn.span.open)
        if ref is None and " " in name:
            ref = self.resolver.resolve(name.split()[-1], turn.span.open)
        if isinstance(ref, NewActor) and label not in ref.evidence:
            ref.evidence.append(label)
        return ref

    def _titled(self, words: list[str]) -> str | None:
        """The one corpus actor called by this surname with this title ("Minister Jeong")."""
        surname, titles = words[-1].lower(), {w.lower().rstrip(".") for w in words[:-1]} - {"mr", "ms", "mrs", "dr"}
        found = set()
        for actor in self.resolver.index.actors.values():
            names = [a.lower() for a in (actor.name, *actor.aliases)]
            if any(surname in n.split() for n in names) and (not titles or any(t in n for n in names for t in titles)):
                found.add(actor.id)
        return found.pop() if len(found) == 1 else None

    # ------------------------------------------------------------------ quotes
    def run(self, lede: tuple[int, int] | None, starts: dict[int, int], deadline: Deadline) -> None:
        """``starts``: where a paragraph's text begins when not at its start (after a dateline)."""
        body, paras = self.body, self.paras
        for p in paras:
            if not p.skip and not p.title:
                self.resolver.scan_names(p.start, p.end)
        self.transcripts()
        usable = [p if i not in self.covered else Paragraph(p.start, p.end, skip=True) for i, p in enumerate(paras)]
        marked = marked_quotes(body, usable, MAX_QUOTES + 1)
        if len(marked) > MAX_QUOTES:  # no article quotes this much: bounded work on hostile text
            self.warnings.append(f"more than {MAX_QUOTES} quotations: kept the first {MAX_QUOTES}")
            marked = marked[:MAX_QUOTES]
        self._unquote_names(marked)
        if lede:
            self.lede_date = self.date_in(mask(body, lede[0], lede[1], marked))
        by_para: dict[int, list[QuoteSpan]] = {}
        for q in marked:
            by_para.setdefault(q.para, []).append(q)
        leads = set(block_leads(body, usable))
        in_block: set[int] = set()
        prev: Claimed | None = None
        for i, p in enumerate(usable):
            deadline.check()
            nameless = i not in by_para and not _CAPITAL.search(body, p.start, p.end)
            if p.skip or (p.title and i not in by_para) or i in in_block or nameless:
                continue  # nothing to attribute, no one named
            if p.title:  # a headline quote is the body speaker's whose words it repeats (repeated())
                self.quotes += [Claimed(q, None, "unknown", self.quote_date(None)) for q in by_para[i]]
                continue
            prev = self._paragraph(starts.get(i, p.start), p.end, by_para.get(i, []), prev)
            if i in leads:
                prev = self._block(i, starts.get(i, p.start), usable, in_block) or prev
        self.named_after()
        self.signed_below()
        self.repeated()
        self.headlines()
        self.named_later()
        self.from_lede(lede)

    def signed_below(self) -> None:
        """A quotation with no speaker whose paragraph is followed by a signature paragraph (a
        person's name and a date: "Donald Trump, August 7, 2019 5:21 am", as archives of posts
        print them) is that person's."""
        for c in [c for c in self.quotes if c.ref is None][:MAX_QUOTES]:
            k = c.span.para + 1
            if k >= len(self.paras) or self.paras[c.span.para].end < c.span.end:
                continue  # the last paragraph, or a quotation running over paragraphs
            m = _SIGNATURE.fullmatch(self.body, self.paras[k].start, self.paras[k].end)
            if m and person_name(m.group("name")) == m.group("name"):
                c.ref = self.resolver.resolve(m.group("name"), self.paras[k].start, remember=False)
                c.how = "explicit" if c.ref is not None else "unknown"

    def named_after(self) -> None:
        """ '"A" in how … "B," X said.': a quotation with no clause of its own, on the line of the
        next quotation, whose speaker a clause names, is that speaker's (the clause covers the run)."""
        for c, d in zip(self.quotes[:MAX_QUOTES], self.quotes[1:MAX_QUOTES], strict=False):
            if c.how not in ("context", "unknown") or d.how != "explicit" or d.ref is None or c.ref == d.ref:
                continue
            gap = self.body[c.span.end : d.span.open]
            if d.span.open > c.span.end and len(gap) < 200 and "\n" not in gap and not _CLAUSE_WORD.search(gap):
                c.ref, c.how = d.ref, "context"

    def from_lede(self, lede: tuple[int, int] | None) -> None:
        """The article's main speaker (quoted most, alone) says what nothing attributed when the
        text points at them: a quotation above the lede (a headline, a deck) when the lede opens
        with them, and a quotation whose clause is a bare "he said" before anyone is named (a
        broadcast script that names the speaker later)."""
        counts = Counter(_key(c.ref) for c in self.quotes if c.ref is not None).most_common(2)
        if not counts or len(counts) > 1 and counts[1][1] == counts[0][1]:
            return  # no one, or no one quoted most: a headline may quote anyone
        main = next(c.ref for c in self.quotes if c.ref is not None and _key(c.ref) == counts[0][0])
        subjects = self.resolver.subjects[:MAX_QUOTES]
        first = next((m for m in subjects if lede and lede[0] <= m.pos < lede[1] and m.person), None)
        seen = [p for p, _ in self.resolver.names[:1] + self.resolver.mentions[:1]]
        named = min(seen + [m.pos for m in subjects if m.person], default=len(self.body))  # a person first named
        person = self.resolver.index.named_person(main)
        for c in self.quotes:
            if c.ref is not None:
                continue
            if lede and first is not None and _key(first.ref) == counts[0][0] and c.span.end <= lede[0]:
                c.ref, c.how = main, "context"
            elif person and c.span.end < named and (he := _HE_SAID.match(self.body, c.span.end)):
                g = "f" if he.group("she") else "m"
                if self.resolver.gender.get(counts[0][0], g) == g:  # not a "she" for a man
                    c.ref, c.how = main, "pronoun"

    def _unquote_names(self, marked: list[QuoteSpan]) -> None:
        """A name inside a quotation ("build a 'Trump World' there") is nobody the article
        names: "Trump said" after it must not become "Trump World". Sorted spans, bisect."""
        opens = [q.open for q in marked]
        closes = [q.close if q.close is not None else q.end for q in marked]
        names = self.resolver.names
        kept = [(p, n) for p, n in names if not (k := bisect_right(opens, p)) or closes[k - 1] < p]
        if len(kept) != len(names):
            self.resolver.names = kept

    def named_later(self) -> None:
        """ 'A Korean lawmaker criticized Trump for being "disrespectful"' in a lede, then '"…,"
        Rep. Jin Sung-joon said' in the next paragraph: a role description of the lede (not an
        anonymous source: no official, aide, diplomat) is the person named just after it with that role."""
        seen: dict[str, tuple[NewActor, int]] = {}
        swap: dict[str, Ref] = {}
        for c in self.quotes[:MAX_QUOTES]:
            ref = c.ref
            if isinstance(ref, NewActor) and ref.kind == "anonymous" and ref.id not in swap:
                role = _ROLE_NOUN.search(ref.name)
                if role and c.span.para <= 2:  # the lede's delayed name (AP style), never one later on
                    seen.setdefault(ref.id, (ref, c.span.open))
            elif isinstance(ref, NewActor) and ref.kind == "person" and c.how == "explicit":
                for aid, (anon, at) in list(seen.items()):
                    if c.span.open - at < 800 and _same_role(anon.name, ref.evidence):
                        swap[aid] = ref
                        del seen[aid]
        for c in self.quotes:
            if isinstance(c.ref, NewActor) and c.ref.id in swap:
                c.ref = swap[c.ref.id]

    def headlines(self) -> None:
        """A headline quotation no body quotation repeats is the speaker the headline names before
        its verb ("X says …", "X: …", "Jane Holt Mocks …"), when it names one; else no one."""
        for c in self.quotes[:MAX_QUOTES]:
            p = self.paras[c.span.para]
            first = self.body.find("\n", p.start, p.start + 200) if c.span.para == 0 else -1  # the first line
            line = p.title or c.span.open < first and self.body[first - 1] not in ".!?"  # … when it ends no sentence
            if c.ref is not None or not line:
                continue
            m = _HEADLINE.match(self.body, p.start, min(c.span.open, p.start + 200))  # bounded per quotation
            if m is None or (m.group("verb") and person_name(m.group("np")) != m.group("np")):
                continue  # "Bolton's Book Claims …": no one
            c.ref = self.resolver.resolve(m.group("np"), c.span.open, remember=False)
            c.how = "explicit" if c.ref is not None else "unknown"

    def _block(self, i: int, start: int, usable: list[Paragraph], in_block: set[int]) -> Claimed | None:
        sent = self.attributor.sentence(start, usable[i].end, self.body[start : usable[i].end])
        cue = next((c for c in reversed(sent.cues) if c.ref is not None), None)
        ref = cue.ref if cue else None
        last = None
        for b in block_quotes(self.body, usable, i, self._stopper(ref)):
            last = Claimed(b, ref, cue.how if cue and ref else "unknown", self.quote_date(None))
            self.quotes.append(last)
            for j in range(b.para, len(usable)):
                if usable[j].start >= b.end:
                    break
                in_block.add(j)
        return last

    def _stopper(self, ref: Ref | None) -> Callable[[str], bool]:
        names: set[str] = set()
        if isinstance(ref, NewActor):
            names = {w for w in ref.name.split() if w[:1].isupper() and len(w) > 2}
        elif ref is not None:
            actor: Actor = self.resolver.index.actors[ref]
            names = {w for a in (actor.name, *actor.aliases) for w in a.split() if w[:1].isupper() and len(w) > 3}
            names -= {"U.S.", "State", "Department", "Defense", "Secretary", "President", "South", "Korean", "Korea"}
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names)) + r")\b") if names else None
        return lambda text: bool(pattern and pattern.search(text))

    def _closing(self, close: int) -> tuple[Ref, str] | None:
        """The reporting clause right after the closing mark of a quotation over paragraphs."""
        stop = self.body.find("\n", close, close + 200)
        stop = stop if stop >= 0 else min(len(self.body), close + 200)
        sent = self.attributor.sentence(close + 1, stop, self.body[close + 1 : stop])
        for cue in sent.cues:
            if cue.ref is not None and cue.kind == "fin" and cue.pos < close + 120:
                return cue.ref, cue.how
        return None

    def _named_next(self, s: int, e: int, end: int, described: Ref | None) -> tuple[Ref, str] | None:
        """A speaker described in the quote's sentence and named in the next one ("…," a lawmaker
        said. Rep. Kim Ji-ho, a member of …, made the remarks on the radio.), or with the noun
        that described them ("… one student told AFP "…". (The student, Park Seo-yeon, 22, …)")."""
        last = not self.body[e:end].strip()  # a lede's last sentence: the name may open the next paragraph
        m = _LATE_NAME.match(self.body, e, min(len(self.body) if last else end, e + 300))
        if m is None and (a := _LATE_APPOSITION.match(self.body, e, e + 300)):
            m = a if re.search(rf"\b{a.group('head')}\b", self.body[s:e]) else None
        name = person_name(m.group("np")) if m else None
        if m is None or name is None:
            return None
        ref = self.attributor.resolver.resolve(m.group("np"), e)
        if isinstance(ref, NewActor) and isinstance(described, NewActor) and ref.kind == "person":
            ref.evidence += described.evidence  # "a lawmaker of the ruling Democratic Party" is who they are
        return (ref, "explicit") if ref is not None else None

    def repeated(self) -> None:
        """A quotation with no speaker that repeats words another speaker is quoted saying (a
        headline or deck quote, a quote recalled later) is theirs, ``context``."""
        known = [
            (quote_words(self.body[c.span.start : c.span.end]), c.ref)
            for c in self.quotes
            if c.ref is not None and c.span.end - c.span.start <= 1000
        ][:200]  # bounded work: at most 50 × 200 searches in texts of at most 1,000 characters
        for c in [c for c in self.quotes if c.ref is None][:50]:
            words = quote_words(self.body[c.span.start : c.span.end])
            if len(words) < 10:
                continue
            hit = next((ref for text, ref in known if words in text or len(text) >= 10 and text in words), None)
            if hit is not None:
                c.ref, c.how = hit, "context"

    def _paragraph(self, start: int, end: int, quotes: list[QuoteSpan], prev: Claimed | None) -> Claimed | None:
        body = self.body
        protected = [(q.open, q.close if q.close is not None else q.end) for q in quotes]
        for c in self.quotes[-1:]:  # a quotation continued from an earlier paragraph
            if c.span.end > start:
                protected.append((c.span.open, c.span.end))
        masked_all = mask(body, start, end, quotes)
        k = 0
        for s, e in sentence_bounds(body, start, end, protected):
            masked = masked_all[s - start : e - start]
            sent = self.attributor.sentence(s, e, masked)
            sent_date = self.date_in(masked)
            while k < len(quotes) and quotes[k].open < s:
                k += 1
            while k < len(quotes) and quotes[k].open < e:
                q = quotes[k]
                ref, how = self.attributor.speaker(q, sent, prev, start)
                if q.close is not None and q.close >= end:  # closes paragraphs later: '…," she said.'
                    ref, how = self._closing(q.close) or (ref, how)
                if ref is None or isinstance(ref, NewActor) and ref.kind == "anonymous":
                    ref, how = self._named_next(s, e, end, ref) or (ref, how)
                prev = Claimed(q, ref, how, self.quote_date(sent_date))
                self.quotes.append(prev)
                k += 1
        return prev


def _key(ref: Ref) -> str:
    return ref if isinstance(ref, str) else ref.id
