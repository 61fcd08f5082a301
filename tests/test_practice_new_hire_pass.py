"""What a new hire met in the app (issue 15's list, checked in a terminal), each as a test."""

from __future__ import annotations

import random
from dataclasses import replace

from textual.widgets import Static

from dilemmas.model import Answer, Deck, DeckInfo, Theme
from game.rules.practice import PracticeCard, PracticeRun, resume_place
from game.screens.practice import PracticeScreen
from sessions.store import Store
from tests.factories import PracticeHost as Host
from tests.factories import practice_card as card
from tests.factories import practice_ctx as make_ctx
from tests.factories import practice_deck as make_deck
from tests.factories import temp_store  # noqa: F401 (fixtures)


def test_the_resume_question_names_the_place_also_after_the_last_card() -> None:
    deck = make_deck()
    cards = [PracticeCard(deck, d) for d in deck.dilemmas[:3]]
    run = PracticeRun.new(cards)
    assert resume_place(run, cards) == "bij dilemma 1 van 3: Kaart 1"
    run.position, run.phase = 3, "walkthrough"  # all cards answered, as after a crash there
    assert resume_place(run, cards) == "bij het stappenplan, na alle dilemma's"
    run.walkthrough_card = 1
    assert resume_place(run, cards) == "bij het stappenplan over 'Kaart 2'"
    run.phase = "end"
    assert "van 3" not in resume_place(run, cards)


async def test_the_card_speaks_to_someone_alone(store: Store) -> None:
    open_card = replace(card(1, answer=Answer(kind="open")), prompts=("Wat zou je collega doen?",))
    deck = Deck(
        info=DeckInfo(id="open", title="Open", version="1"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=(open_card,),
    )
    ctx = make_ctx(store, count=1)
    ctx.registry = type(ctx.registry)(decks={deck.id: deck})
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        shown = " ".join(
            str(w.render()) for w in screen.query("#practice-card *") if w.display
        )
        assert "bespreek het samen" not in shown and "Om over te praten" not in shown
        assert "Open vraag: schrijf hieronder wat jij zou doen." in shown
        prompts = screen.query_one("#practice-card .card--prompts", Static)
        assert str(prompts.content).startswith("Om over na te denken:")


async def test_the_keys_scroll_the_feedback_at_80x24(store: Store) -> None:
    long = replace(card(1), guidance="Een lange toelichting. " * 80)
    deck = Deck(
        info=DeckInfo(id="lang", title="Lang", version="1"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=(long,),
    )
    ctx = make_ctx(store, count=1)
    ctx.registry = type(ctx.registry)(decks={deck.id: deck})
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.click("#practice-start")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        body = screen.query_one("#practice-body")
        assert screen.focused is not None and screen.focused.id == "practice-next"
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        await pilot.press("down", "up", "pageup")
        await pilot.pause()
        assert body.scroll_y == 0
        assert screen.focused.id == "practice-next"


async def test_an_open_answer_typed_in_one_burst_with_tab_enter_is_handed_in(store: Store) -> None:
    from textual import events

    deck = Deck(
        info=DeckInfo(id="open", title="Open", version="1"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=(card(1, answer=Answer(kind="open")),),
    )
    ctx = make_ctx(store, count=1)
    ctx.registry = type(ctx.registry)(decks={deck.id: deck})
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.click("#practice-start")
        await pilot.pause()
        for key, char in [*((c, c) for c in "Ik vraag het"), ("tab", "\t"), ("enter", "\r")]:
            app.post_message(events.Key(key, char))
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.run is not None
        assert screen.run.answers == {"kaart-1": "Ik vraag het"}
