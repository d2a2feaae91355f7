"""The safety core of issue 10: control characters never survive, markup is never
interpreted, and every record of the wrong shape is named in one line."""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.errors import MarkupError
from rich.text import Text

from sma_tui.core.safety.plain import csv_cell, md_cell
from sma_tui.core.safety.sanitize import REPLACEMENT, clean, clean_record, is_clean, json_may_hold_unsafe, one_line
from sma_tui.core.safety.schema import MAX_FIGURE_VALUE, SPECS, is_iso_date, validate, validate_table, validate_tables
from sma_tui.safe_text import plain, plain_line

UNSAFE = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
UNSAFE += [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
PAYLOADS = [
    "\x1b]52;c;SGVsbG8gY2xpcGJvYXJk\x1b\\",  # OSC 52: write the clipboard, ESC \ terminator
    "\x1b]52;c;cHduZWQ=\x07",  # OSC 52, BEL terminator
    "\x1b]0;pwned title\x07",  # OSC 0: window title
    "\x1b[2J\x1b[H",  # CSI 2J: clear the screen
    "\x9b2J",  # the same through the C1 CSI
    "\x9d0;c1 title\x9c",  # C1 OSC ... ST
    "\x07\x08\r\x0b\x0c\x00\x7f",
    "\u202eevil\u202c \u2067isolate\u2069",  # bidi override and isolate
]
# Text as an article may hold it: ordinary words (with Korean and typography), payloads, controls.
chunks = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(PAYLOADS),
    st.sampled_from(UNSAFE),
    st.sampled_from(["\n", "\t", "“quoted”", "방위비 분담금", "é", "\u00a0", "\\"]),
)
hostile = st.lists(chunks, max_size=12).map("".join)


def unsafe_left(text: str) -> list[str]:
    return [c for c in text if c in UNSAFE]


# ------------------------------------------------------------------ clean
@given(hostile)
def test_clean_leaves_no_control_character_and_keeps_the_length(text: str) -> None:
    out = clean(text)
    assert unsafe_left(out) == []
    assert len(out) == len(text)
    data = out.encode("utf-8")
    assert not any(b < 0x20 and b not in (0x09, 0x0A) for b in data) and 0x7F not in data
    assert not any(0x80 <= ord(c) <= 0x9F for c in out)  # no C1 code point (its UTF-8 is c2 80..c2 9f)
    for before, after in zip(text, out, strict=True):
        assert after == (REPLACEMENT if before in UNSAFE else before)
    assert clean(out) == out and is_clean(out)
    assert is_clean(text) == (unsafe_left(text) == [])


@given(hostile, st.data())
def test_clean_keeps_every_span(body: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body)))
    end = data.draw(st.integers(start, len(body)))
    assert clean(body)[start:end] == clean(body[start:end])


def test_clean_keeps_ordinary_text_as_the_same_object() -> None:
    text = "“We will,” Jeong Eun-bo said.\n\t정은보 — 13% of $5 billion"
    assert clean(text) is text


def test_clean_record_keeps_spans_into_a_cleaned_body() -> None:
    body = 'SEOUL (Yonhap) -- \x1b]0;x\x07 "We \x1b[2Jwant a fair deal," he said.\u202e'
    quote_text = "We \x1b[2Jwant a fair deal,"
    start = body.index(quote_text)
    article = {"id": "a1", "title": "Talks\x9b2J", "publisher": "Yonhap", "body": body}
    quote = {"id": "a1/q1", "article": "a1", "start": start, "end": start + len(quote_text), "text": quote_text}
    a, q = clean_record("articles", article), clean_record("quotes", quote)
    assert a["body"][q["start"] : q["end"]] == q["text"]
    assert unsafe_left(a["body"] + a["title"] + q["text"]) == []
    assert article["body"] == body  # the input is not changed
    actor = {"id": "x", "name": "N", "side": "US", "aliases": ["ok", "bad\x1b]52;c;eA==\x07"], "side_guessed": True}
    cleaned = clean_record("actors", actor)
    assert cleaned["aliases"] == ["ok", f"bad{REPLACEMENT}]52;c;eA=={REPLACEMENT}"]
    assert cleaned["side_guessed"] is True
    sound = {"id": "a1/q2", "start": 1, "end": 4, "text": "fine"}
    assert clean_record("quotes", sound) is sound


@given(hostile)
def test_one_line_is_one_safe_line(text: str) -> None:
    out = one_line(text)
    assert "\n" not in out and "\t" not in out and unsafe_left(out) == []


def test_one_line_shows_a_file_name_escaped() -> None:
    assert one_line("news\n\x1b]0;t\x07.txt") == f"news\\n{REPLACEMENT}]0;t{REPLACEMENT}.txt"
    assert one_line("x" * 10, limit=5) == "xxxx…"


