"""What validating and cleaning every record on load costs, against the plain load.

    python benchmarks/bench_validate.py [--articles 10000] [--store PATH] [--runs 5]

Each run, in a fresh process per mode, times ``Store.load()`` of the synthetic store:

- ``plain``: the load with the safety passes switched off (no schema validation, no scan
  of the file's bytes for control characters, no cleaning of the bodies): the baseline;
- ``safe``: the load as it is (every table validated by the fast column checks, the raw
  bytes scanned, every body cleaned on read).

It also times the passes alone on the same raw tables. The decision (issue 10): validate on
every load; only if the 10k load regressed by more than about 25 % would a load skip the
validation of a file that sma-tui itself wrote and validated (stamped in the overview
sidecar). Below that, no skip: a hand-edited or copied store is always validated.
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
from sma_tui.core.safety.schema import validate_tables
from sma_tui.core.safety.sanitize import json_may_hold_unsafe
mode, path = sys.argv[1], sys.argv[2]
if mode == "plain":  # every safety pass of the load off
    store_module.validate_tables = lambda tables: []
    store_module.clean = lambda text: text
    tiny_module.json_may_hold_unsafe = lambda raw: False
store = store_module.Store(path)
t = time.perf_counter(); corpus = store.load(); load = time.perf_counter() - t
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
        got: dict[str, list[list[float]]] = {"plain": [], "safe": []}
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both modes
            for mode in got:
                cmd = [sys.executable, "-c", RUN, mode, str(path)]
                out = subprocess.run(cmd, check=True, capture_output=True, text=True)
                got[mode].append([float(x) for x in out.stdout.split()])
    plain = min(r[0] for r in got["plain"])
    safe = min(r[0] for r in got["safe"])
    schema = min(r[1] for r in got["safe"])
    scan = min(r[2] for r in got["safe"])
    records = int(got["safe"][0][3])
    ratio = safe / plain
    print(f"store: {path.name}, {records} records; best of {args.runs} fresh processes per mode")
    print(f"load, plain (baseline)  {plain * 1000:8.1f} ms")
    print(f"load, validated+clean   {safe * 1000:8.1f} ms  {ratio:5.2f}x the plain load")
    print(f"  schema alone          {schema * 1000:8.1f} ms  {schema / plain:6.1%} of the plain load")
    print(f"  byte scan alone       {scan * 1000:8.1f} ms  {scan / plain:6.1%} of the plain load")
    verdict = "ok: validate every load" if ratio <= 1.25 else "OVER: consider skipping for stamped own writes"
    print(f"regression {ratio - 1:+.1%} (limit +25 %: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
