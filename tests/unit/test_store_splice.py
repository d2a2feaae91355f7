"""An add splices what it appends into the store file (:mod:`sma_tui.storage.append`):
parsing only the stored quotes its new ones may join, instead of the whole 41 MB at 10,000
articles. The file it writes must be the one the whole-file path writes, and a layout that
does not describe the file (stale, damaged, lying) must never be used to write it."""

from __future__ import annotations

import shutil
from array import array
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sma_tui import services
from sma_tui.storage import append, layout
from sma_tui.storage.files import file_id
from sma_tui.storage.store import Store, StoreError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "statements"
HARBOR = FIXTURES / "harbor-wire-2020-03-20.txt"
LEDGER = FIXTURES / "eastern-ledger-2020-03-21.txt"

# strings that look like the JSON around a record: a splice that searched text for them would cut there
TRICKY = ['},"7":{', '"id":"', "},", '\\"}', "}", '","', "\u2028", "q1/"]
texts = st.lists(st.sampled_from([*TRICKY, "a", " ", "é", '"', "\\", "/"]), max_size=6).map("".join)
record = st.fixed_dictionaries({"id": texts, "text": texts}, optional={"speaker": texts, "n": st.integers(0, 9)})


@given(tables=st.dictionaries(st.sampled_from(["meta", "articles", "quotes", "figures"]), st.lists(record, max_size=6)))
def test_the_layout_dump_is_orjsons_own_and_finds_every_record(tables: dict[str, list[dict[str, Any]]]) -> None:
    data = {name: {str(n): d for n, d in enumerate(rows, 1)} for name, rows in tables.items()}
    raw, spans = layout.dump(data)
    assert raw == orjson.dumps(data)
    for name, (start, end) in spans.items():
        assert orjson.loads(raw[start:end]) == data[name]
    if "quotes" in data:
        start, end = spans["quotes"]
        table = raw[start:end]
        starts = layout.record_starts(table, len(data["quotes"]))
        assert starts is not None
        bounds = [*starts[1:], len(table)] if starts else []
        got = [orjson.loads(b"{" + table[a : b - 1] + b"}") for a, b in zip(starts, bounds, strict=True)]
        assert got == [{k: v} for k, v in data["quotes"].items()]


def add(path: Path, *files_: Path) -> services.AddReport:
    return services.add_files(path, [*files_], {}, dry_run=False)


def copy_store(src: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".overview.json", ".statements.sqlite", ".layout"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dest}{suffix}")
    shutil.copytree(Store(src).bodies_dir, Store(dest).bodies_dir)
    return dest


def content(path: Path) -> Any:
    """The store's records, without the times of writing (``updated``) and adding (``added``)."""
    data = orjson.loads(path.read_bytes())
    for row in (*data["meta"].values(), *data["articles"].values()):
        row.pop("updated", None)
        row.pop("added", None)
    return data


