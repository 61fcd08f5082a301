"""Walkthrough: what was typed can be found again, Tab between fields, field widths, the picker."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button, Markdown, OptionList, Static, TextArea

from game.context import AppContext
from game.dialogs.walkthrough_continue import ContinueDialog
from game.rules.walkthrough import list_walkthroughs
from game.screens.walkthrough import (
    WalkthroughScreen,
    WalkthroughSummaryScreen,
    offer_open_walkthrough,
)
from game.screens.walkthrough_pick import WalkthroughPickScreen
from game.widgets.step_rail import RailItem
from sessions.store import Store
from tests.factories import WalkthroughHost as Host
from tests.factories import screen_as, screen_of, temp_store, type_into, walkthrough_ctx  # noqa: F401 (fixtures)
from tests.factories import walkthrough_deck as make_deck


async def fill_first_step(pilot: Any, text: str) -> None:
    await pilot.pause()
    await type_into(pilot, "#text-vraag", text)
    await pilot.pause(0.7)


async def test_same_card_again_offers_what_was_typed(ctx: AppContext, store: Store) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await fill_first_step(pilot, "Neem ik ze aan")
        await pilot.press("pagedown", "pagedown")
        await pilot.pause(0.3)
        # No "Klaar": leave as after Esc (a crash leaves the same saved row behind).
        screen_of(app).save_now()
        assert screen_of(app).link.settle()
    assert [i.title for i in store.open_walkthroughs()] == ["Concertkaartjes"]

    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ContinueDialog)
        assert "bij stap 3 van 7" in str(app.screen.query_one("#continue-text", Static).content)
        await pilot.click("#continue-go")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.state.current == 2
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert screen.query_one("#text-vraag", TextArea).text == "Neem ik ze aan"
    assert len(store.open_walkthroughs()) == 1  # continued, not a second copy


async def test_picker_lists_open_walkthroughs_with_continue_and_delete(
    ctx: AppContext, store: Store
) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    assert card is not None
    from dilemmas.stappenplan import load_stappenplan
    from game.rules.walkthrough import WalkthroughState

    state = WalkthroughState.for_dilemma(load_stappenplan(), card, deck.id)
    state.texts["vraag"] = "Bewaard"
    state.current = 1
    store.save_walkthrough(None, session_id=None, dilemma_id=card.id, data=state.to_dict())
    # Lists sort by month (the store keeps no order of saving): this one is of a later month.
    gone = store.save_walkthrough(None, session_id=None, dilemma_id=None,
                                  data={"title": "Weg", "month": "2099-12"})
    app = Host(ctx, WalkthroughPickScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#pick-open-list", OptionList)
        assert listing.option_count == 2
        assert "Weg" in str(listing.get_option_at_index(0).prompt)
        await pilot.click("#pick-delete")
        await pilot.pause()
        await pilot.click("#choice-delete")
        await pilot.pause()
        assert store.get_walkthrough(gone) is None
        assert listing.option_count == 1
        await pilot.click("#pick-continue")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.state.current == 1
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.query_one("#text-vraag", TextArea).text == "Bewaard"


async def test_start_up_offer_names_the_open_walkthrough(
    ctx: AppContext, store: Store
) -> None:
    store.save_walkthrough(None, session_id=None, dilemma_id=None, data={"title": "Eigen", "current": 4})
    app = Host(ctx, WalkthroughPickScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        offer_open_walkthrough(app)
        await pilot.pause()
        told = [n.message for n in app._notifications]
        assert any("Eigen — bij stap 5 van 7" in m for m in told)


async def test_a_deep_dive_of_a_team_session_is_not_offered_at_start_up(
    ctx: AppContext, store: Store
) -> None:
    """Seen after a resume: the deep dive of the session being resumed was offered as "your
    stappenplan" beside the resume offer; it is continued with d on its card."""
    sid = store.start_session(kind="team", team=None, participants=5, deck_id="d", deck_version="1")
    store.save_walkthrough(None, session_id=sid, dilemma_id="k", data={"title": "Verdieping", "current": 0})
    app = Host(ctx, WalkthroughPickScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        offer_open_walkthrough(app)
        await pilot.pause()
        assert not any("Verdieping" in n.message for n in app._notifications)
    assert [w.session_id for w in store.open_walkthroughs()] == [sid]  # still in the list


async def test_tab_goes_from_field_to_field_not_to_the_remove_button(
    ctx: AppContext, store: Store
) -> None:
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        screen = screen_of(app)
        await type_into(pilot, "#sh-0-who", "Fatima")
        await pilot.press("tab", *"gelijke behandeling", "tab", *"steun van collega's")
        await pilot.pause()
        person = screen.state.stakeholders[0]
        assert (person.who, person.rights, person.interests) == (
            "Fatima",
            "gelijke behandeling",
            "steun van collega's",
        )
        assert all(not b.can_focus for b in screen.query(".remove-stakeholder").results(Button))


async def test_removing_an_option_with_arguments_asks_first(
    ctx: AppContext, store: Store
) -> None:
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        screen.state.options[0].for_rules = "mag volgens de code"
        await screen.show_step(3)
        await pilot.pause()
        await pilot.click("#opt-0-remove")
        await pilot.pause()
        assert len(screen.state.options) == 2
        assert any("argumenten" in n.message for n in app._notifications)
        app.clear_notifications()  # the toast may sit over the button
        await pilot.pause(0.5)
        await pilot.click("#opt-0-remove")
        await pilot.pause()
        assert len(screen.state.options) == 1


async def test_fields_are_multi_line_and_wide_at_80x24(
    ctx: AppContext, store: Store
) -> None:
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert all(len(str(item.content)) <= 4 for item in screen.query(RailItem))
        await screen.show_step(4)
        await pilot.pause()
        field = screen.query_one("#arg-0-for-rules", TextArea)
        assert field.size.width >= 55
        assert field.size.height >= 2
        await screen.show_step(3)
        await pilot.pause()
        assert isinstance(screen.query_one("#opt-0"), TextArea)


async def test_klaar_warns_once_about_empty_steps(ctx: AppContext, store: Store) -> None:
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Mag dit?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        summary = screen_as(app, WalkthroughSummaryScreen)
        md = summary.markdown
        assert md.count("Mijn besluit") == 1
        shown = summary.query_one("#summary-markdown", Markdown).source
        assert "Mijn besluit" not in shown  # on screen the sentence stands above, once
        assert len(summary.query("#summary-sentence")) == 1
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert app.screen is summary
        assert any("nog leeg" in n.message for n in app._notifications)
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert app.results and app.results[0] is not None
    # "Klaar" closes it: listed as done, never offered to continue.
    assert [(w.done, w.crashed) for w in list_walkthroughs(store)] == [(True, False)]


async def test_picker_does_not_give_the_answer(ctx: AppContext) -> None:
    app = Host(ctx, WalkthroughPickScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        from game.widgets.card_browser import CardBrowser

        browser = screen.query_one(CardBrowser)
        browser._show(browser.hits[0])
        await pilot.pause()
        extra = str(screen.query_one("#card-extra", Static).content)
        assert "Wat zegt de code?" not in extra
        assert "Geschenken boven de 50 euro" not in extra


async def test_scrub_notice_shows_verwijderd_once_and_own_card_is_scrubbed(
    ctx: AppContext, store: Store
) -> None:
    app = Host(ctx, lambda: WalkthroughScreen(own_text="Mail jan@example.nl over de vergunning"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown", "pagedown", "pageup")
        await pilot.pause()
        notices = [n for n in app._notifications if "[verwijderd]" in n.message]
        assert len(notices) == 1 and notices[0].markup is False
        card = screen_of(app).query_one("#wt-card").query_one(".card--situation", Static)
        assert "jan@example.nl" not in str(card.content)
        assert "[verwijderd]" in str(card.content)
