"""The store: round trip, atomic writes, locking, schema and corrupt-file errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sma_tui.bundled.build import build_store, corpus_records
from sma_tui.core.models import SCHEMA_VERSION, Actor
from sma_tui.core.overview import OVERVIEW_VERSION, Overview
from sma_tui.storage.store import Store, StoreError


def test_round_trip_keeps_every_record(store: Store, corpus) -> None:
    loaded = store.load()
    assert loaded.counts() == corpus.counts()
    for name in ("articles", "events", "actors", "quotes", "figures", "measures"):
        assert getattr(loaded, name) == getattr(corpus, name), name
    assert loaded.meta["schema"] == SCHEMA_VERSION


def test_store_file_is_tinydb_json_with_all_tables(store_path: Path) -> None:
    data = json.loads(store_path.read_text(encoding="utf-8"))
    assert set(data) == {"meta", "articles", "events", "actors", "quotes", "figures", "measures"}
    assert all(isinstance(table, dict) for table in data.values())
    # bodies live in body files named by their SHA-256, not in the JSON
    for article in data["articles"].values():
        assert "body" not in article
        assert (Store(store_path).bodies_dir / article["body_sha"][:2] / f"{article['body_sha']}.txt").is_file()


def test_update_is_one_atomic_write_and_keeps_a_backup(store: Store) -> None:
    before = store.path.read_bytes()

    def add_actor(tables):
        tables["actors"].append(Actor("new-person", "New Person", "other").to_dict())

    store.update(add_actor)
    assert "new-person" in store.load().actors
    assert store.path.with_name(store.path.name + ".bak").read_bytes() == before
    leftovers = [p for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_failed_update_changes_nothing(store: Store) -> None:
    before = store.path.read_bytes()

    def broken(tables):
        tables["actors"].append(Actor("x", "X", "other").to_dict())
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.update(broken)
    assert store.path.read_bytes() == before


@pytest.mark.parametrize("twice", ["with a stored one", "among the added"])
def test_an_update_that_would_repeat_an_id_writes_nothing(store: Store, twice: str) -> None:
    """Only the added records' ids are checked (the stored ones were validated when read),
    against each other and against every stored record of their table."""
    before = store.path.read_bytes()
    taken = next(iter(store.load().quotes))

    def repeat(tables):
        row = dict(tables["quotes"][-1])
        if twice == "with a stored one":
            tables["quotes"].append({**row, "id": taken})
        else:
            tables["quotes"] += [{**row, "id": "fresh/q1"}, {**row, "id": "fresh/q1"}]

    with pytest.raises(StoreError, match=r"refusing to write .*(an id would appear twice|the id appears 2 times)"):
        store.update(repeat)
    assert store.path.read_bytes() == before


def test_replace_all_writes_a_loadable_store(tmp_path: Path, corpus) -> None:
    store = Store(tmp_path / "deep" / "folder" / "s.json")
    store.replace_all(corpus_records(corpus))
    assert store.load().counts() == corpus.counts()


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "corrupt"),
        ('{"meta": {"1": {"schema": 1}}, "articles": {"1": {"id": 1', "corrupt"),
        ("[1, 2]", "not a sma-tui database"),
        ("{}", "no schema version"),
        ('{"meta": {"1": {"schema": 999}}}', "newer than this sma-tui"),
        (b"\xff\xfe\x00garbage", "corrupt"),
    ],
)
def test_bad_store_files_raise_one_line_errors(tmp_path: Path, content, message) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError) as err:
        Store(path).load()
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_missing_store_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not found"):
        Store(tmp_path / "nope.json").load()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unreadable_store_is_reported(store_path: Path) -> None:
    store_path.chmod(0)
    with pytest.raises(StoreError, match="permission denied"):
        Store(store_path).load()


def test_older_schema_is_migrated_and_saved_on_next_write(store_path: Path, corpus) -> None:
    """A schema-1 store (bodies inline, no fingerprints) loads, and the next write
    upgrades it: fingerprints added, bodies moved to body files."""
    import shutil

    data = json.loads(store_path.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema"] = 1
    for article in data["articles"].values():
        article["body"] = corpus.articles[article["id"]].body
        del article["fingerprint"], article["body_sha"]
    store_path.write_text(json.dumps(data), encoding="utf-8")
    store = Store(store_path)
    shutil.rmtree(store.bodies_dir)
    loaded = store.load()
    for article in loaded.articles.values():
        assert article.fingerprint == corpus.articles[article.id].fingerprint
        assert article.body == corpus.articles[article.id].body
    store.update(lambda tables: None)
    saved = json.loads(store_path.read_text(encoding="utf-8"))
    assert saved["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert all("fingerprint" in a and "body" not in a for a in saved["articles"].values())
    assert store.load().articles == corpus.articles


def test_missing_body_file_is_a_one_line_error(store: Store) -> None:
    import shutil

    shutil.rmtree(store.bodies_dir)
    with pytest.raises(StoreError, match="body of article .* is missing"):
        store.load()


def test_schema_too_old_to_migrate(store_path: Path) -> None:
    data = json.loads(store_path.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema"] = 0
    store_path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StoreError, match="too old"):
        Store(store_path).load()


def test_fingerprint_ignores_spacing_case_and_typography() -> None:
    from sma_tui.core.models import fingerprint

    assert fingerprint("Seoul’s “deal”\r\n\r\nends.") == fingerprint('seoul\'s "deal"\n\n ends.')
    assert fingerprint("a deal") != fingerprint("no deal")


def test_corrupt_store_suggests_the_backup(store: Store) -> None:
    store.update(lambda tables: None)  # leaves a .bak
    store.path.write_text("{", encoding="utf-8")
    with pytest.raises(StoreError, match=r"cp .*\.bak"):
        store.load()


def test_build_keeps_an_overview_of_exactly_the_file_it_wrote(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.json")
    corpus = build_store(store)
    assert store.read_overview(store.stamp()) == Overview.of(corpus)
    assert store.read_overview((0, 0, 0)) is None  # another version of the file


def test_overview_survives_a_round_trip_through_its_file(store: Store) -> None:
    overview = Overview.of(store.load())
    store.save_overview(overview, store.stamp())
    loaded = store.read_overview(store.stamp())
    assert loaded == overview and loaded is not overview
    assert loaded.groups[0].conflict and {v.value for v in loaded.groups[0].values} == {870e6, 990e6}


def test_any_write_makes_the_overview_stale(store: Store) -> None:
    stamp = store.stamp()
    store.save_overview(Overview.of(store.load()), stamp)
    seen, written = store.update(lambda tables: None)
    assert seen == stamp and written != stamp
    assert store.read_overview(written) is None and store.read_overview(store.stamp()) is None


@pytest.mark.parametrize(
    "overview", [b"", b"{not json", b"[]", {}, {"counts": "many"}, {"counts": {}, "events": [{"id": 1}]}]
)
def test_a_damaged_overview_is_ignored(store: Store, overview: bytes | dict) -> None:
    if isinstance(overview, dict):  # the right version and stamp, a bad body
        overview = json.dumps(
            {"version": OVERVIEW_VERSION, "stamp": list(store.stamp()), "overview": overview}
        ).encode()
    store.overview_path.write_bytes(overview)
    assert store.read_overview(store.stamp()) is None
    assert store.load().counts()["quotes"] == 27  # the store itself is untouched


def test_a_store_edited_with_plain_tinydb_is_read_back(store_path: Path, capsys) -> None:
    """The file is a plain TinyDB JSON file: anyone may edit it with ``TinyDB(path)``, and
    sma-tui reads the edit (its kept overview describes the old file and is ignored)."""
    from tinydb import Query, TinyDB

    from sma_tui.cli.main import main

    store = Store(store_path)
    store.save_overview(Overview.of(store.load()), store.stamp())
    with TinyDB(store_path) as db:
        assert db.table("actors").update({"name": "Mark T. Esper"}, Query().id == "mark-esper") != []
        db.table("measures").insert({"id": "hand-made", "label": "Added by hand"})
    assert main(["show", "actor", "mark-esper", "--json", "--db", str(store_path)]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Mark T. Esper"
    assert "hand-made" in store.load().measures
    assert store.read_overview(store.stamp()) is None  # stale: the app recomputes it
    store.update(lambda tables: None)  # and sma-tui's own next write keeps the edit
    assert store.load().actors["mark-esper"].name == "Mark T. Esper"


def test_tinydb_table_api_writes_through_the_sma_storage(store: Store) -> None:
    """``update`` lands TinyDB's writes in one atomic replace: the document ids stay TinyDB's."""
    before = json.loads(store.path.read_text(encoding="utf-8"))
    store.update(lambda tables: tables["actors"].append(Actor("new-person", "New Person", "other").to_dict()))
    after = json.loads(store.path.read_text(encoding="utf-8"))
    assert after["quotes"] == before["quotes"]
    new_id = str(max(map(int, before["actors"])) + 1)
    assert after["actors"][new_id]["id"] == "new-person"


def test_inserting_after_a_hand_edit_keeps_every_document_id_unique(tmp_path: Path) -> None:
    """Inserts number documents after the last stored id (not the largest, which costs a pass
    over every id); ids a hand edit left out of order are skipped, never reused."""
    from sma_tui.storage.tiny import SmaDB

    path = tmp_path / "db.json"
    path.write_text(json.dumps({"quotes": {"5": {"id": "a"}, "2": {"id": "b"}}}))
    db = SmaDB(path)
    try:
        ids = db.table("quotes").insert_multiple([{"id": c} for c in "cdef"])
        assert ids == [3, 4, 6, 7]
        assert sorted(d["id"] for d in db.table("quotes")) == list("abcdef")
    finally:
        db.close()
    assert sorted(json.loads(path.read_text())["quotes"], key=int) == ["2", "3", "4", "5", "6", "7"]
