"""The extractor on pathological inputs: seconds per ~300 KB text for each construct that
once made a stage super-linear, against a baseline measured in the same run (one regex
scan of the same text). Target: <= 2 s per input on one core.

    python benchmarks/bench_worst.py [--kb 300]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from sma_tui.bundled.build import bundled_corpus
from sma_tui.ingest import extract

_BASELINE = re.compile(r"[\"“”]|\$?\d[\d,.]*|\w+")


def _fill(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def inputs(size: int) -> dict[str, str]:
    words = "the allies said on Monday that talks with officials in Seoul would resume soon "
    return {
        "dots": "Talks resumed" + "." * size + " Then more.",
        "dots and spaces": _fill(". ", size) + "A",
        "spaces before newline": "Talks" + " " * size + "\nresumed.",
        "markdown emphasis": _fill("**a ", size),
        '"a" quotes': _fill('"a" ', size),
        "curly quotes": _fill("“a” ", size),
        "Yes we will": _fill('"Yes we will," Jeong said. ', size),
        "one long paragraph": _fill(words, size),
        "long sentence, many verbs": _fill("X said Y told Z added ", size),
        "many names": _fill("Kim Min-jun said Lee Ji-hoon told Park Seo-yeon, ", size),
        "many figures": _fill("$5 billion, 13 percent, 4,000 workers, ", size),
        "money ranges": _fill("$1-", size),
        "exchange rates": _fill("$1 = ", size),
        "digits": "1" * size,
        "commas": _fill(",", size),
        "unclosed quotes": _fill("“a ", size),
        "paragraph breaks": _fill("a\n\n", size),
        "labels": _fill("MR. X: yes.\n\nQ: no?\n\n", size),
        "soundbites": _fill('[Soundbite] KIM (X) : "a"\n\n', size),
        "according to": _fill("according to Yonhap, ", size),
        "apostrophes": _fill("Seoul's ", size),
        "places that speak": _fill('Seoul said "a," Pyongyang condemned it, saying "b." ', size),
        "people listed": _fill("Aa Bb Cc, Dd Ee, Ff Gg and ", size),
        "joint statements": _fill('A joint statement released after the meeting stated "a" ', size),
        "quoted by an outlet": _fill('Kim was quoted by the Korea Times as saying "a" ', size),
        "ministries in full": _fill("Ministry of Foreign Affairs of the Department of State ", size),
        "chants": _fill('Protesters shouted, "a," and chanted "b" ', size),
        "random mix": _fill('He said "It\'s $5 bn," on Monday... SEOUL (Yonhap) -- Q: “a”\n\n', size),
    }


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--kb", type=int, default=300)
    args = p.parse_args()
    corpus = bundled_corpus(extractor=False)
    worst = 0.0
    print(f"{'input':<28} {'extract':>9} {'baseline':>9} {'ratio':>7}")
    for name, text in inputs(args.kb * 1024).items():
        ours = timed(lambda text=text: extract(text, corpus=corpus))  # type: ignore[misc]
        base = timed(lambda text=text: _BASELINE.findall(text))  # type: ignore[misc]
        worst = max(worst, ours)
        print(f"{name:<28} {ours:>8.2f}s {base:>8.3f}s {ours / max(base, 1e-6):>6.0f}x")
    print(f"worst: {worst:.2f}s per {args.kb} KB input (target <= 2 s)")


if __name__ == "__main__":
    main()
