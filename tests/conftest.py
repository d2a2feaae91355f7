"""Shared fixtures: a store built from the bundled corpus in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sma_tui.bundled.build import build_store, bundled_corpus
from sma_tui.core.corpus import Corpus
from sma_tui.storage.store import Store

_BUILT: dict[str, Path] = {}


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the real user data or config dir: every test gets its own default store
    path, no keymap file and its own config directory."""
    monkeypatch.setenv("SMA_TUI_DB", str(tmp_path / "default-store.json"))
    monkeypatch.setenv("SMA_TUI_KEYMAP", str(tmp_path / "no-keymap.toml"))
    monkeypatch.setenv("SMA_TUI_CONFIG", str(tmp_path / "config"))


@pytest.fixture(scope="session")
def _built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("built") / "store.json"
    build_store(Store(path))
    return path


@pytest.fixture
def store_path(_built_store: Path, tmp_path: Path) -> Path:
    """A fresh copy of the bundled store (JSON and body files) that the test may modify."""
    path = tmp_path / "store.json"
    copy_store(_built_store, path)
    return path


def copy_store(src: Path, dest: Path) -> None:
    """Copy a store file with its ``.bodies`` folder."""
    shutil.copyfile(src, dest)
    shutil.copytree(Store(src).bodies_dir, Store(dest).bodies_dir)


@pytest.fixture
def store(store_path: Path) -> Store:
    return Store(store_path)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The bundled corpus, in memory (read-only by convention)."""
    return bundled_corpus()
