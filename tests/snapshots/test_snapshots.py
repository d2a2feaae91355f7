"""SVG snapshots of what the user sees (pytest-textual-snapshot).

Deterministic: a fresh copy of the bundled store, the load worker waited for before the
shot, the search box's cursor blink off, fixed terminal sizes. Update with
``pytest tests/snapshots --snapshot-update`` only after looking at the report.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from sma_tui.tui.app import SmaApp


async def wait_loaded(pilot: Pilot[None]) -> None:
    assert isinstance(pilot.app, SmaApp)
    await asyncio.wait_for(pilot.app.main_screen.ready.wait(), 60)
    await pilot.pause()


async def steady(pilot: Pilot[None]) -> None:
    """No blinking cursor in the shot."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


@pytest.fixture(autouse=True)
def _fixed_keymap_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The help screen names the keymap file: the same path in every run (never read here)."""
    monkeypatch.setenv("SMA_TUI_KEYMAP", "/home/user/.config/sma-tui/keymap.toml")


SIZES = [(80, 24), (120, 40), (160, 48)]
"""Every main view at a small, a middling and a wide terminal (issue 15)."""
SIZE_IDS = ["80x24", "120x40", "160x48"]


async def open_round_3(pilot: Pilot[None]) -> None:
    await wait_loaded(pilot)
    await pilot.press("ctrl+p", *"round: 3")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def open_figure_group(pilot: Pilot[None]) -> None:
    await wait_loaded(pilot)
    await pilot.press("3", "enter")
    await pilot.pause()
    await pilot.pause()


async def search_burden(pilot: Pilot[None]) -> None:
    await wait_loaded(pilot)
    await pilot.press("slash", *"burden")
    await pilot.app.workers.wait_for_complete()
    await steady(pilot)


async def open_help(pilot: Pilot[None]) -> None:
    await wait_loaded(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_main_screen(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(SmaApp(store_path), terminal_size=size, run_before=wait_loaded)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_round_screen(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(SmaApp(store_path), terminal_size=size, run_before=open_round_3)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_figure_group_screen(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(SmaApp(store_path), terminal_size=size, run_before=open_figure_group)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_search_with_results(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(SmaApp(store_path), terminal_size=size, run_before=search_burden)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_help_screen(snap_compare: Any, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(SmaApp(store_path), terminal_size=size, run_before=open_help)


def test_reader_at_a_quote(snap_compare: Any, store_path: Path) -> None:
    async def open_quote(pilot: Pilot[None]) -> None:
        await wait_loaded(pilot)
        await pilot.press("slash", *"walked out", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(SmaApp(store_path), terminal_size=(100, 32), run_before=open_quote)


async def _open_gap_chart(pilot: Pilot[None]) -> None:
    await wait_loaded(pilot)
    await pilot.press("ctrl+p", *"gap chart")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


def test_gap_chart_80x24(snap_compare: Any, store_path: Path) -> None:
    """Issue 12: the gap chart reads at 80×24 (the latest points, the deal selected)."""
    assert snap_compare(SmaApp(store_path), terminal_size=(80, 24), run_before=_open_gap_chart)


def test_gap_chart_160x48(snap_compare: Any, store_path: Path) -> None:
    """Issue 12: at 160×48 every point, time running down at an even pace, % over 2019."""

    async def toggled(pilot: Pilot[None]) -> None:
        await _open_gap_chart(pilot)
        await pilot.press("t", "k")
        await pilot.pause()

    assert snap_compare(SmaApp(store_path), terminal_size=(160, 48), run_before=toggled)
