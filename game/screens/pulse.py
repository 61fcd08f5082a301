"""PulseScreen: the meldklimaat-peiling, a few questions each by secret vote, revealed with r."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from dilemmas.model import Dilemma
from game.dialogs.secret_vote import SecretVoteScreen
from game.messages import PulseDone
from game.rules.session import GameSession
from game.rules.votes import option_labels, vote_choices
from game.widgets.bars import VoteBars
from game.widgets.card import HangingList

if TYPE_CHECKING:
    from game.app import IntegerSpelApp

MAX_PULSE = 4


def pulse_questions(app: IntegerSpelApp) -> list[Dilemma]:
    """The questions of the first pulse deck (at most four), or none."""
    decks = app.ctx.registry.pulse_decks()
    if not decks:
        return []
    return [q for q in decks[0].dilemmas if q.answer.kind != "open"][:MAX_PULSE]


def pulse_choices(question: Dilemma) -> list[tuple[str, str, str]]:
    """Digits 1..N for the answers of a pulse question (its keys are slugs like "ja")."""
    if question.answer.kind == "choice":
        return [(str(n), o.key, o.text) for n, o in enumerate(question.answer.options, 1)]
    return vote_choices(question)


class PulseScreen(Screen[None]):
    """The pulse: one question at a time; vote (secret) or skip; then the summary."""

    CSS_PATH = "../styles/game.tcss"

    HELP: ClassVar[str] = """\
**De meldklimaat-peiling.** Een paar korte vragen over het meldklimaat, bijvoorbeeld of
iedereen weet wie de vertrouwenspersoon is. Er wordt geheim gestemd: de laptop gaat rond.

- `g` stemmen over deze vraag
- `r` de uitslag tonen (na de stemming)
- `s` deze vraag overslaan
- `→` of `spatie` volgende vraag (na de laatste: de eerste kaart als de peiling aan het begin
  staat, anders de samenvatting)
- `e` de rest van de peiling overslaan: naar de eerste kaart, of naar de samenvatting
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "g", "vote", "Stemmen", id="pulse.vote", tooltip="Geheime stemming over deze vraag"
        ),
        Binding("r", "reveal", "Uitslag", id="pulse.reveal", tooltip="Toon de uitslag"),
        Binding("s", "skip", "Overslaan", id="pulse.skip", tooltip="Sla deze vraag over"),
        Binding("right,space", "next", "Volgende", id="pulse.next", priority=True),
        Binding("e", "summary", "Samenvatting", id="pulse.summary", tooltip="Naar de samenvatting"),
        # At the start of the session the same key goes on to the cards.
        Binding("e", "cards", "Naar de kaarten", id="pulse.cards", tooltip="Naar de eerste kaart"),
    ]

    def __init__(
        self, session: GameSession, questions: list[Dilemma], *, at_start: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.questions = questions
        self.at_start = at_start
        """Asked before the first card: after the last question the rounds begin."""
        # A resumed pulse goes on at the first question not voted on yet.
        answered = session.game.pulse
        self.index = next((n for n, q in enumerate(questions) if q.id not in answered), 0)
        self.revealed: set[str] = set()
        """Questions whose result the room has seen (shown only after `r`)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One of the two "e" bindings shows and works, by where the pulse is asked.
        if action == "summary":
            return not self.at_start
        if action == "cards":
            return self.at_start
        return True

    def action_cards(self) -> None:
        """The pulse at the start is done (or the rest skipped): on to the first card."""
        self.action_summary()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pulse-scroll"), Vertical(id="pulse-box"):
            yield Static(markup=False, id="pulse-title")
            yield Static(markup=False, id="pulse-question")
            yield HangingList(id="pulse-options")
            yield Static(markup=False, id="pulse-status")
            yield VoteBars({}, {}, id="pulse-bars")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show()

    @property
    def question(self) -> Dilemma:
        return self.questions[self.index]

    def _show(self) -> None:
        q = self.question
        self.query_one("#pulse-title", Static).update(
            f"Meldklimaat-peiling · vraag {self.index + 1} van {len(self.questions)}"
        )
        self.query_one("#pulse-question", Static).update(q.question or q.title)
        self.query_one("#pulse-options", HangingList).set_rows(
            [(press, label) for press, _, label in pulse_choices(q)]
        )
        counts = self.session.game.pulse.get(q.id)
        bars = self.query_one(VoteBars)
        shown = counts is not None and q.id in self.revealed
        bars.display = shown
        last = "→ naar de eerste kaart" if self.at_start else "→ naar de samenvatting"
        onward = "→ volgende vraag" if self.index + 1 < len(self.questions) else last
        if counts is None:
            status = "g: geheim stemmen · s: overslaan"
        elif not shown:
            total = sum(counts.values())
            votes = "stem" if total == 1 else "stemmen"
            status = f"Stemming klaar: {total} {votes}. Druk op r voor de uitslag · {onward}"
        else:
            status = f"Uitslag · {onward}"
            bars.update_labels(option_labels(q))
            bars.update_counts(counts)
        self.query_one("#pulse-status", Static).update(status)

    def action_vote(self) -> None:
        q = self.question

        def done(result: dict[str, int] | None) -> None:
            if result is None:
                self.notify("Stemming afgebroken. Er is niets bewaard.")
                return
            self.session.game.pulse[q.id] = result
            self.session.save_pulse()
            self._show()

        self.app.push_screen(
            SecretVoteScreen(
                "meldklimaat-peiling",
                q.question or q.title,
                pulse_choices(q),
                self.session.game.setup.participants,
            ),
            done,
        )

    def action_reveal(self) -> None:
        if self.question.id not in self.session.game.pulse:
            self.notify("Er is nog niet gestemd over deze vraag. Druk op g om te stemmen.")
            return
        self.revealed.add(self.question.id)
        self._show()

    def action_skip(self) -> None:
        self.session.game.pulse.pop(self.question.id, None)
        self.session.save_pulse()
        self._advance()

    def action_next(self) -> None:
        self._advance()

    def _advance(self) -> None:
        if self.index + 1 < len(self.questions):
            self.index += 1
            self._show()
        else:
            self.action_summary()

    def action_summary(self) -> None:
        """The pulse is done: the app goes on to the cards or the summary."""
        self.post_message(PulseDone(self.session, self.at_start))
