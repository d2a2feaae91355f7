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
