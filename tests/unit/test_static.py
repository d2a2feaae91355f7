"""The static checks CI runs with the tests: ``mypy --strict`` (configured in pyproject.toml)
and ``ruff check`` with the project's rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file(), reason="needs the checkout")


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    out = _run("mypy", "sma_tui")
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert "error" in out or "Success" in out, out  # mypy did run
    assert errors == []


def test_ruff_is_clean() -> None:
    out = _run("ruff", "check", "--no-cache", "sma_tui", "tests", "benchmarks")
    assert "All checks passed" in out, out
