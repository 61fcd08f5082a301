"""RoundScreen: one card on the beamer, with votes, reveal, timer, code, variations and notes."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Static

from dilemmas.config import Contact
from dilemmas.model import Dilemma
from game.dialogs.choice import ChoiceDialog
from game.dialogs.hands import HandCountDialog
from game.dialogs.note import NoteDialog
from game.dialogs.own_case import OwnCaseDialog, OwnCaseResult
from game.dialogs.participants import ParticipantsDialog
from game.dialogs.secret_vote import SecretVoteScreen
from game.dialogs.theme_board import END, ThemeBoardScreen
from game.messages import CardAloneRequested, DeepDiveRequested, RoundsFinished
from game.rules.game import VOTE_MODE_LABELS, countdown_face
from game.rules.notes import clean_note, note_message
from game.rules.round import RoundState
from game.rules.round_text import (
    code_text,
    note_text,
    secret_refusal,
    variation_text,
    vote_context,
    vote_text,
    vote_title,
)
from game.rules.saving import STATUS_TEXT, SaveStatus
from game.rules.session import GameSession
from game.rules.votes import option_labels, vote_choices
from game.widgets.bars import VoteBars
from game.widgets.card import CardView
from game.widgets.reveal_scroll import RevealScroll
from game.widgets.round_panel import Panel
from game.widgets.theme_board import coverage_summary, theme_list
from game.widgets.timer import RoundTimer
from sessions.own import own_theme_title, scrubbed_own

__all__ = ["RoundScreen"]

if TYPE_CHECKING:
    from game.app import IntegerSpelApp

RENEW_EVERY = 20.0
"""Seconds between renewals of this window's claim on the session."""

COMPACT_WIDTH = 110
"""Below this width the timer and theme board move into the status line."""


SHORT_STATUS_TEXT: dict[str, str] = {
    **STATUS_TEXT,
    "retrying": "Nog niet bewaard…",
    "lost": "Niet meer bewaard",
}
"""The save state, short: it shares the status line, in a fixed width so that a change is
redrawn without a layout pass (the toast of the problem says more)."""

KEYS_LINE = "←/→ · n notitie · d stappenplan · s overslaan · p deelnemers · o eigen casus"
KEYS_LINE_WIDE = KEYS_LINE + " · e afronden · F1 alle toetsen"


