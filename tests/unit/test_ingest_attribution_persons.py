"""Quotations of a person the article names that were left with no speaker on real coverage
(real set R dev, dev2, dev3): a title held before ("former President X"), and more. Every
sentence here is written for the test; none is copied from an article."""

from __future__ import annotations

from sma_tui.ingest import extract


def _said(corpus, text: str, date: str = "2024-10-17"):
    x = extract(text, corpus=corpus, overrides={"date": date})
    quotes = sorted(x.quotes, key=lambda q: q.start)
    return [(q.text, q.speaker, q.attribution) for q in quotes]


def test_a_title_held_before_names_the_person_who_held_it(corpus) -> None:
    text = (
        "Former President Donald Trump spoke at a town hall in Ohio on Monday.\n\n"
        'Later that day, former President Trump said on a radio show that "the allies pay us nothing."\n\n'
        'Earlier, then-President Trump had described the country as a "cash cow" in a speech.\n'
    )
    got = _said(corpus, text)
    assert [g[1] for g in got] == ["donald-trump", "donald-trump"]



def test_a_person_who_calls_something_by_a_quoted_name_is_its_speaker(corpus) -> None:
    text = (
        "Allies fear a new formula for the cost of U.S. troops abroad.\n\n"
        "Under it, hosts would pay the whole bill plus half again, officials said.\n\n"
        "Trump calls the plan “cost plus fifty,” and it has alarmed capitals from Berlin to Tokyo.\n"
    )
    got = _said(corpus, text, "2019-03-10")
    assert got == [("cost plus fifty", "donald-trump", "explicit")]


def test_a_body_that_calls_something_by_a_quoted_name_is_no_speaker_of_it(corpus) -> None:
    text = (
        "Cost talks end without a deal\n\n"
        "Opposition party calls the deal “a surrender to Washington”\n\n"
        "The talks ended on Friday. Rep. Jin Ha-neul of the opposition party said the deal was a surrender.\n"
    )
    got = _said(corpus, text, "2020-01-17")
    assert [g[1] for g in got] == [None]


def test_his_words_and_his_remarks_about_are_the_person_just_the_subject(corpus) -> None:
    text = (
        "President Donald Trump raised the cost of U.S. troops in Korea again on Tuesday. In his words, "
        '"Korea pays almost nothing." The remark came during tariff talks.\n\n'
        "Trump did not say whether he would pull troops out. His remarks about “a fair share” were read in Seoul "
        "as leverage in the talks.\n"
    )
    got = _said(corpus, text, "2025-07-09")
    assert [g[1] for g in got] == ["donald-trump", "donald-trump"]


def test_his_words_with_no_person_named_before_name_no_one(corpus) -> None:
    text = 'The ministry issued a statement on the talks on Tuesday. In his words, "the deal is dead."\n'
    got = _said(corpus, text, "2025-07-09")
    assert [g[1] for g in got] == [None]


def test_the_former_head_of_a_command_is_the_person_just_the_subject(corpus) -> None:
    text = (
        "Retired Adm. Tom Walden, the U.S. envoy to Seoul, said he was hopeful about the alliance.\n\n"
        "Walden said trust between the allies had not worn thin.\n"
        "“The alliance has never been stronger,” the former head of Pacific Fleet at Camp J.R. Hale said. "
        "“Allies argue, and they work it out.”\n"
    )
    got = _said(corpus, text, "2019-12-07")
    assert [g[1] for g in got] == ["tom-walden", "tom-walden"]


def test_a_party_candidate_is_the_politician_the_story_follows(corpus) -> None:
    text = (
        '"They would pay us ten billion a year," Donald Trump said in an interview on Tuesday.\n\n'
        "The Republican presidential candidate also attacked the current deal as “a giveaway.”\n"
    )
    got = _said(corpus, text)
    assert [g[1] for g in got] == ["donald-trump", "donald-trump"]


