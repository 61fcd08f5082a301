"""At 80×24 the walkthrough summary keeps 'Klaar' and a readable footer; texts a new hire
reads are Dutch: the drop-down's key, capitalised placeholders, no tip about a card's options
on an own dilemma; practice's start says nothing about the WIO's unfinished config."""

from __future__ import annotations

from textual.widgets import Button, Footer, Input, Static

from dilemmas.stappenplan import load_stappenplan
from game.context import AppContext
from game.rules.walkthrough import WalkthroughState
from game.screens.walkthrough import WalkthroughScreen, WalkthroughSummaryScreen
from tests.factories import WalkthroughHost as Host
from tests.factories import temp_store, walkthrough_ctx  # noqa: F401 (fixtures)
from tests.factories import walkthrough_deck as make_deck


async def test_summary_at_80x24_shows_klaar_and_a_short_footer(ctx: AppContext) -> None:
    card = make_deck().dilemma("concertkaartjes")
    assert card is not None
    state = WalkthroughState.for_dilemma(load_stappenplan(), card)
    app = Host(ctx, lambda: WalkthroughSummaryScreen(state))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        done = app.screen.query_one("#summary-done", Button)
        assert done.region.right <= 80 and done.region.bottom <= 24 and done.region.width > 0
        keys = [b.binding.description for b in app.screen.active_bindings.values()
                if b.binding.show]
        assert sum(len(k) + 4 for k in keys) < 80
        assert app.screen.query_one(Footer) is not None


async def test_placeholders_start_with_a_capital_and_no_card_tip_on_an_own_dilemma(
    ctx: AppContext,
) -> None:
    app = Host(ctx, lambda: WalkthroughScreen(own_text="Een aanvrager biedt wijn aan."))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        steps = screen.state.plan.steps
        await screen.show_step(next(i for i, s in enumerate(steps) if s.input.kind == "stakeholders"))
        await pilot.pause()
        for field in screen.query(Input):
            assert str(field.placeholder)[:1].isupper(), field.placeholder
        await screen.show_step(next(i for i, s in enumerate(steps) if s.input.kind == "options"))
        await pilot.pause()
        tips = str(screen.query_one("#wt-questions", Static).content)
        assert "opties van de kaart" not in tips


async def test_every_drop_down_names_its_key_in_dutch() -> None:
    """Every Select in the app is the Dutch one: an open list says "Menu sluiten" in the
    footer, never Textual's "Dismiss menu" (the card browser's filters said so)."""
    import re
    from pathlib import Path

    from textual.app import App, ComposeResult
    from textual.widgets import Footer

    from game.widgets.dutch_select import DutchSelect

    game = Path(__file__).resolve().parent.parent / "game"
    plain = [f"{path.relative_to(game)}:{n}" for path in game.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"(?<![\w.])Select(\[[^\]]*\])?\(", line)]
    assert plain == []

    class OneSelect(App[None]):
        def compose(self) -> ComposeResult:
            yield DutchSelect([("Een", 1), ("Twee", 2)], id="s")
            yield Footer()

    app = OneSelect()
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#s").focus()
        await pilot.press("enter")
        await pilot.pause()
        footer = " ".join(s.text for s in app.screen._compositor.render_strips())
        assert "Menu sluiten" in footer and "Dismiss" not in footer
