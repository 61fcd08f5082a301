"""The zeven-stappenplan walkthrough: pick a card, work through the steps, see the summary."""

from __future__ import annotations

import asyncio
import re
import threading
import uuid
import weakref
from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Label, Markdown, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from dilemmas.model import Deck, Dilemma
from dilemmas.stappenplan import Stappenplan, load_stappenplan_or_default
from game.context import AppContext
from game.export import deliver_file
from game.rules.saving import StoreSaver
from game.rules.walkthrough import WalkthroughState
from game.widgets.card import CardView
from game.widgets.step_rail import StepRail
from game.widgets.walkthrough_panels import StepPanel, panel_for
from sessions.figures import month_label
from sessions.scrub import scrub_text
from sessions.store import Store, StoreError, WalkthroughInfo, current_month

CSS_FILE = "../styles/walkthrough.tcss"
SAVE_DELAY = 0.5
SHORT_HEIGHT = 32
NARROW_WIDTH = 100
CLEAN_MEMO = 200  # texts remembered as already scrubbed
T = TypeVar("T")
READ_WAIT = 3.0  # seconds a read waits for this app's queued writes
QUIT_WAIT = 1.0  # seconds a closing walkthrough waits for its last write


def removed_message(removed: tuple[str, ...]) -> str:
    """The notice shown when personal data was taken out of what the user typed."""
    return (
        f"Er is iets weggehaald: {', '.join(removed)}. "
        "Zulke gegevens bewaren we niet; je ziet nu [verwijderd]."
    )


def context_of(app: App[Any]) -> AppContext | None:
    """The app's context (config, decks, store): the one typed way these screens reach them."""
    ctx = getattr(app, "ctx", None)
    return ctx if isinstance(ctx, AppContext) else None


