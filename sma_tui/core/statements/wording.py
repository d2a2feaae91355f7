"""Wording of quotes: normalisation for matching, similarity, word-by-word differences.

Outlets transcribe the same remark differently ("that is not a figure we are focused
on" / "that is not the figure we are focusing on"), add editorial insertions
("[the U.S.]", "(sic)") and quote parts of it. :func:`tokens` maps a quote to the
sequence of word keys that survives those differences:

* typography and case are folded (NFKC, curly quotes, dashes, ``casefold``);
* bracketed and parenthesised insertions are dropped with their contents;
* numbers keep their digits only (``28,500`` == ``28500``);
* a few contractions are spelled out (``don't`` -> ``do not``, ``we're`` -> ``we are``);
* the articles *a*, *an*, *the* are dropped;
* :func:`stem` strips light inflection.

:func:`stem` is a deliberately small suffix stripper, not a linguistic stemmer: both
sides of a comparison go through it, so it only has to be consistent and to conflate
the inflections transcription varies (-s/-es/-ies, -ed/-ied, -ing, a final -e, a
doubled final consonant). A Porter/Snowball stemmer (``snowballstemmer``) conflates
more (e.g. *negotiations*/*negotiating*) but would be a new dependency for a gain
this matching does not need: a sentence differing in one derived word still passes
the similarity threshold. Pure Python; no Textual, Rich or TinyDB.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

_FOLD = str.maketrans({"‘": "'", "’": "'", "‛": "'", "`": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})
_INSERTION = re.compile(r"\[[^\[\]]{0,200}\]|\([^()]{0,200}\)")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*", re.UNICODE)
_SURFACE = re.compile(r"\S+")
ARTICLES = frozenset({"a", "an", "the"})
_CONTRACTIONS = {
    "can't": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
}
_SUFFIXES = (("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"), ("'d", "would"))
NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "none", "nothing", "without", "cannot"})
STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as into about than then so that this these those "
    "it its is are was were be been being am do does did have has had will would shall should can could may "
    "might must we our us i me my you your he him his she her they them their there here what which who whom "
    "not no very also just more most some any all".split()
)
_VOWELS = frozenset("aeiouy")


def fold(text: str) -> str:
    """Typography- and case-folded text (NFKC, straight quotes and dashes, casefold)."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip light inflection from a folded word: focused/focusing/focus -> ``focus``,
    figures/figure -> ``figur``, tried/tries -> ``try``, cutting -> ``cut``.
    Words of three letters or fewer and numbers are returned unchanged."""
    if len(word) <= 3 or word[0].isdigit():
        return word
    base = word
    if base.endswith(("ies", "ied")) and len(base) > 4:
        return base[:-3] + "y"
    if base.endswith("ing") and len(base) > 5:
        base = base[:-3]
    elif base.endswith("ed") and len(base) > 4:
        base = base[:-2]
    elif base.endswith("es") and len(base) > 4 and base[-3] in "sxzh":
        base = base[:-2]
    elif base.endswith("s") and not base.endswith(("ss", "us", "is")):
        base = base[:-1]
    if base is not word and len(base) > 2 and base[-1] == base[-2] and base[-1] not in _VOWELS | {"l", "s"}:
        base = base[:-1]  # cutting -> cutt -> cut; stopped -> stopp -> stop
    if base.endswith("e") and len(base) > 3:
        base = base[:-1]  # figure/figured -> figur, make/making -> mak
    return base


def _expand(word: str) -> tuple[str, ...]:
    if "'" not in word:
        return (word,)
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    for suffix, full in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)], full)
    if word.endswith("'s"):  # possessive or "is"/"has": too ambiguous to spell out
        return (word[:-2],)
    return (word,)


def words(text: str) -> list[str]:
    """Folded words of ``text`` with insertions dropped and contractions spelled out
    (before article removal and stemming)."""
    clean = _INSERTION.sub(" ", fold(text))
    out: list[str] = []
    for w in _WORD.findall(clean):
        if "'" not in w and "," not in w:
            out.append(w)
        elif w[0].isdigit():
            out.append(w.replace(",", ""))
        else:
            out.extend(_expand(w))
    return out


def tokens(text: str) -> tuple[str, ...]:
    """The matching key of a quote: :func:`words` without articles, stemmed."""
    return tuple(stem(w) for w in words(text) if w not in ARTICLES)


def content_count(toks: tuple[str, ...]) -> int:
    """How many tokens are not stopwords (stopwords are compared stemmed as well)."""
    return sum(1 for t in toks if t not in _STEMMED_STOPWORDS)


_STEMMED_STOPWORDS = frozenset(stem(w) for w in STOPWORDS)

# --------------------------------------------------------------------- matching
NEAR_SAME = 0.8
"""Minimum difflib ratio (2·matched / total tokens) for two reports to be the same
statement worded differently. A ten-token sentence may differ in two tokens; two
distinct sentences of one speaker rarely keep 80 % of their tokens in order."""
MIN_PARTIAL = 4
"""A partial quote joins a fuller one only with at least this many tokens, at least
:data:`MIN_CONTENT` of them content words (so "ironclad", "fair and equitable" or
"we are going to" never join anything by containment)."""
MIN_CONTENT = 2
CONTAINED = 0.85
"""Share of the partial's tokens that must be found, in order, in the fuller report:
about one token in seven may be missing or extra (an elided word, a transcription
slip, a few words one outlet carried past where the other stopped quoting)."""
SLACK = 2
"""Extra tokens allowed inside the matched run of the fuller report (an inserted
adverb); beyond that the partial's words are scattered, not quoted."""

