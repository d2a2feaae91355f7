"""Speakers that are not one person (ingest.collective): a country or capital that is the subject
of a reporting clause, the two allies together, a joint statement no one is named to have issued.
Places speak only as that subject, never inside a prepositional phrase, a possessive or a person's
clause. Every sentence here is written for the test; none is copied from an article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sma_tui.cli.main import main
from sma_tui.ingest import extract
from sma_tui.storage.store import Store


def _said(corpus, text: str):
    x = extract(text, corpus=corpus, overrides={"date": "2020-03-02"})
    quotes = sorted(x.quotes, key=lambda q: q.start)
    return [(q.text, q.speaker, q.attribution) for q in quotes], {a.id: a for a in x.actors}


def test_a_capital_that_says_something_is_its_country_with_the_country_side(corpus) -> None:
    got, actors = _said(corpus, 'Seoul said on Monday that the new figure was "far too high."\n')
    assert got[0][1] == "south-korea"
    seoul = actors["south-korea"]
    assert (seoul.name, seoul.kind, seoul.side) == ("South Korea", "country", "ROK") and "Seoul" in seoul.aliases


def test_a_country_after_a_clause_break_speaks_through_a_participle(corpus) -> None:
    text = 'On Friday, Pyongyang slammed the spring drills, saying it felt "cheated" and would answer "in kind."\n'
    got, actors = _said(corpus, text)
    assert [g[1] for g in got] == ["north-korea", "north-korea"] and actors["north-korea"].side == "other"


def test_a_capital_in_a_trailing_clause_is_a_country_not_a_person_called_beijing(corpus) -> None:
    got, actors = _said(corpus, '"The drills only raise tension," Beijing said on Tuesday.\n')
    assert got[0][1] == "china" and actors["china"].kind == "country"
    assert not any(a.kind == "person" for a in actors.values())


def test_a_headline_line_with_the_capital_at_its_end_speaks(corpus) -> None:
    text = (
        "Workers stay home\n\nThe furlough began on Wednesday for thousands of workers.\n\n"
        "SEE ALSO South Korea 'talking' daily with U.S. about the workers, Seoul says\n\nThe talks went on.\n"
    )
    got, _ = _said(corpus, text)
    assert got[0][:2] == ("talking", "south-korea")


@pytest.mark.parametrize(
    "text",
    [
        'The delegation that arrived in Seoul said the offer was "final."\n',
        'Seoul pushed back on Monday against remarks by a senator that suggested the deal was "done."\n',
        'The drills near Pyongyang, reported to be large, were called "routine."\n',
    ],
)
def test_a_place_in_a_phrase_or_far_from_the_verb_never_speaks(corpus, text: str) -> None:
    got, actors = _said(corpus, text)
    assert got[0][1] not in ("south-korea", "north-korea")
    assert not any(a.kind == "country" for a in actors.values())


def test_a_person_in_the_same_sentence_wins_over_the_country_in_their_clause(corpus) -> None:
    text = 'Jeong Eun-bo told reporters that Seoul had explained "the whole picture" to the U.S. side.\n'
    got, _ = _said(corpus, text)
    assert got[0][1] == "jeong-eun-bo"


def test_the_two_allies_together_are_one_group_of_both_sides_not_either_of_them(corpus) -> None:
    text = 'The United States and South Korea said in a joint release on Tuesday, "The talks will resume in May."\n'
    got, actors = _said(corpus, text)
    pair = actors[got[0][1]]
    assert (pair.name, pair.kind, pair.side) == ("United States and South Korea", "group", "unknown")


def test_the_two_allies_inside_a_phrase_are_no_speaker(corpus) -> None:
    text = (
        "Talks between South Korea and the United States ended early as the U.S. team walked out and accused "
        'Seoul of falling short of "a fair share."\n'
    )
    got, actors = _said(corpus, text)
    assert not any(a.kind == "group" for a in actors.values())


def test_a_joint_statement_that_no_one_is_named_to_issue_speaks_for_itself(corpus) -> None:
    text = (
        "The two defense chiefs met for two hours in Seoul.\n\n"
        'A joint statement issued after the talks stated that the two "agreed to meet again soon" in the spring.\n\n'
        'The pair "will keep the alliance strong," according to a joint statement carried by the Yonhap news agency.\n'
    )
    got, actors = _said(corpus, text)
    assert [g[1] for g in got] == ["joint-statement", "joint-statement"]
    assert actors["joint-statement"].kind == "group" and actors["joint-statement"].side == "unknown"


def test_a_country_speaker_added_to_a_store_passes_check(store_path: Path, tmp_path: Path, capsys) -> None:
    article = tmp_path / "seoul.txt"
    article.write_text(
        "Seoul rejects new demand\n\nSEOUL, March 2 (Wire) -- Seoul said on Monday that the new figure was "
        '"far too high" for the allies to accept.\n',
        encoding="utf-8",
    )
    assert main(["add", "--db", str(store_path), "--json", "--date", "2020-03-02", str(article)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "added"
    seoul = Store(store_path).load().actors["south-korea"]
    assert (seoul.kind, seoul.side) == ("country", "ROK")
    assert main(["check", "--db", str(store_path)]) == 0 and "check: ok" in capsys.readouterr().out
    assert main(["show", "actor", "south-korea", "--db", str(store_path)]) == 0
    assert "South Korea" in capsys.readouterr().out


def test_a_country_that_denounces_or_condemns_a_demand_speaks_and_is_known_by_its_capital(corpus) -> None:
    text = (
        "Talks stall again\n\n"
        'South Korea has denounced the new U.S. demand for a steep rise in its payments as "out of line."\n\n'
        'Beijing condemned the joint drills as "provocative" on Friday.\n'
    )
    got, actors = _said(corpus, text)
    assert [g[1] for g in got] == ["south-korea", "china"]
    assert {"South Korea", "Seoul"} <= set(actors["south-korea"].aliases)


def test_a_propaganda_outlet_named_with_its_appositive_is_the_speaker_and_it_next_is_it(corpus) -> None:
    text = (
        "Northern websites hit out at the talks\n\n"
        "Voice of Juche, a North Korean state propaganda website, denounced the allies on Monday for their "
        'talks over "a greedy bargain."\n\n'
        '"The U.S. wants to rob its ally blind," it said. "The puppets in the South will pay for it."\n'
    )
    got, actors = _said(corpus, text)
    assert [g[1] for g in got] == ["voice-of-juche"] * 3
    outlet = actors["voice-of-juche"]
    assert (outlet.kind, outlet.side) == ("institution", "other")


def test_an_outlet_that_only_relays_someone_is_still_where_it_was_reported(corpus) -> None:
    text = (
        "Minister speaks\n\n"
        'The minister said the talks were "going well," according to Daily Wire, a Seoul newspaper.\n'
    )
    got, actors = _said(corpus, text)
    assert not any(a.name == "Daily Wire" for a in actors.values())


def test_people_listed_as_one_subject_go_to_the_first_named_as_joint_authors_do(corpus) -> None:
    text = (
        "After the meeting, Blinken, Austin and their Japanese counterparts said in a joint statement that the "
        'drills were "a shared duty" for the region.\n\n'
        "Tom Hale, Ann Kerr and Joe Marsh, three former envoys, met on Monday.\n\n"
        'Hale, Kerr and Marsh said the deal was "a fair one" for both allies.\n'
    )
    got, _ = _said(corpus, text)
    assert [g[1] for g in got] == ["antony-blinken", "tom-hale"]


def test_places_listed_as_a_subject_are_no_list_of_people(corpus) -> None:
    text = 'Officials in Seoul, Tokyo and Beijing said the drills were "routine."\n'
    got, actors = _said(corpus, text)
    assert got[0][1] not in ("south-korea", "japan", "china") and not any(
        a.kind == "person" for a in actors.values()
    )


def test_a_papers_editorial_headline_or_column_is_the_papers_own_voice(corpus) -> None:
    text = (
        "Papers weigh in\n\n"
        'The Korea Times said in an editorial on Tuesday that the demand was "daylight robbery."\n\n'
        'A Korea Herald headline said it plainly: "Pay less, not more."\n\n'
        'The Global Times, a Chinese state-run tabloid, said the drills were "a provocation."\n\n'
        'Yonhap said the talks were "tense."\n'
    )
    got, actors = _said(corpus, text)
    assert [g[1] for g in got] == ["korea-times", "korea-herald-headline", "global-times", None]
    assert actors["global-times"].side == "other" and actors["korea-times"].kind == "institution"


def test_a_person_described_by_a_medium_is_still_the_person(corpus) -> None:
    text = 'Media watch\n\nKim Sang-ho, a state media commentator, said the talks were "dead."\n'
    got, actors = _said(corpus, text)
    assert actors[got[0][1]].kind == "person"


def test_the_north_that_says_something_is_north_korea(corpus) -> None:
    text = 'North hits out\n\nThe North said on Monday the drills were "a rehearsal for invasion."\n'
    got, actors = _said(corpus, text)
    assert got[0][1] == "north-korea" and actors["north-korea"].side == "other"


def test_the_letter_of_committee_chairmen_is_theirs_as_a_group(corpus) -> None:
    text = (
        "Lawmakers push back\n\n"
        "The demand drew a sharp rebuke from chairmen of the House Armed Services and Foreign Affairs committees "
        "in a letter to the defense secretary on Monday.\n\n"
        '"We see no basis for a fivefold increase," the letter said.\n'
    )
    got, actors = _said(corpus, text)
    group = actors[got[0][1]]
    assert group.name.startswith("Chairmen of the House") and group.side == "US"


def test_a_country_added_twice_is_one_actor_of_the_store(store_path: Path, tmp_path: Path, capsys) -> None:
    for day, line in (("2", 'Seoul said on Monday the figure was "far too high."'),
                      ("9", 'South Korea said on Monday the new offer was "a step."')):  # fmt: skip
        article = tmp_path / f"seoul-{day}.txt"
        article.write_text(f"Seoul answers\n\nSEOUL, March {day} (Wire) -- {line}\n", encoding="utf-8")
        assert main(["add", "--db", str(store_path), "--date", f"2020-03-0{day}", str(article)]) == 0
    capsys.readouterr()
    corpus = Store(store_path).load()
    countries = [a for a in corpus.actors.values() if a.kind == "country"]
    assert [a.id for a in countries] == ["south-korea"]
    assert sum(q.speaker == "south-korea" for q in corpus.quotes.values()) == 2


def test_a_relative_clause_of_a_country_is_its_words(corpus) -> None:
    got, _ = _said(corpus, 'Talks go on\n\nThe sum, which Seoul said was "too high," was cut in the end.\n')
    assert got[0][1] == "south-korea"


def test_the_norths_media_named_without_a_description_are_on_the_other_side(corpus) -> None:
    text = (
        "North hits out\n\n"
        'Propaganda website Maeari on Tuesday denounced the pact as "treason."\n\n'
        'Another website, the Tongil Voice, criticized Seoul for its "submission."\n'
    )
    got, actors = _said(corpus, text)
    assert [actors[g[1]].side for g in got] == ["other", "other"]


def test_the_two_allies_in_either_order_are_one_actor(corpus) -> None:
    text = (
        "Deal reached\n\n"
        'Seoul and Washington said in a joint statement that the deal was "a win for both."\n\n'
        'The U.S. and South Korea announced on Friday that talks would "resume soon."\n'
    )
    got, actors = _said(corpus, text)
    assert [g[1] for g in got] == ["united-states-and-south-korea"] * 2
    assert {"Seoul and Washington", "The U.S. and South Korea"} <= set(actors["united-states-and-south-korea"].aliases)


def test_the_joint_statement_is_its_issuers_when_named_else_itself_never_the_last_subject(corpus) -> None:
    text = (
        "Talks stall\n\n"
        'The deal is "close," according to people familiar with the talks.\n\n'
        'The two sides are "very close," according to the joint statement.\n\n'
        "Esper and Suh Wook met on Friday. Esper said in a joint statement with Suh that the allies would stay "
        '"ironclad."\n\n'
        '"We will meet again," the joint statement said.\n'
    )
    got, _ = _said(corpus, text)
    assert [g[1] for g in got][1:] == ["joint-statement", "mark-esper", "mark-esper"]


def test_people_in_the_plural_at_a_sentence_start_are_an_anonymous_group_not_a_person(corpus) -> None:
    text = 'Protest\n\nProtesters said the deal was "shameful." Officials said the talks were "tense."\n'
    got, actors = _said(corpus, text)
    assert [(actors[g[1]].name, actors[g[1]].kind) for g in got] == [
        ("Protesters (anonymous)", "anonymous"), ("Officials (anonymous)", "anonymous")
    ]
