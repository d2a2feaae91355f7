"""The number parser on generated amounts in every spelling outlets use (hypothesis), and the
spellings, ranges, qualifiers and non-figures seen in real coverage (sentences written here:
no article text is copied)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sma_tui.core.positions.placement import exchange_rate_spans, is_exchange_rate
from sma_tui.ingest.figures import find_figures
from sma_tui.ingest.numbers import number_value

Found = list[tuple[str, float, str, str | None]]


def _found(text: str) -> Found:
    return [(text[f.start : f.end], f.value, f.unit, f.qualifier) for f in find_figures(text, 0, len(text))]


# ------------------------------------------------------------- generated spellings
_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """1..99 spelled out as copy editors write it ("twenty-eight")."""
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


_MANTISSA = st.one_of(
    st.integers(1, 999).map(lambda n: (str(n), Decimal(n))),
    st.tuples(st.integers(0, 99), st.integers(1, 9999)).map(lambda p: (f"{p[0]}.{p[1]}", Decimal(f"{p[0]}.{p[1]}"))),
)
# (spelling, factor, needs a currency sign right before the number)
_SCALES = {
    "million": [(" million", 10**6, False), ("m", 10**6, True), ("mn", 10**6, False), (" mn", 10**6, False),
                (" mln", 10**6, False), ("-million", 10**6, False), ("million", 10**6, False)],
    "billion": [(" billion", 10**9, False), ("bn", 10**9, False), (" bn", 10**9, False), (" bln", 10**9, False),
                ("b", 10**9, True), ("B", 10**9, True), ("-billion", 10**9, False)],
    "trillion": [(" trillion", 10**12, False), ("tn", 10**12, False), (" tn", 10**12, False), ("trn", 10**12, False),
                 (" trln", 10**12, False), (" tril.", 10**12, False), ("-trillion", 10**12, False)],
}  # fmt: skip
_USD_PRE = ["$", "US$", "U.S.$", "$US", "USD ", "USD", "US$ "]
_USD_SUF = [" dollars", " US dollars", " U.S. dollars", " USD", "-dollar"]
_KRW_PRE = ["W", "₩", "KRW ", "KRW"]
_KRW_SUF = [" won", " Korean won", " KRW", "-won"]


@st.composite
def _money(draw: st.DrawFn) -> tuple[str, float, str]:
    text, number = draw(_MANTISSA)
    scale, factor, sign_only = draw(st.sampled_from([s for v in _SCALES.values() for s in v]))
    unit = draw(st.sampled_from(["USD", "KRW"]))
    prefixes, suffixes = (_USD_PRE, _USD_SUF) if unit == "USD" else (_KRW_PRE, _KRW_SUF)
    use_prefix = sign_only or draw(st.booleans())
    if scale == " tril.":  # Korea Times writes "1.04 tril. won" only before "won"
        unit, use_prefix = "KRW", False
        suffixes = [" won"]
    amount = draw(st.sampled_from(prefixes)) + text + scale if use_prefix else text + scale
    if not use_prefix:
        amount += draw(st.sampled_from(suffixes))
    return amount, float(number * factor), unit


@settings(max_examples=300, deadline=None)
@given(money=_money(), lead=st.sampled_from(["Seoul would pay ", "It asked for ", "(", "— "]))
def test_money_in_every_spelling_round_trips(money: tuple[str, float, str], lead: str) -> None:
    amount, value, unit = money
    text = f"{lead}{amount} a year, officials said."
    ((span, got, got_unit, _),) = _found(text)
    assert span == amount and got_unit == unit
    assert got == pytest.approx(value, rel=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(1, 99),
    kind=st.sampled_from(
        [(" percent", "percent"), (" per cent", "percent"), ("-fold", "multiple"), ("fold", "multiple"),
         (" times", "multiple"), (" billion dollars", "USD"), ("-billion-dollar", "USD"), (" trillion won", "KRW")]
    ),
    capital=st.booleans(),
)  # fmt: skip
def test_spelled_out_numbers_round_trip(n: int, kind: tuple[str, str], capital: bool) -> None:
    words = _words(n)
    words = words[0].upper() + words[1:] if capital else words
    suffix, unit = kind
    text = f'"{words}{suffix}" was the figure on the table.'
    scale = 10**9 if "billion" in suffix else 10**12 if "trillion" in suffix else 1
    assert _found(text) == [(words + suffix, float(n * scale), unit, None)]


@settings(max_examples=200, deadline=None)
@given(
    mantissa=_MANTISSA,
    suffix=st.sampled_from(["%", " %", " percent", " per cent", "pc", " pct", "-percent", "-per-cent"]),
)
def test_percentages_in_every_spelling(mantissa: tuple[str, Decimal], suffix: str) -> None:
    text, number = mantissa
    body = f"Seoul offered a {text}{suffix} rise on Tuesday."
    assert _found(body) == [(text + suffix, float(number), "percent", None)]


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(10, 99_999),
    qual=st.sampled_from(["", "about ", "some ", "over ", "all ", "roughly ", "more than ", "nearly ", "almost "]),
    noun=st.sampled_from(
        [("Korean employees", "people"), ("South Korean workers", "people"), ("Korean National employees", "people"),
         ("furloughed Korean staff", "people"), ("US troops", "troops"), ("American service members", "troops"),
         ("U.S. soldiers", "troops")]
    ),
)  # fmt: skip
def test_counts_with_qualifiers(n: int, qual: str, noun: tuple[str, str]) -> None:
    if 1900 <= n <= 2100:
        return  # a bare year-like number without a comma is read as a year
    number = f"{n:,}"
    body = f"The command said {qual}{number} {noun[0]} were affected."
    assert _found(body) == [(f"{qual}{number} {noun[0]}", float(n), noun[1], qual.strip() or None)]


@settings(max_examples=150, deadline=None)
@given(
    rate=st.integers(1000, 1499),
    cents=st.sampled_from(["", ".5", ".3000", ".20"]),
    form=st.sampled_from(
        ["(US$1 = W{r})", "(US$1=W{r})", "($1 = {r} won)", "(1 US dollar = {r} won)", "(1 U.S. dollar = {r} won)",
         "$1 equals about {r} won", "{r} won to the dollar", "(W{r} = $1)", "(1 USD = {r} KRW)", "(US$1 = {r})"]
    ),
)  # fmt: skip
def test_exchange_rate_asides_are_never_figures(rate: int, cents: str, form: str) -> None:
    aside = form.format(r=f"{rate:,}{cents}")
    body = f"Seoul will pay 1.18 trillion won {aside} this year."
    assert _found(body) == [("1.18 trillion won", 1.18e12, "KRW", None)]
    start = body.index(aside.lstrip("("))
    assert is_exchange_rate(body, start, start + 2)


_PIECES = ["$5bn ", "$870m ", "1.04tn won ", "about ", "five billion ", "13.9% ", "fivefold ", "(US$1 = W1,190) ",
           "4,500-5,000 workers ", "$1-1.5bn ", "W", "$", "-", ",", ".", "1", "0", " ", "trillion ", "per cent ",
           "twenty-eight ", "point ", "thousand-", "\n", "of them ", "or so ", "“", '"', "won ", "times ",
           "a "]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_spans_always_equal_the_text_and_never_overlap(body: str) -> None:
    found = find_figures(body, 0, len(body))
    last = -1
    for f in found:
        assert 0 <= f.start < f.end <= len(body) and f.start >= last
        assert f.unit in {"USD", "KRW", "percent", "multiple", "troops", "people"}
        assert f.value >= 0
        last = f.end


# ------------------------------------------------------------------ spellings seen
@pytest.mark.parametrize(
    "text,want",
    [("as much as $5bn a year", [("as much as $5bn", 5e9, "USD", "as much as")]),
     ("about 1.04tn won ($923m)", [("about 1.04tn won", 1.04e12, "KRW", "about"), ("$923m", 923e6, "USD", None)]),
     ("paid $870M last year", [("$870M", 870e6, "USD", None)]),
     ("W1.0389 trillion", [("W1.0389 trillion", 1.0389e12, "KRW", None)]),
     ("KRW 52.4trl", [("KRW 52.4trl", 52.4e12, "KRW", None)]),
     ("1 trillion 38.9 billion won", [("1 trillion 38.9 billion won", 1.0389e12, "KRW", None)]),
     ("one-point-04 trillion won", [("one-point-04 trillion won", 1.04e12, "KRW", None)]),
     ("eight-point-two percent", [("eight-point-two percent", 8.2, "percent", None)]),
     ("Thirteen point nine percent", [("Thirteen point nine percent", 13.9, "percent", None)]),
     ("the 28-thousand-500 U.S. troops", [("28-thousand-500 U.S. troops", 28500, "troops", None)]),
     ("about 12-thousand South Koreans", [("about 12-thousand South Koreans", 12000, "people", "about")]),
     ("a 5.8-percent increase", [("5.8-percent", 5.8, "percent", None)]),
     ("a 13.9-pct rise", [("13.9-pct", 13.9, "percent", None)]),
     ("a five-billion-dollar cheque", [("five-billion-dollar", 5e9, "USD", None)]),
     ("a $5-billion demand", [("$5-billion", 5e9, "USD", None)]),
     ("the 1.04-trillion-won bill", [("1.04-trillion-won", 1.04e12, "KRW", None)]),
     ("Nobody expects five billion.", [("five billion", 5e9, "USD", None)]),
     ("nearly a billion dollars", [("nearly a billion dollars", 1e9, "USD", "nearly")]),
     ("$500 million dollars", [("$500 million dollars", 5e8, "USD", None)]),
     ("$US5 billion", [("$US5 billion", 5e9, "USD", None)]),
     ("USD830 million", [("USD830 million", 830e6, "USD", None)]),
     ("a 400 percent increase", [("400 percent", 400, "percent", None)]),
     ("a roughly fivefold rise", [("roughly fivefold rise", 5, "multiple", "roughly")]),
     ("more than a five-fold increase to $5bn",
      [("more than a five-fold increase", 5, "multiple", "more than"), ("$5bn", 5e9, "USD", None)]),
     ("all of the roughly 4,000 workers", [("all of the roughly 4,000 workers", 4000, "people", "all")]),
     ("roughly half of its 8,600 Korean workers", [("8,600 Korean workers", 8600, "people", None)]),
     ("over 4,000 furloughed Korean employees", [("over 4,000 furloughed Korean employees", 4000, "people", "over")]),
     ("the 28,500-strong USFK", [("28,500-strong USFK", 28500, "troops", None)]),
     ("its 8,600-strong Korean workforce", [("8,600-strong Korean workforce", 8600, "people", None)]),
     ("the 28,500-strong USFK contingent", [("28,500-strong USFK contingent", 28500, "troops", None)]),
     ("a 28,500-member force", [("28,500-member force", 28500, "troops", None)]),
     ("the 4,000-plus KN employees", [("4,000-plus KN employees", 4000, "people", None)]),
     ("W1.18tr for 2021, $5 bil. in all, 870 mil. won", [("W1.18tr", 1.18e12, "KRW", None),
      ("$5 bil", 5e9, "USD", None), ("870 mil. won", 870e6, "KRW", None)]),
     ("a 5x increase; ￦1.04 trillion",
      [("5x increase", 5, "multiple", None), ("￦1.04 trillion", 1.04e12, "KRW", None)]),
     ('put "approximately 4,000" employees on leave', [("approximately 4,000", 4000, "people", "approximately")]),
     ("the number of confirmed cases rose to more than 2,000",
      [("more than 2,000", 2000, "people", "more than")])],
)  # fmt: skip
def test_spellings_real_outlets_use(text: str, want: Found) -> None:
    assert _found(text) == want


@pytest.mark.parametrize(
    "text,want",
    [("in the $1-1.5bn range", [("$1", 1e9, "USD", None), ("1.5bn", 1.5e9, "USD", None)]),
     ("from $1 to $1.5bn", [("$1", 1e9, "USD", None), ("$1.5bn", 1.5e9, "USD", None)]),
     ("in the W1-1.2tn range", [("W1", 1e12, "KRW", None), ("1.2tn", 1.2e12, "KRW", None)]),
     ("a 1-1.2 trillion won deal", [("1.2 trillion won", 1.2e12, "KRW", None)]),
     ("a 10 to 20 percent rise", [("20 percent", 20, "percent", None)]),
     ("a 10-20% rise", [("20%", 20, "percent", None)]),
     ("About 4,500-5,000 employees", [("5,000 employees", 5000, "people", None)]),
     ("between $1 billion and $1.5 billion", [("$1 billion", 1e9, "USD", None), ("$1.5 billion", 1.5e9, "USD", None)]),
     ("between $900m-$1bn", [("$900m", 9e8, "USD", None), ("$1bn", 1e9, "USD", None)])],
)  # fmt: skip
def test_money_ranges_share_a_scale_and_other_ranges_are_one_figure(text: str, want: Found) -> None:
    assert _found(text) == want


@pytest.mark.parametrize(
    "text",
    ["The allies met five times in Los Angeles.", "The post was shared 12,000 times.",
     "NATO's 30 members agreed.", "Britain spends about £42bn; Singapore S$1.4 billion; HK$5bn.",
     "The Korean War (1950-53) ended; 19 years later; the six-year deal; in 2019.",
     "The US had at one point sought more.", "The won weakened 3% against the dollar.",
     "$1 billion is about 1.2 trillion won at current rates.", "(£1 = $1.30)", "It cost KRW 52.4xyz.",
     "The 2nd Infantry Division and the 8th Army are 40 miles south."],
)  # fmt: skip
def test_not_figures(text: str) -> None:
    assert _found(text) == []


def test_one_exchange_rate_detector_for_ingest_and_placement() -> None:
    body = "It paid 1.04 trillion won (US$1 = 1,190 won), or 1,180 won to the dollar in May."
    spans = [body[a:b] for a, b in exchange_rate_spans(body)]
    assert spans == ["US$1 = 1,190 won", "1,180 won to the dollar"]
    assert [t for t, *_ in _found(body)] == ["1.04 trillion won"]
    assert exchange_rate_spans(body, 0, 20) == []


def test_number_values() -> None:
    assert number_value("twenty-eight") == 28
    assert number_value("five hundred") == 500
    assert number_value("one-point-04") == Decimal("1.04")
    assert number_value("28-thousand-500") == 28500
    assert number_value("1,183.3") == Decimal("1183.3")
    assert number_value("banana") is None