@pytest.fixture
def spliced(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each partial update: whether it spliced (``False``: the whole-file path)."""
    calls: list[bool] = []
    real = append.spliced_update

    def counted(*args: Any) -> Any:
        done = real(*args)
        calls.append(done is not None)
        return done

    monkeypatch.setattr("sma_tui.storage.store.spliced_update", counted)
    return calls


@pytest.fixture
def courier(tmp_path: Path) -> Path:
    path = tmp_path / "courier.txt"
    path.write_text(HARBOR.read_text().replace("Harbor Wire", "Bay Courier").replace("March 20", "March 22"))
    return path


def test_an_add_splices_and_writes_what_the_whole_file_path_writes(
    store_path: Path, tmp_path: Path, courier: Path, spliced: list[bool]
) -> None:
    add(store_path, HARBOR)  # a file sma-tui wrote and validated: its layout and trust are kept
    whole = copy_store(store_path, tmp_path / "whole" / "store.json")
    for story in (LEDGER, courier):  # joins stored statements: stored quotes filled, changed in place
        add(store_path, story)
        layout.layout_path(whole).unlink()
        add(whole, story)
        assert spliced[-2:] == [True, False]
        assert content(store_path) == content(whole)
        raw = store_path.read_bytes()
        assert raw == orjson.dumps(orjson.loads(raw))  # orjson's own bytes, as the whole path writes
    kept = layout.read(store_path, file_id(store_path.stat()), store_path.stat().st_size)
    raw = store_path.read_bytes()
    data = orjson.loads(raw)
    assert kept is not None and kept.spans == layout.dump(data)[1]
    assert kept.starts == layout.record_starts(raw.__getitem__(slice(*kept.spans["quotes"])), len(data["quotes"]))
    assert kept.max_id == max(map(int, data["quotes"]))
    assert services.check(store_path).problems == []
    assert Store(store_path).load().quotes.keys() == Store(whole).load().quotes.keys()


def test_a_stored_quote_joined_by_an_add_is_rewritten_in_place(store_path: Path, courier: Path) -> None:
    add(store_path, HARBOR)
    before = {d["id"]: d for d in Store(store_path).read_tables()["quotes"]}
    report = add(store_path, courier)
    assert report.statements is not None and report.statements.joined  # the courier's copy joins Harbor's
    after = {d["id"]: d for d in Store(store_path).read_tables()["quotes"]}
    assert before.keys() < after.keys()
    changed = [k for k in before if before[k] != after[k]]
    assert changed and all(after[k]["statement"] for k in changed)


def test_a_hand_edited_store_is_read_whole(store_path: Path, courier: Path, spliced: list[bool]) -> None:
    add(store_path, HARBOR)  # the built store's first add reads it whole (its bytes not yet scanned)
    add(store_path, LEDGER)
    data = orjson.loads(store_path.read_bytes())
    store_path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))  # same records, other bytes
    add(store_path, courier)
    assert spliced == [False, True, False]
    assert services.check(store_path).problems == []


@pytest.mark.parametrize("damage", ["shift", "truncate", "swap", "garbage"])
def test_a_layout_that_lies_never_corrupts_the_store(
    store_path: Path, tmp_path: Path, courier: Path, damage: str, spliced: list[bool]
) -> None:
    add(store_path, HARBOR)
    add(store_path, LEDGER)
    whole = copy_store(store_path, tmp_path / "whole" / "store.json")
    path = layout.layout_path(store_path)
    blob = path.read_bytes()
    head, _, rest = blob.partition(b"\n")
    starts = array("q")
    starts.frombytes(rest)
    if damage == "shift":  # every record one further on: each parses, as the wrong record
        starts = array("q", [*starts[1:], starts[-1] + 5])
    elif damage == "swap":
        starts[3], starts[4] = starts[4], starts[3]
    elif damage == "truncate":
        starts = starts[:-1]
    path.write_bytes(b"not json\n" if damage == "garbage" else head + b"\n" + starts.tobytes())
    add(store_path, courier)
    add(whole, courier)
    assert content(store_path) == content(whole)
    assert services.check(store_path).problems == []
    assert spliced[2] is (damage in ("shift", "swap"))  # read, found wrong where used, parsed whole


def test_a_new_quote_id_taken_by_a_stored_one_is_refused(store_path: Path, spliced: list[bool]) -> None:
    add(store_path, HARBOR)
    report = services.add_files(store_path, [LEDGER], {}, dry_run=True)
    article = next(i.extraction.article.id for i in report.batch.items if i.extraction is not None)
    data = orjson.loads(store_path.read_bytes())
    last = next(reversed(data["quotes"]))
    data["quotes"][last]["id"] = f"{article}/q1"  # a stored quote holds the id the add will give
    raw, spans = layout.dump(data)
    store_path.write_bytes(raw)
    store = Store(store_path)
    store.read_tables()  # validated: vouched in the sidecar, with a layout written by hand below
    layout.save(store_path, file_id(store_path.stat()), data, raw, spans)
    ov = store.overview_of(store.read_tables())
    store.save_overview(ov, store.stamp())
    before = store_path.read_bytes()
    spliced.clear()
    with pytest.raises(StoreError, match="id would appear twice"):
        add(store_path, LEDGER)
    assert spliced == []  # refused on the spliced path (the whole-file path would have returned)
    assert store_path.read_bytes() == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ids=st.lists(texts, min_size=1, max_size=4))
def test_ids_free_never_misses_a_stored_id(tmp_path: Path, ids: list[str]) -> None:
    stored_ids = [*ids[:2], "harbor/q1"]
    data = {str(n): {"id": i, "text": "x"} for n, i in enumerate(stored_ids, 1)}
    raw, _ = layout.dump({"quotes": data})
    span = (len(b'{"quotes":'), len(raw) - 1)
    starts = layout.record_starts(raw[span[0] : span[1]], len(data))
    assert starts is not None
    rows = append.StoredRows(tmp_path, raw, span, starts, [None] * len(data))
    assert not append._ids_free(rows, [ids[0]])
    if "/" not in "".join(ids) and "harbor" not in "".join(ids):
        assert append._ids_free(rows, ["fresh/q9"])


def test_a_layout_missing_a_table_is_not_used(store_path: Path, courier: Path, spliced: list[bool]) -> None:
    add(store_path, HARBOR)
    add(store_path, LEDGER)
    ident = file_id(store_path.stat())
    kept = layout.read(store_path, ident, store_path.stat().st_size)
    assert kept is not None and "events" in kept.spans and "corrections" in kept.spans
    del kept.spans["events"]  # still every table it needs but one, and one more (corrections)
    layout.write(store_path, kept)
    add(store_path, courier)
    assert spliced[-1] is False  # the whole-file path, not a KeyError on the missing table
    assert services.check(store_path).problems == []

