"""Pilot journeys: The main screen's panes and money chart."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from sma_tui.tui.app import SmaApp


async def test_a_long_history_keeps_the_gap_chart_short_and_shows_the_latest(make_app: Any, loaded: Any) -> None:
    from sma_tui.core.positions.rows import PositionRow
    from sma_tui.tui.widgets.gap_chart import GapChart

    app: SmaApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        chart = app.screen.query_one(GapChart)
        months = [f"{2019 + m // 12}-{m % 12 + 1:02d}-01" for m in range(30)]
        chart.show([
            PositionRow(f"x/f{i}", m, "US", "us-demand", 1e9 + i * 1e8, "USD", 1e9 + i * 1e8, None, None, None,
                        "2020", f"${i} point", "Test")
            for i, m in enumerate(months)
        ])  # fmt: skip
        await pilot.pause()
        pane = app.screen.query_one("#figures")
        assert chart.outer_size.height <= 0.6 * pane.content_size.height + 1  # widgets.tcss: max-height 60%
        lines = str(chart.render()).splitlines()
        assert len(lines) == chart.content_size.height
        assert lines[0].startswith("● U.S. ask") and lines[-1].lstrip().startswith("└$0")
        assert "$3.9bn" in lines[-2]  # the latest point (selected) is on screen
        options = app.screen.query_one("#figure-groups", OptionList)
        assert options.size.height >= 10  # the figure groups keep their room
