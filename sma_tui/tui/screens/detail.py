"""Drill-down screens for a round or event, an actor, and a figure group."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Label, Static

from ...core.corpus import Corpus, FigureGroup
from ...core.models import PublicSource, Quote
from ...core.safety.sanitize import flat, one_line
from ...core.text import format_value
from ..format import date_range, event_label, human_date, value_sources
from ..messages import OpenArticle
from ..widgets.browser import FigureBrowser, QuoteBrowser, one_per_statement
from ..widgets.lists import Column, Row, SmaTable
from .base import DrillScreen

ARTICLE_COLUMNS = [
    Column("publisher", "Publisher", 12, 28, 1),
    Column("date", "Date", 11),
    Column("quotes", "Q", 2),
    Column("title", "Title", 20, None, 4),
]


def statements_label(quotes: list[Quote]) -> str:
    """``Quotes (10)``, or ``Statements (9, in 10 quotes)`` when some are reported twice."""
    n = len(one_per_statement(quotes))
    return f"Quotes ({len(quotes)})" if n == len(quotes) else f"Statements ({n}, in {len(quotes)} quotes)"


def _info(*lines: Content | str) -> Static:
    return Static(Content("\n").join(Content(x) if isinstance(x, str) else x for x in lines), classes="info-text")


class BrowserScreen(DrillScreen):
    """A drill-down whose quotes can be copied with ``c``."""

    def focused_quote(self) -> Quote | None:
        for browser in self.query(QuoteBrowser):
            if browser.table.has_focus or browser.has_focus_within:
                return browser.current()
        return None


class EventScreen(BrowserScreen):
    """A round or event: when, where, who negotiated, the summary, its quotes and sources."""

    def __init__(self, corpus: Corpus, trail: tuple[str, ...], event_id: str) -> None:
        self.event = corpus.events[event_id]
        super().__init__(corpus, trail, event_label(self.event))

    def compose_content(self) -> Iterable[Widget]:
        c, e = self.corpus, self.event
        negotiators = ", ".join(
            f"{c.speaker_name(n)} ({c.actors[n].side})" if n in c.actors else n for n in e.negotiators
        )
        participants = ", ".join(c.speaker_name(n) for n in e.participants)
        public = [s for s in e.sources if isinstance(s, PublicSource)]
        lines: list[Content | str] = [
            Content.styled(e.title, "bold"),
            f"{date_range(e.start, e.end)} · {e.place or 'place not recorded'} · {e.kind}"
            + (f" {e.number}" if e.number is not None else ""),
        ]
        if negotiators:
            lines.append(f"Negotiators: {negotiators}")
        if participants:
            lines.append(f"Participants: {participants}")
        if e.summary:
            lines.append(Content(e.summary))
        if public:
            lines.append(Content.styled("Public sources:", "dim"))
        for s in public:  # plain Content: never parsed as markup
            lines += [Content(f"  {s.label()}"), Content.styled(f"    {one_line(s.url)}", "dim")]
        with VerticalScroll(classes="info"):
            yield _info(*lines)
        quotes = c.quotes_for_event(e.id)
        yield Label(statements_label(quotes), classes="section")
        yield QuoteBrowser(c, ("speaker", "date", "text"), empty="No quotes are linked to this event.", id="quotes")
        articles = c.articles_for_event(e.id)
        yield Label(
            f"Source articles ({len(articles)})" if articles else "No source articles in the store for this event.",
            classes="section",
        )
        yield SmaTable(id="articles", classes="articles-table")

    def on_mount(self) -> None:
        c = self.corpus
        quotes = c.quotes_for_event(self.event.id)
        self.query_one(QuoteBrowser).show_quotes(quotes, by_statement=True)
        self.set_class(not quotes, "-no-quotes")  # the summary may then take the room
        table = self.query_one("#articles", SmaTable)
        rows = [
            Row(
                a.id,
                (a.publisher, human_date(a.date), str(c.quote_count_for_article(a.id)), a.title),
                (None, a.date or "", c.quote_count_for_article(a.id), None),
            )
            for a in c.articles_for_event(self.event.id)
        ]
        table.export_view = "articles"
        table.show_rows(ARTICLE_COLUMNS, rows)
        table.display = bool(rows)
        self.query_one(QuoteBrowser).table.focus()

    @on(DataTable.RowSelected, "#articles")
    def _open_article(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(OpenArticle(event.row_key.value))


class ActorScreen(BrowserScreen):
    """An actor: who they are, all their quotes across time, and the figures they stated."""

    def __init__(self, corpus: Corpus, trail: tuple[str, ...], actor_id: str) -> None:
        self.actor = corpus.actors[actor_id]
        super().__init__(corpus, trail, self.actor.name)

    def compose_content(self) -> Iterable[Widget]:
        a, c = self.actor, self.corpus
        quotes, figures = c.quotes_by_speaker(a.id), c.figures_by_claimant(a.id)
        side = f"{a.side} (side guessed)" if a.side_guessed else a.side
        lines: list[Content | str] = [Content.styled(a.name, "bold"), f"{side} · {a.kind} · {a.role or '—'}"]
        if a.organisation and a.organisation not in a.role:
            lines.append(a.organisation)
        if a.aliases:
            lines.append("Also called: " + ", ".join(a.aliases))
        with VerticalScroll(classes="info"):
            yield _info(*lines)
        yield Label(statements_label(quotes), classes="section")
        yield QuoteBrowser(c, ("date", "event", "text"), empty=f"No quotes by {a.name} in the corpus.", id="quotes")
        yield Label(f"Figures stated ({len(figures)})", classes="section")
        yield FigureBrowser(c, ("value", "measure", "source"), empty=f"{a.name} states no figures.", id="figures")

    def on_mount(self) -> None:
        self.query_one(QuoteBrowser).show_quotes(self.corpus.quotes_by_speaker(self.actor.id), by_statement=True)
        self.query_one(FigureBrowser).show(self.corpus.figures_by_claimant(self.actor.id))
        self.query_one(QuoteBrowser).table.focus()


class FigureGroupScreen(DrillScreen):
    """Everything said about one measure: each value with the sentence it came from."""

    def __init__(self, corpus: Corpus, trail: tuple[str, ...], measure_id: str) -> None:
        groups = [g for g in corpus.figure_groups() if g.measure.id == measure_id]
        if not groups:
            raise KeyError(measure_id)
        self.group: FigureGroup = groups[0]
        super().__init__(corpus, trail, self.group.measure.label)

    def compose_content(self) -> Iterable[Widget]:
        g, c = self.group, self.corpus
        lines: list[Content | str] = [Content.styled(g.measure.label, "bold")]
        for d in g.disputes:  # why, in the sources' words: "$990 million (Breitbart) vs ..."
            lines.append(Content.styled(f"⚠ Sources disagree: {flat(d.why)}", "bold $warning"))
        for v in g.values:
            lines.append(f"{format_value(v.value, v.unit)} — {value_sources(c, v.figures)}")
        with VerticalScroll(classes="info"):
            yield _info(*lines)
        yield Label(f"Figures ({len(g.figures)}) — enter opens the article at the figure", classes="section")
        yield FigureBrowser(c, ("value", "claimant", "source", "sentence"), empty="No figures.", id="figures")

    def on_mount(self) -> None:
        self.query_one(FigureBrowser).show(self.group.figures)
        self.query_one(FigureBrowser).table.focus()