# ------------------------------------------------------------------ the store's fast scan
@pytest.mark.parametrize("char", UNSAFE)
def test_the_json_scan_sees_every_unsafe_character(char: str) -> None:
    record = {"quotes": {"1": {"id": "q", "text": f"a{char}b"}}}
    assert json_may_hold_unsafe(orjson.dumps(record))
    assert json_may_hold_unsafe(json.dumps(record).encode())
    assert json_may_hold_unsafe(json.dumps(record, ensure_ascii=False).encode())
    assert json_may_hold_unsafe(f"a{char}b".encode())  # a body file


@given(hostile.map(lambda t: clean(t).replace("\\", "/")))
def test_the_json_scan_passes_clean_text(text: str) -> None:
    assert not json_may_hold_unsafe(orjson.dumps({"t": text}))
    assert not json_may_hold_unsafe(text.encode())


# ------------------------------------------------------------------ rendering
MARKUP = [
    "[bold red]x",
    "[link=file:///etc/passwd]annex[/link]",
    "[@click=app.quit]z[/]",
    "[/]",
    "[@click=app.screenshot('x.svg','/tmp')]shot[/]",
    ":warning: [i]not italic[/i]",
]


def rendered(renderable: Any) -> str:
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=200, emoji=False).print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("text", MARKUP)
def test_plain_prints_markup_literally(text: str) -> None:
    out = rendered(plain(text))
    assert out == text + "\n"  # the exact characters: no style, no hyperlink (OSC 8), no click
    assert "\x1b" not in out


def test_the_same_strings_as_markup_would_not_print_literally() -> None:
    """What plain() prevents (so the test above can fail): Rich parses a str."""
    assert "\x1b[1;31m" in rendered("[bold red]x")
    assert "\x1b]8;" in rendered("[link=file:///etc/passwd]annex[/link]")
    with pytest.raises(MarkupError):
        Text.from_markup("[/]")


@given(hostile)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_plain_never_lets_a_control_character_through(text: str) -> None:
    out = rendered(plain(text))
    assert unsafe_left(out) == []
    assert "\x1b" not in rendered(plain_line(text))


def test_markdown_cells_stay_in_their_cell() -> None:
    assert md_cell("a|b\nc\r\x1b[2J") == f"a\\|b c {REPLACEMENT}[2J"
    assert md_cell("ends in \\|") == "ends in \\\\\\|"  # escaped backslash, then escaped pipe


@given(hostile)
def test_export_cells_hold_no_control_character(text: str) -> None:
    md = md_cell(text)
    assert unsafe_left(md) == [] and "\n" not in md and "\r" not in md
    assert md.replace("\\\\", "").replace("\\|", "").count("|") == 0
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([csv_cell(text), "next"])
    assert unsafe_left(buf.getvalue()) == []
    assert next(csv.reader(io.StringIO(buf.getvalue()))) == [clean(text), "next"]


# ------------------------------------------------------------------ schema
SHA = "ab" * 32
GOOD: dict[str, dict[str, Any]] = {
    "meta": {"schema": 3, "app_version": "0.1.0", "updated": "2026-01-01T00:00:00+00:00", "corpus": "bundled"},
    "articles": {"id": "a1", "title": "T", "publisher": "P", "body_sha": SHA, "date": "2019-11-19"},
    "events": {
        "id": "round-3",
        "kind": "round",
        "title": "Round 3",
        "start": "2019-11-18",
        "end": "2019-11-19",
        "number": 3,
        "negotiators": ["jeong-eun-bo"],
        "sources": ["public: MOFA"],
    },
    "actors": {"id": "a1", "name": "N", "side": "ROK", "aliases": ["x"], "side_guessed": True},
    "quotes": {"id": "breitbart-2019-11-19/q3", "article": "a1", "start": 0, "end": 4, "text": "abcd"},
    "figures": {"id": "f1", "article": "a1", "start": 0, "end": 4, "text": "$5bn", "value": 5e9, "unit": "USD"},
    "measures": {"id": "m1", "label": "L", "money": True},
    "corrections": {"id": "c1", "kind": "quote", "op": "reject", "target": {"fingerprint": "ab12cd34", "start": 0,
                    "end": 1, "text": "x"}, "after": {"rejected": True}, "created": "2026-01-01T00:00:00+00:00",
                    "note": "", "undone": None},  # fmt: skip
}


def other(table: str) -> dict[str, Any]:
    """A second good record of ``table`` (another id: an id may appear once)."""
    return {**GOOD[table], "id": "other"} if table != "meta" else GOOD[table]


def test_the_good_records_are_good() -> None:
    for table, record in GOOD.items():
        assert validate(table, "x", record) == []
        assert validate_table(table, [record] * 1) == []


