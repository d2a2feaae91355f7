"""Corrections (issue 14, domain core): records, target resolution, apply, builders,
export/import, the legacy bundled format and the review queue."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sma_tui.bundled.build import bundled_corpus
from sma_tui.core.check import check_corpus
from sma_tui.core.corpus import Corpus
from sma_tui.core.corrections.apply import apply, merge_import, trial_copy
from sma_tui.core.corrections.correct import (
    correct_actor,
    correct_figure,
    correct_quote_speaker,
    find,
    from_legacy,
    merge_actor,
    reject_figure,
    reject_quote,
    undo,
)
from sma_tui.core.corrections.records import (
    FORMAT,
    Correction,
    CorrectionError,
    Target,
    dump,
    parse,
)
from sma_tui.core.corrections.review import review_queue
from sma_tui.core.models import Actor, Article, Figure, Quote, Record
from sma_tui.core.text import slug as actor_slug
from sma_tui.ingest.resolver import slug as extractor_slug
from sma_tui.paths import corpus_dir
from sma_tui.storage.store import Store

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def fresh() -> Corpus:
    """A bundled corpus of its own (apply changes it)."""
    return bundled_corpus()


def state(corpus: Corpus) -> dict[str, Any]:
    """Everything a correction can change, keyed by what survives a rebuild."""
    return {
        "counts": corpus.counts(),
        "quotes": sorted((q.article, q.start, q.text, q.speaker, q.date) for q in corpus.quotes.values()),
        "figures": sorted((f.article, f.start, f.measure, f.claimant) for f in corpus.figures.values()),
        "actors": sorted(
            (a.id, a.name, a.side, a.role, a.side_guessed, tuple(a.aliases)) for a in corpus.actors.values()
        ),
        "by_speaker": {a: corpus.quote_count_for_actor(a) for a in sorted(corpus.actors)},
    }


def three_fixes(corpus: Corpus) -> list[Correction]:
    """The issue's 'done when' trio: a speaker, a rejected quote, an actor's side."""
    return [
        correct_quote_speaker(corpus, "breitbart-2019-11-19/q1", "James DeHart", "DeHart said it", now=at(1)),
        reject_quote(corpus, "yonhap-2020-04-07/q4", "a hashtag, not a quote", now=at(2)),
        correct_actor(corpus, "south-korean-media", side="rok", note="Korean press", now=at(3)),
    ]


# ------------------------------------------------------------------ each kind
def test_speaker_by_name_moves_the_quote_and_marks_it(fresh: Corpus) -> None:
    rec = correct_quote_speaker(fresh, "breitbart-2019-11-19/q1", "James DeHart", "see paragraph 4", now=at(1))
    assert (rec.kind, rec.op, rec.after["speaker"]) == ("quote", "speaker", "james-dehart")
    assert rec.before["speaker"] == "us-negotiators" and rec.note == "see paragraph 4"
    dehart = fresh.quote_count_for_actor("james-dehart")
    out = apply(fresh, [rec])
    assert out.problems == []
    assert fresh.quotes["breitbart-2019-11-19/q1"].speaker == "james-dehart"
    assert fresh.quote_count_for_actor("james-dehart") == dehart + 1
    assert out.corrected("breitbart-2019-11-19/q1") and out.marks["breitbart-2019-11-19/q1"] == [rec.id]


def test_speaker_by_actor_id_and_errors(fresh: Corpus) -> None:
    rec = correct_quote_speaker(fresh, "breitbart-2019-11-19/q1", "mark-esper", now=at(1))
    assert rec.after == {"speaker": "mark-esper", "speaker_name": "Mark Esper"}
    with pytest.raises(CorrectionError, match="no quote with id 'nope/q1'"):
        correct_quote_speaker(fresh, "nope/q1", "mark-esper")
    with pytest.raises(CorrectionError, match="already the speaker"):
        correct_quote_speaker(fresh, "breitbart-2019-11-19/q1", "U.S. negotiators")
    inferred = fresh.quotes["breitbart-2019-11-19/q8"]  # the extractor resolved a pronoun
    assert inferred.attribution == "pronoun"
    confirm = correct_quote_speaker(fresh, inferred.id, str(inferred.speaker), now=at(2))  # a person confirms it
    assert apply(fresh, [confirm]).problems == [] and fresh.quotes[inferred.id].attribution == "corrected"


def test_ambiguous_speaker_names_every_candidate(fresh: Corpus) -> None:
    with pytest.raises(CorrectionError) as err:
        correct_quote_speaker(fresh, "breitbart-2019-11-19/q1", "Department")
    msg = str(err.value)
    assert "several actors" in msg and "\n" not in msg
    for aid in ("state-department", "state-department-official", "state-department-spokesperson"):
        assert aid in msg


def test_unknown_speaker_needs_an_explicit_new_actor(fresh: Corpus) -> None:
    with pytest.raises(CorrectionError, match="no actor 'Vera Lindqvist'"):
        correct_quote_speaker(fresh, "breitbart-2019-11-19/q1", "Vera Lindqvist")
    rec = correct_quote_speaker(fresh, "breitbart-2019-11-19/q1", "Vera Lindqvist", new_actor=True, now=at(1))
    assert rec.after["speaker"] == "vera-lindqvist"
    out = apply(fresh, [rec])
    assert out.problems == []
    cooper = fresh.actors["vera-lindqvist"]
    assert (cooper.name, cooper.side, cooper.sources) == ("Vera Lindqvist", "unknown", ["breitbart-2019-11-19"])
    assert fresh.quotes_by_speaker("vera-lindqvist")[0].id == "breitbart-2019-11-19/q1"
    with pytest.raises(CorrectionError, match="'vera lindqvist' is already an actor: Vera Lindqvist"):
        correct_quote_speaker(fresh, "breitbart-2019-11-19/q2", "vera lindqvist", new_actor=True)
    with pytest.raises(CorrectionError, match="'President Trump' is already an actor: Donald Trump"):
        correct_quote_speaker(fresh, "breitbart-2019-11-19/q2", "President Trump", new_actor=True)


def test_an_imported_new_actor_never_replaces_an_existing_one(fresh: Corpus) -> None:
    rec = correct_quote_speaker(fresh, "breitbart-2019-11-19/q1", "Vera Lindqvist", new_actor=True, now=at(1))
    hostile = replace(rec, after={**rec.after, "speaker": "nobody", "speaker_name": "",
                                  "new_actor": {"id": "usfk", "name": "Impostor"}})  # fmt: skip
    apply(fresh, [hostile])
    assert fresh.actors["usfk"].name == "United States Forces Korea"
    assert fresh.quotes["breitbart-2019-11-19/q1"].speaker == "usfk"


def test_reject_disappears_from_every_view_and_count(fresh: Corpus) -> None:
    qid = "yonhap-2020-04-07/q4"
    before = fresh.counts()["quotes"]
    esper = fresh.quote_count_for_actor("mark-esper")
    in_article = fresh.quote_count_for_article("yonhap-2020-04-07")
    rec = reject_quote(fresh, qid, "a hashtag", now=at(1))
    out = apply(fresh, [rec])
    assert qid not in fresh.quotes and qid not in {q.id for q in fresh.quote_list()}
    assert fresh.counts()["quotes"] == before - 1
    assert fresh.quote_count_for_actor("mark-esper") == esper - 1
    assert fresh.quote_count_for_article("yonhap-2020-04-07") == in_article - 1
    assert [q.id for q in out.rejected] == [qid] and out.report[0].correction == rec.id


def test_reject_figure_leaves_its_group(fresh: Corpus) -> None:
    rec = reject_figure(fresh, "breitbart-2019-11-19/f6", "not about the SMA", now=at(1))
    apply(fresh, [rec])
    assert "breitbart-2019-11-19/f6" not in fresh.figures
    assert all(f.id != "breitbart-2019-11-19/f6" for g in fresh.figure_groups() for f in g.figures)


def test_figure_measure_and_validation(fresh: Corpus) -> None:
    fid = "yonhap-2020-04-28/f3"
    rec = correct_figure(fresh, fid, measure="seoul-offer", note="it is the offer", now=at(1))
    assert rec.before == {"measure": "seoul-payment-2019"} and rec.after == {"measure": "seoul-offer"}
    apply(fresh, [rec])
    offer = next(g for g in fresh.figure_groups() if g.measure.id == "seoul-offer")
    assert fid in {f.id for f in offer.figures}
    with pytest.raises(CorrectionError, match="unknown measure 'bogus'"):
        correct_figure(fresh, fid, measure="bogus")
    with pytest.raises(CorrectionError, match="nothing to correct"):
        correct_figure(fresh, fid)
    with pytest.raises(CorrectionError, match="already has measure"):
        correct_figure(fresh, fid, measure="seoul-offer")
    with pytest.raises(CorrectionError, match="no figure with id"):
        correct_figure(fresh, "x/f1", measure="seoul-offer")


@dataclass(slots=True)
class SidedFigure(Figure):
    """A figure as the attribution branch will have it (side, period)."""

    side: str | None = None
    period: str | None = None


@dataclass(slots=True)
class AttributedQuote(Quote):
    attribution: str = "explicit"


def with_new_fields(corpus: Corpus) -> Corpus:
    corpus.figures = {k: SidedFigure(**f.to_dict()) for k, f in corpus.figures.items()}
    corpus.quotes = {k: AttributedQuote(**q.to_dict()) for k, q in corpus.quotes.items()}
    corpus.reindex()
    return corpus


@dataclass(slots=True)
class BareFigure(Record):
    """A figure of a model without side and period (before issue 12 placed figures)."""

    TABLE: ClassVar[str] = "figures"
    id: str
    article: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    measure: str | None = None
    qualifier: str | None = None
    claimant: str | None = None
    date: str | None = None
    event: str | None = None
    note: str | None = None


def without_new_fields(corpus: Corpus) -> Corpus:
    names = {f.name for f in fields(BareFigure)}
    corpus.figures = {k: BareFigure(**{n: v for n, v in f.to_dict().items() if n in names})  # type: ignore[misc]
                      for k, f in corpus.figures.items()}  # fmt: skip
    corpus.reindex()
    return corpus


def test_figure_side_and_period_when_the_model_has_them(fresh: Corpus) -> None:
    with pytest.raises(CorrectionError, match="figures in this version have no side"):
        correct_figure(without_new_fields(bundled_corpus()), "yonhap-2020-04-28/f3", side="rok")
    corpus = with_new_fields(fresh)
    rec = correct_figure(corpus, "yonhap-2020-04-28/f3", side="ROK", period="2019", now=at(1))
    assert rec.after == {"side": "ROK", "period": "2019"}
    assert apply(corpus, [rec]).problems == []
    fig = corpus.figures["yonhap-2020-04-28/f3"]
    assert isinstance(fig, SidedFigure) and (fig.side, fig.period) == ("ROK", "2019")
    with pytest.raises(CorrectionError, match="side 'north' is not one of us, rok, agreed, none"):
        correct_figure(corpus, "yonhap-2020-04-28/f3", side="north")
    # applied to a store whose figures cannot hold a side: reported, not dropped
    out = apply(without_new_fields(bundled_corpus()), [rec])
    assert len(out.problems) == 1 and "no field 'side'" in str(out.problems[0])


def test_corrected_speaker_sets_attribution_corrected(fresh: Corpus) -> None:
    corpus = with_new_fields(fresh)
    rec = correct_quote_speaker(corpus, "breitbart-2019-11-19/q1", "james-dehart", now=at(1))
    assert rec.before["attribution"] == "explicit"
    apply(corpus, [rec])
    quote = corpus.quotes["breitbart-2019-11-19/q1"]
    assert isinstance(quote, AttributedQuote) and quote.attribution == "corrected"


def test_actor_side_name_role(fresh: Corpus) -> None:
    rec = correct_actor(fresh, "south-korean-media", side="rok", name="South Korean press", role="press", now=at(1))
    assert rec.after == {"side": "ROK", "name": "South Korean press", "role": "press"}
    old = fresh.actors["south-korean-media"]
    assert rec.before == {"side": "other", "name": old.name, "role": old.role}
    old_name = old.name
    apply(fresh, [rec])
    media = fresh.actors["south-korean-media"]
    assert (media.side, media.name, media.role, media.side_guessed) == ("ROK", "South Korean press", "press", False)
    assert fresh.get_actor(old_name).id == "south-korean-media"  # the old name is an alias
    with pytest.raises(CorrectionError, match="side 'north'"):
        correct_actor(fresh, "usfk", side="north")
    with pytest.raises(CorrectionError, match="nothing to correct"):
        correct_actor(fresh, "usfk")
    with pytest.raises(CorrectionError, match="already has"):
        correct_actor(fresh, "usfk", side="us")
    with pytest.raises(CorrectionError, match="no actor 'nobody'"):
        correct_actor(fresh, "nobody", side="us")


def test_guessed_side_can_be_confirmed(fresh: Corpus) -> None:
    fresh.actors["usfk"].side_guessed = True
    rec = correct_actor(fresh, "usfk", side="us", now=at(1))
    apply(fresh, [rec])
    assert fresh.actors["usfk"].side_guessed is False


def test_merge_repoints_claims_and_aliases(fresh: Corpus) -> None:
    spokes = {q.id for q in fresh.quotes_by_speaker("state-department-spokesperson")}
    dept = fresh.quote_count_for_actor("state-department")
    rec = merge_actor(fresh, "state-department-spokesperson", "state-department", "one voice", now=at(1))
    assert rec.after == {"into": "state-department", "into_name": fresh.actors["state-department"].name}
    out = apply(fresh, [rec])
    assert out.problems == [] and "state-department-spokesperson" not in fresh.actors
    assert fresh.quote_count_for_actor("state-department") == dept + len(spokes)
    dept_actor = fresh.actors["state-department"]
    assert "a department spokesperson" in dept_actor.aliases
    assert fresh.get_actor("a department spokesperson").id == "state-department"
    with pytest.raises(CorrectionError, match="into itself"):
        merge_actor(fresh, "usfk", "USFK")


def test_merge_marks_both_actors_and_summaries_read_plainly(fresh: Corpus) -> None:
    merge = merge_actor(fresh, "state-department-spokesperson", "state-department", now=at(1))
    recs = [*three_fixes(fresh), merge]
    out = apply(fresh, recs)
    assert out.marks["state-department"] == [merge.id] and out.corrected("state-department-spokesperson")
    lines = [r.summary() for r in recs]
    assert (
        lines[0]
        == "quote 'fair and equitable agreement.' in breitbart-2019-11-19: speaker: us-negotiators -> james-dehart"
    )
    assert lines[1].endswith(": rejected") and lines[2].endswith("side: other -> ROK")
    assert lines[3].endswith("merged into " + fresh.actors["state-department"].name)
    assert undo(recs, merge.id, now=at(9))[1].summary().endswith("(undone 2026-11-26T08:09)")


def test_user_text_is_one_clean_line(fresh: Corpus) -> None:
    rec = reject_quote(fresh, "yonhap-2020-04-07/q4", "  a hashtag,\n  not   a quote ", now=at(1))
    assert rec.note == "a hashtag, not a quote"
    with pytest.raises(CorrectionError, match="the note contains control characters"):
        reject_quote(fresh, "yonhap-2020-04-07/q4", "bad \x1b[31m escape")
    with pytest.raises(CorrectionError, match="longer than 120"):
        correct_actor(fresh, "usfk", name="x" * 121)


def test_apply_to_a_corpus_loaded_from_the_store(store: Store) -> None:
    corpus = store.load()
    out = apply(corpus, three_fixes(corpus))
    assert out.problems == [] and len(out.report) == 3
    assert check_corpus(corpus) == []


def test_merge_repoints_figures_and_negotiators(fresh: Corpus) -> None:
    fresh.events["round-3"].negotiators = ["jeong-eun-bo", "james-dehart"]
    rec = merge_actor(fresh, "jeong-eun-bo", "jeong-kyeong-doo", now=at(1))  # deliberately wrong, but valid
    apply(fresh, [rec])
    assert fresh.figures["breitbart-2019-11-19/f2"].claimant == "jeong-kyeong-doo"
    assert fresh.events["round-3"].negotiators == ["jeong-kyeong-doo", "james-dehart"]


def test_later_correction_of_a_merged_actor_follows_the_merge(fresh: Corpus) -> None:
    merge = merge_actor(fresh, "state-department-spokesperson", "state-department", now=at(1))
    side = correct_actor(fresh, "state-department-spokesperson", role="spokes", now=at(2))
    out = apply(fresh, [side, merge])  # creation order, not list order
    assert out.problems == [] and fresh.actors["state-department"].role == "spokes"


# ----------------------------------------------------------------------- undo
def test_undo_latest_then_by_id(fresh: Corpus) -> None:
    recs = three_fixes(fresh)
    recs2, undone = undo(recs, now=at(10))
    assert undone.id == recs[2].id and undone.undone is not None and len(recs2) == 3
    recs3, undone2 = undo(recs2, recs[0].id[:6], now=at(11))
    assert undone2.id == recs[0].id
    out = apply(fresh, recs3)
    assert [i.correction for i in out.report] == [recs[1].id]
    assert fresh.quotes["breitbart-2019-11-19/q1"].speaker == "us-negotiators"
    assert fresh.actors["south-korean-media"].side == "other"
    with pytest.raises(CorrectionError, match="already undone"):
        undo(recs3, recs[0].id)
    _, last = undo(recs3, now=at(12))
    assert last.id == recs[1].id
    with pytest.raises(CorrectionError, match="no correction to undo"):
        undo([replace(r, undone=r.created) for r in recs])
    with pytest.raises(CorrectionError, match="no correction with id 'zzz'"):
        find(recs, "zzz")


# ------------------------------------------------------- survival and identity
def test_idempotent_and_order_independent(fresh: Corpus) -> None:
    recs = three_fixes(fresh) + [merge_actor(fresh, "state-department-spokesperson", "state-department", now=at(4))]
    apply(fresh, recs)
    once = state(fresh)
    apply(fresh, recs)  # state does not move (the rejected quote is simply no longer there)
    assert state(fresh) == once
    other = bundled_corpus()
    apply(other, list(reversed(recs)))
    assert state(other) == once


def test_survives_a_rebuild_of_the_corpus() -> None:
    first = bundled_corpus()
    recs = three_fixes(first) + [correct_figure(first, "yonhap-2020-04-28/f3", measure="seoul-offer", now=at(5))]
    apply(first, recs)
    second = bundled_corpus()  # extraction runs again from scratch
    out = apply(second, recs)
    assert out.problems == [] and len(out.report) == 4
    assert state(second) == state(first)


def test_survives_other_ids_and_moved_spans() -> None:
    base = bundled_corpus()
    recs = three_fixes(base)
    renamed = rename_articles(bundled_corpus(), "colleague-")
    out = apply(renamed, recs)
    assert out.problems == []
    assert renamed.quotes["colleague-breitbart-2019-11-19/q1"].speaker == "james-dehart"
    moved = replace(recs[0], target=replace(recs[0].target, start=recs[0].target.start + 7, end=recs[0].target.end + 7))
    fresh = bundled_corpus()
    assert apply(fresh, [moved]).problems == []
    assert fresh.quotes["breitbart-2019-11-19/q1"].speaker == "james-dehart"


def rename_articles(corpus: Corpus, prefix: str) -> Corpus:
    """The same articles filed under other ids (another store), claims renumbered."""
    articles = [replace(a, id=prefix + a.id) for a in corpus.articles.values()]
    quotes = [replace(q, id=prefix + q.id, article=prefix + q.article) for q in corpus.quotes.values()]
    figures = [replace(f, id=prefix + f.id, article=prefix + f.article) for f in corpus.figures.values()]
    return Corpus.from_records({"articles": articles, "events": corpus.events.values(),
                                "actors": corpus.actors.values(), "quotes": quotes, "figures": figures,
                                "measures": corpus.measures.values()})  # fmt: skip


def test_nearest_occurrence_of_repeated_text() -> None:
    body = 'He said "we will pay" today. Later he said "we will pay" again.'
    first, second = body.index("we will pay"), body.rindex("we will pay")
    article = Article("a1", "T", "P", body)
    quotes = [Quote("a1/q1", "a1", first, first + 11, "we will pay", "x"),
              Quote("a1/q2", "a1", second, second + 11, "we will pay", "x")]  # fmt: skip
    actors = [Actor("x", "X", "US"), Actor("y", "Y", "ROK")]
    corpus = Corpus.from_records({"articles": [article], "quotes": quotes, "actors": actors})
    target = Target(fingerprint=article.fingerprint or "", start=second - 3, end=second + 8, text="we will pay")
    rec = Correction("c1", "quote", "speaker", target, {}, {"speaker": "y"}, "", T0.isoformat())
    apply(corpus, [rec])
    assert (corpus.quotes["a1/q1"].speaker, corpus.quotes["a1/q2"].speaker) == ("x", "y")


def test_unresolvable_targets_are_problems_not_silence(fresh: Corpus) -> None:
    recs = three_fixes(fresh)
    gone = replace(recs[0], target=replace(recs[0].target, text="never said this", end=recs[0].target.start + 15))
    no_article = replace(recs[1], target=replace(recs[1].target, fingerprint="0" * 32))
    no_actor = replace(recs[2], target=Target(actor="ghost", name="Ghost"))
    out = apply(fresh, [gone, no_article, no_actor])
    assert out.report == [] and len(out.problems) == 3
    lines = [str(p) for p in out.problems]
    assert "no longer extracted" in lines[0] and "not in this store" in lines[1] and "no actor 'ghost'" in lines[2]
    assert all(line.startswith("correction c") and "\n" not in line for line in lines)


# ------------------------------------------------------------- export/import
def test_export_import_into_another_store_reproduces_the_result() -> None:
    mine = bundled_corpus()
    recs = three_fixes(mine)
    recs.append(correct_quote_speaker(mine, "breitbart-2019-11-19/q2", "Vera Lindqvist", new_actor=True, now=at(4)))
    apply(mine, recs)
    text = json.dumps(dump(recs))
    theirs = rename_articles(bundled_corpus(), "x-")  # same articles, other ids
    report = merge_import([], parse(json.loads(text)), theirs)
    assert [c.id for c in report.added] == [c.id for c in recs]
    assert report.duplicates == [] and report.unresolved == []
    assert apply(theirs, report.added).problems == []
    strip = {"x-" + q.id: q.speaker for q in mine.quotes.values()}
    assert {q.id: q.speaker for q in theirs.quotes.values()} == strip
    assert state(theirs)["actors"] == state(mine)["actors"]


def test_import_skips_duplicates_and_reports_unresolved(fresh: Corpus) -> None:
    recs = three_fixes(fresh)
    report = merge_import(recs, recs, fresh)
    assert report.added == [] and len(report.duplicates) == 3
    same_fix_later = correct_actor(fresh, "south-korean-media", side="rok", now=at(30))  # another id, same change
    assert same_fix_later.id != recs[2].id
    assert merge_import(recs, [same_fix_later], fresh).duplicates == [same_fix_later]
    smaller = bundled_corpus()
    del smaller.articles["breitbart-2019-11-19"]
    smaller.reindex()
    report = merge_import([], recs, smaller)
    assert [c.id for c in report.added] == [recs[1].id, recs[2].id]
    assert [p.correction for p in report.unresolved] == [recs[0].id]
    assert "not in this store" in report.unresolved[0].message


def test_import_checks_against_a_copy(fresh: Corpus) -> None:
    before = state(fresh)
    merge_import([], three_fixes(fresh), fresh)
    assert state(fresh) == before
    assert state(trial_copy(fresh)) == before


BAD_FILES: list[tuple[Any, str]] = [
    ([], "not a sma-tui corrections file"),
    ({"corrections": []}, "not a sma-tui corrections file"),
    ({"format": FORMAT}, "no valid version"),
    ({"format": FORMAT, "version": 99, "corrections": []}, "newer than this sma-tui reads"),
    ({"format": FORMAT, "version": 1, "corrections": {}}, "no 'corrections' list"),
    ({"format": FORMAT, "version": 1, "corrections": [3]}, "correction 1: a correction must be an object"),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_bad_files_are_one_line_errors(data: Any, message: str) -> None:
    with pytest.raises(CorrectionError, match=message) as err:
        parse(data)
    assert "\n" not in str(err.value)


def good_record(**changes: Any) -> dict[str, Any]:
    target = {"fingerprint": "ab" * 16, "start": 3, "end": 8, "text": "hello", "article": "a1"}
    base = {"id": "c1", "kind": "quote", "op": "reject", "target": target, "before": {},
            "after": {"rejected": True}, "note": "", "created": T0.isoformat(), "undone": None}  # fmt: skip
    return {**base, **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": ""}, "invalid 'id'"),
        ({"kind": "event"}, "kind 'event'"),
        ({"op": "merge"}, "op 'merge' does not apply to a quote"),
        ({"target": {"actor": "x"}}, "needs a claim target"),
        ({"target": {"fingerprint": "zz", "start": 1, "end": 2, "text": "h", "article": ""}}, "hexadecimal"),
        ({"target": {"fingerprint": "ab" * 16, "start": 5, "end": 2, "text": "", "article": ""}}, "start < end"),
        ({"target": {"fingerprint": "ab" * 16, "start": 1, "end": 9, "text": "hi", "article": ""}}, "text of its"),
        ({"after": {"speaker": "x"}}, "cannot hold speaker"),
        ({"after": {}}, "cannot hold nothing"),
        ({"created": "yesterday"}, "invalid time"),
        ({"created": "2026-11-26T08:00:00"}, "no UTC offset"),
        ({"note": 3}, "'note' must be text"),
        ({"before": []}, "'before' must be an object"),
        ({"after": {"rejected": "yes"}}, "'after.rejected' must be true"),
        ({"op": "speaker", "after": {"speaker": 7}}, "'after.speaker' must be text"),
        ({"op": "quote-fields", "after": {"date": "mid-November"}}, "not an ISO date"),
        ({"kind": "figure", "op": "figure-fields", "after": {"side": "north"}}, "'after.side' 'north' is not one of"),
        ({"op": "speaker", "after": {"speaker": "x", "new_actor": "x"}}, "new_actor' must be an object"),
        (
            {"op": "speaker", "after": {"speaker": "x", "new_actor": {"name": "X", "id": "x", "side": "?"}}},
            "known side",
        ),
        ({"note": "\x1b[2J"}, "control characters"),
        ({"op": "speaker", "after": {"speaker": "x\x07"}}, "control characters"),
    ],
)
def test_bad_records_are_rejected(changes: dict[str, Any], message: str) -> None:
    data = {"format": FORMAT, "version": 1, "corrections": [good_record(), good_record(**{"id": "c2", **changes})]}
    with pytest.raises(CorrectionError, match=message) as err:
        parse(data)
    assert str(err.value).startswith("correction 2: ")


def test_duplicate_ids_in_one_file_are_rejected() -> None:
    with pytest.raises(CorrectionError, match="appears twice"):
        parse({"format": FORMAT, "version": 1, "corrections": [good_record(), good_record()]})


def test_store_rows_round_trip(fresh: Corpus) -> None:
    """The store keeps one row per record: ``to_dict``/``from_dict``."""
    recs = three_fixes(fresh)
    assert [Correction.from_dict(json.loads(json.dumps(r.to_dict()))) for r in recs] == recs


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
_scalar = st.one_of(st.none(), st.booleans(), st.integers(-(10**6), 10**6), _text)
_times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))


_word = _text.filter(bool)
_side = st.sampled_from(["US", "ROK", "other", "unknown"])
_day = st.dates().map(lambda d: d.isoformat())
AFTER: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "actor-fields": {"side": _side, "name": _word, "role": _text},
    "merge": {"into": _word, "into_name": _text},
    "reject": {"rejected": st.just(True)},
    "speaker": {"speaker": _word, "speaker_name": _text},
    "quote-fields": {"date": st.one_of(st.none(), _day), "event": st.one_of(st.none(), _text)},
    "figure-fields": {
        "measure": _word,
        "side": st.sampled_from([None, "US", "ROK", "agreed"]),  # whose position, not an actor's side
        "period": _text,
        "claimant": st.none(),
    },
}


@st.composite
def corrections(draw: st.DrawFn) -> Correction:
    kind = draw(st.sampled_from(["quote", "figure", "actor"]))
    if kind == "actor":
        op = draw(st.sampled_from(["actor-fields", "merge"]))
        target = Target(actor=draw(st.text("abcxyz-019", min_size=1, max_size=20)), name=draw(_text))
    else:
        op = draw(st.sampled_from(["reject", f"{kind}-fields"] + (["speaker"] if kind == "quote" else [])))
        text = draw(_text.filter(bool))
        start = draw(st.integers(0, 10**6))
        fp = draw(st.text("0123456789abcdef", min_size=32, max_size=32))
        target = Target(fingerprint=fp, start=start, end=start + len(text), text=text, article=draw(_text))
    keys = list(AFTER[op])
    after = {k: draw(AFTER[op][k]) for k in keys[: draw(st.integers(1, len(keys)))]}
    before = draw(st.dictionaries(st.sampled_from(["speaker", "side", "measure"]), _scalar, max_size=3))
    undone = draw(st.one_of(st.none(), _times.map(lambda t: t.isoformat())))
    created = draw(_times).isoformat()
    rec_id = "c" + draw(st.text("0123456789abcdef", min_size=11, max_size=11))
    return Correction(rec_id, kind, op, target, before, after, draw(_text), created, undone)


@given(st.lists(corrections(), max_size=5, unique_by=lambda c: c.id))
def test_record_format_round_trips(recs: list[Correction]) -> None:
    assert parse(json.loads(json.dumps(dump(recs)))) == recs


# ---------------------------------------------------------------------- legacy
def raw_bundled(tmp_path: Path, name: str = "data") -> Corpus:
    """The bundled corpus as the extractor leaves it, before the old corrections."""
    root = tmp_path / name
    shutil.copytree(corpus_dir(), root, ignore=shutil.ignore_patterns("corrections.json"))
    return bundled_corpus(root)


LEGACY = {'corrections': [{'op': 'set',
                  'kind': 'quote',
                  'article': 'pakistanpoint-2020-01-09',
                  'text': 'equitable burden sharing.',
                  'fields': {'date': '2019-11-19'},
                  'reason': "'in mid-November' resolves to the 15th; the talks it refers to (round 3 in "
                            'Seoul) broke off on 2019-11-19'},
                 {'op': 'set',
                  'kind': 'figure',
                  'article': 'breitbart-2019-11-19',
                  'text': '28,500 American troops',
                  'fields': {'claimant': None},
                  'reason': "the troop number is the reporter's background clause, not part of what the "
                            'Foreign Ministry said'},
                 {'op': 'set',
                  'kind': 'figure',
                  'article': 'yonhap-2020-04-28',
                  'text': '28,500 American troops',
                  'fields': {'claimant': None},
                  'reason': "the reporter's paraphrase of Trump's reasoning; the number is the reporter's, "
                            "not Trump's"}]}
"""data/corrections.json in the old format (before issue 14): the converter's input."""


