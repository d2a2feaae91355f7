"""Never lose data: atomic writes survive kill -9, the lock serialises writers."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sma_tui.services import check_store
from sma_tui.storage.store import Store

WRITER = r"""
import sys, itertools
from sma_tui.core.models import Actor
from sma_tui.storage.store import Store
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


ADDER = r"""
import sys
from sma_tui.cli.main import main
db, folder = sys.argv[1], sys.argv[2]
files = sorted(__import__("pathlib").Path(folder).glob("*.txt"))
print("ready", flush=True)
sys.stdin.readline()  # both start together
codes = [main(["add", "--db", db, str(f)]) for f in files]
sys.exit(max(codes))
"""

ROUND5 = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "yonhap-2019-12-18-round5.txt"


def test_two_add_processes_at_once_lose_no_article(store_path: Path, tmp_path: Path) -> None:
    """Two ``sma-tui add`` processes, 50 articles each, one add at a time, interleaved. Every
    article has the same publisher and date, so both draw ids from one sequence: all 100
    must be there, each under its own id, none failed and none overwritten."""
    body = ROUND5.read_text(encoding="utf-8")
    folders = {}
    for side in ("alpha", "beta"):
        folders[side] = folder = tmp_path / side
        folder.mkdir()
        for i in range(50):
            extra = f'"This is statement {i} from the {side} desk," Jeong told reporters.'
            (folder / f"{i:02d}.txt").write_text(f"{body}\n{extra}\n", encoding="utf-8")
    before = Store(store_path).load()
    procs = []
    for folder in folders.values():
        proc = subprocess.Popen(
            [sys.executable, "-c", ADDER, str(store_path), str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        procs.append(proc)
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    corpus = Store(store_path).load()
    added = [a for a in corpus.articles.values() if a.id not in before.articles]
    assert len(added) == 100 and len({a.id for a in added}) == 100
    statements = {q.text for q in corpus.quotes.values() if q.text.startswith("This is statement")}
    assert statements == {f"This is statement {i} from the {s} desk" for i in range(50) for s in folders}
    for a in added:  # every claim sits under its own article's id
        assert all(q.id.startswith(a.id + "/") for q in corpus.quotes_in_article(a.id))
    assert check_store(Store(store_path)) == []


HOLDER = r"""
import sys, time
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_the_lock_excludes_a_filelock_holder_and_says_so_when_it_waited_too_long(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store lock is a ``flock`` of ``<name>.lock``, as the ``filelock`` package (which
    sma-tui used before) takes it: a process holding it that way keeps a writer out, and
    the writer gives up with one line after ``LOCK_TIMEOUT``."""
    from sma_tui.storage import tiny
    from sma_tui.storage.files import StoreError

    lock = store_path.with_name(store_path.name + ".lock")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock), "30"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(tiny, "LOCK_TIMEOUT", 0.3)
        before = store_path.read_bytes()
        start = time.monotonic()
        with pytest.raises(StoreError, match="locked by another sma-tui process"):
            Store(store_path).update(lambda tables: None)
        assert 0.3 <= time.monotonic() - start < 10 and store_path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    Store(store_path).update(lambda tables: None)  # free again: the holder's lock died with it


def test_without_flock_the_filelock_package_locks(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import fcntl
    from contextlib import contextmanager

    from sma_tui.storage import tiny

    def no_flock(fd: int, op: int) -> None:
        raise OSError(errno.ENOSYS, "flock not supported")

    used: list[str] = []

    @contextmanager
    def spy(path: Path):  # type: ignore[no-untyped-def]
        used.append(path.name)
        yield

    monkeypatch.setattr(fcntl, "flock", no_flock)
    monkeypatch.setattr(tiny, "_filelock", spy)
    Store(store_path).update(lambda tables: None)
    assert used == ["store.json.lock"]
