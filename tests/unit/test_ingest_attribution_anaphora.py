"""Anaphora in attribution (issue 11): "it said", "he"/"she" with the gender an article
shows, epithets ("the 63-year-old diplomat"), "one of them", a family name named in full
later, and a subject we cannot tell stopping "he". Every sentence here is written for the
test; none is copied from an article."""

from __future__ import annotations

from sma_tui.ingest import extract


def _said(corpus, text: str):
    x = extract(text, corpus=corpus)
    return [(q.text, q.speaker, q.attribution) for q in x.quotes], {a.id: a for a in x.actors}


def test_it_said_continues_the_institution_that_spoke_before(corpus) -> None:
    text = (
        '"The command has finished sorting the staff it will keep," USFK said in a release, adding that '
        "it had shared the list with the union.\n\n"
        '"If the talks fail, the command must send notices soon," it said.\n'
    )
    got, _ = _said(corpus, text)
    assert got[1] == ("If the talks fail, the command must send notices soon", "usfk", "pronoun")


def test_it_said_after_a_person_is_no_one(corpus) -> None:
    text = (
        '"We are close," Jeong Eun-bo told reporters on Monday.\n\n'
        '"Nothing is settled until everything is settled," it said.\n'
    )
    got, _ = _said(corpus, text)
    assert got[1][1] is None


def test_a_sentence_opening_it_is_not_the_institution(corpus) -> None:
    text = 'USFK said on Monday it would pay key staff.\n\nIt is "a painful moment" for the families, Kim wrote.\n'
    got, _ = _said(corpus, text)
    assert got[0][1] != "usfk"


def test_he_after_a_subject_we_could_not_tell_is_no_one(corpus) -> None:
    # "Jeong" alone could be either of the dossier's Jeongs; "he" must not jump back to Esper
    text = (
        "Esper and Jeong held talks at the Pentagon on Monday.\n\n"
        '"We had a good discussion," Esper said.\n\n'
        "Jeong told reporters later that the two had agreed to move quickly.\n\n"
        '"Our position is the same," he said.\n'
    )
    got, _ = _said(corpus, text)
    assert got[0][1] == "mark-esper" and got[1][1] is None


def test_she_skips_a_man_named_after_her(corpus) -> None:
    text = (
        "Ms. Han Ji-won, who heads the workers' group, met lawmakers on Monday.\n\n"
        'Mr. Oh Dong-su, a ruling party lawmaker, said the bill was "ready."\n\n'
        '"We have heard that before," she said.\n'
    )
    got, actors = _said(corpus, text)
    assert actors[got[1][1]].name == "Han Ji-won"


def test_he_after_she_was_resolved_is_not_her(corpus) -> None:
    text = (
        "Park Soo-min and Lee Tae-ho spoke at the rally.\n\n"
        '"We are not pawns," Park said. "Nobody asked us," she added.\n\n'
        'Lee said the union would go on. "We will be back every week," he said.\n'
    )
    got, actors = _said(corpus, text)
    assert [actors[s].name for _, s, _ in got] == ["Park Soo-min", "Park Soo-min", "Lee Tae-ho"]


def test_an_epithet_is_the_person_just_named_not_a_new_speaker(corpus) -> None:
    text = (
        "Noh Gyu-deok led the delegation again this week.\n\n"
        '"We will not give up," the 63-year-old diplomat said.\n\n'
        '"The gap is real," said the veteran negotiator.\n'
    )
    got, actors = _said(corpus, text)
    assert [actors[s].name for _, s, _ in got] == ["Noh Gyu-deok", "Noh Gyu-deok"]


def test_an_epithet_with_no_one_named_is_no_one(corpus) -> None:
    got, _ = _said(corpus, '"We will not give up," the 63-year-old diplomat said.\n')
    assert got[0][1] is None


def test_one_of_them_is_the_group_named_just_before(corpus) -> None:
    text = (
        'The demand fell to about $4 billion, according to people familiar with the talks. "It is still too much," '
        "one of them said.\n"
    )
    got, actors = _said(corpus, text)
    assert actors[got[0][1]].name == "People familiar with the talks (anonymous)"


def test_a_family_name_in_a_lede_named_in_full_later(corpus) -> None:
    text = '"We are close," Jeong said on Tuesday. Jeong Eun-bo is Seoul\'s chief negotiator.\n'
    got, _ = _said(corpus, text)
    assert got[0][1] == "jeong-eun-bo"


def test_he_continued_and_a_short_sentence_quote_after_it(corpus) -> None:
    for verb in ("continued", "went on"):
        text = f'Esper spoke at length. "We are allies," he {verb}. "Allies share."\n'
        got, _ = _said(corpus, text)
        assert [(s, a) for _, s, a in got] == [("mark-esper", "pronoun"), ("mark-esper", "context")], verb


def test_it_said_after_a_newspaper_reported_is_not_the_body_before(corpus) -> None:
    text = (
        "USFK said on Monday it had begun preparing notices.\n\n"
        'The Dong-A Ilbo reported that Washington had lowered its demand. It said the U.S. now wants "about '
        '$4 billion."\n'
    )
    got, _ = _said(corpus, text)
    assert got[0][1] is None