def test_bundled_legacy_fixes_convert_and_apply(tmp_path: Path) -> None:
    raw = raw_bundled(tmp_path)
    recs = from_legacy(raw, LEGACY)
    assert [(r.kind, r.op) for r in recs] == [("quote", "quote-fields"), ("figure", "figure-fields"),
                                              ("figure", "figure-fields")]  # fmt: skip
    assert [r.after for r in recs] == [{"date": "2019-11-19"}, {"claimant": None}, {"claimant": None}]
    assert all(r.note for r in recs) and recs == parse(json.loads(json.dumps(dump(recs))))
    assert apply(raw, recs).problems == []
    gold = bundled_corpus()
    for table in ("quotes", "figures"):
        got = {(c.article, c.start): (getattr(c, "speaker", None), getattr(c, "claimant", None), c.date)
               for c in getattr(raw, table).values()}  # fmt: skip
        want = {(c.article, c.start): (getattr(c, "speaker", None), getattr(c, "claimant", None), c.date)
                for c in getattr(gold, table).values()}  # fmt: skip
        assert got == want, table
    assert from_legacy(raw_bundled(tmp_path, "again"), LEGACY) == recs  # deterministic
    # the bundled file is exactly this conversion, in the new format, its reasons as notes
    bundled = json.loads((corpus_dir() / "corrections.json").read_text(encoding="utf-8"))
    assert parse(bundled) == recs
    assert [r.note for r in recs] == [i["reason"] for i in LEGACY["corrections"]]


