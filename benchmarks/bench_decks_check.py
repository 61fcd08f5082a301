"""Benchmark `decks check` on a 1,000-dilemma deck against a bare PyYAML C-loader parse.

Both run as whole processes in the same run (median of several repetitions); the budget
(SPEC §11) is 1.5 x the bare parse. Exits 1 when over budget.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Runs as `python -m benchmarks.bench_decks_check` or as a script.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._result import emit  # noqa: E402
from benchmarks.gen_deck import generate  # noqa: E402

BUDGET = 1.5
REPEAT = 9


def median_seconds(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    python = sys.executable
    script = Path(python).with_name("integer-spel")
    with tempfile.TemporaryDirectory() as folder:
        deck = Path(folder) / "deck.yaml"
        deck.write_text(generate(1000), encoding="utf-8")
        env = {**os.environ, "INTEGER_SPEL_DATA_DIR": str(Path(folder) / "data")}
        ours_cmd = [str(script), "decks", "check", str(deck)] if script.exists() else \
            [python, "-m", "game", "decks", "check", str(deck)]
        bare_cmd = [python, "-c",
                    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), "
                    "Loader=yaml.CSafeLoader)", str(deck)]
        # Interleave the two so that a busy machine slows both alike.
        ours, bare = [], []
        for _ in range(3):
            ours.append(median_seconds(ours_cmd, env))
            bare.append(median_seconds(bare_cmd, env))
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    ratio = ours_s / bare_s
    print(f"deck: 1000 dilemmas, {deck.name}")
    print(f"integer-spel decks check:      {ours_s * 1000:7.1f} ms (median)")
    print(f"python + yaml CSafeLoader:     {bare_s * 1000:7.1f} ms (median, baseline)")
    print(f"ratio: {ratio:.2f} x   budget: {BUDGET} x   {'OK' if ratio <= BUDGET else 'OVER BUDGET'}")
    emit("decks check, 1,000-dilemma deck", f"{ours_s * 1000:.0f} ms",
         f"{bare_s * 1000:.0f} ms (PyYAML C loader, whole process)", ratio, f"≤ {BUDGET}×",
         ratio <= BUDGET)
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
