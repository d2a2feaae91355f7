"""Attribution constructions behind the WRONG names on a fourth fresh sample of real coverage
(real set R dev4): a quotation credited to someone else in the same line or paragraph. Prefer
no name to a wrong name. Every sentence here is written for the test; none is copied from an
article."""

from __future__ import annotations

from sma_tui.ingest import extract
from sma_tui.ingest.clauses import appositive_after
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
    # never Kerr, the subject of the bullet before ("questioned … as" is a verb of speech: Walden's words)
    assert [g[1] for g in got] == ["tom-walden", "tom-walden"]


def test_a_verb_joined_by_and_after_a_quotation_has_the_sentence_subject(corpus) -> None:
    text = (
        "Ann Kerr spoke first at the forum in Seoul.\n\n"
        "Before the vote, Tom Walden questioned the plan as “a bad bargain” and later said it was “too costly”.\n"
    )
    got, _ = _said(corpus, text)
    assert [g[:2] for g in got] == [("a bad bargain", "tom-walden"), ("too costly", "tom-walden")]


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


def test_the_subject_of_a_sentence_is_its_opening_family_name_even_after_an_adverb(corpus) -> None:
    text = (
        "Rep. Ann Kerr spoke at a party meeting in Seoul on Thursday.\n\n"
        "Kerr also challenged Walden's claim that costs were cut at Seoul's request under the Tom Hale "
        "administration, saying, "
        "“In fact, the payments rose every year.” She urged the government to “set the record straight.”\n\n"
        "Analysts said the early deal was meant to avoid trouble. Walden pressured Seoul when he was in office. "
        "He demanded more, repeatedly complaining that Seoul was “free-riding” on the alliance.\n\n"
        "But Walden unexpectedly implied that Washington wants to keep the “land with the big base,” "
        "giving no details.\n"
    )
    got, actors = _said(corpus, text)
    kerr = got[0][1]
    assert kerr is not None and actors[kerr].name == "Ann Kerr"
    assert got[1][1] == kerr  # not Tom Hale, whose name only dates the claim
    walden = got[2][1]
    assert walden is not None and actors[walden].name == "Walden"  # not the analysts
    assert got[3][1] == walden  # not Washington


def test_a_plural_group_opening_a_sentence_is_no_family_name(corpus) -> None:
    text = (
        "Protesters gathered outside the hotel with banners, and one student told AFP the demand was "
        '"like paying rent for our own home."\n\n'
        "(The student, Lee Min-ji, 21, said she had skipped a class to attend.)\n"
    )
    got, actors = _said(corpus, text)
    assert got[0][1] is not None and actors[got[0][1]].name == "Lee Min-ji"


def test_he_after_a_sentence_is_its_main_subject_not_the_speaker_of_a_clause_after_after(corpus) -> None:
    text = (
        "SEOUL, May 1 -- The ministry said Friday that talks would go on.\n\n"
        "Ann Kerr, the ministry's deputy spokeswoman, made the remarks after U.S. envoy Tom Walden noted the need "
        "for a quick deal during his visit on Thursday.\n\n"
        '"We are working toward a fair deal," she said at a briefing.\n\n'
        "Bob Hale, the agency's spokesman, spoke after Walden warned of delays.\n\n"
        '"Talks will continue next week," he said.\n'
    )
    got, actors = _said(corpus, text)
    assert actors[got[0][1]].name == "Ann Kerr"
    assert actors[got[1][1]].name == "Bob Hale"  # not Walden, who 'warned' in the clause after "after"


