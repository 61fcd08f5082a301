"""The Integer-spel Textual app: theme, global keys, start-up, help and the too-small notice."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme

from game import shutdown
from game.context import AppContext, StartRequest
from game.messages import (
    CardAloneRequested,
    DeepDiveRequested,
    PulseDone,
    RoundsFinished,
    SaveChanged,
    SetupDone,
)

if TYPE_CHECKING:
    from dilemmas.model import Deck
    from game.rules.game import GameSetup
    from game.rules.saving import SaveEvent, SaveStatus
    from game.rules.session import GameSession

# Moving between fields as the key arrives (priority), not once the focused field has worked
# through the keys queued before it: keys typed in one burst (a quick typist, a paste, tmux)
# then land in the field they were meant for, on every screen.
FIELD_KEYS = (
    Binding("tab", "focus_next", "Volgende veld", show=False, priority=True),
    Binding("shift+tab", "focus_previous", "Vorige veld", show=False, priority=True),
)

MIN_WIDTH = 80
MIN_HEIGHT = 24

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and still
# apart on a washed-out projector.
DARK_THEME = Theme(
    name="integer-donker",
    primary="#56B4E9",
    secondary="#009E73",
    accent="#E69F00",
    warning="#F0E442",
    error="#D55E00",
    success="#009E73",
    foreground="#F4F4F4",
    background="#0E1116",
    surface="#171B22",
    panel="#222833",
    dark=True,
)
LIGHT_THEME = Theme(
    name="integer-licht",
    primary="#0072B2",
    secondary="#007A5A",
    accent="#B36B00",
    warning="#8A6D00",
    error="#B34700",
    success="#007A5A",
    foreground="#111111",
    background="#FFFFFF",
    surface="#F3F4F6",
    panel="#E3E6EA",
    dark=False,
)


class IntegerSpelApp(App[None]):
    """The Huizen Integer-spel, the stappenplan, practice, reports and decks."""

    TITLE = "Integer-spel"
    CSS_PATH = Path(__file__).parent / "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Uitleg bij dit scherm"),
        Binding("ctrl+q", "quit", "Stoppen", id="app.quit", priority=True,
                tooltip="Stop de app; alles is al bewaard"),
        Binding("ctrl+p", "command_palette", "Opdrachten", show=False, priority=True,
                tooltip="Zoek een opdracht of een scherm"),
        Binding("f2", "toggle_light", "Licht/donker", id="app.theme", show=False,
                tooltip="Wissel tussen een lichte en een donkere weergave"),
        *FIELD_KEYS,
    ]

    save_status: var[SaveStatus] = var("saved")
    """The saver's state: screens that show it watch this (``self.watch(app, ...)``)."""

    QUIT_WAIT = 5.0
    """Seconds a quitting app gives the writes still queued."""

    def __init__(self, ctx: AppContext, start: StartRequest | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        # The saver's thread tells the app through a message (post_message is thread-safe).
        ctx.save_listener = self._post_save_event
        self.start = start or StartRequest()
        self.register_theme(DARK_THEME)
        self.register_theme(LIGHT_THEME)
        self.theme = DARK_THEME.name
        if ctx.config.keymap:
            # Keys the WIO chose in the config, by binding id (shown in F1 help and footers).
            self.set_keymap(dict(ctx.config.keymap))
        self._too_small_shown = False
        self._started = False
        self._first_paint_done = False
        self._startup_complete = asyncio.Event()
        self._game_begun = False  # a team game was set up in this window

    # -- start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The main menu is the first screen (no empty default screen is composed under it)."""
        from game.screens.menu import MainMenuScreen

        return MainMenuScreen()

    def on_mount(self) -> None:
        shutdown.attach(self)  # SIGTERM and SIGHUP quit as ctrl+q does
        if self.start.kind != "menu":
            self._open_start_target()
        self._started = True
        # A screen that reads well small (ALLOW_SMALL) may give way to one that doesn't.
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_later(self._check_size))
        self._check_size()
        # Decks, store, notices and the resume offer come once the menu is on screen (the
        # menu says when it has painted); the timer is only a safety net.
        self.set_timer(1.0, self.first_screen_painted)

    # How long the first frame gets to reach the terminal before the decks are read and the
    # store is opened: that work holds the interpreter, and the frame would wait for it.
    STARTUP_DELAY = 0.15

    def first_screen_painted(self) -> None:
        """Called once the first screen is drawn: soon find decks and open the store (in a
        thread), then give the notices and the resume offer."""
        if self._first_paint_done:
            return
        self._first_paint_done = True
        self.set_timer(self.STARTUP_DELAY, self._load_services)

    def _load_services(self) -> None:
        self.run_worker(self._load_services_in_thread, thread=True, exclusive=True,
                        group="startup", exit_on_error=False)

    def _load_services_in_thread(self) -> None:
        self.ctx.preload()
        self.call_from_thread(self._after_first_paint)

    @staticmethod
    def _freeze_long_lived() -> None:
        """The one place the garbage collector is touched: once, at start-up.

        The decks (a 1,000-dilemma deck is some 100,000 objects), the modules and the config
        live as long as the app. A full collection walks all of them and took 40-90 ms in the
        middle of a key press on the round screen (`benchmarks/bench_keypress.py`, p95 on the
        project machine: 30-45 ms without this, 24 ms with it; budget 50). Collected once now
        and frozen, they are left out of later passes; refcounting still frees what is
        dropped.
        """
        gc.collect()
        gc.freeze()

    async def wait_until_started(self) -> None:
        """Wait until the decks are found, the store is open and the start-up notices and
        offers are on screen (for tests and scripts)."""
        await self._startup_complete.wait()

    def _after_first_paint(self) -> None:
        self._freeze_long_lived()
        for notice in self.ctx.start_notices(room=self.start.kind in ("play", "practice")):
            self.notify(notice, title="Let op", severity="warning", timeout=12, markup=False)
        if self.ctx.store_corrupt:
            from game.screens.store_problem import offer_new_store

            offer_new_store(self)
        elif self.start.kind in ("menu", "play"):
            self._offer_resume()
        if self.start.kind == "menu" and self.ctx.store is not None:
            from game.screens.walkthrough import offer_open_walkthrough

            offer_open_walkthrough(self)
        self._startup_complete.set()

    def _offer_resume(self) -> None:
        # Only while nothing has started yet: a session begun in the first moments (a quick
        # ctrl+s on a pre-filled setup) is the one being played, not one to resume.
        if self.ctx.store is not None and self.nothing_started():
            self._resume_flow()

    @work(exclusive=True, group="resume")
    async def _resume_flow(self) -> None:
        from game.screens.resume import offer_resume

        session = await offer_resume(self)
        if session is not None:
            self._show_session(session, replace=False)

    def nothing_started(self) -> bool:
        """True on the menu or the team game's setup, before a game was set up here (the
        resume offer is read in a worker: a quick ctrl+s can start a game meanwhile)."""
        from game.screens.menu import MainMenuScreen

        if self._game_begun:
            return False
        if isinstance(self.screen, MainMenuScreen):
            return True
        # Not imported yet means not on screen: the check never loads the setup itself.
        setup = sys.modules.get("game.screens.setup")
        return setup is not None and isinstance(self.screen, setup.SetupScreen)

    def _open_start_target(self) -> None:
        start = self.start
        if start.kind == "play":
            self.action_open_team_game(start.deck, start.team, start.participants)
        elif start.kind == "practice":
            self.action_open_practice()
        elif start.kind == "walkthrough":
            found = (
                self.ctx.registry.find_dilemma(start.dilemma) if start.dilemma else None
            )
            if found is not None:
                from game.screens.walkthrough import WalkthroughScreen

                deck, dilemma = found
                self.push_screen(WalkthroughScreen(dilemma=dilemma, deck=deck))
            else:
                if start.dilemma:
                    self.notify(
                        f"Het dilemma '{start.dilemma}' staat in geen enkel deck. Kies er een.",
                        severity="warning",
                        markup=False,
                    )
                self.action_open_walkthroughs()

    # -- the screens of the menu: one action each, each screen imported on first use -------

    def action_open_team_game(
        self, deck: str | None = None, team: str | None = None, participants: int | None = None
    ) -> None:
        """The team game's setup (the command line may have filled in some of it)."""
        from game.screens.setup import SetupScreen

        self.push_screen(SetupScreen(deck=deck, team=team, participants=participants))

    def action_open_walkthroughs(self) -> None:
        """The stappenplan: pick a card or an open walkthrough."""
        from game.screens.walkthrough_pick import WalkthroughPickScreen

        self.push_screen(WalkthroughPickScreen())

    def action_open_practice(self) -> None:
        """Practice for a new colleague, before the oath."""
        from game.screens.practice import PracticeScreen

        self.push_screen(PracticeScreen())

    def action_open_report(self) -> None:
        """The Rapportage screen: figures, import and export."""
        from game.screens.report import ReportScreen

        self.push_screen(ReportScreen())

    def action_open_decks(self) -> None:
        """The decks and their cards, with their problems."""
        from game.screens.decks import DecksScreen

        self.push_screen(DecksScreen())

    @on(events.DeliveryComplete)
    def _delivery_complete(self, event: events.DeliveryComplete) -> None:
        from game.export import delivery_complete

        delivery_complete(self, event)

    @on(events.DeliveryFailed)
    def _delivery_failed(self, event: events.DeliveryFailed) -> None:
        from game.export import delivery_failed

        delivery_failed(self, event)

    # -- saving ------------------------------------------------------------------------------

    def _post_save_event(self, event: SaveEvent) -> None:
        self.post_message(SaveChanged(event))

    @on(SaveChanged)
    def _save_changed(self, message: SaveChanged) -> None:
        event = message.event
        self.save_status = event.status
        if event.problem:
            self.notify(event.problem, title="Opslaan lukt niet", severity="error", timeout=20,
                        markup=False)

    async def action_quit(self) -> None:
        """Stop the app; when saving fails, first warn and offer to export the session."""
        session = self._session_on_screen()
        saver = self.ctx.made_saver  # only a saver that exists can have anything unsaved
        if saver is not None and saver.unsaved and session is not None:
            self._quit_unsaved(session)
            return
        self.exit()

    def _session_on_screen(self) -> GameSession | None:
        for screen in reversed(self.screen_stack):
            session = getattr(screen, "session", None)
            if session is not None and hasattr(session, "record"):
                return session  # type: ignore[no-any-return]
        return None

    @work(exclusive=True, group="quit")
    async def _quit_unsaved(self, session: GameSession) -> None:
        from game.dialogs.choice import ChoiceDialog

        answer = await self.push_screen_wait(
            ChoiceDialog(
                "Wat je invulde, is niet bewaard.",
                [("export", "Eerst exporteren"), ("quit", "Toch stoppen"), ("back", "Terug")],
                detail="Opslaan lukt nu niet. Stop je, dan ben je dit kwijt. Bewaar de "
                "samenvatting eerst op een andere plek, bijvoorbeeld een USB-stick.",
            )
        )
        if answer == "quit":
            self.exit()
        elif answer == "export":
            from game.screens.summary import save_session_as

            if await save_session_as(self, session):
                self.exit()

    def on_unmount(self) -> None:
        saver = self.ctx.made_saver
        if saver is not None:
            saver.close(self.QUIT_WAIT)  # the last writes, then no more retries
        shutdown.app_exited(self)  # then the store folds and empties its WAL

    # -- the team game's flow: screens post, the app routes ------------------------------

    @on(SetupDone)
    def _setup_done(self, message: SetupDone) -> None:
        self._game_begun = True
        self._start_session(message.deck, message.setup)

    @work(exclusive=True, group="flow")
    async def _start_session(self, deck: Deck, setup: GameSetup) -> None:
        """The end of setup: a first theme to pick (board order), then the pulse or the cards.

        A shuffled order puts the cards this team played before last (read in a thread).
        Escape on the board goes back to the setup and nothing is stored."""
        from game.dialogs.theme_board import END, ThemeBoardScreen
        from game.rules.game import GameState
        from game.rules.session import GameSession, played_by_team
        from game.screens.pulse import pulse_questions

        played: set[str] = set()
        store = self.ctx.store
        if setup.order == "shuffled" and setup.team and store is not None:
            played = await asyncio.to_thread(played_by_team, store, setup.team)
        game = GameState.start(deck, setup, played)
        session = GameSession(game, deck, self.ctx.saver)
        if not game.plan:
            themes = [(t, deck.theme_title(t)) for t in game.session_themes(deck)]
            theme = await self.push_screen_wait(
                ThemeBoardScreen(themes, set(), left=game.themes_left(deck), pick=True)
            )
            if theme is None or theme == END:
                return
            if game.pick_theme(deck, theme) is None:
                self.notify("Bij dit thema zijn geen kaarten.")
                return
        questions = pulse_questions(self)
        # A resume during the pulse at the start goes back to it (GameState.pulse_pending).
        game.pulse_pending = game.setup.pulse == "begin" and bool(questions)
        session.begin()  # a problem is told by the saver
        self._show_session(session, replace=True)

    def _show_session(self, session: GameSession, *, replace: bool) -> None:
        """The pulse at the start when it is pending, else the round where the game is."""
        from game.screens.pulse import PulseScreen, pulse_questions
        from game.screens.round import RoundScreen

        questions = pulse_questions(self) if session.game.pulse_pending else []
        screen: Screen[Any] = (
            PulseScreen(session, questions, at_start=True) if questions else RoundScreen(session)
        )
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @on(PulseDone)
    def _pulse_done(self, message: PulseDone) -> None:
        session = message.session
        if message.at_start:
            from game.screens.round import RoundScreen

            session.game.pulse_pending = False
            session.save_state()
            self.switch_screen(RoundScreen(session))
        else:
            self._to_summary(session)

    @on(RoundsFinished)
    def _rounds_finished(self, message: RoundsFinished) -> None:
        from game.screens.pulse import PulseScreen, pulse_questions

        session = message.session
        questions = pulse_questions(self) if session.game.setup.pulse == "end" else []
        if questions:
            self.switch_screen(PulseScreen(session, questions))
        else:
            self._to_summary(session)

    def _to_summary(self, session: GameSession) -> None:
        from game.screens.summary import SummaryScreen

        session.complete()
        self.switch_screen(SummaryScreen(session))

    @on(DeepDiveRequested)
    def _deep_dive(self, message: DeepDiveRequested) -> None:
        from game.screens.walkthrough import WalkthroughScreen

        if message.own_text is not None:
            screen = WalkthroughScreen(
                own_text=message.own_text,
                session_id=message.session_id,
                walkthrough_id=message.walkthrough_id,
            )
        else:
            screen = WalkthroughScreen(
                dilemma=message.dilemma,
                deck=message.deck,
                session_id=message.session_id,
                walkthrough_id=message.walkthrough_id,
            )
        self.push_screen(screen, message.done)

    @on(CardAloneRequested)
    def _card_alone(self, message: CardAloneRequested) -> None:
        from game.screens.card_alone import CardAloneScreen

        self.push_screen(CardAloneScreen(message.dilemma, message.deck))

    # -- global actions ------------------------------------------------------------------

    def action_help(self) -> None:
        from game.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        """The command palette, asking in Dutch."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(placeholder="Zoek een opdracht…", id="--command-palette")
            )

    def action_toggle_light(self) -> None:
        self.theme = LIGHT_THEME.name if self.theme == DARK_THEME.name else DARK_THEME.name

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand("Teamspel", "Een sessie met je team beginnen",
                            self.action_open_team_game)
        yield SystemCommand("Stappenplan", "Een dilemma uitwerken in zeven stappen",
                            self.action_open_walkthroughs)
        yield SystemCommand("Oefenen", "Dilemma's oefenen voor nieuwe collega's",
                            self.action_open_practice)
        yield SystemCommand("Rapportage", "Anonieme cijfers voor het jaarverslag",
                            self.action_open_report)
        yield SystemCommand("Decks", "De dilemmakaartjes bekijken en controleren",
                            self.action_open_decks)
        yield SystemCommand("Help", "Uitleg bij dit scherm", self.action_help)
        yield SystemCommand("Licht of donker", "Wissel de weergave (beamer in een lichte zaal)",
                            self.action_toggle_light)
        yield SystemCommand("Stoppen", "Stop de app; alles is al bewaard", self.action_quit)

    # -- terminal size ---------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Runs before Textual's own handler stores the new size: use the event's. The first
        # resize comes before on_mount; on_mount checks the size itself, after the menu.
        if not self._started:
            return
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        from game.screens.too_small import TooSmallScreen

        if width is None or height is None:
            width, height = self.size
        below = [s for s in self.screen_stack if not isinstance(s, TooSmallScreen)]
        allow_small = bool(below) and getattr(below[-1], "ALLOW_SMALL", False)
        too_small = (width < MIN_WIDTH or height < MIN_HEIGHT) and not allow_small
        if too_small and not self._too_small_shown:
            self._too_small_shown = True
            self.push_screen(TooSmallScreen())
        elif not too_small and self._too_small_shown:
            self._too_small_shown = False
            if isinstance(self.screen, TooSmallScreen):
                self.pop_screen()
            else:
                for screen in self.screen_stack:
                    if isinstance(screen, TooSmallScreen):
                        screen.dismiss()
        elif too_small and isinstance(self.screen, TooSmallScreen):
            self.screen.refresh_size(width, height)
