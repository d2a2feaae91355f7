"""``sma-tui add`` without the I/O of the store: collect the files and URLs, load (or fetch)
and extract each, dedupe (by text fingerprint, and by URL), and describe what to write.
Pure Python (the CLI does the store and the output).

URLs are best fetched before the store is locked (:func:`fetch_all`), so that a slow
server never holds the lock; :func:`prepare` fetches any it is not given."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.models import Actor, fingerprint
from ..core.safety.sanitize import clean
from .claims import ExtractionTimeout
from .loader import SUFFIXES, IngestError, Loaded, escaped, load_path
from .pipeline import Extraction, article_id, extract
from .web import FetchOptions, is_url, load_urls, url_key

Source = Path | str  # a file (or folder), or a URL
Fetched = Mapping[str, Loaded | IngestError]

PER_FILE_SECONDS = 10.0  # far above any real article (milliseconds); only hostile text gets near it


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


def expand_args(args: Iterable[str], stdin: Iterable[str] | None = None) -> list[str]:
    """The command line's inputs, ``-`` replaced by the lines of ``stdin`` (one path or URL
    a line; blank lines and ``#`` comments skipped)."""
    out: list[str] = []
    for arg in args:
        if arg == "-" and stdin is not None:
            out += [s for line in stdin if (s := line.strip()) and not s.startswith("#")]
            stdin = None  # read once, however many times it is named
        elif arg != "-":
            out.append(arg)
    return out


def sources_of(args: Iterable[str]) -> list[Source]:
    """Each argument as a URL (kept as text) or a path."""
    return [a if is_url(a) else Path(a) for a in args]


def collect(paths: Sequence[Source]) -> tuple[list[Source], list[Item]]:
    """The article files named by ``paths`` (folders recursively) and the URLs, in order,
    and one failure per bad path."""
    files: list[Source] = []
    bad: list[Item] = []
    for path in paths:
        if isinstance(path, str):
            files.append(path)
            continue
        name = escaped(str(path))
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            except OSError as exc:
                bad.append(Item(name, "failed", message=f"{name}: cannot list the folder ({exc.strerror or exc})"))
                continue
            if not found:
                bad.append(Item(name, "failed", message=f"{name}: no .txt, .md or .html files in the folder"))
            files += found
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            bad.append(Item(name, "failed", message=f"{name}: no such file or folder"))
    return files, bad


def fetch_all(
    sources: Sequence[Source], options: FetchOptions | None = None, step: Callable[[str], None] | None = None
) -> dict[str, Loaded | IngestError]:
    """Fetch every URL among ``sources`` (each once); ``step`` is called after each."""
    return load_urls([s for s in sources if isinstance(s, str)], options, step)


def prepare(
    paths: Sequence[Source],
    corpus: Corpus,
    overrides: dict[str, Any],
    *,
    dry_run: bool,
    fetched: Fetched | None = None,
    step: Callable[[str], None] | None = None,
    seconds: float = PER_FILE_SECONDS,
    stored: Sequence[Mapping[str, Any]] | None = None,
) -> Batch:
    """Load and extract every file and URL (``fetched`` holds URLs already fetched); the
    corpus gains the new articles' ids, fingerprints, URLs and actors in memory (so that
    later inputs dedupe against earlier ones and merge speakers). An input whose extraction
    would take more than ``seconds`` is refused (one failed item). ``stored``: the store's
    article records, deduped against instead of the corpus's articles (an add at 10,000
    articles need not build them)."""
    batch = Batch()
    files, bad = collect(paths)
    batch.items += bad
    seen, urls, taken = _known(corpus, stored)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    missing = [s for s in files if isinstance(s, str) and (fetched is None or s not in fetched)]
    got: dict[str, Loaded | IngestError] = {**(fetched or {}), **(fetch_all(missing) if missing else {})}
    for source in files:
        item = _prepare_one(source, got, corpus, overrides, seen, urls, taken, batch, seconds)
        if item.extraction is not None:
            item.extraction.article.added = now
            item.status = "would add" if dry_run else "added"
        batch.items.append(item)
        if step is not None:
            step(item.path)
    return batch


