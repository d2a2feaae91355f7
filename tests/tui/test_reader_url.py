"""The reader's ``o`` (and the palette's command) opens an article's URL in the browser."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

import pytest

from sma_tui.cli.main import main
from sma_tui.storage.store import Store
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.reader import ReaderScreen

from .pilot_helpers import notices

SIZE = (100, 30)
PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "web" / "round8.html"
CANONICAL = "http://news.example.test/world/2020/03/19/allies-end-eighth-round"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: str, *args: Any, **kwargs: Any) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return urls


def _add_page(store_path: Path) -> str:
    assert main(["add", "--db", str(store_path), str(PAGE)]) == 0
    [a] = [a for a in Store(store_path).load().articles.values() if a.url]
    return a.id


async def _reader(app: SmaApp, pilot: Any, loaded: Any, article_id: str) -> ReaderScreen:
    await loaded(pilot)
    app.open_article(article_id)
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_o_opens_the_url(store_path: Path, loaded: Any, opened: list[str]) -> None:
    article_id = _add_page(store_path)
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await _reader(app, pilot, loaded, article_id)
        await pilot.press("o")
        assert opened == [CANONICAL]
        assert any(n.message == f"Opened {CANONICAL}" for n in notices(app))


async def test_the_palette_offers_it(store_path: Path, loaded: Any, opened: list[str]) -> None:
    article_id = _add_page(store_path)
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await _reader(app, pilot, loaded, article_id)
        await pilot.press("ctrl+p", *"web page")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert opened == [CANONICAL]


async def test_an_article_without_url_says_so_in_plain_text(store_path: Path, loaded: Any, opened: list[str]) -> None:
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.corpus is not None
        first = next(iter(app.corpus.articles))
        await _reader(app, pilot, loaded, first)
        await pilot.press("o")
        assert opened == []
        [note] = [n for n in notices(app) if "no URL" in n.message]
        assert note.message == "This article has no URL: it was added from a file." and not note.markup
