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
    linear_ok = linearity()
    return 0 if ratio <= BUDGET and linear_ok else 1


LINEAR_BUDGET = 2.2


def _best(path: Path, repeat: int = 5) -> float:
    from dilemmas.loader import check_file

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check_file(path)
        times.append(time.perf_counter() - start)
    return min(times)


def linearity() -> bool:
    """Double the input, at most 2.2 x the time: a valid deck, NUL bytes, 0xFF bytes."""
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        cases = [("geldig deck (400 → 800 dilemma's)", generate(400).encode(), generate(800).encode()),
                 ("NUL-bytes (0,5 → 1 MB)", b"\x00" * 500_000, b"\x00" * 1_000_000),
                 ("tekst met een NUL op elke 10 bytes (1 → 2 MB)", b"abcdefghi\x00" * 100_000,
                  b"abcdefghi\x00" * 200_000),
                 ("0xFF-bytes (0,95 → 1,9 MB)", b"\xff" * 950_000, b"\xff" * 1_900_000)]
        for name, small, large in cases:
            a, b = Path(folder) / "a.yaml", Path(folder) / "b.yaml"
            a.write_bytes(small)
            b.write_bytes(large)
            ta, tb = _best(a), _best(b)
            ratio = tb / ta
            good = ratio <= LINEAR_BUDGET
            ok = ok and good
            print(f"linear, {name}: {ta * 1000:.1f} → {tb * 1000:.1f} ms, {ratio:.2f} x "
                  f"(budget {LINEAR_BUDGET} x) {'OK' if good else 'OVER BUDGET'}")
            emit(f"decks check linear: {name}", f"{tb * 1000:.0f} ms", f"{ta * 1000:.0f} ms (half)",
                 ratio, f"≤ {LINEAR_BUDGET}×", good)
    return ok


if __name__ == "__main__":
    sys.exit(main())
