"""What the overview sidecar vouches for, and what it never excuses.

A store file version that sma-tui wrote from clean records (or scanned) is marked ``clean``
in the sidecar, by its device, inode, mtime, size and ctime, so that the next read skips the
scan of its 40 MB for control characters (issue 16: a fifth of a second of every add at
10,000 articles). Any other version (edited in place, copied, written by plain TinyDB, or
written by an update that added an unclean record) is scanned and cleaned as before.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import orjson
import pytest

from sma_tui.cli.main import main
from sma_tui.core.models import Actor
from sma_tui.storage import tiny
from sma_tui.storage.files import file_id
from sma_tui.storage.store import Store

ARTICLE = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "reuters-2019-11-15-esper-seoul.txt"
ESC = "\x1b"


def sidecar(store_path: Path) -> dict:
    return orjson.loads(Store(store_path).overview_path.read_bytes())


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a store file's bytes were scanned for unsafe characters."""
    calls: list[int] = []
    real = tiny.json_may_hold_unsafe

    def counted(raw: bytes) -> bool:
        calls.append(len(raw))
        return real(raw)

    monkeypatch.setattr(tiny, "json_may_hold_unsafe", counted)
    return calls


def add_article(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["add", "--db", str(store_path), str(ARTICLE)])
    assert code == 0, capsys.readouterr().err


def test_an_add_vouches_the_file_it_wrote_and_the_next_read_skips_the_scan(
    store_path: Path, scans: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    add_article(store_path, capsys)
    assert len(scans) == 1  # the built store had never been scanned: the add scanned it
    assert sidecar(store_path)["clean"] == list(file_id(store_path.stat()))
    store = Store(store_path)
    store.read_tables()
    assert len(scans) == 1  # vouched: not scanned again
    assert store.clean == file_id(store_path.stat())
    add_article(store_path, capsys)  # a duplicate: nothing written, nothing scanned
    assert len(scans) == 1


def test_an_edit_in_place_is_scanned_and_cleaned_despite_the_sidecar(
    store_path: Path, scans: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    add_article(store_path, capsys)
    raw = store_path.read_bytes()
    i = raw.index(b'"title":"') + len(b'"title":"')
    st = store_path.stat()
    with store_path.open("r+b") as fh:  # same inode, same size, mtime put back: only the ctime moves
        fh.seek(i)
        fh.write(b"\\u001b")
    os.utime(store_path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert Store(store_path).stamp() == (st.st_ino, st.st_mtime_ns, st.st_size)
    scanned = len(scans)
    titles = [d["title"] for d in Store(store_path).read_tables()["articles"]]
    assert len(scans) == scanned + 1
    assert not any(ESC in t for t in titles) and any("\ufffd" in t for t in titles)


def test_a_copy_with_its_sidecar_is_scanned(
    store_path: Path, tmp_path: Path, scans: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    add_article(store_path, capsys)
    dest = tmp_path / "copy" / "store.json"
    dest.parent.mkdir()
    shutil.copy2(store_path, dest)
    shutil.copy2(Store(store_path).overview_path, Store(dest).overview_path)
    scanned = len(scans)
    Store(dest).read_tables()
    assert len(scans) == scanned + 1


def test_an_update_that_adds_an_unclean_record_is_not_vouched(store: Store, scans: list[int]) -> None:
    """Whatever writes an unsafe string gets it scanned and cleaned on the next read."""

    def add_actor(tables):
        tables["actors"].append(Actor("new-person", f"New {ESC}[2J Person", "other").to_dict())

    store.update(add_actor)
    assert store.clean is None
    store.save_overview(store.overview_of(store.read_tables()), store.stamp())
    assert "clean" not in sidecar(store.path)
    scanned = len(scans)
    names = {d["id"]: d["name"] for d in Store(store.path).read_tables()["actors"]}
    assert len(scans) == scanned + 1 and names["new-person"] == "New \ufffd[2J Person"


def test_a_clean_update_is_vouched(store: Store, scans: list[int]) -> None:
    def add_actor(tables):
        tables["actors"].append(Actor("new-person", "New Person", "other").to_dict())

    store.update(add_actor)
    assert store.clean == file_id(store.path.stat())
    store.save_overview(store.overview_of(store.read_tables()), store.stamp())
    assert sidecar(store.path)["clean"] == list(store.clean)
