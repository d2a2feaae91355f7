"""Memory under reloads: RSS after each of 10 load-and-replace cycles of the 10k store.

    python benchmarks/bench_reload.py [--store PATH] [--articles 10000] [--cycles 10]

The app keeps the corpus it shows until the reloaded one arrives, then drops it, and the
screens that showed it are reference cycles (a widget knows its parent) that only the
cyclic collector frees; this does the same, in a fresh process per mode, and prints the resident size after each
cycle against the size after the first (target, issue 10: ≤ 1.2× after 10 reloads):

- ``freeze``: ``Store.load()`` as it is (``gc.freeze()`` after every load);
- ``unfreeze``: ``gc.unfreeze()`` and a full ``gc.collect()`` before each reload;
- ``nofreeze``: ``gc.freeze`` disabled;
- ``trim``: ``unfreeze`` and also, once the old corpus is dropped, ``gc.collect()`` and
  glibc's ``malloc_trim(0)`` (pages of the freed corpus go back to the system);
- ``app``: what the app does now: ``Store.load()`` and, once the old corpus is dropped,
  :func:`sma_tui.services.release_memory` (unfreeze, collect, ``malloc_trim``, freeze again).

Each mode also prints the peak RSS (``VmHWM``) after the first reload and after the last.
The app keeps showing the old corpus while the new one loads, so a reload's peak holds two
corpora: the target compares peaks after ten reloads and after the first (≤ 1.2×).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

RUN = """
import ctypes, gc, os, sys
from sma_tui import services
from sma_tui.storage.store import Store
mode, path, cycles = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode == "nofreeze":
    gc.freeze = lambda: None
page = os.sysconf("SC_PAGE_SIZE")
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * page / 2**20
def peak():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
class Screen:
    # like a Textual screen showing the corpus: part of a reference cycle (widgets know
    # their parent), so only the cyclic collector frees it once it is popped
    def __init__(self, corpus):
        self.corpus, self.children = corpus, []
        self.children.append(self)
store = Store(path)
corpus = screen = None
out, peaks = [], []
for _ in range(cycles):
    if mode in ("unfreeze", "trim") and corpus is not None:
        gc.unfreeze()
        gc.collect()
    new = store.load()
    corpus = new  # the previous corpus is dropped only now, as in the app
    screen = Screen(corpus)  # the previous screen becomes cyclic garbage
    del new
    if mode == "trim":  # the old corpus is garbage now: free it and give the pages back
        gc.unfreeze()
        gc.collect()
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    if mode == "app":
        services.release_memory()
    out.append(rss())
    peaks.append(peak())
print(" ".join(f"{x:.0f}" for x in out), peaks[1], peaks[-1], gc.get_freeze_count())
"""


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--store", type=Path)
    p.add_argument("--cycles", type=int, default=10)
    p.add_argument("--modes", default="freeze,app")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store
        if path is None:
            path = Path(tmp) / "synth.json"
            cmd = [sys.executable, str(HERE / "synth.py"), "--articles", str(args.articles), "--out", str(path)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        for mode in args.modes.split(","):
            cmd = [sys.executable, "-c", RUN, mode, str(path), str(args.cycles)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split()
            sizes, frozen = [float(x) for x in out[:-3]], int(out[-1])
            first_peak, last_peak = float(out[-3]), float(out[-2])
            ratio = sizes[-1] / sizes[1]
            verdict = "ok" if ratio <= 1.2 else "OVER"
            print(f"{mode:9s} RSS MB per cycle: {' '.join(f'{s:.0f}' for s in sizes)}")
            print(
                f"{'':9s} after the last reload / after the first: {ratio:.2f} (target <= 1.2: {verdict}); "
                f"/ after the first load: {sizes[-1] / sizes[0]:.2f}; objects still frozen: {frozen}"
            )
            peak_ratio = last_peak / first_peak
            print(
                f"{'':9s} peak RSS after the first reload {first_peak:.0f} MB, after the last {last_peak:.0f} MB: "
                f"{peak_ratio:.2f} (target <= 1.2: {'ok' if peak_ratio <= 1.2 else 'OVER'})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