def test_legacy_ops_without_an_equivalent(fresh: Corpus) -> None:
    item = {"op": "add", "kind": "quote", "article": "breitbart-2019-11-19", "text": "x", "reason": "r"}
    with pytest.raises(CorrectionError, match="legacy correction 1: op 'add'"):
        from_legacy(fresh, {"corrections": [item]})
    with pytest.raises(CorrectionError, match="no extracted quote"):
        from_legacy(fresh, {"corrections": [{**item, "op": "set", "text": "nope", "fields": {"date": "2020-01-01"}}]})
    with pytest.raises(CorrectionError, match="'corrections' list"):
        from_legacy(fresh, [])
    drop = {**item, "op": "drop", "text": "increase drastically"}
    assert from_legacy(fresh, {"corrections": [drop]})[0].op == "reject"


# ------------------------------------------------------------------ review
def test_review_queue_lists_doubtful_items_most_doubtful_first(fresh: Corpus) -> None:
    corpus = with_new_fields(fresh)
    corpus.quotes["breitbart-2019-11-19/q7"].speaker = None
    for qid, how in (("breitbart-2019-11-19/q8", "pronoun"), ("breitbart-2019-11-19/q9", "unknown")):
        quote = corpus.quotes[qid]
        assert isinstance(quote, AttributedQuote)
        quote.attribution = how
    corpus.figures["breitbart-2019-11-19/f6"].measure = None
    corpus.actors["usfk"].side_guessed = True
    corpus.reindex()
    queue = review_queue(corpus)
    top = [(i.kind, i.id) for i in queue[:3]]
    assert top[0] == ("quote", "breitbart-2019-11-19/q7") and top[1] == ("quote", "breitbart-2019-11-19/q9")
    by_id = {i.id: i for i in queue}
    assert "pronoun" in by_id["breitbart-2019-11-19/q8"].reason
    assert "guessed" in by_id["usfk"].reason
    assert by_id["breitbart-2019-11-19/f6"].reason.startswith("no measure")
    assert all(i.reason and 0 < i.score <= 1 for i in queue)
    assert queue == sorted(queue, key=lambda i: (-i.score, i.kind, i.id))
    assert "breitbart-2019-11-19/q8" not in {i.id for i in review_queue(corpus, exclude={"breitbart-2019-11-19/q8"})}


