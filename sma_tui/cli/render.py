"""Rich renderings of the CLI views (``--format table`` and ``show``).

Every piece of stored text reaches Rich as :func:`~sma_tui.safe_text.plain` Text (cleaned
of control characters, never parsed as markup: a ``str`` cell, Panel title or
``Console.print`` argument would be), and the console itself has markup, emoji and
highlighting off."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..core.corpus import Corpus
from ..core.models import PublicSource
from ..core.safety.sanitize import clean, one_line
from ..core.text import format_value, plural, squash
from ..safe_text import plain, plain_line

if TYPE_CHECKING:
    from ..ingest.batch import Batch

SIDE_STYLE = {"US": "bold blue", "ROK": "bold red", "other": "magenta"}
KIND_STYLE = {"round": "bold", "meeting": "cyan", "milestone": "bold green", "event": "dim"}


def side_text(side: str | None) -> Text:
    return Text(side or "—", style=SIDE_STYLE.get(side or "", "dim"))


def iso_range(start: str, end: str) -> str:
    """2019-11-18–19, 2019-12-31–2020-01-02, or one date."""
    if start == end:
        return start
    if start[:7] == end[:7]:
        return f"{start}–{end[8:]}"
    if start[:4] == end[:4]:
        return f"{start}–{end[5:]}"
    return f"{start}–{end}"


def table(title: str, *columns: tuple[str, dict[str, Any]]) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left", expand=True)
    for name, opts in columns:
        table.add_column(name, **opts)
    return table


def id_column(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """An id column wide enough for the longest id: ids are copied into commands, so they
    never wrap mid-token (``pompeo-esper-o`` / ``p-ed``); other columns give way."""
    width = max((len(str(r["id"])) for r in rows), default=2)
    return {"style": "dim", "min_width": width, "no_wrap": True}


def timeline_table(rows: Sequence[dict[str, Any]]) -> Table:
    t = table(
        "Timeline",
        ("#", {"justify": "right", "style": "bold"}),
        ("Kind", {"no_wrap": True}),
        ("Dates", {"no_wrap": True}),
        ("Title", {"ratio": 4, "min_width": 20}),
        ("Place", {"ratio": 2, "min_width": 11}),
        ("Quotes", {"justify": "right"}),
        ("ID", id_column(rows)),
    )
    for r in rows:
        t.add_row(
            str(r["number"]) if r["number"] is not None else "·",
            plain(r["kind"], KIND_STYLE.get(r["kind"], "")),
            plain(iso_range(r["start"], r["end"])),
            plain(r["title"]),
            plain(r["place"] or ""),
            str(r["quote_count"]),
            plain(r["id"]),
        )
    return t


def actors_table(rows: Sequence[dict[str, Any]]) -> Table:
    t = table(
        "Actors",
        ("Name", {"style": "bold", "ratio": 2, "min_width": 14}),
        ("Side", {"no_wrap": True}),
        ("Role", {"ratio": 3, "min_width": 16}),
        ("Quotes", {"justify": "right"}),
        ("ID", id_column(rows)),
    )
    for r in rows:
        side = side_text(r["side"])
        if r.get("side_guessed"):
            side.append("?", style="dim")
        name = plain(r["name"]).append(" ✎" if r.get("corrected") else "", style="bold yellow")
        t.add_row(name, side, plain(r["role"]), str(r["quote_count"]), plain(r["id"]))
    return t


def articles_table(rows: Sequence[dict[str, Any]]) -> Table:
    t = table(
        "Articles",
        ("Date", {"no_wrap": True}),
        ("Publisher", {"ratio": 2, "min_width": 10}),
        ("Title", {"ratio": 4, "min_width": 20}),
        ("Quotes", {"justify": "right"}),
        ("ID", id_column(rows)),
    )
    for r in rows:
        date = r["date"] or "undated"
        if r.get("date_inferred"):
            date += "*"
        publisher = r["publisher"] + (f" / {r['agency']}" if r.get("agency") else "")
        t.add_row(plain(date), plain(publisher), plain(r["title"]), str(r["quote_count"]), plain(r["id"]))
    if any(r.get("date_inferred") for r in rows):
        t.caption = "* date inferred from the text"
    return t


def quotes_table(rows: Sequence[dict[str, Any]]) -> Table:
    t = table(
        f"Quotes ({len(rows)})",
        ("Date", {"no_wrap": True}),
        ("Speaker", {"ratio": 1, "min_width": 12}),
        ("Quote", {"ratio": 4, "min_width": 24}),
        ("Source", id_column(rows)),
    )
    for r in rows:
        t.add_row(plain(r["date"] or ""), speaker_text(r), quote_text(r), plain(f"{r['publisher']}\n{r['id']}"))
    if any(r.get("attribution") in DOUBTFUL for r in rows):
        t.caption = "? the speaker is inferred, not named where the quote is; ✎ corrected by hand"
    return t


DOUBTFUL = ("pronoun", "context", "unknown")
"""Attributions a reader should check: the table shows a dim ``?`` after the speaker."""


def speaker_text(r: dict[str, Any]) -> Text:
    """The speaker, in their side's colour; a dim ``?`` when the attribution is not
    explicit, ``✎`` when a person corrected it; no speaker says so."""
    if r.get("speaker_id") is None:
        speaker = Text("unknown speaker", style="dim italic")
    else:
        speaker = plain(r["speaker"], SIDE_STYLE.get(r["side"] or "", ""))
    if r.get("attribution") in DOUBTFUL:
        speaker.append(" ?", style="dim")
    if r.get("corrected"):
        speaker.append(" ✎", style="bold yellow")
    return speaker


def quote_text(r: dict[str, Any]) -> Text:
    text = plain(f"“{' '.join(r['text'].split())}”")
    if r.get("correction_note"):
        text.append_text(plain(f"\n✎ {' '.join(r['correction_note'].split())}", "italic yellow"))
    return text


def figures_table(rows: Sequence[dict[str, Any]]) -> Table:
    t = table(
        "Figures",
        ("Measure", {"ratio": 2, "min_width": 14}),
        ("Value", {"justify": "right", "no_wrap": True}),
        ("As written", {"ratio": 2, "min_width": 12}),
        ("Claimed by", {"ratio": 1, "min_width": 10}),
        ("Source", id_column(rows)),
    )
    previous = None
    for r in rows:
        label = r["measure_label"] or "(unassigned)"
        measure: Text | str = ""
        if label != previous:
            measure = plain(label)
            if r["conflict"]:
                measure.append("\n⚠ sources disagree", style="bold yellow")
            if previous is not None:
                t.add_section()
            previous = label
        value = format_value(r["value"], r["unit"])
        if r["qualifier"]:
            value = f"{r['qualifier']} {value}"
        if r.get("corrected"):
            value += " ✎"
        t.add_row(
            measure,
            plain(value, "bold yellow" if r["conflict"] else "bold"),
            plain(f"“{r['text']}”"),
            plain(r["claimant"] or "(reporting)"),
            plain(f"{r['publisher']}, {r['date'] or 'undated'}\n{r['id']}"),
        )
    return t


TABLES = {
    "timeline": timeline_table,
    "actors": actors_table,
    "articles": articles_table,
    "quotes": quotes_table,
    "figures": figures_table,
}


def highlighted_body(c: Corpus, article_id: str) -> Text:
    """The article body with every quote and figure highlighted in place."""
    article = c.articles[article_id]
    text = Text(clean(article.body))  # same length: the spans below still fall on their claims
    for q in c.quotes_in_article(article_id):
        text.stylize("bold cyan", q.start, q.end)
    for f in c.figures_in_article(article_id):
        text.stylize("bold yellow", f.start, f.end)
    return text


def show_article(c: Corpus, article_id: str) -> RenderableType:
    a = c.articles[article_id]
    meta = Text()
    meta.append_text(plain(a.title, "bold"))
    meta.append_text(plain(f"{a.publisher}" + (f" / {a.agency}" if a.agency else "")))
    meta.append(f" · {clean(a.date or 'undated')}" + (" (inferred)" if a.date_inferred else ""))
    if a.byline:
        meta.append(f" · by {clean(a.byline)}")
    if a.event and a.event in c.events:
        meta.append(clean(f"\nEvent: {c.events[a.event].title} ({a.event})"), style="dim")
    if a.url:
        meta.append(clean(f"\nURL: {a.url}" + (f" (retrieved {a.retrieved})" if a.retrieved else "")), style="dim")
    panel = Panel(highlighted_body(c, article_id), title=plain_line(a.id), box=box.ROUNDED)
    parts: list[RenderableType] = [meta, panel]
    quotes = c.quotes_in_article(article_id)
    if quotes:
        from .export import quote_row

        parts.append(quotes_table([quote_row(c, q) for q in quotes]))
    return Group(*parts)


def show_event(c: Corpus, event_id: str) -> RenderableType:
    from .export import article_row, quote_row

    e = c.events[event_id]
    head = Text()
    head.append(clean(e.title) + "\n", style="bold")
    head.append(clean(f"{iso_range(e.start, e.end)}" + (f" · {e.place}" if e.place else "")) + "\n")
    head.append(clean(f"Kind: {e.kind}" + (f" {e.number}" if e.number is not None else "")) + "\n")
    if e.negotiators:
        head.append(clean("Negotiators: " + ", ".join(c.speaker_name(n) for n in e.negotiators)) + "\n")
    if e.participants:
        head.append(clean("Participants: " + ", ".join(c.speaker_name(n) for n in e.participants)) + "\n")
    head.append(clean(e.summary) + "\n")
    articles_cited = [s for s in e.sources if isinstance(s, str)]
    if articles_cited:
        head.append(clean("Sources: " + "; ".join(articles_cited)), style="dim")
    for s in e.sources:
        if isinstance(s, PublicSource):
            head.append(f"\n{s.label()}\n  ", style="dim")
            head.append_text(plain_line(s.url))
    quotes = [quote_row(c, q) for q in c.quotes_for_event(e.id)]
    articles = [article_row(c, a) for a in c.articles_for_event(e.id)]
    return Group(head, quotes_table(quotes), articles_table(articles))


def show_actor(c: Corpus, actor_id: str) -> RenderableType:
    from .export import figure_row, quote_row

    a = c.actors[actor_id]
    head = Text()
    head.append(clean(a.name), style="bold")
    head.append("  ")
    head.append_text(side_text(a.side))
    head.append(clean(f"\n{a.role}" + (f", {a.organisation}" if a.organisation else "")) + "\n")
    if a.aliases:
        head.append(clean("Also: " + "; ".join(a.aliases)) + "\n", style="dim")
    quotes = [quote_row(c, q) for q in c.quotes_by_speaker(a.id)]
    figures = [figure_row(c, f) for f in c.figures_by_claimant(a.id)]
    parts: list[RenderableType] = [head, quotes_table(quotes)]
    if figures:
        parts.append(figures_table(figures))
    return Group(*parts)


def print_renderable(renderable: RenderableType, console: Console | None = None) -> None:
    (console or Console(soft_wrap=False, markup=False, emoji=False, highlight=False)).print(renderable)


def print_add_summary(c: Corpus, batch: Batch, dry_run: bool) -> None:
    for item in batch.items:
        if item.status == "duplicate":
            print(one_line(f"{item.path}: already in the store as {item.duplicate_of}; nothing added"))
            continue
        x = item.extraction
        if x is None:
            continue
        a = x.article
        event = c.events.get(a.event) if a.event else None
        head = Text.assemble(
            (f"{clean(a.title)}\n", "bold"),
            clean(f"{a.publisher} · {a.date or 'undated'}"),
            clean(f" · dateline {a.dateline}") if a.dateline else "",
            clean(f" · event {event.title}") if event else "",
        )
        quotes = Table("speaker", "date", "kind", "quote", box=None, show_header=True, expand=True)
        for q in sorted(x.quotes, key=lambda q: (c.speaker_name(q.speaker), q.start)):
            new = " (new)" if any(n.id == q.speaker for n in x.actors) else ""
            quotes.add_row(
                plain(c.speaker_name(q.speaker) + new), plain(q.date or ""), q.kind, plain(_clip(q.text, 90))
            )
        figures = Table("figure", "value", "measure", "claimant", box=None, show_header=True, expand=True)
        for f in x.figures:
            value = f"{f.value:,.4f}".rstrip("0").rstrip(".")
            figures.add_row(
                plain(f.text), plain(f"{value} {f.unit}"), plain(f.measure or ""), plain(c.speaker_name(f.claimant))
            )
        verb = "would add" if dry_run else "added"
        title = (
            f"{verb} {a.id} ({plural(len(x.quotes), 'quote')}, {plural(len(x.figures), 'figure')}, "
            f"{plural(len(x.actors), 'new actor')})"
        )
        body = Group(head, Text(""), quotes, Text(""), figures)
        print_renderable(Panel(body, title=plain_line(title), title_align="left"))


def _clip(text: str, n: int) -> str:
    text = squash(text)
    return text if len(text) <= n else text[: n - 1] + "…"
