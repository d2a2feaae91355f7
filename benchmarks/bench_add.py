"""Throughput of the extractor behind ``sma-tui add``: articles per second on one core
for ~4 KB wire articles, against a baseline measured in the same run (one plain regex
scan of the same texts for quote marks and numbers).

    python benchmarks/bench_add.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from sma_tui.bundled.build import bundled_corpus, bundled_sources
from sma_tui.ingest import extract

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"
_BASELINE = re.compile(r"[\"“”]|\$?\d[\d,.]*")


def texts() -> list[str]:
    """The test articles and the bundled ones, each padded to ~4 KB with its own paragraphs."""
    out = []
    for body in [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))] + [
        b for _, b in bundled_sources()
    ]:
        text = body
        while len(text.encode()) < 4000:
            text += "\n\n" + body
        out.append(text[: max(4000, len(body))])
    return out


def rate(fn, items: list[str], seconds: float) -> float:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for t in items:
            fn(t)
        n += len(items)
    return n / (time.perf_counter() - start)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=3.0)
    args = p.parse_args()
    corpus = bundled_corpus()
    items = texts()
    size = sum(len(t.encode()) for t in items) / len(items)
    ours = rate(lambda t: extract(t, corpus=corpus), items, args.seconds)
    base = rate(lambda t: len(_BASELINE.findall(t)), items, args.seconds)
    print(f"{len(items)} articles, {size / 1024:.1f} KB on average")
    print(f"extract: {ours:,.0f} articles/s (target >= 100)")
    print(f"baseline regex scan: {base:,.0f} articles/s; extract is {base / ours:.1f}x slower than the scan")


if __name__ == "__main__":
    main()
