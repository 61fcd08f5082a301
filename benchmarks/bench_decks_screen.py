"""Benchmark: the Decks screen's event loop with a deck of 60,000 problems in the own-decks folder.

Writes the deck (every card a bare number: one problem each), runs the app headless
(``App.run_test``), opens the Decks screen, presses F5 (read everything again) and then
Escape. A task on the event loop sleeps 5 ms at a time and records how late it wakes: the
longest delay is how long the loop was blocked. Budget (SPEC §11): no block over 100 ms;
exits 1 when over. Also prints how long Escape took to bring back the menu.
Run: `.venv/bin/python -m benchmarks.bench_decks_screen [--problems N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path

from benchmarks._loop import LoopWatch

BUDGET_MS = 100.0


def _deck(problems: int) -> str:
    return ('deck: {id: veel, title: Veel fouten, version: "1"}\nthemes: [{id: a, title: A}]\n'
            "dilemmas:\n" + "  - 1\n" * problems)


async def _measure() -> tuple[float, float, float]:
    from dilemmas.config import load_config
    from dilemmas.discovery import discover
    from game.app import IntegerSpelApp
    from game.context import AppContext
    from game.screens.decks import DecksScreen

    config, _ = load_config()
    app = IntegerSpelApp(AppContext(config=config, registry=discover([], config), store=None))
    watch = LoopWatch()

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        watch.start()
        began = time.perf_counter()
        await app.push_screen(DecksScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = time.perf_counter() - began
        await pilot.press("f5")
        await pilot.pause()
        began = time.perf_counter()
        await pilot.press("escape")
        await pilot.pause()
        escaped = time.perf_counter() - began
        await app.workers.wait_for_complete()
        worst = await watch.stop()
    return worst, shown, escaped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=60_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["INTEGER_SPEL_DATA_DIR"] = str(folder / "data")
        os.environ["INTEGER_SPEL_CONFIG_DIR"] = str(folder / "config")
        decks = folder / "data" / "decks"
        decks.mkdir(parents=True)
        (decks / "veel.yaml").write_text(_deck(args.problems), encoding="utf-8")
        worst, shown, escaped = asyncio.run(_measure())
    print(f"decks screen, {args.problems} problems: longest event-loop block {worst:.0f} ms "
          f"(budget {BUDGET_MS:.0f} ms); problems listed {shown:.2f} s after opening; "
          f"Escape during a reload {escaped * 1000:.0f} ms")
    from benchmarks._result import emit

    emit(f"Decks screen, a deck of {args.problems:,} problems: longest event-loop block",
         f"{worst:.0f} ms", f"listed after {shown:.2f} s, Escape {escaped * 1000:.0f} ms", None,
         f"≤ {BUDGET_MS:.0f} ms", worst <= BUDGET_MS)
    return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
