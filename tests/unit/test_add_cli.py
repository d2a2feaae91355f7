"""``sma-tui add``: dry run, dedupe, bad files, JSON, and ``check`` green afterwards."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sma_tui.cli.main import main
from sma_tui.storage.store import Store

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_writes_nothing(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = store_path.read_bytes()
    code, out, _ = _run(
        capsys, "add", "--db", str(store_path), "--dry-run", str(ARTICLES / "yonhap-2019-12-18-round5.txt")
    )
    assert code == 0 and "would add yonhap-2019-12-18" in out and "Jeong Eun-bo" in out
    assert store_path.read_bytes() == before


def test_add_folder_then_check_is_green_and_again_is_deduped(store_path: Path, capsys) -> None:
    code, out, err = _run(capsys, "add", "--db", str(store_path), "--json", str(ARTICLES))
    assert code == 0, err
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["added"] * 5
    c = Store(store_path).load()
    assert len(c.articles) == 10
    assert all(c.articles[r["article"]["id"]].body for r in rows)
    assert c.get_actor("Kim Jong-dae").side_guessed  # a new speaker: side guessed from the text
    assert not c.get_actor("Kang Kyung-wha").side_guessed  # a curated actor since the dossier names her
    code, out, err = _run(capsys, "check", "--db", str(store_path))
    assert code == 0 and "check: ok" in out, out + err
    before = store_path.read_bytes()
    code, out, _ = _run(capsys, "add", "--db", str(store_path), str(ARTICLES / "ap-2020-04-21-trump-rejects.txt"))
    assert code == 0 and "already in the store as ap-undated; nothing added" in out
    assert store_path.read_bytes() == before


def test_same_text_saved_differently_is_a_duplicate(store_path: Path, tmp_path: Path, capsys) -> None:
    body = (ARTICLES / "reuters-2020-04-01-furlough.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.md"
    copy.write_text(body.replace("\n", "\r\n").replace("“", '"').replace("”", '"'), encoding="utf-8")
    code, out, _ = _run(
        capsys, "add", "--db", str(store_path), "--json", str(ARTICLES / "reuters-2020-04-01-furlough.txt"), str(copy)
    )
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["added", "duplicate"] and rows[1]["duplicate_of"] == rows[0]["article"]["id"]


def test_bad_files_fail_one_line_each_and_the_others_are_added(store_path: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (5 * 1024 * 1024 + 10))
    good = tmp_path / "good.html"
    good.write_text(
        "<html><head><title>Talks</title><script>alert('\"x\"')</script></head><body>"
        "<p>SEOUL (Reuters) - Seoul and Washington resumed talks.</p>"
        '<p>"We are close to a deal," Jeong Eun-bo told reporters on Tuesday.</p></body></html>',
        encoding="utf-8",
    )
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    paths = [tmp_path / "empty.txt", tmp_path / "binary.txt", big, tmp_path / "missing.txt", fifo, good]
    code, out, err = _run(capsys, "add", "--db", str(store_path), "--date", "2020-03-17", *map(str, paths))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("sma-tui: error:")]
    assert len(errors) == 5 and all(len(e) < 200 for e in errors)
    assert f"sma-tui: error: {fifo}: not a regular file" in errors
    c = Store(store_path).load()
    (added,) = [a for a in c.articles.values() if a.source == str(good)]
    assert added.id == "reuters-2020-03-17" and added.event == "round-7"
    (q,) = c.quotes_in_article(added.id)
    assert (q.text, q.speaker) == ("We are close to a deal", "jeong-eun-bo")
    assert main(["check", "--db", str(store_path)]) == 0


def test_bad_date_is_a_usage_error(store_path: Path, capsys) -> None:
    code, _, err = _run(capsys, "add", "--db", str(store_path), "--date", "2020-13-01", str(ARTICLES))
    assert code == 2 and "--date" in err


def test_an_add_that_raced_another_is_refiled_or_deduped(store_path: Path, tmp_path: Path) -> None:
    """Another ``add`` wrote between our extraction and our write: our article whose id it
    took is refiled under the next free id (claims and all); the one it added is a duplicate."""
    from sma_tui.ingest.batch import apply_to_tables, prepare
    from sma_tui.services import check_store

    store = Store(store_path)
    stale = store.load()
    body = (ARTICLES / "yonhap-2019-12-18-round5.txt").read_text(encoding="utf-8")
    theirs, ours = tmp_path / "theirs.txt", tmp_path / "ours.txt"
    theirs.write_text(body, encoding="utf-8")
    ours.write_text(body + '\n"One more thing," Jeong said.\n', encoding="utf-8")

    other = prepare([theirs], store.load(), {}, dry_run=False)  # the other process
    store.update(lambda tables: apply_to_tables(tables, other.items))
    taken = other.items[0].extraction.article.id

    batch = prepare([ours, theirs], stale, {}, dry_run=False)  # extracted before that write
    assert batch.items[0].extraction.article.id == taken
    store.update(lambda tables: apply_to_tables(tables, batch.items))

    refiled, dup = batch.items
    assert refiled.status == "added" and refiled.extraction.article.id == f"{taken}-2"
    assert (dup.status, dup.duplicate_of, dup.extraction) == ("duplicate", taken, None)
    c = store.load()
    assert len(c.articles) == len(stale.articles) + 2
    quotes = c.quotes_in_article(f"{taken}-2")
    assert "One more thing" in [q.text for q in quotes]
    assert all(q.id.startswith(f"{taken}-2/") and q.article == f"{taken}-2" for q in quotes)
    assert check_store(store) == []


def test_add_leaves_an_overview_of_the_store_it_wrote(store_path: Path, capsys) -> None:
    """So that the app's next start paints the main screen without reading the corpus first."""
    from sma_tui.core.overview import Overview

    assert main(["add", "--db", str(store_path), str(ARTICLES)]) == 0
    store = Store(store_path)
    overview = store.read_overview(store.stamp())
    assert overview is not None and overview == Overview.of(store.load())
    assert overview.counts["articles"] == 10


def test_a_read_only_store_location_is_one_line_and_loses_nothing(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """As root (CI) permissions are not enforced, so the refusal is simulated where the
    store writes: creating its temporary file beside the JSON."""
    import errno
    import tempfile

    before = store_path.read_bytes()
    real_mkstemp = tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):  # noqa: A002 - mkstemp's own name
        if Path(dir) == store_path.parent:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, out, err = _run(capsys, "add", "--db", str(store_path), str(ARTICLES / "yonhap-2021-03-08-deal.txt"))
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1, err
    assert lines[0].startswith(f"sma-tui: error: cannot write to {store_path.parent}: Read-only file system")
    assert "--db PATH or SMA_TUI_DB" in lines[0]
    assert store_path.read_bytes() == before and Store(store_path).load().counts()["articles"] == 5


def test_an_add_dedupes_against_the_article_records_as_against_the_articles(store_path: Path) -> None:
    """``sma-tui add`` builds no Article for the stored ones (issue 16): the fingerprints,
    URLs and ids it dedupes against, read from the records, are the articles' own, a record
    without a fingerprint (written by hand) included."""
    from sma_tui.ingest.batch import _known

    store = Store(store_path)
    tables = store.read_tables()
    tables["articles"][0].pop("fingerprint")
    tables["articles"][1]["url"] = "https://example.com/news/1?utm_source=x"
    from_articles = _known(store.corpus_of(tables, claims=()), None)
    from_records = _known(store.corpus_of(tables, claims=(), articles=False), tables["articles"])
    assert from_records == from_articles and len(from_records[2]) == len(tables["articles"])
