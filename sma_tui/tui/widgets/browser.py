"""Claim browsers: a table of quotes (or figures) with a preview of the highlighted one.

Enter on a row posts :class:`~sma_tui.tui.messages.OpenArticle` at that claim. The table
shows one line per claim; the preview below it shows the whole text, wrapped, with its
speaker, publisher and date ("speakers shown on focus").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.containers import Vertical
from textual.content import Content, Span
from textual.widgets import DataTable, Static

from ...core.corpus import Corpus
from ...core.models import Figure, Quote
from ...core.search import Query, match_spans
from ...core.text import fold, format_value
from ..format import (
    also_reported,
    claim_date,
    claimant_name,
    event_label,
    human_date,
    one_line,
    sentence_span,
    source_of,
)
from ..messages import OpenArticle
from .lists import Column, Row, SmaTable, cell

C = TypeVar("C", Quote, Figure)
SIDE_PREVIEW_WIDTH = 140
"""From this width on, the preview sits beside the table rather than under it."""
KWIC_CONTEXT = 12  # characters shown before a match that would be cut off

QUOTE_COLUMNS = {
    "speaker": Column("speaker", "Speaker", 12, 26, 1),
    "date": Column("date", "Date", 11),
    "event": Column("event", "Round / event", 8, 22, 1),
    "publisher": Column("publisher", "Publisher", 10, 24, 1),
    "text": Column("text", "Quote", 20, None, 5),
}
FIGURE_COLUMNS = {
    "value": Column("value", "Value", 12, 16, 1),
    "measure": Column("measure", "Measure", 14, 40, 2),
    "claimant": Column("claimant", "Claimed by", 12, 24, 1),
    "source": Column("source", "Source", 18, 32, 2),
    "sentence": Column("sentence", "Sentence", 20, None, 6),
}


class ClaimBrowser(Vertical, Generic[C]):
    """Base class: subclasses say how a claim becomes a row and a preview."""

    COMPONENT_CLASSES = {"browser--match", "browser--claim", "browser--meta"}
    COLUMNS: dict[str, Column] = {}
    EXPORT_VIEW = ""

    def __init__(self, corpus: Corpus, columns: Sequence[str], *, empty: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.columns = list(columns)
        self.empty = empty
        self.items: dict[str, C] = {}
        self.note: str | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        table = SmaTable(classes="browser-table")
        table.export_view = self.EXPORT_VIEW
        yield table
        yield Static(classes="preview")

    def on_resize(self) -> None:
        """Wide enough: the preview moves beside the table, the whole claim wrapped in it."""
        self.set_class(self.size.width >= SIDE_PREVIEW_WIDTH, "-side")

    @property
    def table(self) -> SmaTable:
        return self.query_one(SmaTable)

    def show(self, items: Sequence[C], *, note: str | None = None) -> None:
        """Replace the rows; the table shares its width out between the columns (and again
        whenever it is resized), the claim text taking what is left."""
        self.items = {item.id: item for item in items}
        rows = [Row(item.id, ()) for item in items]  # cells drawn by _draw_cell, text on demand
        self.table.show_rows(
            [self.COLUMNS[name] for name in self.columns], rows, self._draw_cell, self._row_text, self._row_sort
        )
        self.note = note
        self.set_class(not items, "-empty")
        self._update_preview()

    def _draw_cell(self, row: Row, index: int, width: int) -> Text:
        return self.cell(self.items[row.key], self.columns[index], width)

    def _row_text(self, row: Row) -> str:
        item = self.items[row.key]
        return " ".join(self.plain(item, name) for name in self.columns)

    def _row_sort(self, row: Row, index: int) -> object:
        item, column = self.items[row.key], self.columns[index]
        value = self.sort_value(item, column)
        return fold(self.plain(item, column)) if value is None else value

    def plain(self, item: C, column: str) -> str:
        """A column's text, unstyled and uncut (what the filter looks in). Subclasses give
        the text ones directly: this runs for every row on every refill."""
        return self.cell(item, column, 10_000).plain

    def sort_value(self, item: C, column: str) -> object:
        """What ``s`` sorts a column by (``None``: its text)."""
        if column == "date":
            return claim_date(self.corpus, item) or ""
        if column == "value" and isinstance(item, Figure):
            return item.value
        return None

    def current(self) -> C | None:
        key = self.table.cursor_key()
        return self.items.get(key) if key else None

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._update_preview()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self.items.get(event.row_key.value or "")
        if item is not None:
            self.post_message(OpenArticle(item.article, item.id))

    def _update_preview(self) -> None:
        preview = self.query_one(".preview", Static)
        item = self.current()
        if item is None:
            preview.update(Content(self.empty))
            return
        body = self.preview(item)
        if self.note:
            body = body.append("\n").append(Content.styled(self.note, self.get_visual_style("browser--meta")))
        preview.update(body)

    def in_context(self, text: str, spans: Sequence[tuple[int, int]], width: int) -> Text:
        """A one-line cell of ``text`` with ``spans`` highlighted; when the first span would
        fall past the cut, the cell starts a little before it: ``…context match…``."""
        if spans and spans[0][1] > width - 4:
            shift = max(0, spans[0][0] - min(KWIC_CONTEXT, width // 4))
            text = "…" + text[shift:]
            spans = [(s - shift + 1, e - shift + 1) for s, e in spans]
        t = Text(text, no_wrap=True, overflow="ellipsis", end="")  # not cell(): offsets must not move
        t.truncate(width, overflow="ellipsis")
        style = self.table.get_component_rich_style("match", partial=True)
        for s, e in spans:
            if s < width - 1:
                t.stylize(style, s, min(e, width - 1))
        return t

    def highlight(self, text: str, spans: Sequence[tuple[int, int]]) -> Content:
        style = self.get_visual_style("browser--match", partial=True)
        return Content(text, [Span(s, e, style) for s, e in spans])

    def meta(self, text: str) -> Content:
        return Content.styled(text, self.get_visual_style("browser--meta", partial=True))

    # subclass API
    def cell(self, item: C, column: str, width: int) -> Text:  # pragma: no cover - abstract
        raise NotImplementedError

    def preview(self, item: C) -> Content:  # pragma: no cover - abstract
        raise NotImplementedError


class QuoteBrowser(ClaimBrowser[Quote]):
    """Quotes; with a search ``query``, the matches are highlighted in the rows and preview."""

    COLUMNS = QUOTE_COLUMNS
    EXPORT_VIEW = "quotes"

    def __init__(
        self,
        corpus: Corpus,
        columns: Sequence[str] = ("speaker", "date", "text"),
        *,
        empty: str = "No quotes.",
        id: str | None = None,
    ) -> None:
        super().__init__(corpus, columns, empty=empty, id=id)
        self.query_: Query | None = None

    def show_quotes(
        self,
        quotes: Sequence[Quote],
        query: Query | None = None,
        note: str | None = None,
        *,
        by_statement: bool = False,
    ) -> None:
        """``by_statement``: one row per statement (its first report among ``quotes``, ×N)."""
        self.query_ = query
        self.show(one_per_statement(quotes) if by_statement else quotes, note=note)

    def plain(self, item: Quote, column: str) -> str:
        if column == "text":
            return item.text
        if column == "speaker":
            return self.corpus.speaker_name(item.speaker)
        return super().plain(item, column)

    def cell(self, item: Quote, column: str, width: int) -> Text:
        c = self.corpus
        if column == "speaker":
            actor = c.actors.get(item.speaker or "")
            name = self.table.side_text(c.speaker_name(item.speaker), actor.side if actor else None, width)
            return speaker_marks(name, item, item.id in c.corrected)
        if column == "date":
            return cell(human_date(claim_date(c, item)))
        if column == "event":
            event = c.events.get(item.event or "")
            return cell(event_label(event) if event else "—", width)
        if column == "publisher":
            article = c.articles.get(item.article)
            return cell(article.publisher if article else item.article, width)
        text = one_line(item.text)
        n = len(c.statement_reports(item))
        mark = f"×{n} " if n > 1 else ""  # reported by n articles (see the reader's comparison)
        spans = match_spans(text, self.query_) if self.query_ is not None else []
        return self.in_context(mark + text, [(a + len(mark), b + len(mark)) for a, b in spans], width)

    def preview(self, item: Quote) -> Content:
        text = one_line(item.text)
        spans = match_spans(text, self.query_) if self.query_ is not None else []
        event = self.corpus.events.get(item.event or "")
        where = f" · {event_label(event)}" if event else ""
        byline = f"— {self.corpus.speaker_name(item.speaker)}, {source_of(self.corpus, item)}{where}"
        if item.attribution in DOUBTFUL:
            byline += f" · ? speaker {ATTRIBUTION_SAID[item.attribution]}: check it (e corrects)"
        also = also_reported(self.corpus, item)
        if also:
            byline += f"\n{also} (enter, then s, compares them)"
        out = Content("“").append(self.highlight(text, spans)).append("”\n").append(self.meta(byline))
        note = self.corpus.corrected.get(item.id)
        if note is not None:
            out = out.append("\n").append(self.meta(f"✎ corrected by hand{': ' + note if note else ''}"))
        return out


DOUBTFUL = ("pronoun", "context", "unknown")
ATTRIBUTION_SAID = {"pronoun": "resolved from a pronoun", "context": "inferred from the text around it",
                    "unknown": "not known"}  # fmt: skip


def speaker_marks(name: Text, quote: Quote, corrected: bool) -> Text:
    """A speaker cell: a dim ``?`` when the attribution is not explicit (a reader should
    check it), ``✎`` when a person corrected it."""
    if quote.attribution in DOUBTFUL:
        name.append(" ?", style="dim")
    if corrected:
        name.append(" ✎", style="bold")
    return name


def one_per_statement(quotes: Sequence[Quote]) -> list[Quote]:
    """The first of ``quotes`` of each statement, in order."""
    seen: set[str] = set()
    out = []
    for q in quotes:
        key = q.statement or q.id
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


class FigureBrowser(ClaimBrowser[Figure]):
    """Figures, each previewed with the sentence it came from (the figure highlighted)."""

    COLUMNS = FIGURE_COLUMNS
    EXPORT_VIEW = "figures"

    def plain(self, item: Figure, column: str) -> str:
        return self.sentence(item)[0] if column == "sentence" else super().plain(item, column)

    def cell(self, item: Figure, column: str, width: int) -> Text:
        c = self.corpus
        if column == "value":
            return cell(format_value(item.value, item.unit) + (" ✎" if item.id in c.corrected else ""), width)
        if column == "measure":
            measure = c.measures.get(item.measure or "")
            return cell(measure.label if measure else "—", width)
        if column == "claimant":
            actor = c.actors.get(item.claimant or "")
            return self.table.side_text(claimant_name(c, item), actor.side if actor else None, width)
        if column == "source":
            return cell(source_of(c, item), width)
        sentence, span = self.sentence(item)
        return self.in_context(sentence.replace("\n", " "), [span], width)

    def sentence(self, item: Figure) -> tuple[str, tuple[int, int]]:
        """The sentence holding the figure, and the figure's span inside it."""
        article = self.corpus.articles.get(item.article)
        if article is None or article.body[item.start : item.end] != item.text:
            return item.text, (0, len(item.text))
        s, e = sentence_span(article.body, item.start, item.end)
        return article.body[s:e], (item.start - s, item.end - s)

    def preview(self, item: Figure) -> Content:
        text, (s, e) = self.sentence(item)
        measure = self.corpus.measures.get(item.measure or "")
        label = measure.label if measure else "unclassified figure"
        meta = (
            f"{format_value(item.value, item.unit)} ({label}) — {claimant_name(self.corpus, item)}, "
            f"{source_of(self.corpus, item)}; figure dated {human_date(item.date)}"
        )
        flat = text.replace("\n", " ")
        return self.highlight(flat, [(s, e)]).append("\n").append(self.meta(meta))
