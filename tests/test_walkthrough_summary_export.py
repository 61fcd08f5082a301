"""The stappenplan summary export: no empty argument tables, and the contacts the guidance
points to are there."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown

from dilemmas.config import Config, Contact
from dilemmas.discovery import DeckRegistry, discover
from dilemmas.model import Deck, Dilemma
from dilemmas.stappenplan import load_stappenplan
from game.context import AppContext
from game.rules.walkthrough import WalkthroughState
from game.screens.walkthrough import WalkthroughScreen, WalkthroughSummaryScreen
from sessions.store import Store
from tests.factories import WalkthroughHost, temp_store, walkthrough_deck  # noqa: F401 (fixture store)

PLAN = load_stappenplan()
HEADER = "| Argument | Wat je schreef |"


def test_an_option_without_arguments_gets_no_empty_table() -> None:
    card = walkthrough_deck().dilemma("concertkaartjes")
    assert card is not None
    state = WalkthroughState.for_dilemma(PLAN, card)
    state.options[1].for_rules = "de gedragscode vraagt het"
    markdown = state.summary_markdown()
    arguments = markdown.split("## 5. ", 1)[1].split("\n## ", 1)[0]
    assert arguments.count(HEADER) == 1
    assert "**Je weigert beleefd**" in arguments
    assert "Je neemt ze aan" not in arguments
    # Every table has a row under its header.
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if line == HEADER:
            assert lines[i + 2].startswith("| "), markdown


def bundled_card() -> tuple[Deck, Dilemma]:
    for deck in discover(()).decks.values():
        for dilemma in deck.dilemmas:
            if "hieronder bij de contacten" in dilemma.guidance:
                return deck, dilemma
    raise AssertionError("no card points to the contacts below")


def test_the_contacts_the_guidance_points_to_follow_it() -> None:
    _, card = bundled_card()
    config = Config(contacts=(
        Contact("Vertrouwenspersoon", "Vera de Wit", "intranet/vp", id="vertrouwenspersoon"),
        Contact("Klachtencommissie", "", "klachten@huizen.nl", id="klachtencommissie"),
        Contact("Burgemeester", "", "", id="burgemeester"),
    ))
    state = WalkthroughState.for_dilemma(PLAN, card)
    lines = state.contact_lines(config)
    assert lines == (
        "Vertrouwenspersoon — Vera de Wit, intranet/vp",
        "Klachtencommissie — klachten@huizen.nl",
    )
    markdown = state.summary_markdown(contacts=lines)
    code, contacts = markdown.split("## Wat zegt de code?", 1)[1].split("## Contacten", 1)
    assert "hieronder bij de contacten" in code
    assert "Vera de Wit" in contacts and "klachten" in contacts
    assert "Burgemeester" not in contacts
    assert "Vera de Wit" in state.summary_html(contacts=lines)
    # Saved and read back (export again): the contacts are still known by id.
    again = WalkthroughState.from_dict(PLAN, state.to_dict())
    assert again.contact_lines(config) == lines


async def test_the_summary_screen_exports_the_contacts(store: Store, tmp_path: Path) -> None:
    deck, card = bundled_card()
    ctx = AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)
    app = WalkthroughHost(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, WalkthroughSummaryScreen)
        role = ctx.config.contact("vertrouwenspersoon")
        assert role is not None
        for text in (
            summary.markdown,
            summary.html,
            summary.query_one("#summary-markdown", Markdown).source,
        ):
            assert "Contacten" in text and role.role in text


async def test_at_80x24_every_summary_button_and_key_is_whole() -> None:
    """The stappenplan summary's buttons fit at 80 columns ("Opslaan als…" was cut to
    "Opsl"), and its footer names ctrl+o too."""
    from textual.app import App

    from dilemmas.stappenplan import load_stappenplan
    from game.rules.walkthrough import WalkthroughState
    from game.screens.walkthrough import WalkthroughSummaryScreen
    from tests.factories import screen_text

    state = WalkthroughState.for_own_text(load_stappenplan(), "Een situatie.", "Titel")
    app: App[None] = App()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(WalkthroughSummaryScreen(state))
        await pilot.pause()
        text = screen_text(app)
        for label in ("Klaar", "Terug", "Opslaan als…", "^o Opslaan als…"):
            assert label in text, text
