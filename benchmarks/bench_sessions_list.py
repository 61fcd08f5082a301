"""Benchmark: `integer-spel sessions list` over 10,000 sessions as a whole process, < 1 s (SPEC §11).

Run: ``python -m benchmarks.bench_sessions_list [--sessions N] [--runs R]``. The sessions come
from a generated bundle imported into a fresh store (as a coordinator's laptop has them); the
baseline, in the same run, is a bare interpreter start. Also checks that the listing stays
linear: twice the sessions take at most LINEAR_LIMIT times as long (wall time beyond the
interpreter start, best of R). Ends with a ``RESULT {json}`` line for ``python -m benchmarks``;
exits 1 when over.
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

BUDGET_S = 1.0
LINEAR_LIMIT = 2.2
ROOT = Path(__file__).resolve().parent.parent


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{result.stderr}")
    return elapsed


def _store(folder: Path, sessions: int) -> Path:
    from sessions.bundle import import_bundles
    from sessions.store import Store

    bundle = folder / f"bundle-{sessions}.json"
    bundle.write_text(json.dumps(generate(sessions, seed=3)), encoding="utf-8")
    data_dir = folder / f"store-{sessions}"
    store = Store.open(data_dir)
    import_bundles(store, [bundle])
    store.close()
    return data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = os.environ.copy()
        env.pop("INTEGER_SPEL_DATA_DIR", None)
        env["INTEGER_SPEL_CONFIG_DIR"] = str(folder / "config")
        stores = {n: _store(folder, n) for n in (args.sessions // 2, args.sessions)}
        bare = [sys.executable, "-c", "pass"]
        times: dict[int, list[float]] = {n: [] for n in stores}
        baselines: list[float] = []
        for _ in range(args.runs):  # interleaved, so all see the same machine load
            baselines.append(_wall(bare, env))
            for n, data_dir in stores.items():
                times[n].append(_wall([sys.executable, "-m", "game.cli", "--data-dir",
                                       str(data_dir), "sessions", "list"], env))
    baseline = min(baselines)
    best = {n: min(t) for n, t in times.items()}
    full, half = best[args.sessions], best[args.sessions // 2]
    ratio_linear = (full - baseline) / max(half - baseline, 1e-3)
    linear = ratio_linear <= LINEAR_LIMIT
    ok = full < BUDGET_S and linear
    print(f"sessions list, {args.sessions} sessions (whole process, best of {args.runs}): "
          f"{full:.2f} s (budget {BUDGET_S:.1f} s: {'ok' if full < BUDGET_S else 'OVER'})")
    print(f"baseline bare python start: {baseline:.3f} s")
    print(f"linear: {args.sessions // 2} sessions {half:.2f} s, {args.sessions} sessions "
          f"{full:.2f} s = {ratio_linear:.2f} x beyond the start (limit {LINEAR_LIMIT} x: "
          f"{'ok' if linear else 'OVER'})")
    row = {"budget": f"sessions list, {args.sessions:,} sessions", "figure": f"{full:.2f} s "
           f"(whole process; {ratio_linear:.2f}× for 2× the sessions)",
           "baseline": f"bare python start {baseline:.2f} s", "ratio": round(full / baseline, 2),
           "limit": f"< {BUDGET_S:.0f} s", "ok": ok}
    print("RESULT " + json.dumps(row, ensure_ascii=False), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
