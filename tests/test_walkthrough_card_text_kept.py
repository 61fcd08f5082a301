"""The card's own words stay as the deck wrote them in a walkthrough; only typed text is scrubbed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Markdown

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry, discover
from dilemmas.model import Deck, Dilemma
from dilemmas.stappenplan import load_stappenplan
from game.context import AppContext
from game.rules.walkthrough import WalkthroughState
from game.screens.walkthrough import WalkthroughScreen, WalkthroughSummaryScreen
from sessions.scrub import REPLACEMENT, scrub_text
from sessions.store import Store
from tests.factories import WalkthroughHost, temp_store, type_into  # noqa: F401 (fixture store)

CARD = "roddels-bij-de-koffie"


@pytest.fixture(scope="module")
def bundled() -> tuple[Deck, Dilemma]:
    for deck in discover(()).decks.values():
        for dilemma in deck.dilemmas:
            if dilemma.id == CARD:
                return deck, dilemma
    raise AssertionError(f"{CARD} not in the bundled decks")


def test_the_card_names_someone(bundled: tuple[Deck, Dilemma]) -> None:
    # The premise: the scrubber would take the name out of this card's story.
    _, card = bundled
    assert "Je collega Thijs" in card.situation
    assert scrub_text(card.situation)[1]


def test_scrubbing_a_card_walkthrough_keeps_the_card_text(bundled: tuple[Deck, Dilemma]) -> None:
    deck, card = bundled
    state = WalkthroughState.for_dilemma(load_stappenplan(), card, deck.id)
    state.texts["vraag"] = "Moet ik iets zeggen?"
    assert state.scrub(scrub_text) == ()
    assert state.situation == card.situation
    assert state.title == card.title and state.guidance == card.guidance
    assert [o.text for o in state.options] == [o.text for o in card.answer.options]


def test_what_the_user_typed_is_still_scrubbed(bundled: tuple[Deck, Dilemma]) -> None:
    deck, card = bundled
    state = WalkthroughState.for_dilemma(load_stappenplan(), card, deck.id)
    state.texts["vraag"] = "Mail thijs@huizen.nl"
    state.options[0].text += ", mail thijs@huizen.nl"  # an edited option is the user's text
    removed = state.scrub(scrub_text)
    assert removed
    assert state.texts["vraag"] == f"Mail {REPLACEMENT}"
    assert "@" not in state.options[0].text
    assert state.situation == card.situation


def test_an_own_dilemma_is_scrubbed(bundled: tuple[Deck, Dilemma]) -> None:
    _, card = bundled
    state = WalkthroughState.for_own_text(load_stappenplan(), card.situation, "Koffie")
    assert state.scrub(scrub_text)
    assert "Thijs" not in state.situation


def test_the_store_keeps_the_card_text_and_scrubs_the_rest(
    store: Store, bundled: tuple[Deck, Dilemma], tmp_path: Path
) -> None:
    deck, card = bundled
    plan = load_stappenplan()
    state = WalkthroughState.for_dilemma(plan, card, deck.id)
    state.texts["vraag"] = "Bel Thijs op 06-12345678"
    wid = store.save_walkthrough(None, session_id=None, dilemma_id=card.id, data=state.to_dict())
    own = WalkthroughState.for_own_text(plan, card.situation, "Koffie")
    own_id = store.save_walkthrough(None, session_id=None, dilemma_id=None, data=own.to_dict())
    saved = WalkthroughState.from_dict(plan, store.get_walkthrough(wid) or {})
    assert saved.situation == card.situation
    assert [o.text for o in saved.options] == [o.text for o in card.answer.options]
    assert "06-12345678" not in saved.texts["vraag"]
    assert "Thijs" not in (store.get_walkthrough(own_id) or {})["situation"]
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"06-12345678" not in raw


async def test_summary_of_the_bundled_card_reads_as_the_deck(
    store: Store, bundled: tuple[Deck, Dilemma]
) -> None:
    deck, card = bundled
    ctx = AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)
    app = WalkthroughHost(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        summary = await _summary_after_typing(app, pilot, "Moet ik iets zeggen?")
        markdown = summary.markdown
        assert "Je collega Thijs kijkt je aan" in markdown
        assert REPLACEMENT not in markdown
        shown = summary.query_one("#summary-markdown", Markdown).source
        assert REPLACEMENT not in shown
        assert not [n for n in app._notifications if "weggehaald" in n.message]
        wid = screen_of_walkthrough(app)
    assert wid is not None
    data = store.get_walkthrough(wid) or {}
    assert "Je collega Thijs" in data["situation"]


async def _summary_after_typing(
    app: WalkthroughHost, pilot: Pilot[None], question: str
) -> WalkthroughSummaryScreen:
    """Type the moral question in step 1, then ctrl+s: the summary screen."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await type_into(pilot, "#text-vraag", question)
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    summary = app.screen
    assert isinstance(summary, WalkthroughSummaryScreen)
    return summary


def screen_of_walkthrough(app: WalkthroughHost) -> str | None:
    for screen in app.screen_stack:
        if isinstance(screen, WalkthroughScreen):
            return screen.walkthrough_id
    return None


async def test_an_own_dilemmas_title_is_scrubbed_on_screen_and_in_every_export(
    store: Store,
) -> None:
    """An eigen dilemma's title is typed text too: "Mevrouw Bakker wil een gunst" loses the
    name in the summary, its exports and the file name, as it does in the store."""
    plan = load_stappenplan()
    state = WalkthroughState.for_own_text(plan, "Ze belt op 06-98765432 voor een vergunning.",
                                          "Mevrouw Bakker wil een gunst")
    labels = state.scrub(scrub_text)
    assert "Bakker" not in state.title and REPLACEMENT in state.title
    assert labels
    ctx = AppContext(config=Config(), registry=DeckRegistry(decks={}), store=store)
    app = WalkthroughHost(ctx, lambda: WalkthroughScreen(
        own_text="Ze belt op 06-98765432 voor een vergunning.",
        own_title="Mevrouw Bakker wil een gunst"))
    async with app.run_test(size=(120, 36)) as pilot:
        summary = await _summary_after_typing(app, pilot, "Help ik haar?")
        assert "Bakker" not in summary.markdown and "Bakker" not in summary.html
        assert "bakker" not in summary.filename
