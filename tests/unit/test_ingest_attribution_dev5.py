"""Attribution constructions behind errors on a fifth fresh sample of real coverage (real set R
dev5, never tuned on before): a phrase woven into a sentence whose subject also makes its only
reporting clause, and a participle opening a sentence before a possessive name. Prefer no name
to a wrong name. Every sentence here is written for the test; none is copied from an article."""

from __future__ import annotations

from sma_tui.ingest import extract
from sma_tui.ingest.clauses import sentence_subject
from sma_tui.ingest.names import person_name


def _said(corpus, text: str, date: str = "2020-05-01"):
    x = extract(text, corpus=corpus, overrides={"date": date})
    quotes = sorted(x.quotes, key=lambda q: q.start)
    return [(q.text, q.speaker, q.attribution) for q in quotes], {a.id: a for a in x.actors}


def test_a_woven_phrase_is_the_subjects_when_the_only_clause_is_the_subjects_too(corpus) -> None:
    text = (
        "Tom Walden wrote online on Friday that the allies were “in step on the cost question.”\n\n"
        "He welcomed Seoul’s “readiness to carry a fair share” and called its new budget “a fine example.”\n"
    )
    got, _ = _said(corpus, text)
    assert [g[1] for g in got] == ["tom-walden", "tom-walden", "tom-walden"]
    assert got[1][0] == "readiness to carry a fair share"


def test_a_woven_phrase_never_takes_the_subject_over_another_persons_clause(corpus) -> None:
    text = (
        "Tom Walden spoke in Seoul on Friday.\n\n"
        "He said little, and Ann Kerr called the offer “a modest start” and “late.”\n"
    )
    got, _ = _said(corpus, text)
    assert [g[:2] for g in got] == [("a modest start", "ann-kerr"), ("late.", "ann-kerr")]


def test_a_participle_opening_a_sentence_is_no_part_of_the_name_after_it(corpus) -> None:
    text = (
        "Ann Kerr met reporters in Seoul on Tuesday.\n\n"
        "Addressing Tom Walden’s claim that Seoul gives “almost nothing” to the alliance, Kerr listed its costs.\n"
    )
    got, actors = _said(corpus, text)
    assert got[0][:2] == ("almost nothing", "tom-walden")
    assert not any("Addressing" in a.name for a in actors.values())
    assert person_name("Echoing Tom Walden") == "Tom Walden"
    assert person_name("Sterling Smith") == "Sterling Smith"  # a first name that ends in -ing stays one


def test_a_named_subject_with_an_appositive_speaks_through_a_later_joined_verb(corpus) -> None:
    text = (
        "The envoys met in Washington this week.\n\n"
        "Ann Kerr, the chief adviser at the presidential office, came back on Friday after the talks and stated, "
        "“We asked them to settle costs and trade as one bundle,” adding, “They accepted.”\n"
    )
    got, _ = _said(corpus, text)
    assert [g[1] for g in got] == ["ann-kerr", "ann-kerr"]
    assert sentence_subject("Kim Min-su, a fellow at a think tank, returned on Monday and stated it.") == "Kim Min-su"
    assert sentence_subject("The talks, held in Seoul, ended on Monday and it rained.") != "Seoul"


def test_a_participle_after_a_post_or_tweet_reports_its_author(corpus) -> None:
    text = (
        "Tom Walden revived the cost dispute on Monday with a tweet saying “the bill is overdue” for Seoul.\n\n"
        "Ann Kerr brushed aside Walden’s late-night post alleging a “free ride” by the allies.\n\n"
        "The allies met despite Kerr’s statement calling the talks “a waste of time.”\n"
    )
    got, _ = _said(corpus, text)
    assert [g[:2] for g in got] == [
        ("the bill is overdue", "tom-walden"),
        ("free ride", "tom-walden"),  # the post's author, not the subject who brushed it aside
        ("a waste of time.", "ann-kerr"),
    ]
