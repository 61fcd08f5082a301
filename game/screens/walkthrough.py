"""The zeven-stappenplan walkthrough: pick a card, work through the steps, see the summary."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Label, Markdown, OptionList, Static, TextArea

from dilemmas.model import Deck, Dilemma
from dilemmas.stappenplan import Stappenplan, load_stappenplan_or_default
from game.rules.walkthrough import WalkthroughState
from game.widgets.card import CardView
from game.widgets.step_rail import StepRail
from game.widgets.walkthrough_panels import StepPanel, panel_for
from sessions.scrub import scrub_text
from sessions.store import StoreError

CSS_FILE = "../styles/walkthrough.tcss"
SAVE_DELAY = 0.5
SHORT_HEIGHT = 32


def removed_message(removed: tuple[str, ...]) -> str:
    """The notice shown when personal data was taken out of what the user typed."""
    return (
        f"Er is iets weggehaald: {', '.join(removed)}. "
        "Zulke gegevens bewaren we niet; je ziet nu [verwijderd]."
    )


def load_plan(app: Any) -> tuple[Stappenplan, list[str]]:
    """The stappenplan of the config (or the bundled one) and notices about it."""
    ctx = getattr(app, "ctx", None)
    configured = getattr(getattr(ctx, "config", None), "stappenplan", None)
    return load_stappenplan_or_default(Path(configured) if configured else None)


def team_decks(app: Any) -> dict[str, Deck]:
    """The team decks found by discovery, by id."""
    registry = getattr(getattr(app, "ctx", None), "registry", None)
    if registry is None:
        return {}
    decks = registry.team_decks()
    if isinstance(decks, Mapping):
        return dict(decks)
    return {deck.id: deck for deck in decks}


def slug(text: str) -> str:
    """A safe file-name part."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "dilemma"