def _prepare_one(
    source: Source,
    got: Mapping[str, Loaded | IngestError],
    corpus: Corpus,
    overrides: dict[str, Any],
    seen: dict[str | None, str],
    urls: dict[str, str],
    taken: set[str],
    batch: Batch,
    seconds: float = PER_FILE_SECONDS,
) -> Item:
    name = escaped(str(source))
    try:
        loaded = got[source] if isinstance(source, str) else load_path(source)
        if isinstance(loaded, IngestError):
            raise loaded
    except IngestError as exc:
        return Item(name, "failed", message=str(exc))
    loaded = _cleaned(loaded)
    batch.warnings += loaded.warnings
    keys = [url_key(u) for u in (source if isinstance(source, str) else None, loaded.url) if u]
    if (dup := next((urls[k] for k in keys if k in urls), None)) is not None:
        return Item(name, "duplicate", duplicate_of=dup)
    fp = fingerprint(loaded.text)
    if fp in seen:
        return Item(name, "duplicate", duplicate_of=seen[fp])
    file_meta = {"title": loaded.title, "publisher": loaded.publisher, "date": loaded.date}
    given = {k: clean(v) if isinstance(v, str) else v for k, v in overrides.items() if v}  # --title, --publisher
    merged = {**{k: v for k, v in file_meta.items() if v}, **given}
    try:
        x = extract(loaded.text, corpus=corpus, source=name, overrides=merged, taken_ids=taken,
                    deadline=time.monotonic() + seconds)  # fmt: skip
    except RecursionError:
        return Item(name, "failed", message=f"{name}: the text is too deeply nested to read")
    except ExtractionTimeout:
        message = f"{name}: refused: extracting it took more than {seconds:g} s (a pathological text?)"
        return Item(name, "failed", message=message)
    x.article.url, x.article.retrieved = loaded.url, loaded.retrieved
    if loaded.author and not x.article.byline:
        x.article.byline = loaded.author
    batch.warnings += [f"{name}: {w}" for w in x.warnings]
    seen[fp] = x.article.id
    urls.update((k, x.article.id) for k in keys)
    taken.add(x.article.id)
    for actor in x.actors:  # later files merge with these speakers
        corpus.actors.setdefault(actor.id, actor)
    return Item(name, "added", x)


def _cleaned(loaded: Loaded) -> Loaded:
    """What an input says, with every control character replaced (one for one) before
    anything is fingerprinted, extracted or stored: the body, and the title, publisher,
    author and URL that a page or a file gave."""
    def opt(value: str | None) -> str | None:
        return None if value is None else clean(value)

    return replace(
        loaded,
        text=clean(loaded.text),
        title=opt(loaded.title),
        publisher=opt(loaded.publisher),
        author=opt(loaded.author),
        url=opt(loaded.url),
    )


Known = tuple[dict[str | None, str], dict[str, str], set[str]]


def _known(corpus: Corpus, stored: Sequence[Mapping[str, Any]] | None) -> Known:
    """The fingerprints, URLs and ids of the articles there are (as :class:`Article` has them)."""
    if stored is None:
        arts = corpus.articles.values()
        return {a.fingerprint: a.id for a in arts}, {url_key(a.url): a.id for a in arts if a.url}, set(corpus.articles)
    empty = fingerprint("")  # what an article without one is given (its body is not read)
    seen = {(fp if (fp := d.get("fingerprint")) is not None else empty): str(d["id"]) for d in stored}
    urls = {url_key(u): str(d["id"]) for d in stored if (u := d.get("url"))}
    return seen, urls, {str(d["id"]) for d in stored}


def apply_to_tables(tables: dict[str, list[dict[str, Any]]], items: list[Item]) -> None:
    """Append the articles of the ``added`` items and their claims to the raw store tables
    (for ``Store.update``, so under the store's lock).

    ``sma-tui add`` extracts under the same lock, against these very tables; a caller that
    extracted against an older copy may meet what another ``add`` wrote meanwhile: an
    article whose text it added is a duplicate (the item says so and nothing of it is
    written), and one whose id it took is filed under the next free id.
    """
    fps = {a.get("fingerprint"): a.get("id") for a in tables["articles"]}
    urls = {url_key(a["url"]): a.get("id") for a in tables["articles"] if isinstance(a.get("url"), str)}
    ids: set[str] = {str(a["id"]) for a in tables["articles"] if a.get("id")}
    actor_ids = {a.get("id") for a in tables["actors"]}
    for item in items:
        x = item.extraction
        if x is None or item.status != "added":
            continue
        existing = fps.get(x.article.fingerprint) or (urls.get(url_key(x.article.url)) if x.article.url else None)
        if existing is not None:
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
        if x.article.url:
            urls[url_key(x.article.url)] = x.article.id
        ids.add(x.article.id)


def _add_source(rows: list[dict[str, Any]], actor: Actor) -> None:
    for row in rows:
        if row.get("id") == actor.id:
            sources = list(row.get("sources") or [])
            cited = [s for s in sources if not isinstance(s, str)]  # public citations: dicts, not hashable
            strs = {s for s in [*sources, *actor.sources] if isinstance(s, str)}
            row["sources"] = sorted(strs) + cited
            return