def test_two_parties_in_one_sentence_each_keep_their_own_words(corpus) -> None:
    text = (
        "On Saturday, the Green Party of Korea and the New Dawn Party gave differing views of the deal.\n\n"
        "The New Dawn Party hailed the deal as “a big step forward,” while the Green Party of Korea viewed it "
        "as “hard to call a good result.”\n"
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == ["The New Dawn Party", "The Green Party of Korea"]


def test_a_quotation_signed_on_the_next_line_after_a_hyphen_is_the_signers(corpus) -> None:
    text = (
        "Promise: Bring the Troops Home\n\n"
        "Status: Stalled\n\n"
        '"Our allies pay us almost nothing for the protection we give them."\n'
        "-Tom Walden, interview with a radio host, 2016\n\n"
        '"They will have to pay more or defend themselves."\n'
        "- Tom Walden\n\n"
        '"Nobody asked us."\n'
        "- Status reports came in late that year.\n"
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got[:2]] == ["Tom Walden", "Tom Walden"]  # never "Status"
    assert got[2][1] is None or actors[got[2][1]].name == "Tom Walden"  # a bullet sentence signs nothing


def test_a_quotation_in_an_opening_when_clause_is_not_the_main_clauses_speaker(corpus) -> None:
    text = (
        "Minister Ann Kerr appeared before a parliamentary committee on Monday.\n\n"
        "When a ruling party lawmaker claimed that Washington wanted far more and urged Seoul to reject such "
        "a “ransom demand,” Kerr said no figure had been set.\n\n"
        "After the hearing ended in “total confusion,” Kerr said the talks would go on.\n"
    )
    got, actors = _said(corpus, text)
    assert got[0][1] is not None and "lawmaker" in actors[got[0][1]].name  # the lawmaker's words, not Kerr's
    assert got[1][1] is None  # no one is said to have called it that


def test_a_clause_right_before_a_whole_quotation_names_it_though_a_memoir_relays_it(corpus) -> None:
    text = (
        "Tom Walden, a former adviser, describes the meetings in a new memoir.\n\n"
        "After the summit, Ann Kerr announced that she was scaling back the drills.\n\n"
        'After asking when the drills would end, she said, "End them in two days; do not extend them," '
        "Walden wrote.\n\n"
        '"It was a mistake," Walden wrote of the decision.\n'
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == ["Ann Kerr", "Tom Walden"]


def test_a_quotation_after_someone_else_is_introduced_does_not_continue_the_speaker_before(corpus) -> None:
    text = (
        "Experts weighed in on Monday.\n"
        "“Talks will drag on,” said Ann Kerr, a professor in Seoul. “But a deal will come,” she added. (…)\n"
        "Tom Walden, a fellow at a think tank in Washington, said that a new leader would sign a deal quickly.\n"
        "“I would argue that a new government would sign within weeks and at a lower rate of increase.”\n"
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got[:2]] == ["Ann Kerr", "Ann Kerr"]
    assert got[2][1] is None or actors[got[2][1]].name == "Tom Walden"  # never Kerr


def test_a_line_opening_quotation_is_the_speakers_whom_the_next_quotation_names(corpus) -> None:
    text = (
        "Ann Kerr, a vice minister, warned in a statement on Tuesday that the offer was “nothing but a trick.”\n"
        "“Seoul, for sure, gets a say” in how the coming weeks go. “Give it two more weeks and we will know,”\n"
        "Tom Walden said at a forum.\n"
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == ["Ann Kerr", "Tom Walden", "Tom Walden"]


def test_an_official_from_a_body_is_the_corpus_official_of_that_body(corpus) -> None:
    text = (
        "In a written interview with a news agency, an official from the State Department said that Seoul "
        'should pay "a fairer share" of the costs.\n'
    )
    got, _ = _said(corpus, text)
    assert got[0][1] == "state-department-official"  # the dossier's, not a new "official from …"


def test_an_appositive_ends_before_an_irregular_past_verb(corpus) -> None:
    text = ", the ministry's deputy spokeswoman, made the remarks after U.S. envoy Tom Walden spoke."
    assert appositive_after(text) == "the ministry's deputy spokeswoman"
    story = (
        "SEOUL, May 1 -- The foreign ministry said talks would go on.\n\n"
        "Ann Kerr, the ministry's deputy spokeswoman, made the remarks after U.S. envoy Tom Walden met officials.\n\n"
        '"We are working toward a fair deal," she said.\n'
    )
    got, actors = _said(corpus, story)
    assert actors[got[0][1]].name == "Ann Kerr" and actors[got[0][1]].side != "US"  # not the U.S. envoy's side


def test_the_new_constructs_stay_linear_on_long_runs(corpus) -> None:
    import time

    pieces = [
        "When Kim claimed “a” and “b” and “c” ",  # a clause opening a sentence, no comma, many quotations
        "“Yes.”\n-Tom Walden\n",  # signatures on the next line
        "- Kerr saying “x” and later said he would “y”.\n",  # hyphen bullets, 'and later said'
        "“a” in how. “b,” Kerr said. ",  # a quotation closing in on the next one's speaker
        "Kerr, the aide, made the remarks after Walden noted “z” while the party viewed it as “w” ",
    ]
    for piece in pieces:
        timings = []
        for n in (60, 600):
            start = time.perf_counter()
            extract(piece * n, corpus=corpus, overrides={"date": "2020-05-01"})
            timings.append(time.perf_counter() - start)
        assert timings[1] < 60 * max(timings[0], 1e-3), piece  # ten times the text: far from a hundred times the work


def test_a_relative_clause_after_a_quotation_names_its_own_words_not_the_ones_before(corpus) -> None:
    text = "Tom Walden's claim that Korea is \"a rich country\" drew fire from Ann Kerr, who called it \"absurd.\"\n"
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == ["Tom Walden", "Ann Kerr"]


def test_by_saying_after_a_relative_clause_is_the_main_clauses_subject(corpus) -> None:
    text = 'Ann Kerr responded to Tom Walden, who had called the offer "too small," by saying it was "fair."\n'
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == ["Tom Walden", "Ann Kerr"]


def test_a_passive_verb_names_its_agent_after_the_quotation(corpus) -> None:
    text = 'The deal was called "a win for both sides" by Ann Kerr, while Tom Walden said it was "a good start."\n'
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == ["Ann Kerr", "Tom Walden"]


def test_a_possessive_name_before_a_title_and_a_name_is_the_owner_not_the_speaker(corpus) -> None:
    text = "Tom Walden's spokeswoman Ann Kerr said the president was \"disappointed.\"\n"
    got, actors = _said(corpus, text)
    assert actors[got[0][1]].name == "Ann Kerr"


def test_a_body_or_group_named_after_a_person_is_not_that_person(corpus) -> None:
    text = (
        'The Tom Walden administration said the allies must "pay their fair share."\n\n'
        'An aide to Ann Kerr said the minister would "not back down."\n\n'
        'Officials close to Bob Hale said the plan was "on hold."\n'
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == [
        "The Tom Walden administration",
        "Aide to Ann Kerr (anonymous)",
        "Officials close to Bob Hale (anonymous)",
    ]


def test_words_given_to_an_agent_by_x_as_are_xs(corpus) -> None:
    text = 'Tom Walden, criticized by Ann Kerr as "reckless," defended the plan on Monday.\n'
    got, actors = _said(corpus, text)
    assert actors[got[0][1]].name == "Ann Kerr"


def test_news_reports_in_general_are_not_the_south_korean_media(corpus) -> None:
    text = 'The leader has not been seen for weeks. News reports have described him as "gravely ill."\n'
    got, actors = _said(corpus, text)
    assert got[0][1] != "south-korean-media" and actors[got[0][1]].name == "News reports"
    local = _said(corpus, 'Local media said the talks were "deadlocked."\n')[0]
    assert local[0][1] == "south-korean-media"  # the local press of a story from Seoul still is


def test_a_lede_role_named_in_the_next_paragraph_is_that_person_but_not_a_rival(corpus) -> None:
    text = (
        "Lawmaker slams demand\n\n"
        'A Korean lawmaker on Thursday called the U.S. demand "insulting."\n\n'
        '"It shows no respect for an ally," Korean opposition Rep. Han Ji-su said at a party meeting in Seoul.\n'
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].name for g in got] == ["Han Ji-su", "Han Ji-su"]
    rival = (
        'An opposition lawmaker said the deal was "a disgrace."\n\n'
        'Rep. Kim Min-su of the ruling party said it was "a fair result."\n'
    )
    got, actors = _said(corpus, rival)
    assert [actors[g[1]].name for g in got] == ["Opposition lawmaker (anonymous)", "Kim Min-su"]


def test_a_headline_line_without_a_stop_ends_before_a_dateline() -> None:
    body = (
        "Allies near 'final' deal on costs: envoy\n"
        "SEOUL, May 1 (Yonhap) -- The deal is close, the envoy said. It rained.\n"
        "A line\nWithout a dateline after it stays."
    )
    cuts = [body[a:b] for a, b in sentence_bounds(body, 0, len(body), [])]
    assert cuts[0] == "Allies near 'final' deal on costs: envoy\n"
    assert cuts[1].startswith("SEOUL, May 1 (Yonhap) -- The deal is close")
    assert cuts[-1] == "A line\nWithout a dateline after it stays."
