"""The main screen's overview: what it summarises, and how it stays short at scale."""

from __future__ import annotations

import dataclasses

from sma_tui.core.corpus import Corpus
from sma_tui.core.overview import MAX_DATES, MAX_PUBLISHERS, Overview, sources_of
from sma_tui.tui.format import sources_text, value_sources


def test_overview_of_the_bundled_corpus(corpus: Corpus) -> None:
    o = Overview.of(corpus)
    assert [e.id for e in o.events] == [e.id for e in corpus.timeline()]
    # round 3 has 10 quotes but 9 statements: Breitbart's partial "some time to reconsider"
    # reports the same remark of DeHart's as its full sentence (counts count statements)
    round3 = o.event("round-3")
    assert round3 is not None and (round3.quotes, round3.reports) == (9, 10)
    assert o.actor("james-dehart") is not None and o.actor("james-dehart").reports > o.actor("james-dehart").quotes
    assert (o.counts["statements"], o.counts["quotes"]) == (26, 27)
    assert o.actor("jeong-eun-bo") is not None and o.actor("jeong-eun-bo").quotes >= 3
    payment = next(g for g in o.groups if g.measure == "seoul-payment-2019")
    assert payment.conflict and [v.value for v in payment.values] == [870e6, 990e6]
    assert {s.publisher for v in payment.values for s in v.sources} == {"Yonhap News Agency", "Breitbart News"}
    assert Overview.from_dict(o.to_dict()) == o


def _spread(corpus: Corpus, publishers: int, days: int) -> tuple[Corpus, list]:
    """One figure copied into ``publishers`` × ``days`` articles."""
    base_article = next(iter(corpus.articles.values()))
    base_figure = next(iter(corpus.figures.values()))
    articles, figures = {}, []
    for p in range(publishers):
        for d in range(days):
            a = dataclasses.replace(
                base_article, id=f"p{p}-d{d}", publisher=f"Publisher {p}", date=f"2020-01-{d + 1:02d}"
            )
            articles[a.id] = a
            figures.append(dataclasses.replace(base_figure, id=f"{a.id}/f1", article=a.id))
    return Corpus(articles=articles, figures={f.id: f for f in figures}), figures


def test_few_sources_are_listed_in_full(corpus: Corpus) -> None:
    c, figures = _spread(corpus, 2, MAX_DATES)
    assert value_sources(c, figures) == (
        "Publisher 0 (1 Jan 2020, 2 Jan 2020, 3 Jan 2020); Publisher 1 (1 Jan 2020, 2 Jan 2020, 3 Jan 2020)"
    )


def test_many_sources_are_summarised(corpus: Corpus) -> None:
    c, figures = _spread(corpus, MAX_PUBLISHERS + 3, MAX_DATES + 7)
    rows, more = sources_of(c, figures)
    assert len(rows) == MAX_PUBLISHERS and more == 3
    text = sources_text(rows, more)
    assert text.startswith("Publisher 0 (×10 on 10 dates, 1 Jan 2020 – 10 Jan 2020); Publisher 1 (")
    assert text.endswith("; +3 more publishers")
    rows, more = sources_of(c, figures, max_publishers=None)  # the figure group screen: all publishers
    assert len(rows) == MAX_PUBLISHERS + 3 and more == 0


def test_one_more_publisher_is_shown_rather_than_counted(corpus: Corpus) -> None:
    c, figures = _spread(corpus, MAX_PUBLISHERS + 1, 1)
    rows, more = sources_of(c, figures)
    assert len(rows) == MAX_PUBLISHERS + 1 and more == 0
