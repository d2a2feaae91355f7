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


def test_a_bulleted_line_starts_a_new_sentence_so_each_bullet_keeps_its_speaker(corpus) -> None:
    text = (
        "What the experts say:\n"
        "  • Tom Walden, a former defense secretary, told CNN: "
        '"Yes, readiness is costly. Saying so misses the point."\n'
        "  • Ann Kerr, the head of a think tank and a retired general, told The Washington Post: "
        '"We could skip the drills for a few months. Longer than that, the troops suffer."\n'
        '  • Sen. Bob Hale called the decision "a big gift to Pyongyang."\n'
    )
    got, _ = _said(corpus, text, "2018-06-13")
    assert [g[1] for g in got] == ["tom-walden", "ann-kerr", "bob-hale"]


def test_each_bullet_of_a_readout_has_its_own_subject_the_title_the_readout_uses(corpus) -> None:
    text = (
        "Chargé d’Affaires a.i. Robert Rapson and Vice Foreign Minister Choi Jong-kun met on Monday.\n\n"
        "The two discussed the following:\n\n"
        "• The Chargé said the talks showed “a firm and lasting friendship” between the allies.\n"
        "• The Vice Minister noted the deal’s terms for local workers.\n"
        "• The Chargé thanked Seoul for its share and described the alliance as “the anchor of peace in the region.”\n"
    )
    got, _ = _said(corpus, text, "2021-04-08")
    assert [g[1] for g in got] == ["rob-rapson", "rob-rapson"]


def test_it_after_a_name_whose_appositive_makes_it_an_outlet_is_that_outlet(corpus) -> None:
    text = (
        "The North's websites attacked the cost talks on Tuesday.\n\n"
        '"The demand is plain robbery," Minjok Voice, one of the North\'s propaganda websites, '
        "said in a commentary.\n\n"
        '"The money Seoul pays is spent on war drills," it added.\n'
    )
    got, _ = _said(corpus, text, "2019-11-12")
    assert [g[1:] for g in got] == [("minjok-voice", "explicit"), ("minjok-voice", "pronoun")]


def test_it_after_a_person_with_a_post_at_a_body_is_still_no_one(corpus) -> None:
    text = (
        '"The demand is too high," Tom Walden, a professor at the Seoul Institute, said on Tuesday.\n\n'
        '"Seoul should hold firm," it added.\n'
    )
    got, _ = _said(corpus, text, "2019-11-12")
    assert got[1][1] is None


def test_a_possessive_before_reported_is_an_adjective_not_an_outlet_relaying(corpus) -> None:
    text = (
        '"It is a greedy demand," Minjok Voice, one of the North\'s propaganda websites, said in a commentary, '
        "referring to Washington's reported demand for a fivefold rise.\n\n"
        '"Seoul bows to its master," it added.\n'
    )
    got, _ = _said(corpus, text, "2019-11-12")
    assert [g[1] for g in got] == ["minjok-voice", "minjok-voice"]


def test_a_headline_where_a_person_calls_something_a_quoted_name_is_theirs(corpus) -> None:
    text = (
        "Trump still calls Kim ‘a very good friend’\n\n"
        "Former President Donald Trump praised the North Korean leader on Friday and attacked Seoul's leader.\n"
    )
    got, _ = _said(corpus, text, "2021-04-23")
    assert got[0][1:] == ("donald-trump", "explicit")
