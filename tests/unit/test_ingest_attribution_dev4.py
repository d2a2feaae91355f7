"""Attribution constructions behind the WRONG names on a fourth fresh sample of real coverage
(real set R dev4): a quotation credited to someone else in the same line or paragraph. Prefer
no name to a wrong name. Every sentence here is written for the test; none is copied from an
article."""

from __future__ import annotations

from sma_tui.ingest import extract
from sma_tui.ingest.text import sentence_bounds


def _said(corpus, text: str, date: str = "2020-05-01"):
    x = extract(text, corpus=corpus, overrides={"date": date})
    quotes = sorted(x.quotes, key=lambda q: q.start)
    return [(q.text, q.speaker, q.attribution) for q in quotes], {a.id: a for a in x.actors}


def test_a_line_opening_with_a_hyphen_bullet_starts_a_new_sentence() -> None:
    body = "Summary\n- The allies met on Monday.\n- Kerr said the gap was wide.\n-Not a bullet. It rained."
    cuts = [body[a:b] for a, b in sentence_bounds(body, 0, len(body), [])]
    assert cuts == ["Summary\n- The allies met on Monday.", "Kerr said the gap was wide.\n-Not a bullet.", "It rained."]


def test_each_hyphen_bullet_keeps_its_own_speaker(corpus) -> None:
    text = (
        "Key points\n"
        "- The envoys met for a day, with Seoul seeking a freeze and Ann Kerr saying such demands were hard.\n"
        "- Later, Tom Walden questioned the offer as “a rounding error” and then said he wanted “more patience” soon.\n"
    )
    got, _ = _said(corpus, text)
    assert [g[1] for g in got] == [None, "tom-walden"]  # never Kerr, the subject of the bullet before


def test_a_verb_joined_by_and_after_a_quotation_has_the_sentence_subject(corpus) -> None:
    text = (
        "Ann Kerr spoke first at the forum in Seoul.\n\n"
        "Before the vote, Tom Walden questioned the plan as “a bad bargain” and later said it was “too costly”.\n"
    )
    got, _ = _said(corpus, text)
    assert [g[:2] for g in got] == [("a bad bargain", None), ("too costly", "tom-walden")]


def test_a_name_inside_a_quotation_is_not_a_person_the_article_names(corpus) -> None:
    text = (
        "Ann Kerr opened the talks with praise for her guest.\n\n"
        '"Come and build a \'Trump Tower\' in our capital so that we can all shop there," Kerr said.\n\n'
        'Trump replied, "I would like to see that very much."\n\n'
        'Walden, a local mayor, said the plan was "a fine dream."\n\n'
        "\"I can pay for a 'Hale Center' later,\" Hale said.\n"
    )
    got, actors = _said(corpus, text)
    assert got[1][:2] == ("I would like to see that very much.", "donald-trump")  # not "Trump Tower"
    assert actors[got[3][1]].name == "Hale"  # a family name never named outside a quotation: as written
