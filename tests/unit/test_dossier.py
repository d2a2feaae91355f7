"""The curated dossier: each corrected fact pinned to the public source that states it, the
kinds of events, and ``check`` refusing a public source a reader cannot follow (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sma_tui.cli.export import to_csv
from sma_tui.cli.main import main
from sma_tui.core.check import check_corpus, public_source_problem
from sma_tui.core.corpus import Corpus
from sma_tui.core.models import EVENT_KINDS, Event, PublicSource
from sma_tui.services import check_store
from sma_tui.storage.store import Store

# event id -> (kind, number, start, end, negotiators, participants, a URL that states it)
FACTS = {
    "sma10-initialled": (
        "milestone", None, "2019-02-10", "2019-02-10", ["chang-won-sam", "timothy-betts"], [],
        "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=320383",
    ),
    "sma10-signed": (
        "milestone", None, "2019-03-08", "2019-03-08", [], ["kang-kyung-wha", "harry-harris"],
        "http://world.kbs.co.kr/service/news_view.htm?Seq_Code=143535&lang=e",
    ),
    "round-1": (
        "round", 1, "2019-09-24", "2019-09-25", ["chang-won-sam", "james-dehart"], [],
        "https://en.yna.co.kr/view/AEN20190923008100325",
    ),
    "round-2": (
        "round", 2, "2019-10-23", "2019-10-24", ["jeong-eun-bo", "james-dehart"], [],
        "https://koreajoongangdaily.joins.com/2019/10/21/politics/New-envoy-for-costsharing-talks/3069285.html",
    ),
    "round-3": (
        "round", 3, "2019-11-18", "2019-11-19", ["jeong-eun-bo", "james-dehart"], [],
        "https://www.washingtonpost.com/world/asia-pacific/us-breaks-off-talks-with-south-korea-over-costs-of-"
        "military-alliance/2019/11/19/949773d8-0a9b-11ea-8054-289aef6e38a3_story.html",
    ),
    "round-4": (
        "round", 4, "2019-12-03", "2019-12-04", ["jeong-eun-bo", "james-dehart"], [],
        "https://m-en.yna.co.kr/view/AEN20191205000400325",
    ),
    "round-5": (
        "round", 5, "2019-12-17", "2019-12-18", ["jeong-eun-bo", "james-dehart"], [],
        "https://en.yna.co.kr/view/AEN20191218001552325",
    ),
    "round-7": (
        "round", 7, "2020-03-17", "2020-03-19", ["jeong-eun-bo", "james-dehart"], [],
        "https://en.yna.co.kr/view/AEN20200319002851325",
    ),
    "pompeo-esper-op-ed": ("event", None, "2020-01-16", "2020-01-16", [], ["mike-pompeo", "mark-esper"], None),
    "us-negotiator-change": (
        "event", None, "2020-07-29", "2020-07-29", [], ["james-dehart", "donna-welton"],
        "https://www.arctictoday.com/the-trump-administration-appoints-a-new-state-department-arctic-coordinator/",
    ),
    "video-call-2020-11": (
        "meeting", None, "2020-11-30", "2020-11-30", ["jeong-eun-bo", "donna-welton"], [],
        "http://www.koreaherald.com/view.php?ud=20201201000109",
    ),
    "meeting-8": (
        "meeting", 8, "2021-02-05", "2021-02-05", ["jeong-eun-bo", "donna-welton"], [],
        "https://m-en.yna.co.kr/view/AEN20210205006200325",
    ),
    "meeting-9": (
        "meeting", 9, "2021-03-05", "2021-03-07", ["jeong-eun-bo", "donna-welton"], [],
        "https://en.yna.co.kr/view/AEN20210308000300325",
    ),
    "sma11-terms": (
        "event", None, "2021-03-10", "2021-03-10", [], [],
        "https://www.straitstimes.com/asia/east-asia/s-korea-agrees-to-pay-139-more-to-host-us-troops",
    ),
    "sma11-initialled": (
        "milestone", None, "2021-03-18", "2021-03-18", ["jeong-eun-bo"], [],
        "http://www.koreatimesus.com/s-korea-u-s-to-initial-defense-cost-sharing-deal-after-two-plus-two-meeting-sources/",
    ),
    "sma11-signed": (
        "milestone", None, "2021-04-08", "2021-04-08", [], ["choi-jong-kun", "rob-rapson"],
        "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=160710",
    ),
    "sma11-ratified": (
        "milestone", None, "2021-08-31", "2021-08-31", [], [], "https://en.yna.co.kr/view/AEN20210901006300325",
    ),
    "sma11-in-force": (
        "milestone", None, "2021-09-01", "2021-09-01", [], [], "https://en.yna.co.kr/view/AEN20210901006300325",
    ),
}  # fmt: skip


def urls(sources: list[object]) -> set[str]:
    return {s.url for s in sources if isinstance(s, PublicSource)}


@pytest.mark.parametrize("event_id", sorted(FACTS))
def test_each_corrected_event_is_pinned_to_its_source(corpus: Corpus, event_id: str) -> None:
    kind, number, start, end, negotiators, participants, url = FACTS[event_id]
    e = corpus.events[event_id]
    assert (e.kind, e.number, e.start, e.end) == (kind, number, start, end)
    assert (e.negotiators, e.participants) == (negotiators, participants)
    if url is not None:
        assert url in urls(e.sources)


def test_summaries_say_who_claimed_what(corpus: Corpus) -> None:
    r3 = corpus.events["round-3"].summary
    assert "Washington Post" in r3 and "Trump's figure" in r3 and "not from Jeong Eun-bo" in r3
    assert "https://www.politico.com/story/2019/08/07/trump-south-korea-defense-north-korea-1450836" in urls(
        corpus.events["round-3"].sources
    )
    r5 = corpus.events["round-5"].summary
    assert "fail to narrow their differences" in r5 and "broadened their understanding" in r5
    assert "narrowing" not in r5
    terms = corpus.events["sma11-terms"].summary
    assert "13.9 percent" in terms and "1.1833 trillion won" in terms and "2020 is frozen" in terms
    assert "through 2025" in terms
    assert "1.0389 trillion won, up 8.2 percent" in corpus.events["sma10-initialled"].summary
    assert "initialled" not in corpus.events["meeting-9"].summary.replace("to be initialled", "")


def test_actors_say_when_they_led(corpus: Corpus) -> None:
    jeong = corpus.actors["jeong-eun-bo"]
    assert "from round 2" in jeong.role and "26 Sep 2019" in jeong.role
    assert jeong.role.startswith("Ambassador for the SMA negotiations") and (  # "Ambassador Chung" in the press
        "https://aju.news/en/bidens-government-negotiates-the-first-korean-us-defense-costs-consensus-of-agreement-as-"
        "soon-as-possible.html" in urls(jeong.sources)
    )
    assert "http://www.koreaherald.com/view.php?ud=20190926000812" in urls(jeong.sources)
    welton = corpus.actors["donna-welton"]
    assert "mid-2020" in welton.role and "(2021)" not in welton.role
    assert "https://en.yna.co.kr/view/AEN20201201001300325" in urls(welton.sources)
    assert "Jul 2020" in corpus.actors["james-dehart"].role
    for actor_id in ("chang-won-sam", "timothy-betts", "kang-kyung-wha", "harry-harris", "choi-jong-kun", "rob-rapson"):
        assert urls(corpus.actors[actor_id].sources), actor_id


# the people and bodies real coverage quotes most (issue 11's linking): id -> (kind, side, words of
# the role, a URL that states it)
QUOTED = {
    "moon-jae-in": ("person", "ROK", "President of South Korea", "https://m-en.yna.co.kr/view/AEN20190924003500315"),
    "chung-eui-yong": ("person", "ROK", "National Security Office", "http://m.koreatimes.co.kr/pages/article.asp?newsIdx=291580"),
    "suh-wook": ("person", "ROK", "Minister of National Defense", "https://en.yna.co.kr/view/AEN20210317004651325"),
    "lee-tae-woo": ("person", "ROK", "12th SMA", "http://www01.koreaherald.com/view.php?mp=6&np=59&ud=20240305050228"),
    "cheong-wa-dae": ("institution", "ROK", "Office of the President", "http://m.koreaherald.com/view.php?ud=20170524000780&ntn=0"),
    "usfk-korean-employees-union": ("institution", "ROK", "union", "https://en.yna.co.kr/view/AEN20200218007051325"),
    "robert-abrams": ("person", "US", "Commander of U.S. Forces Korea", "https://en.yna.co.kr/view/AEN20200218007051325"),
    "lloyd-austin": ("person", "US", "Secretary of Defense", "https://en.yna.co.kr/view/AEN20210317004651325"),
    "antony-blinken": ("person", "US", "Secretary of State", "http://en.people.cn/n3/2021/0318/c90000-9830256.html"),
    "linda-specht": ("person", "US", "12th SMA", "http://www01.koreaherald.com/view.php?mp=6&np=59&ud=20240305050228"),
    "clarke-cooper": ("person", "US", "Political-Military Affairs", "https://en.yna.co.kr/view/AEN20200515000200325"),
    "morgan-ortagus": ("person", "US", "spokesperson", "https://www.globalsecurity.org/military/library/news/2019/08/mil-190808-stateb01.htm"),
    "ned-price": ("person", "US", "spokesperson", "https://www.state.gov/briefings/department-press-briefing-august-18-2022/"),
    "pentagon": ("institution", "US", "Defense ministry", "https://en.yna.co.kr/view/AEN20200325007652325"),
    "joe-biden": ("person", "US", "President of the United States", "https://wcfcourier.com/news/national/bidens-deal-with-seoul-points-to-a-swift-shift-on-alliances/article_adcc8fc8-94e4-553a-ade9-7cd22b5352ce.html"),
    "stephen-biegun": ("person", "US", "Deputy Secretary of State", "https://en.yna.co.kr/view/AEN20200708006100325"),
    "yoon-suk-yeol": ("person", "ROK", "President of South Korea", "https://koreapro.org/2024/10/trumps-potential-return-risks-south-koreas-national-security-and-economy/"),
}  # fmt: skip


@pytest.mark.parametrize("actor_id", sorted(QUOTED))
def test_the_people_coverage_quotes_are_in_the_dossier(corpus: Corpus, actor_id: str) -> None:
    kind, side, role, url = QUOTED[actor_id]
    actor = corpus.actors[actor_id]
    assert (actor.kind, actor.side, actor.side_guessed) == (kind, side, False)
    assert role in actor.role and url in urls(actor.sources)
    assert actor.name in actor.aliases  # the id is the slug a new speaker of that name got before


def test_the_bare_surname_no_longer_names_the_negotiator(corpus: Corpus) -> None:
    assert "Jeong" not in corpus.actors["jeong-eun-bo"].aliases
    # Breitbart's "Jeong confirmed" still goes to the negotiator, by the nearer full name
    walked = next(q for q in corpus.quotes.values() if q.text.startswith("it was the U.S. that walked out"))
    assert walked.speaker == "jeong-eun-bo"
    # the Yonhap story of 7 Apr 2020 names only the defense minister Jeong
    assert all(q.speaker != "jeong-eun-bo" for q in corpus.quotes_in_article("yonhap-2020-04-07"))


def test_every_non_article_source_is_a_citation_with_a_url(corpus: Corpus) -> None:
    assert check_corpus(corpus) == []
    for record in (*corpus.events.values(), *corpus.actors.values()):
        for s in record.sources:
            assert isinstance(s, PublicSource) or s in corpus.articles, (record.id, s)
            if isinstance(s, PublicSource):
                assert s.url.startswith(("https://", "http://")) and s.outlet and s.title and s.date


def test_the_timeline_runs_from_february_2019_to_september_2021(corpus: Corpus) -> None:
    events = corpus.timeline()
    assert (events[0].start, events[-1].end) == ("2019-02-10", "2021-09-01")
    assert {e.kind for e in events} == set(EVENT_KINDS)
    assert [e.number for e in corpus.rounds()] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (PublicSource("Yonhap", "A story", "2021-09-01", ""), "has no URL"),
        (PublicSource("Yonhap", "A story", "2021-09-01", "en.yna.co.kr/view/1"), "malformed URL"),
        (PublicSource("Yonhap", "A story", "2021-09-01", "javascript:alert(1)"), "malformed URL"),
        (PublicSource("Yonhap", "A story", "2021-09-01", "https://x.example/a b"), "malformed URL"),
        (PublicSource("Yonhap", "A story", "2021-09-01", "https://[::1/"), "malformed URL"),
        (PublicSource("", "A story", "2021-09-01", "https://x.example/"), "outlet and a title"),
        (PublicSource("Yonhap", "A story", "1 Sep 2021", "https://x.example/"), "invalid date"),
        (PublicSource("Yonhap", "A \x1b[2Jstory", "2021-09", "https://x.example/"), "control characters"),
    ],
)
def test_public_source_problems(source: PublicSource, problem: str) -> None:
    found = public_source_problem(source)
    assert found is not None and problem in found


def test_a_sound_public_source_passes() -> None:
    assert public_source_problem(PublicSource("Yonhap", "A story", "2021-09", "https://x.example/a?b=1")) is None


def _edit_event(store_path: Path, event_id: str, sources: list[object]) -> None:
    data = json.loads(store_path.read_text(encoding="utf-8"))
    for row in data["events"].values():
        if row["id"] == event_id:
            row["sources"] = sources
    store_path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "bad",
    [
        {"outlet": "Yonhap", "title": "A story", "date": "2019-09-23"},
        {"outlet": "Yonhap", "title": "A story", "date": "2019-09-23", "url": "not a url"},
        "public: ROK Ministry of Foreign Affairs press release, Sept 2019",
    ],
)
def test_check_fails_on_a_public_source_without_a_url(
    capsys: pytest.CaptureFixture[str], store_path: Path, bad: object
) -> None:
    _edit_event(store_path, "round-1", ["yonhap-2020-04-07", bad])
    problems = check_store(Store(store_path))
    assert len(problems) == 1 and problems[0].startswith("event round-1: ")
    assert main(["check", "--db", str(store_path)]) != 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 and out.startswith("event round-1: ")  # one line naming the record
    assert "1 problem" in err and "Traceback" not in err


def test_sources_round_trip_through_the_store(store: Store, corpus: Corpus) -> None:
    loaded = store.load()
    assert loaded.events["round-1"].sources == corpus.events["round-1"].sources
    assert isinstance(loaded.events["round-1"].sources[-1], PublicSource)
    assert Event.from_dict(loaded.events["round-1"].to_dict()) == loaded.events["round-1"]


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_timeline_json_has_the_whole_arc(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    rows = _json(capsys, "timeline", "--db", str(store_path), "--json")
    assert isinstance(rows, list)
    by_id = {r["id"]: r for r in rows}
    r1 = by_id["round-1"]
    assert (r1["start"], r1["end"]) == ("2019-09-24", "2019-09-25")
    assert r1["negotiators"] == ["Chang Won-sam", "James DeHart"]
    assert all("Jeong Eun-bo" in by_id[f"round-{n}"]["negotiators"] for n in range(2, 8))
    spans = {(r["start"], r["end"], r["kind"]) for r in rows}
    for want in [
        ("2019-03-08", "2019-03-08", "milestone"),  # 10th SMA signed
        ("2021-02-05", "2021-02-05", "meeting"),
        ("2021-03-05", "2021-03-07", "meeting"),
        ("2021-03-18", "2021-03-18", "milestone"),  # initialled
        ("2021-04-08", "2021-04-08", "milestone"),  # signed
        ("2021-08-31", "2021-08-31", "milestone"),  # ratified
    ]:
        assert want in spans
    for r in rows:
        for s in r["sources"]:
            assert isinstance(s, str) or set(s) == {"outlet", "title", "date", "url"}
    assert by_id["pompeo-esper-op-ed"]["negotiators"] == []
    assert by_id["pompeo-esper-op-ed"]["participants"] == ["Mike Pompeo", "Mark Esper"]


def test_show_event_prints_the_addresses(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    assert main(["show", "event", "sma11-signed", "--db", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=160710" in out
    assert "KBS World" in out and "Choi Jong-kun" in out and "Kind: milestone" in out
    data = _json(capsys, "show", "event", "round-1", "--db", str(store_path), "--json")
    assert isinstance(data, dict)
    title = "S. Korea, U.S. to launch defense cost-sharing talks this week"
    url = "https://en.yna.co.kr/view/AEN20190923008100325"
    assert {"outlet": "Yonhap News Agency", "title": title, "date": "2019-09-23", "url": url} in data["sources"]
    actor = _json(capsys, "show", "actor", "donna-welton", "--db", str(store_path), "--json")
    assert isinstance(actor, dict) and all(isinstance(s, dict) and s["url"] for s in actor["sources"])


def test_timeline_table_and_csv_show_kind_and_address(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    assert main(["timeline", "--db", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert "Kind" in out and "milestone" in out and "meeting" in out
    rows = _json(capsys, "timeline", "--db", str(store_path), "--json")
    assert isinstance(rows, list)
    csv_text = to_csv(rows, ["id", "kind", "sources"])
    assert "round-5,round," in csv_text and "https://en.yna.co.kr/view/AEN20191218001552325" in csv_text


def test_adding_an_article_keeps_an_actors_public_citations() -> None:
    from sma_tui.core.models import Actor
    from sma_tui.ingest.batch import _add_source

    cited = {"outlet": "KBS World", "title": "A story", "date": "2021-04-08", "url": "https://x.example/"}
    rows = [{"id": "rob-rapson", "sources": ["b-article", cited]}]
    _add_source(rows, Actor("rob-rapson", "Rob Rapson", "US", sources=["a-article", "b-article"]))
    assert rows[0]["sources"] == ["a-article", "b-article", cited]
