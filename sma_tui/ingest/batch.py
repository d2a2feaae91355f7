"""``sma-tui add`` without the I/O of the store: collect the files, load and extract each,
dedupe, and describe what to write. Pure Python (the CLI does the store and the output)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.models import Actor, fingerprint
from .loader import SUFFIXES, IngestError, load_path
from .pipeline import Extraction, article_id, extract


@dataclass
class Item:
    path: str
    status: str  # added | would add | duplicate | failed
    extraction: Extraction | None = None
    duplicate_of: str | None = None
    message: str | None = None


@dataclass
class Batch:
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [i.message or i.path for i in self.items if i.status == "failed"]

    @property
    def to_store(self) -> list[Extraction]:
        return [i.extraction for i in self.items if i.extraction is not None and i.status in ("added", "would add")]


def collect(paths: list[Path]) -> tuple[list[Path], list[Item]]:
    """The article files named by ``paths`` (folders recursively), and one failure per bad path."""
    files: list[Path] = []
    bad: list[Item] = []
    for path in paths:
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            except OSError as exc:
                bad.append(Item(str(path), "failed", message=f"{path}: cannot list the folder ({exc.strerror or exc})"))
                continue
            if not found:
                bad.append(Item(str(path), "failed", message=f"{path}: no .txt, .md or .html files in the folder"))
            files += found
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            bad.append(Item(str(path), "failed", message=f"{path}: no such file or folder"))
    return files, bad


def prepare(paths: list[Path], corpus: Corpus, overrides: dict[str, Any], *, dry_run: bool) -> Batch:
    """Load and extract every file; the corpus gains the new articles' ids, fingerprints and
    actors in memory (so that later files dedupe against earlier ones and merge speakers)."""
    batch = Batch()
    files, bad = collect(paths)
    batch.items += bad
    seen = {a.fingerprint: a.id for a in corpus.articles.values()}
    taken = set(corpus.articles)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for path in files:
        try:
            loaded = load_path(path)
        except IngestError as exc:
            batch.items.append(Item(str(path), "failed", message=str(exc)))
            continue
        batch.warnings += loaded.warnings
        fp = fingerprint(loaded.text)
        if fp in seen:
            batch.items.append(Item(str(path), "duplicate", duplicate_of=seen[fp]))
            continue
        file_meta = {"title": loaded.title, "publisher": loaded.publisher, "date": loaded.date}
        merged = {**{k: v for k, v in file_meta.items() if v}, **{k: v for k, v in overrides.items() if v}}
        try:
            x = extract(loaded.text, corpus=corpus, source=str(path), overrides=merged, taken_ids=taken)
        except RecursionError:
            batch.items.append(Item(str(path), "failed", message=f"{path}: the text is too deeply nested to read"))
            continue
        x.article.added = now
        batch.warnings += [f"{path}: {w}" for w in x.warnings]
        seen[fp] = x.article.id
        taken.add(x.article.id)
        for actor in x.actors:  # later files merge with these speakers
            corpus.actors.setdefault(actor.id, actor)
        batch.items.append(Item(str(path), "would add" if dry_run else "added", x))
    return batch


def apply_to_tables(tables: dict[str, list[dict[str, Any]]], items: list[Item]) -> None:
    """Append the articles of the ``added`` items and their claims to the raw store tables
    (for ``Store.update``, so under the store's lock).

    ``sma-tui add`` extracts under the same lock, against these very tables; a caller that
    extracted against an older copy may meet what another ``add`` wrote meanwhile: an
    article whose text it added is a duplicate (the item says so and nothing of it is
    written), and one whose id it took is filed under the next free id.
    """
    fps = {a.get("fingerprint"): a.get("id") for a in tables["articles"]}
    ids = {a.get("id") for a in tables["articles"]}
    actor_ids = {a.get("id") for a in tables["actors"]}
    for item in items:
        x = item.extraction
        if x is None or item.status != "added":
            continue
        if (existing := fps.get(x.article.fingerprint)) is not None:
            item.status, item.duplicate_of, item.extraction = "duplicate", existing, None
            continue
        if x.article.id in ids:
            x = item.extraction = x.renamed(article_id(x.article.publisher, x.article.date, ids))
        tables["articles"].append(x.article.to_dict())
        tables["quotes"] += [q.to_dict() for q in x.quotes]
        tables["figures"] += [f.to_dict() for f in x.figures]
        for actor in x.actors:
            if actor.id in actor_ids:
                _add_source(tables["actors"], actor)
            else:
                tables["actors"].append(actor.to_dict())
                actor_ids.add(actor.id)
        fps[x.article.fingerprint] = x.article.id
        ids.add(x.article.id)


def _add_source(rows: list[dict[str, Any]], actor: Actor) -> None:
    for row in rows:
        if row.get("id") == actor.id:
            sources = list(row.get("sources") or [])
            row["sources"] = sorted(set(sources) | set(actor.sources))
            return
