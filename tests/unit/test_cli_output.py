"""CLI output details (issue 15): ids never wrap, counts agree with their nouns, CSV has the
publisher, the corrupt-store hint names the user's --db."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from sma_tui.cli import render
from sma_tui.cli.export import actor_row, event_row, quote_row
from sma_tui.cli.main import main
from sma_tui.core.corpus import Corpus
from sma_tui.core.text import plural


@pytest.mark.parametrize("width", [80, 100, 120])
def test_ids_never_wrap_in_tables(corpus: Corpus, width: int) -> None:
    views = {
        "timeline": [event_row(corpus, e) for e in corpus.timeline()],
        "actors": [actor_row(corpus, a) for a in corpus.actor_list()],
        "quotes": [quote_row(corpus, q) for q in corpus.quote_list()],
    }
    for view, rows in views.items():
        console = Console(width=width, record=True, color_system=None)
        console.print(render.TABLES[view](rows))
        text = console.export_text()
        for row in rows:
            assert re.search(rf"(?<![\w-]){re.escape(row['id'])}(?![\w/-])", text), (view, row["id"], width)


def test_plurals() -> None:
    assert plural(1, "quote") == "1 quote" and plural(2, "quote") == "2 quotes"
    assert plural(1, "new actor") == "1 new actor" and plural(0, "new actor") == "0 new actors"


def test_quotes_csv_has_the_publisher(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    assert main(["quotes", "--event", "3", "--format", "csv", "--db", str(store_path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["publisher"] for r in rows)


def test_corrupt_store_hint_names_the_db(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "odd place" / "mine.json"
    path.parent.mkdir()
    path.write_text('{"quotes": {}}', encoding="utf-8")  # no schema version
    assert main(["timeline", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"--db {path}" in err


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", ["statements", "review"])
def test_ids_never_wrap_in_the_statement_and_review_tables(
    command: str, width: int, store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main([command, "--json", "--db", str(store_path)]) == 0
    ids = [row["id"] for row in json.loads(capsys.readouterr().out)]
    assert ids
    monkeypatch.setenv("COLUMNS", str(width))
    assert main([command, "--db", str(store_path)]) == 0
    text = capsys.readouterr().out
    assert max(map(len, text.splitlines())) <= width
    for i in ids:
        assert re.search(rf"(?<![\w-]){re.escape(i)}(?![\w/-])", text), (command, i, width)
