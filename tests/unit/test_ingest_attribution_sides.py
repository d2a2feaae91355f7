"""Sides from evidence beyond the title: unnamed employers placed in a city, a nationality
beating a place of work, the union's own people, a protest against the U.S. (own sentences)."""

from __future__ import annotations

import pytest

from sma_tui.ingest.sides import side_from_evidence


@pytest.mark.parametrize(
    ("evidence", "side"),
    [
        ("a lecturer at a private university in Seoul", "ROK"),
        ("an economist at a state-funded institute outside Seoul", "ROK"),
        ("a fellow at a Washington think tank", "US"),
        ("a visiting fellow at a center in Washington", "US"),
        ("a fellow at the Brookings Institution in Washington", "unknown"),  # a named think tank: any nationality
        ("The American general in South Korea", "US"),
        ("the South Korean attaché in Washington", "ROK"),
        ("a lawmaker in Seoul", "unknown"),
        ("The union's spokeswoman", "ROK"),
        ("the union's secretary-general", "ROK"),
        ("the union's vice president", "ROK"),
        ("The Korean Workers Union of USFK", "ROK"),
        ("who leads a Seoul-based alliance of groups protesting the U.S. troop presence", "ROK"),
        ("Three congressional staffers", "US"),
    ],
)
def test_side_from_wider_evidence(evidence: str, side: str) -> None:
    assert side_from_evidence(evidence) == side


def test_a_dateline_is_no_side_for_an_anonymous_official(corpus) -> None:
    """A story datelined Seoul quotes U.S. officials too: the dateline is not evidence of a
    side (issue 11: titles, employers and nationality words decide; else unknown)."""
    from sma_tui.ingest import extract

    seoul = 'SEOUL, March 3 (Yonhap) -- "Gaps remain," a senior government official said on Tuesday.\n'
    assert [a.side for a in extract(seoul, corpus=corpus).actors] == ["unknown"]
    named = 'SEOUL, March 3 (Yonhap) -- "Gaps remain," a senior U.S. defense official said on Tuesday.\n'
    assert [a.side for a in extract(named, corpus=corpus).actors] == ["US"]  # their own words decide
    for lead in ("WASHINGTON: Talks resumed.", "Seoul (AFP) - Talks resumed.", "WASHINGTON (AP) — Talks resumed."):
        text = f'{lead}\n\n"Gaps remain," a senior defense official said.\n'
        assert [a.side for a in extract(text, corpus=corpus).actors] == ["unknown"], lead


@pytest.mark.parametrize(
    "evidence",
    ["a cook employed by U.S. Forces Korea for 20 years", "who has worked for the US military since 1999"],
)
def test_being_employed_by_the_us_military_is_no_us_side(evidence: str) -> None:
    assert side_from_evidence(evidence) == "unknown"


def test_an_appositive_ends_where_the_quoted_clause_begins() -> None:
    from sma_tui.ingest.clauses import appositive_after

    text = ', a lecturer at Mokpo University who advises Seoul\'s Unification Ministry, the U.S. team "has time," and'
    assert appositive_after(text) == "a lecturer at Mokpo University who advises Seoul's Unification Ministry"
