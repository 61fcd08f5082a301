"""Benchmark: `bundle import` of a 10,000-session bundle as a whole process, against 5 s (SPEC §11).

Run: ``python -m benchmarks.bench_bundle_import [--sessions N] [--runs R]``. The baseline,
measured in the same run, is a whole process that only does ``json.load`` of the same file.
Also reports ``Store.list_sessions`` on the imported store (the report's input), budget 0.4 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.gen_bundle import generate

IMPORT_BUDGET_S = 5.0
LIST_BUDGET_S = 0.4
ROOT = Path(__file__).resolve().parent.parent


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{result.stderr}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    """Print the import time (best of R fresh stores), the baseline and the listing time."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bundle", type=Path, help="use this bundle instead of generating one")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bundle = args.bundle
        if bundle is None:
            bundle = folder / "bundle.json"
            bundle.write_text(json.dumps(generate(args.sessions, seed=1)), encoding="utf-8")
        data = json.loads(bundle.read_text(encoding="utf-8"))
        n_sessions = len(data["sessions"])
        n_rounds = sum(len(s["rounds"]) for s in data["sessions"])
        env = os.environ.copy()
        env.pop("INTEGER_SPEL_DATA_DIR", None)
        env["INTEGER_SPEL_CONFIG_DIR"] = str(folder / "config")

        baseline = min(
            _run([sys.executable, "-c", f"import json; json.load(open({str(bundle)!r}, 'rb'))"], env)
            for _ in range(args.runs)
        )
        imports = []
        for i in range(args.runs):
            data_dir = folder / f"store-{i}"
            imports.append(_run([sys.executable, "-m", "game.cli", "--data-dir", str(data_dir),
                                 "bundle", "import", str(bundle)], env))
        best = min(imports)

        from sessions.store import Store

        store = Store.open(folder / "store-0")
        listings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            records = store.list_sessions()
            listings.append(time.perf_counter() - start)
        store.close()
        assert len(records) == n_sessions

    print(f"bundle: {n_sessions} sessions, {n_rounds} rounds, {bundle.stat().st_size / 1e6:.1f} MB"
          if args.bundle else f"bundle: {n_sessions} sessions, {n_rounds} rounds")
    print(f"bundle import (whole process, best of {args.runs}): {best:.2f} s "
          f"(budget {IMPORT_BUDGET_S:.1f} s: {'ok' if best < IMPORT_BUDGET_S else 'OVER'})")
    print(f"baseline json.load (whole process, best of {args.runs}): {baseline:.2f} s "
          f"(import = {best / baseline:.1f} x baseline)")
    print(f"list_sessions: {min(listings):.3f} s "
          f"(budget {LIST_BUDGET_S:.1f} s: {'ok' if min(listings) < LIST_BUDGET_S else 'OVER'})")
    print(f"all import runs: {', '.join(f'{t:.2f}' for t in imports)} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
