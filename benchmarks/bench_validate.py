"""What validating and cleaning every record on load costs, against the plain load.

    python benchmarks/bench_validate.py [--articles 10000] [--store PATH] [--runs 5]

Each run, in a fresh process per mode, times ``Store.load()`` of the synthetic store:

- ``plain``: the load with the safety passes switched off (no schema validation, no scan
  of the file's bytes for control characters, no cleaning of the bodies): the baseline;
- ``full``: every table validated by the fast column checks, the raw bytes scanned,
  every body cleaned on read: what a load of a store edited by hand or copied costs;
- ``trusted``: the load as it is of a file version that sma-tui itself wrote or read and
  validated (the overview sidecar holds its device, inode, mtime, size and ctime): the
  validation is skipped, and so is the scan of the JSON's bytes when the sidecar also
  vouches them clean (issue 16); the body files are still scanned.

It also times the passes alone on the same raw tables. The decision (issue 10): validate on
every load, unless the full validation costs more than about 25 % of the 10k load; it
does (``full`` below), so the load trusts only the file versions stamped in the sidecar.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

RUN = """
import sys, time, gc
import sma_tui.storage.store as store_module
import sma_tui.storage.tiny as tiny_module
import sma_tui.storage.bodies as bodies_module
from sma_tui.core.safety.schema import validate_tables
from sma_tui.core.safety.sanitize import json_may_hold_unsafe
mode, path = sys.argv[1], sys.argv[2]
if mode == "plain":  # every safety pass of the load off
    store_module.validate_tables = lambda tables: []
    bodies_module.clean = lambda text: text
    bodies_module.json_may_hold_unsafe = lambda raw: False
    tiny_module.json_may_hold_unsafe = lambda raw: False
if mode == "full":  # a hand-edited or copied store: nothing trusted
    store_module.read_trust = lambda path, ident: (False, False)
store = store_module.Store(path)
t = time.perf_counter(); corpus = store.load(); load = time.perf_counter() - t
assert store.validated_now == (mode == "full"), (mode, store.validated_now)
gc.disable()
tables = store.read_tables()
raw = store.path.read_bytes()
t = time.perf_counter(); problems = validate_tables(tables); schema = time.perf_counter() - t
t = time.perf_counter(); json_may_hold_unsafe(raw); scan = time.perf_counter() - t
assert not problems, problems[:3]
print(load, schema, scan, sum(len(v) for v in tables.values()))
"""


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--store", type=Path, help="an existing store (default: generate one)")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store
        if path is None:
            path = Path(tmp) / "synth.json"
            subprocess.run(
                [sys.executable, str(HERE / "synth.py"), "--articles", str(args.articles), "--out", str(path)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        from sma_tui import services

        services.load(path)  # stamps the sidecar: this file version was validated
        got: dict[str, list[list[float]]] = {"plain": [], "full": [], "trusted": []}
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both modes
            for mode in got:
                cmd = [sys.executable, "-c", RUN, mode, str(path)]
                out = subprocess.run(cmd, check=True, capture_output=True, text=True)
                got[mode].append([float(x) for x in out.stdout.split()])
    plain, full, trusted = (min(r[0] for r in got[m]) for m in ("plain", "full", "trusted"))
    schema = min(r[1] for r in got["full"])
    scan = min(r[2] for r in got["full"])
    records = int(got["full"][0][3])
    print(f"store: {path.name}, {records} records; best of {args.runs} fresh processes per mode")
    print(f"load, plain (baseline)     {plain * 1000:8.1f} ms")
    print(f"load, full validation      {full * 1000:8.1f} ms  {full / plain - 1:+6.1%} (hand-edited or copied store)")
    print(f"load, trusted own version  {trusted * 1000:8.1f} ms  {trusted / plain - 1:+6.1%} (bodies scanned only)")
    print(f"  schema alone             {schema * 1000:8.1f} ms  {schema / plain:6.1%} of the plain load")
    print(f"  byte scan alone          {scan * 1000:8.1f} ms  {scan / plain:6.1%} of the plain load")
    verdict = "validate every load" if full / plain <= 1.25 else "over +25 %: trust only sidecar-stamped versions"
    print(f"full validation {full / plain - 1:+.1%} ({verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
