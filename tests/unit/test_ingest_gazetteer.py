"""The gazetteer links the words an article uses for a speaker to the dossier's actor: the other
romanisations of a Korean name, an institution's other names, and a part of an institution
(issue 11). Every sentence here is written for the test; none is copied from an article."""

from __future__ import annotations

import pytest

from sma_tui.core.models import Actor
from sma_tui.ingest import extract
from sma_tui.ingest.gazetteer import ActorIndex


def _speaker(corpus, text: str) -> str | None:
    quotes = extract(text + "\n", corpus=corpus).quotes
    assert len(quotes) == 1
    return quotes[0].speaker


def _person(name: str, side: str, guessed: bool = False) -> Actor:
    return Actor(name.lower().replace(" ", "-"), name, side, kind="person", aliases=[name], side_guessed=guessed)


# ------------------------------------------------------------------ Korean names
@pytest.mark.parametrize(
    ("who", "actor"),
    [("Jung Eun-bo", "jeong-eun-bo"), ("Chung Eun-bo, the veteran envoy,", "jeong-eun-bo"),
     ("Eun-bo Jeong", "jeong-eun-bo"), ("Ambassador Chung Eun Bo", "jeong-eun-bo"),
     ("Gang Kyung-wha", "kang-kyung-wha"), ("Choe Jong-kun", "choi-jong-kun"), ("Mun Jae-in", "moon-jae-in"),
     ("Seo Wook", "suh-wook"), ("Rhee Tae-woo", "lee-tae-woo"), ("Eui-yong Jeong", "chung-eui-yong"),
     ("Defense Minister Chung Kyung-doo", "jeong-kyeong-doo"), ("Chung Ui-yong", "chung-eui-yong")],
)  # fmt: skip
def test_a_korean_name_in_another_romanisation_is_the_dossier_person(corpus, who: str, actor: str) -> None:
    assert _speaker(corpus, f'"The gap is closing," {who} said on Friday.') == actor


def test_a_name_as_written_wins_over_another_romanisation() -> None:
    # a speaker an earlier add made keeps its own name; the curated person keeps theirs
    curated, added = _person("Jeong Min-ho", "ROK"), _person("Jung Min-ho", "unknown", guessed=True)
    index = ActorIndex({a.id: a for a in (curated, added)})
    assert index.get("Jung Min-ho") == added.id and index.get("Chung Min-ho") == curated.id


def test_two_curated_people_whose_spellings_meet_share_none_of_them() -> None:
    one, two = _person("Jeong Min-ho", "ROK"), _person("Chung Min-ho", "ROK")
    index = ActorIndex({a.id: a for a in (one, two)})
    assert index.get("Jung Min-ho") is None  # which of the two?
    assert index.get("Jeong Min-ho") == one.id and index.get("Chung Min-ho") == two.id  # as written, each is known


def test_a_family_name_alone_in_any_romanisation() -> None:
    people = [_person("Jeong Min-ho", "ROK"), _person("Chung Dae-il", "ROK"), _person("Suh Wan", "ROK"),
              _person("Lee Sun-ok", "ROK"), _person("Harold Vance", "US"), _person("Han Ji Won", "ROK"),
              _person("Yoon Mi Ra", "ROK")]  # fmt: skip
    index = ActorIndex({a.id: a for a in people})
    assert index.family["seo"] == index.family["suh"] == "suh-wan"  # a one-syllable given name: family first
    assert "wan" not in index.family
    assert {"jeong", "jung", "chung"} <= index.ambiguous  # two curated people: "Chung said" names no one
    assert "lee" not in index.family and "lee" not in index.ambiguous  # too common to name anyone alone
    assert index.family["vance"] == "harold-vance"
    assert index.family["han"] == "han-ji-won" and "won" not in index.family  # a ROK name unhyphenated: family first
    assert not {"yoon", "yun"} & (set(index.family) | index.ambiguous)  # Yoon/Yun: too common (and Joseph Yun)


def test_a_common_family_name_alone_stays_a_new_speaker(corpus) -> None:
    # the dossier's Lee is the 2024 negotiator; a worker who gives only the name Lee is not him
    text = 'A guard at the gate, who gave only his family name, Lee, was angry. "We were told nothing," Lee said.'
    assert _speaker(corpus, text) == "lee"


def test_a_shared_family_name_in_another_romanisation_is_no_one(corpus) -> None:
    assert _speaker(corpus, '"We are close to the end," Chung said in a radio interview.') is None


# ------------------------------------------------------------------ institutions
@pytest.mark.parametrize(
    ("who", "actor"),
    [("the U.S. Department of State", "state-department"), ("the Department of State", "state-department"),
     ("the Department of Defense", "pentagon"), ("the Pentagon", "pentagon"),
     ("the ROK's Ministry of Foreign Affairs", "rok-foreign-ministry"),
     ("South Korea's Ministry of Foreign Affairs", "rok-foreign-ministry"),
     ("Seoul's foreign ministry", "rok-foreign-ministry"), ("the Ministry of National Defense", "rok-defense-ministry"),
     ("the Foreign Affairs Ministry", "rok-foreign-ministry"),
     ("the National Defense Ministry", "rok-defense-ministry"),
     ("the Blue House", "cheong-wa-dae"), ("the USFK Korean Employees Union", "usfk-korean-employees-union"),
     ("the Ministry of Foreign Affairs (MOFA)", "rok-foreign-ministry"), ("U.S. Forces Korea (USFK)", "usfk"),
     ("the Department of Defense (DoD)", "pentagon")],
)  # fmt: skip
def test_an_institution_by_its_other_names(corpus, who: str, actor: str) -> None:
    assert _speaker(corpus, f'"Talks will resume next month," {who} said in a statement.') == actor


