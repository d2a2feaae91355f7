"""Attribution on the constructions real outlets use (test sentences written here, not
copied): who said it, how we know, and which side a new speaker is on."""

from __future__ import annotations

import pytest

from sma_tui.ingest import extract
from sma_tui.ingest.sides import side_from_evidence
from sma_tui.ingest.text import paragraphs


def _said(corpus, text: str, **overrides):
    x = extract(text, corpus=corpus, overrides=overrides or None)
    return [(q.text, q.speaker, q.attribution) for q in x.quotes], x


def test_according_to_an_agency_names_where_not_who(corpus) -> None:
    text = (
        "SEOUL -- Talks resumed.\n\n"
        'Jeong Eun-bo told reporters after the session that the gap had "narrowed a little," '
        "according to the Yonhap News Agency.\n"
    )
    got, x = _said(corpus, text)
    assert got == [("narrowed a little", "jeong-eun-bo", "explicit")]
    assert x.actors == []


def test_according_to_alone_is_no_speaker_when_it_is_an_outlet(corpus) -> None:
    got, _ = _said(corpus, 'The allies are "close to a deal," according to Yonhap.\n')
    assert got == [("close to a deal", None, "unknown")]


def test_speaker_stack_across_paragraphs(corpus) -> None:
    text = (
        "Talks went on.\n\n"
        '"We are close," Jeong Eun-bo said on Tuesday.\n\n'
        '"One issue is left," he added.\n\n'
        '"We will keep working until it is settled."\n\n'
        "The U.S. side did not comment.\n"
    )
    got, _ = _said(corpus, text)
    assert got == [
        ("We are close", "jeong-eun-bo", "explicit"),
        ("One issue is left", "jeong-eun-bo", "pronoun"),
        ("We will keep working until it is settled.", "jeong-eun-bo", "context"),
    ]


def test_pronoun_follows_the_subject_of_the_sentence_before(corpus) -> None:
    text = (
        "Jeong Eun-bo met James DeHart in Seoul.\n\n"
        "DeHart struck a calm tone before the session. "
        '"We came to listen," he told reporters.\n'
    )
    got, _ = _said(corpus, text)
    assert got == [("We came to listen", "james-dehart", "pronoun")]


def test_partial_quote_in_a_sentence_whose_subject_speaks(corpus) -> None:
    text = 'Jeong Eun-bo voiced confidence that with "patient effort," the two sides would meet halfway.\n'
    got, _ = _said(corpus, text)
    assert got == [("patient effort", "jeong-eun-bo", "explicit")]


def test_institution_in_a_statement_and_the_statement_said(corpus) -> None:
    text = (
        'U.S. Forces Korea said in a statement that the furlough was "a last resort."\n\n'
        '"We regret the hardship," the statement said.\n'
    )
    got, _ = _said(corpus, text)
    assert [s for _, s, _ in got] == ["usfk", "usfk"]


def test_appositive_after_the_quote_and_sides_from_evidence(corpus) -> None:
    text = (
        '"This is leverage, plain and simple," said Lena Marsh, a senior fellow at the Heritage Foundation.\n\n'
        '"The gap is political," said Han Do-yun, an analyst at the Asan Institute.\n\n'
        '"Nobody wins a walkout," said Ira Quell.\n\n'
        '"Seoul has room to move," said Rep. Oh Ji-han, a Democratic Party lawmaker.\n'
    )
    got, x = _said(corpus, text)
    assert [s for _, s, _ in got] == ["lena-marsh", "han-do-yun", "ira-quell", "oh-ji-han"]
    sides = {a.id: a.side for a in x.actors}
    # a think tank employs scholars of every nationality: no side without a nationality word or an office
    assert sides == {"lena-marsh": "unknown", "han-do-yun": "unknown", "ira-quell": "unknown", "oh-ji-han": "ROK"}


@pytest.mark.parametrize(
    "evidence,side",
    [("a retired U.S. Army colonel", "US"), ("U.S. Assistant Secretary of State for East Asian affairs", "US"),
     ("a Democratic Party lawmaker", "ROK"), ("an analyst at the Asan Institute", "unknown"),
     ("an American professor at a Seoul university", "unknown"), ("a spokesman for the workers' union", "ROK"),
     ("a researcher at the Institute for North Korean Studies", "unknown"), ("KCNA", "other"), ("", "unknown")],
)  # fmt: skip
def test_side_evidence(evidence: str, side: str) -> None:
    assert side_from_evidence(evidence) == side