OVERLAP = 0.75
"""Two reports that each quote a different stretch of one remark (one outlet starts
mid-sentence and goes on past where the other stopped) share a long run: at least
:data:`MIN_OVERLAP` tokens and this share of the shorter, differing only at the ends."""
MIN_OVERLAP = 12

MatchKind = Literal["same", "near", "contained", "overlap"]


def match(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[MatchKind, float] | None:
    """Whether token sequences ``a`` and ``b`` report the same statement, and how:
    ``same`` (identical keys), ``near`` (ratio >= :data:`NEAR_SAME`), ``contained``
    (the shorter is a contiguous-ish run of the longer) or ``overlap`` (a long shared
    run, see :data:`OVERLAP`). The float is the ratio, used
    to rank candidate merges (higher first). ``None``: not the same statement."""
    if a == b:
        return ("same", 1.0) if a else None
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_PARTIAL or content_count(short) < MIN_CONTENT:
        return None
    common = sum((Counter(short) & Counter(long_)).values())  # an upper bound of what can match
    if 2.0 * common / (len(a) + len(b)) < NEAR_SAME and common < CONTAINED * len(short) and common < MIN_OVERLAP:
        return None
    sm = SequenceMatcher(None, short, long_, autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size]
    matched = sum(blk.size for blk in blocks)
    ratio = 2.0 * matched / (len(a) + len(b))
    if ratio >= NEAR_SAME:
        return ("near", ratio)
    if not blocks:
        return None
    run_long = blocks[-1].b + blocks[-1].size - blocks[0].b
    if matched >= CONTAINED * len(short) and run_long <= len(short) + SLACK:
        return ("contained", ratio)
    run_short = blocks[-1].a + blocks[-1].size - blocks[0].a
    if (
        matched >= max(MIN_OVERLAP, OVERLAP * len(short))
        and run_long <= matched + SLACK
        and run_short <= matched + SLACK
    ):
        return ("overlap", ratio)
    return None


def substance(toks: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    """What makes two wordings differ in substance: their numbers (sorted) and how
    many negations they hold."""
    numbers = tuple(sorted(t for t in toks if t[0].isdigit()))
    return numbers, sum(1 for t in toks if t in NEGATIONS)


@lru_cache(maxsize=8192)
def trivial(text: str) -> tuple[str, ...]:
    """Wording after trivial normalisation only (case, typography, punctuation):
    what :data:`Statement.variants` compares; articles and inflections still count."""
    return tuple(words(text))


# ------------------------------------------------------------------------- diff
DiffOp = Literal["equal", "insert", "delete"]


def _surface_words(text: str) -> tuple[list[str], list[str]]:
    surface = _SURFACE.findall(text)
    keys = ["".join(words(w)) or w for w in surface]
    return surface, keys


def word_diff(a: str, b: str) -> list[tuple[DiffOp, str]]:
    """Word-by-word difference from report ``a`` to report ``b``: runs of ``equal``,
    ``delete`` (only in ``a``) and ``insert`` (only in ``b``), each with the original
    surface words joined by single spaces. Words compare after trivial normalisation
    (case, typography, punctuation), so "a figure" / "the figure" and "focused" /
    "focusing" show; a replaced run is its delete followed by its insert."""
    sa, ka = _surface_words(a)
    sb, kb = _surface_words(b)
    out: list[tuple[DiffOp, str]] = []

    def emit(op: DiffOp, chunk: list[str]) -> None:
        if not chunk:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + " " + " ".join(chunk))
        else:
            out.append((op, " ".join(chunk)))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            emit("equal", sb[j1:j2])
        else:
            emit("delete", sa[i1:i2])
            emit("insert", sb[j1:j2])
    return out
