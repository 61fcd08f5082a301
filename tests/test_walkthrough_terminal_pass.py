"""What the walkthrough showed in a terminal (issue 15's list, checked by hand), as tests."""

from __future__ import annotations


def test_empty_steps_are_named_as_a_dutch_list() -> None:
    from game.rules.walkthrough import empty_steps_text

    assert empty_steps_text([4]) == "Stap 4 is nog leeg."
    assert empty_steps_text([3, 5, 7]) == "Stap 3, 5 en 7 zijn nog leeg."
    assert empty_steps_text([2, 6]) == "Stap 2 en 6 zijn nog leeg."


def test_an_undecided_summary_has_no_dot_after_the_dots() -> None:
    # Found in an export: "**Mijn besluit: …. Omdat ….**".
    from dilemmas.stappenplan import load_stappenplan
    from game.rules.walkthrough import WalkthroughState

    state = WalkthroughState.for_own_text(load_stappenplan(), "Een collega vraagt een gunst.")
    md = state.summary_markdown()
    assert "…." not in md and "**Mijn besluit: … Omdat …**" in md
    assert "…." not in state.decision_sentence()


async def test_tab_in_a_burst_of_keys_moves_on_before_the_next_letters() -> None:
    # A terminal delivers fast typing (or tmux send-keys) as one burst: "Fatima<Tab>gelijke"
    # left "gelijke" in the first field, because Tab was handled after the letters behind it.
    import tempfile
    from pathlib import Path

    from textual import events

    from dilemmas.config import Config
    from dilemmas.discovery import DeckRegistry
    from game.context import AppContext
    from game.screens.walkthrough import WalkthroughScreen
    from sessions.store import Store
    from tests.factories import WalkthroughHost as Host
    from tests.factories import screen_of
    from tests.factories import walkthrough_deck as make_deck

    store = Store.open(Path(tempfile.mkdtemp()))
    deck = make_deck()
    ctx = AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        screen = screen_of(app)
        screen.query_one("#sh-0-who").focus()
        await pilot.pause()
        burst = [*"Fatima", "tab", *"gelijk", "tab", *"steun"]
        for key in burst:
            char = key if len(key) == 1 else ("\t" if key == "tab" else None)
            app.post_message(events.Key(key, char))
        await pilot.pause(0.3)
        person = screen.state.stakeholders[0]
        assert (person.who, person.rights, person.interests) == ("Fatima", "gelijk", "steun")
    store.close()
