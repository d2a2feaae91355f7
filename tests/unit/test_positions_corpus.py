"""Issue 12 wired in: placed figures in the store, disputes per corpus, ``figures --json``,
``positions``, the schema-4 migration. The two articles in ``tests/fixtures/positions`` are
invented (a U.S. demand moving from $4 billion in March 2020 to $1.3 billion in August 2020,
Seoul's 2019 payment stated in won) to test "after adding articles"."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from sma_tui.cli.main import main
from sma_tui.core.corpus import Corpus
from sma_tui.core.models import SCHEMA_VERSION, Figure
from sma_tui.core.positions.stored import usd_of
from sma_tui.storage.store import Store

POSITIONS = Path(__file__).resolve().parent.parent / "fixtures" / "positions"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def grown(store_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The bundled store plus the two invented articles."""
    code, _, err = _run(capsys, "add", "--db", str(store_path), str(POSITIONS))
    assert code == 0, err
    return store_path


def _values(c: Corpus, dispute_id: str) -> list[set[str]]:
    d = next(d for d in c.disputes() if d.id == dispute_id)
    return [{c.figures[x.id].text for x in g.claims} for g in d.groups]


def test_bundled_corpus_has_one_dispute_the_2019_payment(store: Store) -> None:
    c = store.load()
    assert [d.id for d in c.disputes()] == ["seoul-payment-2019/2019"]
    groups = _values(c, "seoul-payment-2019/2019")
    assert groups == [{"$990 million", "$990,000,000"}, {"US$870 million", "$870 million"}]
    why = c.disputes()[0].why
    assert why == (
        "$990 million (Breitbart News, quoting Jeong Eun-bo; Breitbart News, quoting Trump)"
        " vs $870 million (Yonhap News Agency ×2) for 2019"
    )
    groups = c.figure_groups()
    assert groups[0].measure.id == "seoul-payment-2019" and groups[0].conflict
    assert not any(g.conflict for g in groups[1:])  # the $5 billion ask is not in dispute


def test_after_adding_articles_the_demand_is_a_trajectory_and_won_agrees_with_870m(grown: Path) -> None:
    c = Store(grown).load()
    assert [d.id for d in c.disputes()] == ["seoul-payment-2019/2019"]
    groups = _values(c, "seoul-payment-2019/2019")
    assert {"1.04 trillion won", "$870 million"} <= groups[1]  # the won sum agrees with $870 million
    assert groups[0] == {"$990 million", "$990,000,000"}  # only $990 million is in dispute
    demands = sorted((f.date or "", f.value) for f in c.figures.values() if f.measure == "us-demand")
    assert [v for _, v in demands][:1] == [5e9] and (("2020-03-19", 4e9) in demands) and demands[-1][1] == 1.3e9
    assert all(c.dispute_of(f.id) is None for f in c.figures.values() if f.measure == "us-demand")
    assert all(c.dispute_of(f.id) is None for f in c.figures.values() if f.measure == "workers-on-leave")


def test_positions_json_is_in_date_order_with_the_ask_and_the_agreed_outcome(
    grown: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "positions", "--db", str(grown), "--json")
    assert code == 0, err
    rows = json.loads(out)
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    ask = next(r for r in rows if r["side"] == "US" and r["value"] == 5e9 and r["unit"] == "USD")
    assert ask["date"].startswith("2019") and ask["article"] == "breitbart-2019-11-19" and ask["start"] is not None
    agreed = next(r for r in rows if r["side"] == "agreed" and r["unit"] == "percent")
    assert (agreed["value"], agreed["period"], agreed["date"][:4]) == (13.9, "2021", "2021")
    assert agreed["url"].startswith("https://") and agreed["article"] is None and agreed["change_2019"] == 13.9
    us = [(r["date"], r["usd"]) for r in rows if r["side"] == "US" and r["unit"] == "USD"]
    assert ("2020-03-19", 4e9) in us and ("2020-08-20", 1.3e9) in us
    assert not any(r["id"] == "yonhap-2020-04-07/f3" for r in rows)  # "backed down from its $5 billion": retrospective
    for fmt in ("csv", "md", "table"):
        code, out, _ = _run(capsys, "positions", "--db", str(grown), "--format", fmt)
        assert code == 0 and "13.9" in out


def test_figures_json_gains_side_period_usd_dispute(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "figures", "--db", str(store_path), "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and len(rows) == 17
    f = rows["breitbart-2019-11-19/f2"]
    assert (f["side"], f["period"], f["usd"], f["dispute"], f["measure"]) == ("US", "2020", 5e9, None, "us-demand")
    assert rows["yonhap-2020-04-28/f3"]["dispute"] == "seoul-payment-2019/2019"
    nato = rows["breitbart-2019-11-19/f6"]  # not a position: listed, unplaced
    assert (nato["side"], nato["period"], nato["usd"]) == (None, None, None)
    code, out, _ = _run(capsys, "figures", "--db", str(store_path), "--conflicts", "--json")
    assert {r["id"] for r in json.loads(out)} == {k for k, r in rows.items() if r["dispute"]}


def test_won_without_a_rate_has_no_usd() -> None:
    f = Figure("x/f1", "x", 0, 4, "1 trillion won", 1e12, "KRW", "seoul-payment-2019", period="1990")
    assert usd_of(f) == (None, None)
    f.period = "2019"
    usd, year = usd_of(f)
    assert usd is not None and 8e8 < usd < 9e8 and year == 2019


def test_a_schema_3_store_is_migrated_by_placing_its_figures(store_path: Path) -> None:
    fresh = {f.id: (f.side, f.period, f.retrospective) for f in Store(store_path).load().figures.values()}
    raw = orjson.loads(store_path.read_bytes())
    raw["meta"]["1"]["schema"] = 3
    for fig in raw["figures"].values():
        for key in ("side", "period", "retrospective", "exchange_rate"):
            fig.pop(key, None)
    store_path.write_bytes(orjson.dumps(raw))
    migrated = Store(store_path).load()
    assert migrated.meta["schema"] == SCHEMA_VERSION == 4
    assert {f.id: (f.side, f.period, f.retrospective) for f in migrated.figures.values()} == fresh
    assert [d.id for d in migrated.disputes()] == ["seoul-payment-2019/2019"]


def test_place_in_body_flags_an_exchange_rate_and_reads_bounded_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    from sma_tui.core.positions import locate

    body = "Washington has demanded that Seoul pay 4.7 trillion won (US$1 = 1,190 won) a year."
    at = body.index("US$1")
    placed = locate.place_in_body(body, at, at + 4, "2020-03-20", "us-demand")
    assert placed.exchange_rate and placed.side is None and placed.period is None
    ask = locate.place_in_body(body, body.index("4.7"), body.index(" won ("), "2020-03-20", "us-demand")
    assert (ask.side, ask.period, ask.exchange_rate) == ("US", "2020", False)
    # a hostile body (one endless sentence): each figure is placed from a bounded window
    seen: list[tuple[int, int]] = []
    real = locate.place

    def spy(text: str, sentence: str, paragraph: str, *args: object, **kw: object) -> object:
        seen.append((len(sentence), len(paragraph)))
        return real(text, sentence, paragraph, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(locate, "place", spy)
    huge = "and $5 billion " * 20_000
    for start in range(6, len(huge), 150_000):
        locate.place_in_body(huge, start - 2, start + 8, "2020-01-01", "us-demand")
    limit = locate.SENTENCE_BEFORE + locate.SENTENCE_AFTER + 10
    assert seen and all(s <= limit and p <= limit + locate.PARAGRAPH_BEFORE for s, p in seen)
