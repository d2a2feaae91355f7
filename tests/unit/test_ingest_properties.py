"""Arbitrary text never crashes the extractor, and every span it returns is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sma_tui.ingest import extract

PIECES = st.sampled_from(
    ['"', "“", "”", "'", ",", ".", ":", "\n", "\n\n", " ", "said", "he said", "told reporters:", "according to",
     "Esper", "Jeong Eun-bo", "the ministry", "a State Department official", "$5 billion", "13%", "two percent",
     "five-fold", "1.0389 trillion won", "More than 4,000 employees", "on Monday", "last week", "mid-December",
     "WASHINGTON, April 6 (Yonhap) --", "(R)", "Send Feedback", "By ", "(", ")", "—", "#", "Seoul's"]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, day=st.sampled_from([None, "2020-04-07", "2019-12-31"]))
def test_never_crashes_and_spans_are_valid(corpus, text: str, day: str | None) -> None:
    x = extract(text, corpus=corpus, overrides={"date": day})
    body = x.article.body
    assert body == text
    for claim in (*x.quotes, *x.figures):
        assert 0 <= claim.start < claim.end <= len(body)
        assert body[claim.start : claim.end] == claim.text
    known = set(corpus.actors) | {a.id for a in x.actors}
    assert all(q.speaker is None or q.speaker in known for q in x.quotes)
    assert all(q.kind in ("full", "partial", "block") for q in x.quotes)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_deterministic(corpus, text: str) -> None:
    a, b = extract(text, corpus=corpus), extract(text, corpus=corpus)
    assert [q.to_dict() for q in a.quotes] == [q.to_dict() for q in b.quotes]
    assert [f.to_dict() for f in a.figures] == [f.to_dict() for f in b.figures]
