"""The article reader: the body with every quote highlighted, one of them current.

Opening a quote (or a figure) scrolls to it and marks it as current; ``n``/``N`` move to
the next/previous quote of the article and the status line names its speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.widget import Widget
from textual.widgets import Static

from ...core.corpus import Corpus
from ...core.models import Article, Figure, Quote
from ...core.text import format_value, paragraph_bounds
from ...safe_text import markup_literal
from .. import bindings
from ..format import also_reported, article_label, event_label, human_date
from .base import DrillScreen, ExportTarget
from .statement import CompareReportsCommand, StatementScreen


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of the body: ``body[start:end]``."""

    start: int
    end: int


def paragraphs(body: str) -> list[Block]:
    """The body's paragraphs, split exactly as the extractor splits them."""
    return [Block(start, end) for start, end in paragraph_bounds(body)]


class Paragraph(Static):
    """One paragraph; ``-current`` when it holds the current claim."""


class ArticleBody(VerticalScroll, can_focus=True):
    """The scrolling body; its component classes style the highlights (see ``screens.tcss``)."""

    COMPONENT_CLASSES = {"reader--quote", "reader--current", "reader--figure"}
    BINDINGS = bindings.READER_BODY


class OpenUrlCommand(Provider):
    """The palette's "open this article's web page" while the reader is showing."""

    TITLE = "Open the article's web page in the browser"

    async def discover(self) -> Hits:
        if isinstance(self.screen, ReaderScreen):
            yield DiscoveryHit(self.TITLE, self.screen.action_open_url, help=self.screen.article.url or "no URL")

    async def search(self, query: str) -> Hits:
        if isinstance(self.screen, ReaderScreen):
            score = self.matcher(query).match(self.TITLE)
            if score > 0:
                url = markup_literal(self.screen.article.url or "no URL")
                yield Hit(score, self.TITLE, self.screen.action_open_url, help=url)