def test_the_former_negotiator_with_no_person_before_is_a_description_of_its_own(corpus) -> None:
    text = "The ministry said on Friday that talks go on.\n\n“We will not pay,” the former chief negotiator said."
    x = extract(text, corpus=corpus, overrides={"date": "2019-12-07"})
    speaker = {a.id: a for a in x.actors}.get(x.quotes[0].speaker or "")
    assert speaker is not None and speaker.kind == "anonymous" and speaker.name == "Former chief negotiator"


def test_dotted_initials_before_a_name_end_no_sentence() -> None:
    from sma_tui.ingest.text import sentence_bounds

    body = "He spoke at Camp H.M. Smith on Friday. George H.W. Bush was there. It rained in the U.S. Then it cleared."
    cuts = [body[s:e] for s, e in sentence_bounds(body, 0, len(body), [])]
    assert cuts == ["He spoke at Camp H.M. Smith on Friday.", "George H.W. Bush was there.",
                    "It rained in the U.S. Then it cleared."]  # fmt: skip


def test_a_quotation_line_after_a_new_speakers_paraphrase_is_theirs_not_the_last_quotes(corpus) -> None:
    text = (
        "Experts expect a softer tone from the next administration.\n"
        "“The allies will hear less shouting,” said Mara Quill, a professor at Linden University.\n"
        "Owen Tark, a senior fellow at the Harbor Institute, said that a deal would likely come quickly.\n"
        "“I would expect a signed deal within months, at a modest increase.”\n"
    )
    got = _said(corpus, text, "2020-11-09")
    assert [g[1] for g in got] == ["mara-quill", "owen-tark"]
    assert got[1][2] == "context"


def test_a_quotation_without_a_clause_before_one_whose_clause_names_x_on_its_line_is_xs(corpus) -> None:
    text = (
        "Ann Lobo, the North's vice minister, warned on Tuesday that talks were “a foolish trick.”\n"
        "“Pyongyang gets a say” in what comes next. “Give it two weeks and we will know,”\n"
        "Tom Walden said at a forum on the region.\n"
    )
    got = _said(corpus, text, "2019-12-07")
    assert [g[1] for g in got] == ["ann-lobo", "tom-walden", "tom-walden"]


def test_a_quotation_on_another_line_keeps_the_speaker_before_it(corpus) -> None:
    text = (
        "“We will not move,” Ann Lobo said on Tuesday.\n"
        "“Not this year.”\n"
        "“Give it two weeks and we will know,” Tom Walden said at a forum.\n"
    )
    got = _said(corpus, text, "2019-12-07")
    assert [g[1] for g in got] == ["ann-lobo", "ann-lobo", "tom-walden"]


def test_a_headline_quotation_is_the_main_speaker_the_lede_opens_with(corpus) -> None:
    text = (
        "Allies urged to “pay the rest” of the bill, envoy says\n\n"
        "Ambassador Tom Walden on Wednesday urged the allies to pay far more for the troops they host, "
        "going further than any envoy before him in a speech to a business group in Denver.\n\n"
        '"They can afford it," Walden said. "It is only fair."\n\n'
        '"We will talk," a ministry official in Seoul said.\n'
    )
    got = _said(corpus, text, "2019-05-09")
    assert got[0] == ("pay the rest", "tom-walden", "context")


def test_a_headline_quotation_stays_unattributed_when_the_lede_opens_with_someone_quoted_less(corpus) -> None:
    text = (
        "“A huge footprint”: allies bid farewell to a commander\n\n"
        "Minister Ann Lobo on Thursday praised outgoing commander Tom Walden at a dinner in Seoul, "
        "saying he leaves a mark on the alliance that will last for many years to come.\n\n"
        '"Never underestimate our resolve," Walden said. "We will stay ready."\n\n'
        '"The alliance is the anchor," Walden added.\n'
    )
    got = _said(corpus, text, "2021-05-13")
    assert got[0][:2] == ("A huge footprint", None)


