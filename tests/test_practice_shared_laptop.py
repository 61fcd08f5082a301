"""Practice on a shared laptop: a run belongs to one person (issue 15, "Is dat jouw ronde?")."""

from __future__ import annotations

import random

from textual.widgets import Static

from game.screens.practice import PracticeScreen
from sessions.store import Store
from tests.factories import PracticeHost as Host
from tests.factories import practice_ctx as make_ctx
from tests.factories import temp_store  # noqa: F401 (fixtures)


async def settle(app: Host) -> None:
    """Wait until the screen's reads are back and its writes have reached the store."""
    await app.workers.wait_for_complete()
    screen = app.screen
    if isinstance(screen, PracticeScreen):
        assert screen.link.settle(5.0)


async def test_nee_starts_a_fresh_run_and_the_other_persons_run_is_gone(store: Store) -> None:
    ctx = make_ctx(store, count=3)
    app = Host(ctx, random.Random(3))
    async with app.run_test(size=(80, 24)) as pilot:  # the first new hire
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.press(screen.card.dilemma.answer.keys[0].lower())
        await pilot.pause()
        await pilot.click("#practice-next")
        await pilot.pause()
        old_sid = screen.session_id
        await pilot.press("escape")
        await pilot.pause()
        await settle(app)
    assert old_sid is not None
    # Their walkthrough of a card, pointed at by the run.
    wid = store.save_walkthrough(
        None, session_id=old_sid, dilemma_id="kaart-1", data={"title": "Kaart 1", "current": 2}
    )
    state = store.state(old_sid) or {}
    store.save_state(old_sid, {**state, "walkthrough_id": wid, "walkthrough_card": 0})

    app = Host(ctx, random.Random(4))
    async with app.run_test(size=(80, 24)) as pilot:  # the next one, on the same laptop
        await pilot.pause()
        await settle(app)
        text = str(app.screen.query_one(".practice-text", Static).content)
        assert "Is dat jouw ronde?" in text
        await pilot.click("#practice-not-mine")
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        await settle(app)
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        run = screen.run
        assert run is not None and run.phase == "answer" and run.position == 0
        assert run.answers == {} and run.walkthrough_id is None
        assert screen.session_id not in (None, old_sid)
        assert "Dilemma 1 van 3" in str(screen.query_one("#practice-progress", Static).content)
        # Discarded, not set aside: nothing of it can be resumed or listed on this laptop.
        assert store.get(old_sid) is None
        assert store.get_walkthrough(wid) is None
        assert store.open_walkthroughs() == []
        found = store.unfinished("practice")
        assert found is not None and found[0].id == screen.session_id


async def test_ja_continues_the_run_where_it_was(store: Store) -> None:
    ctx = make_ctx(store, count=3)
    app = Host(ctx, random.Random(3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        key = screen.card.dilemma.answer.keys[0]
        first = screen.card.dilemma.id
        await pilot.press(key.lower())
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await settle(app)

    app = Host(ctx, random.Random(4))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await settle(app)
        await pilot.click("#practice-resume")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.run is not None
        assert screen.run.answers == {first: key} and screen.run.phase == "feedback"