@pytest.mark.parametrize(
    ("table", "changes", "message"),
    [
        ("quotes", {"start": "12"}, "quotes/breitbart-2019-11-19/q3: field 'start' must be an integer, got a string"),
        ("quotes", {"end": True}, "quotes/breitbart-2019-11-19/q3: field 'end' must be an integer, got a boolean"),
        ("quotes", {"start": -1}, "quotes/breitbart-2019-11-19/q3: field 'start' must not be negative, got -1"),
        (
            "quotes",
            {"kind": None},
            "quotes/breitbart-2019-11-19/q3: field 'kind' must be one of full, partial, block, got null",
        ),
        (
            "quotes",
            {"date": "2020-02-30"},
            "quotes/breitbart-2019-11-19/q3: field 'date' must be a real date YYYY-MM-DD, got '2020-02-30'",
        ),
        ("figures", {"value": None}, "figures/f1: field 'value' must be a number, got null"),
        ("figures", {"value": "870"}, "figures/f1: field 'value' must be a number, got a string"),
        ("figures", {"value": math.inf}, "figures/f1: field 'value' must be a finite number, got inf"),
        ("figures", {"value": float("1e400")}, "figures/f1: field 'value' must be a finite number, got inf"),
        ("figures", {"value": math.nan}, "figures/f1: field 'value' must be a finite number, got nan"),
        (
            "figures",
            {"value": 10**399},
            "figures/f1: field 'value' must be a number between -1e+16 and 1e+16, got a 400-digit integer",
        ),
        (
            "figures",
            {"value": -2e16},
            "figures/f1: field 'value' must be a number between -1e+16 and 1e+16, got -2e+16",
        ),
        (
            "figures",
            {"unit": "EUR"},
            "figures/f1: field 'unit' must be one of USD, KRW, percent, multiple, troops, people, got 'EUR'",
        ),
        ("actors", {"aliases": None}, "actors/a1: field 'aliases' must be a list of strings, got null"),
        (
            "actors",
            {"aliases": ["x", 3]},
            "actors/a1: field 'aliases' must be a list of strings, got a list holding an integer",
        ),
        ("actors", {"side": "KR"}, "actors/a1: field 'side' must be one of US, ROK, other, unknown, got 'KR'"),
        ("events", {"start": None}, "events/round-3: field 'start' must be a date YYYY-MM-DD, got null"),
        ("events", {"number": "one"}, "events/round-3: field 'number' must be an integer, got a string"),
        ("articles", {"title": 42}, "articles/a1: field 'title' must be a string, got an integer"),
        (
            "articles",
            {"body_sha": "../../secret"},
            "articles/a1: field 'body_sha' must be a 64-character hex digest, got '../../secret'",
        ),
        (
            "articles",
            {"body_sha": SHA.upper()},
            f"articles/a1: field 'body_sha' must be a 64-character hex digest, got '{SHA.upper()[:39]}…'",
        ),
        ("articles", {"body_sha": None}, "articles/a1: field 'body_sha' is missing"),
        ("articles", {"date_inferred": 1}, "articles/a1: field 'date_inferred' must be a boolean, got an integer"),
        ("measures", {"label": ["L"]}, "measures/m1: field 'label' must be a string, got a list"),
        ("meta", {"schema": "3"}, "meta/#1: field 'schema' must be an integer, got a string"),
        ("quotes", {"id": 7}, "quotes/#2: field 'id' must be a string, got an integer"),
    ],
)
def test_each_wrong_record_is_one_line_naming_table_record_and_field(
    table: str, changes: dict[str, Any], message: str
) -> None:
    record = copy.deepcopy(GOOD[table])
    record.update(changes)
    rows = [record] if table == "meta" else [other(table), record]  # the store has one meta row
    assert [str(p) for p in validate_table(table, rows)] == [message]


def test_a_missing_required_field_is_named() -> None:
    record = {k: v for k, v in GOOD["quotes"].items() if k != "start"}
    assert [str(p) for p in validate_table("quotes", [record])] == [
        "quotes/breitbart-2019-11-19/q3: field 'start' is missing"
    ]


@pytest.mark.parametrize(("row", "what"), [([1, 2], "a list"), (None, "null"), ("q", "a string"), (3, "an integer")])
def test_a_row_that_is_not_an_object_is_a_problem(row: Any, what: str) -> None:
    assert [str(p) for p in validate_table("quotes", [other("quotes"), row])] == [
        f"quotes/#2: the record is {what}, not an object"
    ]
    assert [str(p) for p in validate_table("meta", [row])] == [f"meta/#1: the record is {what}, not an object"]


