"""``sma-tui add`` updates the overview kept beside the store from the one it had (see
:mod:`sma_tui.core.overview_update`) instead of rebuilding it from the whole corpus; after
every add of a sequence it must equal an overview computed from scratch.

The sequence covers: adds that regroup stored quotes into statements (an earlier outlet's
report renames the statement and gives a weak report its speaker), a duplicate, a rejected
file, adds with figures of known and new values, an article dated before every stored one,
a figure that puts a measure in dispute, and reports that credit one remark to two speakers.
The articles written here are invented.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sma_tui import services
from sma_tui.core.overview import Overview, QuoteCounts
from sma_tui.core.overview_update import OverviewState, QuoteChange, updated_counts
from sma_tui.storage import records
from sma_tui.storage.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HARBOR = FIXTURES / "statements" / "harbor-wire-2020-03-20.txt"
LEDGER = FIXTURES / "statements" / "eastern-ledger-2020-03-21.txt"
ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))

EARLY = """Allies open cost talks far apart

Bay Courier

September 2, 2019

SEOUL, Sept. 2 (Bay Courier) -- Negotiators from Seoul and Washington began talks on Monday.

Washington wants Seoul to pay about $4.7 billion a year, up from the 1.0389 trillion won
it pays in 2019, officials said. Seoul has offered a 9 percent increase.

"That is not a figure we are focused on right now," said James DeHart, the U.S. negotiator.

"The workers must not be the victims," a ministry official said.
"""

TROOPS = """Troop numbers questioned as talks stall

Bay Courier

December 20, 2019

SEOUL, Dec. 20 (Bay Courier) -- A lawmaker said on Friday that about 25,000 American troops are
stationed in South Korea in 2019, fewer than the official count.
"""

SAID = """Talks resume with no date for a deal

{outlet}

{date}

SEOUL, {day} ({outlet}) -- Negotiators met again on Friday.

