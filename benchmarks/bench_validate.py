"""What validating and cleaning every record on load costs, against the plain load.

    python benchmarks/bench_validate.py [--articles 10000] [--store PATH] [--runs 5]

Each run, in a fresh process: ``Store.load()`` of the synthetic store (the baseline: parse,
bodies, records, indices), then on the same raw tables what the safety core adds to a load:

- ``schema``: :func:`sma_tui.core.safety.schema.validate_tables` over every table;
- ``scan``: :func:`sma_tui.core.safety.sanitize.json_may_hold_unsafe` over the file's bytes (the
  fast proof that no record needs cleaning) and over the bytes of every body file (bodies
  live in their own files), cleaning a body only when the scan flags it.

- ``seal``: :func:`sma_tui.core.safety.seal.is_sealed` over the file's bytes, and
  :func:`sma_tui.core.safety.seal.body_matches` for every body file: what a load of a store that
  sma-tui itself wrote and sealed pays instead of the two passes above.

Target (issue 10): what a load adds ≤ 15 % of the load.
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
from sma_tui.storage.store import Store
from sma_tui.core.safety.schema import validate_tables
from sma_tui.core.safety.sanitize import clean, json_may_hold_unsafe
from sma_tui.core.safety.seal import body_matches, is_sealed, new_key, seal
store = Store(sys.argv[1])
t = time.perf_counter(); corpus = store.load(); load = time.perf_counter() - t
gc.disable()
tables = store.read_tables()
shas = [a["body_sha"] for a in tables["articles"]]
bodies = [store._body_path(sha).read_bytes() for sha in shas]
t = time.perf_counter(); raw = store.path.read_bytes(); read = time.perf_counter() - t
t = time.perf_counter(); problems = validate_tables(tables); schema = time.perf_counter() - t
t = time.perf_counter()
dirty = json_may_hold_unsafe(raw)
cleaned = [clean(b.decode()) for b in bodies if json_may_hold_unsafe(b)]
scan = time.perf_counter() - t
key = new_key()
tag = seal(key, raw)
t = time.perf_counter()
ok = is_sealed(key, raw, tag) and all(map(body_matches, bodies, shas))
sealed = time.perf_counter() - t
assert not problems and ok, problems[:3]
print(load, schema, scan, sealed, int(dirty), sum(len(v) for v in tables.values()))
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
        rows = []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, "-c", RUN, str(path)], check=True, capture_output=True, text=True)
            rows.append([float(x) for x in out.stdout.split()])
    load, schema, scan, sealed = (min(r[i] for r in rows) for i in range(4))
    records = int(rows[0][5])
    first = schema + scan
    print(f"store: {path.name}, {records} records; best of {args.runs} fresh processes (the minimum: least disturbed)")
    print(f"load (baseline)   {load * 1000:8.1f} ms")
    print(f"schema            {schema * 1000:8.1f} ms  {schema / load:6.1%} of load")
    print(f"scan + clean      {scan * 1000:8.1f} ms  {scan / load:6.1%} of load (dirty: {bool(rows[0][4])})")
    print(f"unsealed load     {first * 1000:8.1f} ms  {first / load:6.1%} of load (schema + scan)")
    verdict = "ok" if sealed <= 0.15 * load else "OVER"
    print(f"sealed load       {sealed * 1000:8.1f} ms  {sealed / load:6.1%} of load (target <= 15 %: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
