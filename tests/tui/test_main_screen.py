"""Pilot journeys: The main screen's panes and money chart."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from sma_tui.tui.app import SmaApp


async def test_a_long_money_history_keeps_the_chart_short_and_shows_the_latest(make_app: Any, loaded: Any) -> None:
    from sma_tui.core.overview import ChartPoint
    from sma_tui.tui.widgets.chart import MoneyChart

    app: SmaApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        chart = app.screen.query_one(MoneyChart)
        months = [f"{2019 + m // 12}-{m % 12 + 1:02d}" for m in range(30)]
        chart.show([ChartPoint(m, "US demand", 1e9 + i, "USD", f"${i} point") for i, m in enumerate(months)])
        await pilot.pause()
        assert chart.outer_size.height == 12  # widgets.tcss: max-height (with the border line)
        lines = str(chart.render()).splitlines()
        assert len(lines) == chart.content_size.height == 11
        assert lines[0].startswith("■ US demand") and "⋮ 21 earlier" in lines[1]  # 31 lines, 11 rows
        assert lines[-1].endswith("$29 point $1 billion")  # the latest month is on screen
        options = app.screen.query_one("#figure-groups", OptionList)
        assert options.size.height >= 10  # the figure groups keep their room
