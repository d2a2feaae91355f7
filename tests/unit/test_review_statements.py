"""``sma-tui review`` lists statements whose reports credit the same words to different
explicit speakers (issue 16), each with who is credited by which outlets and articles, and a
correction of one report's speaker settles it.

The articles in ``tests/fixtures/disagreement/`` are invented: two outlets credit the
sentence to Jeong Eun-bo, one to James DeHart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sma_tui import services
from sma_tui.cli.main import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "disagreement"
FILES = sorted(FIXTURES.glob("*.txt"))


def _review(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert main(["--db", str(path), "review", "--json"]) == 0
    return [r for r in json.loads(capsys.readouterr().out) if r["kind"] == "statement"]


def test_review_lists_a_disagreement_with_its_outlets_and_articles(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services.add_files(store_path, FILES, {}, dry_run=False)
    rows = _review(store_path, capsys)
    assert len(rows) == 2  # one per statement: each side is a report a person may correct
    by_speaker = {r["credits"][0]["speaker"]: r for r in rows}
    assert set(by_speaker) == {"jeong-eun-bo", "james-dehart"}
    jeong = by_speaker["jeong-eun-bo"]
    own, other = jeong["credits"]
    assert (own["name"], other["name"]) == ("Jeong Eun-bo", "James DeHart")
    assert [(r["publisher"], r["article"]) for r in own["reports"]] == [
        ("Harbor Wire", "harborwire-2020-04-03"),
        ("Bay Courier", "baycourier-2020-04-05"),
    ]
    assert [(r["publisher"], r["article"], r["date"]) for r in other["reports"]] == [
        ("Eastern Ledger", "easternledger-2020-04-04", "2020-04-04")
    ]
    assert jeong["id"] == own["reports"][0]["quote"]  # the report a fix corrects
    assert "Jeong Eun-bo (Harbor Wire, Bay Courier)" in jeong["reason"]
    assert "James DeHart (Eastern Ledger)" in jeong["reason"]
    assert jeong["what"].startswith("Jeong Eun-bo: “We will not accept")

    capsys.readouterr()  # the table shows it too
    assert main(["--db", str(store_path), "review"]) == 0
    assert "statement" in capsys.readouterr().out
    assert main(["--db", str(store_path), "review", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "kind,id,reason,score,credits,what"
    assert any(
        "Jeong Eun-bo: harborwire-2020-04-03, baycourier-2020-04-05; James DeHart: easternledger-2020-04-04" in line
        for line in lines
    )


def test_correcting_one_reports_speaker_settles_the_disagreement(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services.add_files(store_path, FILES, {}, dry_run=False)
    dehart = next(r for r in _review(store_path, capsys) if r["credits"][0]["speaker"] == "james-dehart")
    assert main(["--db", str(store_path), "correct", "quote", dehart["id"], "--speaker", "Jeong Eun-bo"]) == 0
    assert _review(store_path, capsys) == []
    assert main(["--db", str(store_path), "corrections", "undo"]) == 0
    assert len(_review(store_path, capsys)) == 2
