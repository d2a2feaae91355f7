"""Figures in house styles the rules were not first written for (release notation, spelled-out
percentages, exchange-rate asides, currency moves). Sentences written here."""

from __future__ import annotations

from sma_tui.ingest.figures import find_figures


def _found(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(text[f.start : f.end], f.value, f.unit, f.qualifier) for f in find_figures(text, 0, len(text))]


def test_krw_prefix_and_national_employees() -> None:
    text = "Seoul paid KRW 1.0389 trillion, and all 8,600 Korean National employees were told."
    assert _found(text) == [
        ("KRW 1.0389 trillion", 1.0389e12, "KRW", None),
        ("all 8,600 Korean National employees", 8600, "people", "all"),
    ]


def test_spelled_out_teens_percent() -> None:
    assert _found("If fourteen percent is not enough, what is?") == [("fourteen percent", 14, "percent", None)]


def test_exchange_rate_asides_and_currency_moves_are_not_figures() -> None:
    assert _found("(1 US dollar = 1,190 won)") == []
    assert _found("(1 U.S. dollar = 1,205 won)") == []
    assert _found("The won has slipped about 3% against the dollar since May.") == []
    assert _found("Seoul offered a 3% rise.") == [("3%", 3, "percent", None)]