@pytest.mark.parametrize(
    ("who", "actor"),
    [("the State Department's Bureau of Political-Military Affairs", "state-department"),
     ("the State Department’s arms control office", "state-department"),
     ("the bureau of political-military affairs at the State Department", "state-department"),
     ("the foreign ministry's North America bureau", "rok-foreign-ministry")],
)  # fmt: skip
def test_a_part_of_an_institution_speaks_for_it(corpus, who: str, actor: str) -> None:
    assert _speaker(corpus, f'"Both sides made progress," {who} said on Sunday.') == actor


@pytest.mark.parametrize(
    "who",
    ["the State Department's spokesperson", "Japan's foreign ministry",
     "an official at the State Department's Bureau of Political-Military Affairs"],
)  # fmt: skip
def test_a_person_of_an_institution_or_another_country_is_not_it(corpus, who: str) -> None:
    assert _speaker(corpus, f'"Both sides made progress," {who} said on Sunday.') not in (
        "state-department", "rok-foreign-ministry",
    )  # fmt: skip


def test_a_part_of_no_known_institution_links_to_nothing(corpus) -> None:
    index = ActorIndex(corpus.actors)
    assert index.get("the Coast Guard's Bureau of Harbours") is None
    # hostile phrases are refused, not taken apart (no deep recursion, no scan of each "'s")
    assert index.get("the State Department's " * 2000 + "bureau") is None
    assert index.get("Harris" + " Jr." * 3000) is None and index.get("the ministry" + " in Seoul" * 3000) is None


def test_a_title_that_changes_hands_is_not_an_alias(corpus) -> None:
    # Seoul's chief negotiator was Jeong Eun-bo in 2019-2021 and Lee Tae-woo in 2024: the title
    # alone names neither, it is the person the article introduces with it
    said = '\n\n"We will be fair," Seoul\'s chief negotiator said.'
    assert _speaker(corpus, "SEOUL, April 22 (Yonhap) -- Lee Tae-woo leads the talks." + said) != "jeong-eun-bo"
    assert _speaker(corpus, "Lee Tae-woo, Seoul's chief negotiator, flew to Honolulu." + said) == "lee-tae-woo"


@pytest.mark.parametrize(
    ("who", "actor"),
    [("Ambassador Harry B. Harris Jr.", "harry-harris"), ("Secretary of State Michael R. Pompeo", "mike-pompeo"),
     ("Defense Secretary Lloyd J. Austin III", "lloyd-austin"), ("the U.S. military command in South Korea", "usfk")],
)  # fmt: skip
def test_a_full_style_name_or_a_description_only_one_actor_fits(corpus, who: str, actor: str) -> None:
    assert _speaker(corpus, f'"The door is open," {who} said.') == actor


@pytest.mark.parametrize(
    ("text", "actor", "name"),
    [('Although Trump said Seoul should pay "far more," the envoys met again.', "donald-trump", None),
     ('While Esper called the offer "a start," Seoul waited.', "mark-esper", None),
     ('Although Kim Min-su said the deal was "fair," others disagreed.', "kim-min-su", "Kim Min-su")],
)  # fmt: skip
def test_a_sentence_opening_connective_is_not_part_of_the_name(corpus, text: str, actor: str, name: str) -> None:
    x = extract(text + "\n", corpus=corpus)
    assert [q.speaker for q in x.quotes] == [actor]
    assert [a.name for a in x.actors] == ([name] if name else [])


@pytest.mark.parametrize(
    ("key", "actor"),
    [("Ambassador Chung", "jeong-eun-bo"), ("Ambassador Jung", "jeong-eun-bo"),  # the envoy holds the title
     ("Foreign Minister Chung", "chung-eui-yong"), ("Defense Minister Jeong", "jeong-kyeong-doo"),
     ("Minister Chung", None), ("Minister Jeong", None),  # two ministers of that name: no one
     ("Ambassador Kim", None)],  # no curated Kim
)  # fmt: skip
def test_a_title_and_a_shared_family_name_is_the_one_curated_person_with_that_title(
    corpus, key: str, actor: str | None
) -> None:
    assert ActorIndex(corpus.actors).get(key) == actor


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [('"We are close to the finish," Ambassador Chung told reporters.', "jeong-eun-bo"),
     ('"The alliance comes first," Foreign Minister Chung said on Monday.', "chung-eui-yong")],
)  # fmt: skip
def test_a_reporting_clause_with_a_title_and_a_shared_family_name_names_the_titled_person(
    corpus, sentence: str, actor: str
) -> None:
    # the honorific path of the resolver asks the index for the title too, not the family name alone
    assert _speaker(corpus, sentence) == actor
