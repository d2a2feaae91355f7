"""The application layer: what the CLI and the TUI do with a store, each in one call.

Neither of them imports :mod:`sma_tui.storage`; they call these functions with the store's
path and get back domain objects (:mod:`sma_tui.core`) or small reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..bundled.build import CorpusError as CorpusError  # the CLI reports these
from ..bundled.build import build_store, bundled_corpus
from ..core.corpus import Corpus
from ..core.overview import Overview
from ..core.overview_update import OverviewState
from ..core.safety.sanitize import one_line
from ..paths import default_db_path
from ..storage.store import Stamp as Stamp
from ..storage.store import Store, Tables
from ..storage.store import StoreError as StoreError

if TYPE_CHECKING:
    from ..core.search import QuoteMatcher
    from ..ingest.batch import Batch, Fetched
    from ..ingest.web import FetchOptions
    from .statements import Grouping



def store_path(db: str | None) -> Path:
    """``--db PATH`` if given, else ``$SMA_TUI_DB``, else the user data directory's store."""
    return Path(db).expanduser() if db else default_db_path()


def stamp(path: Path) -> Stamp | None:
    """The version of the store file (one ``stat``); ``None`` when there is none."""
    return Store(path).stamp()


def exists(path: Path) -> bool:
    return Store(path).exists()


def open_or_build(path: Path) -> bool:
    """Make sure there is a store at ``path``, building the bundled corpus into it on first
    use; ``True`` when it was built now."""
    store = Store(path)
    if store.exists():
        return False
    build_store(store)
    return True


def build(path: Path) -> Corpus:
    """(Re)write the store at ``path`` from the bundled corpus; returns that corpus."""
    return build_store(Store(path))


def load_corpus(path: Path) -> Corpus:
    """The whole store at ``path``, in memory (built first when there is none)."""
    from .corrections import load_store

    open_or_build(path)
    return load_store(Store(path)).corpus


@dataclass(frozen=True, slots=True)
class Loaded:
    """Everything the explorer works on: the corpus, its quote matcher, its overview and the
    stamp of the file it was read from (taken before reading: a write during the read
    shows as a change)."""

    corpus: Corpus
    matcher: QuoteMatcher
    overview: Overview
    stamp: Stamp | None


def kept_overview(path: Path, stamp: Stamp | None) -> Overview | None:
    """The overview kept beside the store for the file version ``stamp``, if any."""
    return Store(path).read_overview(stamp)


def load(path: Path, kept: tuple[Stamp | None, Overview | None] | None = None) -> Loaded:
    """Read the store at ``path`` for the explorer. ``kept``: an overview already read with the
    stamp it was kept for, trusted when the file is still that version. A missing or stale
    overview is computed from the corpus and kept beside the store for the next start."""
    from ..core.search import QuoteMatcher
    from .corrections import load_store

    store = Store(path)
    now = store.stamp()
    cached = kept[1] if kept is not None and kept[0] == now else store.read_overview(now)
    corpus = load_store(store).corpus  # with the person's corrections applied
    matcher = QuoteMatcher(corpus)
    overview = cached or Overview.of(corpus)
    if cached is None or store.validated_now:  # a fresh validation is kept: the next load may skip it
        kept_state = store.read_overview_state(now) if cached is not None else None  # for the next add
        store.save_overview(overview, now, kept_state[1] if kept_state else None)
    return Loaded(corpus, matcher, overview, now)


def release_memory() -> None:
    """Free a corpus that a reload replaced (call once the old one is no longer used)."""
    from ..storage.records import release_memory as release

    release()


def describe_error(exc: BaseException) -> str:
    """One sentence for the user about a store that could not be loaded (one safe line)."""
    if isinstance(exc, StoreError):
        return one_line(str(exc))
    if isinstance(exc, OSError):
        return one_line(f"cannot read the store: {exc.strerror or exc}")
    return one_line(f"the store could not be loaded ({type(exc).__name__}: {exc})")


@dataclass(slots=True)
class AddReport:
    """What ``add`` found: the corpus the files were extracted against (for names) and the batch."""

    corpus: Corpus
    batch: Batch
    statements: Grouping | None = None  # what the add did to statements (None: dry run)
    tables: Tables | None = None
    """The store's tables as the add wrote them (``None``: dry run): a caller about to exit
    may keep them, and let the exit drop them, rather than free a million objects one by one."""


class AddSteps(Protocol):
    """What a caller watching a long add is told: each URL fetched, each input read."""

    def fetched(self, label: str) -> None: ...

    def read(self, label: str) -> None: ...


@dataclass(frozen=True, slots=True)
class AddPlan:
    """The inputs of one ``add``: files and folders as paths, web pages as URLs."""

    sources: list[Path | str]

    @property
    def urls(self) -> list[str]:
        return [s for s in self.sources if isinstance(s, str)]

    def count_inputs(self) -> int:
        """How many articles the inputs name (folders searched): for a progress bar."""
        from ..ingest.batch import collect

        return len(collect(self.sources)[0])


def plan_add(args: Iterable[str], stdin: Iterable[str] | None = None) -> AddPlan:
    """The command line's paths and URLs, ``-`` replaced by the lines of ``stdin``."""
    from ..ingest.batch import expand_args, sources_of

    return AddPlan(sources_of(expand_args(args, stdin)))


