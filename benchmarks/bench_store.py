"""The store at 10,000 articles: load time, peak memory, and one add.

    python benchmarks/bench_store.py [--articles 10000] [--keep DIR]

Prints, each against a baseline measured in the same run:

- load: ``Store.load()`` (parse, build records, indices) in a fresh process, against a
  fresh process that only reads and parses the same JSON with orjson (the floor);
- peak memory (ru_maxrss) of that loading process (target: the whole app ≤ 400 MB);
- one ``sma-tui add`` of a wire story into the 10k store, end to end in a fresh process
  (start, parse, extract, the locked atomic write, the overview for the app updated from the
  one kept; target ≤ 1 s), against copying the same JSON file byte for byte with fsync (the
  I/O floor); the modules are byte-compiled first, as an installed sma-tui is;
- statements: the add above groups the new quotes into statements through the key file
  beside the store (``<name>.statements.sqlite``); also timed: one add whose key file is
  missing (rebuilt from the stored quotes, once), against regrouping every stored quote
  in one batch (what an add would cost without the key file).
"""

from __future__ import annotations

import argparse
import compileall
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

T = TypeVar("T")

LOAD = """
import resource, sys, time
t = time.perf_counter()
from sma_tui.storage.store import Store
corpus = Store(sys.argv[1]).load()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(corpus.quotes))
"""
PARSE = """
import resource, sys, time
t = time.perf_counter()
import orjson
data = orjson.loads(open(sys.argv[1], 'rb').read())
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)
"""


ARTICLE = HERE.parent / "tests" / "fixtures" / "articles" / "yonhap-2019-12-18-round5.txt"
ADD = [sys.executable, "-m", "sma_tui", "add"]


def run(code: str, path: Path) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    seconds, rss, _ = out.stdout.split()
    return float(seconds), float(rss)


def spawned(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a spawned process: Linux carries a process's peak RSS (ru_maxrss)
    across fork and exec, so the children measured here must not descend from a parent
    that once held a generated corpus."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def make_store(folder: Path, n: int) -> Path:
    from synth import generate

    from sma_tui.bundled.build import write_corpus
    from sma_tui.storage.store import Store

    path = folder / "synth.json"
    if not path.exists():
        corpus, _ = generate(n)
        write_corpus(Store(path), corpus, {"corpus": "synthetic"})
    return path


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--keep", type=Path, help="reuse / keep the generated store in this folder")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sma-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    path = spawned(make_store, folder, args.articles)
    size = path.stat().st_size / 1e6
    print(f"store: {args.articles:,} articles, JSON {size:.1f} MB (ready in {time.perf_counter() - t:.1f} s)")

    loads = [run(LOAD, path) for _ in range(args.repeat)]
    parses = [run(PARSE, path) for _ in range(args.repeat)]
    load_s, parse_s = statistics.median(x[0] for x in loads), statistics.median(x[0] for x in parses)
    load_mb, parse_mb = max(x[1] for x in loads), max(x[1] for x in parses)
    print(f"load: {load_s:.2f} s (baseline orjson parse {parse_s:.2f} s; ratio {load_s / parse_s:.2f}x)")
    print(
        f"peak memory of a load: {load_mb:.0f} MB RSS "
        f"(baseline parse {parse_mb:.0f} MB; ratio {load_mb / parse_mb:.2f}x)"
    )

    adds, copies = [], []
    compileall.compile_dir(HERE.parent / "sma_tui", quiet=1)  # as installed: no process compiles the modules
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for i in range(args.repeat):
        article = folder / f"new-{i}.txt"  # a real wire story, made new so it is not a duplicate
        article.write_text(f"{ARTICLE.read_text(encoding='utf-8')}\nBench paragraph {time.time_ns()}.\n")
        start = time.perf_counter()
        subprocess.run(ADD + ["--db", str(path), str(article)], capture_output=True, check=True, env=env)
        adds.append(time.perf_counter() - start)
        start = time.perf_counter()
        data = path.read_bytes()
        with open(folder / "copy.json", "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        copies.append(time.perf_counter() - start)
    add_s, copy_s = statistics.median(adds), statistics.median(copies)
    print(
        f"one 'sma-tui add' of a 2 KB article into the store, end to end in a fresh process: {add_s:.2f} s "
        f"(target <= 1 s; baseline copy of the store file with fsync {copy_s:.2f} s; ratio {add_s / copy_s:.1f}x)"
    )
    bench_statements(folder, path)
    return 0


REGROUP = """
import sys, time
from sma_tui.storage.store import Store
from sma_tui.core.models import Quote
from sma_tui.core.statements.index import StatementIndex
quotes = [Quote.from_dict(d) for d in Store(sys.argv[1]).read_tables()["quotes"]]
t = time.perf_counter()
StatementIndex.build(quotes)
print(time.perf_counter() - t, 0, len(quotes))
"""


def bench_statements(folder: Path, path: Path) -> None:
    article = folder / "new-cold.txt"
    article.write_text(f"{ARTICLE.read_text(encoding='utf-8')}\nBench paragraph {time.time_ns()}.\n")
    path.with_name(path.name + ".statements.sqlite").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(ADD + ["--db", str(path), str(article)], capture_output=True, check=True)
    cold = time.perf_counter() - start
    regroup, _ = run(REGROUP, path)
    print(
        f"statements: one add whose key file is missing (rebuilt once) {cold:.2f} s; "
        f"baseline regrouping every stored quote in one batch {regroup:.2f} s (what each add would cost without it)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
