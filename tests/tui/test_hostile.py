"""Issue 10 in the TUI: an article whose quotes and title hold terminal escapes and Rich /
Textual markup is shown literally by the reader, the search and the palette, and ``c``
copies it without a control character or a crash (the toast has markup off)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from sma_tui.cli.main import main
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.screens.search import SearchScreen
from sma_tui.tui.widgets.browser import QuoteBrowser

from .pilot_helpers import SIZE, notices, settle

ESC, BEL = "\x1b", "\x07"
ARTICLE = (
    f"Talks {ESC}]0;pwned{BEL}stall [bold red]again[/] [@click=app.quit]q[/]\n\n"
    "SEOUL, Nov. 19 (Yonhap) -- South Korea's chief negotiator Jeong Eun-bo said on Tuesday, "
    f'"We will {ESC}]52;c;aGVsbG8={ESC}\\ never accept [@click=app.quit]z[/] a {ESC}[2J zebra demand [/] now{BEL}."\n\n'
    f"\"The {ESC}]0;pwned{BEL} talks were tough [bold red]today[/] [@click=app.screenshot('x.svg','/tmp')]s[/],\" "
    "Jeong said.\n"
)


def unsafe(text: str) -> list[str]:
    return sorted({hex(ord(c)) for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F})


@pytest.fixture
def hostile_path(store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    f = tmp_path / "hostile.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["add", "--db", str(store_path), "--date", "2019-11-19", str(f)]) == 0
    capsys.readouterr()
    return store_path


async def test_search_reader_and_copy_show_hostile_text_literally(
    hostile_path: Path, loaded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = SmaApp(hostile_path)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"zebra")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        quotes = list(screen.query_one(QuoteBrowser).items.values())
        assert len(quotes) == 1 and "[@click=app.quit]z[/]" in quotes[0].text
        shot = app.export_screenshot()
        assert unsafe(shot) == [] and "click=app.quit" in shot  # shown, as text
        await pilot.press("down", "c")  # copy from the search results
        await pilot.pause()
        assert copied and unsafe(copied[-1]) == [] and "[@click=app.quit]z[/]" in copied[-1]
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.current_quote is not None
        assert "[bold red]again[/]" in str(reader.query_one("#article-head", Static).visual)
        shot = app.export_screenshot()
        assert unsafe(shot) == [] and "[/]" in shot
        await pilot.press("c")
        await pilot.pause()
        assert unsafe(copied[-1]) == []
        toasts = [n for n in notices(app) if (n.title or "").startswith("Citation copied")]
        assert toasts and all(not n.markup and unsafe(n.message) == [] for n in toasts)
        await pilot.press("n")  # the next quote, with a screenshot action in it
        await pilot.pause()
        assert unsafe(app.export_screenshot()) == []
        assert app.is_running  # no [@click=app.quit] ran


async def test_palette_lists_a_hostile_title_literally(hostile_path: Path, loaded: Any) -> None:
    app = SmaApp(hostile_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"article: Yonhap News Agency, 19 Nov 2019")
        await pilot.pause(0.5)
        assert unsafe(app.export_screenshot()) == []
        from textual.command import CommandList

        options = app.screen.query_one(CommandList).options
        shown = [str(o.prompt.plain if hasattr(o.prompt, "plain") else o.prompt) for o in options]
        assert any("[bold red]again[/]" in p and "[@click=app.quit]q[/]" in p for p in shown), shown
        await pilot.press("escape")
        assert app.is_running


async def test_a_bad_query_date_is_shown_as_text(hostile_path: Path, loaded: Any) -> None:
    app = SmaApp(hostile_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"after:2020-02-30 [/]")
        await settle(pilot)
        status = app.screen.query_one("#search-status", Static)
        assert "2020-02-30" in str(status.visual) and status.has_class("-error")
