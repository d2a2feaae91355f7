"""The extractor's parts: layout, quotes, speakers, figures, dates, metadata, loading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sma_tui.ingest import IngestError, extract, load_bytes, load_path
from sma_tui.ingest.dates import find_relative
from sma_tui.ingest.figures import find_figures
from sma_tui.ingest.text import paragraphs


def _quotes(corpus, text: str, **overrides):
    x = extract(text, corpus=corpus, overrides=overrides or None)
    return [(q.text, q.speaker, q.kind) for q in x.quotes], x


# ------------------------------------------------------------------ layout
@pytest.mark.parametrize(
    "line",
    ["Send Feedback", "Follow Ben Kew on Facebook, Twitter at @ben_kew.", "Reporting by Hyonhee Shin; Editing by X",
     "Our Standards: The Thomson Reuters Trust Principles.", "(END)", "hague@yna.co.kr",
     "Photo: workers at a rally. REUTERS/Kim Hong-Ji", "Minister Jeong (R) and Esper pose for a photo (Yonhap)"],
)  # fmt: skip
def test_boilerplate_and_captions_are_skipped(line: str) -> None:
    assert paragraphs(f"Body text here.\n\n{line}\n")[1].skip


def test_after_a_wire_story_end_line_nothing_is_the_story(corpus) -> None:
    # a wire page goes on after "(END)" with other headlines in single lines: no quotes from them
    text = (
        "SEOUL, May 4 (Yonhap) -- The allies held another round, the ministry said on Tuesday.\n"
        "reporter@yna.co.kr\n(END)\n-\n1\n(LEAD) Singer tops chart with 'Spring Rain'\n-\n2\n"
        "(2nd LD) City braces for 'hardest' week of the winter, residents told to stay home\n"
    )
    x = extract(text, corpus=corpus)
    assert x.quotes == []
    cut = text.index("(END)")
    assert [p.skip for p in paragraphs(text)] == [False, True] and paragraphs(text)[1].start == cut


def test_after_an_end_line_list_paragraphs_are_skipped_and_sentences_kept(corpus) -> None:
    text = (
        "SEOUL, May 4 (Yonhap) -- The allies held another round, the ministry said on Tuesday.\n\n(END)\n\n"
        "(LEAD) Band returns with 'Spring Rain'\n\n\"We will meet again in June,\" the minister said.\n"
    )
    x = extract(text, corpus=corpus)
    assert [q.text for q in x.quotes] == ["We will meet again in June"]


def test_caption_quotes_and_figures_are_ignored(corpus) -> None:
    text = 'Talks resumed.\n\nPhoto: Esper (R) says "hello" to 28,500 troops. REUTERS/Pool\n'
    x = extract(text, corpus=corpus)
    assert x.quotes == [] and x.figures == []


# ------------------------------------------------------------------ quotes
def test_curly_and_straight_quotes_with_he_said_interruption(corpus) -> None:
    text = (
        "SEOUL (Reuters) - Defense Secretary Mark Esper spoke on Friday.\n\n"
        '"We are working hard," he said, "and we hope to conclude an agreement soon."\n\n'
        "“It is a stopgap, not a solution,” Esper said.\n"
    )
    got, _ = _quotes(corpus, text)
    assert got == [
        ("We are working hard", "mark-esper", "full"),
        ("and we hope to conclude an agreement soon.", "mark-esper", "full"),
        ("It is a stopgap, not a solution", "mark-esper", "full"),
    ]


def test_partial_quote_and_translation_gloss(corpus) -> None:
    text = 'Esper said the alliance was "ironclad," adding the motto "#KatchiKapshida," which means "Let\'s go."\n'
    got, _ = _quotes(corpus, text)
    assert got == [("ironclad", "mark-esper", "partial"), ("#KatchiKapshida", "mark-esper", "partial")]


def test_quote_over_paragraphs_and_colon_block(corpus) -> None:
    text = (
        "U.S. official James DeHart said the talks were useful.\n\n"
        "“We worked hard to get here.\n\n"
        "“We will keep working.”\n\n"
        "He told reporters:\n\n"
        "The proposals were not responsive to our request.\n\n"
        "The talks, DeHart added later, would resume.\n"
    )
    x = extract(text, corpus=corpus)
    assert [(q.kind, q.speaker) for q in x.quotes] == [("full", "james-dehart"), ("block", "james-dehart")]
    assert x.quotes[0].text.endswith("We will keep working.")
    assert x.quotes[1].text == "The proposals were not responsive to our request."


# ---------------------------------------------------------------- speakers
def test_appositive_alias_merge_and_pronoun(corpus) -> None:
    text = (
        "Seoul's chief negotiator, Jeong Eun-bo, said the gap remained.\n\n"
        '"We will continue to strive with patience," he said at a briefing.\n'
    )
    got, _ = _quotes(corpus, text)
    assert got == [("We will continue to strive with patience", "jeong-eun-bo", "full")]


def test_anonymous_sources_institutions_and_definite_descriptions(corpus) -> None:
    text = (
        "South Korea's Defense Ministry said it was ready. "
        'The ministry said it would pay the workers first, noting that "the workers should not suffer."\n\n'
        "A diplomatic source in Seoul, who asked not to be named, said talks went well. "
        '"It was better," the source said.\n'
    )
    x = extract(text, corpus=corpus)
    speakers = [q.speaker for q in x.quotes]
    assert speakers[0] == "rok-defense-ministry"
    new = {a.id: a for a in x.actors}
    assert speakers[1] in new and new[speakers[1]].kind == "anonymous" and new[speakers[1]].side_guessed


def test_surname_resolves_to_the_person_named_in_the_article(corpus) -> None:
    text = (
        "Defense Secretary Mark Esper met his counterpart, Jeong Kyeong-doo, in Seoul.\n\n"
        'Jeong said the talks should reach "a fair and mutually acceptable" outcome.\n'
    )
    got, _ = _quotes(corpus, text)
    assert got == [("a fair and mutually acceptable", "jeong-kyeong-doo", "partial")]


def test_new_person_gets_a_guessed_side(corpus) -> None:
    text = '"The alliance is not a transaction," said Senator Dan Sullivan, an Alaska Republican.\n'
    x = extract(text, corpus=corpus)
    actor = x.actors[0]
    assert (actor.id, actor.name, actor.side, actor.side_guessed) == ("dan-sullivan", "Dan Sullivan", "US", True)


# ----------------------------------------------------------------- figures
@pytest.mark.parametrize(
    "text,value,unit,qualifier",
    [("nearly $5 billion", 5e9, "USD", "nearly"), ("US$870 million", 870e6, "USD", None),
     ("$990,000,000", 990e6, "USD", None), ("1.0389 trillion won", 1.0389e12, "KRW", None),
     ("13 percent", 13, "percent", None), ("13%", 13, "percent", None), ("two percent", 2, "percent", None),
     ("more than a five-fold increase", 5, "multiple", "more than"), ("28,500 American troops", 28500, "troops", None),
     ("More than 4,000 South Korean employees", 4000, "people", "more than"),
     ("at least 13 percent", 13, "percent", "at least"), ("up to $5 billion", 5e9, "USD", "up to")],
)  # fmt: skip
def test_figure_values_units_qualifiers(text: str, value: float, unit: str, qualifier: str | None) -> None:
    body = f"Officials cited {text} on Monday."
    (f,) = find_figures(body, 0, len(body))
    assert (body[f.start : f.end], f.value, f.unit, f.qualifier) == (text, value, unit, qualifier)


def test_years_and_plain_numbers_are_not_figures() -> None:
    body = "In 2019 the 70-year alliance held 11 rounds over 65 km of road."
    assert find_figures(body, 0, len(body)) == []


def test_measures_from_the_sentence(corpus) -> None:
    text = (
        "Washington demanded that Seoul pay about $5 billion, up from the $870 million it paid in 2019. "
        "Seoul offered to raise its contribution by 13 percent. About 4,000 workers were put on unpaid leave. "
        "NATO members are urged to spend two percent.\n"
    )
    x = extract(text, corpus=corpus)
    assert [(f.text, f.measure) for f in x.figures] == [
        ("about $5 billion", "us-demand"),
        ("$870 million", "seoul-payment-2019"),
        ("13 percent", "seoul-offer"),
        ("About 4,000 workers", "workers-on-leave"),
        ("two percent", "nato-target"),
    ]


# ------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    "text,expected",
    [("said on Thursday", "2020-01-16"), ("said last week", "2020-01-08"), ("in mid-December", "2019-12-15"),
     ("In June last year", "2019-06-15"), ("on Dec. 17, 2019", "2019-12-17"), ("yesterday", "2020-01-16")],
)  # fmt: skip
def test_relative_dates(text: str, expected: str) -> None:
    hit = find_relative(text, date(2020, 1, 17))
    assert hit is not None and hit[0].isoformat() == expected


def test_quote_dates_and_events_from_the_dateline(corpus) -> None:
    text = (
        "WASHINGTON, April 6 (Yonhap) -- U.S. Defense Secretary Mark Esper said Monday he called Seoul.\n\n"
        '"It is critical that we get a deal," Esper tweeted.\n\n'
        '"Allies should contribute more," a State Department official said last week.\n'
    )
    x = extract(text, corpus=corpus, overrides={"date": "2020-04-07"})
    assert [(q.date, q.event) for q in x.quotes] == [
        ("2020-04-06", "esper-jeong-call"),
        ("2020-04-01", "usfk-furlough"),
    ]
    assert x.article.event == "esper-jeong-call"


# ---------------------------------------------------------------- metadata
@pytest.mark.parametrize(
    "head,publisher,day,dateline",
    [("All News 04:57 April 07, 2020\n\nWASHINGTON, April 6 (Yonhap) -- Talks went on.", "Yonhap News Agency",
      "2020-04-07", "WASHINGTON, April 6 (Yonhap)"),
     ("MOSCOW (UrduPoint News / Sputnik - 17th January, 2020) Talks went on.", "UrduPoint News", "2020-01-17",
      "MOSCOW (UrduPoint News / Sputnik - 17th January, 2020)"),
     ("April 28, 2020 - 09:21 By Yonhap\n\nWASHINGTON -- Talks went on.", None, "2020-04-28", "WASHINGTON"),
     ("SEOUL (Reuters) - Talks went on.", "Reuters", None, "SEOUL (Reuters)")],
)  # fmt: skip
def test_metadata_patterns(corpus, head: str, publisher: str | None, day: str | None, dateline: str) -> None:
    x = extract(f"A headline about the talks\n\n{head}\n", corpus=corpus)
    a = x.article
    assert (a.date, a.dateline, a.title) == (day, dateline, "A headline about the talks")
    if publisher:
        assert a.publisher == publisher


def test_overrides_win_and_undated_is_allowed(corpus) -> None:
    x = extract("Talks went on without a date.\n", corpus=corpus, overrides={"publisher": "Korea Herald"})
    assert x.article.publisher == "Korea Herald" and x.article.date is None and x.article.id == "koreaherald-undated"


# ----------------------------------------------------------------- loading
def test_bad_bytes(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="empty"):
        load_bytes(b"  \n", "a.txt")
    with pytest.raises(IngestError, match="binary"):
        load_bytes(b"ab\x00cd", "a.txt")
    loaded = load_bytes(b"Caf\xe9 talks resumed.", "a.txt")
    assert loaded.text.startswith("Café") and "Windows-1252" in loaded.warnings[0]
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (5 * 1024 * 1024 + 1))
    with pytest.raises(IngestError, match="too large"):
        load_path(big)
    with pytest.raises(IngestError, match="no such file"):
        load_path(tmp_path / "missing.txt")


def test_html_scripts_removed_meta_read() -> None:
    page = (
        b"<html><head><title>Site | Story</title><meta property='og:title' content='Esper presses Seoul'>"
        b"<meta property='article:published_time' content='2019-11-15T10:00:00Z'>"
        b"<meta property='og:site_name' content='Reuters'><script>var x = '\"quoted\"';</script>"
        b"<style>p{}</style></head><body><p>SEOUL (Reuters) - Esper said &ldquo;pay more&rdquo;.</p>"
        b"<figure><figcaption>Esper (R) poses</figcaption></figure><p>Second paragraph.</p></body></html>"
    )
    loaded = load_bytes(page, "a.html", html_input=True)
    assert (loaded.title, loaded.date, loaded.publisher) == ("Esper presses Seoul", "2019-11-15", "Reuters")
    assert "var x" not in loaded.text and "poses" not in loaded.text
    assert loaded.text == "SEOUL (Reuters) - Esper said “pay more”.\n\nSecond paragraph.\n"
