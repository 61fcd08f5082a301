"""The stappenplan's start: pick a card or your own dilemma, or find a walkthrough again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from dilemmas.model import Deck
from game.dialogs.walkthrough_own import OwnDilemmaDialog
from game.export import deliver_file
from game.rules.walkthrough import (
    Listed,
    OwnDilemma,
    WalkthroughState,
    describe,
    list_walkthroughs,
    slug,
)
from game.store_link import StoreLink, context_of, load_plan
from game.walkthrough_open import open_walkthrough
from sessions.store import WalkthroughInfo

CSS_FILE = "../styles/walkthrough.tcss"


def team_decks(app: App[Any]) -> dict[str, Deck]:
    """The team decks found by discovery, by id."""
    ctx = context_of(app)
    if ctx is None:
        return {}
    decks = ctx.registry.team_decks()
    if isinstance(decks, Mapping):
        return dict(decks)
    return {deck.id: deck for deck in decks}


class WalkthroughPickScreen(Screen[None]):
    """Choose a card to work through the stappenplan, or describe your own dilemma."""

    TITLE = "Stappenplan"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
Kies een dilemma om met het **zeven-stappenplan** uit te werken.

- Zoek een kaart met het zoekveld, of filter op thema. Kies met Enter.
- Heb je een eigen dilemma? Kies **Eigen dilemma**, geef het een titel en beschrijf het in
  een paar regels.
- Bovenaan staan je stappenplannen, af of nog niet af. Ga verder, sla de samenvatting
  opnieuw op, of gooi er een weg.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+e",
            "own",
            "Eigen dilemma",
            id="pick.own",
            priority=True,
            tooltip="Werk je eigen dilemma uit",
        ),
        Binding(
            "ctrl+s",
            "start",
            "Deze kaart",
            id="pick.start",
            priority=True,
            tooltip="Werk de gekozen kaart uit",
        ),
        Binding("escape", "back", "Terug", id="pick.back", tooltip="Terug naar het menu"),
    ]

    def compose(self) -> ComposeResult:
        from game.widgets.card_browser import CardBrowser

        with Vertical(id="pick-body"):
            yield Static(
                "Kies een kaart, of werk je eigen dilemma uit. "
                "Je loopt het dilemma in zeven stappen door.",
                id="pick-intro",
            )
            with Vertical(id="pick-open"):
                yield Label("Je stappenplannen", id="pick-open-title")
                yield OptionList(id="pick-open-list")
                with Horizontal(id="pick-open-buttons"):
                    yield Button("Openen", id="pick-continue", variant="primary", compact=True)
                    yield Button("Opnieuw opslaan", id="pick-export", compact=True)
                    yield Button("Weggooien", id="pick-delete", compact=True)
            yield CardBrowser(team_decks(self.app), id="pick-browser", show_guidance=False)
            with Horizontal(id="pick-buttons"):
                yield Button(
                    "Deze kaart uitwerken", id="pick-start", variant="primary", compact=True
                )
                yield Button("Eigen dilemma…", id="pick-own", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.link = StoreLink.of(self.app)
        self.open_list: list[Listed] = []
        self.query_one("#pick-open", Vertical).display = False
        self.refresh_open()

    def on_screen_resume(self) -> None:
        self.refresh_open()

    def refresh_open(self) -> None:
        """List the walkthroughs, unfinished first (hidden when there are none)."""
        self._read_open()

    @work(thread=True, group="pick-open", exclusive=True)
    def _read_open(self) -> None:
        found = self.link.read(list_walkthroughs) or []
        shown = [w for w in found if not w.practice]  # a practice run's stay with the run
        shown.sort(key=lambda w: w.done)  # stable: the store's order within each
        self.app.call_from_thread(self._show_open, shown)

    def _show_open(self, found: list[Listed]) -> None:
        self.open_list = found
        listing = self.query_one("#pick-open-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(Text(w.text), id=w.info.id) for w in self.open_list])
        self.query_one("#pick-open", Vertical).display = bool(self.open_list)
        if self.open_list:
            listing.highlighted = 0

    def _chosen_open(self) -> WalkthroughInfo | None:
        listing = self.query_one("#pick-open-list", OptionList)
        index = listing.highlighted
        if index is None or not 0 <= index < len(self.open_list):
            return None
        return self.open_list[index].info

    @on(Button.Pressed, "#pick-export")
    def _export(self) -> None:
        info = self._chosen_open()
        if info is not None:
            self._export_again(info.id)

    @work(thread=True, group="pick-export")
    def _export_again(self, walkthrough_id: str) -> None:
        """Save the summary of a stored walkthrough again, as Markdown and HTML."""
        data = self.link.get_walkthrough(walkthrough_id)
        if data is None:
            return
        state = WalkthroughState.from_dict(load_plan(self.app)[0], data)
        ctx = context_of(self.app)
        organisation = ctx.config.organisation if ctx is not None else ""
        contacts = state.contact_lines(ctx.config if ctx is not None else None)
        name = f"stappenplan-{slug(state.title)}"
        self.app.call_from_thread(
            deliver_file, self.app, f"{name}.md", state.summary_markdown(contacts=contacts),
            "De samenvatting",
        )
        self.app.call_from_thread(
            deliver_file, self.app, f"{name}.html", state.summary_html(organisation, contacts),
            "De samenvatting",
        )

    @on(OptionList.OptionSelected, "#pick-open-list")
    @on(Button.Pressed, "#pick-continue")
    def _continue(self, event: OptionList.OptionSelected | Button.Pressed) -> None:
        event.stop()
        info = self._chosen_open()
        if info is None:
            return
        ctx = context_of(self.app)
        found = ctx.registry.find_dilemma(info.dilemma_id) if ctx and info.dilemma_id else None
        if found is not None:
            deck, dilemma = found
            open_walkthrough(self.app, dilemma=dilemma, deck=deck, walkthrough_id=info.id)
        else:
            open_walkthrough(self.app, walkthrough_id=info.id)

    @on(Button.Pressed, "#pick-delete")
    def _delete(self) -> None:
        info = self._chosen_open()
        if info is None:
            return

        def answered(answer: str | None) -> None:
            if answer == "delete":
                self.link.delete_walkthrough(info.id)
                self.app.notify(f"Weggegooid: {info.title}.", markup=False)
                self._show_open([w for w in self.open_list if w.info.id != info.id])

        from game.dialogs.choice import ChoiceDialog

        self.app.push_screen(
            ChoiceDialog(
                f"Wil je dit stappenplan weggooien? {describe(info)}",
                [("delete", "Weggooien"), ("keep", "Bewaren")],
                "Weggooien kan niet terug.",
            ),
            answered,
        )

    @on(OptionList.OptionSelected, "#card-list")
    @on(Button.Pressed, "#pick-start")
    def action_start(self) -> None:
        from game.widgets.card_browser import CardBrowser

        hit = self.query_one(CardBrowser).shown
        if hit is None:
            self.app.notify("Kies eerst een kaart.", severity="warning")
            return
        open_walkthrough(self.app, dilemma=hit.dilemma, deck=hit.deck)

    @on(Button.Pressed, "#pick-own")
    def action_own(self) -> None:
        def described(own: OwnDilemma | None) -> None:
            if own is not None:
                open_walkthrough(self.app, own_text=own.text, own_title=own.title)

        self.app.push_screen(OwnDilemmaDialog(), described)

    def action_back(self) -> None:
        self.dismiss(None)
