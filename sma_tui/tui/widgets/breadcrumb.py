"""Where you are in the drill-down stack: ``Dossier › Round 3 › Breitbart News, 19 Nov 2019``."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

SEPARATOR = " › "


class Breadcrumb(Static):
    """One line; the last crumb is emphasised and, when the line is too long, the
    earliest crumbs give way to an ellipsis (the current place always shows)."""

    COMPONENT_CLASSES = {"breadcrumb--current", "breadcrumb--separator"}

    def __init__(self, trail: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.trail = tuple(trail)

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or 80
        crumbs = list(self.trail)
        dropped = False
        while len(crumbs) > 1 and len(SEPARATOR.join(crumbs)) + (2 if dropped else 0) > width:
            crumbs.pop(0)
            dropped = True
        sep = Content.styled(SEPARATOR, self.get_visual_style("breadcrumb--separator", partial=True))
        parts = [Content(c) for c in crumbs[:-1]]
        parts.append(Content.styled(crumbs[-1], self.get_visual_style("breadcrumb--current", partial=True)))
        line = sep.join(parts)
        if dropped:
            line = Content("…").append(sep).append(line)
        self.update(line)
