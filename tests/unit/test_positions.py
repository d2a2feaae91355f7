"""Issue 12's domain core: placing figures (side, period), money ranges, disputes vs
trajectories. The sentences are written for these tests in the constructions wire copy uses
("has asked Seoul to pay ... a year", "an offer to raise its share by ...", "up X percent
from ... in 2020", "($1 = ... won)"); none is copied from an article."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sma_tui.core.positions.claims import Claim, claim_of, load_dossier_positions, parse_positions
from sma_tui.core.positions.disputes import change_over_2019, dispute_of, disputes, positions_of, trajectory
from sma_tui.core.positions.money import (
    APPROX_TOL,
    NEAR_TOL,
    comparable_range,
    data_file,
    load_rates,
    parse_rates,
    to_usd,
    value_range,
)
from sma_tui.core.positions.placement import place

RATES = load_rates()


@dataclass(frozen=True)
class _Figure:  # the fields of a stored figure that claim_of reads
    id: str
    article: str
    text: str
    value: float
    unit: str
    measure: str | None
    qualifier: str | None
    claimant: str | None
    date: str | None


# ----------------------------------------------------------------- placement
@pytest.mark.parametrize(
    ("sentence", "figure", "day", "measure", "side", "period"),
    [
        ("Washington has asked Seoul to pay $1.2 billion for next year, officials said.", "$1.2 billion",
         "2019-08-02", None, "US", "2020"),
        ("South Korea offered to raise its share by 10 percent for 2020, a diplomatic source said.", "10 percent",
         "2020-02-11", None, "ROK", "2020"),
        ("Trump wants South Korea to pay $4.5 billion a year for the troops.", "$4.5 billion",
         "2019-11-10", "us-demand", "US", "2020"),
        ("The U.S. demand of $4 billion for 2020 remains far above what Seoul can accept.", "$4 billion",
         "2020-03-02", None, "US", "2020"),
        ("South Korea's offer of a 13 percent rise over last year was turned down by the White House.",
         "13 percent", "2020-04-15", "seoul-offer", "ROK", "2020"),
        ("Seoul proposed a 10 percent rise for the 11th SMA's first year.", "10 percent",
         "2020-01-30", None, "ROK", "2020"),
        ("Seoul paid 1.04 trillion won under the 10th SMA.", "1.04 trillion won",
         "2020-06-01", "seoul-payment-2019", None, "2019"),
        ("The 2019 payment of 1.04 trillion won was 8 percent more than before.", "1.04 trillion won",
         "2020-06-01", None, None, "2019"),
        ("Last year's contribution of 960 billion won was set in a five-year accord.", "960 billion won",
         "2019-02-11", None, None, "2018"),
        ("Seoul agreed to pay 1.04 trillion won in 2019, up 8.2 percent from 960 billion won last year.",
         "8.2 percent", "2019-03-08", None, "agreed", "2019"),
        ("Seoul agreed to pay 1.04 trillion won in 2019, up 8.2 percent from 960 billion won last year.",
         "960 billion won", "2019-03-08", None, "agreed", "2018"),
        ("The two allies settled on a six-year deal, and Seoul's payment will rise 12 percent.", "12 percent",
         "2021-03-08", None, "agreed", "2020-2025"),
        ("Under the accord, which runs through 2025, Seoul will pay 1.18 trillion won for 2021.",
         "1.18 trillion won", "2021-03-10", None, "agreed", "2021"),
        ("The pact, running through 2025, ties each yearly rise to the defence budget, up 5.4 percent.",
         "5.4 percent", "2021-03-10", None, "agreed", "2021-2025"),
        ("The sum of $1.3 billion sought by Washington is nearly half as much again.", "$1.3 billion",
         "2020-05-08", None, "US", None),
        ("In June last year, the adviser reportedly pressed for a 400 percent rise.", "400 percent",
         "2020-01-20", "us-demand-increase", "US", "2020"),
        ("Previous reports put the figure at $990,000,000, last year's payment.", "$990,000,000",
         "2019-11-19", "seoul-payment-2019", None, "2019"),
        ("The figure of 3 percent was mentioned in passing.", "3 percent", "2020-01-01", None, None, None),
        ("Washington sought a 50 percent increase this year, the official said.", "50 percent",
         "2020-05-10", None, "US", "2020"),
        ("The agreement sets a 13.9 percent rise for 2021.", "13.9 percent", "2021-03-10", None, "agreed", "2021"),
        ("The new SMA puts the 2021 share at 1.18 trillion won.", "1.18 trillion won",
         "2021-03-10", None, "agreed", "2021"),
        ("The five-year deal the allies signed lifts Seoul's share by 7 percent.", "7 percent",
         "2020-02-01", None, "agreed", "2020-2024"),
    ],
)  # fmt: skip
def test_place_side_and_period(
    sentence: str, figure: str, day: str, measure: str | None, side: str | None, period: str | None
) -> None:
    got = place(figure, sentence, sentence, day, measure)
    assert (got.side, got.period) == (side, period), got.reason
    assert not got.exchange_rate


def test_pronoun_subject_takes_the_side_named_earlier_in_the_paragraph() -> None:
    paragraph = "The State Department defended its stance on Friday. It has asked Seoul for $1.3 billion."
    sentence = "It has asked Seoul for $1.3 billion."
    assert place("$1.3 billion", sentence, paragraph, "2020-05-08", None).side == "US"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The won closed higher on Tuesday. ($1 = 1,180.20 won)", "$1"),
        ("The won closed higher on Tuesday. (US$1 = 1,180.20 won)", "US$1"),
        ("The won closed higher on Tuesday. ($1 = 1,180.20 won)", "1,180.20 won"),
        ("The sum was converted at 1,143 won to the dollar.", "1,143 won"),
        ("At one dollar = 1,150 won, the bill is smaller.", "1,150 won"),
    ],
)
def test_an_exchange_rate_is_never_a_position(sentence: str, figure: str) -> None:
    got = place(figure, sentence, sentence, "2020-03-01", "us-demand")
    assert got.exchange_rate and got.side is None and got.period is None


def test_an_initial_demand_mentioned_later_is_retrospective() -> None:
    sentence = "Washington has since backed down from its initial demand for $5 billion."
    got = place("$5 billion", sentence, sentence, "2020-04-07", "us-demand")
    assert got.side == "US" and got.retrospective
    fresh = "Washington demanded $5 billion at the talks."
    assert not place("$5 billion", fresh, fresh, "2019-11-19", "us-demand").retrospective


def test_the_offset_picks_the_right_occurrence() -> None:
    sentence = "Seoul offered 13 percent for 2020, and 13 percent for 2021 was floated too."
    second = sentence.rindex("13 percent")
    assert place("13 percent", sentence, sentence, "2020-04-01", None, at=second).period == "2021"
    assert place("13 percent", sentence, sentence, "2020-04-01", None).period == "2020"


# -------------------------------------------------------------------- money
QUALIFIERS = [None, "about", "around", "roughly", "some", "approximately", "nearly", "almost", "just under",
              "just over", "more than", "over", "at least", "up to", "as many as", "less than", "whatever"]  # fmt: skip
values = st.floats(min_value=0, max_value=1e13, allow_nan=False, allow_infinity=False)


@given(values, st.sampled_from(QUALIFIERS))
def test_value_range_contains_the_value(v: float, q: str | None) -> None:
    low, high = value_range(v, q)
    assert 0 <= low <= v <= high


@given(values, values, st.sampled_from(QUALIFIERS))
def test_value_range_is_monotone(a: float, b: float, q: str | None) -> None:
    a, b = min(a, b), max(a, b)
    (la, ha), (lb, hb) = value_range(a, q), value_range(b, q)
    assert la <= lb and ha <= hb


def test_value_range_reads_the_qualifiers() -> None:
    assert value_range(5e9, "nearly") == (5e9 * (1 - NEAR_TOL), 5e9)
    assert value_range(100, "about") == pytest.approx((100 * (1 - APPROX_TOL), 100 * (1 + APPROX_TOL)))
    assert value_range(4000, "more than") == (4000, math.inf)
    assert value_range(500, "up to") == (0, 500)
    assert value_range(870e6, None) == (870e6, 870e6)
    with pytest.raises(ValueError):
        value_range(-1, None)


@given(values, values, st.sampled_from(range(2018, 2026)))
def test_to_usd_converts_won_monotonically(a: float, b: float, year: int) -> None:
    a, b = min(a, b), max(a, b)
    ua, ub = to_usd(a, "KRW", year), to_usd(b, "KRW", year)
    assert ua is not None and ub is not None and ua.usd is not None and ub.usd is not None
    assert 0 <= ua.usd <= ub.usd
    assert ua.rate_year == year and ua.source is not None and ua.source.url.startswith("https://")
    scale, low, high = comparable_range(a, "KRW", None, str(year))  # type: ignore[misc]
    assert scale == "USD" and low <= ua.usd <= high


@given(values)
def test_to_usd_never_guesses(v: float) -> None:
    assert to_usd(v, "KRW", 2026) == to_usd(v, "KRW", 2026)
    unpublished = to_usd(v, "KRW", "2026")
    assert unpublished is not None and unpublished.usd is None and unpublished.rate is None
    undated = to_usd(v, "KRW", None)
    assert undated is not None and undated.usd is None
    assert to_usd(v, "percent", 2019) is None
    dollars = to_usd(v, "USD", 2026)
    assert dollars is not None and dollars.usd == v and dollars.rate is None


def test_won_in_2019_dollars() -> None:
    got = to_usd(1.04e12, "KRW", "2019")
    assert got is not None and got.usd is not None and round(got.usd / 1e7) == 89  # about $890 million
    assert to_usd(1.18e12, "KRW", "2021-2025") == to_usd(1.18e12, "KRW", 2021)


def test_bundled_rates_are_sourced() -> None:
    for year in range(2018, 2026):
        rate = RATES[year]
        assert rate.krw_per_usd is not None and 1000 < rate.krw_per_usd < 1500
        assert rate.source is not None and "AEXKOUS" in rate.source.title
    assert RATES[2026].krw_per_usd is None
    data = json.loads(data_file("rates.json").read_text(encoding="utf-8"))
    data["rates"]["2019"]["source"] = None
    with pytest.raises(ValueError, match="needs its source"):
        parse_rates(data)


# -------------------------------------------------------- disputes/trajectory
def claim(cid: str, measure: str | None, value: float, unit: str, day: str | None, side: str | None,
          period: str | None, qualifier: str | None = None, source: str = "", *, retro: bool = False,
          fx: bool = False) -> Claim:  # fmt: skip
    return Claim(cid, measure, value, unit, qualifier, day, side, period, source or cid, retrospective=retro,
                 exchange_rate=fx)  # fmt: skip


def us_demand(cid: str, value: float, day: str, qualifier: str | None = None, retro: bool = False) -> Claim:
    return claim(cid, "us-demand", value, "USD", day, "US", "2020", qualifier, retro=retro)


def payment(cid: str, value: float, unit: str, source: str) -> Claim:
    return claim(cid, "seoul-payment-2019", value, unit, "2020-04-07", None, "2019", source=source)


LABELS = {"b1": "Breitbart, quoting Trump", "y1": "Yonhap", "y2": "Yonhap", "x1": "Xinhua"}


def test_a_demand_moving_over_time_is_a_trajectory_not_a_dispute() -> None:
    claims = [us_demand("a", 5e9, "2019-11-19"), us_demand("b", 4e9, "2020-03-20"), us_demand("c", 1.3e9, "2020-08-10")]
    assert disputes(claims) == []
    assert [p.value for p in trajectory(claims)] == [5e9, 4e9, 1.3e9]
    assert [p.change_2019 for p in trajectory(claims)][-1] == pytest.approx(45.9, abs=0.1)


def test_a_demand_reported_differently_in_the_same_weeks_is_a_dispute() -> None:
    found = disputes([us_demand("a", 5e9, "2019-11-19"), us_demand("b", 3e9, "2019-11-25")])
    assert len(found) == 1 and found[0].side == "US"
    overlapping = [us_demand("a", 5e9, "2019-11-19", "nearly"), us_demand("b", 4.7e9, "2019-11-25")]
    assert disputes(overlapping) == []


def test_a_retrospective_mention_is_neither_a_point_nor_a_disagreement() -> None:
    claims = [us_demand("a", 4e9, "2020-04-02"), us_demand("b", 5e9, "2020-04-07", retro=True)]
    assert disputes(claims) == []
    assert [p.id for p in trajectory(claims)] == ["a"]


def test_seoul_2019_payment_won_is_not_against_dollars_but_990_million_is() -> None:
    base = [payment("y1", 870e6, "USD", "yonhap-1"), payment("y2", 870e6, "USD", "yonhap-2")]
    assert disputes([*base, payment("x1", 1.04e12, "KRW", "xinhua")]) == []
    found = disputes([*base, payment("b1", 990e6, "USD", "breitbart")], LABELS)
    assert [d.why for d in found] == ["$990 million (Breitbart, quoting Trump) vs $870 million (Yonhap ×2) for 2019"]
    both = disputes([*base, payment("x1", 1.04e12, "KRW", "x"), payment("b1", 990e6, "USD", "b")], LABELS)
    assert len(both) == 1 and both[0].id == "seoul-payment-2019/2019"
    assert both[0].why == (
        "$990 million (Breitbart, quoting Trump) vs $870 million (Yonhap ×2), 1.04 trillion won (Xinhua) for 2019"
    )
    assert dispute_of(both) == dict.fromkeys(["b1", "y1", "y2", "x1"], "seoul-payment-2019/2019")


def test_different_measures_periods_and_units_never_compare() -> None:
    leave = claim("l", "workers-on-leave", 4000, "people", "2020-04-28", None, "2020", "more than")
    notified = claim("n", "workers-notified", 9000, "people", "2020-03-25", None, "2020", "about")
    assert disputes([leave, notified]) == []
    assert disputes([leave, claim("m", "workers-on-leave", 9000, "people", "2020-04-28", None, "2020", "about")]) == []
    about = claim("a", "workers-on-leave", 4000, "people", "2020-04-28", None, "2020", "about")
    assert len(disputes([about, claim("m", "workers-on-leave", 9000, "people", "2020-04-28", None, "2020")])) == 1
    earlier = claim("b", "seoul-payment-2019", 830e6, "USD", None, None, "2018")
    assert disputes([payment("a", 870e6, "USD", "y"), earlier]) == []
    unmeasured = [claim(c, None, v, "USD", "2020-01-01", None, None) for c, v in (("p", 1e9), ("q", 2e9))]
    assert disputes(unmeasured) == []


def test_an_exchange_rate_is_never_a_us_demand_of_one_dollar() -> None:
    fx = claim("fx", "us-demand", 1, "USD", "2020-03-10", None, None, fx=True)
    real = us_demand("d", 4e9, "2020-03-10")
    assert disputes([fx, real]) == []
    assert [p.id for p in trajectory([fx, real])] == ["d"]
    sentence = "Seoul wants a deal soon. ($1 = 1,190.50 won)"
    placed = place("$1", sentence, sentence, "2020-03-10", "us-demand")
    figure = _Figure("a/f1", "a", "$1", 1.0, "USD", "us-demand", None, None, "2020-03-10")
    assert trajectory([claim_of(figure, placed)]) == []


def test_change_over_2019() -> None:
    agreed = claim("a", "sma11-agreed", 13.9, "percent", "2021-03-10", "agreed", "2021")
    assert change_over_2019(agreed) == 13.9
    assert change_over_2019(claim("k", "sma11-agreed", 1.1833e12, "KRW", None, "agreed", "2021")) == 13.9
    assert change_over_2019(claim("m", "us-demand-increase", 5, "multiple", None, "US", "2020")) == 400.0
    assert change_over_2019(claim("t", "usfk-troops", 28500, "troops", None, None, "2020")) is None


# --------------------------------------------------------------- the dossier
def test_dossier_positions_are_cited() -> None:
    found = load_dossier_positions()
    assert {p.side for p in found} == {"US", "ROK", "agreed"}
    assert all(p.citation is not None and p.citation.url.startswith("https://") for p in found)
    agreed = {(p.period, p.value, p.unit) for p in found if p.side == "agreed"}
    assert {("2021", 13.9, "percent"), ("2021", 1.183e12, "KRW"), ("2020", 1.039e12, "KRW")} <= agreed


def test_a_bad_dossier_position_is_one_clear_error(tmp_path: Path) -> None:
    data = json.loads(data_file("dossier", "positions.json").read_text(encoding="utf-8"))
    data["positions"][1]["side"] = "Japan"
    with pytest.raises(ValueError, match=r"^positions: entry 2: side must be one of US, ROK, agreed$"):
        parse_positions(data)
    with pytest.raises(ValueError, match="positions"):
        parse_positions({"positions": [{"id": "x"}]})


# ----------------------------------------------------------- bundled corpus
@pytest.fixture(scope="module")
def bundled_claims() -> list[Claim]:
    from sma_tui.bundled.build import bundled_corpus
    from sma_tui.ingest.text import paragraphs, sentence_bounds

    corpus = bundled_corpus()
    out = []
    for f in corpus.figure_list():
        article = corpus.articles[f.article]
        body = article.body
        para = next(p for p in paragraphs(body) if p.start <= f.start < p.end)
        s, e = next((a, b) for a, b in sentence_bounds(body, para.start, para.end, []) if a <= f.start < b)
        placed = place(f.text, body[s:e], body[para.start : para.end], article.date, f.measure, at=f.start - s)
        out.append(claim_of(f, placed))
    return out


def test_bundled_corpus_has_one_real_dispute(bundled_claims: list[Claim]) -> None:
    found = disputes(bundled_claims)
    assert [d.id for d in found] == ["seoul-payment-2019/2019"]
    values = sorted({c.value for c in found[0].claims})
    assert values == [870e6, 990e6]


def test_bundled_positions_run_from_the_5_billion_ask_to_the_agreed_13_9(bundled_claims: list[Claim]) -> None:
    found = positions_of(bundled_claims)
    assert [p.date for p in found] == sorted(p.date or "9999" for p in found)
    ask = next(i for i, p in enumerate(found) if p.side == "US" and p.value == 5e9 and p.source.startswith("breit"))
    assert (found[ask].date or "").startswith("2019") and found[ask].usd == 5e9
    deal = next(i for i, p in enumerate(found) if p.side == "agreed" and p.unit == "percent")
    assert (found[deal].value, found[deal].period, found[deal].change_2019) == (13.9, "2021", 13.9)
    assert ask < deal
    assert not any(p.source == "yonhap-2020-04-07" and p.value == 5e9 for p in found)  # "its initial demands"
