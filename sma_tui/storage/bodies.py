"""``<name>.bodies/``: the article bodies of a store, beside its JSON, one immutable file per
body named by the SHA-256 of its text (the article record keeps ``body_sha``).

That keeps the JSON that every add must rewrite at half the size, and since a body file is
never changed or deleted, the ``.bak`` of the JSON always still has its bodies.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..core.safety.sanitize import clean, json_may_hold_unsafe, one_line
from .files import StoreError, atomic_write, fsync_dir

_SHA = re.compile(r"[0-9a-f]{64}")


class Bodies:
    """The body files of the store file ``store``."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.folder = store.with_name(store.name + ".bodies")
        self._folder = str(self.folder)

    def path_of(self, sha: str) -> Path:
        return self.folder / sha[:2] / f"{sha}.txt"

    @staticmethod
    def _aid(article: dict[str, Any]) -> str:
        return one_line(str(article.get("id")), 80)

    def attach(self, articles: list[dict[str, Any]]) -> None:
        """Give every article its ``body``, cleaned of control characters (same length:
        the spans hold). One C-speed scan of all the body files' bytes together proves the
        common case clean; only then are the bodies scanned one by one."""
        raws = [self.bytes_of(doc) for doc in articles]
        dirty = json_may_hold_unsafe(b"".join(r for r in raws if r is not None))
        for doc, raw in zip(articles, raws, strict=True):
            if raw is None:  # a schema-2 store not yet rewritten: the body is in the record
                doc["body"] = clean(str(doc["body"]))
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise StoreError(f"cannot read the body of article {self._aid(doc)!r}: {exc.reason}") from None
            doc["body"] = clean(text) if dirty and json_may_hold_unsafe(raw) else text

    def text_of(self, article: dict[str, Any]) -> str:
        """The article's body as text, cleaned (for a migration that needs the text)."""
        raw = self.bytes_of(article)
        if raw is None:
            return clean(str(article["body"]))
        try:
            return clean(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise StoreError(f"cannot read the body of article {self._aid(article)!r}: {exc.reason}") from None

    def bytes_of(self, article: dict[str, Any]) -> bytes | None:
        """The bytes of the article's body file (``None`` when the record holds its body).

        ``body_sha`` must be a SHA-256 hex digest (validated on load, and again here): the
        path it names stays inside the bodies folder whatever the store says. Plain string
        paths: ``pathlib`` costs a fifth of a second over 10,000 bodies."""
        if "body" in article:
            return None
        sha = article.get("body_sha")
        if not isinstance(sha, str) or _SHA.fullmatch(sha) is None:
            aid = self._aid(article)
            raise StoreError(f"article {aid!r} in {self.store} has no valid body_sha; run 'sma-tui check'")
        path = os.path.join(self._folder, sha[:2], sha + ".txt")
        try:
            with open(path, "rb") as fh:
                return fh.read()
        except FileNotFoundError:
            raise StoreError(
                f"the body of article {self._aid(article)!r} is missing ({path}); "
                f"keep {self.folder.name}/ beside {self.store.name}, or run 'sma-tui build --force'"
            ) from None
        except OSError as exc:
            raise StoreError(
                f"cannot read the body of article {self._aid(article)!r} ({path}): {one_line(str(exc))}"
            ) from None

    def externalise(self, articles: Iterable[dict[str, Any]], durable: bool) -> None:
        """Move every in-record ``body`` to its (immutable) body file, leaving ``body_sha``."""
        for doc in articles:
            body = doc.pop("body", None)
            if body is None:
                continue
            doc["body_sha"] = sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
            path = self.path_of(sha)
            if not path.exists():
                atomic_write(path, body.encode("utf-8"), what="the article body", durable=durable)
        if durable:
            fsync_dir(self.folder)
