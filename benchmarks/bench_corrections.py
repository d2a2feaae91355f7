"""Corrections applied on every load: what they cost on a large store.

    python benchmarks/bench_corrections.py [--articles 10000] [--keep DIR | --store PATH] [--corrections 200]

Prints, against ``Store.load()`` of the same file in the same run (the baseline):

- the services' load with no corrections (must be the baseline: no apply pass at all);
- the same store with N corrections (speaker fixes, rejections, actor sides, spread over
  the corpus) applied on load;
- ``sma-tui correct`` end to end in a fresh process (read, build, locked write), against
  ``sma-tui quotes --article`` (a read-only command that loads the same store).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sma_tui.core.corrections import correct as build  # noqa: E402
from sma_tui.core.corrections.records import Correction  # noqa: E402
from sma_tui.services import corrections as fixes  # noqa: E402
from sma_tui.storage.store import CORRECTIONS, Store  # noqa: E402

LOAD = """
import sys, time
sys.path.insert(0, sys.argv[2])
t = time.perf_counter()
if sys.argv[3] == "store":
    from sma_tui.storage.store import Store
    Store(sys.argv[1]).load()
else:
    from sma_tui.services import corrections
    corrections.load(__import__("pathlib").Path(sys.argv[1]))
print(time.perf_counter() - t)
"""


def best(path: Path, how: str, runs: int = 3) -> float:
    """The best of ``runs`` loads, each in a fresh process (a load freezes what it read
    for the garbage collector, so loads in one process are not alike)."""
    times = []
    for _ in range(runs):
        argv = [sys.executable, "-c", LOAD, str(path), str(HERE.parent), how]
        out = subprocess.run(argv, check=True, capture_output=True, text=True)
        times.append(float(out.stdout))
    return min(times)


def make_store(articles: int, keep: Path | None) -> Path:
    folder = keep or Path(tempfile.mkdtemp(prefix="sma-bench-corr-"))
    path = folder / f"synth-{articles}.json"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "synth.py"), "--articles", str(articles), "--out", str(path)],
                       check=True)  # fmt: skip
    return path


def corrections_for(path: Path, n: int) -> list[Correction]:
    corpus = Store(path).load()
    quotes = corpus.quote_list()
    step = max(1, len(quotes) // n)
    actors = sorted(corpus.actors)
    out: list[Correction] = []
    for i, q in enumerate(quotes[::step][:n]):
        if i % 3 == 0:
            out.append(build.reject_quote(corpus, q.id, "bench"))
        elif i % 3 == 1:
            speaker = next(a for a in actors[i % len(actors):] + actors if a != q.speaker)
            out.append(build.correct_quote_speaker(corpus, q.id, speaker, "bench"))
        else:
            actor = corpus.actors[actors[i % len(actors)]]
            side = "other" if actor.side != "other" else "US"
            out.append(build.correct_actor(corpus, actor.id, side=side, note="bench"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--corrections", type=int, default=200)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--store", type=Path, help="an existing store to copy (e.g. a kept synth.json)")
    args = parser.parse_args()
    source = args.store or make_store(args.articles, args.keep)
    work = Path(tempfile.mkdtemp(prefix="sma-bench-corr-")) / "store.json"
    shutil.copyfile(source, work)
    shutil.copytree(Store(source).bodies_dir, Store(work).bodies_dir)

    base = best(work, "store")
    none = best(work, "services")
    records = corrections_for(work, args.corrections)

    def add(tables: dict[str, list[dict[str, object]]]) -> bool:
        tables.setdefault(CORRECTIONS, []).extend(r.to_dict() for r in records)
        return True

    Store(work).update(add)
    loaded = fixes.load(work)
    assert not loaded.applied.problems, loaded.applied.problems[:3]
    some = best(work, "services")
    print(f"store: {len(loaded.corpus.quotes):,} quotes, {len(loaded.corpus.articles):,} articles")
    print(f"Store.load (baseline)                      {base:6.2f} s")
    print(f"services load, no corrections              {none:6.2f} s  ({none / base:.2f}x)")
    print(f"services load, {len(records)} corrections applied    {some:6.2f} s  ({some / base:.2f}x)")

    quote = next(iter(loaded.corpus.quotes))
    cli = [sys.executable, "-m", "sma_tui", "--db", str(work)]
    read = statistics.median(
        _timed([*cli, "quotes", "--article", quote.split("/")[0], "--json"]) for _ in range(3)
    )
    write = _timed([*cli, "correct", "quote", quote, "--reject"])
    print(f"sma-tui quotes --article (baseline)        {read:6.2f} s")
    print(f"sma-tui correct quote … --reject           {write:6.2f} s  ({write / read:.2f}x)")


def _timed(argv: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
