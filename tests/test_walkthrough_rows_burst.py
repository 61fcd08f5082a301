"""Keys typed in one burst right after "+ … toevoegen" land in the new row, not on the button
and not over the text of the first row."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from game.context import AppContext
from game.screens.walkthrough import WalkthroughScreen
from tests.factories import WalkthroughHost as Host
from tests.factories import screen_of, temp_store, walkthrough_ctx  # noqa: F401 (fixtures)
from tests.factories import walkthrough_deck as make_deck


def burst(app: Host, keys: list[str]) -> None:
    """Send keys as a fast typist or tmux does: all at once, nothing waits in between."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else ("\r" if key == "enter" else None))
        event.set_sender(app)
        driver.send_message(event)


async def _at_step(app: Host, pilot: Pilot[None], kind: str) -> WalkthroughScreen:
    screen = screen_of(app)
    index = next(i for i, s in enumerate(screen.state.plan.steps) if s.input.kind == kind)
    await screen.show_step(index)
    await pilot.pause()
    return screen


async def test_a_burst_after_adding_a_stakeholder_lands_in_the_new_row(ctx: AppContext) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = await _at_step(app, pilot, "stakeholders")
        screen.query_one("#sh-0-who", Input).value = "de medewerker"
        screen.query_one("#add-stakeholder").focus()
        await pilot.pause()
        burst(app, ["enter", *"zevende"])
        await pilot.pause(0.3)
        await pilot.pause()
        assert screen.query_one("#sh-0-who", Input).value == "de medewerker"
        assert screen.query_one("#sh-1-who", Input).value == "zevende"
        assert screen.state.stakeholders[1].who == "zevende"


async def test_a_burst_after_adding_an_option_lands_in_the_new_option(ctx: AppContext) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = await _at_step(app, pilot, "options")
        screen.query_one("#add-option").focus()
        await pilot.pause()
        burst(app, ["enter", *"derde weg"])
        await pilot.pause(0.3)
        await pilot.pause()
        assert screen.query_one("#opt-2", TextArea).text == "derde weg"
        assert screen.query_one("#opt-0", TextArea).text == "Je neemt ze aan"
