"""SecretVoteScreen: the keyboard goes round; a neutral screen that never shows what was pressed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Center, Vertical
from textual.dom import DOMNode
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from game.dialogs.choice import ChoiceDialog
from game.rules.round_text import MIN_SECRET
from game.rules.tally import SecretTally
from game.widgets.card import HangingList

RECEIVED = "Stem ontvangen — geef de laptop door"
RECEIVED_LAST = "Stem ontvangen — geef de laptop terug aan de gespreksleider"
BLANCO_KEY = "x"
CORRECT_HINT = " · verkeerd gedrukt? backspace"


def key_list(keys: Sequence[str]) -> str:
    """ "A, B, C of D"."""
    if len(keys) <= 1:
        return "".join(keys)
    return ", ".join(keys[:-1]) + " of " + keys[-1]


class SecretVoteScreen(Screen[dict[str, int] | None]):
    """A secret vote round the room.

    ``choices`` are (press key, option key, label): letters for a choice card, digits for a
    scale or a pulse question. Each participant presses a key; the screen looks the same
    whichever key it was, then says "Stem ontvangen — geef de laptop door". Only the tally is
    kept. Returns the counts when everyone has voted (or the facilitator ends early), or None
    when the vote is aborted.
    """

    PASS_SECONDS: ClassVar[float] = 1.0
    """How long "stem ontvangen" stays up; in that time only backspace (the voter takes their
    own press back) does anything, so a double press is not a second vote. Once the next
    voter's turn shows, the previous vote is final: nobody else can take it back."""

    LAST_FACTOR: ClassVar[float] = 3.0
    """The last voter's "geef de laptop terug" stays this many times as long: after it the
    vote closes and nothing can be taken back."""

    HELP: ClassVar[str] = """\
**Geheime stemming.** Geef de laptop rond. Iedere deelnemer drukt één toets voor zijn of haar
antwoord. Het scherm laat nooit zien welke toets is ingedrukt. Daarna verschijnt
*Stem ontvangen — geef de laptop door*. `X` is blanco: je stemt niet voor een antwoord
(blanco telt apart). Verkeerd gedrukt? Druk meteen op `Backspace`, zolang *Stem ontvangen*
in beeld is, en kies opnieuw. Daarna telt je stem en kan niemand hem terugnemen.

De app houdt alleen de telling bij, nooit de volgorde van de stemmen.

`Escape` vraagt of je de stemming wilt afronden of afbreken.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "ask_stop", "Stoppen", id="secret.stop", priority=True),
    ]

    DEFAULT_CSS = """
    SecretVoteScreen {
        align: center middle;
        background: $background;
    }
    /* The laptop goes round: nothing else appears on this screen (the toasts come back after
       the vote, as long as they last). */
    SecretVoteScreen Toast {
        display: none;
    }
    SecretVoteScreen #secret-box {
        width: 90;
        max-width: 100%;
        height: auto;
        border: heavy $primary;
        padding: 1 3;
        background: $surface;
    }
    SecretVoteScreen #secret-title {
        color: $text-muted;
        width: 1fr;
    }
    SecretVoteScreen #secret-context {
        width: 1fr;
        padding: 1 0 0 0;
        color: $warning;
        text-style: bold;
    }
    SecretVoteScreen #secret-question {
        text-style: bold;
        width: 1fr;
        padding: 1 0;
    }
    SecretVoteScreen #secret-options {
        width: 1fr;
        padding: 0 0 1 2;
    }
    SecretVoteScreen #secret-prompt {
        text-style: bold;
        color: $accent;
        width: 1fr;
        height: auto;
        min-height: 3;
        content-align: center middle;
        text-align: center;
        border: round $accent;
    }
    SecretVoteScreen #secret-undo {
        color: $text-muted;
        width: 1fr;
        height: 1;
        text-align: center;
    }
    SecretVoteScreen #secret-foot {
        color: $text-muted;
        width: 1fr;
        padding: 1 0 0 0;
    }
    """

    def __init__(
        self,
        title: str,
        question: str,
        choices: Sequence[tuple[str, str, str]],
        participants: int,
        *,
        context: str | None = None,
    ) -> None:
        """``context``: the variation's sentence on a re-vote, shown above the question."""
        super().__init__()
        self.vote_title = title
        self.question = question
        self.context = context
        self.choices = list(choices)
        self._by_press = {press.lower(): option for press, option, _ in self.choices}
        self.tally = SecretTally([option for _, option, _ in self.choices], participants)
        self.passing = False
        self.asking = False
        self._last: tuple[str | None] | None = None
        self._pass_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="secret-box"):
            yield Static(f"Geheime stemming · {self.vote_title}", id="secret-title", markup=False)
            if self.context:
                yield Static(self.context, id="secret-context", markup=False)
            yield Static(self.question, id="secret-question", markup=False)
            yield HangingList(
                [(press.upper(), label) for press, _, label in self.choices]
                + [(BLANCO_KEY.upper(), "blanco — geen keuze (telt apart)")],
                id="secret-options",
            )
            yield Static(self._prompt(), id="secret-prompt", markup=False)
            yield Static("", id="secret-undo", markup=False)
            yield Static(
                "Niemand kijkt mee: het scherm blijft hetzelfde, welke toets je ook kiest. "
                "Alleen de telling wordt bewaard.",
                id="secret-foot",
            )

    def _prompt(self) -> str:
        presses = [press.upper() for press, _, _ in self.choices]
        return (
            f"Deelnemer {self.tally.voter} van {self.tally.participants} — kies {key_list(presses)}"
        )

    @property
    def _binding_chain(self) -> list[tuple[DOMNode, BindingsMap]]:
        # While the laptop goes round only the option keys and escape may do anything
        # (SPEC §4): leave the app's bindings (quit, help, palette, focus keys) out of the
        # chain Textual consults for this screen.
        return [
            (node, bindings) for node, bindings in super()._binding_chain if node is not self.app
        ]

    async def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.asking:
            return
        if event.key == "backspace" and self.passing and self._last is not None:
            # Only while "stem ontvangen" shows: the voter in front of the screen corrects
            # their own press, before passing on.
            self._take_back()
            return
        if self.passing:
            return
        if event.key.lower() == BLANCO_KEY:
            if self.tally.cast_blanco():
                self._received(None)
            return
        option = self._by_press.get(event.key.lower())
        if option is None and event.character:
            option = self._by_press.get(event.character.lower())
        if option is None:
            if event.character and event.character.isprintable():
                # A visible sign that says nothing about any vote: this key is no option.
                presses = [press.upper() for press, _, _ in self.choices]
                self.query_one("#secret-prompt", Static).update(
                    f"Die toets telt niet. Deelnemer {self.tally.voter}: kies {key_list(presses)}"
                )
                self.app.bell()
            return
        if self.tally.cast(option):
            self._received(option)

    def _received(self, option: str | None) -> None:
        # From here on the screen must look identical whichever option was chosen.
        self.passing = True
        self._last = (option,)
        self.query_one("#secret-prompt", Static).update(
            (RECEIVED_LAST if self.tally.done else RECEIVED) + CORRECT_HINT
        )
        self.query_one("#secret-undo", Static).update("")
        then = self._finish if self.tally.done else self._next_voter
        seconds = self.PASS_SECONDS * (self.LAST_FACTOR if self.tally.done else 1)
        if seconds > 0:
            self._pass_timer = self.set_timer(seconds, then)
        else:
            then()

    def _take_back(self) -> None:
        """The voter corrects their own press: it no longer counts; they choose again."""
        assert self._last is not None
        if self._pass_timer is not None:
            self._pass_timer.stop()
            self._pass_timer = None
        self.tally.take_back(self._last[0])
        self._last = None
        self.passing = False
        self.query_one("#secret-prompt", Static).update("Teruggenomen. " + self._prompt())
        self.query_one("#secret-undo", Static).update("")

    def _next_voter(self) -> None:
        """The next voter's turn: the previous vote is final from here on."""
        self._pass_timer = None
        self.passing = False
        self._last = None
        self.query_one("#secret-prompt", Static).update(self._prompt())
        self.query_one("#secret-undo", Static).update("")

    def _finish(self) -> None:
        self.dismiss(self.tally.counts())

    def action_ask_stop(self) -> None:
        """Ask whether to end the vote early (keeping the votes so far) or abort it."""
        if self.asking:
            return
        self.asking = True
        n = self.tally.total
        detail = ""
        if n == 0:
            question, answers = "Stemming afbreken?", [("back", "Doorgaan"), ("abort", "Afbreken")]
        else:
            if sum(self.tally.counts().values()) < MIN_SECRET:
                detail = (f"Met minder dan {MIN_SECRET} stemmen voor een antwoord wordt de "
                          "uitslag niet getoond en niet bewaard.")
            stem = "stem" if n == 1 else "stemmen"
            question = f"Stemming afronden met {n} {stem}?"
            answers = [
                ("back", "Doorgaan met stemmen"),
                ("finish", f"Afronden met {n} {stem}"),
                ("abort", "Afbreken, stemmen vervallen"),
            ]
        self.app.push_screen(ChoiceDialog(question, answers, detail), self._stop_answer)

    def _stop_answer(self, answer: str | None) -> None:
        self.asking = False
        if answer == "finish":
            self._finish()
        elif answer == "abort":
            self.dismiss(None)
