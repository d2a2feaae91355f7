"""The quote-search query language (plain pytest + hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sma_tui.core.search import QueryError, QuoteMatcher, match_spans, parse_query
from sma_tui.core.text import fold


def test_parse_filters_and_phrases() -> None:
    q = parse_query('speaker:esper side:rok round:3 after:2020-01 before:2020 "fair and equitable" walked')
    assert q.speaker == [" esper"]
    assert q.side == "ROK"
    assert q.round == 3
    assert (q.after, q.before) == ("2020-01-01", "2020-12-31")
    assert q.terms == ["fair and equitable", "walked"]


def test_quoted_filter_value_and_unknown_key_in_quotes_is_a_word() -> None:
    q = parse_query('speaker:"Jeong Eun" "note:thing"')
    assert q.speaker == [" jeong eun"]
    assert q.terms == ["note:thing"]
    with pytest.raises(QueryError, match="unknown filter"):  # issue 15: no silent empty result
        parse_query("note:thing")


@pytest.mark.parametrize("bad", ["side:mars", "round:three", "after:2020-13", "before:yesterday"])
def test_meaningless_filters_raise(bad: str) -> None:
    with pytest.raises(QueryError):
        parse_query(bad)


def test_search_on_bundled_corpus(corpus) -> None:
    m = QuoteMatcher(corpus)
    hits = m.search(parse_query("walked out"))
    assert hits and all("walked out" in h.text for h in hits)
    rok = m.search(parse_query("side:rok"))
    assert rok and all(corpus.actors[h.speaker].side == "ROK" for h in rok)
    r3 = m.search(parse_query("round:3"))
    assert r3 and all(h.event == "round-3" for h in r3)
    assert m.search(parse_query("round:99")) == []
    esper = m.search(parse_query("speaker:esper"))
    assert esper and {h.speaker for h in esper} == {"mark-esper"}
    assert len(m.search(parse_query(""))) == len(corpus.quotes)
    early = m.search(parse_query("before:2019-12-31"))
    assert early and all(h.date <= "2019-12-31" for h in early)


def test_typography_is_folded() -> None:
    assert fold("Seoul’s “deal”") == 'seoul\'s "deal"'


def test_match_spans_merges_overlaps() -> None:
    q = parse_query("walk walked")
    assert match_spans("They walked out", q) == [(5, 11)]


@given(st.text())
def test_parser_never_crashes_except_query_error(text: str) -> None:
    try:
        q = parse_query(text)
    except QueryError:
        return
    for term in q.terms:
        assert term


@given(st.text(), st.text(min_size=1))
def test_match_spans_are_valid(text: str, query: str) -> None:
    try:
        q = parse_query(query)
    except QueryError:
        return
    for start, end in match_spans(text, q):
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]) in q.terms or any(t in fold(text[start:end]) for t in q.terms)
