"""Corrections end to end (issue 14): the store's table applied on load, ``check``, the
``review``/``correct``/``corrections`` commands with their bad inputs, the ✎ and ? marks,
and export from one store into another that added the same articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sma_tui import services
from sma_tui.cli.main import main
from sma_tui.storage.store import CORRECTIONS, Store

from ..conftest import copy_store

ARTICLE = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "yonhap-2019-12-18-round5.txt"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # table cells on one line


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> str:
    code, out, err = run(capsys, *argv, "--db", str(db))
    assert code == 0, err
    return out


def js(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> Any:
    return json.loads(ok(capsys, db, *argv, "--json"))


def quote(capsys: pytest.CaptureFixture[str], db: Path, quote_id: str) -> dict[str, Any] | None:
    rows = js(capsys, db, "quotes", "--article", quote_id.split("/")[0])
    return next((r for r in rows if r["id"] == quote_id), None)


def stored_rows(db: Path) -> list[dict[str, Any]]:
    return Store(db).read_tables()[CORRECTIONS]


# ------------------------------------------------------------------ store
def test_store_round_trip_and_apply_on_load(store_path: Path, capsys) -> None:
    assert stored_rows(store_path) == []  # a built store has none (the bundled fixes are built in)
    ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q1", "--speaker", "james-dehart", "--note", "video")
    [row] = stored_rows(store_path)
    assert row["op"] == "speaker" and row["after"]["speaker"] == "james-dehart" and row["note"] == "video"
    # the quotes table on disk is untouched: the fix is applied on every load
    raw = {q["id"]: q for q in Store(store_path).read_tables()["quotes"]}
    assert raw["yonhap-2020-04-07/q1"]["speaker"] == "mark-esper"
    corpus = services.load(store_path).corpus
    assert corpus.quotes["yonhap-2020-04-07/q1"].speaker == "james-dehart"
    assert corpus.corrected == {"yonhap-2020-04-07/q1": "video"}
    assert services.load_corpus(store_path).quotes["yonhap-2020-04-07/q1"].attribution == "corrected"


def test_corrections_survive_add_and_rebuild(store_path: Path, capsys) -> None:
    ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q1", "--reject")
    ok(capsys, store_path, "add", str(ARTICLE))  # a write by another command keeps the table
    assert quote(capsys, store_path, "yonhap-2020-04-07/q1") is None
    ok(capsys, store_path, "build", "--force")  # re-extraction: the correction applies again
    assert quote(capsys, store_path, "yonhap-2020-04-07/q1") is None
    assert len(stored_rows(store_path)) == 1


def test_check_fails_on_an_unresolved_correction(store_path: Path, capsys) -> None:
    ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q1", "--reject")
    tables = json.loads(store_path.read_text(encoding="utf-8"))
    [row] = tables[CORRECTIONS].values()
    row["target"]["fingerprint"] = "0" * 32  # its article is gone from this store
    store_path.write_text(json.dumps(tables), encoding="utf-8")
    code, out, err = run(capsys, "check", "--db", str(store_path))
    assert code == 1 and "check: 1 problem(s)" in err
    [line] = out.splitlines()
    assert line.startswith(f"correction {row['id']}: ") and "not in this store" in line
    assert quote(capsys, store_path, "yonhap-2020-04-07/q1") is not None  # not applied, not lost
    ok(capsys, store_path, "corrections", "undo")
    assert run(capsys, "check", "--db", str(store_path))[0] == 0


def test_a_malformed_stored_correction_is_one_line_not_a_crash(store_path: Path, capsys) -> None:
    """A hand-edited correction row is a record of the wrong shape like any other (issue 10):
    commands refuse the store in one line naming it, and check lists it."""
    tables = json.loads(store_path.read_text(encoding="utf-8"))
    tables[CORRECTIONS] = {"1": {"id": "cbad", "kind": "quote", "op": "explode", "target": {}, "created": "x"}}
    store_path.write_text(json.dumps(tables), encoding="utf-8")
    code, _, err = run(capsys, "quotes", "--db", str(store_path))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "corrections/cbad: field 'op'" in err
    code, out, _ = run(capsys, "check", "--db", str(store_path))
    assert code == 1 and "corrections/cbad" in out


# ------------------------------------------------------------------ commands
def test_review_lists_doubtful_claims_with_reasons(store_path: Path, capsys) -> None:
    ok(capsys, store_path, "add", str(ARTICLE))
    rows = js(capsys, store_path, "review")
    assert rows == sorted(rows, key=lambda r: -r["score"])
    added = [r for r in rows if r["id"].startswith("yonhap-2019-12-18")]
    assert {r["kind"] for r in added} >= {"quote", "figure"} and all(r["reason"] for r in rows)
    assert any(r["kind"] == "actor" and "new actor" in r["reason"] for r in rows)
    first = rows[0]
    ok(capsys, store_path, "correct", "quote", first["id"], "--speaker", "kim-jong-dae")
    assert first["id"] not in {r["id"] for r in js(capsys, store_path, "review")}  # corrected: not asked again
    assert "Review (" in ok(capsys, store_path, "review")
    csv = ok(capsys, store_path, "review", "--format", "csv")
    assert csv.splitlines()[0] == "kind,id,reason,score,what"


def test_correct_quote_speaker_marks_it_everywhere(store_path: Path, capsys) -> None:
    q = quote(capsys, store_path, "yonhap-2020-04-07/q3")
    assert q is not None and q["attribution"] == "pronoun" and not q["corrected"]
    table = ok(capsys, store_path, "quotes", "--article", "yonhap-2020-04-07")
    assert "Mark Esper ?" in table  # a non-explicit attribution is shown
    out = ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q3", "--speaker", "James DeHart",
             "--note", "on the video")  # fmt: skip
    assert out.startswith("corrected quote 'It is critical") and "mark-esper -> james-dehart" in out
    q = quote(capsys, store_path, "yonhap-2020-04-07/q3")
    assert q is not None and (q["speaker_id"], q["attribution"], q["corrected"]) == ("james-dehart", "corrected", True)
    assert q["correction_note"] == "on the video"
    table = ok(capsys, store_path, "quotes", "--article", "yonhap-2020-04-07")
    assert "James DeHart ✎" in table and "✎ on the video" in table
    shown = js(capsys, store_path, "show", "actor", "james-dehart")["quotes"]
    assert "yonhap-2020-04-07/q3" in {r["id"] for r in shown}


def test_reject_removes_from_every_view_and_count_but_lists_it(store_path: Path, capsys) -> None:
    before = len(js(capsys, store_path, "quotes"))
    ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q3", "--reject", "--note", "a headline")
    assert len(js(capsys, store_path, "quotes")) == before - 1
    assert "26 quotes" in ok(capsys, store_path, "check") and before == 27
    article = js(capsys, store_path, "show", "article", "yonhap-2020-04-07")
    assert "yonhap-2020-04-07/q3" not in {r["id"] for r in article["quotes"]}
    [row] = js(capsys, store_path, "corrections")
    assert (row["state"], row["op"], row["note"], row["record"]) == ("applied", "reject", "a headline",
                                                                     "yonhap-2020-04-07/q3")  # fmt: skip


def test_correct_actor_side_name_role_and_merge(store_path: Path, capsys) -> None:
    ok(capsys, store_path, "correct", "actor", "south-korean-media", "--side", "ROK", "--role", "press")
    [actor] = [a for a in js(capsys, store_path, "actors") if a["id"] == "south-korean-media"]
    assert (actor["side"], actor["role"], actor["corrected"]) == ("ROK", "press", True)
    assert "South Korean media reports ✎" in ok(capsys, store_path, "actors")
    ok(capsys, store_path, "correct", "actor", "state-department-spokesperson", "--merge-into", "state-department")
    ids = {a["id"] for a in js(capsys, store_path, "actors")}
    assert "state-department-spokesperson" not in ids and "state-department" in ids
    assert run(capsys, "check", "--db", str(store_path))[0] == 0


def test_correct_figure_fields_and_reject(store_path: Path, capsys) -> None:
    ok(capsys, store_path, "add", str(ARTICLE))
    figures = js(capsys, store_path, "figures")
    target = next(f for f in figures if f["measure"] is None)
    other = next(f for f in figures if f["measure"] and f["id"] != target["id"])
    ok(capsys, store_path, "correct", "figure", target["id"], "--measure", other["measure"])
    [got] = [f for f in js(capsys, store_path, "figures") if f["id"] == target["id"]]
    assert got["measure"] == other["measure"] and got["corrected"]
    ok(capsys, store_path, "correct", "figure", other["id"], "--reject")
    assert other["id"] not in {f["id"] for f in js(capsys, store_path, "figures")}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("correct", "quote", "nope", "--speaker", "esper"), "no quote with id 'nope'"),
        (("correct", "quote", "yonhap-2020-04-07/q1", "--speaker", "Jeong"), "matches several actors: Jeong"),
        (("correct", "quote", "yonhap-2020-04-07/q1", "--speaker", "Nobody Here"), "no actor 'Nobody Here'"),
        (("correct", "quote", "yonhap-2020-04-07/q1", "--speaker", "Mark Esper", "--new-actor"), "already an actor"),
        (("correct", "actor", "nobody", "--side", "us"), "no actor 'nobody'"),
        (("correct", "figure", "nope", "--measure", "x"), "no figure with id 'nope'"),
        (("corrections", "undo"), "there is no correction to undo"),
        (("corrections", "undo", "cffff"), "no correction with id 'cffff'"),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(store_path: Path, capsys, argv: tuple[str, ...],
                                                  message: str) -> None:  # fmt: skip
    before = store_path.read_bytes()
    code, out, err = run(capsys, *argv, "--db", str(store_path))
    assert code == 1 and out == "" and message in err
    assert err.startswith("sma-tui: error: ") and err.count("\n") == 1
    assert store_path.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ("correct", "quote", "x"),
        ("correct", "quote", "x", "--speaker", "a", "--reject"),
        ("correct", "quote", "x", "--reject", "--new-actor"),
        ("correct", "figure", "x"),
        ("correct", "actor", "x", "--side", "martian"),
        ("correct", "actor", "x", "--side", "us", "--merge-into", "y"),
    ],
)
def test_contradictory_command_lines_are_usage_errors(store_path: Path, capsys, argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *argv, "--db", str(store_path))
    assert code == 2 and err.count("\n") == 1 and stored_rows(store_path) == []


def test_new_actor_and_undo(store_path: Path, capsys) -> None:
    ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q4", "--speaker", "Jane Roe", "--new-actor")
    [actor] = [a for a in js(capsys, store_path, "actors") if a["id"] == "jane-roe"]
    assert actor["side"] == "unknown"
    ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q1", "--reject")
    out = ok(capsys, store_path, "corrections", "undo")  # the latest
    assert out.startswith("undone: quote 'equitable'")
    assert quote(capsys, store_path, "yonhap-2020-04-07/q1") is not None
    first = js(capsys, store_path, "corrections")[0]
    ok(capsys, store_path, "corrections", "undo", first["id"][:6])
    assert "jane-roe" not in {a["id"] for a in js(capsys, store_path, "actors")}
    assert [r["state"] for r in js(capsys, store_path, "corrections")] == ["undone", "undone"]
    code, _, err = run(capsys, "corrections", "undo", first["id"], "--db", str(store_path))
    assert code == 1 and "already undone" in err


# ------------------------------------------------------------------ files
def test_export_then_import_into_another_store_reproduces_the_fixes(store_path: Path, tmp_path: Path, capsys) -> None:
    """The issue's Done-when: both stores added the same article; a speaker fix, a rejected
    quote and an actor's side made in one arrive in the other."""
    theirs = tmp_path / "theirs.json"
    copy_store(store_path, theirs)
    for db in (store_path, theirs):
        ok(capsys, db, "add", str(ARTICLE))
    quotes = js(capsys, store_path, "quotes", "--article", "yonhap-2019-12-18")
    speaker_fix, rejected = quotes[0]["id"], quotes[1]["id"]
    ok(capsys, store_path, "correct", "quote", speaker_fix, "--speaker", "james-dehart", "--note", "n")
    ok(capsys, store_path, "correct", "quote", rejected, "--reject")
    ok(capsys, store_path, "correct", "actor", "kim-jong-dae", "--side", "other")
    exported = tmp_path / "fixes.json"
    assert "exported 3 corrections" in ok(capsys, store_path, "corrections", "export", str(exported))
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "sma-tui-corrections"

    out = ok(capsys, theirs, "corrections", "import", str(exported))
    assert "imported 3 correction(s)" in out
    for db in (store_path, theirs):
        q = quote(capsys, db, speaker_fix)
        assert q is not None and (q["speaker_id"], q["attribution"]) == ("james-dehart", "corrected")
        assert quote(capsys, db, rejected) is None
        assert {a["id"]: a["side"] for a in js(capsys, db, "actors")}["kim-jong-dae"] == "other"
        assert run(capsys, "check", "--db", str(db))[0] == 0
    assert "0 correction(s)" in ok(capsys, theirs, "corrections", "import", str(exported))  # duplicates skipped