def test_a_family_name_the_page_misspelt_is_the_person_named_in_full_before(corpus) -> None:
    text = (
        "Foreign Minister Ann Lobo and U.S. envoy Tom Walden signed the deal on Friday.\n\n"
        'Lobo called it "the fruit of hard work." Waldon said it shows "an alliance of iron."\n\n'
        "Beijing's envoy, Cui Tiankai, said little. Cu added that he hoped for \"a candid dialogue.\"\n"
    )
    got = _said(corpus, text, "2019-03-08")
    assert [g[1] for g in got] == ["ann-lobo", "tom-walden", "cui-tiankai"]


def test_one_letter_off_is_added_dropped_or_changed_and_nothing_more() -> None:
    from sma_tui.ingest.names import misspelt

    names = [(0, "Tom Walden"), (10, "Ann Lobo")]
    assert misspelt("Waldon", names, 50) == "Tom Walden"
    assert misspelt("Walde", names, 50) == "Tom Walden"
    assert misspelt("Lobbo", names, 50) == "Ann Lobo"
    assert misspelt("Wilton", names, 50) is None  # two letters off: someone else
    assert misspelt("Waldon", names, 0) is None  # named only after it
    assert misspelt("Loba", [*names, (20, "Kim Loma")], 50) is None  # one letter off two people: which?


def test_a_spokesman_for_a_body_named_a_paragraph_later_is_that_person(corpus) -> None:
    text = (
        "WASHINGTON, March 8 (Yonhap) -- The new deal will run for five years, a spokesman for the U.S. State "
        "Department said Monday, calling it \"a fair outcome.\"\n\n"
        '"Both sides gave ground," department spokesman Tom Walden told a daily press briefing.\n'
    )
    got = _said(corpus, text, "2021-03-08")
    assert [g[1] for g in got] == ["tom-walden", "tom-walden"]


def test_a_spokesman_for_a_body_stays_the_body_when_only_another_bodys_spokesman_is_named(corpus) -> None:
    text = (
        "The talks will go on, a spokesman for the U.S. State Department said, calling them \"productive.\"\n\n"
        '"We are ready," ministry spokesman Kim Ha-neul told reporters in Seoul.\n'
    )
    got = _said(corpus, text, "2021-03-08")
    assert got[0][1] == "state-department"


def test_a_partial_quotation_in_the_sentence_after_x_said_continues_xs_paraphrase(corpus) -> None:
    text = (
        "Retired Army Col. Ben Ostrow, who served two tours in Korea, said a furlough would hurt readiness. "
        "For example, units would need soldiers to do “borrowed work” that falls “outside their normal duties.”\n\n"
        "A protest outside the gate drew a crowd that chanted “go home” as buses passed.\n"
    )
    got = _said(corpus, text, "2020-01-29")
    assert [g[1] for g in got] == ["ben-ostrow", "ben-ostrow", None]


def test_a_partial_quotation_in_a_sentence_with_its_own_verb_of_speech_is_not_the_paraphrase_before(corpus) -> None:
    text = (
        "Protests greet the cost talks\n\n"
        "Ann Lobo said the demand was too high. Crowds gathered, and one student told AFP the bill was "
        '"like paying rent on our own land."\n'
    )
    got = _said(corpus, text, "2019-11-19")
    assert got[0][1] != "ann-lobo"


def test_the_senator_as_a_subject_is_the_senator_named_before(corpus) -> None:
    text = (
        "Senator wants a fresh look at the alliance\n\n"
        "In an interview on Tuesday, Sen. Tom Walden (D-Del.) said the talks had dragged on too long.\n\n"
        "“We need a deal this year,” Walden said.\n\n"
        "The senator addressed worries in Seoul over his party's new platform, saying the goal remains its "
        "“settled policy.”\n"
    )
    got = _said(corpus, text, "2024-08-20")
    assert [g[1] for g in got] == ["tom-walden", "tom-walden"]


