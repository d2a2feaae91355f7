"""Cold start of the TUI to its first painted main screen, and its peak memory.

    python benchmarks/bench_startup.py [--articles 10000] [--repeat 5] [--keep DIR]

Every figure comes from fresh interpreters (``python -c ...``, so imports count), the median
of ``--repeat`` runs (peak memory: the largest), each against a baseline measured in the same
run; the runs of the baseline and of the app alternate, after one untimed warm-up of each.

- cold start: wall clock from just before the parent launches the child to the first frame
  the child renders after the main screen shows the corpus. The child runs
  ``SmaApp(db).run_test(headless=True, size=(120, 40))``, waits for ``main_screen.ready``
  (the Timeline, Actors and Figures panes mounted and filled from the loaded corpus), then for
  the screen's next refresh (``wait_for_refresh``: its callback runs only once the pending
  repaint has gone through the compositor), and prints ``time.time()``. Measured with the
  bundled store (5 articles, as ``sma-tui build`` writes it) and with the synthetic store of
  ``--articles`` articles (:mod:`synth`, built as ``bench_store.py`` builds it). Baseline: a
  minimal Textual app whose only widget is ``Static("hello")``, same harness, to the first
  frame after its mount. Targets: ≤ 1.5x with the bundled store, ≤ 3x at 10,000 articles.
- peak memory: ru_maxrss of the child at that moment, the app on the synthetic store against
  the minimal app (target: the whole app ≤ 400 MB); the bundled store's is printed too.

Both stores are built once per run, in a temporary folder (or ``--keep DIR``, reused when
already there), by a spawned process, so that this parent never holds a corpus (see
:func:`build_stores`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_store import make_store, spawned  # noqa: E402

from sma_tui.storage.store import Store  # noqa: E402

CHILD = """
import asyncio, resource, sys, time

async def main(db):
    if db is None:
        from textual.app import App
        from textual.widgets import Static

        class Minimal(App):
            def compose(self):
                yield Static("hello")

        app, articles = Minimal(), 0
    else:
        from sma_tui.tui.app import SmaApp

        app = SmaApp(db)
    async with app.run_test(headless=True, size=(120, 40)):
        if db is not None:
            await asyncio.wait_for(app.main_screen.ready.wait(), 600)
        await app.screen.wait_for_refresh()
        painted = loaded = time.time()
        if db is not None:
            panes = [app.screen.query_one(p) for p in ("#timeline", "#actors", "#figures")]
            if app.main_screen.overview is None or not all(p.region.area for p in panes):
                sys.exit("the main screen did not show the dossier")
            while app.corpus is None:  # painted from the overview: the corpus is still loading
                await asyncio.sleep(0.002)
            await app.screen.wait_for_refresh()
            loaded = time.time()
            articles = len(app.corpus.articles)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(painted, loaded, rss, articles, flush=True)

asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else None))
"""


@dataclass(frozen=True)
class Run:
    painted: float  # seconds to the first frame of the main screen with its panes
    loaded: float  # seconds until the whole corpus is in (drill-down and search ready)
    rss_mb: float
    articles: int


def cold_start(db: Path | None, overview: bool = True) -> Run:
    """One fresh child. ``overview=False`` first deletes the overview that ``build``,
    ``add`` and the app keep beside the store, as after a store changed by other means."""
    if db is not None and not overview:
        Store(db).overview_path.unlink(missing_ok=True)
    argv = [sys.executable, "-c", CHILD, *([str(db)] if db else [])]
    start = time.time()
    out = subprocess.run(argv, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the child for {db or 'the minimal app'} failed:\n{out.stderr}")
    painted, loaded, rss, articles = out.stdout.split()
    return Run(float(painted) - start, float(loaded) - start, float(rss), int(articles))


def _build_stores(folder: Path, n: int) -> dict[str, Path]:
    from sma_tui.bundled.build import build_store
    from sma_tui.storage.store import Store

    bundled = folder / "bundled.json"  # what ``sma-tui build --db`` writes
    if not bundled.exists():
        build_store(Store(bundled))
    return {"bundled": bundled, "synth": make_store(folder, n)}


def build_stores(folder: Path, n: int) -> dict[str, Path]:
    """The bundled and the synthetic store in ``folder`` (reused if already there), built in
    a spawned process (see :func:`bench_store.spawned`)."""
    return spawned(_build_stores, folder, n)


def bench(folder: Path, n: int, repeat: int) -> None:
    t = time.perf_counter()
    stores = build_stores(folder, n)
    json_mb = stores["synth"].stat().st_size / 1e6
    print(
        f"stores: bundled, and synthetic with {n:,} articles, JSON {json_mb:.1f} MB "
        f"(ready in {time.perf_counter() - t:.1f} s)"
    )

    cases: dict[str, tuple[Path | None, bool]] = {
        "baseline": (None, True),
        "bundled": (stores["bundled"], True),
        "synth": (stores["synth"], True),
        "synth-cold": (stores["synth"], False),
    }
    runs: dict[str, list[Run]] = {name: [] for name in cases}
    for i in range(repeat + 1):
        for name, (db, overview) in cases.items():
            run = cold_start(db, overview)
            if i:  # the first round only warms the page cache and the .pyc files
                runs[name].append(run)
    painted = {name: statistics.median(r.painted for r in rs) for name, rs in runs.items()}
    loaded = {name: statistics.median(r.loaded for r in rs) for name, rs in runs.items()}
    peak_mb = {name: max(r.rss_mb for r in rs) for name, rs in runs.items()}
    n = runs["synth"][0].articles
    labels = {
        "bundled": "bundled corpus",
        "synth": f"{n:,} articles",
        "synth-cold": f"{n:,} articles, no overview kept (first start after a change by other means)",
    }
    base_s, base_mb = painted["baseline"], peak_mb["baseline"]
    print(f"baseline: a minimal Textual app painting one Static, {base_s:.2f} s to its first frame, {base_mb:.0f} MB")
    for name, target in [("bundled", 1.5), ("synth", 3.0), ("synth-cold", None)]:
        goal = f"; target <= {target:g}x" if target else ""
        print(
            f"cold start, {labels[name]}: main screen painted {painted[name]:.2f} s "
            f"(ratio {painted[name] / base_s:.2f}x{goal}); whole corpus loaded {loaded[name]:.2f} s "
            f"({loaded[name] / base_s:.2f}x)"
        )
    for name, target in [("bundled", ""), ("synth", "; target <= 400 MB")]:
        mb = peak_mb[name]
        print(
            f"peak memory, {labels[name]}, corpus loaded: {mb:.0f} MB RSS "
            f"(ratio to baseline {mb / base_mb:.2f}x{target})"
        )


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--keep", type=Path, help="reuse / keep the generated stores in this folder")
    args = p.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        bench(args.keep, args.articles, args.repeat)
    else:
        with tempfile.TemporaryDirectory(prefix="sma-bench-") as tmp:
            bench(Path(tmp), args.articles, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