class StoreLink:
    """The store as the walkthrough and practice screens use it: one per app.

    Writes go to one `StoreSaver` (the team game's writer thread: in order, retried until
    they succeed), so a practice run, its walkthrough and a "wis mijn oefenronde" reach the
    file in the order they were made. Reads are made for a thread (`asyncio.to_thread`),
    never on the event loop. A failing or missing store is told once; the screens go on in
    memory, the way the team game does.
    """

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        ctx = context_of(app)
        self.store: Store | None = ctx.store if ctx is not None else None
        self.saver = StoreSaver(
            self.store,
            store_error=ctx.store_error if ctx is not None else None,
            on_problem=self.tell,
        )
        self._loop = asyncio.get_running_loop()

    @classmethod
    def of(cls, app: App[Any]) -> StoreLink:
        """The app's link (made on first use, on the app's thread; again when the app
        opened another store, e.g. a new one after a damaged file was set aside)."""
        link = _LINKS.get(app)
        ctx = context_of(app)
        if link is None or (ctx is not None and ctx.store is not link.store):
            link = _LINKS[app] = cls(app)
        return link

    def tell(self, text: str) -> None:
        """Show a warning about saving; callable from any thread."""
        if threading.get_ident() == self.app._thread_id:
            self._notify(text)
            return
        with suppress(RuntimeError):  # the app has closed meanwhile
            self._loop.call_soon_threadsafe(self._notify, text)

    def _notify(self, text: str) -> None:
        self.app.notify(
            text, title="Niet bewaard", severity="warning", timeout=12, markup=False
        )

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until the queued writes are done or one failed (tests)."""
        return self.saver.settle(timeout)

    # -- reads: run these in a thread --------------------------------------------------------

    def read(self, call: Callable[[Store], T]) -> T | None:
        """One read; None when there is no store or it fails (told once)."""
        store = self.store
        if store is None:
            return None
        # What this app wrote a moment ago is read back (a walkthrough left with Esc, a
        # run removed); a write that is failing does not hold the read up.
        self.saver.settle(READ_WAIT)
        try:
            return call(store)
        except StoreError as exc:
            # Told once, with the writes: a store that fails to read fails to write too.
            self.saver.report(f"{exc} Wat eerder bewaard is, kan ik nu niet laten zien.")
            return None

    def open_walkthroughs(self, dilemma_id: str | None = None) -> list[WalkthroughInfo]:
        return self.read(lambda s: s.open_walkthroughs(dilemma_id)) or []

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        return self.read(lambda s: s.get_walkthrough(walkthrough_id))

    # -- writes: queued, in order ------------------------------------------------------------

    def write(self, call: Callable[[Store], object], key: str = "") -> None:
        self.saver.put(call, key)

    def delete_walkthrough(self, walkthrough_id: str) -> None:
        self.write(lambda s: s.delete_walkthrough(walkthrough_id))

    def save_walkthrough(
        self,
        walkthrough_id: str,
        session_id: str | None,
        dilemma_id: str | None,
        data: Mapping[str, Any],
    ) -> None:
        """Queue a save (the store scrubs the free text on the writer thread)."""
        self.write(
            lambda s: s.save_walkthrough(
                walkthrough_id, session_id=session_id, dilemma_id=dilemma_id, data=data
            ),
            f"walkthrough-{walkthrough_id}",
        )


_LINKS: weakref.WeakKeyDictionary[App[Any], StoreLink] = weakref.WeakKeyDictionary()


def load_plan(app: App[Any]) -> tuple[Stappenplan, list[str]]:
    """The stappenplan of the config (or the bundled one) and notices about it."""
    ctx = context_of(app)
    configured = ctx.config.stappenplan if ctx is not None else None
    return load_stappenplan_or_default(Path(configured) if configured else None)


def team_decks(app: App[Any]) -> dict[str, Deck]:
    """The team decks found by discovery, by id."""
    ctx = context_of(app)
    if ctx is None:
        return {}
    decks = ctx.registry.team_decks()
    if isinstance(decks, Mapping):
        return dict(decks)
    return {deck.id: deck for deck in decks}


def describe(info: WalkthroughInfo) -> str:
    """ "Concertkaartjes — bij stap 3 van 7 (november 2026)" for lists and offers."""
    when = f" ({month_label(info.month)})" if info.month else ""
    return f"{info.title} — bij stap {info.step} van {info.steps}{when}"


def offer_open_walkthrough(app: App[Any]) -> None:
    """At start-up: tell about an unfinished walkthrough of one's own (after a crash or after
    leaving). A deep dive of a team session or a practice run is continued from there."""
    found = [w for w in StoreLink.of(app).open_walkthroughs() if w.session_id is None]
    if not found:
        return
    more = f" (en nog {len(found) - 1})" if len(found) > 1 else ""
    app.notify(
        f"Je hebt een stappenplan dat nog niet klaar is: {describe(found[0])}{more}. "
        "Kies Stappenplan in het menu om verder te gaan.",
        title="Verder met je stappenplan?",
        timeout=15,
        markup=False,
    )


def changed_stretch(old: str, new: str) -> tuple[int, int]:
    """The lengths of the common beginning and end of two texts (they never overlap).

    Found by halving with slice comparisons, so a 100 KB text costs microseconds.
    """
    limit = min(len(old), len(new))
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    head = low
    low, high = 0, limit - head
    while low < high:
        mid = (low + high + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            low = mid
        else:
            high = mid - 1
    return head, low


def replace_changed(area: TextArea, old: str, new: str) -> None:
    """Turn the area's text `old` into `new` by replacing only the stretch that differs
    (one edit: the cursor stays where it was, and undo works)."""
    head, tail = changed_stretch(old, new)

    def location(offset: int) -> tuple[int, int]:
        return old.count("\n", 0, offset), offset - (old.rfind("\n", 0, offset) + 1)

    area.replace(new[head : len(new) - tail], location(head), location(len(old) - tail))


def empty_steps_text(empty: list[int]) -> str:
    """ "Stap 3 is nog leeg." / "Stap 3, 5 en 7 zijn nog leeg." """
    if len(empty) == 1:
        return f"Stap {empty[0]} is nog leeg."
    numbers = ", ".join(str(n) for n in empty[:-1]) + f" en {empty[-1]}"
    return f"Stap {numbers} zijn nog leeg."


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
        self._plan_notices: list[str] = []
        self.offer_open = walkthrough_id is None
        self._hold_saves = False
        self._loading = False
        self._clean_texts: set[str] = set()
        self.state: WalkthroughState
        self.link: StoreLink

    # -- set-up ---------------------------------------------------------------------------

    def _fresh_state(self, plan: Stappenplan) -> WalkthroughState:
        if self.dilemma is not None:
            state = WalkthroughState.for_dilemma(
                plan, self.dilemma, self.deck.id if self.deck else None
            )
        else:
            state = WalkthroughState.for_own_text(plan, self.own_text)
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
        found = await asyncio.to_thread(self.link.open_walkthroughs, self.dilemma.id)
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
            self.state = WalkthroughState.from_dict(self.state.plan, saved)
            if self.dilemma is None and self.state.dilemma_id is None:
                self.own_text = self.state.situation
                self._refresh_own_card()
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
            card.text = self.state.situation
            card.query_one(".card--situation", Static).update(self.state.situation or "—")

    def on_unmount(self) -> None:
        # Quitting the app (ctrl+q) skips action_back: keep what was typed in the last half second.
        if self._save_timer is not None:
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
        self._paint_rail()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    # -- saving -------------------------------------------------------------------------------

    def _scrub_known(self, text: str) -> tuple[str, tuple[str, ...]]:
        """Scrub a text, skipping texts already known to be clean (a long paste costs once).

        Runs in a thread, never on the event loop.
        """
        if text in self._clean_texts:
            return text, ()
        cleaned, removed = scrub_text(text)
        if len(self._clean_texts) > CLEAN_MEMO:
            self._clean_texts.clear()
        self._clean_texts.add(cleaned)
        return cleaned, removed

    def _scrub_all(self, texts: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        return {text: self._scrub_known(text) for text in texts if text}

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
        if self._hold_saves:
            return
        if self.walkthrough_id is None:
            # The id exists from the first save on, so a crash never orphans what was typed.
            self.walkthrough_id = str(uuid.uuid4())
        self.link.save_walkthrough(
            self.walkthrough_id, self.session_id, self.state.dilemma_id, self.state.to_dict()
        )
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
                self.state.finished = True
                self.save_now(scrub=False)
                self.dismiss(self.walkthrough_id)
            else:
                self.call_after_refresh(self._refresh_after_summary)

        self.app.push_screen(WalkthroughSummaryScreen(self.state), closed)

    async def _refresh_after_summary(self) -> None:
        await self.show_step(self.state.current)

    def action_back(self) -> None:
        """Back to wherever the walkthrough was opened from; everything is saved."""
        self.save_now(scrub=False)
        self.dismiss(self.walkthrough_id)


class WalkthroughSummaryScreen(Screen[bool]):
    """The walkthrough summary, decision sentence first; export as Markdown or HTML."""

    TITLE = "Samenvatting"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
Dit is de samenvatting van je stappenplan. Je besluit staat bovenaan.

- **Opslaan (Markdown)** en **Opslaan (HTML)** zetten de samenvatting in je map Downloads
  (of je thuismap als die er niet is). In een browser krijg je haar als download.
- **Opslaan als…** laat je zelf een plek en naam kiezen.
- **Terug** brengt je bij de stappen, om nog iets aan te passen.
- **Klaar** sluit het stappenplan.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+e",
            "export",
            "Opslaan (Markdown)",
            id="summary.export",
            tooltip="Sla de samenvatting op als Markdown",
        ),
        Binding(
            "ctrl+h",
            "export_html",
            "Opslaan (HTML)",
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

    def __init__(self, state: WalkthroughState) -> None:
        super().__init__()
        self.state = state
        self._warned_empty = False

    @property
    def markdown(self) -> str:
        return self.state.summary_markdown()

    @property
    def filename(self) -> str:
        return f"stappenplan-{slug(self.state.title)}.md"

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-body"):
            # The decision once: here, as typed; the Markdown below holds the rest.
            yield Static(self.state.decision_sentence(), id="summary-sentence", markup=False)
            with VerticalScroll(id="summary-scroll"):
                yield Markdown(self.state.summary_markdown(sentence=False), id="summary-markdown")
            with Horizontal(id="summary-buttons"):
                yield Button("Opslaan (Markdown)", id="summary-export", compact=True)
                yield Button("Opslaan (HTML)", id="summary-export-html", compact=True)
                yield Button("Opslaan als…", id="summary-save-as", compact=True)
                yield Button("Terug", id="summary-back", compact=True)
                yield Button("Klaar", id="summary-done", compact=True, variant="primary")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#summary-done", Button).focus()

    @on(Button.Pressed, "#summary-export")
    def action_export(self) -> None:
        """Deliver the Markdown (Downloads or home in a terminal, a download in a browser)."""
        deliver_file(self.app, self.filename, self.markdown, "De samenvatting")

    @on(Button.Pressed, "#summary-export-html")
    def action_export_html(self) -> None:
        name = self.filename.removesuffix(".md") + ".html"
        deliver_file(self.app, name, self.state.summary_html(), "De samenvatting")

    @on(Button.Pressed, "#summary-save-as")
    def action_save_as(self) -> None:
        """Ask for a path and write the Markdown (or HTML, by the name's ending) there."""
        from game.dialogs.path_dialog import PathDialog

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            html = path.suffix.casefold() in (".html", ".htm")
            data = self.state.summary_html() if html else self.markdown
            deliver_file(self.app, path.name, data, "De samenvatting", folder=path.parent)

        self.app.push_screen(PathDialog("Samenvatting opslaan als", self.filename), chosen)

    @on(Button.Pressed, "#summary-back")
    def action_back(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#summary-done")
    def action_done(self) -> None:
        empty = self.state.empty_steps()
        if empty and not self._warned_empty:
            # Once: say which steps are still empty; a second "Klaar" closes anyway.
            self._warned_empty = True
            self.app.notify(
                f"{empty_steps_text(empty)} "
                "Kies Terug om ze in te vullen, of nog een keer Klaar om te stoppen.",
                title="Nog niet alles ingevuld",
                severity="warning",
                timeout=12,
                markup=False,
            )
            return
        self.dismiss(True)


class ContinueDialog(ModalScreen[str | None]):
    """An unfinished walkthrough of this card: continue it, start again, or throw it away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "new", "Opnieuw beginnen", id="continue.new"),
    ]

    def __init__(self, info: WalkthroughInfo) -> None:
        super().__init__()
        self.info = info

    def compose(self) -> ComposeResult:
        with Vertical(id="continue-box"):
            yield Label("Verder met je stappenplan?", id="continue-title")
            yield Static(
                f"Je was hier al mee bezig: {describe(self.info)}.",
                id="continue-text",
                markup=False,
            )
            with Horizontal(id="continue-buttons"):
                yield Button("Verder waar je was", id="continue-go", variant="primary", compact=True)
                yield Button("Opnieuw beginnen", id="continue-new", compact=True)
                yield Button("Weggooien", id="continue-delete", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#continue-go", Button).focus()

    @on(Button.Pressed, "#continue-go")
    def _go(self) -> None:
        self.dismiss(f"continue:{self.info.id}")

    @on(Button.Pressed, "#continue-new")
    def action_new(self) -> None:
        self.dismiss("new")

    @on(Button.Pressed, "#continue-delete")
    def _delete(self) -> None:
        self.dismiss(f"delete:{self.info.id}")


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
            with Vertical(id="pick-open"):
                yield Label("Nog niet klaar", id="pick-open-title")
                yield OptionList(id="pick-open-list")
                with Horizontal(id="pick-open-buttons"):
                    yield Button("Verder", id="pick-continue", variant="primary", compact=True)
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
        self.open_list: list[WalkthroughInfo] = []
        self.query_one("#pick-open", Vertical).display = False
        self.refresh_open()

    def on_screen_resume(self) -> None:
        self.refresh_open()

    def refresh_open(self) -> None:
        """List the unfinished walkthroughs (hidden when there are none), read in a thread."""
        self.run_worker(self._read_open(), group="pick-open", exclusive=True)

    async def _read_open(self) -> None:
        self._show_open(await asyncio.to_thread(self.link.open_walkthroughs))

    def _show_open(self, found: list[WalkthroughInfo]) -> None:
        self.open_list = found
        listing = self.query_one("#pick-open-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(Text(describe(i)), id=i.id) for i in self.open_list])
        self.query_one("#pick-open", Vertical).display = bool(self.open_list)
        if self.open_list:
            listing.highlighted = 0

    def _chosen_open(self) -> WalkthroughInfo | None:
        listing = self.query_one("#pick-open-list", OptionList)
        index = listing.highlighted
        if index is None or not 0 <= index < len(self.open_list):
            return None
        return self.open_list[index]

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
            self._open(WalkthroughScreen(dilemma=dilemma, deck=deck, walkthrough_id=info.id))
        else:
            self._open(WalkthroughScreen(walkthrough_id=info.id))

    @on(Button.Pressed, "#pick-delete")
    def _delete(self) -> None:
        info = self._chosen_open()
        if info is None:
            return

        def answered(answer: str | None) -> None:
            if answer == "delete":
                self.link.delete_walkthrough(info.id)
                self.app.notify(f"Weggegooid: {info.title}.", markup=False)
                self._show_open([i for i in self.open_list if i.id != info.id])

        from game.dialogs.choice import ChoiceDialog

        self.app.push_screen(
            ChoiceDialog(
                f"Wil je dit stappenplan weggooien? {describe(info)}",
                [("delete", "Weggooien"), ("keep", "Bewaren")],
                "Weggooien kan niet terug.",
            ),
            answered,
        )

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
