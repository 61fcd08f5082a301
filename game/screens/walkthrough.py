"""The stappenplan on one dilemma: the steps, then the summary with the decision first."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Markdown, Static, TextArea

from dilemmas.model import Deck, Dilemma
from dilemmas.stappenplan import Stappenplan
from game.dialogs.walkthrough_continue import ContinueDialog
from game.export import deliver_file
from game.rules.text import removed_message
from game.rules.walkthrough import (
    WalkthroughState,
    describe,
    empty_steps_text,
    list_walkthroughs,
    slug,
)
from game.store_link import StoreLink, context_of, load_plan
from game.widgets.card import CardView
from game.widgets.own_card import OwnCard
from game.widgets.step_rail import StepRail
from game.widgets.walkthrough_panels import StepPanel, panel_for, replace_changed
from sessions.scrub import scrub_text
from sessions.store import Store, WalkthroughInfo, current_month

CSS_FILE = "../styles/walkthrough.tcss"
SAVE_DELAY = 0.5
SHORT_HEIGHT = 32
NARROW_WIDTH = 100
QUIT_WAIT = 1.0  # seconds a closing walkthrough waits for its last write


def offer_open_walkthrough(app: App[Any]) -> None:
    """At start-up: a walkthrough of one's own that was open when the app stopped without
    closing it (a crash, kill -9) is offered in a dialog; one left unfinished is told about.
    A deep dive of a team session or a practice run is continued from there."""
    link = StoreLink.of(app)
    found = [
        w
        for w in link.read(list_walkthroughs) or []
        if w.info.session_id is None and not w.done and not w.practice
    ]
    crashed = [w for w in found if w.crashed]
    if crashed:
        _offer_after_crash(app, crashed[0].info)
        return
    if not found:
        return
    more = f" (en nog {len(found) - 1})" if len(found) > 1 else ""
    app.notify(
        f"Je hebt een stappenplan dat nog niet klaar is: {found[0].text}{more}. "
        "Kies Stappenplan in het menu om verder te gaan.",
        title="Verder met je stappenplan?",
        timeout=15,
        markup=False,
    )


def _offer_after_crash(app: App[Any], info: WalkthroughInfo) -> None:
    from game.dialogs.choice import ChoiceDialog

    def answered(answer: str | None) -> None:
        link = StoreLink.of(app)
        if answer == "continue":
            ctx = context_of(app)
            found = ctx.registry.find_dilemma(info.dilemma_id) if ctx and info.dilemma_id else None
            deck, dilemma = found if found is not None else (None, None)
            app.push_screen(WalkthroughScreen(dilemma=dilemma, deck=deck, walkthrough_id=info.id))
        elif answer == "delete":
            link.delete_walkthrough(info.id)
        else:  # later: no longer offered as a crash, still listed under Stappenplan
            link.write(lambda s: _mark_closed(s, info.id))

    app.push_screen(
        ChoiceDialog(
            f"Het programma is gestopt terwijl je stappenplan open stond: {describe(info)}. "
            "Wat je typte is bewaard. Wil je verdergaan?",
            [("continue", "Verder waar je was"), ("later", "Later"), ("delete", "Weggooien")],
        ),
        answered,
    )


def _mark_closed(store: Store, walkthrough_id: str) -> None:
    data = store.get_walkthrough(walkthrough_id)
    if data is not None:
        data["open"] = False
        store.save_walkthrough(
            walkthrough_id, session_id=None, dilemma_id=data.get("dilemma"), data=data
        )


class WalkthroughScreen(Screen[str | None]):
    """The steps of the stappenplan on one dilemma; returns the saved walkthrough id (or None)."""

    TITLE = "Stappenplan"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
Met het **zeven-stappenplan** denk je een dilemma rustig door, stap voor stap.

- Links zie je de stappen. ▶ is de stap waar je nu bent; ✓ betekent dat je iets hebt ingevuld.
- Bovenaan staat het dilemma. Dat blijft altijd in beeld.
- Onder de vragen vul je je antwoord in. Je mag een stap leeg laten en later terugkomen.
- Wat je typt wordt na een halve seconde bewaard, ook als je terug- of vooruitgaat. Een
  stappenplan dat nog niet klaar is, vind je terug bij **Stappenplan** in het menu.
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
        own_title: str = "",
        walkthrough_id: str | None = None,
        plan: Stappenplan | None = None,
        practice: bool = False,
    ) -> None:
        """Args:
        dilemma: the card to work through (None: the user's own dilemma in `own_text`).
        deck: the card's deck, for its theme title.
        session_id: the team session this deep dive belongs to, if any.
        own_text: a few lines describing the user's own dilemma.
        own_title: its title (the first words of the text when empty).
        walkthrough_id: continue a saved walkthrough.
        plan: the stappenplan (default: the config's, or the bundled one).
        practice: part of a practice run (never listed; removed with the run).
        """
        super().__init__()
        self.dilemma = dilemma
        self.deck = deck
        self.session_id = session_id
        self.own_text = own_text or ""
        self.own_title = own_title
        self.walkthrough_id = walkthrough_id
        self._plan = plan
        self._save_timer: Timer | None = None
        self._plan_notices: list[str] = []
        self.offer_open = walkthrough_id is None
        self._hold_saves = False
        self._loading = False
        self.practice = practice
        # Nothing is stored until something is typed (opening a card adds nothing to the
        # list); a walkthrough once stored is saved on every move.
        self._typed = bool(own_text)  # an own dilemma's description was typed already
        self._stored = False
        self._on_screen = True  # saved as "open": still true after a crash
        self.state: WalkthroughState
        self.link: StoreLink

    # -- set-up ---------------------------------------------------------------------------

    def _fresh_state(self, plan: Stappenplan) -> WalkthroughState:
        if self.dilemma is not None:
            state = WalkthroughState.for_dilemma(
                plan, self.dilemma, self.deck.id if self.deck else None
            )
        else:
            state = WalkthroughState.for_own_text(plan, self.own_text, self.own_title)
        state.month = current_month()
        return state

    def compose(self) -> ComposeResult:
        plan = self._plan
        if plan is None:
            plan, self._plan_notices = load_plan(self.app)
        self.state = self._fresh_state(plan)
        with Horizontal(id="wt-body"):
            yield StepRail([s.title for s in self.state.plan.steps], id="wt-rail")
            with Vertical(id="wt-main"):
                if self.dilemma is not None:
                    yield CardView(self.dilemma, self.deck, id="wt-card", classes="-compact")
                else:
                    yield OwnCard(self.state.situation, self.state.title, id="wt-card")
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
        self.link = StoreLink.of(self.app)
        for notice in self._plan_notices:
            self.app.notify(notice, severity="warning", timeout=10, markup=False)
        if self.walkthrough_id or (self.dilemma is not None and self.offer_open):
            # Nothing is saved or typed until it is known what was saved before: a fresh
            # copy would be a second walkthrough. The store is read in a thread.
            self._loading = self._hold_saves = True
            self.query_one("#wt-step-title", Static).update("Even kijken wat je al had ingevuld…")
            self.run_worker(self._look_up(), group="walkthrough-load", exclusive=True)
            return
        await self.show_step(self.state.current)

    async def _look_up(self) -> None:
        """Load the walkthrough asked for, or offer an unfinished one of this card."""
        wid = self.walkthrough_id
        if wid:
            await self._load_saved(wid)
            return
        assert self.dilemma is not None
        dilemma_id = self.dilemma.id
        listed = await asyncio.to_thread(
            lambda: self.link.read(lambda s: list_walkthroughs(s, dilemma_id)) or []
        )
        found = [w.info for w in listed if not w.done and not w.practice]
        self._loading = False
        await self.show_step(self.state.current)
        if found:
            # Picking the same card again: offer what was typed before (after Esc or a crash).
            self.app.push_screen(ContinueDialog(found[0]), self._continue_chosen)
        else:
            self._hold_saves = False
            self.save_now()

    async def _load_saved(self, walkthrough_id: str) -> None:
        self._loading = self._hold_saves = True
        saved = await asyncio.to_thread(self.link.get_walkthrough, walkthrough_id)
        self.walkthrough_id = walkthrough_id
        # Without saved data this is a new walkthrough whose id was given beforehand
        # (practice): keep the id.
        if saved:
            self._stored = True
            self.state = WalkthroughState.from_dict(self.state.plan, saved)
            if self.dilemma is None and self.state.dilemma_id is None:
                self.own_text = self.state.situation
                self._refresh_own_card()
            elif self.dilemma is not None and self.state.dilemma_id == self.dilemma.id:
                self.state.adopt_card(self.dilemma)
        self._loading = self._hold_saves = False
        await self.show_step(self.state.current)

    async def _continue_chosen(self, choice: str | None) -> None:
        info_id = choice or ""
        if info_id.startswith("continue:"):
            await self._load_saved(info_id.removeprefix("continue:"))
            return
        if info_id.startswith("delete:"):
            self.link.delete_walkthrough(info_id.removeprefix("delete:"))
        self._hold_saves = False
        self.save_now()

    def _refresh_own_card(self) -> None:
        for card in self.query(OwnCard):
            card.show(self.state.situation, self.state.title)

    def on_unmount(self) -> None:
        # Quitting the app (ctrl+q) skips action_back: keep what was typed in the last half
        # second, and that it was closed properly (no crash offer next time).
        if self._on_screen and (self._stored or self._save_timer is not None):
            self._on_screen = False
            self.save_now(scrub=False)
            # The app is closing: give the write its moment (the atexit hook of the writer
            # waits too, but only after the event loop is gone).
            self.link.settle(QUIT_WAIT)

    def on_resize(self) -> None:
        # A short terminal keeps the card small so the step's questions and inputs fit; a
        # narrow one shows the rail as numbers so the fields keep their width.
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")
        self.query_one(StepRail).set_narrow(self.size.width < NARROW_WIDTH)

    # -- steps ------------------------------------------------------------------------------

    @property
    def panel(self) -> StepPanel | None:
        panels = self.query(StepPanel)
        return panels.first() if panels else None

    async def show_step(self, index: int) -> None:
        """Move to a step, rebuild its inputs from the state and save (scrubbed off the loop)."""
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
        # A tip about the card's options means nothing for an own dilemma or without options.
        hints = [
            h for h in step.hints
            if "de kaart" not in h or (self.dilemma is not None and state.options)
        ]
        parts += [Content.styled(f"Tip: {h}", "italic $text-muted") for h in hints]
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
            # At once, not after the next refresh: letters typed right after PgDn (a fast
            # typist, tmux) come after this and belong in the new field.
            self.set_focus(first, scroll_visible=False)
            # Show the questions first, and scroll only as far as needed to see the input.
            self.call_after_refresh(scroller.scroll_to_widget, first, animate=False)
        self.save_now()

    def _paint_rail(self) -> None:
        done = {i for i in range(self.state.step_count) if self.state.is_done(i)}
        self.query_one(StepRail).show(self.state.current, done)

    async def action_next_step(self) -> None:
        """Next step; after the last one, the summary."""
        if self._loading:
            return
        if self.state.current >= self.state.step_count - 1:
            self.action_summary()
        else:
            await self.show_step(self.state.current + 1)

    async def action_previous_step(self) -> None:
        if self.state.current > 0 and not self._loading:
            await self.show_step(self.state.current - 1)

    @on(StepRail.Selected)
    async def _rail_selected(self, event: StepRail.Selected) -> None:
        if not self._loading:
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
        self._typed = True
        self._paint_rail()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    # -- saving -------------------------------------------------------------------------------

    @staticmethod
    def _scrub_all(texts: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Scrub the texts (in a thread; `scrub` keeps its own cache, so a long paste that
        stays the same costs once)."""
        return {text: scrub_text(text) for text in texts if text}

    async def _scrub(self) -> tuple[str, ...]:
        """Scrub what was typed in a thread, then show [verwijderd] where it was taken out.

        A field typed in again meanwhile keeps its newer text (the next save scrubs it).
        """
        texts: list[str] = []

        def collect(text: str) -> tuple[str, tuple[str, ...]]:
            texts.append(text)
            return text, ()

        self.state.scrub(collect)
        cleaned = await asyncio.to_thread(self._scrub_all, texts)
        removed = self.state.scrub(lambda text: cleaned.get(text, (text, ())))
        if removed:
            # What was removed now reads [verwijderd], so the same text is not told twice.
            self.app.notify(removed_message(removed), severity="warning", timeout=10, markup=False)
            self._refresh_own_card()
            self._show_scrubbed(cleaned)
        return removed

    def _show_scrubbed(self, cleaned: Mapping[str, tuple[str, tuple[str, ...]]]) -> None:
        """Put [verwijderd] into the fields on screen that still hold a text just scrubbed.

        Only the changed stretch is replaced (a 100 KB field is not loaded again), so the
        cursor stays where the person was typing.
        """
        for area in self.query("#wt-slot TextArea").results(TextArea):
            text = area.text
            hit = cleaned.get(text)
            if hit is not None and hit[0] != text:
                replace_changed(area, text, hit[0])
        for field in self.query("#wt-slot Input").results(Input):
            hit = cleaned.get(field.value)
            if hit is not None and hit[0] != field.value:
                field.value = hit[0]

    def save_now(self, *, scrub: bool = True) -> None:
        """Queue a save of the walkthrough as it is now (the store scrubs it on its thread).

        Args:
            scrub: also scrub in a thread here, to show the person what was taken out.
        """
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self._hold_saves or not (self._typed or self._stored):
            return
        if self.walkthrough_id is None:
            # The id exists from the first save on, so a crash never orphans what was typed.
            self.walkthrough_id = str(uuid.uuid4())
        data = {**self.state.to_dict(), "open": self._on_screen, "practice": self.practice}
        self.link.save_walkthrough(self.walkthrough_id, self.session_id, self.state.dilemma_id, data)
        self._stored = True
        if scrub and self.is_attached:
            self.run_worker(self._scrub(), group="walkthrough-scrub", exclusive=True)

    # -- leaving --------------------------------------------------------------------------------

    def action_summary(self) -> None:
        """Show the summary, decision first; 'Klaar' there closes the walkthrough."""
        if self._loading:
            return
        self.run_worker(self._open_summary(), group="walkthrough-scrub", exclusive=True)

    async def _open_summary(self) -> None:
        self.save_now(scrub=False)
        # The summary can be exported: it shows the text as the store keeps it.
        if await self._scrub():
            self.save_now(scrub=False)
        self._paint_rail()

        def closed(done: bool | None) -> None:
            if done:
                self.state.done = True
                self._on_screen = False
                self.save_now(scrub=False)
                self.dismiss(self.walkthrough_id)
            else:
                self.call_after_refresh(self._refresh_after_summary)

        self.app.push_screen(WalkthroughSummaryScreen(self.state, self.session_id), closed)

    async def _refresh_after_summary(self) -> None:
        await self.show_step(self.state.current)

    def action_back(self) -> None:
        """Back to wherever the walkthrough was opened from; everything is saved."""
        self._on_screen = False
        self.save_now(scrub=False)
        self.dismiss(self.walkthrough_id)


class WalkthroughSummaryScreen(Screen[bool]):
    """The walkthrough summary, decision sentence first; export as Markdown or HTML."""

    TITLE = "Samenvatting"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
Dit is de samenvatting van je stappenplan. Je besluit staat bovenaan.

- **Opslaan (MD)** (Markdown) en **Opslaan (HTML)** zetten de samenvatting in je map Downloads
  (of je thuismap als die er niet is). In een browser krijg je haar als download.
- **Opslaan als…** laat je zelf een plek en naam kiezen.
- **Terug** brengt je bij de stappen, om nog iets aan te passen.
- **Klaar** sluit het stappenplan.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+e",
            "export",
            "Markdown",
            id="summary.export",
            tooltip="Sla de samenvatting op als Markdown",
        ),
        Binding(
            "ctrl+y",
            "export_html",
            "HTML",
            id="summary.export_html",
            tooltip="Sla de samenvatting op als HTML-pagina",
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

    def __init__(self, state: WalkthroughState, session_id: str | None = None) -> None:
        super().__init__()
        self.state = state
        self.session_id = session_id
        self._warned_empty = False

    @property
    def contacts(self) -> tuple[str, ...]:
        """The card's contacts, as the round screen shows them under the guidance."""
        ctx = context_of(self.app)
        return self.state.contact_lines(ctx.config if ctx is not None else None)

    @property
    def markdown(self) -> str:
        return self.state.summary_markdown(contacts=self.contacts)

    def _note(self, path: Path | None) -> None:
        """A practice run's exports are listed when the run is wiped."""
        StoreLink.of(self.app).note_export(self.session_id, path)

    @property
    def html(self) -> str:
        ctx = context_of(self.app)
        return self.state.summary_html(
            ctx.config.organisation if ctx is not None else "", self.contacts
        )

    @property
    def filename(self) -> str:
        return f"stappenplan-{slug(self.state.title)}.md"

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-body"):
            # The decision once: here, as typed; the Markdown below holds the rest.
            yield Static(self.state.decision_sentence(), id="summary-sentence", markup=False)
            with VerticalScroll(id="summary-scroll"):
                yield Markdown(
                    self.state.summary_markdown(sentence=False, contacts=self.contacts),
                    id="summary-markdown",
                )
            with Horizontal(id="summary-buttons"):
                # Klaar first: at 80 columns the row must not push it off the screen.
                yield Button("Klaar", id="summary-done", compact=True, variant="primary")
                yield Button("Terug", id="summary-back", compact=True)
                yield Button("Opslaan (MD)", id="summary-export", compact=True)
                yield Button("Opslaan (HTML)", id="summary-export-html", compact=True)
                yield Button("Opslaan als…", id="summary-save-as", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#summary-done", Button).focus()

    @on(Button.Pressed, "#summary-export")
    def action_export(self) -> None:
        """Deliver the Markdown (Downloads or home in a terminal, a download in a browser)."""
        self._note(deliver_file(self.app, self.filename, self.markdown, "De samenvatting"))

    @on(Button.Pressed, "#summary-export-html")
    def action_export_html(self) -> None:
        name = self.filename.removesuffix(".md") + ".html"
        self._note(deliver_file(self.app, name, self.html, "De samenvatting"))

    @on(Button.Pressed, "#summary-save-as")
    def action_save_as(self) -> None:
        """Ask for a path and write the Markdown (or HTML, by the name's ending) there."""
        from game.dialogs.path_dialog import PathDialog

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            html = path.suffix.casefold() in (".html", ".htm")
            data = self.html if html else self.markdown
            self._note(
                deliver_file(self.app, path.name, data, "De samenvatting", folder=path.parent)
            )

        self.app.push_screen(PathDialog("Samenvatting opslaan als", self.filename), chosen)

    @on(Button.Pressed, "#summary-back")
    def action_back(self) -> None:
        self.app.clear_notifications()  # "Druk nog een keer op Klaar" no longer applies
        self.dismiss(False)

    @on(Button.Pressed, "#summary-done")
    def action_done(self) -> None:
        empty = self.state.empty_steps()
        if empty and not self._warned_empty:
            # Once: say which steps are still empty; a second "Klaar" closes anyway.
            self._warned_empty = True
            self.app.notify(
                f"{empty_steps_text(empty)} "
                "Druk nog een keer op Klaar om toch te stoppen.",
                title="Nog niet alles ingevuld",
                severity="warning",
                timeout=12,
                markup=False,
            )
            return
        self.app.clear_notifications()
        self.dismiss(True)
