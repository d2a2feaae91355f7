"""Issue 10 end to end: hostile article text never reaches the terminal as control bytes
or markup, every wrong-typed record is one line, and no command loses the last good copy.

The hostile text is generated here from harmless parts (an OSC 52 clipboard write of
"hello", an OSC 0 title, a screen clear, BEL, a C1 CSI, Rich markup): no real payloads.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from sma_tui.cli.main import main
from sma_tui.safe_text import markup_literal
from sma_tui.storage.store import Store

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
OSC52 = f"{ESC}]52;c;aGVsbG8={ST}"  # would put "hello" on the clipboard
OSC0 = f"{ESC}]0;pwned{BEL}"  # would set the window title
CLEAR = f"{ESC}[2J"
C1 = "\x9b31m"  # a one-byte CSI
MARKUP = ("[bold red]", "[link=file:///etc/passwd]annex[/link]", "[@click=app.quit]z[/]")
HOSTILE_TITLE = f"Talks {OSC0}stall [bold red]again[/] {MARKUP[1]}"
ARTICLE = (
    f"{HOSTILE_TITLE}\n\n"
    "SEOUL, Nov. 19 (Yonhap) -- South Korea's chief negotiator Jeong Eun-bo said on Tuesday, "
    f'"We will {OSC52} never accept {MARKUP[2]} a {CLEAR} demand [/] of $5 billion{BEL} {C1}now."\n\n'
    f'"The {OSC0} talks were tough {MARKUP[0]}today[/]," Jeong said.\n'
)


def unsafe(text: str) -> list[str]:
    """Every C0 (but newline and tab), DEL and C1 character in ``text``."""
    return sorted({hex(ord(c)) for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F})


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("COLUMNS", "400")  # wide tables: markup-like text stays on one line

    def go(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return go


@pytest.fixture
def hostile_store(store_path: Path, tmp_path: Path, run: Run) -> Path:
    """The bundled store plus one hostile article added by ``sma-tui add``."""
    f = tmp_path / f"talks{ESC}[31m.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("add", "--db", str(store_path), "--date", "2019-11-19", str(f))
    assert code == 0, err
    assert unsafe(out + err) == [], out + err
    return store_path


# ------------------------------------------------------------------ terminal and markup
def test_add_stores_the_hostile_article_cleaned(hostile_store: Path) -> None:
    c = Store(hostile_store).load()
    article = next(a for a in c.articles.values() if "stall" in a.title)
    assert unsafe(article.title + article.body) == []
    assert "[bold red]again[/]" in article.title  # markup kept as text, to be shown literally
    quotes = c.quotes_in_article(article.id)
    assert len(quotes) == 2 and all(article.body[q.start : q.end] == q.text for q in quotes)
    assert any("[@click=app.quit]z[/]" in q.text and "[/]" in q.text for q in quotes)


COMMANDS = [
    ("quotes", "never"),
    ("quotes", "tough"),
    ("show", "article", "yonhap-2019-11-19"),
    ("show", "actor", "jeong-eun-bo"),
    ("show", "event", "round-3"),
    ("timeline",),
    ("actors",),
    ("articles",),
    ("figures",),
]


@pytest.mark.parametrize("fmt", ["table", "csv", "md", "json"])
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: "-".join(a))
def test_no_control_byte_and_markup_literal_in_any_format(
    hostile_store: Path, run: Run, argv: tuple[str, ...], fmt: str
) -> None:
    if argv[0] == "show":
        if fmt in ("csv", "md"):
            pytest.skip("show has table and JSON output only")
        extra = ["--json"] if fmt == "json" else []
    else:
        extra = ["--format", fmt]
    code, out, err = run(*argv, *extra, "--db", str(hostile_store))
    assert code == 0, err
    assert unsafe(out) == [] and unsafe(err) == [], (out, err)
    assert "\u202e" not in out
    if fmt == "json":
        json.loads(out)  # still valid JSON (escapes are lossless)
    if argv in (("quotes", "never"), ("show", "article", "yonhap-2019-11-19")):
        shown = json.loads(out) if fmt == "json" else out
        assert "[@click=app.quit]z[/]" in (json.dumps(shown, ensure_ascii=False) if fmt == "json" else shown)
    if argv == ("articles",) and fmt == "table":
        assert "[bold red]again[/]" in out and "[link=file:///etc/passwd]annex[/link]" in out


def test_a_store_written_by_hand_with_raw_controls_is_cleaned_on_load(store_path: Path, run: Run) -> None:
    """A store written before cleaning existed (or by hand): titles, names and a body with
    control characters are cleaned when read, and the spans still hold."""
    data = orjson.loads(store_path.read_bytes())
    store = Store(store_path)
    article = next(iter(data["articles"].values()))
    article["title"] = f"Round {OSC52} [/] {C1}"
    actor = next(a for a in data["actors"].values() if a["id"] == "jeong-eun-bo")
    actor["name"] = f"Jeong {CLEAR}Eun-bo\u202e"
    body_path = store._body_path(article["body_sha"])
    body = body_path.read_text(encoding="utf-8") + f"\nAppended {OSC0} line{BEL}.\n"
    import hashlib

    sha = hashlib.sha256(body.encode()).hexdigest()
    new = store._body_path(sha)
    new.parent.mkdir(parents=True, exist_ok=True)
    new.write_text(body, encoding="utf-8")
    article["body_sha"] = sha
    store_path.write_bytes(orjson.dumps(data))
    for argv in (["articles"], ["actors"], ["show", "article", article["id"]], ["quotes", "--format", "csv"]):
        code, out, err = run(*argv, "--db", str(store_path))
        assert code == 0, err
        assert unsafe(out + err) == [] and "\u202e" not in out, argv
    code, out, err = run("check", "--db", str(store_path))
    assert code == 0 and "check: ok" in out, out + err


def test_a_hostile_file_name_is_escaped_in_warnings(store_path: Path, tmp_path: Path, run: Run) -> None:
    f = tmp_path / f"x{ESC}]0;t{BEL}.txt"
    f.write_text("no quotes here at all\n", encoding="utf-8")
    code, out, err = run("add", "--db", str(store_path), "--dry-run", str(f))
    assert unsafe(out + err) == [] and "\\x1b" in out + err


def test_title_and_publisher_overrides_are_cleaned(store_path: Path, tmp_path: Path, run: Run) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE.replace("Talks", "Other talks"), encoding="utf-8")
    code, _, err = run(
        "add", "--db", str(store_path), "--title", f"T{OSC0}[b]", "--publisher", f"P{CLEAR}",
        "--date", "2019-11-20", str(f),  # fmt: skip
    )
    assert code == 0, err
    c = Store(store_path).load()
    a = next(a for a in c.articles.values() if a.title.startswith("T"))
    assert unsafe(a.title + a.publisher) == [] and a.title.endswith("[b]")


@given(st.text(alphabet=st.sampled_from(list("[]/\\@=$#ab x\x1b\x07"))))
def test_palette_help_is_literal_through_textual_markup(text: str) -> None:
    from sma_tui.core.safety.sanitize import clean

    assert Content.from_markup(markup_literal(text)).plain == clean(text)


# ------------------------------------------------------------------ wrong-typed records
def _first(data: dict[str, Any], table: str, pred: Callable[[dict[str, Any]], bool] = lambda r: True) -> dict[str, Any]:
    return next(r for r in data[table].values() if isinstance(r, dict) and pred(r))


def _set(table: str, field: str, value: Any, pred: Callable[[dict[str, Any]], bool] = lambda r: True) -> Any:
    def edit(data: dict[str, Any]) -> None:
        _first(data, table, pred)[field] = value

    return edit


def _replace_row(table: str, value: Any) -> Any:
    def edit(data: dict[str, Any]) -> None:
        key = next(iter(data[table]))
        data[table][key] = value

    return edit


BAD_RECORDS = {
    "quote start a string": (_set("quotes", "start", "12"), "quotes/", "'start'"),
    "figure value null": (_set("figures", "value", None), "figures/", "'value'"),
    "figure value a string": (_set("figures", "value", "5 billion"), "figures/", "'value'"),
    "figure value absurd": (_set("figures", "value", 1e300), "figures/", "'value'"),
    "quote row a list": (_replace_row("quotes", ["a", "b"]), "quotes/#1", "a list"),
    "quote row null": (_replace_row("quotes", None), "quotes/#1", "null"),
    "actor aliases null": (_set("actors", "aliases", None), "actors/", "'aliases'"),
    "event start null": (_set("events", "start", None), "events/", "'start'"),
    "meta row a list": (_replace_row("meta", [1, 2]), "meta/#1", "a list"),
    "article title 42": (_set("articles", "title", 42), "articles/", "'title'"),
    "event number 'one'": (_set("events", "number", "one", lambda r: r.get("kind") == "round"), "events/", "'number'"),
    "body_sha a path": (_set("articles", "body_sha", "../../secret"), "articles/", "'body_sha'"),
}


def _break(store_path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    data = orjson.loads(store_path.read_bytes())
    edit(data)
    store_path.write_bytes(orjson.dumps(data))


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_every_wrong_typed_record_is_one_line_from_check_and_every_command(
    store_path: Path, run: Run, case: str
) -> None:
    edit, table, field = BAD_RECORDS[case]
    _break(store_path, edit)
    code, out, err = run("check", "--db", str(store_path))
    assert code == 1, out + err
    assert "internal error" not in out + err and "Traceback" not in out + err
    first = out.splitlines()[0]
    assert first.startswith(table) and field in first, out
    for argv in (["timeline"], ["figures"], ["quotes"], ["actors", "--json"], ["show", "article", "breitbart"]):
        code, out, err = run(*argv, "--db", str(store_path))
        assert code == 1 and out == "", (argv, out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "internal error" not in err, (argv, err)
        assert "does not load cleanly" in err and "sma-tui check" in err, err


def test_an_infinite_number_in_the_file_is_a_corrupt_store_in_one_line(store_path: Path, run: Run) -> None:
    raw = store_path.read_bytes()
    i = raw.index(b'"value":') + len(b'"value":')
    j = min(raw.index(b",", i), raw.index(b"}", i))
    store_path.write_bytes(raw[:i] + b"1e400" + raw[j:])
    for argv in (["check"], ["figures"]):
        code, out, err = run(*argv, "--db", str(store_path))
        assert code == 1 and len(err.strip().splitlines()) == 1 and "corrupt" in err, err


def test_body_sha_outside_the_bodies_folder_is_never_read(store_path: Path, tmp_path: Path, run: Run) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET\n", encoding="utf-8")
    _break(store_path, _set("articles", "body_sha", "../../secret"))
    code, out, err = run("show", "article", "breitbart", "--db", str(store_path))
    assert code == 1 and "TOP SECRET" not in out + err


# ------------------------------------------------------------------ never lose the last good copy
def _with_backup(store_path: Path) -> bytes:
    """Make ``.bak`` a known good copy (as any write would), and return its bytes."""
    bak = store_path.with_name(store_path.name + ".bak")
    bak.write_bytes(store_path.read_bytes())
    return bak.read_bytes()


def test_corrupt_store_message_restores_first_and_build_force_keeps_bak(store_path: Path, run: Run) -> None:
    good = _with_backup(store_path)
    store_path.write_bytes(b'{"meta": {"1": ')  # a truncated write
    code, _, err = run("quotes", "--db", str(store_path))
    assert code == 1 and len(err.strip().splitlines()) == 1
    restore = f"cp {store_path}.bak {store_path}"
    assert restore in err and err.index(restore) < err.index("build --force"), err
    code, out, err = run("build", "--force", "--db", str(store_path))
    assert code == 0, err
    assert store_path.with_name(store_path.name + ".bak").read_bytes() == good
    aside = list(store_path.parent.glob(f"{store_path.name}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b'{"meta": {"1": '
    assert run("check", "--db", str(store_path))[0] == 0


def test_build_force_on_a_store_with_a_bad_record_keeps_bak(store_path: Path, run: Run) -> None:
    good = _with_backup(store_path)
    _break(store_path, _set("quotes", "start", "x"))
    assert run("build", "--force", "--db", str(store_path))[0] == 0
    assert store_path.with_name(store_path.name + ".bak").read_bytes() == good
    assert list(store_path.parent.glob(f"{store_path.name}.corrupt-*"))


def test_add_refuses_a_store_that_does_not_load_cleanly(store_path: Path, tmp_path: Path, run: Run) -> None:
    good = _with_backup(store_path)
    _break(store_path, _set("figures", "value", None))
    before = store_path.read_bytes()
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("add", "--db", str(store_path), str(f))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "does not load cleanly" in err, err
    assert store_path.read_bytes() == before
    assert store_path.with_name(store_path.name + ".bak").read_bytes() == good


def test_a_symlinked_store_keeps_its_link(store_path: Path, tmp_path: Path, run: Run) -> None:
    link = tmp_path / "elsewhere" / "link.json"
    link.parent.mkdir()
    link.symlink_to(store_path)
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("add", "--db", str(link), "--date", "2019-11-19", str(f))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == store_path.resolve()
    assert "yonhap-2019-11-19" in Store(store_path).load().articles  # the target got the article
    assert store_path.with_name(store_path.name + ".lock").exists()  # the lock sits by the target
    assert not (link.parent / "link.json.lock").exists()


def test_a_read_only_store_is_respected(store_path: Path, tmp_path: Path, run: Run) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    before = store_path.read_bytes()
    store_path.chmod(0o444)
    try:
        code, _, err = run("add", "--db", str(store_path), str(f))
        assert code == 1 and len(err.strip().splitlines()) == 1 and "read-only" in err, err
        assert run("build", "--force", "--db", str(store_path))[0] == 1
        assert store_path.read_bytes() == before
        assert run("quotes", "--db", str(store_path))[0] == 0  # reading it is fine
    finally:
        store_path.chmod(0o644)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_lock_that_cannot_be_created_fails_at_once(tmp_path: Path, run: Run) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    t = time.monotonic()
    code, _, err = run("add", "--db", "/proc/x.json", str(f))
    assert code == 1 and time.monotonic() - t < 5
    assert "cannot lock" in err and "another sma-tui process" not in err, err


def test_an_impossible_date_in_a_query_is_a_usage_error(store_path: Path, run: Run) -> None:
    code, out, err = run("quotes", "after:2020-02-30", "--db", str(store_path))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "2020-02-30" in err
    assert run("quotes", "after:2020-02-29", "--db", str(store_path))[0] == 0


def test_an_absurd_number_never_breaks_the_store(store_path: Path, tmp_path: Path, run: Run) -> None:
    f = tmp_path / "a.txt"
    digits = "9" * 400
    f.write_text(
        f"Cost talks\n\nSEOUL (Yonhap) -- Washington asked for ${digits} on Tuesday, "
        'an official said. "We will not pay $5 billion," Jeong Eun-bo said.\n',
        encoding="utf-8",
    )
    code, _, err = run("add", "--db", str(store_path), "--date", "2019-11-19", str(f))
    assert code == 0, err
    for argv in (["check"], ["figures"], ["figures", "--json"]):
        code, out, err = run(*argv, "--db", str(store_path))
        assert code == 0 and "internal error" not in err, (argv, err)


def test_stamp_of_a_copied_store_differs(store_path: Path, tmp_path: Path) -> None:
    """The overview sidecar is keyed by inode, mtime and size: a copied store never matches
    the stamp of the file it was copied from (what a skip of validation would rely on)."""
    copy = tmp_path / "copy.json"
    copy.write_bytes(store_path.read_bytes())
    os.utime(copy, ns=(store_path.stat().st_atime_ns, store_path.stat().st_mtime_ns))
    assert Store(copy).stamp() != Store(store_path).stamp()


# ------------------------------------------------------------------ validation trusted only for own writes
def test_a_store_sma_tui_wrote_skips_validation_but_an_edit_in_place_does_not(store_path: Path, run: Run) -> None:
    from sma_tui import services

    services.load(store_path)  # validates once, stamps the sidecar
    trusted = Store(store_path)
    trusted.load()
    assert not trusted.validated_now  # this exact version was validated: skipped
    import re

    raw = store_path.read_bytes()
    m = re.search(rb'"start":([0-9]{2,})', raw)  # a quote's span start
    assert m is not None
    i, j = m.span(1)
    bad = b'"' + b"1" * (j - i - 2) + b'"'  # same length: the size does not change
    st = store_path.stat()
    with store_path.open("r+b") as fh:  # an edit in place: same inode
        fh.seek(i)
        fh.write(bad)
    os.utime(store_path, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the mtime put back
    assert Store(store_path).stamp() == (st.st_ino, st.st_mtime_ns, st.st_size)
    code, out, err = run("quotes", "--db", str(store_path))
    assert code == 1 and "does not load cleanly" in err and "'start'" in err, err  # the ctime moved: validated


def test_a_copied_store_with_its_sidecar_is_validated(store_path: Path, tmp_path: Path) -> None:
    from sma_tui import services

    services.load(store_path)
    dest = tmp_path / "copy" / "store.json"
    dest.parent.mkdir()
    import shutil

    shutil.copy2(store_path, dest)
    shutil.copy2(Store(store_path).overview_path, Store(dest).overview_path)
    shutil.copytree(Store(store_path).bodies_dir, Store(dest).bodies_dir)
    copy = Store(dest)
    copy.load()
    assert copy.validated_now


def test_every_figure_the_extractor_keeps_is_one_the_schema_accepts() -> None:
    from sma_tui.core.safety.kinds import MAX_FIGURE_VALUE
    from sma_tui.ingest import figures

    assert figures._MAX_VALUE <= MAX_FIGURE_VALUE


def test_a_huge_but_finite_figure_is_stored(store_path: Path, tmp_path: Path, run: Run) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        "Cost talks\n\nSEOUL (Yonhap) -- Washington wants $9,000 trillion for the alliance, "
        'an official said on Tuesday. "We will not pay $5 billion," Jeong Eun-bo said.\n',
        encoding="utf-8",
    )
    code, _, err = run("add", "--db", str(store_path), "--date", "2019-11-19", str(f))
    assert code == 0, err
    assert run("check", "--db", str(store_path))[0] == 0


def test_release_memory_frees_a_frozen_cycle() -> None:
    """The reload leak: a corpus frozen by ``gc.freeze`` after its load, then dropped while
    part of a reference cycle, is never collected until it is unfrozen."""
    import gc
    import weakref

    from sma_tui import services

    class Node:
        pass

    node = Node()
    node.me = node  # type: ignore[attr-defined]
    ref = weakref.ref(node)
    gc.freeze()
    del node
    gc.collect()
    assert ref() is not None  # frozen: the collector does not see it
    services.release_memory()
    assert ref() is None
    assert gc.get_freeze_count() > 0  # what is alive now is frozen again
    gc.unfreeze()
