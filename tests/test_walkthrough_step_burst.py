"""Letters typed right after PgDn, before the next step's field is there, land in that field
(as tmux or a fast typist sends them), not lost while the step is built."""

from __future__ import annotations

from textual.widgets import TextArea

from game.context import AppContext
from game.screens.walkthrough import WalkthroughScreen
from tests.factories import WalkthroughHost as Host
from tests.factories import screen_of, temp_store, walkthrough_ctx  # noqa: F401 (fixtures)
from tests.factories import walkthrough_deck as make_deck
from tests.test_walkthrough_rows_burst import burst


async def test_a_burst_after_pgdn_lands_in_the_next_steps_field(ctx: AppContext) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = screen_of(app)
        await pilot.pause()
        assert screen.state.current == 0
        burst(app, [*"een", "pagedown", *"twee"])
        for _ in range(6):
            await pilot.pause(0.05)
        assert screen.state.current == 1
        focused = app.focused
        assert isinstance(focused, TextArea)
        assert focused.text == "twee"
        await screen.show_step(0)
        await pilot.pause()
        first = app.focused
        assert isinstance(first, TextArea) and first.text.startswith("een")
