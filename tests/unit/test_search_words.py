"""The quote search finds what users type (issue 15): speaker and publisher names, ranked
after the text; curly-quoted phrases; unknown filters and impossible dates are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sma_tui.cli.main import main
from sma_tui.core.corpus import Corpus
from sma_tui.core.search import QueryError, QuoteMatcher, narrows, parse_query


def test_a_word_matches_speaker_names_after_the_text(corpus: Corpus) -> None:
    found = QuoteMatcher(corpus).search(parse_query("Jeong"))
    in_text = [q for q in found if "jeong" in q.text.lower()]
    by_speaker = [q for q in found if "jeong" not in q.text.lower()]
    assert in_text and by_speaker and found == in_text + by_speaker
    assert all(q.speaker and "jeong" in corpus.speaker_name(q.speaker).lower() for q in by_speaker)


def test_a_word_matches_the_publisher_last(corpus: Corpus) -> None:
    found = QuoteMatcher(corpus).search(parse_query("yonhap"))
    assert found and all(
        corpus.articles[q.article].publisher.startswith("Yonhap") for q in found if "yonhap" not in q.text.lower()
    )


def test_narrowing_still_holds_with_names(corpus: Corpus) -> None:
    m = QuoteMatcher(corpus)
    old, new = parse_query("je"), parse_query("jeong")
    assert narrows(old, new)
    assert m.search_indices(new, m.search_indices(old)) == m.search_indices(new)


@pytest.mark.parametrize("text", ["“fair and equitable”", '"fair and equitable"', "„fair and equitable”"])
def test_curly_quotes_make_a_phrase(corpus: Corpus, text: str) -> None:
    assert parse_query(text).terms == ["fair and equitable"]
    assert len(QuoteMatcher(corpus).search(parse_query(text))) == 2


@pytest.mark.parametrize("text", ["foo:bar fair", "Speakr:esper", "http://example.com"])
def test_an_unknown_filter_is_an_error(text: str) -> None:
    with pytest.raises(QueryError, match="unknown filter"):
        parse_query(text)


def test_a_colon_in_a_number_or_a_quoted_phrase_is_text() -> None:
    assert parse_query("10:30").terms == ["10:30"]
    assert parse_query('"foo:bar"').terms == ["foo:bar"]


@pytest.mark.parametrize("value", ["2020-02-30", "2019-02-29", "2021-04-31"])
def test_impossible_days_are_rejected(value: str) -> None:
    with pytest.raises(QueryError, match="not a valid date"):
        parse_query(f"after:{value}")
    assert parse_query("after:2020-02-29").after == "2020-02-29"  # a leap day


def test_cli_unknown_filter_exits_2(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "foo:bar fair", "--db", str(store_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown filter 'foo:'" in err[0]
