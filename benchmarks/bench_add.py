"""Throughput of the extractor behind ``sma-tui add``: articles per second on one core
for ~4 KB wire articles, against a baseline measured in the same run (one plain regex
scan of the same texts for quote marks and numbers); then ``add``'s own path for local
.txt files (read, decode, normalise, dedupe, extract: ``ingest.batch.prepare``), the
per-page cost of the HTML article extractor (trafilatura) against the .txt loader, and
the loader's worst cases (issue 10: 300 KB runs that used to be quadratic).

    python benchmarks/bench_add.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sma_tui.bundled.build import bundled_corpus, bundled_sources
from sma_tui.ingest import extract, load_bytes
from sma_tui.ingest.batch import prepare
from sma_tui.ingest.html import extract_page
from sma_tui.ingest.loader import normalise_text

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"
PAGE = FIXTURES.parent / "web" / "round8.html"
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


def add_files_rate(items: list[str], copies: int = 10, runs: int = 3) -> tuple[int, float]:
    """``add``'s path over a folder of distinct .txt files (each text made unique, so no
    dedupe short-cut): the number of files and the best time of ``runs``."""
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for k in range(copies):
            for i, t in enumerate(items):
                Path(tmp, f"a{k:02d}-{i:02d}.txt").write_text(f"Copy {k} of story {i}.\n\n{t}", encoding="utf-8")
                n += 1
        best = float("inf")
        for _ in range(runs):
            corpus = bundled_corpus()
            start = time.perf_counter()
            batch = prepare([Path(tmp)], corpus, {}, dry_run=True)
            best = min(best, time.perf_counter() - start)
            assert len(batch.to_store) == n, [i.message for i in batch.items if i.message]
    return n, best


def per_call_ms(fn: Callable[[], object], seconds: float) -> float:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or n < 3:
        fn()
        n += 1
    return (time.perf_counter() - start) / n * 1000


def html_costs(seconds: float) -> None:
    page = PAGE.read_bytes()
    text = page.decode("utf-8")
    article = extract_page(text, "page").text.encode("utf-8")
    filler = "".join(f"<p>Paragraph {i}: {'more background on the talks ' * 12}</p>" for i in range(400))
    large = text.replace("</article>", filler + "</article>")
    html_ms = per_call_ms(lambda: load_bytes(page, "page.html", html_input=True), seconds / 2)
    txt_ms = per_call_ms(lambda: load_bytes(article, "page.txt"), seconds / 4)
    large_ms = per_call_ms(lambda: extract_page(large, "large"), seconds / 4)
    print(
        f"HTML extractor: {html_ms:.1f} ms/page ({len(page) / 1024:.1f} KB page, decoding included); "
        f"the same article as .txt loads in {txt_ms:.3f} ms"
    )
    print(f"HTML extractor on a {len(large.encode()) / 1024:.0f} KB page: {large_ms:.0f} ms")


def worst_cases() -> None:
    size = 300_000
    cases = {
        "spaces, no newline": "a" + " " * size + "b",
        "spaces before newline": ("word" + " " * 999 + "\n") * (size // 1004),
        "'**a ' repeated": "**a " * (size // 4),
        "'__a ' repeated": "__a " * (size // 4),
    }
    old_emphasis = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
    old_trailing = re.compile(r"[ \t]+\n")
    for name, text in cases.items():
        start = time.perf_counter()
        normalise_text(text)
        print(f"normalise_text, 300 KB of {name}: {time.perf_counter() - start:.3f} s (target <= 2 s)")
    small = 20_000
    for name, pattern, text in (
        ("old [ \\t]+\\n", old_trailing, "a" + " " * small + "b"),
        ("old emphasis", old_emphasis, "**a " * (small // 4)),
    ):
        start = time.perf_counter()
        pattern.sub("", text)
        spent = time.perf_counter() - start
        print(f"  (baseline: the {name} regex on 20 KB: {spent:.2f} s; quadratic, ~{spent * 225:.0f} s at 300 KB)")


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
    n, spent = add_files_rate(items)
    print(f"add (ingest.batch.prepare) of {n} local .txt files: {n / spent:,.0f} articles/s, best of 3 (target >= 100)")
    html_costs(args.seconds)
    worst_cases()


if __name__ == "__main__":
    main()
