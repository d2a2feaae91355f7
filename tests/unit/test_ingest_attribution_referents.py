"""Referents beyond the name's own phrase: British honorifics without a full stop, a body's
own spokesperson, "the two secretaries", "For X, …", the sentence that places a person,
Korean-order names and third countries as sides. Every sentence is written here."""

from __future__ import annotations

from sma_tui.ingest import extract


def _said(corpus, text: str):
    x = extract(text, corpus=corpus)
    return [(q.text, q.speaker) for q in x.quotes], {a.id: a for a in x.actors}


def test_mr_without_a_full_stop_is_an_honorific(corpus) -> None:
    text = (
        "LONDON - US President Donald Trump spoke to donors on Friday.\n\n"
        'Later Mr Trump said the allies were "not paying enough". "Nobody gets a free ride," he said.\n'
    )
    got, _ = _said(corpus, text)
    assert [s for _, s in got] == ["donald-trump", "donald-trump"]


def test_a_spokesperson_for_a_body_is_its_own_spokesperson(corpus) -> None:
    text = 'A spokesperson for the state department said the US remained "open to a fair outcome".\n'
    got, _ = _said(corpus, text)
    assert got == [("open to a fair outcome", "state-department-spokesperson")]


def test_the_spokesperson_right_after_their_body_is_named(corpus) -> None:
    text = (
        "The radio station asked the State Department for comment.\n\n"
        '"Our position is unchanged," the spokesperson said on Tuesday.\n'
    )
    got, _ = _said(corpus, text)
    assert got == [("Our position is unchanged", "state-department-spokesperson")]


def test_the_spokesperson_without_any_body_named_is_nobody(corpus) -> None:
    got, _ = _said(corpus, '"Our position is unchanged," the spokesperson said on Tuesday.\n')
    assert got == [("Our position is unchanged", None)]


def test_the_two_secretaries_are_the_pair_named_before(corpus) -> None:
    text = (
        "Secretary of State Mike Pompeo and Defense Secretary Mark Esper published an essay on Friday.\n\n"
        '"Allies should carry a fair share," the two secretaries wrote.\n'
    )
    got, _ = _said(corpus, text)
    assert got == [("Allies should carry a fair share", "mike-pompeo")]


def test_for_a_named_person_the_sentence_is_their_view(corpus) -> None:
    text = (
        "For Priya Nandakumar, a fellow at a research centre in Singapore, the row was "
        '"a gift to rivals".\n\n"Nobody else had to do anything," she said.\n'
    )
    got, actors = _said(corpus, text)
    assert got[-1][1] == "priya-nandakumar"
    assert actors["priya-nandakumar"].side == "other"


def test_the_sentence_that_places_a_person_gives_their_side(corpus) -> None:
    text = 'At the Pentagon, spokesman Carl Ridley said the talks had "stalled". "We wait," Ridley said.\n'
    _, actors = _said(corpus, text)
    assert actors["carl-ridley"].side == "US"


def test_a_name_is_no_side(corpus) -> None:
    """A Korean-order name says nothing of a side (a Korean-American, a North Korean): only
    titles, employers and nationality words do (issue 11)."""
    text = (
        '"We just want to work," said Yang Min-ho, a cook at the base for 11 years.\n\n'
        '"It will pass," said Seo Ji-won, a professor at a private university.\n\n'
        '"Seoul should pay," said Sung Baxter, a retiree.\n'
    )
    _, actors = _said(corpus, text)
    assert actors["yang-min-ho"].side == "unknown"
    assert actors["seo-ji-won"].side == "unknown"
    assert actors["sung-baxter"].side == "unknown"


def test_a_us_officer_teaching_abroad_stays_us(corpus) -> None:
    text = (
        '"Money talks," said Dale Ostrander, a retired US Army major who now teaches at a university in '
        "Singapore.\n"
    )
    _, actors = _said(corpus, text)
    assert actors["dale-ostrander"].side == "US"


def test_a_title_with_a_dotted_abbreviation_and_a_readout_bullet(corpus) -> None:
    text = (
        "Chargé d’Affaires a.i. Nadia Verhoeven met the vice minister on Friday.\n\n"
        "• The Chargé stressed that both sides had shown “real flexibility” in the talks.\n\n"
        "“We ended a hard year,” said Chargé d’Affaires a.i. Nadia Verhoeven.\n"
    )
    got, _ = _said(corpus, text)
    assert got == [("real flexibility", "nadia-verhoeven"), ("We ended a hard year", "nadia-verhoeven")]


