"""Start-up time to the main menu and peak memory, each against a bare Textual app.

Budgets (SPEC §11): start-up to the main menu visible ≤ 1.3 × a bare "hello world" app;
peak memory with a 1,000-dilemma deck ≤ 1.5 × the bare app. Each run is a whole process:
the start-up figure is the wall time from launching the interpreter to the first frame that
shows the menu (or the bare app's text), as the child reports it; what the app does after that
(finding decks, opening the store) is in the whole-process time, printed alongside. Runs
alternate with the baseline in the same run; the median counts.

    python -m benchmarks.bench_app [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._result import emit

BARE_APP = """
import sys, time
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hallo wereld")
    def on_mount(self):
        self.call_after_refresh(self.visible)

    def visible(self):
        print("VISIBLE", time.time(), flush=True)
        self.exit()

Hello().run(headless=True, size=(120, 36))
"""

OUR_APP = """
import sys, time
from pathlib import Path
from dilemmas import paths
from game.app import IntegerSpelApp
from game.context import AppContext
from game.screens.menu import MainMenuScreen

paths.set_data_dir(Path(sys.argv[1]))
extra = [Path(p) for p in sys.argv[2:]]

class MenuThenExit(IntegerSpelApp):
    def first_screen_painted(self):
        # The menu calls this after its first frame: the moment it is visible.
        print("VISIBLE", time.time(), flush=True)
        super().first_screen_painted()
        if extra:
            self.ctx.registry  # the memory run: the big deck must really be loaded
        self.call_after_refresh(self.exit)

MenuThenExit(AppContext.load(extra)).run(headless=True, size=(120, 36))
"""


def _run_measured(code: str, *args: str) -> tuple[float, float, int]:
    """Run one child: (seconds to visible, seconds for the whole process, peak RSS in KiB)."""
    wall_start = time.time()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stderr is not None and proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark process failed:\n{err.decode(errors='replace')}")
    visible = [line for line in out.decode(errors="replace").splitlines()
               if line.startswith("VISIBLE ")]
    if not visible:
        raise SystemExit("the child never reported a visible first screen")
    return float(visible[0].split()[1]) - wall_start, seconds, int(usage.ru_maxrss)


def measure(runs: int) -> list[dict[str, object]]:
    """Run both benchmarks; return one result row per budget."""
    from benchmarks.gen_deck import generate

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        deck_dir = tmp_path / "decks"
        deck_dir.mkdir()
        (deck_dir / "groot.yaml").write_text(generate(1000), encoding="utf-8")
        env_data = str(tmp_path / "data")
        os.environ["INTEGER_SPEL_CONFIG_DIR"] = str(tmp_path / "config")
        # Warm the file cache and byte-code once for each.
        _run_measured(BARE_APP)
        _run_measured(OUR_APP, env_data)
        bare_t, ours_t, bare_w, ours_w, bare_m, ours_m = [], [], [], [], [], []
        for _ in range(runs):
            t, w, m = _run_measured(BARE_APP)
            bare_t.append(t)
            bare_w.append(w)
            bare_m.append(m)
            t, w, _m = _run_measured(OUR_APP, env_data)
            ours_t.append(t)
            ours_w.append(w)
            _t, _w, m = _run_measured(OUR_APP, env_data, str(deck_dir))
            ours_m.append(m)
    print(f"whole process (not budgeted): ours {statistics.median(ours_w) * 1000:.0f} ms, "
          f"bare {statistics.median(bare_w) * 1000:.0f} ms")
    start_ratio = statistics.median(ours_t) / statistics.median(bare_t)
    mem_ratio = max(ours_m) / max(bare_m)
    return [
        {
            "budget": "start-up to main menu visible",
            "figure": f"{statistics.median(ours_t) * 1000:.0f} ms",
            "baseline": f"{statistics.median(bare_t) * 1000:.0f} ms (bare Textual app)",
            "ratio": round(start_ratio, 2),
            "limit": "≤ 1.3×",
            "ok": start_ratio <= 1.3,
        },
        {
            "budget": "peak memory, 1,000-dilemma deck",
            "figure": f"{max(ours_m) / 1024:.1f} MiB",
            "baseline": f"{max(bare_m) / 1024:.1f} MiB (bare Textual app)",
            "ratio": round(mem_ratio, 2),
            "limit": "≤ 1.5×",
            "ok": mem_ratio <= 1.5,
        },
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rows = measure(args.runs)
    for row in rows:
        print(f"{row['budget']}: {row['figure']} vs {row['baseline']} → "
              f"{row['ratio']}× (budget {row['limit']}) {'OK' if row['ok'] else 'OVER'}")
    for row in rows:
        emit(**row)  # type: ignore[arg-type]
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
