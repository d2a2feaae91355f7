"""Generated worst cases: long runs of each construct that once made a stage super-linear,
and random mixes of them, finish within a generous budget (the benchmark,
benchmarks/bench_worst.py, holds the real target: <= 2 s per 300 KB)."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sma_tui.ingest import extract

CONSTRUCTS = [".", ". ", " ", "**a ", '"a" ', "“a” ", '"Yes we will," Jeong said. ', "said ", "the talks ",
              "Kim Min-jun said ", "$5 billion, ", "1", ",", "“a ", "a\n\n", "MR. X: yes.\n\n", "Q: no?\n\n",
              '[Soundbite] KIM (X) : "a"\n\n', "according to Yonhap, ", "Seoul's ", "(US$1 = W1,190) ",
              "he added ", "W1.04 trillion ", "over 4,000 workers ", "the allies' ", " 'a ", "'90s ", "‘", "’ ",
              "'x' ", "Union: 'a\n\n", "$1-", "$1 = ", "1.04tn won ($923m) ", "five-billion-dollar ",
              "28-thousand-", "was quoted by Yonhap as ", "Ministry of Foreign Affairs ", "Some ",
              'chanted "a" ']  # fmt: skip
RUN = st.tuples(st.sampled_from(CONSTRUCTS), st.integers(min_value=200, max_value=4000))
TEXT = st.lists(RUN, min_size=1, max_size=4).map(lambda runs: "".join(piece * n for piece, n in runs))
BUDGET = 20.0  # seconds for up to ~60 KB: generous for a loaded CI machine; the linear code takes well under 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_worst_cases_finish_in_time_with_valid_spans(corpus, text: str) -> None:
    start = time.monotonic()
    x = extract(text, corpus=corpus, deadline=start + BUDGET)
    assert time.monotonic() - start < BUDGET
    for claim in (*x.quotes, *x.figures):
        assert text[claim.start : claim.end] == claim.text
