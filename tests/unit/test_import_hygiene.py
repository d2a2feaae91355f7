"""The data layer never imports Textual (harlequin's import-hygiene test)."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "core.models", "core.corpus", "core.overview", "storage.store", "bundled.build", "core.check",
    "cli.export", "core.search", "paths", "ingest",
]


def test_data_layer_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import sma_tui.{m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
