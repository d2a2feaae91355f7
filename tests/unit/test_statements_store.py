"""Statements in the store: quotes grouped on build and on add (incrementally, through the
key file beside the store), inherited attribution, counts, and the CLI's statements views.

The two articles in ``tests/fixtures/statements/`` are invented for these tests: two
outlets ("Harbor Wire", "Eastern Ledger") transcribing the same remarks differently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from sma_tui import services
from sma_tui.cli.main import main
from sma_tui.cli.statements import statement_view
from sma_tui.core.models import Quote
from sma_tui.services.statements import disagreements
from sma_tui.storage.statement_keys import keys_path
from sma_tui.storage.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "statements"
HARBOR = FIXTURES / "harbor-wire-2020-03-20.txt"
LEDGER = FIXTURES / "eastern-ledger-2020-03-21.txt"


def _add(path: Path, *files: Path) -> None:
    services.add_files(path, [*files], {}, dry_run=False)


def _quotes(path: Path) -> dict[str, Quote]:
    return Store(path).load().quotes


def _by_text(quotes: dict[str, Quote], article: str, start: str) -> Quote:
    return next(q for q in quotes.values() if q.article.startswith(article) and q.text.startswith(start))


def _check_grouping(quotes: dict[str, Quote]) -> None:
    figure_h = _by_text(quotes, "harborwire", "That is not a figure")
    figure_l = _by_text(quotes, "easternledger", "That is not the figure")
    assert figure_h.statement == figure_l.statement == "st:" + figure_h.id  # earliest report names it
    # a partial in one outlet joins the full sentence in the other
    gap_h = _by_text(quotes, "harborwire", "We narrowed")
    gap_l = _by_text(quotes, "easternledger", "narrowed our differences")
    assert gap_l.kind == "partial" and gap_l.statement == gap_h.statement
    # distinct sentences of one speaker stay apart
    keep = _by_text(quotes, "harborwire", "We will keep talking")
    want = _by_text(quotes, "harborwire", "What we want")
    assert len({figure_h.statement, keep.statement, want.statement}) == 3
    # the weakly attributed report takes its statement's explicit speaker, with its evidence
    workers_h = _by_text(quotes, "harborwire", "The workers must")
    workers_l = _by_text(quotes, "easternledger", "The workers should")
    assert workers_h.attribution == "explicit" and workers_h.speaker == "jeong-eun-bo"
    assert workers_l.statement == workers_h.statement
    assert (workers_l.speaker, workers_l.attribution, workers_l.attribution_source) == (
        "jeong-eun-bo",
        "context",
        workers_h.id,
    )


def test_the_bundled_build_joins_the_partial_to_deharts_full_sentence(_built_store: Path) -> None:
    quotes = _quotes(_built_store)
    partial = _by_text(quotes, "breitbart", "some time to reconsider")
    full = _by_text(quotes, "breitbart", "As a result, we cut short")
    assert partial.statement == full.statement
    assert all(q.statement for q in quotes.values())
    assert keys_path(_built_store).is_file()  # the build leaves the add's key file beside the store


def test_two_adds_group_two_outlets_incrementally(store_path: Path) -> None:
    _add(store_path, HARBOR)
    _add(store_path, LEDGER)
    _check_grouping(_quotes(store_path))


def test_one_add_of_both_groups_the_same(store_path: Path) -> None:
    _add(store_path, LEDGER, HARBOR)
    _check_grouping(_quotes(store_path))


def test_a_missing_or_stale_key_file_is_rebuilt(store_path: Path) -> None:
    _add(store_path, HARBOR)
    keys_path(store_path).unlink()
    _add(store_path, LEDGER)
    _check_grouping(_quotes(store_path))
    keys_path(store_path).write_bytes(b"not a database")  # damaged: a cache, never fatal
    more = store_path.parent / "more.txt"
    more.write_text(HARBOR.read_text().replace("Harbor Wire", "Bay Courier").replace("March 20", "March 22"))
    _add(store_path, more)
    quotes = _quotes(store_path)
    courier = _by_text(quotes, "baycourier", "That is not a figure")
    assert courier.statement == _by_text(quotes, "harborwire", "That is not a figure").statement


def test_an_add_regroups_an_older_store_without_statements(store_path: Path) -> None:
    store = Store(store_path)

    def strip(tables: dict[str, list[dict[str, object]]]) -> None:
        for q in tables["quotes"]:
            q.pop("statement", None)

    store.update(strip)
    _add(store_path, HARBOR, LEDGER)
    quotes = _quotes(store_path)
    assert all(q.statement for q in quotes.values())
    _check_grouping(quotes)


ARTICLE = """{title}

{outlet}

{date}

