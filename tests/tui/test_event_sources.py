"""The event detail shows each public source (outlet, title, date and address) as plain
text, and the timeline tells a round, a meeting, a milestone and other events apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import Static

from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.detail import EventScreen
from sma_tui.tui.widgets.lists import SmaTable
from sma_tui.tui.widgets.panes import KIND_MARK, TimelinePane

SIZE = (120, 40)


async def test_event_detail_lists_public_sources_with_their_address(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.open_event("sma11-signed")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EventScreen)
        info = str(screen.query_one(".info-text", Static).visual)
        assert "milestone" in info and "Participants: Choi Jong-kun, Rob Rapson" in info
        assert "KBS World, “S. Korea, US Formally Sign Defense Cost-Sharing Deal”, 2021-04-08" in info
        assert "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=160710" in info


async def test_a_source_title_is_never_read_as_markup(store_path: Path, loaded: Any) -> None:
    data = json.loads(store_path.read_text(encoding="utf-8"))
    row = next(r for r in data["events"].values() if r["id"] == "round-1")
    row["sources"].append(
        {"outlet": "[bold]Wire[/bold]", "title": "[link=https://evil.example]click[/]\x1b[2J", "date": "2019-09",
         "url": "https://x.example/[red]a[/red]"}
    )  # fmt: skip
    store_path.write_text(json.dumps(data), encoding="utf-8")
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.open_event("round-1")
        await pilot.pause()
        info = str(app.screen.query_one(".info-text", Static).visual)
        assert "[bold]Wire[/bold], “[link=https://evil.example]click[/]" in info
        assert "https://x.example/[red]a[/red]" in info and "\x1b" not in info


async def test_timeline_marks_the_kind_of_each_event(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        table = app.screen.query_one("#timeline-table", SmaTable)
        marks = {key.value: str(table.get_row(key)[1]) for key in table.rows}
        assert {marks[e] for e in ("sma10-expiry", "usfk-furlough", "sma11-terms")} == {KIND_MARK["event"]}
        assert marks["round-1"] == "1" and marks["round-7"] == "7" and marks["meeting-8"] == KIND_MARK["meeting"]
        assert marks["sma11-ratified"] == KIND_MARK["milestone"] and marks["sma10-expiry"] == KIND_MARK["event"]
        assert list(table.rows)[0].value == "sma10-initialled" and list(table.rows)[-1].value == "sma11-in-force"
        pane = app.screen.query_one(TimelinePane)
        assert pane.border_subtitle == "7 rounds · M meeting · ◆ milestone"
        assert str(pane.detail("round-3")).startswith("Round 3: the U.S. delegation walks out")
        assert pane.detail("meeting-8") is not None and str(pane.detail("meeting-8")).startswith("Meeting: ")