def test_captions_are_kept_out() -> None:
    text = (
        "Talks resumed.\n\n"
        "Jeong Eun-bo speaks to reporters as he arrives at Incheon airport on Sunday. (Yonhap)\n\n"
        "This file photo shows the negotiating table in Seoul.\n"
    )
    assert [p.skip for p in paragraphs(text)] == [False, True, True]


def test_anonymous_group_continued_by_they(corpus) -> None:
    text = 'Some union members said they would look for other work. "We have rent to pay," they said.\n'
    got, x = _said(corpus, text)
    assert got[0][1] == "some-union-members" and got[0][2] == "pronoun"
    assert x.actors[0].kind == "anonymous"


def test_press_transcript_labels_are_speakers_and_questions_are_not_quotes(corpus) -> None:
    text = (
        "Remarks to the press\n\n"
        "MODERATOR: Good afternoon. Please keep questions short.\n\n"
        "MR. DEHART: Thank you all. We ended the session early today.\n\n"
        "We will be ready when our partners are.\n\n"
        "Q: Is the figure $5 billion?\n\n"
        "SECRETARY ESPER: I will not negotiate in public.\n"
    )
    got, x = _said(corpus, text)
    assert got == [
        ("Thank you all. We ended the session early today.\n\nWe will be ready when our partners are.",
         "james-dehart", "explicit"),
        ("I will not negotiate in public.", "mark-esper", "explicit"),
    ]  # fmt: skip
    assert [f.text for f in x.figures] == ["$5 billion"]


def test_broadcast_soundbites(corpus) -> None:
    text = (
        "[Anchor Lead]\n\nThe talks broke down on Tuesday.\n\n[Pkg]\n\nThe negotiators left early.\n\n"
        '[Soundbite] JEONG EUN-BO(S. KOREAN CHIEF NEGOTIATOR) : "We will stay within the framework."\n\n'
        '[Soundbite] PARK MIN-HO(KOREA NATIONAL DIPLOMATIC ACADEMY) : "It is a message to Seoul."\n'
    )
    got, x = _said(corpus, text)
    assert got == [
        ("We will stay within the framework.", "jeong-eun-bo", "explicit"),
        ("It is a message to Seoul.", "park-min-ho", "explicit"),
    ]
    assert x.actors[0].side == "ROK"


def test_no_name_rather_than_a_wrong_one(corpus) -> None:
    text = 'In Seoul, the mood was "grim," while officials in Washington declined to comment.\n'
    got, _ = _said(corpus, text)
    assert got == [("grim", None, "unknown")]


def test_mixed_case_and_interpreted_labels(corpus) -> None:
    text = (
        "Interview with pool reporters\n\n"
        "DeHart: We are grateful to our hosts for this round.\n\n"
        "Question: Is there a number?\n\n"
        "DeHart: I will not get into numbers.\n"
    )
    got, _ = _said(corpus, text)
    assert [(t, s) for t, s, _ in got] == [
        ("We are grateful to our hosts for this round.", "james-dehart"),
        ("I will not get into numbers.", "james-dehart"),
    ]
    text = "Q: Will you pay more?\n\nMINISTER JEONG (through interpreter): We will pay a fair share.\n"
    got, _ = _said(corpus, text)
    assert got == [("We will pay a fair share.", "jeong-kyeong-doo", "explicit")]


def test_a_lone_label_is_no_transcript(corpus) -> None:
    got, _ = _said(corpus, 'Note: the talks resumed.\n\n"We are close," Jeong Eun-bo said.\n')
    assert got == [("We are close", "jeong-eun-bo", "explicit")]


def test_pronoun_subject_of_any_past_tense_verb(corpus) -> None:
    text = (
        "Pentagon spokesman Jonathan Hoffman said on Thursday that the talks continued.\n\n"
        'He also pointed out that some money flows back "into the local economy" through wages.\n'
    )
    got, x = _said(corpus, text)
    assert got == [("into the local economy", "jonathan-hoffman", "pronoun")]
    assert x.actors[0].side == "US"


