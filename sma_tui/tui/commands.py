"""The command palette (ctrl+p): jump to any round, event, actor, article or figure group."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..cli.export import format_value
from ..core.corpus import Corpus
from .format import article_label, event_command

if TYPE_CHECKING:
    from .app import SmaApp


def dossier_commands(app: SmaApp, corpus: Corpus) -> list[tuple[str, Callable[[], object], str]]:
    """(title, callback, help) for every place in the dossier, in a stable order."""
    commands: list[tuple[str, Callable[[], object], str]] = []
    for e in corpus.timeline():
        n = corpus.quote_count_for_event(e.id)
        commands.append((event_command(e), partial(app.open_event, e.id), f"{e.title} · {n} quotes"))
    for a in corpus.actor_list():
        n = corpus.quote_count_for_actor(a.id)
        commands.append((f"actor: {a.name}", partial(app.open_actor, a.id), f"{a.side} · {a.role} · {n} quotes"))
    for ar in corpus.article_list():
        commands.append((f"article: {article_label(ar)}", partial(app.open_article, ar.id, None), ar.title))
    for g in corpus.figure_groups():
        values = " vs ".join(format_value(v.value, v.unit) for v in g.values)
        flag = "⚠ sources disagree: " if g.conflict else ""
        commands.append((f"figures: {g.measure.label}", partial(app.open_figure_group, g.measure.id), flag + values))
    return commands


class DossierCommands(Provider):
    """Lists every round, event, actor, article and figure group; selecting one opens it."""

    async def startup(self) -> None:
        app = cast("SmaApp", self.app)
        self.commands = dossier_commands(app, app.corpus) if app.corpus is not None else []

    async def discover(self) -> Hits:
        for title, callback, help_text in self.commands:
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self.commands:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
