"""The command palette (ctrl+p): jump to any round, event, actor, article or figure group."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.message import Message

from ..core.corpus import Corpus
from ..core.safety.sanitize import clean
from ..core.text import format_value, plural
from ..safe_text import markup_literal
from .format import article_label, event_command
from .messages import OpenActor, OpenArticle, OpenEvent, OpenFigureGroup, OpenGapChart


def dossier_commands(post: Callable[[Message], object], corpus: Corpus) -> list[tuple[str, Callable[[], object], str]]:
    """(title, callback, help) for every place in the dossier, in a stable order; a callback
    posts the ``Open*`` message that the app answers by opening the place."""
    commands: list[tuple[str, Callable[[], object], str]] = []
    for e in corpus.timeline():
        n = corpus.quote_count_for_event(e.id)
        commands.append((event_command(e), _poster(post, OpenEvent, e.id), f"{e.title} · {plural(n, 'quote')}"))
    for a in corpus.actor_list():
        n = corpus.quote_count_for_actor(a.id)
        help_text = f"{a.side} · {a.role} · {plural(n, 'quote')}"
        commands.append((f"actor: {a.name}", _poster(post, OpenActor, a.id), help_text))
    for ar in corpus.article_list():
        commands.append((f"article: {article_label(ar)}", _poster(post, OpenArticle, ar.id), ar.title))
    commands.append(
        ("positions: gap chart (U.S. ask vs Seoul's offer)", lambda: post(OpenGapChart()), "every position over time")
    )
    for g in corpus.figure_groups():
        values = " vs ".join(format_value(v.value, v.unit) for v in g.values)
        if g.dispute is not None:
            values = f"⚠ sources disagree: {g.dispute.why}"
        commands.append((f"figures: {g.measure.label}", _poster(post, OpenFigureGroup, g.measure.id), values))
    return commands


def _poster(post: Callable[[Message], object], message: Callable[[str], Message], key: str) -> Callable[[], object]:
    """A callback that posts a new ``message(key)`` each time it runs."""
    return lambda: post(message(key))


class DossierCommands(Provider):
    """Lists every round, event, actor, article and figure group; selecting one opens it."""

    async def startup(self) -> None:
        corpus = getattr(self.app, "corpus", None)  # the SmaApp's, once it has loaded
        self.commands = dossier_commands(self.app.post_message, corpus) if isinstance(corpus, Corpus) else []

    async def discover(self) -> Hits:
        for title, callback, help_text in self.commands:
            yield DiscoveryHit(Content(clean(title)), callback, text=title, help=markup_literal(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self.commands:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), callback, text=title, help=markup_literal(help_text))


def _highlight(matcher: Matcher, title: str) -> Content:
    """What ``Matcher.highlight`` does, on literal text: it parses the title as markup, and
    a title is stored text (an article's, an actor's name)."""
    title = clean(title)
    content = Content(title)
    _, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
