"""The comparison of one statement's reports: every outlet's wording, earliest first, each
later one marked word by word against the earliest (insertions and deletions highlighted),
and a mark when they differ in substance (a number, a negation).

Report texts are article text: they are drawn as :class:`Content` built from plain strings
(never markup) with control characters removed.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ...core.corpus import Corpus
from ...core.models import Quote
from ...core.safety.sanitize import flat
from ...core.statements.assign import summarise
from ...core.statements.wording import word_diff
from ..format import human_date, source_of
from ..messages import OpenArticle
from .base import DrillScreen


class StatementScreen(DrillScreen):
    """One statement's reports side by side (see the module docstring)."""

    COMPONENT_CLASSES = {"statement--insert", "statement--delete", "statement--substantive"}

    def __init__(self, corpus: Corpus, trail: tuple[str, ...], quote: Quote) -> None:
        self.reports = corpus.statement_reports(quote)
        self.statement = summarise(self.reports)
        self.quote = quote
        super().__init__(corpus, trail, f"Reports ×{len(self.reports)}")

    def compose_content(self) -> Iterable[Widget]:
        yield Static(id="statement-head")
        yield Label(f"Reports, earliest first ({len(self.reports)})", classes="section")
        yield OptionList(id="statement-reports")

    def on_mount(self) -> None:
        self.query_one("#statement-head", Static).update(self._head())
        options = self.query_one(OptionList)
        options.add_options([Option(self._report(i, q).append("\n"), id=q.id) for i, q in enumerate(self.reports)])
        options.highlighted = next((i for i, q in enumerate(self.reports) if q is self.quote), 0)
        options.focus()

    def _head(self) -> Content:
        s, c = self.statement, self.corpus
        speaker = c.speaker_name(s.speaker_id) if s.speaker_id else c.speaker_name(self.quote.speaker)
        head = Content.styled(flat(speaker), "bold").append(f" · reported ×{len(self.reports)}")
        if s.substantive:
            style = self.get_visual_style("statement--substantive", partial=True)
            head = head.append(" · ").append(Content.styled("≠ the reports differ in a number or a negation", style))
        elif s.variants:
            head = head.append(" · worded differently")
        head = head.append("\n").append(Content("“" + flat(s.text) + "”"))
        if len({q.text for q in self.reports}) > 1:
            legend = Content("\nAgainst the earliest report: ")
            legend = legend.append(Content.styled("only in this report", self.get_visual_style("statement--insert")))
            legend = legend.append(" · ").append(
                Content.styled("only in the earliest", self.get_visual_style("statement--delete"))
            )
            head = head.append(legend)
        return head

    def _report(self, i: int, q: Quote) -> Content:
        where = f"{human_date(q.date)} · {source_of(self.corpus, q)}"
        evidence = self.corpus.quotes.get(q.attribution_source or "")
        if evidence is not None:
            where += f" · speaker named by {source_of(self.corpus, evidence)}"
        meta = Content.styled(flat(where), "dim")
        if i == 0:
            return meta.append("\n").append(Content(flat(q.text)))
        insert = self.get_visual_style("statement--insert", partial=True)
        delete = self.get_visual_style("statement--delete", partial=True)
        parts: list[Content] = []
        for op, text in word_diff(self.reports[0].text, q.text):
            words = flat(text)
            parts.append(Content.styled(words, insert) if op == "insert" else
                         Content.styled(words, delete) if op == "delete" else Content(words))  # fmt: skip
        return meta.append("\n").append(Content(" ").join(parts))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = self.corpus.quotes.get(event.option.id or "")
        if quote is not None:
            self.post_message(OpenArticle(quote.article, quote.id))

    def focused_quote(self) -> Quote | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return self.reports[options.highlighted]


class CompareReportsCommand(Provider):
    """The palette's "compare the reports of this quote's statement" (reader screen)."""

    TITLE = "Compare the reports of this statement (other outlets' wording)"

    def _target(self) -> object | None:
        action = getattr(self.screen, "action_compare_reports", None)
        return action if callable(action) else None

    async def discover(self) -> Hits:
        if (action := self._target()) is not None:
            yield DiscoveryHit(self.TITLE, action)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        if (action := self._target()) is not None:
            score = self.matcher(query).match(self.TITLE)
            if score > 0:
                yield Hit(score, self.TITLE, action)  # type: ignore[arg-type]