"We will not accept a deal that fails to protect the workers at the bases," {speaker} told reporters.
The U.S. asked for $1.3 billion, officials said.
"""


def _fresh(path: Path) -> tuple[Overview, OverviewState]:
    return _FULL(path, Store(path).read_tables())


_FULL = records.overview_and_state


def _check(path: Path) -> None:
    store = Store(path)
    kept = store.read_overview_state(store.stamp())
    assert kept is not None, "the add kept no overview"
    overview, state = _fresh(path)
    assert kept[0] == overview
    assert kept[0] == Overview.of(services.load_corpus(path))
    assert kept[1].to_dict() == state.to_dict()


def test_an_updated_overview_equals_one_computed_from_scratch(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full: list[int] = []

    def counted(path: Path, tables: dict[str, list[dict[str, Any]]]) -> tuple[Overview, OverviewState]:
        full.append(1)
        return _FULL(path, tables)

    monkeypatch.setattr(records, "overview_and_state", counted)
    early, troops, one, two, empty = (tmp_path / f"{n}.txt" for n in ("early", "troops", "one", "two", "empty"))
    early.write_text(EARLY, encoding="utf-8")
    troops.write_text(TROOPS, encoding="utf-8")
    one.write_text(SAID.format(outlet="Harbor Wire", date="April 3, 2020", day="April 3", speaker="Jeong Eun-bo"))
    two.write_text(SAID.format(outlet="Eastern Ledger", date="April 4, 2020", day="April 4", speaker="James DeHart"))
    empty.write_text("", encoding="utf-8")

    steps: list[tuple[list[Path], bool]] = [  # the files, and whether the add writes
        ([LEDGER], True),  # the store was copied without its overview: this add computes it
        ([HARBOR], True),  # earlier than LEDGER: renames its statements, a weak report inherits
        ([LEDGER], False),  # a duplicate
        ([empty], False),  # rejected
        ([empty, HARBOR, *ARTICLES[:2]], True),  # rejected, duplicate and new together
        (ARTICLES[2:], True),
        ([early], True),  # before every stored article: new first figures, a new statement head
        ([troops], True),  # a new dispute: its measure's group moves up
        ([one], True),
        ([two], True),  # the same words credited to another speaker
    ]
    for files, writes in steps:
        before = Store(store_path).stamp()
        services.add_files(store_path, files, {}, dry_run=False)
        assert (Store(store_path).stamp() != before) == writes, files
        _check(store_path)
    assert len(full) == 1, "every add after the first must update the kept overview"


def test_counts_follow_regrouped_quotes() -> None:
    """Two reports that were two statements become one: the statement counts drop by one
    for their event and speaker, the report counts do not change."""
    old = QuoteCounts.of_triples([("round-7", "dehart", "st:a"), ("round-7", "dehart", "st:b"), (None, "x", "st:c")])
    change = QuoteChange(
        before=[("round-7", "dehart", "st:b")],
        after=[("round-7", "dehart", "st:a"), ("round-7", None, "st:a")],
        others=[("round-7", "dehart", "st:a")],
    )
    new = updated_counts(old, change)
    expected = QuoteCounts.of_triples(
        [("round-7", "dehart", "st:a"), ("round-7", "dehart", "st:a"), ("round-7", None, "st:a"), (None, "x", "st:c")]
    )
    assert new.to_dict() == expected.to_dict()
    assert (new.statements, new.event_statements["round-7"], new.events["round-7"]) == (2, 1, 3)


def test_groups_of_measures_outside_the_table_keep_the_order_of_their_first_figures() -> None:
    """Measures with no record sort after the known ones, in the order of their first figure
    in claim order, as ``Corpus.figure_groups`` has them; a new earlier figure moves one up."""
    from sma_tui.core.overview import GroupRow, ValueRow
    from sma_tui.core.overview_update import merge_groups

    def group(measure: str) -> GroupRow:
        return GroupRow(measure, measure, False, [ValueRow(1.0, "percent", 1, [])])

    old = [group("m-a"), group("m-b")]
    first = {"m-a": ("2020-01-01", "x", 0), "m-b": ("2020-01-02", "y", 0)}
    assert [g.measure for g in merge_groups(old, {}, {}, {}, first)] == ["m-a", "m-b"]
    first["m-b"] = ("2019-12-31", "z", 0)
    assert [g.measure for g in merge_groups(old, {}, {"m-b": []}, {}, first)] == ["m-b", "m-a"]


def _value_rows_reference(figures, touched, articles):  # type: ignore[no-untyped-def]
    """The value rows the plain way: group, sort by claim key, count (the oracle)."""
    from sma_tui.core.overview import ValueRow, source_rows

    found: dict[Any, list[Any]] = {}
    for d in figures:
        if (key := (d.get("measure"), d["value"], d["unit"])) in touched:
            found.setdefault(key, []).append(d)
    out = {}
    for key, figs in found.items():
        figs = sorted(figs, key=lambda d: (d.get("date") or "", d["article"], d["start"]))
        pairs = []
        for d in figs:
            pairs.append(articles[d["article"]] if d["article"] in articles else (d["article"], d.get("date")))
        out[key] = ValueRow(figs[0]["value"], figs[0]["unit"], len(figs), *source_rows(pairs))
    return out


def test_value_rows_of_many_figures_equal_the_step_by_step_ones() -> None:
    """Thousands of figures stating a value, with what hand edits leave: a null or missing
    date, a figure whose article is gone, ties in claim order, more publishers and dates
    than a row shows."""
    import random

    from sma_tui.core.overview_update import value_rows

    rng = random.Random(16)
    articles = {f"a{i}": (f"Outlet {i % 17}", rng.choice([None, f"2020-0{1 + i % 9}-01"])) for i in range(400)}
    figures = []
    for n in range(6000):
        d: dict[str, Any] = {"article": f"a{rng.randrange(440)}", "start": rng.randrange(50),
                             "measure": rng.choice(["m1", "m2", None]), "value": rng.choice([1.0, 5.0, 5, 7.5]),
                             "unit": rng.choice(["USD", "troops"])}  # fmt: skip
        roll = rng.random()
        if roll < 0.8:
            d["date"] = f"2020-0{1 + n % 9}-2{n % 10}"
        elif roll < 0.9:
            d["date"] = None
        figures.append(d)
    touched = {("m1", 5.0, "USD"), ("m2", 1.0, "troops"), (None, 7.5, "USD"), ("m1", 9.0, "USD")}
    assert value_rows(figures, touched, articles) == _value_rows_reference(figures, touched, articles)
