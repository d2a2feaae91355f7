"""The key file's statements and places (issue 16): an add finds the stored reports of the
statements it touches through ``<name>.statements.sqlite`` instead of passes over every
stored quote, and falls back to the passes whenever the file cannot be trusted: stale
(another process wrote the store), from before it kept places, a place that does not hold
its quote, or missing. Every path must group exactly as the passes do.

The articles in ``tests/fixtures/statements/`` are invented for these tests; a third
outlet is made here from one of them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import orjson
import pytest

from sma_tui import services
from sma_tui.services.statements import Grouping
from sma_tui.storage import files
from sma_tui.storage.statement_keys import keys_path
from sma_tui.storage.store import Store, StoreError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "statements"
HARBOR = FIXTURES / "harbor-wire-2020-03-20.txt"
LEDGER = FIXTURES / "eastern-ledger-2020-03-21.txt"


@pytest.fixture
def courier(tmp_path: Path) -> Path:
    path = tmp_path / "courier.txt"
    path.write_text(HARBOR.read_text().replace("Harbor Wire", "Bay Courier").replace("March 20", "March 22"))
    return path


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many adds grouped by passes over every stored quote (not through the key file)."""
    calls: list[int] = []
    real = Grouping._by_passes

    def counted(self: Grouping, *args: object) -> object:
        calls.append(1)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Grouping, "_by_passes", counted)
    return calls


def add(path: Path, *files_: Path) -> services.AddReport:
    return services.add_files(path, [*files_], {}, dry_run=False)


def grouping(path: Path) -> dict[str, tuple[object, ...]]:
    quotes = Store(path).load().quotes
    return {q.id: (q.statement, q.speaker, q.attribution, q.attribution_source) for q in quotes.values()}


def overview_sidecar(path: Path) -> object:
    return orjson.loads(Store(path).overview_path.read_bytes())["overview"]


def places(path: Path) -> list[tuple[int, str, str | None]]:
    with sqlite3.connect(keys_path(path)) as db:
        return db.execute("SELECT n, id, statement FROM quote ORDER BY n").fetchall()


def stored_places(path: Path) -> list[tuple[int, str, str | None]]:
    rows = Store(path).read_tables()["quotes"]
    return [(n, d["id"], d.get("statement")) for n, d in enumerate(rows, 1)]


def test_adds_through_the_key_file_group_as_the_passes_do(
    store_path: Path, tmp_path: Path, courier: Path, passes: list[int]
) -> None:
    ref = tmp_path / "ref" / "store.json"
    ref.parent.mkdir()
    shutil.copyfile(store_path, ref)
    shutil.copytree(Store(store_path).bodies_dir, Store(ref).bodies_dir)
    for f in (HARBOR, LEDGER, courier):
        keys_path(ref).unlink(missing_ok=True)
        add(ref, f)
    assert len(passes) == 3
    passes.clear()
    reports = [add(store_path, f) for f in (HARBOR, LEDGER, courier)]
    assert len(passes) == 1  # the copy's key file was stale once; then the file is used
    assert grouping(store_path) == grouping(ref)
    assert overview_sidecar(store_path) == overview_sidecar(ref)
    assert reports[2].statements is not None and reports[2].statements.joined > 0
    assert places(store_path) == stored_places(store_path)


def test_another_process_write_is_noticed(store_path: Path, courier: Path, passes: list[int]) -> None:
    add(store_path, HARBOR)
    store = Store(store_path)

    def drop_first_quote(tables: dict[str, list[dict[str, object]]]) -> None:
        del tables["quotes"][0]  # every place after it moves

    store.update(drop_first_quote)  # not an add: the key file is not told
    passes.clear()
    add(store_path, LEDGER)
    assert passes == [1]
    assert places(store_path) == stored_places(store_path)


def test_a_place_that_does_not_hold_its_quote_sends_the_add_to_the_passes(
    store_path: Path, courier: Path, passes: list[int]
) -> None:
    add(store_path, HARBOR)
    with sqlite3.connect(keys_path(store_path)) as db:  # a file that lies, with the right stamp
        db.execute("UPDATE quote SET n = -n")
        db.execute("UPDATE quote SET n = -n + 1 WHERE n < 0")  # every quote one place on
    passes.clear()
    add(store_path, LEDGER)
    assert passes == [1]
    assert places(store_path) == stored_places(store_path)  # rebuilt
    add(store_path, courier)
    assert passes == [1]  # and trusted again
    quotes = Store(store_path).load().quotes
    figure = {q.statement for q in quotes.values() if q.text.lower().startswith("that is not")}
    assert len(figure) == 1


def test_a_key_file_from_before_places_is_filled_then_used(store_path: Path, courier: Path, passes: list[int]) -> None:
    add(store_path, HARBOR)
    with sqlite3.connect(keys_path(store_path)) as db:  # as an older sma-tui left it
        db.execute("DELETE FROM meta WHERE k = 'rows'")
        db.execute("UPDATE quote SET statement = NULL")
    passes.clear()
    add(store_path, LEDGER)
    assert passes == [1]
    assert places(store_path) == stored_places(store_path)
    add(store_path, courier)
    assert passes == [1]  # filled: the next add goes through the file
    assert places(store_path) == stored_places(store_path)


def test_a_failed_add_leaves_the_store_and_the_key_file_as_they_were(
    store_path: Path, courier: Path, monkeypatch: pytest.MonkeyPatch, passes: list[int]
) -> None:
    add(store_path, HARBOR)
    before, kept = store_path.read_bytes(), places(store_path)
    real = files.atomic_write

    def failing(path: Path, data: bytes, **kw: object) -> None:
        if path == store_path:
            raise StoreError("disk full (simulated)")
        real(path, data, **kw)  # type: ignore[arg-type]

    for writer in ("tiny", "append"):  # the whole file's write, and the spliced one (an add's)
        monkeypatch.setattr(f"sma_tui.storage.{writer}.atomic_write", failing)
    with pytest.raises(StoreError):
        add(store_path, LEDGER)
    monkeypatch.undo()
    assert store_path.read_bytes() == before and places(store_path) == kept
    passes.clear()
    add(store_path, LEDGER)
    assert places(store_path) == stored_places(store_path)


@pytest.mark.parametrize(
    "older_write",
    [
        "UPDATE quote SET statement = NULL WHERE n = (SELECT MAX(n) FROM quote)",  # added without its statement
        "DELETE FROM quote WHERE n = 1",  # a quote it does not know
    ],
)
def test_a_key_file_an_older_sma_tui_wrote_to_is_not_trusted(
    store_path: Path, courier: Path, passes: list[int], older_write: str
) -> None:
    """An older sma-tui keeps the stamp up to date but not the statements and places: the
    file is filled again (or rebuilt) from the store before it is used."""
    add(store_path, HARBOR)
    with sqlite3.connect(keys_path(store_path)) as db:
        db.execute(older_write)
    passes.clear()
    add(store_path, LEDGER)
    assert passes == [1]
    assert places(store_path) == stored_places(store_path)
    add(store_path, courier)
    assert passes == [1]