def test_a_statement_named_after_its_body_is_the_body(corpus) -> None:
    text = (
        "The State Department said on Monday the talks were fair.\n\n"
        '"We value this alliance," a department statement said.\n\n'
        '"Work resumes tomorrow," a USFK statement said.\n\n'
        '"The numbers are not final," a joint statement said.\n'
    )
    got, _ = _said(corpus, text)
    assert [s for _, s in got] == ["state-department", "usfk", "joint-statement"]  # the joint one: its own speaker


def test_a_speaker_named_only_in_a_later_parenthesis(corpus) -> None:
    text = (
        'Crowds waited at the gate, and one retired nurse told reporters the bill was "an insult to us all."\n\n'
        '(The nurse, Irma Castellanos, 67, said she came by bus. "I will come back," she added.)\n'
    )
    got, _ = _said(corpus, text)
    assert got == [("an insult to us all.", "irma-castellanos"), ("I will come back", "irma-castellanos")]


def test_a_later_apposition_with_another_noun_names_nobody_here(corpus) -> None:
    text = (
        'Crowds waited at the gate, and one retired nurse told reporters the bill was "an insult to us all."\n\n'
        "(The mayor, Tobias Lindqvist, 50, stayed home.)\n"
    )
    got, _ = _said(corpus, text)
    assert got[0][1] != "tobias-lindqvist"


def test_present_tense_reporting_and_a_bare_plural_of_officials(corpus) -> None:
    text = (
        "For the president, saying no in public is the point. Officials in Seoul quietly describe the "
        'draft as "done but for the ink", while the White House wants more.\n'
    )
    got, actors = _said(corpus, text)
    assert got[0][1] == "officials-in-seoul"
    assert actors["officials-in-seoul"].side == "ROK"


def test_the_bodys_spokeswoman_takes_the_side_of_the_body_named_before(corpus) -> None:
    text = (
        "The U.S. Department of the Treasury issued guidance on Monday.\n\n"
        'Helen Marsh, the department\'s spokeswoman, said the rules were "clear". "We will say more," Marsh said.\n'
    )
    _, actors = _said(corpus, text)
    assert actors["helen-marsh"].side == "US"


def test_a_body_spokesman_relays_someone_elses_remarks(corpus) -> None:
    text = (
        "Party spokesman Lim Do-hyun relayed floor leader Baek Su-ah's remarks to reporters, saying she "
        'thought the demand "out of all proportion."\n'
    )
    got, _ = _said(corpus, text)
    assert got == [("out of all proportion.", "baek-su-ah")]


def test_an_official_at_a_named_body_is_an_anonymous_official_not_the_body(corpus) -> None:
    text = 'A senior official at Cheong Wa Dae said Seoul would "stay patient" for now.\n'
    got, actors = _said(corpus, text)
    assert got[0][1] != "cheong-wa-dae" and actors[got[0][1]].kind == "anonymous"
    assert actors[got[0][1]].side == "ROK"


def test_an_embedded_post_is_the_words_of_the_account_that_signs_it(corpus) -> None:
    text = (
        "The command posted a warning on Thursday night.\n\n"
        "Payroll for local staff cannot continue past April without a deal. We are ready to talk.\n\n"
        "— U.S. Forces Korea (@USForcesKorea) March 5, 2020\n\n"
        "The embassy did not reply to a request for comment.\n"
    )
    got, _ = _said(corpus, text)
    assert got == [
        ("Payroll for local staff cannot continue past April without a deal. We are ready to talk.", "usfk")
    ]


def test_a_lone_family_name_is_a_speaker_but_no_side(corpus) -> None:
    text = (
        'A welder who gave only her family name, Kwon, said the gate "stayed shut all week."\n\n'
        'A driver who gave only his surname, Lee, said he "would wait."\n'
    )
    _, actors = _said(corpus, text)
    assert actors["kwon"].side == "unknown"  # a name is no evidence of a side
    assert actors["lee"].side == "unknown"


def test_conveying_a_countrys_position_is_the_envoys_own_speech(corpus) -> None:
    text = 'Envoy Tomas Reyna conveyed Washington\'s position to the press, saying the gap was "still wide."\n'
    got, _ = _said(corpus, text)
    assert got == [("still wide.", "tomas-reyna")]
