"""Key-press latency in a team-game round on a 1,000-dilemma deck, against a bare Textual app.

Budget (SPEC §11): any key press in a round, handled and redrawn, in under 50 ms (p95).

Each press is timed from the key event to the first frame sent to the terminal that shows
what the screen ends up showing for that key (frames come on Textual's own frame clock), so
handling, layout, scrolling and drawing all count; a later frame that only repeats the same
picture does not. Reading a frame's picture (a render of the whole screen) blocks the loop;
that time is taken off the moments of the frames after it. Pilot's waits are not timed: they sleep until the CPU looks idle, which
measures the machine, not the app. The baseline does the same presses on a bare app whose one Static
changes its text on every key. Both run in this process, one after the other.

    python -m benchmarks.bench_keypress [--presses 200] [--dilemmas 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._result import emit

KEYS = ("right", "r", "c", "t", "left", "r", "c", "t", "right", "w", "right", "space")
SIZE = (120, 36)
BUDGET_MS = 50.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


per_key: dict[str, list[float]] = {}
first_frames: list[float] = []
_frames: list[tuple[float, int]] = []
# Time spent reading the picture of each frame (a render of the whole screen, 5–20 ms): it
# blocks the event loop, so it would delay every later frame of the same press. It is
# subtracted from the moments of the frames that follow it.
_reading = [0.0]


def _watch_frames() -> None:
    """Record every frame the screen sends to the terminal: when, and what it showed."""
    from textual.screen import Screen
    from textual.strip import Strip

    if getattr(Screen, "_bench_watched", False):
        return
    original = Screen._compositor_refresh

    def refresh(self: Screen[Any]) -> None:
        original(self)
        read_from = time.perf_counter()
        moment = read_from - _reading[0]
        # The "Bewaard ✓" label changes once the write has finished on the store's thread:
        # that is the disk's time, not the key's, so its cells are left out of the picture.
        saved = [w.region for w in self.query("#round-saved")]
        skip = saved[0] if saved and saved[0].area else None
        lines = []
        for y, strip in enumerate(self._compositor.render_strips()):
            parts: tuple[Strip, ...]
            if skip is not None and skip.y <= y < skip.bottom:
                parts = (strip.crop(0, skip.x), strip.crop(skip.right, strip.cell_length))
            else:
                parts = (strip,)
            lines.append(tuple((seg.text, seg.style) for part in parts for seg in part))
        _frames.append((moment, hash(tuple(lines))))
        _reading[0] += time.perf_counter() - read_from

    Screen._compositor_refresh = refresh  # type: ignore[method-assign]
    Screen._bench_watched = True  # type: ignore[attr-defined]


async def _timed_presses(app: Any, pilot: Any, presses: int) -> list[float]:
    _watch_frames()
    timings: list[float] = []
    for n in range(presses):
        key = KEYS[n % len(KEYS)]
        _frames.clear()
        _reading[0] = 0.0
        start = time.perf_counter()
        await app._press_keys([key])  # the key as the terminal sends it
        await pilot.pause()  # not timed itself: wait until everything has settled
        await pilot.pause()
        if not _frames:
            continue  # nothing to redraw (e.g. a key that only rings a notice later)
        final = _frames[-1][1]
        # The first frame that already shows the final picture; later frames only redo
        # layout (Textual lays out twice when a widget's height changes) with the same output.
        shown_at = next(moment for moment, shown in _frames if shown == final)
        timings.append((shown_at - start) * 1000)
        first_frames.append((_frames[0][0] - start) * 1000)
        per_key.setdefault(key, []).append(timings[-1])
    return timings


async def measure_game(deck_path: Path, data_dir: Path, presses: int) -> tuple[list[float], int]:
    """Press keys in a round of a session over the big deck; returns timings in ms."""
    from dilemmas.config import Config
    from dilemmas.discovery import DeckRegistry
    from dilemmas.loader import load_deck
    from game.app import IntegerSpelApp
    from game.context import AppContext
    from game.rules.game import GameSetup, GameState
    from game.rules.session import GameSession
    from game.screens.round import RoundScreen
    from game.widgets.timer import RoundTimer
    from sessions.store import Store

    RoundTimer.INTERVAL = None  # no background ticks between the measured presses
    deck = load_deck(deck_path)
    store = Store.open(data_dir)
    ctx = AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)
    setup = GameSetup(
        deck_id=deck.id,
        deck_version=deck.info.version,
        team="Benchmark",
        participants=12,
        limit_kind="minutes",
        limit=90,
        order="shuffled",
        vote="hands",
        seed=3,
    )
    game = GameState.start(deck, setup)
    # Votes on the cards the presses will reach (a round exists only once its card is shown).
    for index in range(min(len(game.plan), presses // 3 + 20)):
        rnd = game.ensure_round(deck, index)
        card = deck.dilemma(rnd.dilemma)
        assert card is not None  # the plan holds only the deck's own cards
        keys = card.answer.keys
        rnd.counts = {k: (i * 3 + index) % 5 for i, k in enumerate(keys)} if keys else None
    session = GameSession(game, deck, ctx.saver)
    session.begin()

    class BenchApp(IntegerSpelApp):
        def _offer_resume(self) -> None:
            """The session begun above is unfinished; don't offer it back."""

    app = BenchApp(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(RoundScreen(session))
        await pilot.pause()
        await _timed_presses(app, pilot, 20)  # warm-up: first paints, caches
        timings = await _timed_presses(app, pilot, presses)
        position = game.position
        if not isinstance(app.screen, RoundScreen):
            raise SystemExit(
                f"the round was left for {type(app.screen).__name__} "
                f"(card {position + 1} of {len(game.plan)})"
            )
    store.close()
    return timings, position


async def measure_bare(presses: int) -> list[float]:
    """The same presses on a bare app: one Static whose text changes on every key."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS = [Binding(key, f"show('{key}')") for key in set(KEYS)]

        def compose(self) -> ComposeResult:
            yield Static("0", id="text")

        def action_show(self, key: str) -> None:
            self.query_one("#text", Static).update(f"{key} {time.perf_counter()}")

    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await _timed_presses(app, pilot, 20)
        return await _timed_presses(app, pilot, presses)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--dilemmas", type=int, default=1000)
    args = parser.parse_args()

    from benchmarks.gen_deck import generate

    with tempfile.TemporaryDirectory() as tmp:
        deck_path = Path(tmp) / "benchmark.yaml"
        deck_path.write_text(generate(args.dilemmas), encoding="utf-8")
        bare = asyncio.run(measure_bare(args.presses))
        per_key.clear()
        first_frames.clear()
        ours, position = asyncio.run(measure_game(deck_path, Path(tmp) / "data", args.presses))
        per_key_game = {key: list(values) for key, values in per_key.items()}
        first = list(first_frames)
        bare2 = asyncio.run(measure_bare(args.presses))
    bare += bare2
    p50, p95 = statistics.median(ours), percentile(ours, 95)
    b50, b95 = statistics.median(bare), percentile(bare, 95)
    print(
        f"key presses in a round, {args.dilemmas}-dilemma deck, {len(ours)} presses "
        f"(ended on card {position + 1}):"
    )
    print(f"  Integer-spel round   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   max {max(ours):6.1f} ms")
    print(f"  bare Textual app     p50 {b50:6.1f} ms   p95 {b95:6.1f} ms   max {max(bare):6.1f} ms")
    by_key = ", ".join(
        f"{key} {statistics.median(values):.0f}" for key, values in per_key_game.items()
    )
    print(f"  median per key (ms): {by_key}")
    print(
        f"  first frame after the key: p50 {statistics.median(first):.1f} ms, "
        f"p95 {percentile(first, 95):.1f} ms (may still show the old scroll position)"
    )
    print(f"  budget: p95 < {BUDGET_MS:.0f} ms -> {'ok' if p95 < BUDGET_MS else 'TOO SLOW'}")
    emit(
        budget="key press in a round (p95)",
        figure=f"{p95:.1f} ms",
        baseline=f"{b95:.1f} ms (bare app)",
        ratio=p95 / b95 if b95 else None,
        limit=f"< {BUDGET_MS:.0f} ms",
        ok=p95 < BUDGET_MS,
    )


if __name__ == "__main__":
    main()
