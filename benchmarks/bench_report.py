"""Benchmark `integer-spel report` over 10,000 sessions (~80,000 rounds) as a whole process.

Generates a bundle with gen_bundle.py, imports it into a temporary data folder (not timed),
then times `integer-spel --data-dir D report --from 2000-01 --format json` (and html, xlsx): the
period runs from 2000 to the latest month in the store, so every session counts, which the
benchmark checks. The in-run baseline is the start of a bare interpreter
(`python -c "import sqlite3"`), timed interleaved with the reports. The budget (SPEC §11) is
an absolute 1 s per report (median wall time), 1.5 s for the workbook; exits 1 when over.
Run: `.venv/bin/python -m benchmarks.bench_report [--sessions N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _result import emit  # noqa: E402
from gen_bundle import generate  # noqa: E402

BUDGET_S = 1.0
XLSX_BUDGET_S = 1.5
REPEAT = 7
BASELINE = "baseline (python -c 'import sqlite3')"


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of ``command``.

    CPU time is printed too because the CI machine is shared: wall time there includes
    waiting for a core, CPU time is what the process itself costs.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _import(bundle: Path, data: Path) -> int:
    """Put the bundle's sessions into the store in ``data``; returns how many are there."""
    from sessions.store import Store

    store = Store.open(data)
    try:
        from sessions.bundle import import_bundles

        import_bundles(store, [bundle])
        return len(store.list_sessions(kind="team"))
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    args = parser.parse_args(argv)
    python = sys.executable
    script = Path(python).with_name("integer-spel")
    with tempfile.TemporaryDirectory() as folder:
        bundle = Path(folder) / "bundle.json"
        doc = generate(args.sessions)
        counted = [s for s in doc["sessions"] if s["kind"] == "team" and s["rounds"]]
        rounds = sum(len(s["rounds"]) for s in counted)
        bundle.write_text(json.dumps(doc), encoding="utf-8")
        data = Path(folder) / "data"
        count = _import(bundle, data)
        env = {**os.environ, "INTEGER_SPEL_DATA_DIR": str(data),
               "INTEGER_SPEL_CONFIG_DIR": str(Path(folder) / "config")}
        base = [str(script)] if script.exists() else [python, "-m", "game"]
        report = [*base, "--data-dir", str(data), "report", "--from", "2000-01"]
        # The report must cover every session of the store, not one year of it.
        out = Path(folder) / "report.json"
        subprocess.run([*report, "--format", "json", "-o", str(out)], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        totals = json.loads(out.read_text(encoding="utf-8"))["totals"]
        if (totals["sessions"], totals["rounds"]) != (len(counted), rounds):
            print(f"the report counts {totals['sessions']} sessions and {totals['rounds']} "
                  f"rounds, the store holds {len(counted)} and {rounds}", file=sys.stderr)
            return 1
        commands = {
            BASELINE: [python, "-c", "import sqlite3"],
            "report --format json": [*report, "--format", "json"],
            "report --format md": [*report, "--format", "md"],
            "report --format html": [*report, "--format", "html"],
            "report --format xlsx": [*report, "--format", "xlsx", "-o",
                                     str(Path(folder) / "report.xlsx")],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # warm the file cache once
            _time(command, env)
        for _ in range(REPEAT):  # interleaved, so that a busy machine slows all alike
            for name, command in commands.items():
                wall, used = _time(command, env)
                times[name].append(wall)
                cpu[name].append(used)
    print(f"sessions in store: {count}, counted in the report: {totals['sessions']}, "
          f"rounds: {totals['rounds']}, repetitions: {REPEAT}")
    over = False
    for name, values in times.items():
        med = statistics.median(values)
        line = (f"{name:38s} wall median {med * 1000:7.1f} ms (min {min(values) * 1000:6.1f},"
                f" max {max(values) * 1000:6.1f})"
                f"  cpu median {statistics.median(cpu[name]) * 1000:7.1f} ms")
        if name.startswith("report"):
            budget = XLSX_BUDGET_S if name.endswith("xlsx") else BUDGET_S
            ok = med < budget
            over = over or not ok
            line += f"  budget {budget * 1000:.0f} ms: {'ok' if ok else 'OVER'}"
        print(line)
    json_med = statistics.median(times["report --format json"])
    md_med = statistics.median(times["report --format md"])
    html_med = statistics.median(times["report --format html"])
    xlsx_med = statistics.median(times["report --format xlsx"])
    baseline = statistics.median(times[BASELINE])
    emit(
        budget=f"report over {totals['sessions']:,} sessions ({totals['rounds']:,} rounds)",
        figure=(f"json {json_med:.2f} s, md {md_med:.2f} s, html {html_med:.2f} s,"
                f" xlsx {xlsx_med:.2f} s"
                " (median wall, whole process)"),
        baseline=f"bare python start {baseline:.2f} s",
        ratio=max(json_med, md_med, html_med) / baseline,
        limit=f"< {BUDGET_S:.0f} s (xlsx < {XLSX_BUDGET_S:.1f} s)",
        ok=not over,
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