def test_import_reports_targets_it_cannot_find(store_path: Path, tmp_path: Path, capsys) -> None:
    mine = tmp_path / "mine.json"
    copy_store(store_path, mine)
    ok(capsys, mine, "add", str(ARTICLE))
    quotes = js(capsys, mine, "quotes", "--article", "yonhap-2019-12-18")
    ok(capsys, mine, "correct", "quote", quotes[0]["id"], "--reject")
    ok(capsys, mine, "correct", "quote", "yonhap-2020-04-07/q1", "--reject")
    ok(capsys, mine, "corrections", "export", str(tmp_path / "f.json"))
    code, out, err = run(capsys, "corrections", "import", str(tmp_path / "f.json"), "--db", str(store_path))
    assert code == 0 and "imported 1 correction(s)" in out
    assert "not imported" in err and "not in this store" in err
    assert len(stored_rows(store_path)) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "something-else"}', "not a sma-tui corrections file"),
        ("not json", "is not JSON"),
        ('{"format": "sma-tui-corrections", "version": 1, "corrections": [{"id": "x"}]}', "correction 1:"),
        (None, "no file"),
    ],
)
def test_import_of_a_file_that_is_not_one(store_path: Path, tmp_path: Path, capsys, content: str | None,
                                          message: str) -> None:  # fmt: skip
    source = tmp_path / "in.json"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    before = store_path.read_bytes()
    code, out, err = run(capsys, "corrections", "import", str(source), "--db", str(store_path))
    assert code == 1 and message in err and err.count("\n") == 1 and out == ""
    assert store_path.read_bytes() == before


