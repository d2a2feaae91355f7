"""The quote finder (sma_tui/ingest/quotes.py): single marks, headline quotes, nesting and
bounds. Every sentence here is an invented test sentence."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sma_tui.ingest import extract
from sma_tui.ingest.quotes import SINGLE_MAX, marked_quotes
from sma_tui.ingest.text import paragraphs, sentence_bounds


def found(body: str, title: bool = False) -> list[str]:
    paras = paragraphs(body)
    if title:
        paras[0].title = True
    return [body[q.start : q.end] for q in marked_quotes(body, paras)]


@pytest.mark.parametrize(
    "text",
    [
        "Korea's share rose in the '90s, when the troops were fewer.",
        "Talks ran to ten o'clock; the envoys' cars waited outside.",
        "The band played rock 'n' roll at the allies' reception in ’19.",
        "Officials said the allies' talks would go on, and the Koreas' leaders agreed.",
        "The negotiators' positions, the ministers' aides and the lawmakers' staff all left.",
        "A ‘ stray mark, another ’ one, and Seoul’s word with nothing open’",
        "They'll pay 'em back, 'cause the deal's done.",
        "He stood 5'10\" tall and didn't say a word.",
    ],
)
def test_apostrophes_never_open_or_close_a_quote(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The ministry called the offer 'not responsive' and declined to say more.", ["not responsive"]),
        ("He replied that Tokyo's position had 'not shifted at all.'", ["not shifted at all."]),
        ("The envoys' talks were 'far from over', an aide to the minister said.", ["far from over"]),
        ("The unions' 'final warning' went unanswered.", ["final warning"]),
        ("He said the 'allies' burden' had to grow.", ["allies' burden"]),
        ("Critics called it ‘a bad bargain’ and ‘a gift to Pyongyang’.", ["a bad bargain", "a gift to Pyongyang"]),
        ("'We will not pay a dollar more,' the official told reporters.", ["We will not pay a dollar more"]),
        ("The aide called the talks' pace 'glacial'.", ["glacial"]),
    ],
)
def test_single_quoted_quotations_in_the_body(text: str, quotes: list[str]) -> None:
    assert found(text) == quotes


def test_a_single_quoted_span_inside_a_double_quote_is_nested_not_separate() -> None:
    body = (
        "\"The treaty says 'mutual defence,' not 'mutual payment,' and we agree,\" the envoy said.\n\n"
        "“Nobody says ‘never’ in a negotiation,” she added, “not even Seoul.”"
    )
    assert found(body) == [
        "The treaty says 'mutual defence,' not 'mutual payment,' and we agree",
        "Nobody says ‘never’ in a negotiation",
        "not even Seoul.",
    ]


def test_a_single_quote_never_spans_a_double_quote_or_a_paragraph() -> None:
    body = "The aide called it 'costly \"and\" slow.\n\nThe minister' said nothing."
    assert found(body) == ["and"]
    long = "The envoy called it '" + "very " * (SINGLE_MAX // 5) + "costly' and left."
    assert found(long) == []


def test_a_possessive_closes_only_a_short_phrase_within_one_sentence() -> None:
    body = "The talks in 'Seoul ended on Friday. The allies' positions were unchanged."
    assert found(body) == []


@pytest.mark.parametrize(
    ("headline", "quotes"),
    [
        ('Union: "We Will Not Strike Yet"', ["We Will Not Strike Yet"]),
        ("Envoy: 'Seoul's share must rise soon'", ["Seoul's share must rise soon"]),
        ("US walks out of 'pointless' cost talks", ["pointless"]),  # repeated in the body
        ("Cost talks end with 'rift' intact", []),  # the editor's word, no one in the body says it
        ("'They Can Pay More': minister presses Seoul", ["They Can Pay More"]),
    ],
)
def test_headline_quotes(headline: str, quotes: list[str]) -> None:
    body = (
        f"{headline}\n\n"
        'The negotiator said the Korean offer was "pointless." He also said the rift between the allies was old.\n\n'
        '"They can pay more, and they know it," the minister said.'
    )
    assert found(body, title=True)[: len(quotes)] == quotes
    assert len(found(body, title=True)) == len(quotes) + 2


def test_a_headline_quote_never_runs_on_into_the_body() -> None:
    body = 'Envoy says "talks are over\n\n"We are leaving," the envoy said.'
    assert found(body, title=True) == ["talks are over", "We are leaving"]


def test_single_quoted_partial_quote_is_extracted_with_its_speaker(corpus) -> None:
    body = (
        "SEOUL -- South Korea's chief negotiator Jeong Eun-bo said Tuesday the U.S. demand was "
        "'hard to accept' and that the talks' next round would be in Washington.\n\n"
        "Jeong said Seoul's position had 'not changed,' and the allies' teams would meet again, "
        "as they have since the '90s."
    )
    x = extract(body, corpus=corpus)
    got = {q.text: q.speaker for q in x.quotes}
    assert set(got) == {"hard to accept", "not changed,"} or set(got) == {"hard to accept", "not changed"}
    assert all(s == "jeong-eun-bo" for s in got.values())


# ------------------------------------------------------------------ properties
PIECES = ["Korea's ", "'90s ", "the allies' ", " 'a ", "b' ", "‘", "’ ", "'", " ", "x", ".", "\n\n", '"', "“", "”",
          "rock 'n' roll ", "o'clock ", "'s ", "Seoul: ", "' ", " '", "''", "``"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=200).map("".join))
@example(" 'a \n\n 'a the allies' ")  # a run reopened after a paragraph's leading space (found by hypothesis)
def test_quotes_are_sane_on_any_mix_of_marks(body: str) -> None:
    paras = paragraphs(body)
    quotes = marked_quotes(body, paras)
    opens = [q.open for q in quotes]
    assert opens == sorted(opens) and len(set(opens)) == len(opens)
    for q in quotes:
        assert 0 <= q.open <= q.start <= q.end <= len(body)
        if q.open == q.start:  # an opening mark lost: from the paragraph start to a closing mark
            assert q.close is not None and body[q.close] in "\"”»'’" and (q.open == 0 or body[q.open - 1] == "\n")
        if body[q.open] in "'‘’" and body[q.open : q.open + 2] != "''":  # two apostrophes: a double mark
            assert q.close is not None and q.end <= q.close and body[q.close] in "'’"
            pieces = body[q.open : q.close].split("\n\n")  # a run over paragraphs reopens each one
            assert all(piece.lstrip()[:1] in "'‘’" for piece in pieces[1:])  # a paragraph starts at its first mark
            assert all(len(piece) <= SINGLE_MAX + 1 for piece in pieces)
            assert not ('"' in body[q.open : q.close] or "“" in body[q.open : q.close])
            for mark in (q.open, q.close):  # never an apostrophe between two letters
                assert not (body[mark - 1 : mark].isalnum() and body[mark + 1 : mark + 2].isalnum())


@pytest.mark.parametrize("piece", ["Korea's ", " 'a ", "the allies' ", "'x' ", " ' ", "‘a ’s ", "'a b' 'c "])
def test_long_runs_of_apostrophes_and_stray_marks_stay_linear(piece: str) -> None:
    small, big = piece * 2_000, piece * 20_000
    timings = []
    for body in (small, big):
        start = time.perf_counter()
        marked_quotes(body, paragraphs(body))
        timings.append(time.perf_counter() - start)
    assert timings[1] < 60 * max(timings[0], 1e-3)  # ten times the text: far from a hundred times the work


def test_sentences_end_after_a_straight_single_mark_and_begin_with_one() -> None:
    body = "He said Seoul's offer was 'not enough.' The talks went on. 'We will wait,' an aide said. It rained."
    cuts = [body[a:b] for a, b in sentence_bounds(body, 0, len(body), [])]
    assert cuts == [
        "He said Seoul's offer was 'not enough.'",
        "The talks went on.",
        "'We will wait,' an aide said.",
        "It rained.",
    ]
    clause = "'We will not pay more.' Trump added. Then he left."
    assert [clause[a:b] for a, b in sentence_bounds(clause, 0, len(clause), [])][0] == (
        "'We will not pay more.' Trump added."
    )


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('The official said,"We will not move," and left.', ["We will not move"]),
        ('Union:"We Will Not Give Up" on the first day', ["We Will Not Give Up"]),
        ('•"We are close," an aide said.', ["We are close"]),
        ("“We will not pay,“ he said. “Not now.”", ["We will not pay", "Not now."]),
        ("He said ”We are done” and left.", ["We are done"]),
        ('"Yes,"he said, "we will."', ["Yes", "we will."]),
    ],
)
def test_double_marks_typed_the_wrong_way_or_without_a_space(text: str, quotes: list[str]) -> None:
    assert found(text) == quotes


def test_british_single_quotes_over_paragraphs_are_one_quotation(corpus) -> None:
    body = (
        "The minister was blunt. He told reporters: ‘We will not be rushed. Seoul’s offer stands.\n\n"
        "‘The allies’ teams will meet again when there is something new to say,’ he said.\n\n"
        "The 'Dear Leader line.\n\n"
        "‘A stray run that nobody closes.\n\n"
        "The talks ended."
    )
    assert found(body) == [
        "We will not be rushed. Seoul’s offer stands.\n\n"
        "‘The allies’ teams will meet again when there is something new to say"
    ]
    x = extract(
        "SEOUL -- Minister Kang Kyung-wha spoke on Monday.\n\n" + body.replace("He told", "Kang told"), corpus=corpus
    )
    assert [q.text.split(".")[0] for q in x.quotes] == ["We will not be rushed"]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The minister said, ''We will respond firmly,'' and left.", ["We will respond firmly"]),
        ("``We will wait,'' an aide said. ''Not now.''", ["We will wait", "Not now."]),
        ("He said: ''First part.\n\n''Second part,'' he added.", ["First part.\n\n''Second part"]),
        ("It''s a typo, not a quote.", []),
    ],
)
def test_typewriter_double_marks(text: str, quotes: list[str]) -> None:
    assert found(text) == quotes


def test_typewriter_and_single_marked_quotes_get_their_speaker(corpus) -> None:
    body = (
        "SEOUL -- South Korea's chief negotiator Jeong Eun-bo spoke on Monday.\n\n"
        "``We will keep talking,'' Jeong told reporters. ''Nothing is final.''\n\n"
        "He said the offer was 'fair and reasonable' and the allies' teams would meet again."
    )
    x = extract(body, corpus=corpus)
    assert [(q.text, q.speaker) for q in x.quotes] == [
        ("We will keep talking", "jeong-eun-bo"),
        ("Nothing is final.", "jeong-eun-bo"),
        ("fair and reasonable", "jeong-eun-bo"),
    ]


def test_a_quoted_agreement_title_or_acronym_is_a_name_not_a_quotation() -> None:
    body = (
        "The allies concluded a six-year “Special Measures Agreement” and said the “SMA” would run to 2025. "
        'Kim said “NO” to a shorter deal and called it "a fair deal for both."\n'
    )
    assert found(body) == ["NO", "a fair deal for both."]
