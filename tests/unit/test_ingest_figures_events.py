"""Figures as Korean and wire outlets write them, and event links by cue and nearness."""

from __future__ import annotations

import time

import pytest

from sma_tui.ingest import ExtractionTimeout, extract
from sma_tui.ingest.figures import find_figures


def _figures(body: str) -> list[tuple[str, float, str]]:
    return [(body[f.start : f.end], f.value, f.unit) for f in find_figures(body, 0, len(body))]


@pytest.mark.parametrize(
    "text,want",
    [("Seoul paid W1.04 trillion last year.", [("W1.04 trillion", 1.04e12, "KRW")]),
     ("It asked for around five billion dollars a year.", [("around five billion dollars", 5e9, "USD")]),
     ("USFK furloughed over 4,000 Korean employees.", [("over 4,000 Korean employees", 4000, "people")]),
     ("It sent home all 8,600 Korean workers.", [("all 8,600 Korean workers", 8600, "people")]),
     ("About 4,000 of them stayed home.", [("About 4,000", 4000, "people")]),
     ("It pays 4,000 or so of its staff.", [("4,000 or so", 4000, "people")]),
     ("The law bars cutting troop levels below 28,500 without notice.", [("28,500", 28500, "troops")]),
     ("It wanted a five-fold increase to $5 billion.", [("five-fold increase", 5, "multiple"),
                                                         ("$5 billion", 5e9, "USD")])],
)  # fmt: skip
def test_figures_outlets_write(text: str, want: list[tuple[str, float, str]]) -> None:
    assert _figures(text) == want


@pytest.mark.parametrize(
    "text",
    ["The deal is worth W1.1 trillion (US$1 = W1,190).", "The deal is worth W1.1 trillion (US$1 = 1,180 won).",
     "The deal is worth W1.1 trillion ($1 = 1,116.30 won)."],
)  # fmt: skip
def test_exchange_rates_are_not_figures(text: str) -> None:
    assert [t for t, _, _ in _figures(text)] == ["W1.1 trillion"]


def test_absurd_numbers_are_not_figures() -> None:
    assert _figures("It cost $" + "9" * 400 + " in all.") == []
    assert _figures("It cost $" + "9" * 15 + " billion.") == []  # beyond any budget: not finite-sane
    assert _figures("It cost " + "1" * 30 + " won.") == []


def test_this_weeks_talks_link_to_the_round_ahead(corpus) -> None:
    text = (
        "SEOUL -- Negotiators will meet in Seoul this week for the next round of talks.\n\n"
        '"We hope for progress," Jeong Eun-bo said on Sunday.\n'
    )
    x = extract(text, corpus=corpus, overrides={"date": "2019-11-17"})
    assert x.quotes[0].event == "round-3" and x.article.event == "round-3"


def test_an_ordinal_round_links_to_that_round(corpus) -> None:
    text = 'SEOUL -- Looking back at the second round, Jeong Eun-bo said it was "useful."\n'
    x = extract(text, corpus=corpus, overrides={"date": "2019-12-10"})
    assert x.quotes[0].event == "round-2"


def test_without_a_cue_the_latest_round_before(corpus) -> None:
    x = extract('SEOUL -- "Talks go on," Jeong Eun-bo said.\n', corpus=corpus, overrides={"date": "2019-11-28"})
    assert x.quotes[0].event == "round-3"


def test_a_deadline_in_the_past_refuses(corpus) -> None:
    with pytest.raises(ExtractionTimeout):
        extract('"Yes," he said.\n\n' * 3, corpus=corpus, deadline=time.monotonic() - 1)
    assert extract('"Yes," he said.\n', corpus=corpus, deadline=time.monotonic() + 60).quotes
