"""Pilot tests of practice mode: a run end to end, team figures only from k answers, resuming."""

from __future__ import annotations

import random
from typing import Any

from textual.app import App
from textual.widgets import Markdown, Static

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry
from dilemmas.model import Deck, DeckInfo, Theme
from game.context import AppContext
from game.rules.practice import Phase, draw_cards
from game.screens.practice import PracticeScreen
from game.screens.walkthrough import WalkthroughScreen, WalkthroughSummaryScreen
from sessions.store import Store
from tests.factories import PracticeHost as Host
from tests.factories import practice_card as card
from tests.factories import practice_ctx as make_ctx
from tests.factories import practice_deck as make_deck
from tests.factories import (
    screen_as,
    summed_votes,
    team_session,
    temp_store,  # noqa: F401 (the fixture store)
)


def phase_of(screen: PracticeScreen) -> Phase:
    """The run's phase, read afresh (mypy keeps an attribute narrowed across awaits)."""
    assert screen.run is not None
    return screen.run.phase


def text_of(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def test_practice_run_end_to_end(store: Store) -> None:
    order = [c.dilemma.id for c in draw_cards([make_deck()], 3, random.Random(7))]
    # Teams answered the first card 6 times (>= k) and the second only 4 times (< k).
    deck = make_deck()
    cards = [deck.dilemma(d) for d in order]
    keys = [c.answer.keys for c in cards if c is not None]
    assert len(keys) == len(order)
    team_session(store, order[0], {keys[0][0]: 2, keys[0][1]: 4})
    team_session(store, order[1], {keys[1][0]: 1, keys[1][1]: 3})
    app = Host(make_ctx(store, count=3, k=5), random.Random(7))
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.click("#practice-start")
        await pilot.pause()
        assert screen.run is not None
        assert [d for _deck, d in screen.run.cards] == order
        assert "kaart-9" not in order  # not marked for new hires
        answers = {}
        for position, dilemma_id in enumerate(order):
            assert text_of(app, "#practice-progress").startswith(f"Dilemma {position + 1} van 3")
            dilemma = make_deck().dilemma(dilemma_id)
            assert dilemma is not None
            key = dilemma.answer.keys[-1]
            answers[dilemma_id] = key
            await pilot.press(key.lower())
            await pilot.pause()
            # Feedback: own answer, guidance, references.
            assert text_of(app, "#practice-mine").startswith(f"Jouw antwoord: {key}")
            assert text_of(app, "#practice-guidance") == dilemma.guidance
            assert dilemma.references[0] in text_of(app, "#practice-references")
            teams = text_of(app, "#practice-teams")
            if position == 0:
                assert teams.startswith("6 antwoorden uit teamsessies.")
                bars = text_of(app, "#practice-bars")
                assert " 33 %" in bars and " 67 %" in bars
                assert "verdeeldheid" not in bars
                assert "◀ jouw keuze" in bars  # the new hire's own choice is marked
            else:
                assert teams == "Nog te weinig teamantwoorden om te tonen."
                assert not app.screen.query("#practice-bars")
            await pilot.click("#practice-next")
            await pilot.pause()

        # One card through the steps.
        assert screen.run.phase == "walkthrough"
        await pilot.press("enter")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen)
        assert walk.dilemma is not None and walk.dilemma.id == order[0]
        await pilot.press(*"Neem ik het aan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen_as(app, WalkthroughSummaryScreen)
        await pilot.press("ctrl+d")  # warns about the empty steps
        await pilot.press("ctrl+d")
        await pilot.pause()
        # Without a decision the run waits; choosing the card again continues the same walkthrough.
        assert screen_as(app, PracticeScreen) is screen and phase_of(screen) == "walkthrough"
        assert "nog niet af" in text_of(app, "#practice-walk-text")
        first_walk = screen.run.walkthrough_id
        assert first_walk is not None
        await pilot.press("enter")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen)
        assert walk.walkthrough_id == first_walk
        assert walk.state.texts["vraag"] == "Neem ik het aan"
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        walk.query_one("#decision-own").focus()
        await pilot.press(*"Ik overleg eerst", "tab", *"dan weet ik het zeker")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+d", "ctrl+d")
        await pilot.pause()

        # The end: oath and contacts.
        assert screen_as(app, PracticeScreen) is screen
        assert phase_of(screen) == "end"
        end = app.screen.query_one("#practice-end", Markdown)
        source = end.source
        assert "Ik beloof dat ik eerlijk werk." in source
        assert "Vertrouwenspersoon" in source and "intranet/vp" in source
        assert "Vragen?" in source
        assert "er één uitgewerkt met het stappenplan" in source
        assert screen.run.walkthrough_done
        # Kept locally as a practice session with tallies of one, never as a team session.
        assert screen.link.settle(5)
        practice = store.list_sessions(kind="practice")
        assert len(practice) == 1
        assert {r.dilemma: dict(r.counts or {}) for r in practice[0].rounds} == {
            d: {k: 1} for d, k in answers.items()
        }
        assert all(s.kind == "team" for s in store.list_sessions())
        assert len(store.list_sessions()) == 2
        # Practice answers are never added to the team figures.
        assert summed_votes(store, order[0]) == {keys[0][0]: 2, keys[0][1]: 4}
        # Leaving the end asks to take the recap along first; then the run is gone.
        await pilot.click("#practice-done")
        await pilot.pause()
        await pilot.click("#choice-done")
        await pilot.pause()
        assert app.closed == 1
        assert screen.link.settle(5)

    assert store.list_sessions(kind="practice") == []
    assert store.get_walkthrough(first_walk) is None
    assert store.unfinished("practice") is None