def test_review_queue_after_corrections_and_for_added_actors(fresh: Corpus) -> None:
    corpus = fresh
    baseline = review_queue(corpus)  # the bundled corpus: only the quotes whose speaker was inferred
    assert {i.kind for i in baseline} == {"quote"}
    assert all(corpus.quotes[i.id].attribution != "explicit" for i in baseline)
    rec = correct_quote_speaker(corpus, "breitbart-2019-11-19/q1", "Vera Lindqvist", new_actor=True, now=at(1))
    apply(corpus, [rec])
    corpus.articles["breitbart-2019-11-19"].added = T0.isoformat()
    items = {(i.kind, i.id): i for i in review_queue(corpus)}
    assert "side unknown" in items[("actor", "vera-lindqvist")].reason
    assert "created by adding" in items[("actor", "vera-lindqvist")].reason
    assert ("quote", "breitbart-2019-11-19/q1") not in items  # its speaker is listed, not each of its quotes
    assert ("actor", "us-negotiators") in items  # its only source is now an added article
    assert ("actor", "james-dehart") not in items  # the dossier cites public sources for him


def test_review_queue_lists_an_unattributed_quote(fresh: Corpus) -> None:
    """With every attribution explicit and figures without the new fields, only the quote
    that lost its speaker is listed."""
    for q in fresh.quotes.values():
        q.attribution = "explicit"
    fresh.quotes["breitbart-2019-11-19/q7"].speaker = None
    assert [(i.kind, i.id) for i in review_queue(fresh)] == [("quote", "breitbart-2019-11-19/q7")]


def test_actor_slug_is_the_extractors() -> None:
    for name in ("Vera Lindqvist", "Jeong Eun-bo", "  O’Brien, Robert. ", "U.S. Forces Korea", "", "??"):
        assert actor_slug(name) == extractor_slug(name)
    assert actor_slug("Vera Lindqvist") == "vera-lindqvist"


def test_core_imports_no_ui_or_storage_library() -> None:
    mods = ("corrections.records", "corrections.apply", "corrections.correct", "corrections.review")
    bad = "sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tinydb'))"
    code = "".join(f"import sma_tui.core.{m}\n" for m in mods) + f"import sys\nprint(','.join({bad}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
