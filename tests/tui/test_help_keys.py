"""Pilot journeys: The help screen, binding ids and the user's keymap file."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, notices

from sma_tui.tui.app import SmaApp
from sma_tui.tui.bindings import SECTIONS
from sma_tui.tui.screens.help import HelpScreen
from sma_tui.tui.screens.main import MainScreen
from sma_tui.tui.widgets.lists import SmaTable


async def test_help_lists_every_binding(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    app_keys = {"sma.quit", "sma.help", "sma.search", "sma.copy", "sma.palette"}
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(SmaTable)
        ids = {table.get_row_at(i)[3].plain for i in range(table.row_count)}
        declared = {b.id for _, bindings in SECTIONS for b in bindings if b.id}  # type: ignore[union-attr]
        assert declared <= ids and app_keys <= ids
        for name in ("sma.focus-timeline", "sma.next-quote", "sma.previous-quote", "sma.back", "sma.list-down"):
            assert name in ids
        keys = {table.get_row_at(i)[3].plain: table.get_row_at(i)[1].plain for i in range(table.row_count)}
        assert keys["sma.help"] == "?, f1" and keys["sma.search"] == "/"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_every_binding_has_an_id_and_the_keymap_remaps_it(make_app: Any, loaded: Any) -> None:
    for _, bindings in SECTIONS:
        for b in bindings:
            assert b.id, b  # type: ignore[union-attr]
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.set_keymap({"sma.focus-actors": "a", "sma.help": "h"})
        await pilot.press("a")
        assert app.focused is app.screen.query_one("#actors-table")
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(SmaTable)
        keys = {table.get_row_at(i)[3].plain: table.get_row_at(i)[1].plain for i in range(table.row_count)}
        assert keys["sma.focus-actors"] == "a"


def _launch(monkeypatch: pytest.MonkeyPatch, store_path: Path, keymap: str | None, tmp_path: Path) -> tuple[int, dict]:
    """``sma-tui --db STORE`` with a keymap file, the app started headless: (exit, keymap)."""
    from sma_tui.cli import commands
    from sma_tui.cli.main import main

    monkeypatch.setattr(commands, "has_terminal", lambda: True)
    path = tmp_path / "keymap.toml"
    if keymap is not None:
        path.write_text(keymap, encoding="utf-8")
    monkeypatch.setenv("SMA_TUI_KEYMAP", str(path))
    seen: dict = {}

    def run_headless(self: SmaApp) -> None:
        async def journey() -> None:
            async with self.run_test(size=SIZE) as pilot:
                await asyncio.wait_for(self.main_screen.ready.wait(), 60)
                await pilot.pause()
                seen.update(self._keymap)
                if self.startup_warnings:
                    seen["warnings"] = list(self.startup_warnings)
                    assert {n.title for n in notices(self)} >= {"Keymap"}  # shown in the app
                await pilot.press("a")  # remapped below: focus the Actors pane
                seen["focused"] = self.focused.id if self.focused else None
                await pilot.press("q")

        asyncio.run(journey())

    monkeypatch.setattr(SmaApp, "run", run_headless)
    return main(["--db", str(store_path)]), seen


def test_a_keymap_file_remaps_keys_by_binding_id(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, seen = _launch(monkeypatch, store_path, '"sma.focus-actors" = "a"\n"sma.help" = "h, f1"\n', tmp_path)
    assert code == 0
    assert seen == {"sma.focus-actors": "a", "sma.help": "h,f1", "focused": "actors-table"}
    code, seen = _launch(monkeypatch, store_path, None, tmp_path / "none")  # no file: the defaults
    assert code == 0 and seen.get("focused") == "timeline-table"


@pytest.mark.parametrize(
    ("keymap", "message", "kept"),
    [
        ('"sma.no-such-thing" = "a"\n', "no binding 'sma.no-such-thing'", {}),
        ('"sma.help" = 3\n', "must be keys in quotes", {}),
        ("sma.help = [\n", "is not valid TOML", {}),
        ('"sma.quit" = "banana"\n"sma.focus-actors" = "a"\n', "'banana' is not a key name", {"sma.focus-actors": "a"}),
        (
            '"sma.focus-actors" = "a,q"\n',
            "'q' for sma.focus-actors also belongs to sma.quit",
            {"sma.focus-actors": "a,q"},
        ),
    ],
)
def test_a_bad_keymap_starts_with_the_defaults_and_a_visible_warning(
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    keymap: str,
    message: str,
    kept: dict[str, str],
) -> None:
    code, seen = _launch(monkeypatch, store_path, keymap, tmp_path)
    assert code == 0  # never exit 2 from the app: it starts, and says what it left out
    warnings = seen.pop("warnings")
    assert any(message in w for w in warnings), warnings
    focused = seen.pop("focused")
    assert seen == kept
    assert focused == ("actors-table" if kept else "timeline-table")


def test_without_a_terminal_the_explorer_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    from sma_tui.cli.main import main

    assert main([]) == 2  # pytest's stdout is not a terminal: no hang, one line
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "needs a terminal" in err[0]


async def test_pane_titles_follow_the_keymap(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    app.set_keymap({"sma.focus-actors": "a"})
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.screen.query_one("#actors").border_title == "a Actors"
        assert app.screen.query_one("#timeline").border_title == "1 Timeline"
