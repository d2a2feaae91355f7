"""Pilot journeys: Loading the store: the first frame, the kept overview, errors, reloads."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, corpus_of, move_to, notices
from textual.widgets import ContentSwitcher, OptionList
from textual.widgets._footer import FooterKey

from sma_tui.core.corpus import Corpus
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.detail import ActorScreen, EventScreen
from sma_tui.tui.screens.main import MainScreen
from sma_tui.tui.screens.search import SearchScreen
from sma_tui.tui.widgets.lists import SmaTable
from sma_tui.tui.widgets.status import ErrorPanel, LoadingPanel


async def test_first_frame_shows_loading_without_waiting_for_the_store(
    make_app: Any, loaded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sma_tui.storage.store import Store

    release = threading.Event()
    real_load = Store.load

    def slow_load(self: Store) -> Corpus:
        release.wait(10)
        return real_load(self)

    monkeypatch.setattr(Store, "load", slow_load)
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ContentSwitcher).current == "loading"
        assert app.screen.query_one(LoadingPanel).display
        assert app.corpus is None
        await pilot.press("slash")  # too early: remembered, and done once the corpus is in
        assert isinstance(app.screen, MainScreen)
        release.set()
        await loaded(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.main_screen.query_one(ContentSwitcher).current == "panes"


async def test_a_fresh_overview_paints_the_panes_before_the_corpus_loads(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sma_tui.core.overview import Overview
    from sma_tui.storage.store import Store

    store = Store(store_path)
    store.save_overview(Overview.of(store.load()), store.stamp())
    release = threading.Event()
    real_load = Store.load
    monkeypatch.setattr(Store, "load", lambda self: (release.wait(10), real_load(self))[1])
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.main_screen.ready.wait(), 60)
        await pilot.pause()
        assert app.corpus is None and app.screen.query_one(ContentSwitcher).current == "panes"
        assert "27 quotes" in app.sub_title
        timeline = app.screen.query_one("#timeline-table", SmaTable)
        assert timeline.row_count == 24  # the dossier's events, Feb 2019 – Sep 2021
        figures = str(app.screen.query_one("#figure-groups", OptionList).get_option_at_index(0).prompt)
        assert "sources disagree" in figures and "$870 million" in figures and "$990 million" in figures
        await move_to(pilot, timeline, "round-3")
        await pilot.press("enter")  # the corpus is not there yet: opens when it is
        assert isinstance(app.screen, MainScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, EventScreen) and app.screen.event.id == "round-3"


async def test_a_stale_overview_is_not_shown_and_is_replaced(store_path: Path, loaded: Any) -> None:
    from sma_tui.core.overview import Overview
    from sma_tui.storage.store import Store

    store = Store(store_path)
    wrong = Overview.of(store.load())
    wrong.counts["quotes"] = 999_999
    store.save_overview(wrong, (1, 2, 3))  # describes some other file
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await app.workers.wait_for_complete()
        assert "999999" not in app.sub_title and "27 quotes" in app.sub_title
    assert store.read_overview(store.stamp()) == Overview.of(store.load())


@pytest.mark.parametrize("damage", ["garbage", "missing"])
async def test_unreadable_store_shows_an_error_panel(tmp_path: Path, loaded: Any, damage: str) -> None:
    path = tmp_path / "store.json"
    if damage == "garbage":
        path.write_text("{not json", encoding="utf-8")
    app = SmaApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert screen.query_one(ContentSwitcher).current == "error"
        panel = screen.query_one(ErrorPanel)
        assert panel.border_title == "Cannot open the store"
        text = str(panel.visual)
        assert str(path) in text and "sma-tui build --force" in text
        await pilot.press("1", "slash", "c")  # nothing to focus or search: no crash
        await pilot.press("q")
    assert app.return_code == 0


async def test_another_process_adding_articles_is_noticed_and_r_reloads(
    make_app: Any, loaded: Any, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sma_tui.cli.main import main
    from sma_tui.tui.widgets.panes import ActorsPane

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        actors = app.screen.query_one("#actors-table", SmaTable)
        await move_to(pilot, actors, "jeong-eun-bo")
        app.poll_store()
        assert not app.store_changed and app.check_action("reload", ()) is False  # nothing changed: no `r`
        await pilot.press("r")
        assert app.corpus is not None and len(app.corpus.articles) == 5

        await pilot.press("enter")  # deep in a drill-down when the store changes
        assert isinstance(app.screen, ActorScreen)
        assert main(["add", "--db", str(store_path), str(fixtures)]) == 0  # "another process"
        capsys.readouterr()
        app.poll_store()
        await pilot.pause()
        assert app.store_changed and app.check_action("reload", ())
        assert any("Press r to reload" in n.message for n in notices(app))
        assert "reload" in [k.action for k in app.screen.query(FooterKey)]  # `r Reload` shows in the footer

        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ActorScreen)  # the drill-down stack is kept (issue 15)
        assert len(corpus_of(app).articles) == 10 and not app.store_changed
        assert "+5 articles" in app.sub_title or any("+5 articles" in n.message for n in notices(app))
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ActorsPane).query_one(SmaTable).cursor_key() == "jeong-eun-bo"
        assert app.screen.query_one("#timeline-table", SmaTable).row_count == len(corpus_of(app).events)


async def test_a_reload_that_fails_keeps_the_corpus_on_screen(make_app: Any, loaded: Any, store_path: Path) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        shown = app.corpus
        store_path.write_text("{truncated", encoding="utf-8")
        app.poll_store()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.corpus is shown and app.screen.query_one(ContentSwitcher).current == "panes"
        assert any(n.title == "Reload failed" and "corrupt" in n.message for n in notices(app))


def test_sma_tui_on_a_corrupt_store_shows_the_panel_then_exits_1_with_one_line(
    store_path: Path, loaded: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``sma-tui`` no longer reads the store before the first frame: the app reports it."""
    from sma_tui.cli import commands
    from sma_tui.cli.main import main

    monkeypatch.setattr(commands, "has_terminal", lambda: True)
    store_path.write_text("{truncated", encoding="utf-8")
    seen: list[str] = []

    def run_headless(self: SmaApp) -> None:
        async def journey() -> None:
            async with self.run_test(size=SIZE) as pilot:
                await loaded(pilot)
                seen.append(self.screen.query_one(ContentSwitcher).current or "")
                await pilot.press("q")

        asyncio.run(journey())

    monkeypatch.setattr(SmaApp, "run", run_headless)
    assert main(["--db", str(store_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert seen == ["error"]
    assert len(err) == 1 and err[0].startswith("sma-tui: error: the store") and "corrupt" in err[0]
