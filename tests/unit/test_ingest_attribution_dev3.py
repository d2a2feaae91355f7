"""Attribution constructions behind the errors on a third fresh sample of real coverage (real
set R dev3): titles of books named by the kind of work ("in his memoir “…”", "A copy of “…”"),
and more. Every sentence here is written for the test; none is copied from an article."""

from __future__ import annotations

from sma_tui.ingest import extract


def _said(corpus, text: str, date: str | None = None):
    x = extract(text, corpus=corpus, overrides={"date": date} if date else None)
    quotes = sorted(x.quotes, key=lambda q: q.start)
    return [(q.text, q.speaker, q.attribution) for q in quotes], {a.id: a for a in x.actors}


def test_a_title_after_the_kind_of_work_is_no_quotation(corpus) -> None:
    text = (
        "A copy of “Inside the Long Negotiation,” a book by a former envoy, sits on a desk in Seoul.\n\n"
        "The president wanted the allies to pay more, the former envoy Tom Walden wrote in his memoir "
        "“Inside the Long Negotiation: Notes From the Table,” which comes out next week.\n\n"
        '"We will not pay that much," a ministry official said.\n'
    )
    got, _ = _said(corpus, text, "2020-06-22")
    assert [g[0] for g in got] == ["We will not pay that much"]


def test_words_after_the_kind_of_work_that_are_not_a_title_stay_a_quotation(corpus) -> None:
    text = 'Walden wrote in his memoir that the demand was "a very bad idea for both allies."\n'
    got, _ = _said(corpus, text, "2020-06-22")
    assert [g[0] for g in got] == ["a very bad idea for both allies."]
