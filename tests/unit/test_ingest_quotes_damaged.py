"""Quote marks as real pages damage them (issue 11): an opening mark lost, a quotation that
goes on into the next paragraph without reopening its mark, straight marks with the spaces on
the wrong side, a headline "Name: 'quote'" repeated in an image caption, a single-quoted
headline phrase before a double-quoted one. Every sentence here is written for the test;
none is copied from an article."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sma_tui.ingest import extract
from sma_tui.ingest.quotes import marked_quotes
from sma_tui.ingest.text import paragraphs, sentence_bounds
from sma_tui.ingest.transcripts import press_turns


def found(body: str, title: bool = False) -> list[str]:
    paras = paragraphs(body)
    if title:
        paras[0].title = True
    return [body[q.start : q.end] for q in marked_quotes(body, paras)]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("We will not be anyone's piggy bank! We will not pay”\n\nThe students then marched on.",
         ["We will not be anyone's piggy bank! We will not pay"]),
        ("Both capitals know the deal is about money,” the analyst said. “But troops are not for hire.”",
         ["Both capitals know the deal is about money", "But troops are not for hire."]),
        ('Both capitals know the deal is about money," the analyst said.',
         ["Both capitals know the deal is about money"]),
    ],
)  # fmt: skip
def test_a_quotation_whose_opening_mark_was_lost_runs_from_the_paragraph_start(text: str, quotes: list[str]) -> None:
    assert found(text) == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The destroyer carried two 5” guns and sailed on Monday.", []),  # an inch mark after a digit
        ("The minister said,”We will pay” and left the room.", []),  # text runs on into the mark
        ("Seoul has paid” more than its share, the aide added.", []),  # the mark ends no clause
        ("Not enough,” he said.", []),  # too short to be sure
        ("“The talks are over” and “the deal is dead” they said.", ["The talks are over", "the deal is dead"]),
    ],
)
def test_a_stray_closing_mark_is_not_a_quotation(text: str, quotes: list[str]) -> None:
    assert found(text) == quotes


def test_a_headline_with_a_lost_opening_mark_is_left_alone() -> None:
    assert found("Allies will not pay more than fair,” envoy says\n\nThe talks went on.", title=True) == []


def test_a_quotation_goes_on_into_the_next_paragraph_without_reopening_its_mark() -> None:
    body = (
        "\"I doubt the deal can close this month.\n\n"
        "Much work remains before a signing,\" an official said.\n\n"
        "The next round is set for Seoul."
    )
    assert found(body) == ["I doubt the deal can close this month.\n\nMuch work remains before a signing"]
    opened = '"We are not done.\n\n"Nobody is leaving the table," she said.'
    assert found(opened) == ["We are not done.\n\n\"Nobody is leaving the table"]  # the reopened style still joins


def test_straight_marks_with_the_spaces_on_the_wrong_side_around_the_reporting_clause() -> None:
    body = '"The first cost of this fight is trust, "said Kim Tae-ho," and trust is slow to rebuild. "\n\nIt rained.'
    assert found(body) == ["The first cost of this fight is trust", "and trust is slow to rebuild."]
    plain = '"Yes," he said, "we will." Then "no," she said.'
    assert found(plain) == ["Yes", "we will.", "no"]  # marks spaced the usual way are read as before


def test_the_halves_around_a_misspaced_reporting_clause_get_its_speaker(corpus) -> None:
    body = (
        "SEOUL -- Analysts weighed the demand on Friday.\n\n"
        '"The first cost of this fight is trust, "said Kim Tae-ho," and trust is slow to rebuild. "\n'
    )
    got = [(q.text, q.speaker) for q in extract(body, corpus=corpus).quotes]
    assert [t for t, _ in got] == ["The first cost of this fight is trust", "and trust is slow to rebuild."]
    assert got[0][1] is not None and got[0][1] == got[1][1]


@pytest.mark.parametrize("label", ["Envoy", "U.S.", "USFK"])
def test_a_repeated_headline_label_before_a_quote_is_not_a_transcript(corpus, label: str) -> None:
    body = (
        f"{label}: “Seoul Must Carry More of the Load”... Talks Resume\n\n"
        "The two sides met again in Washington on Monday.\n\n"
        f"{label}: “Seoul Must Carry More of the Load”... Talks Resume [Image source=Wire]\n\n"
        "On Monday, chief negotiator James DeHart told a forum that \"the allies should share the load fairly.\"\n\n"
        'He added, "We are not there yet."\n'
    )
    assert press_turns(body, paragraphs(body)) == ([], set())
    texts = [q.text for q in extract(body, corpus=corpus).quotes]
    assert "the allies should share the load fairly." in texts and "We are not there yet." in texts


def test_a_single_quoted_phrase_closed_by_a_possessive_looking_mark_before_a_double_quote() -> None:
    body = 'Ministry: Seoul did not ‘make threats’ in the talks -- The ministry said "the talks go on," adding more.'
    assert found(body) == ["make threats", "the talks go on"]


# ------------------------------------------------------------------ properties and bounds
PIECES = ['"', "”", "“", " ", "x y z", ",", ".", "\n\n", ', "said Kim,"', "5”", "a b c” ", '"a, "said b," c "']


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join))
def test_damaged_marks_give_sane_spans(body: str) -> None:
    paras = paragraphs(body)
    quotes = marked_quotes(body, paras)
    ends = [(q.start, q.end) for q in quotes]
    assert ends == sorted(ends)
    for q in quotes:
        assert 0 <= q.open <= q.start < q.end <= len(body)
        text = body[q.start : q.end]
        assert text == text.strip() and any(ch.isalnum() for ch in text)
        if q.close is not None:
            assert q.end <= q.close and body[q.close] in "\"”“»'’"
    for a, b in zip(quotes, quotes[1:], strict=False):
        assert a.end <= b.start  # never two quotations over the same words


@pytest.mark.parametrize("piece", ["a b c”\n\n", '"a, "said Kim," b "', 'x y z," Kim said. ', '"a b.\n\nc d e," f\n\n'])
def test_damaged_mark_patterns_stay_linear(piece: str) -> None:
    timings = []
    for body in (piece * 2_000, piece * 20_000):
        start = time.perf_counter()
        marked_quotes(body, paragraphs(body))
        timings.append(time.perf_counter() - start)
    assert timings[1] < 60 * max(timings[0], 1e-3)  # ten times the text: far from a hundred times the work


def test_a_closing_mark_typed_after_a_space_at_a_line_end_still_ends_the_sentence() -> None:
    body = '"Trust is slow to rebuild. "\nThe aide said the talks would go on. Then it rained.'
    cuts = [body[a:b] for a, b in sentence_bounds(body, 0, len(body), [(0, 27)])]
    assert cuts == ['"Trust is slow to rebuild. "', "The aide said the talks would go on.", "Then it rained."]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He spoke on the network's 'Morning Hour with Dana Reyes' that \"We will not pay.\"", ["We will not pay."]),
        ("In “The Long Road to Seoul,” due out next week, the envoy recalls the talks.", []),
        ("Her memoir said the offer was “A Fair Deal for Both Allies,” an aide recalled.",
         ["A Fair Deal for Both Allies"]),  # no possessive, no sentence-opening "In": a quotation
        ("The envoy's “we will never accept this offer” stance held.", ["we will never accept this offer"]),
    ],
)  # fmt: skip
def test_the_title_of_a_book_or_a_show_is_not_a_quotation(text: str, quotes: list[str]) -> None:
    assert found(text) == quotes


def test_a_scare_quote_after_perceived_as_is_not_a_quotation() -> None:
    assert found("The remark was perceived as 'meddling in our affairs.' He said \"no.\"") == ["no."]


def test_a_teaser_cut_off_mid_word_in_a_list_of_links_is_not_a_quotation() -> None:
    body = (
        "Latest News\n\n[Alliance] “Workers at the bases help the alliance in ways few see and bet...\n\n"
        "[Alliance] “Workers at the bases help\n\n"
        "[Alliance] “The deal is fair,” the minister says\n\n"
        "“We cannot wait...\n\n"
        "The aide left."
    )
    assert found(body) == ["The deal is fair", "We cannot wait..."]  # no section tag: an excerpt cut short, kept
