"""The extractor meets the accuracy targets, and the built store equals the gold."""

from __future__ import annotations

import json
from pathlib import Path

from sma_tui.bundled.build import bundled_corpus
from sma_tui.evaluate import evaluate_bundled, evaluate_fixtures, main, overlaps

GOLD = Path(__file__).resolve().parent.parent / "fixtures" / "gold" / "bundled.json"


def test_bundled_raw_pipeline_meets_the_targets() -> None:
    s = evaluate_bundled()
    assert s.quote_prf[2] >= 0.95
    assert s.speaker_accuracy >= 0.90
    assert s.figure_prf[2] >= 0.95


def test_labelled_test_articles_are_scored() -> None:
    s = evaluate_fixtures()
    assert s.gold_quotes >= 40 and s.gold_figures >= 30
    assert s.quote_prf[2] >= 0.85 and s.speaker_accuracy >= 0.85 and s.figure_prf[2] >= 0.85


def test_built_store_equals_the_gold_after_corrections() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    c = bundled_corpus()
    fields = {
        "quotes": ("article", "start", "end", "text", "speaker", "kind", "date"),
        "figures": ("article", "start", "end", "text", "value", "unit", "qualifier", "measure", "claimant", "date"),
    }
    for table, names in fields.items():
        built = sorted(tuple(getattr(x, n) for n in names) for x in getattr(c, table).values())
        want = sorted(tuple(g.get(n) for n in names) for g in gold[table])
        assert built == want


def test_overlap_rule() -> None:
    assert overlaps((0, 10), (5, 10)) and not overlaps((0, 10), (6, 10)) and not overlaps((0, 4), (4, 8))


def test_cli_prints_both_sets(capsys) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "bundled (raw pipeline)" in out and "test articles" in out


def test_missing_fixtures_are_one_line(capsys, tmp_path) -> None:
    assert main(["--fixtures", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("evaluate: no labelled articles")


def test_a_dossier_actor_can_match_a_new_speakers_name() -> None:
    from sma_tui.evaluate import _speaker_ok

    actors = bundled_corpus(extractor=False).actors
    assert _speaker_ok({"speaker_new": "James DeHart"}, "james-dehart", actors, set(actors))
    assert _speaker_ok({"speaker_new": "Mr. DeHart"}, "james-dehart", actors, set(actors))
    assert not _speaker_ok({"speaker_new": "Jeong Eun-bo"}, "james-dehart", actors, set(actors))
    assert _speaker_ok({"speaker": None}, None, actors, set(actors))


def test_styles_splits_are_scored_separately(capsys, tmp_path) -> None:
    src = Path(__file__).resolve().parent.parent / "fixtures"
    for part in ("dev", "test"):
        (tmp_path / "styles" / part / "articles").mkdir(parents=True)
        (tmp_path / "styles" / part / "gold").mkdir(parents=True)
        name = "yonhap-2019-12-18-round5"
        (tmp_path / "styles" / part / "articles" / f"{name}.txt").write_bytes(
            (src / "articles" / f"{name}.txt").read_bytes()
        )
        (tmp_path / "styles" / part / "gold" / f"{name}.json").write_bytes((src / "gold" / f"{name}.json").read_bytes())
    assert main(["--fixtures", str(tmp_path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) == {"styles dev", "styles test"}
    assert scores["styles dev"] == scores["styles test"] and scores["styles dev"]["quotes"]["gold"] > 0
