"""One search keystroke at ~100,000 quotes, against a plain substring scan.

    python benchmarks/bench_search.py [--articles 10000]

Types a few queries one character at a time, the way the TUI's ``/`` search sees them
(parse + match; the TUI then renders at most a page of rows), and prints the median and
p95 time per keystroke, and the ratio against a baseline measured in the same run: a plain
Python ``[t for t in texts if q in t.lower()]`` over the same quote texts.

Target: median ≤ 16 ms (one frame at 60 Hz).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate  # noqa: E402

from sma_tui.core.search import QuoteMatcher, narrows, parse_query  # noqa: E402

QUERIES = [
    "walked out",
    "fair and equitable",
    "speaker:kim mutually",
    "side:rok after:2020-01 ironclad",
    "round:3 proposal",
    "further compromise",
]


def keystrokes(query: str) -> list[str]:
    return [query[:i] for i in range(1, len(query) + 1)]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=10_000)
    args = p.parse_args()
    t0 = time.perf_counter()
    corpus, _ = generate(args.articles)
    t1 = time.perf_counter()
    matcher = QuoteMatcher(corpus)
    t2 = time.perf_counter()
    texts = [q.text for q in matcher.quotes]
    print(
        f"corpus: {len(corpus.articles):,} articles, {len(texts):,} quotes "
        f"(generated in {t1 - t0:.1f} s; matcher index built in {(t2 - t1) * 1000:.0f} ms)"
    )

    ours: list[float] = []
    base: list[float] = []
    for query in QUERIES:
        previous = None
        hits: list = []
        for typed in keystrokes(query):
            start = time.perf_counter()
            try:
                parsed = parse_query(typed)
            except ValueError:
                continue
            pool = hits if previous is not None and narrows(previous, parsed) else None
            hits = matcher.search(parsed, pool)
            ours.append(time.perf_counter() - start)
            previous = parsed

            needle = typed.lower()
            start = time.perf_counter()
            _ = [t for t in texts if needle in t.lower()]
            base.append(time.perf_counter() - start)

    def ms(xs: list[float], q: float) -> float:
        return statistics.quantiles(xs, n=100)[int(q) - 1] * 1000 if q != 50 else statistics.median(xs) * 1000

    m_ours, m_base = ms(ours, 50), ms(base, 50)
    print(f"keystrokes: {len(ours)}")
    print(f"search keystroke: median {m_ours:.2f} ms, p95 {ms(ours, 95):.2f} ms (target: median <= 16 ms)")
    print(f"baseline substring scan: median {m_base:.2f} ms, p95 {ms(base, 95):.2f} ms")
    print(f"ratio (ours / baseline, median): {m_ours / m_base:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
