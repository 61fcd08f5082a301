"""Benchmark: `bundle import` of a 10,000-session bundle as a whole process, against 5 s (SPEC §11).

Run: ``python -m benchmarks.bench_bundle_import [--sessions N] [--runs R]``. The baseline,
measured in the same run, is a whole process that only does ``json.load`` of the same file.
Wall and CPU time are both printed: on a shared machine wall time includes waiting for a core.
Also prints ``Store.list_sessions`` on the imported store (the report's input; design target
0.4 s), and checks that the import stays linear: a bundle of twice the sessions takes at most
LINEAR_LIMIT times as long (checked and imported in this process, CPU time, best of R). Ends with a ``RESULT {json}`` line for ``python -m benchmarks``; exits 1 when over.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.gen_bundle import generate

IMPORT_BUDGET_S = 5.0
LIST_BUDGET_S = 0.4
LINEAR_LIMIT = 2.2
ROOT = Path(__file__).resolve().parent.parent


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def _emit(figure: str, baseline: str, ratio: float, ok: bool) -> None:
    row = {"budget": "bundle import, 10,000 sessions", "figure": figure, "baseline": baseline,
           "ratio": round(ratio, 2), "limit": f"< {IMPORT_BUDGET_S:.0f} s", "ok": ok}
    print("RESULT " + json.dumps(row, ensure_ascii=False), flush=True)


def _import_cpu(bundle: Path, folder: Path, runs: int) -> float:
    """CPU seconds of checking and importing ``bundle`` into a fresh store (best of ``runs``)."""
    from sessions.bundle import import_bundles
    from sessions.store import Store

    times = []
    for i in range(runs):
        store = Store.open(folder / f"linear-{bundle.stem}-{i}")
        start = time.process_time()
        import_bundles(store, [bundle])
        times.append(time.process_time() - start)
        store.close()
    return min(times)


def linearity(sessions: int, folder: Path, runs: int) -> tuple[float, float]:
    """CPU seconds of importing ``sessions`` and twice as many sessions."""
    result = []
    for n in (sessions, 2 * sessions):
        path = folder / f"linear-{n}.json"
        path.write_text(json.dumps(generate(n, seed=2)), encoding="utf-8")
        result.append(_import_cpu(path, folder, runs))
    return result[0], result[1]


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

        load_argv = [sys.executable, "-c", f"import json; json.load(open({str(bundle)!r}, 'rb'))"]
        baselines: list[tuple[float, float]] = []
        imports: list[tuple[float, float]] = []
        for i in range(args.runs):  # interleaved, so both see the same machine load
            baselines.append(_run(load_argv, env))
            data_dir = folder / f"store-{i}"
            imports.append(_run([sys.executable, "-m", "game.cli", "--data-dir", str(data_dir),
                                 "bundle", "import", str(bundle)], env))
        best, best_cpu = min(imports)
        baseline, baseline_cpu = min(baselines)

        from sessions.store import Store

        store = Store.open(folder / "store-0")
        listings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            records = store.list_sessions()
            listings.append(time.perf_counter() - start)
        store.close()
        assert len(records) == n_sessions
        half = max(n_sessions // 2, 1)
        single, double = linearity(half, folder, args.runs)

    linear = double <= LINEAR_LIMIT * single
    ok = best < IMPORT_BUDGET_S and linear
    print(f"bundle: {n_sessions} sessions, {n_rounds} rounds")
    print(f"bundle import (whole process, best of {args.runs}): {best:.2f} s wall, "
          f"{best_cpu:.2f} s CPU (budget {IMPORT_BUDGET_S:.1f} s: {'ok' if ok else 'OVER'})")
    print(f"baseline json.load (whole process, best of {args.runs}): {baseline:.2f} s wall, "
          f"{baseline_cpu:.2f} s CPU (import = {best / baseline:.1f} x baseline)")
    print(f"list_sessions after import: {min(listings):.3f} s (design target {LIST_BUDGET_S:.1f} s)")
    print(f"all import runs (wall): {', '.join(f'{t:.2f}' for t, _ in imports)} s")
    print(f"linear: {half} sessions {single:.2f} s CPU, {2 * half} sessions {double:.2f} s CPU "
          f"= {double / single:.2f} x (limit {LINEAR_LIMIT} x: {'ok' if linear else 'OVER'})")
    _emit(f"{best:.2f} s (CPU {best_cpu:.2f} s)", f"json.load {baseline:.2f} s", best / baseline, ok)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
