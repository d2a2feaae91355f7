"""Primary-source and layout formats read on real pages (issue 11): broadcast sound-bite
labels, press-briefing labels, interview Q/A, colon leads, pull quotes. Every sentence here is
written for the test; none is copied from an article."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sma_tui.ingest import extract


def _said(corpus, text: str):
    x = extract(text, corpus=corpus)
    return [(q.text, q.speaker, q.attribution) for q in x.quotes], {a.id: a for a in x.actors}


def test_a_bracketed_sound_bite_label_names_the_quotation_that_follows(corpus) -> None:
    text = (
        "Anchor: The president raised the issue again. Han Ji-su reports.\n\n"
        "Report: Speaking at a rally, Trump said the U.S. spends billions.[Sound bite: US President Donald Trump]"
        '"We defend you and you are rich. Not fair."\n\n'
        "Seoul and Washington will talk again next year.\n"
    )
    got, _ = _said(corpus, text)
    assert got == [("We defend you and you are rich. Not fair.", "donald-trump", "explicit")]


def test_a_closing_mark_after_a_bracket_still_closes(corpus) -> None:
    text = '"They pay too little [sic]" he said, as Esper looked on.\n'
    got, _ = _said(corpus, text)
    assert [t for t, _, _ in got] == ["They pay too little [sic]"]


def test_a_sound_bite_labelled_only_by_a_description_is_an_anonymous_speaker(corpus) -> None:
    text = (
        "[Anchor Lead]\n\nThe union rallied on Wednesday.\n\n[Pkg]\n\nWorkers gathered at the gate.\n\n"
        "[Soundbite]\n(Furloughed worker): I have two children and no pay now.\n\nThe union plans more rallies.\n"
    )
    got, actors = _said(corpus, text)
    assert actors[got[0][1]].name == "Furloughed worker (anonymous)" and actors[got[0][1]].kind == "anonymous"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.sampled_from(["Mara", "Tomas", "Ilse", "Joon"]),
    last=st.sampled_from(["Quist", "Brandvold", "Okafor", "Lindqvist"]),
    words=st.lists(st.sampled_from(["we", "pay", "enough", "the", "alliance", "is", "strong", "now"]), min_size=3,
                   max_size=12),
    glued=st.booleans(),
)  # fmt: skip
def test_sound_bite_labels_property(corpus, first: str, last: str, words: list[str], glued: bool) -> None:
    said = " ".join(words).capitalize() + "."
    lead = "Report: The talks stalled again." + ("" if glued else "\n\n")
    text = f'{lead}[Sound bite: Analyst {first} {last}]"{said}"\n\nThe talks resume next month.\n'
    got, actors = _said(corpus, text)
    assert [(t, a) for t, _, a in got] == [(said, "explicit")]
    assert actors[got[0][1]].name == f"{first} {last}"


def test_a_numbered_background_official_is_the_official_not_one(corpus) -> None:
    text = (
        "MODERATOR: Thanks for coming. Our guest speaks on background.\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL ONE: We had a useful round this week.\n\n"
        "QUESTION: Is a deal close?\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL ONE: Closer than before.\n"
    )
    got, actors = _said(corpus, text)
    assert len(got) == 2 and got[0][1] == got[1][1] is not None
    assert "one" not in str(got[0][1]).split("-")


def test_a_press_label_with_a_mc_name(corpus) -> None:
    text = (
        "MR. McCALLUM: Good morning. I will read a statement first.\n\n"
        "QUESTION: Will the talks resume?\n\nMR. McCALLUM: They will, next week.\n"
    )
    got, actors = _said(corpus, text)
    assert [actors[s].name for _, s, _ in got] == ["McCallum", "McCallum"]


def test_a_question_quoted_then_said_with_a_participle_stays_one_sentence(corpus) -> None:
    text = (
        "Son Gi-o leads the union's Pyeongtaek branch.\n\n"
        '"Who will run the canteens then?" Son said, referring to the staff who serve the meals.\n'
    )
    got, actors = _said(corpus, text)
    assert actors[got[0][1]].name == "Son Gi-o" and got[0][2] == "explicit"


def test_a_broadcast_bracket_label_left_open(corpus) -> None:
    text = (
        "Trump prefers to settle things at the top.\n\n"
        "[Donald Trump / U.S. President (June 2018): We will begin the process right away.\n\n"
        "The summit produced no deal.\n"
    )
    got, _ = _said(corpus, text)
    assert got == [("We will begin the process right away.", "donald-trump", "explicit")]


def test_interview_answers_are_the_person_named_before_them(corpus) -> None:
    text = (
        "Kim Sung-han, a former vice foreign minister, spoke to us about the talks. Excerpts follow.\n\n"
        "Q: Will Seoul pay more?\n\nA: It will, but not five times more.\n\n"
        "Q: And the workers?\n\nA: They are the first victims of this standoff.\n"
    )
    got, actors = _said(corpus, text)
    assert [(actors[s].name, a) for _, s, a in got] == [("Kim Sung-han", "context")] * 2


def test_interview_answers_with_no_one_named_are_no_one(corpus) -> None:
    text = "Q: Will Seoul pay more?\n\nA: It will, but not five times more.\n\nQ: Why?\n\nA: Because it must.\n"
    got, _ = _said(corpus, text)
    assert [s for _, s, _ in got] == [None, None]


def test_a_colon_lead_paragraph_names_the_quotation_paragraph_after_it(corpus) -> None:
    text = 'Jeong Eun-bo told reporters on Tuesday:\n\n"We have done our best. The rest is up to Washington."\n'
    got, _ = _said(corpus, text)
    assert got[0][1:] == ("jeong-eun-bo", "explicit")


def test_a_pull_quote_signed_after_a_dash(corpus) -> None:
    got, _ = _said(corpus, '"We have done our best." — Jeong Eun-bo, Seoul\'s chief negotiator\n')
    assert got[0][1:] == ("jeong-eun-bo", "explicit")


def test_pentagon_labels_with_a_full_title_and_a_middle_initial(corpus) -> None:
    text = (
        "STAFF: We have about 15 minutes on the record.\n\n"
        "SECRETARY OF DEFENSE MARK T. ESPER: Thanks. This trip is about our allies.\n\n"
        "Q: Sir, a question on Korea.\n\nSEC. ESPER: Sure, go ahead.\n\nQ: Will Seoul pay more?\n\n"
        "SECRETARY OF DEFENSE DR. MARK T. ESPER: They can and should.\n"
    )
    got, _ = _said(corpus, text)
    assert [s for _, s, _ in got] == ["mark-esper"] * 3


def test_a_single_press_label_that_holds_an_office_is_a_turn(corpus) -> None:
    # an excerpt of a briefing transcript often keeps only the first speaker's turn
    text = (
        "Joint Press Briefing\n\nSECRETARY OF DEFENSE DR. MARK T. ESPER: Good morning. We value this alliance.\n\n"
        "Our partners can and should do more for our common defense.\n"
    )
    got, _ = _said(corpus, text)
    assert [(t[:12], s) for t, s, _ in got] == [("Good morning", "mark-esper")]
    assert got[0][0].endswith("common defense.")


def test_a_single_upper_case_label_without_an_office_is_no_turn(corpus) -> None:
    text = "WASHINGTON: The two sides met again on Monday for a third day.\n\nNo date was set for the next round.\n"
    got, _ = _said(corpus, text)
    assert got == []
