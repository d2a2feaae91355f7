"""Quote marks as real pages damage them (issue 11): an opening mark lost, a quotation that
goes on into the next paragraph without reopening its mark, straight marks with the spaces on
the wrong side, a headline "Name: 'quote'" repeated in an image caption, a single-quoted
headline phrase before a double-quoted one. Every sentence here is written for the test;
none is copied from an article."""

from __future__ import annotations

import pytest

from sma_tui.ingest import extract
from sma_tui.ingest.text import paragraphs
from sma_tui.ingest.transcripts import press_turns


@pytest.mark.parametrize("label", ["Envoy", "U.S.", "USFK"])
def test_a_repeated_headline_label_before_a_quote_is_not_a_transcript(corpus, label: str) -> None:
    body = (
        f"{label}: “Seoul Must Carry More of the Load”... Talks Resume\n\n"
        "The two sides met again in Washington on Monday.\n\n"
        f"{label}: “Seoul Must Carry More of the Load”... Talks Resume [Image source=Wire]\n\n"
        "On Monday, chief negotiator James DeHart told a forum that \"the allies should share the load fairly.\"\n\n"
        'He added, "We are not there yet."\n'
    )
    assert press_turns(body, paragraphs(body)) == ([], set())
    texts = [q.text for q in extract(body, corpus=corpus).quotes]
    assert "the allies should share the load fairly." in texts and "We are not there yet." in texts
