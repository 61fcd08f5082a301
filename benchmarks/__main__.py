"""Run every budget of SPEC §11 and print one table: figure, baseline, ratio, budget.

    python -m benchmarks [--quick] [--write-readme]

Each benchmark runs as its own process (so one's imports don't flatter another's) and prints
`RESULT {json}` lines; this collects them. Exit 1 when any budget is exceeded.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHES: list[tuple[str, list[str], list[str]]] = [
    # module, arguments, arguments with --quick
    ("benchmarks.bench_app", ["--runs", "7"], ["--runs", "3"]),
    ("benchmarks.bench_decks_check", [], []),
    ("benchmarks.bench_keypress", [], []),
    ("benchmarks.bench_report", [], ["--sessions", "10000"]),
    ("benchmarks.bench_bundle_import", [], ["--runs", "1"]),
    ("benchmarks.bench_sessions_list", [], ["--runs", "3"]),
    ("benchmarks.bench_serve", ["--runs", "5"], ["--runs", "3"]),
    ("benchmarks.bench_report_screen", [], []),
    ("benchmarks.bench_decks_screen", [], []),
    ("benchmarks.bench_scrub", [], []),
    ("benchmarks.bench_walkthrough_paste", [], []),
]


def run_all(quick: bool) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for module, args, quick_args in BENCHES:
        print(f"… {module}", file=sys.stderr, flush=True)
        proc = subprocess.run([sys.executable, "-m", module, *(quick_args if quick else args)],
                              capture_output=True, text=True, cwd=HERE.parent)
        found = False
        for line in proc.stdout.splitlines():
            if line.startswith("RESULT "):
                rows.append(json.loads(line[len("RESULT "):]))
                found = True
        if not found:
            rows.append({"budget": module, "figure": "—", "baseline": "—", "ratio": None,
                         "limit": "—", "ok": False,
                         "error": (proc.stderr or proc.stdout).strip().splitlines()[-1:]})
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| budget | figure | baseline (same run) | ratio | limit | ok |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        ratio = "—" if row["ratio"] is None else f"{row['ratio']}×"
        ok = "yes" if row["ok"] else "NO"
        lines.append(f"| {row['budget']} | {row['figure']} | {row['baseline']} | {ratio} | "
                     f"{row['limit']} | {ok} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--write-readme", action="store_true",
                        help="put the table in benchmarks/README.md")
    args = parser.parse_args()
    rows = run_all(args.quick)
    text = table(rows)
    print(text)
    if args.write_readme:
        readme = HERE / "README.md"
        content = readme.read_text(encoding="utf-8")
        new = re.sub(r"<!-- table -->.*<!-- /table -->",
                     f"<!-- table -->\n{text}\n<!-- /table -->", content, flags=re.S)
        readme.write_text(new, encoding="utf-8")
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
