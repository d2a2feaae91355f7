"""Pilot journeys (issue 15): export the list in view, copy an id or a citation in three
styles, keep the theme, save a screenshot where it says."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from sma_tui.core.cite import cite
from sma_tui.services import exports, prefs
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.export import ExportScreen
from sma_tui.tui.widgets.lists import SmaTable

from .pilot_helpers import SIZE, corpus_of, notices

Loaded = Callable[[Pilot[None]], object]


@pytest.fixture(autouse=True)
def _outputs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(exports, "output_dir", lambda: out)
    return out


async def test_export_the_filtered_round_quotes_to_csv(
    make_app: Callable[[], SmaApp], loaded: Loaded, _outputs: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.open_event("round-3")
        await pilot.pause()
        await pilot.press("f", *"jeong", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one(Input)
        assert box.value == str(_outputs / "sma-round-3-quotes.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        rows = list(csv.DictReader((_outputs / "sma-round-3-quotes.csv").open(encoding="utf-8")))
        c = corpus_of(app)
        assert rows and all("jeong" in (r["speaker"] + r["text"]).lower() for r in rows)
        assert all(c.quotes[r["id"]].event == "round-3" for r in rows)
        assert "publisher" in rows[0]
        assert any(n.title == "Exported" and str(_outputs) in n.message for n in notices(app))


async def test_export_prompt_rejects_an_unknown_extension_then_writes_json(
    make_app: Callable[[], SmaApp], loaded: Loaded, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        box = app.screen.query_one(Input)
        box.value = str(tmp_path / "actors.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert ".csv, .json or .md" in str(app.screen.query_one("#export-error").render())
        box.value = str(tmp_path / "sub" / "actors.json")
        await pilot.press("enter")
        await pilot.pause()
        data = json.loads((tmp_path / "sub" / "actors.json").read_text(encoding="utf-8"))
        assert len(data) == len(corpus_of(app).actors) and {"id", "name", "side"} <= set(data[0])


async def test_copy_id_and_citation_styles(
    make_app: Callable[[], SmaApp], loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    app = make_app()
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2", "y")
        assert copied == [app.screen.query_one("#actors-table", SmaTable).cursor_key()]
        app.open_event("round-3")
        await pilot.pause()
        await pilot.press("c")
        quote = app.screen.focused_quote()  # type: ignore[attr-defined]
        assert quote is not None
        plain = copied[-1]
        assert plain == cite(corpus_of(app), quote)
        article = corpus_of(app).articles[quote.article]
        assert (
            f"— {corpus_of(app).speaker_name(quote.speaker)}, “{article.title}”, {article.publisher}, 19 Nov 2019"
            in plain
        )
        for title, start in (("Copy citation: Markdown", "> “"), ("Copy citation: BibTeX-like", "@misc{")):
            await pilot.press("ctrl+p", *title)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert copied[-1].startswith(start), copied[-1]


def test_an_inferred_date_is_said_to_be(corpus: object) -> None:
    from sma_tui.core.corpus import Corpus

    assert isinstance(corpus, Corpus)
    inferred = [q for q in corpus.quote_list() if (a := corpus.articles.get(q.article)) and a.date_inferred]
    dated = [q for q in corpus.quote_list() if (a := corpus.articles.get(q.article)) and not a.date_inferred]
    for q in inferred[:1]:
        assert cite(corpus, q).endswith("(date inferred)")
    for q in dated[:1]:
        assert not cite(corpus, q).endswith("(date inferred)") and "-" not in cite(corpus, q).rsplit(", ", 1)[1]


async def test_theme_is_kept_between_runs(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert prefs.theme() == "nord"
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert again.theme == "nord"


async def test_screenshot_goes_to_a_folder_that_exists_and_says_where(
    make_app: Callable[[], SmaApp], loaded: Loaded, _outputs: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.save_screenshot_here()
        await pilot.pause()
        shots = list(_outputs.glob("*.svg"))
        assert len(shots) == 1
        assert any(str(shots[0]) in n.message for n in notices(app))
