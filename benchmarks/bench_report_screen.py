"""Benchmark: the Rapportage screen's event loop over 10,000 sessions (~80,000 rounds).

Generates a bundle with gen_bundle.py, imports it into a temporary data folder (not timed),
then runs the app headless (``App.run_test``), waits on the main menu, opens the Rapportage screen, types a month in
"van" and waits for the report each time. A task on the event loop sleeps 5 ms at a time and
records how late it wakes: the longest delay is how long the loop was blocked. Budget (SPEC
§11): no block over 100 ms while the report is built; exits 1 when over.
Run: `.venv/bin/python -m benchmarks.bench_report_screen [--sessions N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._loop import LoopWatch

sys.path.insert(0, str(Path(__file__).parent))

from gen_bundle import generate  # noqa: E402

BUDGET_MS = 100.0


async def _measure(data: Path) -> tuple[float, float]:
    from textual.widgets import Input

    from dilemmas.config import load_config
    from dilemmas.discovery import discover
    from game.app import IntegerSpelApp
    from game.context import AppContext
    from game.screens.report import ReportScreen
    from sessions.store import Store

    config, _ = load_config()
    store = Store.open(data)
    app = IntegerSpelApp(AppContext(config=config, registry=discover([], config), store=store))
    watch = LoopWatch()

    async with app.run_test(size=(120, 36)) as pilot:
        # The app's own start (first paint, the walkthrough check after it) is measured by
        # bench_app; the watch starts on the main menu, where the coordinator opens the screen.
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        watch.start()
        began = time.perf_counter()
        screen = ReportScreen(save_directory=data)
        await app.push_screen(screen)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        opened = time.perf_counter() - began
        print(f"opening: longest event-loop block {watch.longest:.0f} ms")
        screen.show_tab("tab-figures")
        await pilot.pause(0.5)
        print(f"with the figures tab: longest event-loop block {watch.longest:.0f} ms")
        for month in ("2000-02", "2000-03"):
            screen.query_one("#report-from", Input).value = month
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        worst = await watch.stop()
    store.close()
    return worst, opened


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bundle = folder / "bundle.json"
        bundle.write_text(json.dumps(generate(args.sessions)), encoding="utf-8")
        data = folder / "data"
        os.environ["INTEGER_SPEL_DATA_DIR"] = str(data)
        os.environ["INTEGER_SPEL_CONFIG_DIR"] = str(folder / "config")
        from sessions.bundle import import_bundles
        from sessions.store import Store

        store = Store.open(data)
        try:
            import_bundles(store, [bundle])
        finally:
            store.close()
        worst, opened = asyncio.run(_measure(data))
    print(f"report screen, {args.sessions} sessions: longest event-loop block {worst:.0f} ms "
          f"(budget {BUDGET_MS:.0f} ms); report shown {opened:.2f} s after opening")
    from benchmarks._result import emit

    emit(f"Rapportage screen, {args.sessions:,} sessions: longest event-loop block",
         f"{worst:.0f} ms", f"report shown after {opened:.2f} s", None, f"≤ {BUDGET_MS:.0f} ms",
         worst <= BUDGET_MS)
    return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
