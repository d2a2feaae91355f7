"""The gap chart journey (issue 12): from the palette, toggle the axis, select a point,
enter opens the article at the figure; a dossier point shows its citation; the Figures pane
carries the chart too."""

from __future__ import annotations

from collections.abc import Callable

from pilot_helpers import SIZE, notices
from textual.pilot import Pilot

from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.gap import GapChartScreen
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.widgets.gap_chart import GapChart


async def _open_chart(pilot: Pilot[None]) -> GapChart:
    await pilot.press("ctrl+p", *"gap chart")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GapChartScreen)
    chart = pilot.app.screen.query_one(GapChart)
    assert pilot.app.focused is chart
    return chart


async def test_open_toggle_select_a_point_opens_the_reader(make_app: Callable[[], SmaApp], loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        chart = await _open_chart(pilot)
        text = str(chart.render())
        assert "$5 billion" in text and "$0" in text and "t: $ a year" in text
        last = chart.current()
        assert last is not None and last.side == "agreed"  # the latest point first: the deal
        await pilot.press("t")
        await pilot.pause()
        assert chart.mode == "pct" and "t: % over 2019" in str(chart.render()) and "+13.9%" in str(chart.render())
        assert chart.current() == last  # the selection survives the toggle
        # walk up to the Breitbart $5 billion ask and open it
        target = next(i for i, p in enumerate(chart.points) if p.row.id == "breitbart-2019-11-19/f2")
        while chart.selected > target:
            await pilot.press("k")
        detail = str(app.screen.query_one("#gap-detail").render())
        assert "U.S. ask: $5 billion" in detail and "Breitbart News" in detail
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article.id == "breitbart-2019-11-19"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not reader and isinstance(app.screen, GapChartScreen)


async def test_a_dossier_point_shows_its_citation(make_app: Callable[[], SmaApp], loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        chart = await _open_chart(pilot)
        row = chart.current()
        assert row is not None and row.article is None and row.url
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GapChartScreen)
        notes = notices(app)
        assert notes and notes[-1].title == "Dossier position" and row.url in notes[-1].message


async def test_the_figures_pane_has_the_chart_and_retrospective_asks_are_left_out(
    make_app: Callable[[], SmaApp], loaded
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        chart = app.screen.query_one("#gap-chart", GapChart)
        ids = [p.row.id for p in chart.points]
        assert "breitbart-2019-11-19/f2" in ids and "yonhap-2020-04-07/f3" not in ids  # "backed down from" $5bn
        dates = [p.row.date or "" for p in chart.points]
        assert dates == sorted(dates)
