"""Step 6: an argument picked from step 5 reads as Dutch, and the pick is shown again later."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Select, Static, TextArea

from game.context import AppContext
from game.screens.walkthrough import WalkthroughScreen, WalkthroughSummaryScreen
from sessions.store import Store
from tests.factories import (  # noqa: F401 (fixtures)
    WalkthroughHost,
    screen_of,
    temp_store,
    walkthrough_ctx,
    walkthrough_deck,
)

PRO = "De gedragscode vraagt het"
CON = "Misschien voelt Iris zich overruled."


def _host(ctx: AppContext) -> WalkthroughHost:
    """The walkthrough of the test deck's concert-tickets card."""
    deck = walkthrough_deck()
    card = deck.dilemma("concertkaartjes")
    return WalkthroughHost(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))


async def _opened(app: WalkthroughHost, pilot: Pilot[None]) -> WalkthroughScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen_of(app)


async def test_picked_arguments_read_as_dutch_and_stay_picked(ctx: AppContext, store: Store) -> None:
    app = _host(ctx)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _opened(app, pilot)
        option = screen.state.options[1]
        option.for_rules = PRO
        option.against_consequences = CON
        screen.state.decision.option = option.key
        await screen.show_step(5)
        await pilot.pause()
        because = screen.query_one("#decision-pick-because", Select)
        despite = screen.query_one("#decision-pick-despite", Select)
        because.value = PRO
        despite.value = CON.rstrip(".")
        await pilot.pause()
        assert screen.query_one("#decision-despite", TextArea).text == CON.rstrip(".")
        sentence = str(screen.query_one("#decision-sentence", Static).content)
        assert "voelt misschien Iris" not in sentence
        assert sentence == (
            "Mijn besluit: ik weiger beleefd. Omdat de gedragscode het vraagt. "
            "Misschien voelt Iris zich overruled, en dat neem ik op de koop toe."
        )

        # Another step and back: both picks are shown again, the reasons kept.
        await screen.show_step(4)
        await pilot.pause()
        await screen.show_step(5)
        await pilot.pause()
        assert screen.query_one("#decision-pick-because", Select).value == PRO
        assert screen.query_one("#decision-pick-despite", Select).value == CON.rstrip(".")
        assert screen.query_one("#decision-because", TextArea).text == PRO
        assert str(screen.query_one("#decision-sentence", Static).content) == sentence

        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, WalkthroughSummaryScreen)
        assert f"**{sentence}**" in summary.markdown
        assert "voelt misschien Iris" not in summary.html
        assert str(summary.query_one("#summary-sentence", Static).content) == sentence


async def test_a_changed_reason_shows_no_pick(ctx: AppContext, store: Store) -> None:
    app = _host(ctx)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _opened(app, pilot)
        screen.state.options[0].for_rules = PRO
        screen.state.decision.because = PRO + " en de wet ook"
        await screen.show_step(5)
        await pilot.pause()
        assert screen.query_one("#decision-pick-because", Select).value is Select.NULL
        assert screen.query_one("#decision-because", TextArea).text == PRO + " en de wet ook"
