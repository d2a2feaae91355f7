"""The benchmark corpus generator makes valid, deterministic stores."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synth import generate  # noqa: E402

from sma_tui.core.check import check_corpus  # noqa: E402


def test_synthetic_corpus_is_valid_and_deterministic() -> None:
    corpus, texts = generate(30, quotes_per=4, figures_per=2, n_speakers=10)
    assert check_corpus(corpus) == []
    assert len(texts) == 30
    assert sum(a.source == "synthetic" for a in corpus.articles.values()) == 30
    again, _ = generate(30, quotes_per=4, figures_per=2, n_speakers=10)
    assert again.quotes == corpus.quotes
    assert all(len(body) > 3000 for body, _ in texts)