def test_quote_over_paragraphs_takes_the_clause_after_its_close(corpus) -> None:
    text = (
        "An official said a deal this year was unlikely.\n\n"
        '"I do not see it closing in three months.\n\n'
        '"It will take a lot more work," a foreign ministry official said.\n'
    )
    got, x = _said(corpus, text)
    assert [(s, a) for _, s, a in got] == [("foreign-ministry-official", "explicit")]
    assert x.actors[0].side == "ROK"


def test_a_role_speaks_and_what_happened_to_someone_is_no_side(corpus) -> None:
    text = (
        'Korean staff "are a critical part of our team," the USFK chief of staff wrote in the notice.\n\n'
        "The fears grew for Park Ji-ho, agitated by the thought that he could be furloughed by U.S. Forces Korea.\n\n"
        '"I am the breadwinner," Park told Yonhap News Agency.\n'
    )
    got, x = _said(corpus, text)
    assert [s for _, s, _ in got] == ["usfk-chief-of-staff", "park-ji-ho"]
    # being furloughed by U.S. Forces Korea is no U.S. side, and a name is no side at all
    assert {a.id: a.side for a in x.actors} == {"usfk-chief-of-staff": "US", "park-ji-ho": "unknown"}


def test_a_short_clause_after_a_closing_mark_belongs_to_the_quote(corpus) -> None:
    text = (
        '"Seoul is a rich country. It must do more!" Trump added.\n\n'
        'He wanted "a much bigger share" and a deal by spring. '
        '"We will see." USFK said in a statement that it would wait.\n'
    )
    got, _ = _said(corpus, text)
    assert [(t, s) for t, s, _ in got] == [
        ("Seoul is a rich country. It must do more!", "donald-trump"),
        ("a much bigger share", "donald-trump"),
        ("We will see.", "donald-trump"),
    ]


def test_a_when_clause_then_the_speaker_after_a_comma(corpus) -> None:
    text = (
        "A foreign ministry official in Seoul said talks had not begun. The allies agreed to talk "
        '"in a fair manner" when John Bolton visited Seoul last month, the official said.\n'
    )
    got, _ = _said(corpus, text)
    assert got[0][1] == "foreign-ministry-official-in-seoul"


def test_bracketed_broadcast_bites(corpus) -> None:
    text = (
        "The minister restated Seoul's position.\n\n"
        "[Han Mi-rae / Minister of Foreign Affairs: Our position is to stay within the framework.]\n"
    )
    got, x = _said(corpus, text)
    assert got == [("Our position is to stay within the framework.", "han-mi-rae", "explicit")]
    assert x.actors[0].side == "ROK"


def test_the_official_refers_back_to_the_official_named_before(corpus) -> None:
    text = (
        "Joint drills help both allies, a South Korean official said.\n\n"
        '"They are not a favour to us," said the official from the Foreign Ministry on condition of anonymity.\n'
    )
    got, x = _said(corpus, text)
    assert [s for _, s, _ in got] == ["south-korean-official"]
    assert x.actors[0].kind == "anonymous" and x.actors[0].side == "ROK"


@pytest.mark.parametrize(
    "text,speaker",
    [('Mike Pompeo and Mark Esper wrote that Seoul "is an ally, not a dependent."', "mike-pompeo"),
     ('According to a statement from the Foreign Ministry, the sides "narrowed their differences."',
      "rok-foreign-ministry"),
     ('"It is a fair deal," said one diplomat.', "diplomat"),
     ('Yonhap cited an unnamed official as saying the demand fell to "around $1.3 billion."', "unnamed-official"),
     ('The statement quoted Jeong Eun-bo as saying the talks were "constructive."', "jeong-eun-bo")],
)  # fmt: skip
def test_more_wire_constructions(corpus, text: str, speaker: str) -> None:
    got, _ = _said(corpus, text + "\n")
    assert got[0][1] == speaker and got[0][2] == "explicit"


def test_the_op_ed_said_is_its_authors(corpus) -> None:
    text = (
        'In a joint op-ed, Mike Pompeo and Mark Esper wrote that the alliance "is not a charity."\n\n'
        '"Seoul can and should pay more," the op-ed said.\n'
    )
    got, _ = _said(corpus, text)
    assert [(s, a) for _, s, a in got] == [("mike-pompeo", "explicit"), ("mike-pompeo", "explicit")]
