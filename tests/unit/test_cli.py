"""The scriptable CLI: listings in every format, show, check, and bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sma_tui.cli.main import main
from sma_tui.storage.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def test_timeline_lists_the_seven_rounds_in_order(capsys, store_path: Path) -> None:
    rows = run_json(capsys, "timeline", "--db", str(store_path), "--json")
    rounds = [r for r in rows if r["kind"] == "round"]
    assert [r["number"] for r in rounds] == [1, 2, 3, 4, 5, 6, 7]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    third = rounds[2]
    assert (third["place"], third["start"], third["end"]) == ("Seoul", "2019-11-18", "2019-11-19")
    for row in rows:
        assert {"id", "kind", "number", "title", "start", "end", "place", "summary", "sources"} <= set(row)
        assert row["sources"], row["id"]


def test_quotes_of_round_three_have_speakers(capsys, store_path: Path) -> None:
    rows = run_json(capsys, "--db", str(store_path), "quotes", "--event", "3", "--json")
    assert rows, "round 3 has quotes"
    assert all(r["event"] == "round-3" for r in rows)
    speakers = {r["speaker"] for r in rows}
    assert {"Jeong Eun-bo", "James DeHart"} <= speakers
    for r in rows:
        assert {"id", "text", "speaker", "speaker_id", "side", "article", "start", "end", "date", "event"} <= set(r)


def test_conflicting_figures_for_seouls_2019_payment(capsys, store_path: Path) -> None:
    rows = run_json(capsys, "figures", "--db", str(store_path), "--measure", "seoul-payment-2019", "--json")
    values = {r["value"] for r in rows}
    assert {870_000_000, 990_000_000} <= values
    assert all(r["conflict"] for r in rows)
    publishers = {r["value"]: set() for r in rows}
    for r in rows:
        publishers[r["value"]].add(r["publisher"])
    assert "Yonhap News Agency" in publishers[870_000_000]
    assert "Breitbart News" in publishers[990_000_000]
    for r in rows:
        assert {
            "id",
            "text",
            "value",
            "unit",
            "qualifier",
            "measure",
            "claimant",
            "article",
            "start",
            "end",
            "date",
        } <= set(r)


def test_conflicts_flag_lists_only_disagreeing_measures(capsys, store_path: Path) -> None:
    rows = run_json(capsys, "figures", "--db", str(store_path), "--conflicts", "--json")
    assert rows and all(r["conflict"] for r in rows)
    assert "seoul-payment-2019" in {r["measure"] for r in rows}
    assert "usfk-troops" not in {r["measure"] for r in rows}


def test_actors_and_articles_json_fields(capsys, store_path: Path) -> None:
    actors = run_json(capsys, "actors", "--db", str(store_path), "--json")
    by_id = {a["id"]: a for a in actors}
    assert by_id["jeong-eun-bo"]["side"] == "ROK" and by_id["mark-esper"]["side"] == "US"
    assert by_id["mark-esper"]["quote_count"] >= 1
    for a in actors:
        assert {"id", "name", "side", "role", "aliases", "quote_count"} <= set(a)
    articles = run_json(capsys, "articles", "--db", str(store_path), "--json")
    assert len(articles) == 5
    breitbart = next(a for a in articles if a["publisher"] == "Breitbart News")
    assert breitbart["date"] == "2019-11-19" and breitbart["date_inferred"] is True
    for a in articles:
        assert {"id", "title", "publisher", "date", "quote_count"} <= set(a)


def test_show_article_json_spans_match_body(capsys, store_path: Path, corpus) -> None:
    for article_id in corpus.articles:
        data = run_json(capsys, "show", "article", article_id, "--db", str(store_path), "--json")
        body = data["body"]
        assert data["quotes"] or data["figures"]
        for claim in data["quotes"] + data["figures"]:
            assert body[claim["start"] : claim["end"]] == claim["text"]


def test_show_event_and_actor(capsys, store_path: Path) -> None:
    event = run_json(capsys, "show", "event", "round-3", "--db", str(store_path), "--json")
    assert event["number"] == 3 and event["quotes"] and event["articles"]
    actor = run_json(capsys, "show", "actor", "Esper", "--db", str(store_path), "--json")
    assert actor["id"] == "mark-esper" and actor["quotes"]
    code, out, _ = run(capsys, "show", "event", "3", "--db", str(store_path))
    assert code == 0 and "walks out" in out


@pytest.mark.parametrize("view", ["timeline", "actors", "articles", "figures", "quotes"])
def test_every_view_in_every_format(capsys, store_path: Path, view: str) -> None:
    code, table, _ = run(capsys, view, "--db", str(store_path))
    assert code == 0 and table.strip()
    code, out, _ = run(capsys, view, "--db", str(store_path), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and "id" in rows[0]
    code, md, _ = run(capsys, view, "--db", str(store_path), "--format", "md")
    assert code == 0 and md.splitlines()[1].startswith("|") and len(md.splitlines()) == len(rows) + 2
    as_json = run_json(capsys, view, "--db", str(store_path), "--format", "json")
    assert len(as_json) == len(rows)


def test_quote_query_and_speaker_filter(capsys, store_path: Path) -> None:
    rows = run_json(capsys, "quotes", "walked out", "--db", str(store_path), "--json")
    assert rows and all("walked out" in r["text"].lower() for r in rows)
    rows = run_json(capsys, "quotes", "--speaker", "esper", "--db", str(store_path), "--json")
    assert rows and {r["speaker_id"] for r in rows} == {"mark-esper"}


def test_check_passes_on_the_built_store(capsys, store_path: Path) -> None:
    code, out, err = run(capsys, "check", "--db", str(store_path))
    assert code == 0, out + err
    assert out.startswith("check: ok")


def test_check_catches_a_broken_span(capsys, store_path: Path) -> None:
    data = json.loads(store_path.read_text(encoding="utf-8"))
    first = next(iter(data["quotes"].values()))
    first["start"] += 3
    store_path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "check", "--db", str(store_path))
    assert code == 1
    assert f"quote {first['id']}: span" in out
    assert "1 problem" in err


def test_check_catches_a_dangling_reference(capsys, store_path: Path) -> None:
    data = json.loads(store_path.read_text(encoding="utf-8"))
    next(iter(data["figures"].values()))["claimant"] = "nobody"
    store_path.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--db", str(store_path), "--json")
    problems = json.loads(out)
    assert code == 1 and any("unknown claimant 'nobody'" in p for p in problems)


def test_first_use_builds_the_store(capsys, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "fresh" / "store.json"
    monkeypatch.setenv("SMA_TUI_DB", str(path))
    rows = run_json(capsys, "timeline", "--json")
    assert len(rows) >= 7 and path.is_file()


def test_build_refuses_to_overwrite_without_force(capsys, store_path: Path) -> None:
    code, _, err = run(capsys, "build", "--db", str(store_path))
    assert code == 1 and "--force" in err
    code, out, _ = run(capsys, "build", "--force", "--db", str(store_path))
    assert code == 0 and "7 rounds" in out
    assert store_path.with_name(store_path.name + ".bak").exists()


@pytest.mark.parametrize(
    "argv, status, needle",
    [
        (["show", "article", "no-such-article"], 1, "no article with id 'no-such-article'"),
        (["show", "actor", "Nobody Atall"], 1, "no actor 'Nobody Atall'"),
        (["show", "event", "99"], 1, "no event with id '99'"),
        (["quotes", "--event", "42"], 1, "no event"),
        (["quotes", "--speaker", "zzzz"], 1, "no actor matches 'zzzz'"),
        (["quotes", "after:2020-13-01"], 2, "not a valid date"),
        (["figures", "--measure", "nope"], 1, "no measure 'nope'"),  # unknown ids: 1, as for show
        (["timeline", "--format", "xml"], 2, "invalid choice"),
        (["frobnicate"], 2, "invalid choice"),
        (["timeline", "--bogus"], 2, "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_and_nonzero(capsys, store_path: Path, argv, status, needle) -> None:
    code, out, err = (
        run(capsys, *argv, "--db", str(store_path))
        if argv[0] != "frobnicate"
        else run(capsys, "--db", str(store_path), *argv)
    )
    assert code == status
    assert needle in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_corrupt_store_is_one_line_and_untouched(capsys, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"meta": {"1": {"schema": 1}}, "quotes": {', encoding="utf-8")
    before = path.read_bytes()
    for argv in (["timeline"], ["check"], ["show", "article", "x"]):
        code, _, err = run(capsys, *argv, "--db", str(path))
        assert code == 1 and "corrupt" in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_entry_point_runs_as_a_program(store_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "sma_tui", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("sma-tui ")
    res = subprocess.run(
        [sys.executable, "-m", "sma_tui", "show", "article", "nope", "--db", str(store_path)],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


def test_the_program_exits_without_freeing_but_flushes_everything(store_path: Path, tmp_path: Path) -> None:
    """``python -m sma_tui`` ends with ``os._exit`` (nothing freed one by one): every byte of
    a long listing still reaches the pipe, the exit status is kept, and an add it made is
    stored."""
    listing = [sys.executable, "-m", "sma_tui", "quotes", "--json", "--db", str(store_path)]
    res = subprocess.run(listing, capture_output=True, text=True)
    assert res.returncode == 0 and len(json.loads(res.stdout)) == len(Store(store_path).load().quotes) > 10
    story = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "reuters-2019-11-15-esper-seoul.txt"
    add = [sys.executable, "-m", "sma_tui", "add", "--json", "--db", str(store_path), str(story)]
    res = subprocess.run(add, capture_output=True, text=True)
    assert res.returncode == 0 and json.loads(res.stdout)[0]["status"] == "added", res.stderr
    assert json.loads(res.stdout)[0]["article"]["id"] in Store(store_path).load().articles
    code = "import atexit, sys; from sma_tui.cli.main import run; atexit.register(print, 'bye'); "
    code += "sys.argv[1:] = ['x']; run()"  # a usage error: status 2, the atexit handlers still run
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 2 and res.stdout == "bye\n" and "invalid choice" in res.stderr
