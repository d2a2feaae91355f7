"""Attribution in the house styles of Set F (Japanese and Korean press in translation,
Washington insider newsletters, wire rewrites, hearing write-ups). Every test sentence is
written here; none is copied from an article."""

from __future__ import annotations

from sma_tui.ingest import extract


def _said(corpus, text: str):
    x = extract(text, corpus=corpus)
    return [(q.text, q.speaker) for q in x.quotes], x


def test_a_nationality_word_before_a_dossier_alias_is_still_that_actor(corpus) -> None:
    text = 'A US State Department spokesperson said Washington wanted "a fair and balanced deal" soon.\n'
    got, _ = _said(corpus, text)
    assert got == [("a fair and balanced deal", "state-department-spokesperson")]


def test_a_restrictive_phrase_after_a_dossier_alias_is_dropped(corpus) -> None:
    text = (
        "A State Department official involved in the talks said the offer left Seoul "
        '"with no easy way out" of the impasse.\n\n'
        "The official, who asked not to be named, also said it was early days.\n"
    )
    got, _ = _said(corpus, text)
    assert got == [("with no easy way out", "state-department-official")]


def test_a_bare_anonymous_official_is_not_the_dossier_source(corpus) -> None:
    text = 'A ministry official who asked not to be named said, "We are still reviewing the draft."\n'
    got, x = _said(corpus, text)
    assert got[0][1] not in (None, "rok-government-source")


def test_a_coordinated_subject_is_its_first_conjunct(corpus) -> None:
    text = (
        "According to the USFK and the union on the 3rd, hundreds of employees were told to stay home. "
        'The USFK said in a notice on the same day, "We regret this step deeply."\n'
    )
    got, _ = _said(corpus, text)
    assert got == [("We regret this step deeply.", "usfk")]


def test_a_located_us_official_is_not_a_shorter_dossier_alias(corpus) -> None:
    text = (
        "A U.S. official in Tokyo, who spoke on condition of anonymity, said the gap was wide. "
        '"We are far apart," the official said.\n'
    )
    got, _ = _said(corpus, text)
    assert got[0][1] not in (None, "state-department-official")


def test_a_name_colon_line_is_the_speaker(corpus) -> None:
    text = (
        "Talks ended without a deal on Tuesday, said Han Ji-soo, who leads the delegation.\n\n"
        "WHO SAID WHAT:\n\n"
        'Han Ji-soo, the chief delegate: "We will keep our position for as long as it takes."\n\n'
        'Han, to reporters: "The door is still open."\n'
    )
    got, x = _said(corpus, text)
    names = {a.id: a.name for a in x.actors}
    assert [names.get(s) for _, s in got] == ["Han Ji-soo", "Han Ji-soo"]


def test_a_body_named_in_an_appositive_is_not_the_person(corpus) -> None:
    text = (
        "Adm. Carla Ruiz, vice chairman of the Joint Chiefs of Staff, seated to his left, "
        'said the readiness of the force "has not slipped" so far.\n'
    )
    got, x = _said(corpus, text)
    assert [{a.id: a.name for a in x.actors}.get(s) for _, s in got] == ["Carla Ruiz"]


def test_a_role_with_a_place_after_it_is_the_person_named_with_that_title(corpus) -> None:
    text = (
        "Gen. Harold Vance, commander of U.S. Forces Japan, spoke at the base.\n\n"
        'The top U.S. commander in Japan said the cuts would "hurt morale" within weeks.\n'
    )
    got, x = _said(corpus, text)
    assert [{a.id: a.name for a in x.actors}.get(s) for _, s in got] == ["Harold Vance"]


def test_a_question_closed_by_name_asked_is_the_askers(corpus) -> None:
    text = (
        "The sharpest exchange came from Rep. Lena Ortiz (D-Ore.), who asked whether the Pentagon "
        "could pay the staff itself.\n\n"
        '"These workers have stood with our troops for years. Why punish them now?" Ortiz asked.\n\n'
        'Rep. Tom Baker (R-Ohio) said the ally "can afford to pay more."\n'
    )
    got, x = _said(corpus, text)
    assert [{a.id: a.name for a in x.actors}.get(s) for _, s in got] == ["Lena Ortiz", "Tom Baker"]


def test_the_expert_is_the_researcher_just_introduced(corpus) -> None:
    text = (
        "Adam Novak, a senior researcher at the Institute of Far Eastern Studies, told a radio station "
        'that Washington was testing Seoul. "Seoul cannot accept such a figure," the expert said.\n'
    )
    got, x = _said(corpus, text)
    assert [{a.id: a.name for a in x.actors}.get(s) for _, s in got] == ["Adam Novak"]


def test_the_expert_is_no_one_when_no_expert_was_the_subject(corpus) -> None:
    text = 'Defense Minister Ahn Sung-ho spoke on Monday. "The gap is wide," the expert said.\n'
    got, x = _said(corpus, text)
    assert {a.id: a.name for a in x.actors}.get(got[0][1]) != "Ahn Sung-ho"


def test_a_vague_subject_takes_the_description_in_its_appositive(corpus) -> None:
    text = (
        "A third person, a congressional aide briefed on the talks, offered another account: "
        "the plan reached the president's desk and stopped.\n\n"
        '"He looked at it and said no. That is all," the aide said.\n'
    )
    got, x = _said(corpus, text)
    name = {a.id: a.name for a in x.actors}.get(got[0][1]) or ""
    assert "aide" in name.lower()


def test_an_expert_named_in_the_next_sentence_that_adds_is_that_person(corpus) -> None:
    text = (
        'An expert pointed out, "If the dispute drags on, it will hurt the alliance." '
        'Professor Park Min-jae of Hanyang University added that "both sides pay a price" in the end.\n'
    )
    got, x = _said(corpus, text)
    assert [{a.id: a.name for a in x.actors}.get(s) for _, s in got] == ["Park Min-jae", "Park Min-jae"]


def test_an_expert_is_not_the_next_person_without_an_experts_title(corpus) -> None:
    text = 'An analyst pointed out, "The gap is real." Defense Minister Ahn Sung-ho added that "talks go on" for now.\n'
    got, x = _said(corpus, text)
    names = {a.id: a.name for a in x.actors}
    assert names.get(got[0][1]) != "Ahn Sung-ho" and got[0][1] is not None