def add_files(
    path: Path,
    plan: AddPlan | list[Path],
    overrides: dict[str, Any],
    *,
    dry_run: bool,
    timeout: float | None = None,
    steps: AddSteps | None = None,
) -> AddReport:
    """Fetch the plan's URLs (before the store is locked: a slow server never blocks another
    add), extract every article and, unless ``dry_run``, store the new ones with all their
    claims in one write (building the store first when there is none)."""
    from ..ingest.batch import fetch_all, prepare  # the extractor: kept off the explorer's start

    sources: list[Path | str] = [*plan.sources] if isinstance(plan, AddPlan) else [*plan]
    urls = [s for s in sources if isinstance(s, str)]
    fetched = fetch_all(urls, _fetch_options(timeout), steps.fetched if steps else None) if urls else {}
    step = steps.read if steps else None
    store = Store(path)
    if dry_run:
        corpus = store.corpus_of(store.read_tables(), claims=()) if store.exists() else bundled_corpus()
        return AddReport(corpus, prepare(sources, corpus, overrides, dry_run=True, fetched=fetched, step=step))
    open_or_build(path)
    return _add_to_store(store, sources, overrides, fetched, step)


def _fetch_options(timeout: float | None) -> FetchOptions:
    from ..ingest.web import FetchOptions

    if not timeout:
        return FetchOptions()
    return FetchOptions(connect_timeout=timeout, read_timeout=timeout, total_timeout=max(60.0, 3 * timeout))


def _add_to_store(
    store: Store,
    sources: list[Path | str],
    overrides: dict[str, Any],
    fetched: Fetched,
    step: Callable[[str], None] | None,
) -> AddReport:
    """Extract and store in one locked read-modify-write, so the store is parsed once.

    The files are extracted against the store as it is under the lock (its article records
    for dedupe and ids, its actors, events and measures; not its 100,000 quotes and figures),
    and the overview the app starts from is refreshed from the very tables written.
    """
    from ..ingest.batch import apply_to_tables, prepare
    from .statements import Grouping

    got: list[tuple[Corpus, Batch, Tables]] = []
    grouping = Grouping(store.path)
    kept: list[tuple[Overview, OverviewState] | None] = [None]
    first_figure = 0

    def change(tables: Tables) -> bool:
        nonlocal first_figure
        corpus = store.corpus_of(tables, claims=(), articles=False)  # deduped against the records
        stored = tables["articles"]
        batch = prepare(sources, corpus, overrides, dry_run=False, fetched=fetched, step=step, stored=stored)
        got.append((corpus, batch, tables))
        if not batch.to_store:
            return False  # nothing new: the file is not rewritten
        first_new, first_figure = len(tables["quotes"]), len(tables["figures"])
        seen = store.stamp()  # the lock is held: the file read
        if not tables.get("corrections"):  # else the kept overview counts the corrected corpus
            kept[0] = store.read_overview_state(seen)
        apply_to_tables(tables, batch.items)
        grouping.group(tables, first_new, seen, store.stored)
        return True

    wrote = False
    try:
        _, written = store.update(change, partial=True)
        wrote = bool(got and got[0][1].to_store)
    finally:
        grouping.commit(store.stamp(), wrote)  # the key file is stamped with the file written
    corpus, batch, tables = got[0]
    if batch.to_store and not tables.get("corrections"):  # corrections change the counts: load keeps one
        overview, state = _overview_after(store, tables, kept[0], grouping, first_figure)
        store.save_overview(overview, written, state)
    return AddReport(corpus, batch, grouping, tables)


def _overview_after(
    store: Store, tables: Tables, kept: tuple[Overview, OverviewState] | None, grouping: Grouping, first_figure: int
) -> tuple[Overview, OverviewState]:
    """The overview of the tables an add wrote, updated from the one kept for the file it
    read (see :mod:`sma_tui.core.overview_update`), or computed from the tables."""
    from ..storage.records import overview_after_add, overview_and_state

    if kept is None or grouping.change is None:
        if store.stored is not None:  # counted from every quote
            store.stored.fill_all()
        return overview_and_state(store.path, tables)
    return overview_after_add(store.path, tables, kept, grouping.change, first_figure)


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: list[str]
    counts: dict[str, int]
    """The corpus's counts when there is no problem (empty otherwise)."""


def check_store(store: Store) -> list[str]:
    """Run every check on a store file; raises StoreError if it cannot be read at all."""
    return _check(store)[0]


def _check(store: Store) -> tuple[list[str], Corpus | None]:
    """Records of the wrong shape first (the store does not load until they are fixed),
    then every span and reference of the loaded corpus."""
    from ..core.check import check_corpus
    from .corrections import load_store, problems_of

    problems = store.schema_problems()
    if problems:
        return problems, None
    try:
        loaded = load_store(store)
    except StoreError as exc:
        return [str(exc)], None
    return check_corpus(loaded.corpus) + problems_of(loaded.applied), loaded.corpus


def check(path: Path) -> CheckReport:
    """``sma-tui check``: every problem of the store at ``path``, one line each."""
    store = Store(path)
    if not store.exists():
        raise FileNotFoundError(f"no store at {store.path}; run 'sma-tui build' first")
    problems, corpus = _check(store)
    return CheckReport(problems, corpus.counts() if corpus is not None and not problems else {})
