"""Quotations of a person the article names that were left with no speaker on real coverage
(real set R dev, dev2, dev3): a title held before ("former President X"), and more. Every
sentence here is written for the test; none is copied from an article."""

from __future__ import annotations

from sma_tui.ingest import extract


def _said(corpus, text: str, date: str = "2024-10-17"):
    x = extract(text, corpus=corpus, overrides={"date": date})
    quotes = sorted(x.quotes, key=lambda q: q.start)
    return [(q.text, q.speaker, q.attribution) for q in quotes]


def test_a_title_held_before_names_the_person_who_held_it(corpus) -> None:
    text = (
        "Former President Donald Trump spoke at a town hall in Ohio on Monday.\n\n"
        'Later that day, former President Trump said on a radio show that "the allies pay us nothing."\n\n'
        'Earlier, then-President Trump had described the country as a "cash cow" in a speech.\n'
    )
    got = _said(corpus, text)
    assert [g[1] for g in got] == ["donald-trump", "donald-trump"]

