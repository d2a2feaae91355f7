"""Statements: one remark, many reports (issue 16).

The sentences below are written for these tests in the constructions wire copy uses
when several outlets carry the same remarks: a full sentence in one, a fragment of it
in another, "burden-sharing"/"burden sharing", "a"/"the", "focused"/"focusing",
"[the U.S.]" for "we", a quote that starts mid-sentence and runs on past where another
outlet stopped. None is copied from a real article.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sma_tui.core.statements import wording
from sma_tui.core.statements.index import StatementIndex, explicit_speaker
from sma_tui.core.statements.state import StaleState, restore, snapshot
from sma_tui.core.statements.wording import match, stem, tokens, word_diff


@dataclass(frozen=True)
class Q:
    id: str
    text: str
    speaker: str | None = None
    date: str | None = "2019-11-19"
    attribution: str | None = None  # None: as today's extractor, a speaker is explicit


FULL = (
    "As a result, we cut our part in the meeting short in order to give the other side some time "
    "to think again and, I hope, to bring new ideas that would let both sides reach a fair deal."
)
TAIL = (
    "give the other side some time to think again and I hope to bring new ideas that would let "
    "both sides reach a fair deal in the spirit of our long friendship"
)
OTHER = "We have come with open minds and we are ready to adjust our position if it is needed."
THIRD = "The workers on our bases should not be held hostage to the talks on cost sharing."


def grouping(index: StatementIndex) -> set[frozenset[str]]:
    return {frozenset(s.reports) for s in index.statements()}


def together(index: StatementIndex, a: str, b: str) -> bool:
    return index.statement_of(a).id == index.statement_of(b).id


# ---------------------------------------------------------------- normalising
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("focused", "focusing"),
        ("figure", "figures"),
        ("figured", "figure"),
        ("tried", "tries"),
        ("cutting", "cut"),
        ("towards", "toward"),
        ("proposals", "proposal"),
        ("stopped", "stop"),
        ("taxes", "tax"),
    ],
)
def test_stem_conflates_the_inflections_transcription_varies(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("focus", "ferry"), ("was", "way"), ("policy", "police")])
def test_stem_keeps_distinct_words_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_tokens_fold_typography_case_articles_and_insertions() -> None:
    assert tokens("“That is NOT a figure we’re focused on.”") == tokens("that is not the figure we are focusing on")
    assert tokens("[The U.S.] will not pay (sic) more") == tokens("will not pay more")
    assert tokens("burden-sharing") == tokens("burden sharing")
    assert tokens("28,500 troops") == tokens("28500 troops")
    assert tokens("We can't and won't") == ("we", "can", "not", "and", "will", "not")
    assert "5" in tokens("a $5 billion demand") and "4.7" in tokens("$4.7 billion")


def test_insertions_cannot_make_normalising_slow() -> None:
    text = "[" * 20_000 + "(" * 20_000 + " word" * 1000
    assert tokens(text).count("word") == 1000  # bounded patterns: linear, nothing lost


# ------------------------------------------------------------------- matching
def test_issue_example_is_one_statement_with_visible_differences() -> None:
    a = Q("yonhap/q1", "That is not a figure we are focused on.", "dehart")
    b = Q("reuters/q4", "that is not the figure we are focusing on", "dehart", "2019-11-20")
    index = StatementIndex.build([b, a])
    (s,) = index.statements()
    assert s.reports == ("yonhap/q1", "reuters/q4")  # earliest first
    assert s.variants and not s.substantive and s.speaker_id == "dehart"
    assert word_diff(a.text, b.text) == [
        ("equal", "that is not"),
        ("delete", "a"),
        ("insert", "the"),
        ("equal", "figure we are"),
        ("delete", "focused"),
        ("insert", "focusing"),
        ("equal", "on"),
    ]


def test_cross_outlet_variants_merge() -> None:
    quotes = [
        Q("a/q1", "We came with open minds, ready to adjust our position as needed to reach a fair deal.", "d"),
        Q(
            "b/q1",
            "We came with an open mind and were ready to adjust our position as necessary to reach a fair deal",
            "d",
        ),
        Q(
            "c/q1",
            "Sadly, the offers put forward by the Korean team were not responsive to our call for burden-sharing.",
            "d",
        ),
        Q(
            "d/q1",
            "the offers that were put forward by the Korean negotiating team were not responsive"
            " to our call for burden sharing",
            "d",
        ),
    ]
    index = StatementIndex.build(quotes)
    assert grouping(index) == {frozenset({"a/q1", "b/q1"}), frozenset({"c/q1", "d/q1"})}


def test_partial_and_overlapping_reports_join_the_full_sentence() -> None:
    quotes = [
        Q("wire/q3", FULL, "dehart"),
        Q("paper/q1", "some time to think again", "dehart"),
        Q("agency/q2", TAIL, "dehart", "2019-11-20"),
        Q("paper/q2", OTHER, "dehart"),
    ]
    index = StatementIndex.build(quotes)
    s = index.statement_of("wire/q3")
    assert set(s.reports) == {"wire/q3", "paper/q1", "agency/q2"}
    assert s.text == FULL and s.text_quote == "wire/q3"
    assert s.id == "st:paper/q1"  # the earliest report (date, then id) names it
    assert not together(index, "wire/q3", "paper/q2")


def test_distinct_sentences_of_one_speaker_stay_apart() -> None:
    quotes = [
        Q("a/q1", "We want a mutually acceptable agreement on cost sharing that serves both of our countries.", "kim"),
        Q("a/q2", "We will not sign a mutually acceptable agreement on cost sharing at any price, however.", "kim"),
        Q("b/q1", "a mutually acceptable agreement on cost sharing", "kim"),  # contained in both
        Q("c/q1", OTHER, "kim"),
        Q("c/q2", THIRD, "kim"),
    ]
    index = StatementIndex.build(quotes)
    assert not together(index, "a/q1", "a/q2")
    assert not together(index, "c/q1", "c/q2")
    statement = index.statement_of("b/q1")  # the fragment joins exactly one of them
    assert len(statement.reports) == 2 and ("a/q1" in statement.reports) != ("a/q2" in statement.reports)


def test_different_explicit_speakers_never_merge_and_are_listed() -> None:
    quotes = [
        Q("a/q1", FULL, "dehart"),
        Q("b/q1", FULL, "state-dept-spokesperson", "2019-11-20"),
        Q("c/q1", "some time to think again", "jeong"),
    ]
    index = StatementIndex.build(quotes)
    assert len(index) == 3
    assert index.statement_of("a/q1").conflicting_speakers == ("jeong", "state-dept-spokesperson")
    found = {(d.quote_a, d.quote_b, d.how) for d in index.disagreements()}
    assert ("a/q1", "b/q1", "same") in found or ("b/q1", "a/q1", "same") in found
    assert {frozenset({d.speaker_a, d.speaker_b}) for d in index.disagreements()} == {
        frozenset({"dehart", "state-dept-spokesperson"}),
        frozenset({"dehart", "jeong"}),
        frozenset({"state-dept-spokesperson", "jeong"}),
    }


@pytest.mark.parametrize(
    ("partial", "joins"),
    [
        ("ironclad", False),  # one word: never by containment
        ("fair and equitable", False),  # three tokens
        ("we are going to", False),  # four tokens, but all stopwords
        ("a fair and equitable agreement", True),  # four tokens, three content words
        ("some time to think again", True),
    ],
)
def test_short_partials_join_only_when_long_enough(partial: str, joins: bool) -> None:
    full = (
        "The alliance is ironclad and we are going to keep working for a fair and equitable agreement,"
        " giving Seoul some time to think again."
    )
    index = StatementIndex.build([Q("a/q1", full, "esper"), Q("b/q1", partial, "esper")])
    assert together(index, "a/q1", "b/q1") is joins


def test_short_unattributed_wording_stays_alone_but_same_speaker_repeats_group() -> None:
    index = StatementIndex.build(
        [Q("a/q1", "ironclad", "esper"), Q("b/q1", "Ironclad", "esper"), Q("c/q1", "ironclad"), Q("d/q1", "ironclad")]
    )
    assert together(index, "a/q1", "b/q1")
    assert not together(index, "a/q1", "c/q1") and not together(index, "c/q1", "d/q1")
    assert index.disagreements() == []  # a stock word said by many is no disagreement


# ---------------------------------------------------------- statement fields
def test_substantive_differences_number_and_negation() -> None:
    base = "Washington asked Seoul to pay 5 billion dollars a year for the troops stationed on the peninsula"
    index = StatementIndex.build(
        [
            Q("a/q1", base, "x"),
            Q("b/q1", base.replace("5 billion", "4.7 billion"), "x", "2019-11-20"),
            Q("c/q1", "We will never accept such a large increase in our share of the cost.", "y"),
            Q("d/q1", "We will accept such a large increase in our share of the cost.", "y"),
            Q("e/q1", FULL, "z"),
            Q("f/q1", "give the other side some time to think again", "z"),
        ]
    )
    assert index.statement_of("a/q1").substantive and together(index, "a/q1", "b/q1")
    assert index.statement_of("c/q1").substantive and together(index, "c/q1", "d/q1")
    fragment = index.statement_of("f/q1")  # a fragment lacking the rest of the sentence is not a change
    assert "e/q1" in fragment.reports and not fragment.substantive and not fragment.variants


def test_variants_ignore_case_and_punctuation_only() -> None:
    index = StatementIndex.build(
        [
            Q("a/q1", OTHER, "k"),
            Q("b/q1", "“WE HAVE come with open minds; and we are ready to adjust our position if it is needed”", "k"),
        ]
    )
    assert len(index) == 1 and not index.statements()[0].variants


# ------------------------------------------------------------- attribution
def test_weak_reports_inherit_the_explicit_speaker_with_evidence() -> None:
    quotes = [
        Q("a/q1", FULL, "dehart", "2019-11-19"),
        Q("b/q1", TAIL, None, "2019-11-19"),
        Q("c/q1", "some time to think again", "yonhap", "2019-11-20", attribution="context"),
        Q("d/q1", FULL, "dehart", "2019-11-21", attribution="pronoun"),
    ]
    index = StatementIndex.build(quotes)
    s = index.statement_of("a/q1")
    assert set(s.reports) == {"a/q1", "b/q1", "c/q1", "d/q1"} and s.speaker_id == "dehart"
    assert {(i.quote, i.speaker, i.evidence, i.attribution) for i in index.inherit(s)} == {
        ("b/q1", "dehart", "a/q1", "context"),
        ("c/q1", "dehart", "a/q1", "context"),
        ("d/q1", "dehart", "a/q1", "context"),
    }


def test_unattributed_report_matching_two_speakers_joins_neither() -> None:
    index = StatementIndex.build([Q("a/q1", FULL, "dehart"), Q("b/q1", FULL, "harris"), Q("c/q1", FULL)])
    assert index.statement_of("c/q1").reports == ("c/q1",)
    assert index.inherit(index.statement_of("c/q1")) == []


def test_no_inheritance_without_an_explicit_report() -> None:
    index = StatementIndex.build([Q("a/q1", FULL), Q("b/q1", TAIL)])
    assert together(index, "a/q1", "b/q1") and index.statement_of("a/q1").speaker_id is None
    assert index.inherit(index.statement_of("a/q1")) == []


def test_explicit_speaker_reads_attribution() -> None:
    assert explicit_speaker(Q("x", "t", "a")) == "a"
    assert explicit_speaker(Q("x", "t", "a", attribution="explicit")) == "a"
    assert explicit_speaker(Q("x", "t", "a", attribution="pronoun")) is None
    assert explicit_speaker(Q("x", "t", None, attribution="explicit")) is None


# --------------------------------------------------------------- word diff
def test_word_diff_keeps_surface_words_and_reconstructs_both_sides() -> None:
    a, b = FULL, TAIL
    diff = word_diff(a, b)
    assert {op for op, _ in diff} <= {"equal", "insert", "delete"}
    assert " ".join(t for op, t in diff if op != "delete") == " ".join(b.split())  # b's own words
    old_side = " ".join(t for op, t in diff if op != "insert")  # equal runs are shown as b wrote them
    assert wording.trivial(old_side) == wording.trivial(a)
    assert ("delete", "As a result, we cut our part in the meeting short in order to") in diff
    assert diff[-1] == ("insert", "in the spirit of our long friendship")
    assert word_diff("same words", "Same words.") == [("equal", "Same words.")]
    assert word_diff("", "") == []


# ----------------------------------------------------------- incremental
def test_add_reports_what_joined_what_and_renamed_statements() -> None:
    index = StatementIndex.build([Q("b/q1", "some time to think again", "dehart", "2019-11-20")])
    result = index.add([Q("a/q1", FULL, "dehart", "2019-11-19")])
    (join,) = result.joins
    assert join.quote == "a/q1" and join.statement == "st:a/q1" and join.peers == ("b/q1",)
    assert result.replaced == {"st:b/q1": "st:a/q1"}  # an earlier report renames the statement
    assert index.add([Q("a/q1", FULL, "dehart")]).joins == ()  # a re-add is a no-op


def _corpus() -> list[Q]:
    return [
        Q("a/q1", FULL, "dehart", "2019-11-19"),
        Q("b/q1", TAIL, None, "2019-11-19"),
        Q("c/q1", "some time to think again", "dehart", "2019-11-20"),
        Q("c/q2", OTHER, "dehart", "2019-11-20"),
        Q("d/q1", OTHER.replace("minds", "mind"), "dehart", "2019-11-21"),
        Q("d/q2", FULL, "harris", "2019-11-21"),
        Q("e/q1", THIRD, None, "2019-11-22"),
        Q("e/q2", "ironclad", "esper", "2019-11-22"),
        Q("f/q1", THIRD.replace("cost sharing", "cost-sharing"), "jeong", "2019-11-23"),
    ]


def _snapshot(index: StatementIndex) -> list[object]:
    return [(s, index.inherit(s)) for s in index.statements()] + [index.disagreements()]


def test_incremental_equals_batch_and_is_deterministic() -> None:
    quotes = _corpus()
    batch = StatementIndex.build(quotes)
    for seed in range(20):
        shuffled = quotes[:]
        random.Random(seed).shuffle(shuffled)
        index = StatementIndex()
        for q in shuffled:
            index.add([q])
        assert _snapshot(index) == _snapshot(batch)
    assert _snapshot(StatementIndex.build(quotes)) == _snapshot(batch)


# ------------------------------------------------------------- properties
_SENTENCES = [FULL, TAIL, OTHER, THIRD, "some time to think again", "ironclad", "fair and equitable"]
_EDITS = [
    lambda t: t,
    lambda t: t.replace(" the ", " a "),
    lambda t: t.replace("ing ", "ed "),
    lambda t: t.upper(),
    lambda t: t.replace("would", "could"),
    lambda t: t.replace("some time", "a little time"),
    lambda t: " ".join(t.split()[3:10]),  # a fragment, as a partial quote
    lambda t: "[Washington] " + " ".join(t.split()[2:]),
]
quote_lists = st.lists(
    st.tuples(
        st.sampled_from(range(len(_SENTENCES))),
        st.sampled_from(range(len(_EDITS))),
        st.sampled_from([None, "dehart", "harris", "kim"]),
        st.sampled_from(["2019-11-19", "2019-11-20", None]),
        st.sampled_from([None, "pronoun", "explicit"]),
    ),
    max_size=18,
).map(
    lambda rows: [
        Q(f"art{i % 5}/q{i}", _EDITS[e](_SENTENCES[s]), sp, d, at) for i, (s, e, sp, d, at) in enumerate(rows)
    ]
)


@settings(max_examples=150, deadline=None)
@given(quote_lists, st.randoms(use_true_random=False))
def test_grouping_is_a_partition_independent_of_add_order(quotes: list[Q], rnd: random.Random) -> None:
    batch = StatementIndex.build(quotes)
    seen = [q for s in batch.statements() for q in s.reports]
    assert sorted(seen) == sorted(q.id for q in quotes)  # every quote in exactly one statement
    for s in batch.statements():
        speakers = {batch.report(q).explicit for q in s.reports} - {None}
        assert len(speakers) <= 1 and s.speaker_id == (speakers.pop() if speakers else None)
        assert s.id == "st:" + s.reports[0]
    shuffled = quotes[:]
    rnd.shuffle(shuffled)
    cut = rnd.randint(0, len(shuffled))
    index = StatementIndex()
    index.add(shuffled[:cut])
    index = restore(json.loads(json.dumps(snapshot(index))), shuffled[:cut])  # saved and loaded between adds
    index.add(shuffled[cut:])
    assert _snapshot(index) == _snapshot(batch)
    again = index.add(quotes)  # idempotent re-add
    assert again.joins == () and _snapshot(index) == _snapshot(batch)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_match_is_symmetric_and_word_diff_round_trips(a: str, b: str) -> None:
    ta, tb = tokens(a), tokens(b)
    assert match(ta, tb) == match(tb, ta) or {r[0] for r in (match(ta, tb), match(tb, ta)) if r} <= {"near"}
    diff = word_diff(a, b)
    assert wording.trivial(" ".join(t for op, t in diff if op != "insert")) == wording.trivial(a)
    assert " ".join(t for op, t in diff if op != "delete") == " ".join(b.split())


def test_thresholds_are_the_documented_ones() -> None:
    assert (wording.NEAR_SAME, wording.MIN_PARTIAL, wording.MIN_CONTENT) == (0.8, 4, 2)
    assert (wording.CONTAINED, wording.OVERLAP, wording.MIN_OVERLAP, wording.SLACK) == (0.85, 0.75, 12, 2)


# --------------------------------------------------------- bundled corpus
def test_bundled_breitbart_partial_joins_deharts_full_sentence() -> None:
    from sma_tui.bundled.build import bundled_corpus

    corpus = bundled_corpus()
    index = StatementIndex.build(corpus.quote_list())
    by_text = {q.text: q.id for q in corpus.quote_list() if q.article == "breitbart-2019-11-19"}
    partial = by_text["some time to reconsider."]
    full = next(i for t, i in by_text.items() if t.startswith("As a result, we cut short"))
    statement = index.statement_of(partial)
    assert statement.reports == tuple(sorted((partial, full))) and statement.text_quote == full
    assert statement.speaker_id == "james-dehart" and not statement.variants
    assert index.statement_of(by_text["increase drastically"]).reports == (by_text["increase drastically"],)
    assert len(index) == len(corpus.quotes) - 1  # nothing else in the bundled five is reported twice


def test_a_wording_credited_to_many_speakers_is_a_stock_phrase_not_a_disagreement() -> None:
    few = StatementIndex.build([Q(f"a{i}/q1", THIRD, f"speaker-{i}") for i in range(3)])
    assert len(few) == 3 and len(few.disagreements()) == 3
    many = StatementIndex.build([Q(f"a{i}/q1", THIRD, f"speaker-{i}") for i in range(10)])
    assert len(many) == 10 and many.disagreements() == []
    assert all(s.conflicting_speakers == () for s in many.statements())


def test_very_long_quotes_match_on_a_bounded_prefix() -> None:
    from sma_tui.core.statements.index import MAX_TOKENS

    long_text = " ".join(f"w{i % 97} alliance cost" for i in range(3000))
    index = StatementIndex.build([Q("a/q1", long_text, "k"), Q("b/q1", long_text + " indeed", "k")])
    assert together(index, "a/q1", "b/q1")
    assert len(index.statement_of("a/q1").text.split()) == 9001  # the fullest report, whole
    assert MAX_TOKENS == 400


def test_snapshot_restores_without_regrouping_and_detects_stale_state() -> None:
    quotes = _corpus()
    index = StatementIndex.build(quotes)
    state = json.loads(json.dumps(snapshot(index)))
    restored = restore(state, quotes)
    assert _snapshot(restored) == _snapshot(index) and snapshot(restored) == state
    more = [Q("g/q1", "some time to think again", None, "2019-11-18"), Q("g/q2", OTHER, "harris", "2019-11-18")]
    assert restored.add(more) == index.add(more) and _snapshot(restored) == _snapshot(index)
    with pytest.raises(StaleState):
        restore(state, quotes[:-1])  # a quote was removed since
    with pytest.raises(StaleState):
        restore(state, [*quotes, Q("h/q1", THIRD)])  # one was stored without the index
    with pytest.raises(StaleState):
        restore({"version": 0}, quotes)
