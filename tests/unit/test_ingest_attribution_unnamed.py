"""Attribution constructions behind quotations left with no speaker on a fourth fresh sample
of real coverage (real set R dev4): protesters who shout or chant their words, and more.
Every sentence here is written for the test; none is copied from an article."""

from __future__ import annotations

from sma_tui.ingest import extract


def _said(corpus, text: str, date: str | None = None):
    x = extract(text, corpus=corpus, overrides={"date": date} if date else None)
    quotes = sorted(x.quotes, key=lambda q: q.start)
    actors = {a.id: a for a in x.actors}
    return [(q.text, actors[q.speaker].name if q.speaker in actors else q.speaker, q.attribution) for q in quotes]


def test_protesters_who_shout_and_chant_speak_their_chants(corpus) -> None:
    text = (
        "Dozens of activists rallied outside the defense ministry in Seoul on Saturday.\n\n"
        "Protesters shouted, “No more money for the bases,” and chanted “Go home” before police "
        "moved them away, local media reported.\n\n"
        "Union members were chanting “Pay us first” at the gate of the garrison.\n"
    )
    got = _said(corpus, text, "2019-11-02")
    assert [(g[0], g[1]) for g in got] == [
        ("No more money for the bases", "Protesters (anonymous)"),
        ("Go home", "Protesters (anonymous)"),
        ("Pay us first", "Union members"),
    ]


def test_a_shout_of_no_one_named_has_no_speaker(corpus) -> None:
    text = "“Get out,” someone shouted from the crowd as the envoy's car left the compound.\n"
    got = _said(corpus, text, "2019-11-02")
    assert [g[1] for g in got] == [None]


def test_the_ministry_after_its_full_style_is_that_ministry(corpus) -> None:
    # the lead's subject is lost after its long adverbial: the full style itself must count as a mention
    text = (
        "After the fifth round of talks held in Honolulu, Hawaii, on Wednesday and Thursday, the Ministry of "
        "Foreign Affairs put out a short statement to say both delegations would meet again soon.\n\n"
        '"Both delegations narrowed some gaps but differences remain," the ministry said in the statement. '
        '"Seoul will keep asking for a fair and balanced outcome."\n'
    )
    got = _said(corpus, text, "2019-10-25")
    assert [g[1] for g in got] == ["rok-foreign-ministry", "rok-foreign-ministry"]


def test_another_countrys_ministry_of_foreign_affairs_is_not_seouls(corpus) -> None:
    text = (
        "Japan's Ministry of Foreign Affairs issued a brief statement on the base costs.\n\n"
        '"We follow the talks closely," the ministry said in the statement.\n'
    )
    got = _said(corpus, text, "2019-10-25")
    assert [g[1] for g in got] != ["rok-foreign-ministry"]


def test_a_person_quoted_by_an_outlet_as_saying_is_the_speaker(corpus) -> None:
    text = (
        "Last week, Trump was quoted by a local newspaper as saying at a dinner for donors that, "
        '"Getting money from the allies is easier than collecting rent."\n\n'
        "Esper was cited by Yonhap as saying, “The alliance is ironclad.”\n"
    )
    got = _said(corpus, text, "2019-08-22")
    assert [(g[1], g[2]) for g in got] == [("donald-trump", "explicit"), ("mark-esper", "explicit")]


def test_verbs_of_speech_beyond_said_name_their_subject(corpus) -> None:
    text = (
        "President Lee Jae Myung flew to Washington on Sunday for his first summit.\n\n"
        "Hours before they met, Trump questioned the raids in Seoul as “a witch hunt” and later said he "
        "would bring up “the bases” with his guest.\n\n"
        "Jeong Eun-bo reiterated that “a fair deal” was close. Harris retorted, “We are not there yet.”\n"
    )
    got = _said(corpus, text, "2025-08-25")
    assert [g[1] for g in got] == ["donald-trump", "donald-trump", "jeong-eun-bo", "harry-harris"]


def test_a_body_that_has_been_emphasizing_words_speaks_them(corpus) -> None:
    text = (
        "The talks resume in Honolulu next week.\n\n"
        "Seoul's foreign ministry has been emphasizing that the outcome must be "
        "\"fair and balanced for both allies\", adding that it will keep talking.\n"
    )
    got = _said(corpus, text, "2019-10-26")
    assert [g[1] for g in got] == ["rok-foreign-ministry"]


def test_a_quantifier_opening_a_sentence_is_no_person(corpus) -> None:
    text = (
        "Hundreds rallied near the embassy on Saturday against the cost demand.\n\n"
        "Some were holding signs reading “Bases out” and “No to the hike.”\n"
    )
    x = extract(text, corpus=corpus, overrides={"date": "2019-11-02"})
    assert not any(a.name in ("Some", "Many", "Others") for a in x.actors)
    assert all(q.speaker is None for q in x.quotes)


def test_a_ministry_of_foreign_affairs_of_another_state_is_not_seouls(corpus) -> None:
    text = (
        "After a long session held in Pyongyang, North Korea, on Tuesday and Wednesday, the Ministry of "
        "Foreign Affairs of the DPRK put out a short statement to say the talks in Seoul were a farce.\n\n"
        '"The allies haggle over money while the peninsula burns," the ministry said in the statement.\n'
    )
    got = _said(corpus, text, "2019-11-20")
    assert [g[1] for g in got] != ["rok-foreign-ministry"]