def test_a_bracketed_soundbite_on_its_own_line_inside_a_paragraph_is_its_labels_words(corpus) -> None:
    text = (
        "[Anchor]\n"
        "Allies brace for a tougher line on costs.\n"
        "[Reporter]\n"
        "Tom Walden, who will advise the next president, says allies must pay more.\n"
        "[Tom Walden / Security adviser designate: Allies are friends, but friends must pay their share.]\n"
        "Others disagree. Ann Lobo, a deputy secretary of state, praised Seoul.\n"
        "[Ann Lobo / Deputy Secretary of State: Korea has paid generously.]\n"
    )
    got = _said(corpus, text, "2024-11-20")
    assert [(g[0][:12], g[1]) for g in got] == [("Allies are f", "tom-walden"), ("Korea has pa", "ann-lobo")]


def test_an_unclosed_bracket_line_inside_a_paragraph_is_no_soundbite(corpus) -> None:
    text = "Walden spoke on Monday.\n[Tom Walden / adviser: Allies are friends, and the line goes on\nmore text.\n"
    got = _said(corpus, text, "2024-11-20")
    assert got == []


def test_a_quotation_a_clause_introduces_is_its_speakers_though_a_writer_relays_it(corpus) -> None:
    text = (
        "In his memoir, former adviser Tom Walden recalls a meeting on the drills.\n\n"
        "Trump called the drills a waste. After asking when they would end, he said, "
        '"Stop them in two days," Walden wrote.\n\n'
        '"We pay too much for them," Trump said, according to the book.\n'
    )
    got = _said(corpus, text, "2020-06-22")
    assert [g[1] for g in got] == ["donald-trump", "donald-trump"]


def test_a_full_quotation_not_introduced_by_the_clause_before_it_stays_the_trailing_speakers(corpus) -> None:
    text = (
        "Tom Walden met Trump in August.\n\n"
        'Trump told aides to get ready for a long fight. "Nobody expected that," Walden wrote.\n'
    )
    got = _said(corpus, text, "2020-06-22")
    assert [g[1] for g in got] == ["tom-walden"]


def test_a_bare_he_said_before_anyone_is_named_is_the_main_speaker_named_later(corpus) -> None:
    text = (
        '"They agreed to pay far more," he said, though talks have not even begun.\n\n'
        "President Donald Trump spoke to reporters at the White House on Wednesday.\n\n"
        '"We get almost nothing from them," Trump said. "That is not fair."\n\n'
        '"We will talk," a ministry official in Seoul said.\n'
    )
    got = _said(corpus, text, "2019-08-07")
    assert got[0] == ("They agreed to pay far more", "donald-trump", "pronoun")


def test_a_bare_he_said_stays_no_one_when_no_one_is_quoted_most(corpus) -> None:
    text = (
        '"They agreed to pay far more," he said, though talks have not even begun.\n\n'
        '"We get almost nothing from them," Donald Trump said on Wednesday.\n\n'
        '"We will talk," Ann Lobo said in Seoul.\n'
    )
    got = _said(corpus, text, "2019-08-07")
    assert got[0][1] is None


def test_a_bare_she_said_is_not_a_main_speaker_known_to_be_a_man(corpus) -> None:
    text = (
        '"They agreed to pay far more," she said, though talks have not even begun.\n\n'
        "Mr. Tom Walden spoke to reporters at the embassy on Wednesday.\n\n"
        '"We get almost nothing from them," Walden said. "That is not fair," he added.\n'
    )
    got = _said(corpus, text, "2019-08-07")
    assert got[0][1] is None and got[1][1] == "tom-walden"


def test_a_quotation_paragraph_signed_by_a_name_and_a_date_below_it_is_that_persons(corpus) -> None:
    text = (
        "Posts about the alliance\n\n"
        "ALLIES/TRADE: “Talks have begun on a bigger payment. Korea is a rich country and knows it.”\n\n"
        "Tom Walden,, August 7, 2019 5:21 am\n\n"
        "ALLIES/DRILLS: “The drills cost a fortune and we get nothing back.”\n\n"
        "August 8, 2019 9:02 am\n"
    )
    got = _said(corpus, text, "2019-08-08")
    assert [g[1] for g in got] == ["tom-walden", None]
