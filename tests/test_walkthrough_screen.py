"""Pilot tests of the stappenplan walkthrough: every input survives navigation and reaches the summary."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Markdown, RadioButton, Static, TextArea

from game.context import AppContext
from game.dialogs.walkthrough_own import OwnDilemmaDialog
from game.screens.walkthrough import WalkthroughScreen, WalkthroughSummaryScreen
from game.screens.walkthrough_pick import WalkthroughPickScreen
from game.widgets.step_rail import RailItem
from sessions.store import Store, StoreError
from tests.factories import WalkthroughHost as Host
from tests.factories import screen_of, temp_store, type_into, walkthrough_ctx  # noqa: F401 (the fixtures store and ctx)
from tests.factories import walkthrough_deck as make_deck


def rail_texts(app: App[Any]) -> list[str]:
    return [str(item.content) for item in app.screen.query(RailItem)]


async def test_full_walkthrough_keeps_every_input_and_summarises(
    ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        # Step 1 and 2: text.
        await type_into(pilot, "#text-vraag", "Neem ik de kaartjes aan")
        await pilot.press("pagedown")
        await type_into(pilot, "#text-feiten", "Het concert is uitverkocht")
        await pilot.press("pagedown")
        # Step 3: stakeholders, two of them.
        await type_into(pilot, "#sh-0-who", "inwoners")
        await type_into(pilot, "#sh-0-rights", "eerlijk bestuur")
        await type_into(pilot, "#sh-0-interests", "vertrouwen")
        await pilot.click("#add-stakeholder")
        await pilot.pause()
        await pilot.press(*"de leverancier")
        await pilot.press("pagedown")
        # Step 4: options pre-filled from the card; edit one and add a middle way.
        assert screen.query_one("#opt-0", TextArea).text == "Je neemt ze aan"
        assert screen.query_one("#opt-1", TextArea).text == "Je weigert beleefd"
        await pilot.click("#add-option")
        await pilot.pause()
        await pilot.press(*"Je meldt het aanbod")
        await pilot.press("pagedown")
        # Step 5: arguments for the third option.
        await type_into(pilot, "#arg-2-for-rules", "de gedragscode vraagt het")
        await type_into(pilot, "#arg-2-against-consequences", "het kost tijd")
        await pilot.press("pagedown")
        # Step 6: the decision.
        radio_buttons = list(screen.query(RadioButton))
        assert [str(b.label) for b in radio_buttons] == [
            "Je neemt ze aan",
            "Je weigert beleefd",
            "Je meldt het aanbod",
        ]
        await pilot.click(radio_buttons[2])
        await type_into(pilot, "#decision-because", "ik wil onafhankelijk blijven")
        await type_into(pilot, "#decision-despite", "de leverancier kan het vervelend vinden")
        await pilot.pause()
        sentence = str(screen.query_one("#decision-sentence", Static).content)
        assert sentence == (
            "Mijn besluit: ik meld het aanbod. Omdat ik onafhankelijk wil blijven. "
            "Ook al kan de leverancier het vervelend vinden."
        )
        await pilot.press("pagedown")
        # Step 7: checklist and harm.
        await pilot.click("#check-0")
        await pilot.click("#check-2")
        await type_into(pilot, "#harm", "Ik bel de leverancier zelf")
        await pilot.pause()

        # Back to the first step and forward again: nothing is lost.
        for _ in range(6):
            await pilot.press("pageup")
        assert screen.state.current == 0
        assert screen.query_one("#text-vraag", TextArea).text == "Neem ik de kaartjes aan"
        assert all(t.startswith("✓") or t.startswith("▶") for t in rail_texts(app))
        await pilot.press("pagedown", "pagedown")
        assert screen.query_one("#sh-1-who", Input).value == "de leverancier"
        await pilot.press("pagedown")
        assert screen.query_one("#opt-2", TextArea).text == "Je meldt het aanbod"
        await pilot.press("pagedown")
        assert screen.query_one("#arg-2-for-rules", TextArea).text == "de gedragscode vraagt het"
        await pilot.press("pagedown")
        assert screen.query_one("#decision-because", TextArea).text == "ik wil onafhankelijk blijven"
        assert list(screen.query(RadioButton))[2].value is True
        await pilot.press("pagedown")
        assert screen.query_one("#check-0", Checkbox).value is True
        assert screen.query_one("#check-1", Checkbox).value is False
        assert screen.query_one("#harm", TextArea).text == "Ik bel de leverancier zelf"

        # Saved as typed.
        assert screen.walkthrough_id is not None
        saved = store.get_walkthrough(screen.walkthrough_id)
        assert saved is not None
        assert saved["justification"]["harm"] == "Ik bel de leverancier zelf"
        assert saved["stakeholders"][1]["who"] == "de leverancier"

        # Past the last step: the summary, decision sentence first.
        await pilot.press("pagedown")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, WalkthroughSummaryScreen)
        markdown = summary.markdown
        first_text = [line for line in markdown.splitlines() if line.startswith("**")][
            0
        ]
        assert first_text.startswith("**Mijn besluit: ik meld het aanbod. Omdat ")
        for text in (
            "Neem ik de kaartjes aan",
            "Het concert is uitverkocht",
            "| inwoners | eerlijk bestuur | vertrouwen |",
            "de leverancier",
            "| Je meldt het aanbod |",
            "| Voor, volgens de regels | de gedragscode vraagt het |",
            "| Tegen, door de gevolgen | het kost tijd |",
            "- ☑ Kun je dit uitleggen aan een inwoner?",
            "- ☐ Kun je dit uitleggen aan je leidinggevende?",
            "- ☑ Kun je dit uitleggen aan de lokale krant?",
            "Ik bel de leverancier zelf",
        ):
            assert text in markdown
        assert summary.query_one(Markdown) is not None

        # Save as a typed path.
        target = tmp_path / "samenvatting.md"
        await pilot.press("ctrl+o")
        await pilot.pause()
        field = app.screen.query_one("#path-input", Input)
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == markdown

        # Klaar closes the walkthrough and returns its id to whoever opened it.
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert app.results == [screen.walkthrough_id]
        assert app.screen.query_one("#below", Static) is not None


async def test_escape_returns_to_the_caller_and_saves(ctx: AppContext, store: Store) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck, session_id=None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_into(pilot, "#text-vraag", "Mag dit")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WalkthroughScreen)
        assert len(app.results) == 1 and app.results[0] is not None
        saved = store.get_walkthrough(app.results[0])
        assert saved is not None and saved["texts"]["vraag"] == "Mag dit"


async def test_personal_data_is_scrubbed_and_the_screen_says_so(
    ctx: AppContext, store: Store
) -> None:
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await type_into(pilot, "#text-vraag", "Mail jan@example.nl")
        await pilot.press("pagedown")
        await pilot.pause()
        screen = screen_of(app)
        assert "jan@example.nl" not in screen.state.texts["vraag"]
        assert "[verwijderd]" in screen.state.texts["vraag"]
        assert any("Er is iets weggehaald" in n.message for n in app._notifications)
        saved = store.get_walkthrough(screen.walkthrough_id or "")
        assert saved is not None and "jan@example.nl" not in str(saved)


class BrokenStore:
    def save_walkthrough(self, *args: Any, **kwargs: Any) -> str:
        raise StoreError("De map met gegevens is niet beschrijfbaar.")

    def open_walkthroughs(self, *args: Any, **kwargs: Any) -> list[Any]:
        raise StoreError("De map met gegevens is niet beschrijfbaar.")

    get_walkthrough = delete_walkthrough = open_walkthroughs


async def test_a_failing_store_warns_once_and_keeps_going(ctx: AppContext) -> None:
    ctx.store = BrokenStore()  # type: ignore[assignment]  # a fake with only the calls this screen makes
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("sleutel"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await type_into(pilot, "#text-vraag", "abc")
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.query_one("#text-vraag", TextArea).text == "abc"
        warnings = [n for n in app._notifications if "niet beschrijfbaar" in n.message]
        assert len(warnings) == 1
        # A scale card has no options to pre-fill.
        assert screen.state.options == []


async def test_own_dilemma_from_the_pick_screen(ctx: AppContext) -> None:
    app = Host(ctx, WalkthroughPickScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, OwnDilemmaDialog)
        await pilot.press(*"Buurman", "enter")
        await pilot.press(*"Mijn buurman vraagt om een vergunning")
        await pilot.click("#own-start")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.dilemma is None
        assert screen.state.title == "Buurman"
        assert "Mijn buurman vraagt" in str(
            screen.query_one("#wt-card").query_one(".card--situation", Static).content
        )
        assert screen.state.options == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughPickScreen)


async def test_pick_a_card_from_the_pick_screen(ctx: AppContext) -> None:
    app = Host(ctx, WalkthroughPickScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#pick-start")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.dilemma is not None and screen.dilemma.id == "concertkaartjes"
        assert len(screen.state.options) == 2


async def test_clicking_the_rail_jumps_to_a_step(ctx: AppContext) -> None:
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        items = list(app.screen.query(RailItem))
        await pilot.click(items[5])
        await pilot.pause()
        assert screen_of(app).state.current == 5
        assert rail_texts(app)[5].startswith("▶ 6")
        assert screen_of(app).query_one("#wt-prev", Button).disabled is False


class FakeRound(Screen[None]):
    """Stands in for a team round: pushes the walkthrough with `d`, keeps its own state."""

    BINDINGS = [("d", "deep_dive", "Stappenplan")]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.votes = {"A": 3, "B": 4}
        self.returned: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Static("ronde", id="round-marker")

    def action_deep_dive(self) -> None:
        deck = make_deck()
        self.app.push_screen(
            WalkthroughScreen(
                dilemma=deck.dilemma("concertkaartjes"), deck=deck, session_id=self.session_id
            ),
            self.returned.append,
        )


async def test_deep_dive_from_a_round_and_back(ctx: AppContext, store: Store) -> None:
    session_id = store.start_session(
        kind="team", team="Publiekszaken", participants=8, deck_id="test-deck", deck_version="1"
    )
    round_screen = FakeRound(session_id)
    app = Host(ctx, lambda: round_screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        screen_of(app)
        await type_into(pilot, "#text-vraag", "Bel 0612345678 over de kaartjes")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is round_screen
        assert round_screen.votes == {"A": 3, "B": 4}
        assert round_screen.query_one("#round-marker", Static).content == "ronde"
        walkthrough_id = round_screen.returned[0]
        assert walkthrough_id is not None
    saved = store.get_walkthrough(walkthrough_id)
    assert saved is not None
    assert "0612345678" not in str(saved) and "[verwijderd]" in saved["texts"]["vraag"]
    with closing(sqlite3.connect(store.path)) as conn:
        row = conn.execute(
            "SELECT session_id FROM walkthroughs WHERE id = ?", (walkthrough_id,)
        ).fetchone()
    assert row == (session_id,)


async def test_export_delivers_the_markdown_and_html(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Exports go through deliver_file (a folder that exists, the path told).
    import game.export

    monkeypatch.setattr(game.export, "export_folder", lambda: tmp_path)
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, WalkthroughSummaryScreen)
        await pilot.press("ctrl+e")
        await pilot.press("ctrl+y")
        await pilot.pause()
        md = (tmp_path / "stappenplan-concertkaartjes.md").read_text(encoding="utf-8")
        assert md == summary.markdown
        assert "Concertkaartjes" in md.splitlines()[0]
        assert "Wat doe je?" in md and "Geschenken boven de 50 euro" in md
        page = (tmp_path / "stappenplan-concertkaartjes.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        told = [n.message for n in app._notifications]
        assert any(str(tmp_path) in m for m in told)
        assert not any("Errno" in m for m in told)
        # Back to the steps, nothing lost; escape then leaves.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)


async def test_the_config_can_point_at_its_own_stappenplan(ctx: AppContext, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "steps:\n"
        "  - {id: vraag, title: Vraag, questions: [Wat speelt er], input: {kind: text, label: V}}\n"
        "  - {id: opties, title: Opties, questions: [Welke], input: {kind: options, label: O}}\n"
        "  - {id: besluit, title: Besluit, questions: [Wat], input: {kind: decision, label: B}}\n",
        encoding="utf-8",
    )
    ctx.config = replace(ctx.config, stappenplan=plan)
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(list(app.screen.query(RailItem))) == 3
        assert "Stap 1 van 3" in str(app.screen.query_one("#wt-step-title", Static).content)


async def test_a_broken_configured_stappenplan_falls_back_and_says_so(
    ctx: AppContext, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("steps: [\n", encoding="utf-8")
    ctx.config = replace(ctx.config, stappenplan=plan)
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(list(app.screen.query(RailItem))) == 7
        assert any("standaardplan" in n.message for n in app._notifications)


async def test_the_app_opens_the_walkthrough_from_the_command_line(ctx: AppContext) -> None:
    from game.app import IntegerSpelApp
    from game.context import StartRequest

    app = IntegerSpelApp(ctx, StartRequest(kind="walkthrough", dilemma="concertkaartjes"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.dilemma is not None and screen.dilemma.id == "concertkaartjes"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MainMenuScreen"

    app = IntegerSpelApp(ctx, StartRequest(kind="walkthrough", dilemma="bestaat-niet"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughPickScreen)


async def test_quitting_right_after_typing_keeps_the_text(ctx: AppContext, store: Store) -> None:
    deck = make_deck()
    screens: list[WalkthroughScreen] = []

    def make() -> WalkthroughScreen:
        screens.append(WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
        return screens[0]

    app = Host(ctx, make)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_into(pilot, "#text-vraag", "Laatste woorden")
        app.exit()
        await pilot.pause()
    saved = store.get_walkthrough(screens[0].walkthrough_id or "")
    assert saved is not None and saved["texts"]["vraag"] == "Laatste woorden"