def test_duplicate_ids_and_hostile_ids_in_messages() -> None:
    assert [str(p) for p in validate_table("measures", [GOOD["measures"]] * 2)] == [
        "measures/m1: the id appears 2 times"
    ]
    bad = {**GOOD["measures"], "id": "m\x1b]0;t\x07\n", "label": 1}
    (line,) = map(str, validate_table("measures", [bad]))
    assert line == f"measures/m{REPLACEMENT}]0;t{REPLACEMENT}\\n: field 'label' must be a string, got an integer"


def test_calendar_dates() -> None:
    assert is_iso_date("2020-02-29") and is_iso_date("2019-12-31")
    for bad in ("2020-02-30", "2019-02-29", "2020-13-01", "2020-W01-1", "20200102", "2020-1-02", "٢٠٢٠-01-01", ""):
        assert not is_iso_date(bad), bad


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=5)
    | st.sampled_from(["2020-02-30", SHA]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=4,
)


@given(st.sampled_from(sorted(SPECS)), st.data())
@settings(max_examples=300)
def test_the_fast_table_check_never_passes_what_the_record_check_rejects(table: str, data: st.DataObject) -> None:
    """validate_table's column pass is only a shortcut: whatever it lets through, the
    record-by-record check must find nothing in either."""
    rows: list[Any] = []
    for i in range(data.draw(st.integers(1, 4))):
        record = copy.deepcopy(GOOD[table])
        record["id"] = f"r{i}"
        for name in data.draw(st.lists(st.sampled_from([f.name for f in SPECS[table].fields]), max_size=2)):
            if data.draw(st.booleans()):
                record[name] = data.draw(JSON_VALUES)
            else:
                record.pop(name, None)
        rows.append(record if data.draw(st.integers(0, 9)) else data.draw(JSON_VALUES))
    slow = [str(p) for i, row in enumerate(rows, 1) for p in validate(table, _label(row, i), row)]
    fast = [str(p) for p in validate_table(table, rows) if not str(p).endswith("times")]
    assert fast == slow


def _label(row: Any, position: int) -> str:
    rid = row.get("id") if isinstance(row, dict) else None
    return rid if isinstance(rid, str) and rid else f"#{position}"


def test_figure_bounds_are_inclusive() -> None:
    assert validate("figures", "f", {**GOOD["figures"], "value": MAX_FIGURE_VALUE}) == []
    assert validate("figures", "f", {**GOOD["figures"], "value": 10**15}) == []
    assert validate("figures", "f", {**GOOD["figures"], "value": -(10**15)}) == []


# ------------------------------------------------------------------ real stores pass
def test_every_record_of_the_bundled_store_is_valid(tmp_path: Path) -> None:
    from sma_tui.bundled.build import build_store
    from sma_tui.storage.store import Store

    store = Store(tmp_path / "store.json")
    build_store(store)
    tables = store.read_tables()
    assert sum(map(len, tables.values())) > 50 and tables["quotes"] and tables["figures"]
    assert validate_tables(tables) == []
    raw = store.path.read_bytes()
    assert not json_may_hold_unsafe(raw)
    assert all(is_clean(a.body) for a in store.load().articles.values())


def test_every_record_of_the_synthetic_corpus_is_valid(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from synth import generate

    from sma_tui.bundled.build import write_corpus
    from sma_tui.storage.store import Store

    corpus, _ = generate(40, quotes_per=4, figures_per=3, n_speakers=12)
    store = Store(tmp_path / "synth.json")
    write_corpus(store, corpus, {"corpus": "synthetic"})
    tables = store.read_tables()
    assert len(tables["quotes"]) >= 100
    assert validate_tables(tables) == []


@given(st.lists(hostile, max_size=4))
def test_json_output_is_lossless_and_inert(texts: list[str]) -> None:
    from sma_tui.core.safety.plain import json_text

    out = json_text(json.dumps({"rows": texts}, ensure_ascii=False, indent=2))
    assert unsafe_left(out) == []
    assert json.loads(out) == {"rows": texts}


def test_the_safety_core_imports_no_ui_and_no_storage() -> None:
    import subprocess

    code = (
        "import sys\n"
        "import sma_tui.core.safety.sanitize, sma_tui.core.safety.schema\n"
        "import sma_tui.core.safety.plain\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tinydb'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_an_iso_week_date_is_no_calendar_day() -> None:
    """``date.fromisoformat`` accepts ``2020-W01-1`` since Python 3.11; the one date check
    (core.text, used by the CLI, search, check, the schema and corrections) does not."""
    from sma_tui.core.text import is_iso_date

    assert is_iso_date("2020-02-29") and not is_iso_date("2020-02-30")
    assert not is_iso_date("2020-W01-1") and not is_iso_date("20200101") and not is_iso_date(None)
