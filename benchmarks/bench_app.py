"""Start-up time to the main menu and peak memory, each against a bare Textual app.

Budgets (SPEC §11): start-up to the main menu visible ≤ 1.3 × a bare "hello world" app;
peak memory with a 1,000-dilemma deck ≤ 1.5 × the bare app. Start-up is timed the way a
person waits for it: from outside, in a real tmux pane, until the menu's text ("Teamspel") is on
the screen, against a bare Textual app with a Header, a Static and a Footer timed the same way
(benchmarks/_ttff.py). Without tmux it falls back to the first frame reported by a headless
child, which misses the terminal's own work. Memory is measured headless. Runs alternate with
the baseline in the same run; the median counts.

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

from benchmarks._result import Row, emit

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


TERMINAL_BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Hello(App):
    def compose(self):
        yield Header()
        yield Static("Hallo wereld")
        yield Footer()

Hello().run()
"""


def measure_terminal(runs: int, data: str, config: str) -> tuple[float, float]:
    """Median seconds until the menu / the bare app is on a tmux pane: (ours, bare)."""
    from benchmarks import _ttff

    ours_argv = ["env", f"INTEGER_SPEL_DATA_DIR={data}", f"INTEGER_SPEL_CONFIG_DIR={config}",
                 sys.executable, "-m", "game"]
    bare_argv = [sys.executable, "-c", TERMINAL_BARE_APP]
    _ttff.once(bare_argv, "Hallo wereld")  # warm-up
    _ttff.once(ours_argv, "Teamspel")
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        for argv, expect, into in ((bare_argv, "Hallo wereld", bare), (ours_argv, "Teamspel", ours)):
            t = _ttff.once(argv, expect)
            if t is None:
                raise SystemExit(f"never saw {expect!r} in the tmux pane")
            into.append(t)
    print("terminal runs, ours:", " ".join(f"{t:.3f}" for t in ours))
    print("terminal runs, bare:", " ".join(f"{t:.3f}" for t in bare))
    pairs = sorted(o / b for o, b in zip(ours, bare, strict=True))
    print(f"ratio per round (ours/bare, run right after each other): median "
          f"{statistics.median(pairs):.2f}, range {pairs[0]:.2f}–{pairs[-1]:.2f}")
    return statistics.median(ours), statistics.median(bare)


def measure(runs: int) -> list[Row]:
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
        from benchmarks import _ttff

        how = "headless first frame"
        if _ttff.available():
            ours_start, bare_start = measure_terminal(runs, env_data, str(tmp_path / "config"))
            how = "tmux pane, from outside"
        else:
            ours_start, bare_start = statistics.median(ours_t), statistics.median(bare_t)
    print(f"whole process (not budgeted): ours {statistics.median(ours_w) * 1000:.0f} ms, "
          f"bare {statistics.median(bare_w) * 1000:.0f} ms")
    start_ratio = ours_start / bare_start
    mem_ratio = max(ours_m) / max(bare_m)
    return [
        {
            "budget": f"start-up to main menu visible ({how})",
            "figure": f"{ours_start * 1000:.0f} ms",
            "baseline": f"{bare_start * 1000:.0f} ms (bare Textual app)",
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
        emit(**row)
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