def test_listing_formats(store_path: Path, capsys) -> None:
    assert "no corrections yet" in ok(capsys, store_path, "corrections")
    ok(capsys, store_path, "correct", "quote", "yonhap-2020-04-07/q1", "--reject", "--note", "[bold]x[/]")
    table = ok(capsys, store_path, "corrections")
    assert "[bold]x[/]" in table and "applied" in table  # notes are shown as typed, never as markup
    md = ok(capsys, store_path, "corrections", "--format", "md")
    assert md.startswith("| id | kind | op |")


def test_a_figure_side_is_a_position_not_an_actor_side(store_path: Path, capsys) -> None:
    """A figure's side says whose position it states (us, rok, agreed) or none: the
    vocabulary of the positions, not of actors."""
    out = ok(capsys, store_path, "correct", "figure", "breitbart-2019-11-19/f1", "--side", "agreed", "--period", "2021")
    assert "side: none -> agreed" in out
    [row] = [f for f in js(capsys, store_path, "figures") if f["id"] == "breitbart-2019-11-19/f1"]
    assert (row["side"], row["period"], row["corrected"]) == ("agreed", "2021", True)
    argv = ("correct", "figure", "breitbart-2019-11-19/f1", "--side", "other", "--db", str(store_path))
    code, _, err = run(capsys, *argv)
    assert code == 1 and "is not one of us, rok, agreed, none" in err
    ok(capsys, store_path, "correct", "figure", "breitbart-2019-11-19/f1", "--side", "none")
    [row] = [f for f in js(capsys, store_path, "figures") if f["id"] == "breitbart-2019-11-19/f1"]
    assert row["side"] is None
