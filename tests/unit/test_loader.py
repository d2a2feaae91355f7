"""The loader on hostile and careless input (issue 10): UTF-16 files, files that stat as
empty but never end, long runs that made regexes quadratic, control characters in file
names. Worst cases are generated (300 KB); the time guards are generous on purpose (the
quadratic versions took minutes): real timings are in ``benchmarks/bench_add.py``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sma_tui.cli.main import main
from sma_tui.ingest.loader import IngestError, escaped, load_bytes, load_path, normalise_text, read_bounded

STORY = "SEOUL (Harbor Line) -- The allies met again on Tuesday.\n\n“We are closer,” an official said.\n"
GUARD = 10.0  # seconds: catches a hang, never a slow machine


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(encoding: str) -> None:
    data = ("\ufeff" if encoding != "utf-16" and encoding != "utf-32" else "") + STORY
    loaded = load_bytes(data.encode(encoding), "a.txt")
    assert loaded.text == STORY and loaded.warnings == []


def test_a_utf16_saved_page_goes_through_the_extractor() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Allies meet again</title></head><body><nav>Home World</nav>"
        "<article><p>SEOUL (Harbor Line) -- The allies met again on Tuesday to discuss the cost of the troops.</p>"
        "<p>“We are closer,” an official said after the meeting ended in the evening.</p></article>"
        "<footer>© 2026 Harbor Line</footer></body></html>"
    )
    loaded = load_bytes(page.encode("utf-16"), "saved.html", html_input=True)
    assert loaded.text.startswith("SEOUL (Harbor Line)") and "©" not in loaded.text and "Home" not in loaded.text
    assert loaded.title == "Allies meet again"


def test_nul_bytes_without_a_bom_are_still_binary() -> None:
    with pytest.raises(IngestError, match="binary file"):
        load_bytes(b"ab\x00cd", "a.txt")


def test_the_read_is_bounded_whatever_stat_says(tmp_path: Path) -> None:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():  # stats as 0 bytes, reads as several KB
        assert cpuinfo.stat().st_size == 0
        assert read_bounded(cpuinfo, "cpuinfo")
        with pytest.raises(IngestError, match=r"cpuinfo: too large \(more than"):
            read_bounded(cpuinfo, "cpuinfo", limit=64)
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 65)
    with pytest.raises(IngestError, match="too large"):
        read_bounded(f, "a.txt", limit=64)
    assert read_bounded(f, "a.txt", limit=65) == b"x" * 65


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn(*args)
    assert time.perf_counter() - start < GUARD
    return out


def test_long_runs_of_spaces_are_linear() -> None:
    runs = 300_000
    assert _timed(normalise_text, "a" + " " * runs + "b\n") == "a" + " " * runs + "b\n"  # no newline ends the run
    assert _timed(normalise_text, "a" + " \t" * (runs // 2) + "\nb") == "a\nb\n"
    many = ("word" + " " * 999 + "\n") * 300
    assert _timed(normalise_text, many) == "word\n" * 299 + "word\n"


def test_unclosed_emphasis_is_linear() -> None:
    text = "**a " * 75_000  # 300 KB, no mark ever closes
    assert _timed(normalise_text, text) == text.rstrip() + "\n"
    text = "__a " * 75_000
    assert _timed(normalise_text, text) == text.rstrip() + "\n"
    assert (
        normalise_text("## Head\n\n**bold** and __this__, *one* and **a*b**")
        == "Head\n\nbold and this, *one* and a*b\n"
    )


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=" \t\n*_#ab“”", max_size=2000))
def test_normalise_keeps_the_words_and_drops_trailing_blanks(text: str) -> None:
    out = normalise_text(text)
    assert not any(line.endswith((" ", "\t")) for line in out.split("\n"))
    assert out.count("a") == text.count("a") and out.count("“") == text.count("“")


def test_control_characters_in_file_names_are_shown_escaped(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "a\x1b]0;pwned\x07\x9b2J.txt"
    evil.write_bytes(b"")
    latin = tmp_path / "b\x1b[2J.txt"
    latin.write_bytes("SEOUL (Harbor Line) -- Caf\xe9 owners near the base said business was slow.\n".encode("cp1252"))
    code = main(["add", "--db", str(store_path), str(evil), str(latin), str(tmp_path / "gone\x1b[31m.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert not [c for c in out + err if ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0], err
    assert "a\\x1b]0;pwned\\x07\\x9b2J.txt: empty file" in err
    assert "b\\x1b[2J.txt: not valid UTF-8" in err and "gone\\x1b[31m.txt: no such file" in err
    assert escaped("ok\tname\n") == "ok\\x09name\\x0a"
    with pytest.raises(IngestError, match=r"x\\x1b\.txt: no such file"):
        load_path(tmp_path / "x\x1b.txt")