class RoundScreen(Screen[None]):
    """A round of the team game: the card large, and everything the facilitator does with it."""

    CSS_PATH = "../styles/game.tcss"

    HELP: ClassVar[str] = """\
**Een ronde.** Lees de kaart voor en laat de groep eerst zelf nadenken.

- `h` **handen tellen**: tel de handen per antwoord en typ de aantallen in.
- `g` **geheime stemming**: geef de laptop rond; iedereen drukt één toets.
- `r` **uitslag**: laat de staafjes zien, met aantallen, procenten en hoe verdeeld de groep is.
- `t` **timer** starten of pauzeren, `x` zet hem op nul. Met een tijd per kaart (setup) telt
  hij per kaart af; bij 0 klinkt een signaal, verschijnt *Tijd is om* en loopt hij door.
- `c` **Wat zegt de code?**: de gedragscode en verwijzingen. Pas na het gesprek!
- `w` **Maar wat als…?**: een variatie op de kaart. Stem opnieuw met `h` of `g` en zie de
  verschuiving.
- `n` **notitie**: kort, zonder namen. Persoonsgegevens worden weggehaald.
- `d` **verdiepen**: werk de kaart uit met het zeven-stappenplan en kom daarna terug.
- `k` **alleen de kaart**, zo groot als het scherm; `Escape` of `k` gaat terug.
- `p` **deelnemers**: het aantal wijzigen als er iemand bijkomt of weggaat.
- `o` **eigen casus**: een dilemma uit de groep intypen en meteen spelen, als elke kaart.
- `b` **themabord**: welke thema's al besproken zijn.
- `s` overslaan, `→` of `spatie` volgende, `←` vorige, `e` afronden.
- `↑` `↓` (of `PgUp` `PgDn`) schuiven door de kaart als niet alles op het scherm past.

Alles wordt meteen bewaard. Valt de laptop uit, dan kun je de sessie later hervatten.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "vote_hands", "Handen", id="round.vote-hands", tooltip="Handen tellen"),
        Binding("g", "vote_secret", "Geheim", id="round.vote-secret", tooltip="Geheime stemming"),
        Binding("r", "reveal", "Uitslag", id="round.reveal", tooltip="Toon de uitslag"),
        Binding("t", "timer", "Timer", id="round.timer", tooltip="Timer starten of pauzeren"),
        Binding("x", "timer_reset", "Timer 0", id="round.timer-reset", show=False,
                tooltip="Timer op nul"),
        Binding(
            "p",
            "participants",
            "Deelnemers",
            id="round.participants",
            show=False,  # on the keys line: the footer keeps F1 Help in view at 80 columns
            tooltip="Aantal deelnemers wijzigen (laatkomers, vertrek)",
        ),
        Binding("k", "card_alone", "Kaart", id="round.card-alone",
                tooltip="Alleen de kaart, zo groot als het scherm"),
        Binding("c", "code", "Code", id="round.code", tooltip="Wat zegt de code?"),
        Binding("w", "what_if", "Wat als", id="round.what-if", tooltip="Maar wat als…?"),
        Binding("n", "note", "Notitie", id="round.note", show=False,
                tooltip="Notitie bij deze ronde"),
        Binding("d", "deep_dive", "Verdiepen", id="round.deep-dive", show=False,
                tooltip="Zeven-stappenplan op deze kaart"),
        Binding("s", "skip", "Overslaan", id="round.skip", show=False,
                tooltip="Sla deze kaart over"),
        Binding("left", "previous", "Vorige", id="round.previous", priority=True, show=False,
                tooltip="Vorige kaart"),
        Binding("right", "next", "Volgende", id="round.next", priority=True, show=False,
                tooltip="Volgende kaart"),
        Binding("space", "next", "Volgende", id="round.next-space", show=False, priority=True),
        Binding("down", "scroll_card(3)", "Omlaag", id="round.scroll-down", show=False),
        Binding("up", "scroll_card(-3)", "Omhoog", id="round.scroll-up", show=False),
        Binding("pagedown", "scroll_card(20)", "Pagina omlaag", id="round.page-down", show=False),
        Binding("pageup", "scroll_card(-20)", "Pagina omhoog", id="round.page-up", show=False),
        Binding("o", "own_case", "Eigen casus", id="round.own-case", show=False,
                tooltip="Een dilemma uit de groep intypen en spelen"),
        Binding("b", "board", "Themabord", id="round.board", show=False,
                tooltip="Welke thema's al besproken zijn"),
        Binding("e", "end", "Afronden", id="round.end", show=False,
                tooltip="De sessie afronden: peiling en samenvatting"),
    ]

    compact: var[bool] = var(False, init=False)
    """Below COMPACT_WIDTH columns the timer and the theme board move into the status line."""

    lost_vote: var[bool] = var(False, init=False)
    """A secret vote was going round when the app stopped: the vote line says so until the
    next vote (a message that no longer applies goes when the state changes)."""

    covered: var[frozenset[str]] = var(frozenset(), init=False)
    """The themes discussed so far: the board beside the card shows them."""

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session
        self.game = session.game
        self.deck = session.deck
        self.themes = [(t, self.deck.theme_title(t)) for t in self.game.session_themes(self.deck)]
        self.status_line = Panel(id="round-status", hide_empty=False, fixed=True)
        self.saved_line = Panel(id="round-saved", hide_empty=False, fixed=True)
        self.variation_panel = Panel(id="round-variation", classes="round-panel")
        self.vote_line = Panel(id="round-vote", hide_empty=False)
        self.code_panel = Panel(id="round-code", classes="round-panel")
        self.note_panel = Panel(id="round-note", classes="round-panel")
        self.board_title = Panel(id="round-board-title", hide_empty=False)
        self.keys_line = Panel(id="round-keys", hide_empty=False, fixed=True)

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="round-top"):
            yield self.status_line
            yield self.saved_line
        with Horizontal(id="round-body"):
            with RevealScroll(id="round-main"):
                yield CardView(self.dilemma, self.deck, id="round-card")
                yield self.variation_panel
                yield self.vote_line
                yield VoteBars({}, option_labels(self.dilemma), id="round-bars")
                yield self.code_panel
                yield self.note_panel
            with Vertical(id="round-side"):
                yield RoundTimer(id="round-timer")
                yield self.board_title
                with VerticalScroll(id="round-board-scroll"):
                    yield Static(id="round-themes")
        # The footer has room for the vote keys even at 80 columns; these go on a line above it.
        yield self.keys_line
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.watch(self.app, "save_status", self._show_saved)
        self.on_resize()
        self._load_timer()
        self.session.read_timer = self._timer_now
        if self.game.clock_started is None:
            self.game.start_clock(time.time())
            self._save_state()
        if self.game.setup.limit_kind == "minutes":
            self.set_interval(15, self._update_status)  # the wall clock moves on its own
        self.show_round()
        self.watch_covered(self.covered)  # also when nothing is covered yet
        self._tell_lost_secret_vote()
        # Keep this window's claim on the session while nothing else is written.
        self.set_interval(RENEW_EVERY, self.session.renew)

    def on_unmount(self) -> None:
        self.session.read_timer = None  # the timer goes with the screen

    def _timer_now(self) -> tuple[int, bool]:
        """The discussion timer's seconds and whether it runs: the timer owns them, the rules
        read them when the round is saved."""
        timer = self.query_one(RoundTimer)
        return timer.seconds, timer.running

    def _load_timer(self) -> None:
        """Put the round's time on the timer, running again if it ran at the last save."""
        timer = self.query_one(RoundTimer)
        timer.limit = self.game.setup.card_seconds  # counts down per card when set
        timer.load(self.round.seconds)
        if self.round.timer_running:
            timer.running = True

    def _tell_lost_secret_vote(self) -> None:
        """After a crash during a secret vote: the votes so far are gone; say so."""
        if self.round.close_secret():
            self._save_state()
            self.lost_vote = True

    def watch_lost_vote(self) -> None:
        self.show_round()

    def on_resize(self) -> None:
        self.compact = self.app.size.width < COMPACT_WIDTH
        wide = self.app.size.width >= len(KEYS_LINE_WIDE) + 2
        self.keys_line.text = KEYS_LINE_WIDE if wide else KEYS_LINE
        self._update_status()  # the compact status line carries the timer and the board

    def watch_covered(self, covered: frozenset[str]) -> None:
        self.board_title.text = coverage_summary(self.themes, set(covered))
        self.query_one("#round-themes", Static).update(theme_list(self.themes, set(covered)))

    def watch_compact(self, compact: bool) -> None:
        self.set_class(compact, "-compact")
        self.query_one(CardView).set_class(compact, "-compact")
        self.query_one(RoundTimer).set_class(compact, "-compact")
        self._show_timer_strip()

    def _show_timer_strip(self) -> None:
        """At 80 columns the big digits get a strip under the card once the timer is in use
        (running, counted or counting down): an idle timer leaves the card its rows."""
        timer = self.query_one(RoundTimer)
        # On the side column, not the screen: a class on the screen restyles every widget.
        self.query_one("#round-side").set_class(
            timer.running or timer.seconds > 0 or timer.limit is not None, "-timing")

    def _show_saved(self, status: SaveStatus) -> None:
        """The save state, top right: "Bewaard ✓" only once the write is on disk."""
        self.saved_line.text = SHORT_STATUS_TEXT.get(status, "")
        self.saved_line.set_class(status in ("retrying", "lost"), "-problem")

    # -- the current round ---------------------------------------------------------------

    @property
    def round(self) -> RoundState:
        rnd = self.game.current
        assert rnd is not None, "the round screen needs a card"
        return rnd

    @property
    def dilemma(self) -> Dilemma:
        card = self.game.card(self.deck, self.round.dilemma)
        assert card is not None
        return card

    def _theme_title(self, theme: str) -> str:
        return own_theme_title(theme, self.deck.theme_title(theme))

    def _time_label(self) -> str:
        setup = self.game.setup
        if setup.limit_kind != "minutes":
            return ""
        used = self.game.minutes_elapsed(time.time())
        if used >= setup.limit:
            return " · de tijd is om — rond af met e"
        return f" · {used} van {setup.limit} min"

    def _status_text(self) -> str:
        rnd = self.round
        covered = self.game.covered_themes()
        if self.compact:
            # 80 columns: the board lives here, and the timer while its strip is not shown;
            # the card itself names its theme.
            timer = self.query_one(RoundTimer)
            state = "▶" if timer.running else "⏸"
            face, over = countdown_face(timer.seconds, timer.limit)
            done = len(covered & {t for t, _ in self.themes})
            parts = [
                self.game.round_label().replace("Ronde ", "").replace(" van ", "/"),
                VOTE_MODE_LABELS[rnd.vote],
                f"{done}/{len(self.themes)} thema's",
            ]
            if not self.query_one("#round-side").has_class("-timing"):
                parts.insert(0, f"{state} {face} tijd om" if over else f"{state} {face}")
        else:
            parts = [
                self.game.round_label(),
                self._theme_title(rnd.theme),
                VOTE_MODE_LABELS[rnd.vote],
                f"{self.game.setup.participants} deelnemers",
            ]  # the board beside the card says how many themes were covered
        # The session clock right after the round: the save state shares this line, and what
        # comes last is what gets cut.
        clock = self._time_label().removeprefix(" · ")
        if clock:
            parts.insert(2, clock)
        text = " · ".join(parts)
        if rnd.skipped:
            text = "overgeslagen · " + text
        return text

    def _bring_into_view(self, selector: str) -> None:
        """Bring a panel into view in the same frame that shows it (no second layout)."""
        self.query_one("#round-main", RevealScroll).reveal(self.query_one(selector))

    def show_round(self) -> None:
        """Bring every part of the screen in line with the current round: each panel is set
        from what the rules say, and redrawn only when its text changed."""
        rnd = self.round
        dilemma = self.dilemma
        card = self.query_one(CardView)
        if card.dilemma is not dilemma:
            card.show(dilemma, self.deck)
            self.query_one("#round-main", RevealScroll).scroll_home(animate=False, immediate=True)
        self.covered = frozenset(self.game.covered_themes())
        self.variation_panel.text = variation_text(rnd, dilemma)
        self.vote_line.text = vote_text(rnd, dilemma, lost_vote=self.lost_vote)
        self._show_bars(rnd, dilemma)
        self.code_panel.text = code_text(dilemma, self._contacts(dilemma)) if rnd.code_shown else ""
        self.note_panel.text = note_text(rnd)
        self._update_status()

    def _update_status(self) -> None:
        self._show_timer_strip()  # first: the status line leaves the time to the strip
        self.status_line.text = self._status_text()
        # At 80 columns the status line carries the timer: past zero it takes the warning colour.
        self.status_line.set_class(self.compact and self.query_one(RoundTimer).over, "-over")

    def _show_bars(self, rnd: RoundState, dilemma: Dilemma) -> None:
        bars = self.query_one(VoteBars)
        counts, previous = rnd.shown_counts()
        show_bars = counts is not None and rnd.revealed and dilemma.answer.kind != "open"
        bars.display = show_bars
        if show_bars and counts is not None:
            if bars.labels != option_labels(dilemma):
                bars.update_labels(option_labels(dilemma))
            bars.update_counts(counts, previous)

    def _contacts(self, dilemma: Dilemma) -> list[Contact]:
        """The contacts the card names (unknown ids left out)."""
        config = cast("IntegerSpelApp", self.app).ctx.config
        found = (config.contact(contact_id) for contact_id in dilemma.contacts)
        return [c for c in found if c is not None]

    # -- saving ----------------------------------------------------------------------------
    # Every change is handed to the session's writer thread at once: the room sees it at
    # once, the store has it a moment later, in order, and "Bewaard ✓" beside the timer says
    # when. A failed write is retried there until it succeeds; the screen never waits.

    def _save_round(self) -> None:
        self.session.save_round(self.game.position)  # also saves the state

    def _save_state(self) -> None:
        self.session.save_state()

    def _changed(self) -> None:
        """Something in the round changed (the rules made it count again): save and show."""
        self._save_round()
        self.show_round()

    # -- votes -----------------------------------------------------------------------------

    def _can_vote(self) -> bool:
        refusal = self.round.vote_refusal(self.dilemma)
        if refusal is not None:
            self.notify(refusal, severity="warning" if self.round.variation >= 0 else "information")
        return refusal is None

    def _vote_title(self) -> str:
        return vote_title(self.round, self.dilemma)

    def _vote_context(self) -> str | None:
        return vote_context(self.round, self.dilemma)

    def action_vote_hands(self) -> None:
        """Type the number of hands per option."""
        if not self._can_vote():
            return
        dilemma, rnd = self.dilemma, self.round
        counts = rnd.counts_to_edit()
        options = [(key, label) for key, label in option_labels(dilemma).items()]

        def done(result: dict[str, int] | None) -> None:
            if result is not None:
                rnd.store_vote(result, "hands", present=self.game.setup.participants)
                self._changed()
                self._bring_into_view("#round-bars")

        self.app.push_screen(
            HandCountDialog(
                options,
                self.game.setup.participants,
                title=self._vote_title(),
                counts=counts,
                context=self._vote_context(),
            ),
            done,
        )

    def action_vote_secret(self) -> None:
        """Let the keyboard go round for a secret vote."""
        if not self._can_vote():
            return
        dilemma = self.dilemma
        # The timer keeps running through the vote (SPEC §4); the vote itself is not kept
        # until it is done, so a crash now must be told on resume.
        self.round.open_secret()
        self._save_round()

        screen = SecretVoteScreen(
            self._vote_title(),
            dilemma.question,
            vote_choices(dilemma),
            self.game.setup.participants,
            context=self._vote_context(),
        )

        def done(result: dict[str, int] | None) -> None:
            self.round.close_secret()
            self.lost_vote = False
            if result is None:
                self._save_state()
                self.notify("Stemming afgebroken. Er is niets bewaard.")
                return
            refusal = secret_refusal(result)
            if refusal is not None:
                self._save_state()
                self.notify(refusal, severity="warning", timeout=12)
                return
            self.round.store_vote(
                result, "secret", blanco=screen.tally.blanco, present=self.game.setup.participants
            )
            # A warning from an earlier attempt no longer applies: it must not come back
            # over the result now that the vote screen closes.
            self.app.clear_notifications()
            self._changed()

        self.app.push_screen(screen, done)

    def action_reveal(self) -> None:
        """Show (or hide again) the result of the vote."""
        rnd = self.round
        if not rnd.toggle_reveal():
            self.notify("Er is nog niet gestemd.")
            return
        self._save_state()
        self.show_round()
        if rnd.revealed:
            self._bring_into_view("#round-bars")

    # -- timer, code, variations, note -----------------------------------------------------

    def action_timer(self) -> None:
        self.query_one(RoundTimer).toggle()
        self._save_round()
        self._update_status()

    def action_timer_reset(self) -> None:
        self.query_one(RoundTimer).reset()
        self._save_round()
        self._update_status()

    @on(RoundTimer.Ticked)
    def _ticked(self, event: RoundTimer.Ticked) -> None:
        if event.seconds % 10 == 0:
            self._save_round()
        self._update_status()

    def action_scroll_card(self, lines: int) -> None:
        """Scroll the card and its panels (on a small screen they don't all fit)."""
        main = self.query_one("#round-main", RevealScroll)
        main.scroll_to(y=main.scroll_y + lines, animate=False)

    def action_code(self) -> None:
        """Show or hide "Wat zegt de code?"."""
        rnd = self.round
        rnd.toggle_code()
        self._save_state()
        self.show_round()
        if rnd.code_shown:
            self._bring_into_view("#round-code")

    def action_what_if(self) -> None:
        """The next "Maar wat als…?" variation (after the last one: back to the card)."""
        rnd = self.round
        if not rnd.next_variation(self.dilemma):
            self.notify("Bij deze kaart staan geen variaties.")
            return
        self._save_state()
        self.show_round()
        if rnd.variation >= 0:
            self._bring_into_view("#round-variation")

    def action_note(self) -> None:
        def done(text: str | None) -> None:
            if text is None:
                return
            note = clean_note(text)
            self.round.keep_note(note.text)
            self._changed()
            message = note_message(note)
            if message:
                self.notify(message, title="Notitie", timeout=10, markup=False)

        self.app.push_screen(NoteDialog(self.round.note), done)

    def action_card_alone(self) -> None:
        """Only the card, filling the terminal (Escape or k goes back)."""
        self.post_message(CardAloneRequested(self.dilemma, self.deck))

    def action_participants(self) -> None:
        """Latecomers or leavers: change the number of participants of the session."""

        def done(n: int | None) -> None:
            if n is None or n == self.game.setup.participants:
                return
            self.game.set_participants(n)
            self.session.save_participants()
            self._update_status()
            self.notify(f"De sessie telt nu {n} deelnemers.")

        self.app.push_screen(ParticipantsDialog(self.game.setup.participants), done)

    def action_own_case(self) -> None:
        """An eigen casus: type a dilemma from the room and play it right after this card."""

        def done(result: OwnCaseResult | None) -> None:
            if result is None:
                return
            typed, theme = result
            case = scrubbed_own(typed)
            self._leave_round()
            index = self.game.add_own(case, theme)
            self.query_one(RoundTimer).load(self.round.seconds)
            self.session.insert_round(index)
            self.show_round()
            removed = case != typed
            self.notify(
                "Speel de casus als elke kaart: stem, bespreek en ga verder met →."
                + (" Persoonsgegevens zijn eruit gehaald." if removed else ""),
                title="Eigen casus",
                timeout=8,
            )

        self.app.push_screen(OwnCaseDialog(self.themes), done)

    def action_deep_dive(self) -> None:
        """Open the seven-step walkthrough on this card; come back here after."""
        # The discussion timer keeps running (SPEC §4); a second deep dive on this card
        # continues the first one.
        rnd = self.round

        def done(walkthrough_id: str | None) -> None:
            if rnd.link_walkthrough(walkthrough_id):
                self.session.save_round(self.game.rounds_index(rnd))

        own_text = None
        if rnd.own is not None:
            own = rnd.own
            own_text = "\n\n".join(p for p in (own.title, own.situation, own.question) if p)
        self.post_message(
            DeepDiveRequested(
                session_id=self.session.session_id,
                walkthrough_id=rnd.walkthrough,
                done=done,
                dilemma=None if own_text is not None else self.dilemma,
                deck=None if own_text is not None else self.deck,
                own_text=own_text,
            )
        )

    # -- moving on -------------------------------------------------------------------------

    def _leave_round(self) -> None:
        timer = self.query_one(RoundTimer)
        self._save_round()  # with the timer's seconds, still running or not
        timer.running = False
        self.round.stop_timer()

    def _arrive(self) -> None:
        """Show the round the game went to, its timer where it was left."""
        self.query_one(RoundTimer).load(self.round.seconds)
        self._save_round()
        self.show_round()

    def action_next(self) -> None:
        self._leave_round()
        if self.game.next(self.deck):
            self._arrive()
        elif self.game.needs_pick(self.deck):
            self.action_board(pick=True)
        else:
            self.action_end(last=True)

    def action_previous(self) -> None:
        self._leave_round()
        if self.game.previous():
            self.query_one(RoundTimer).load(self.round.seconds)
            self._save_state()
            self.show_round()
        else:
            self.notify("Dit is de eerste kaart.")

    def action_skip(self) -> None:
        self._leave_round()
        index = self.game.position
        moved = self.game.skip(self.deck)
        self.query_one(RoundTimer).load(self.round.seconds)
        self.session.save_round(index)  # the skipped card is removed from the store
        if moved:
            self._arrive()
            return
        self.show_round()
        if self.game.needs_pick(self.deck):
            self.action_board(pick=True)
        else:
            self.action_end(last=True)

    def action_board(self, pick: bool = False) -> None:
        """Show the theme board; with order "board", pick the next theme there."""
        pick = pick or self.game.needs_pick(self.deck)

        def done(theme: str | None) -> None:
            if theme is None:
                return
            if theme == END:
                self.action_end()
                return
            self._leave_round()
            if self.game.pick_theme(self.deck, theme) is None:
                self.notify("Bij dit thema zijn geen kaarten meer.")
                return
            self._arrive()

        self.app.push_screen(
            ThemeBoardScreen(
                self.themes,
                self.game.covered_themes(),
                left=self.game.themes_left(self.deck) if pick else None,
                pick=pick,
            ),
            done,
        )

    def action_end(self, last: bool = False) -> None:
        """Finish the session: the pulse, then the summary."""
        self._leave_round()
        question = "Dit was de laatste kaart. Sessie afronden?" if last else "Sessie afronden?"
        detail = (
            "Daarna volgen een paar korte vragen over het meldklimaat (geheim gestemd, "
            "over te slaan) en de samenvatting."
            if self.game.setup.pulse == "end"
            else "Daarna volgt de samenvatting."
        )

        def done(answer: str | None) -> None:
            if answer == "finish":
                self.post_message(RoundsFinished(self.session))

        self.app.push_screen(
            ChoiceDialog(question, [("finish", "Afronden"), ("back", "Nog niet")], detail), done
        )