class OwnCard(VerticalScroll, can_focus=False):
    """The user's own dilemma, shown where a card would be."""

    def __init__(self, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static("Eigen dilemma", classes="card--title")
        yield Static(self.text or "—", classes="card--situation", markup=False)


class WalkthroughScreen(Screen[str | None]):
    """The steps of the stappenplan on one dilemma; returns the saved walkthrough id (or None)."""

    TITLE = "Stappenplan"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
Met het **zeven-stappenplan** denk je een dilemma rustig door, stap voor stap.

- Links zie je de stappen. ▶ is de stap waar je nu bent; ✓ betekent dat je iets hebt ingevuld.
- Bovenaan staat het dilemma. Dat blijft altijd in beeld.
- Onder de vragen vul je je antwoord in. Je mag een stap leeg laten en later terugkomen.
- Alles wordt meteen bewaard, ook als je terug- of vooruitgaat.
- E-mailadressen, telefoonnummers, rekeningnummers en dergelijke bewaren we niet: die worden
  vervangen door [verwijderd].
- Schrijf geen namen. Schrijf over rollen, zoals "de aanvrager" of "mijn collega".
- Aan het eind zie je een samenvatting, met je besluit bovenaan. Die kun je opslaan.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "pagedown",
            "next_step",
            "Volgende stap",
            priority=True,
            id="walkthrough.next",
            tooltip="Naar de volgende stap (ook ctrl+→)",
        ),
        Binding("ctrl+right", "next_step", "Volgende stap", show=False),
        Binding(
            "pageup",
            "previous_step",
            "Vorige stap",
            priority=True,
            id="walkthrough.previous",
            tooltip="Naar de vorige stap (ook ctrl+←)",
        ),
        Binding("ctrl+left", "previous_step", "Vorige stap", show=False),
        Binding(
            "ctrl+s",
            "summary",
            "Samenvatting",
            priority=True,
            id="walkthrough.summary",
            tooltip="Bekijk de samenvatting en sla haar op",
        ),
        Binding(
            "escape", "back", "Terug", id="walkthrough.back", tooltip="Terug; alles is al bewaard"
        ),
    ]

    def __init__(
        self,
        dilemma: Dilemma | None = None,
        deck: Deck | None = None,
        *,
        session_id: str | None = None,
        own_text: str | None = None,
        walkthrough_id: str | None = None,
        plan: Stappenplan | None = None,
    ) -> None:
        """Args:
        dilemma: the card to work through (None: the user's own dilemma in `own_text`).
        deck: the card's deck, for its theme title.
        session_id: the team session this deep dive belongs to, if any.
        own_text: a few lines describing the user's own dilemma.
        walkthrough_id: continue a saved walkthrough.
        plan: the stappenplan (default: the config's, or the bundled one).
        """
        super().__init__()
        self.dilemma = dilemma
        self.deck = deck
        self.session_id = session_id
        self.own_text = own_text or ""
        self.walkthrough_id = walkthrough_id
        self._plan = plan
        self._save_timer: Timer | None = None
        self._store_warned = False
        self.state: WalkthroughState

    # -- set-up ---------------------------------------------------------------------------

    def _build_state(self) -> WalkthroughState:
        notices: list[str] = []
        plan = self._plan
        if plan is None:
            plan, notices = load_plan(self.app)
        for notice in notices:
            self.app.notify(notice, severity="warning", timeout=10, markup=False)
        if self.walkthrough_id:
            store = self._store()
            saved = None
            try:
                saved = store.get_walkthrough(self.walkthrough_id) if store else None
            except StoreError as exc:
                self._warn_store(str(exc))
            if saved:
                state = WalkthroughState.from_dict(plan, saved)
                if self.dilemma is None and state.dilemma_id is None:
                    self.own_text = state.situation
                return state
        if self.dilemma is not None:
            return WalkthroughState.for_dilemma(
                plan, self.dilemma, self.deck.id if self.deck else None
            )
        return WalkthroughState.for_own_text(plan, self.own_text)

    def compose(self) -> ComposeResult:
        self.state = self._build_state()
        with Horizontal(id="wt-body"):
            yield StepRail([s.title for s in self.state.plan.steps], id="wt-rail")
            with Vertical(id="wt-main"):
                if self.dilemma is not None:
                    yield CardView(self.dilemma, self.deck, id="wt-card", classes="-compact")
                else:
                    yield OwnCard(self.own_text, id="wt-card")
                yield Static(id="wt-step-title")
                with VerticalScroll(id="wt-step"):
                    yield Static(id="wt-questions")
                    yield Vertical(id="wt-slot")
                with Horizontal(id="wt-nav"):
                    yield Button("◀ Vorige", id="wt-prev", compact=True)
                    yield Button("Volgende ▶", id="wt-next", compact=True, variant="primary")
                    yield Button("Samenvatting", id="wt-summary", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        await self.show_step(self.state.current)

    def on_unmount(self) -> None:
        # Quitting the app (ctrl+q) skips action_back: keep what was typed in the last half second.
        if self._save_timer is not None:
            self.save_now()

    def on_resize(self) -> None:
        # A short terminal keeps the card small so the step's questions and inputs fit.
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")

    # -- steps ------------------------------------------------------------------------------

    @property
    def panel(self) -> StepPanel | None:
        panels = self.query(StepPanel)
        return panels.first() if panels else None

    async def show_step(self, index: int) -> None:
        """Clean what was typed, move to a step, rebuild its inputs from the state and save."""
        self._scrub_state()
        state = self.state
        state.go(index)
        step = state.plan.steps[state.current]
        self.query_one("#wt-step-title", Static).update(
            Content.assemble(
                (f"Stap {state.current + 1} van {state.step_count}", "$text-muted"),
                "  ",
                (step.title, "bold"),
            )
        )
        parts: list[Content] = [Content(f"• {q}") for q in step.questions]
        parts += [Content.styled(f"Tip: {h}", "italic $text-muted") for h in step.hints]
        self.query_one("#wt-questions", Static).update(Content("\n").join(parts))
        slot = self.query_one("#wt-slot", Vertical)
        await slot.remove_children()
        panel = panel_for(state, step)
        await slot.mount(panel)
        self.query_one("#wt-prev", Button).disabled = state.current == 0
        last = state.current == state.step_count - 1
        # On the last step the way forward is the summary button.
        self.query_one("#wt-next", Button).display = not last
        self._paint_rail()
        first = panel.first_input()
        scroller = self.query_one("#wt-step", VerticalScroll)
        scroller.scroll_home(animate=False)
        if first is not None:
            first.focus(scroll_visible=False)
            # Show the questions first, and scroll only as far as needed to see the input.
            self.call_after_refresh(scroller.scroll_to_widget, first, animate=False)
        self.save_now()

    def _paint_rail(self) -> None:
        done = {i for i in range(self.state.step_count) if self.state.is_done(i)}
        self.query_one(StepRail).show(self.state.current, done)

    async def action_next_step(self) -> None:
        """Next step; after the last one, the summary."""
        if self.state.current >= self.state.step_count - 1:
            self.action_summary()
        else:
            await self.show_step(self.state.current + 1)

    async def action_previous_step(self) -> None:
        if self.state.current > 0:
            await self.show_step(self.state.current - 1)

    @on(StepRail.Selected)
    async def _rail_selected(self, event: StepRail.Selected) -> None:
        await self.show_step(event.index)

    @on(Button.Pressed, "#wt-next")
    async def _next_pressed(self) -> None:
        await self.action_next_step()

    @on(Button.Pressed, "#wt-prev")
    async def _prev_pressed(self) -> None:
        await self.action_previous_step()

    @on(Button.Pressed, "#wt-summary")
    def _summary_pressed(self) -> None:
        self.action_summary()

    @on(StepPanel.Edited)
    def _edited(self) -> None:
        self._paint_rail()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    # -- saving -------------------------------------------------------------------------------

    def _store(self) -> Any:
        return getattr(getattr(self.app, "ctx", None), "store", None)

    def _warn_store(self, reason: str) -> None:
        if not self._store_warned:
            self._store_warned = True
            self.app.notify(
                f"{reason} Je antwoorden blijven staan zolang dit scherm open is; "
                "sla de samenvatting op om ze te bewaren.",
                title="Niet bewaard",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def _scrub_state(self) -> None:
        removed = self.state.scrub(scrub_text)
        if removed:
            self.app.notify(removed_message(removed), severity="warning", timeout=10)

    def save_now(self) -> None:
        """Save the walkthrough as it is now (the store scrubs the free text as well)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        store = self._store()
        if store is None:
            reason = getattr(getattr(self.app, "ctx", None), "store_error", None)
            self._warn_store(reason or "De opslag is niet beschikbaar.")
            return
        data = self.state.to_dict()
        copy = WalkthroughState.from_dict(self.state.plan, data)
        copy.scrub(scrub_text)
        data = copy.to_dict()
        try:
            self.walkthrough_id = store.save_walkthrough(
                self.walkthrough_id,
                session_id=self.session_id,
                dilemma_id=self.state.dilemma_id,
                data=data,
            )
        except StoreError as exc:
            self._warn_store(str(exc))

    # -- leaving --------------------------------------------------------------------------------

    def action_summary(self) -> None:
        """Show the summary, decision first; 'Klaar' there closes the walkthrough."""
        self._scrub_state()
        self.save_now()
        self._paint_rail()

        def closed(done: bool | None) -> None:
            if done:
                self.dismiss(self.walkthrough_id)
            else:
                self.call_after_refresh(self._refresh_after_summary)

        self.app.push_screen(WalkthroughSummaryScreen(self.state), closed)

    async def _refresh_after_summary(self) -> None:
        await self.show_step(self.state.current)

    def action_back(self) -> None:
        """Back to wherever the walkthrough was opened from; everything is saved."""
        self._scrub_state()
        self.save_now()
        self.dismiss(self.walkthrough_id)


class WalkthroughSummaryScreen(Screen[bool]):
    """The walkthrough summary, decision sentence first; export as Markdown."""

    TITLE = "Samenvatting"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
Dit is de samenvatting van je stappenplan. Je besluit staat bovenaan.

- **Opslaan in Downloads** zet de samenvatting als Markdown-bestand in je map Downloads.
- **Opslaan als…** laat je zelf een plek en naam kiezen.
- **Terug** brengt je bij de stappen, om nog iets aan te passen.
- **Klaar** sluit het stappenplan.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+e",
            "export",
            "Opslaan in Downloads",
            id="summary.export",
            tooltip="Sla de samenvatting op als Markdown in je map Downloads",
        ),
        Binding(
            "ctrl+o",
            "save_as",
            "Opslaan als…",
            id="summary.save_as",
            tooltip="Kies zelf waar je de samenvatting opslaat",
        ),
        Binding("escape", "back", "Terug", id="summary.back", tooltip="Terug naar de stappen"),
        Binding("ctrl+d", "done", "Klaar", id="summary.done", tooltip="Sluit het stappenplan"),
    ]

    def __init__(self, state: WalkthroughState) -> None:
        super().__init__()
        self.state = state

    @property
    def markdown(self) -> str:
        return self.state.summary_markdown()

    @property
    def filename(self) -> str:
        return f"stappenplan-{slug(self.state.title)}.md"

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-body"):
            yield Static(self.state.decision_sentence(), id="summary-sentence", markup=False)
            with VerticalScroll(id="summary-scroll"):
                yield Markdown(self.markdown, id="summary-markdown")
            with Horizontal(id="summary-buttons"):
                yield Button("Opslaan in Downloads", id="summary-export", compact=True)
                yield Button("Opslaan als…", id="summary-save-as", compact=True)
                yield Button("Terug", id="summary-back", compact=True)
                yield Button("Klaar", id="summary-done", compact=True, variant="primary")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#summary-done", Button).focus()

    @on(Button.Pressed, "#summary-export")
    def action_export(self) -> None:
        """Deliver the Markdown (the Downloads folder in a terminal, a download in a browser)."""
        try:
            self.app.deliver_text(io.StringIO(self.markdown), save_filename=self.filename)
        except OSError as exc:
            self.app.notify(
                f"Opslaan lukte niet ({exc.strerror or exc}).", severity="error", markup=False
            )
            return
        self.app.notify(
            f"De samenvatting wordt opgeslagen als {self.filename} in je map Downloads.",
            markup=False,
        )

    @on(Button.Pressed, "#summary-save-as")
    def action_save_as(self) -> None:
        """Ask for a path and write the Markdown there."""
        from game.dialogs.path_dialog import PathDialog, save_text

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            problem = save_text(path, self.markdown)
            if problem:
                self.app.notify(problem, severity="error", markup=False)
            else:
                self.app.notify(f"Opgeslagen: {path}", markup=False)

        self.app.push_screen(PathDialog("Samenvatting opslaan als", self.filename), chosen)

    @on(Button.Pressed, "#summary-back")
    def action_back(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#summary-done")
    def action_done(self) -> None:
        self.dismiss(True)


class OwnDilemmaDialog(ModalScreen[str | None]):
    """A few lines describing your own dilemma."""

    HELP: ClassVar[str] = """\
**Je eigen dilemma.** Beschrijf in een paar regels waar je voor staat. Gebruik rollen,
zoals "de aanvrager", geen namen. `ctrl+s` begint het stappenplan; `Escape` annuleert.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="own.cancel"),
        Binding(
            "ctrl+s",
            "start",
            "Beginnen",
            id="own.start",
            priority=True,
            tooltip="Begin het stappenplan met dit dilemma",
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="own-box"):
            yield Label("Eigen dilemma", id="own-title")
            yield Static(
                "Beschrijf in een paar regels waar je voor staat. Gebruik rollen, geen namen.",
                id="own-hint",
            )
            yield TextArea(
                id="own-text", soft_wrap=True, show_line_numbers=False, tab_behavior="focus"
            )
            with Horizontal(id="own-buttons"):
                yield Button("Beginnen", id="own-start", variant="primary", compact=True)
                yield Button("Annuleren", id="own-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#own-text", TextArea).focus()

    @on(Button.Pressed, "#own-start")
    def action_start(self) -> None:
        text = self.query_one("#own-text", TextArea).text.strip()
        if not text:
            self.query_one("#own-hint", Static).update(
                Content.styled("Schrijf eerst een paar woorden over je dilemma.", "bold $error")
            )
            return
        self.dismiss(text)

    @on(Button.Pressed, "#own-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class WalkthroughPickScreen(Screen[None]):
    """Choose a card to work through the stappenplan, or describe your own dilemma."""

    TITLE = "Stappenplan"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
Kies een dilemma om met het **zeven-stappenplan** uit te werken.

- Zoek een kaart met het zoekveld, of filter op thema. Kies met Enter.
- Heb je een eigen dilemma? Kies **Eigen dilemma** en beschrijf het in een paar regels.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+n",
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
        from game.screens.card_browser import CardBrowser

        with Vertical(id="pick-body"):
            yield Static(
                "Kies een kaart, of werk je eigen dilemma uit. "
                "Je loopt het dilemma in zeven stappen door.",
                id="pick-intro",
            )
            yield CardBrowser(team_decks(self.app), id="pick-browser")
            with Horizontal(id="pick-buttons"):
                yield Button(
                    "Deze kaart uitwerken", id="pick-start", variant="primary", compact=True
                )
                yield Button("Eigen dilemma…", id="pick-own", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def _open(self, screen: WalkthroughScreen) -> None:
        self.app.push_screen(screen)

    @on(OptionList.OptionSelected, "#card-list")
    @on(Button.Pressed, "#pick-start")
    def action_start(self) -> None:
        from game.screens.card_browser import CardBrowser

        hit = self.query_one(CardBrowser).shown
        if hit is None:
            self.app.notify("Kies eerst een kaart.", severity="warning")
            return
        self._open(WalkthroughScreen(dilemma=hit.dilemma, deck=hit.deck))

    @on(Button.Pressed, "#pick-own")
    def action_own(self) -> None:
        def described(text: str | None) -> None:
            if text:
                self._open(WalkthroughScreen(own_text=text))

        self.app.push_screen(OwnDilemmaDialog(), described)

    def action_back(self) -> None:
        self.dismiss(None)