class ReaderScreen(DrillScreen):
    COMMANDS = {OpenUrlCommand, CompareReportsCommand}
    BINDINGS = bindings.READER

    def __init__(self, corpus: Corpus, trail: tuple[str, ...], article_id: str, claim_id: str | None = None) -> None:
        self.article: Article = corpus.articles[article_id]
        super().__init__(corpus, trail, article_label(self.article))
        self.quotes = sorted(corpus.quotes_in_article(article_id), key=lambda q: (q.start, q.end))
        self.claim: Quote | Figure | None = None
        if claim_id is not None:
            self.claim = corpus.quotes.get(claim_id) or corpus.figures.get(claim_id)
        self.blocks = paragraphs(self.article.body)

    def compose_content(self) -> Iterable[Widget]:
        a = self.article
        when = human_date(a.date) + (" (date inferred)" if a.date_inferred else "")
        meta = " · ".join(x for x in (a.publisher, when, f"by {a.byline}" if a.byline else "", a.agency or "") if x)
        head = Content.styled(a.title, "bold").append("\n").append(Content.styled(meta, "dim"))
        if a.url:
            head = head.append("\n").append(Content.styled(a.url, "dim"))
        yield Static(head, id="article-head")
        yield Static(id="reader-status")
        with ArticleBody(id="article-body"):
            for i, _ in enumerate(self.blocks):
                yield Paragraph(id=f"p{i}")

    def on_mount(self) -> None:
        self._render_body()
        body = self.query_one(ArticleBody)
        body.focus()
        self.call_after_refresh(self._scroll_to_current)

    # ------------------------------------------------------------------ state
    @property
    def current_quote(self) -> Quote | None:
        return self.claim if isinstance(self.claim, Quote) else None

    def focused_quote(self) -> Quote | None:
        return self.current_quote

    def export_target(self) -> ExportTarget | None:
        return ExportTarget("quotes", [q.id for q in self.quotes])

    def highlighted_id(self) -> str | None:
        return self.claim.id if self.claim is not None else self.article.id

    def current_paragraph(self) -> Paragraph | None:
        if self.claim is None:
            return None
        for i, block in enumerate(self.blocks):
            if block.start <= self.claim.start < block.end:
                return self.query_one(f"#p{i}", Paragraph)
        return None

    def action_next_quote(self) -> None:
        pos = (self.claim.start, self.claim.end) if self.claim else (-1, -1)
        later = [q for q in self.quotes if (q.start, q.end) > pos and q is not self.claim]
        self._move(later[0] if later else None, "This is the last quote of the article.")

    def action_previous_quote(self) -> None:
        if self.claim is None:
            self._move(None, "This is the first quote of the article.")
            return
        pos = (self.claim.start, self.claim.end)
        earlier = [q for q in self.quotes if (q.start, q.end) < pos and q is not self.claim]
        self._move(earlier[-1] if earlier else None, "This is the first quote of the article.")

    def _move(self, quote: Quote | None, at_edge: str) -> None:
        if quote is None:
            if not self.quotes:
                self.notify("This article has no quotes.", severity="warning")
            else:
                self.notify(at_edge)
            return
        self.claim = quote
        self._render_body()
        self._scroll_to_current()

    def action_open_url(self) -> None:
        """Open the article's URL with :mod:`webbrowser`; say so when it has none."""
        import webbrowser

        url = self.article.url
        if not url:
            self.notify("This article has no URL: it was added from a file.", severity="warning", markup=False)
            return
        if not url.startswith(("http://", "https://")):
            self.notify(f"Not a web address, not opened: {url}", severity="warning", markup=False)
            return
        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        if opened:
            self.notify(f"Opened {url}", markup=False)
        else:
            self.notify(f"No browser could open {url}", severity="warning", markup=False)

    def action_compare_reports(self) -> None:
        """Open the comparison of the current quote's reports across outlets."""
        quote = self.current_quote
        if quote is None or len(self.corpus.statement_reports(quote)) < 2:
            self.notify("No other outlet reported this quote.", severity="warning")
            return
        self.app.push_screen(StatementScreen(self.corpus, self.trail, quote))

    # ------------------------------------------------------------------ drawing
    def _render_body(self) -> None:
        body = self.article.body
        view = self.query_one(ArticleBody)
        quote_style = view.get_visual_style("reader--quote", partial=True)
        current_style = view.get_visual_style("reader--current", partial=True)
        figure_style = view.get_visual_style("reader--figure", partial=True)
        current = self.claim
        for i, block in enumerate(self.blocks):
            spans: list[Span] = []
            for claim, style in [
                *((q, quote_style) for q in self.quotes),
                *((f, figure_style) for f in self.corpus.figures_in_article(self.article.id)),
                *(((current, current_style),) if current is not None else ()),
            ]:
                s, e = max(claim.start, block.start), min(claim.end, block.end)
                if s < e:
                    spans.append(Span(s - block.start, e - block.start, style))
            para = self.query_one(f"#p{i}", Paragraph)
            para.update(Content(body[block.start : block.end], spans))
            para.set_class(current is not None and block.start <= current.start < block.end, "-current")
        self.query_one("#reader-status", Static).update(self._status())

    def _status(self) -> Content:
        c, claim = self.corpus, self.claim
        total = len(self.quotes)
        if claim is None:
            return Content(f"{total} quote{'s' if total != 1 else ''} highlighted · n/N to step through them")
        if isinstance(claim, Figure):
            measure = c.measures.get(claim.measure or "")
            who = c.speaker_name(claim.claimant) if claim.claimant else "the publisher's own reporting"
            label = f" ({measure.label})" if measure else ""
            return Content(f"Figure {format_value(claim.value, claim.unit)}{label} — {who}")
        index = next((i for i, q in enumerate(self.quotes) if q is claim), 0) + 1
        actor = c.actors.get(claim.speaker or "")
        side = f" ({actor.side})" if actor else ""
        event = c.events.get(claim.event or "")
        where = f" · {event_label(event)}" if event else ""
        doubt = " ?" if claim.attribution in ("pronoun", "context", "unknown") else ""
        note = c.corrected.get(claim.id)
        fixed = f" · ✎ corrected{': ' + note if note else ''}" if note is not None else ""
        status = Content.assemble(
            f"Quote {index} of {total} · ",
            (f"{c.speaker_name(claim.speaker)}{side}", "bold"),
            (doubt, "dim"),
            f" · {human_date(claim.date or self.article.date)}{where}{fixed}",
        )
        also = also_reported(c, claim)
        return status.append("\n" + also + " · s compares") if also else status

    def _scroll_to_current(self) -> None:
        para = self.current_paragraph()
        if para is not None:
            self.query_one(ArticleBody).scroll_to_center(para, animate=False, immediate=True)