async def test_stopping_and_continuing_where_you_were(store: Store) -> None:
    ctx = make_ctx(store, count=3)
    app = Host(ctx, random.Random(3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        key = screen.card.dilemma.answer.keys[0]
        await pilot.press(key.lower())
        await pilot.pause()
        assert screen.run is not None
        first = screen.run.cards
        await pilot.press("escape")
        await pilot.pause()
        assert app.closed == 1

    app = Host(ctx, random.Random(99))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-resume")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.run is not None
        assert screen.run.cards == first
        assert screen.run.phase == "feedback" and screen.run.position == 0
        assert text_of(app, "#practice-mine").startswith(f"Jouw antwoord: {key}")


async def test_no_practice_cards_says_so(store: Store) -> None:
    deck = Deck(
        info=DeckInfo(id="leeg", title="Leeg", version="1"),
        themes=(Theme("t", "T"),),
        dilemmas=(card(1, audience=("team",)),),
    )
    ctx = AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "nog geen oefenkaarten" in str(
            app.screen.query_one(".practice-text", Static).content
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.closed == 1


async def test_practice_without_a_store_still_runs(store: Store) -> None:
    ctx = make_ctx(store, count=1)
    ctx.store = None
    ctx.store_error = "De map met gegevens is niet beschrijfbaar."
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        key = screen.card.dilemma.answer.keys[1]
        await pilot.press(key)
        await pilot.pause()
        assert text_of(app, "#practice-mine").startswith(f"Jouw antwoord: {key}")
        assert text_of(app, "#practice-teams") == "Nog te weinig teamantwoorden om te tonen."
        warnings = [n for n in app._notifications if "niet beschrijfbaar" in n.message]
        assert len(warnings) == 1


async def test_finishing_without_a_decision_says_so_at_the_end(store: Store) -> None:
    app = Host(make_ctx(store, count=1), random.Random(5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.press(screen.card.dilemma.answer.keys[0].lower())
        await pilot.pause()
        await pilot.click("#practice-next")
        await pilot.pause()
        await pilot.press("enter")  # open the walkthrough
        await pilot.pause()
        await pilot.press("escape")  # and leave it without a decision
        await pilot.pause()
        assert screen_as(app, PracticeScreen) is screen and screen.run is not None
        assert screen.run.phase == "walkthrough"
        await pilot.click("#practice-skip-walk")
        await pilot.pause()
        source = app.screen.query_one("#practice-end", Markdown).source
        assert "later nog eens doen" in source
        assert not screen.run.walkthrough_done


async def test_the_app_opens_practice_from_the_command_line(store: Store) -> None:
    from game.app import IntegerSpelApp
    from game.context import StartRequest

    app = IntegerSpelApp(make_ctx(store), StartRequest(kind="practice"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MainMenuScreen"