SEOUL, {day} ({outlet}) -- Negotiators met again on Friday.

"We will not accept a deal that fails to protect the workers at the bases," {speaker} told reporters.
"""


def test_different_explicit_speakers_never_merge_and_are_listed_as_disagreements(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(
        ARTICLE.format(title="Talks", outlet="Harbor Wire", date="April 3, 2020", day="April 3", speaker="Jeong Eun-bo")
    )
    two.write_text(
        ARTICLE.format(
            title="Talk", outlet="Eastern Ledger", date="April 4, 2020", day="April 4", speaker="James DeHart"
        )
    )
    _add(store_path, one)
    _add(store_path, two)
    quotes = _quotes(store_path)
    a, b = (_by_text(quotes, p, "We will not accept") for p in ("harborwire", "easternledger"))
    assert (a.speaker, b.speaker) == ("jeong-eun-bo", "james-dehart")
    assert a.statement != b.statement
    found = disagreements(store_path)
    assert [{d.speaker_a, d.speaker_b} for d in found] == [{"jeong-eun-bo", "james-dehart"}]
    capsys.readouterr()
    assert main(["--db", str(store_path), "statements", "protect the workers", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {tuple(r["conflicting_speakers"]) for r in rows} == {("james-dehart",), ("jeong-eun-bo",)}


def test_counts_count_statements(store_path: Path) -> None:
    _add(store_path, HARBOR, LEDGER)
    loaded = services.load(store_path)
    round7 = loaded.overview.event("round-7")
    assert round7 is not None and round7.reports == round7.quotes + 4  # four remarks reported twice
    kept = services.kept_overview(store_path, services.stamp(store_path))
    assert kept is not None and kept.event("round-7") == round7  # the add's overview agrees
    assert loaded.overview.counts["statements"] == loaded.overview.counts["quotes"] - 5  # + Breitbart's


def test_statements_json_has_the_fields(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _add(store_path, HARBOR, LEDGER)
    capsys.readouterr()
    assert main(["--db", str(store_path), "statements", "figure", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    row = next(r for r in rows if r["report_count"] == 2)
    assert {"id", "text", "speaker", "speaker_id", "reports", "variants", "substantive", "conflicting_speakers"} <= set(
        row
    )
    assert row["speaker_id"] == "james-dehart" and row["variants"] is True and row["substantive"] is False
    assert [r["publisher"] for r in row["reports"]] == ["Harbor Wire", "Eastern Ledger"]
    assert set(row["reports"][0]) >= {"quote", "article", "publisher", "date", "text"}
    assert main(["--db", str(store_path), "quotes", "figure", "--json"]) == 0
    assert {q["statement"] for q in json.loads(capsys.readouterr().out)} == {row["id"]}


def test_show_statement_lists_reports_and_word_differences(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(store_path, HARBOR, LEDGER)
    quotes = _quotes(store_path)
    ledger = _by_text(quotes, "easternledger", "That is not the figure")
    capsys.readouterr()
    assert main(["--db", str(store_path), "show", "statement", ledger.id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == ledger.statement and len(data["reports"]) == 2
    ops = {(o["op"], o["text"]) for o in data["differences"][0]["ops"]}
    assert {("delete", "a"), ("insert", "the"), ("delete", "focused"), ("insert", "focusing")} <= ops
    assert main(["--db", str(store_path), "show", "statement", ledger.statement or ""]) == 0
    out = capsys.readouterr().out
    assert "reported ×2" in out and "Eastern Ledger" in out and "focusing" in out
    assert main(["--db", str(store_path), "show", "statement", "st:nope"]) == 1
    assert "no statement" in capsys.readouterr().err


def test_statement_text_is_never_markup() -> None:
    row = {
        "id": "st:a/q1",
        "text": "[bold red]not markup[/bold red] \x1b[31m",
        "speaker": "[link=x]Someone[/link]",
        "report_count": 1,
        "substantive": False,
        "variants": False,
        "conflicting_speakers": [],
        "reports": [],
        "differences": [{"quote": "b/q1", "ops": [{"op": "insert", "text": "[/]"}]}],
    }
    console = Console(width=200, record=True, color_system=None)
    console.print(statement_view(row))
    out = console.export_text()
    assert "[bold red]not markup[/bold red]" in out and "[link=x]Someone[/link]" in out and "[/]" in out
    assert "\x1b" not in out


def test_add_says_what_it_did_to_statements(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(store_path), "add", str(HARBOR)]) == 0
    assert "statements:" not in capsys.readouterr().out  # nothing reported twice yet
    assert main(["--db", str(store_path), "add", str(LEDGER)]) == 0
    assert "statements: 4 new quotes joined other reports" in capsys.readouterr().out
