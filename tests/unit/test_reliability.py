"""Never lose data: atomic writes survive kill -9, the lock serialises writers."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sma_tui.check import check_store
from sma_tui.store import Store

WRITER = r"""
import sys, itertools
from sma_tui.models import Actor
from sma_tui.store import Store
store = Store(sys.argv[1])
prefix = sys.argv[2]
count = int(sys.argv[3])
print("ready", flush=True)
for i in (range(count) if count else itertools.count()):
    def add(tables, i=i):
        tables["actors"].append(Actor(f"{prefix}-{i}", f"{prefix} {i}", "other").to_dict())
        # a big, slow payload so that kills land in the middle of writes
        tables["meta"][0]["padding"] = "x" * 200_000
    store.update(add)
"""


def _spawn(store_path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store_path), prefix, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_kill_dash_nine_never_leaves_a_truncated_store(store_path: Path) -> None:
    rng = random.Random(7)
    store = Store(store_path)
    seen_counts = set()
    for n in range(12):
        proc = _spawn(store_path, f"k{n}", 0)
        time.sleep(rng.uniform(0.01, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        corpus = store.load()  # raises StoreError if the file were truncated
        seen_counts.add(len(corpus.actors))
        assert check_store(store) == []
    assert len(seen_counts) > 1, "the writer never got to write: the test proves nothing"
    # the next write clears temp files orphaned by the kills
    store.update(lambda tables: None)
    assert not list(store_path.parent.glob(f".{store_path.name}.*.tmp"))


def test_two_writers_at_once_lose_nothing(store_path: Path) -> None:
    before = len(Store(store_path).load().actors)
    procs = [_spawn(store_path, name, 50) for name in ("alpha", "beta")]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    corpus = Store(store_path).load()
    assert len(corpus.actors) == before + 100
    assert {f"alpha-{i}" for i in range(50)} | {f"beta-{i}" for i in range(50)} <= set(corpus.actors)
    assert check_store(Store(store_path)) == []
