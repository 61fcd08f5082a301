"""PulseScreen: the meldklimaat-peiling, a few questions each by secret vote, revealed with r."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer

from dilemmas.config import Contact
from dilemmas.model import Dilemma
from game.dialogs.secret_vote import SecretVoteScreen
from game.messages import PulseDone
from game.rules.round import RoundState
from game.rules.round_text import code_text, secret_refusal, vote_text
from game.rules.session import GameSession
from game.rules.text import reflow
from game.rules.votes import vote_choices, worded
from game.widgets.bars import VoteBars
from game.widgets.card import HangingList
from game.widgets.reveal_scroll import RevealScroll
from game.widgets.round_panel import Panel

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



class _PulseScroll(RevealScroll, can_focus=True):
    """The pulse's one scroll: it keeps the focus, so the arrow keys scroll it."""

class PulseScreen(Screen[None]):
    """The pulse: one question at a time, each a secret round with the round's rules: fewer
    than 3 votes not shown or kept, blanco counted apart and shown, the answers' own words on
    the bars, `c` for the guidance and the contacts. Then the cards or the summary."""

    CSS_PATH = "../styles/game.tcss"

    HELP: ClassVar[str] = """**De meldklimaat-peiling.** Een paar korte vragen over het meldklimaat, bijvoorbeeld of
iedereen weet wie de vertrouwenspersoon is. Er wordt geheim gestemd: de laptop gaat rond.
Met minder dan 3 stemmen wordt de uitslag niet getoond en niet bewaard. Blanco telt apart.

- `g` stemmen over deze vraag
- `r` de uitslag tonen (na de stemming)
- `c` wat je erover moet weten, en bij wie je terecht kunt
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
        Binding("c", "code", "Uitleg", id="pulse.code",
                tooltip="Wat je erover moet weten, en bij wie je terecht kunt"),
        Binding("s", "skip", "Overslaan", id="pulse.skip", tooltip="Sla deze vraag over"),
        Binding("right,space", "next", "Volgende", id="pulse.next", priority=True),
        Binding("e", "summary", "Samenvatting", id="pulse.summary", tooltip="Naar de samenvatting"),
        # At the start of the session the same key goes on to the cards.
        Binding("e", "cards", "Kaarten", id="pulse.cards", tooltip="Naar de eerste kaart"),
    ]

    def __init__(
        self, session: GameSession, questions: list[Dilemma], *, at_start: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.questions = questions
        self.at_start = at_start
        """Asked before the first card: after the last question the rounds begin."""
        game = session.game
        # A resumed pulse goes on at the first question not voted on yet.
        self.index = next((n for n, q in enumerate(questions) if q.id not in game.pulse), 0)
        self.rounds = {q.id: game.pulse_round(q) for q in questions}
        """Each question as a secret round: the round's rules decide what is shown."""
        self.title_line = Panel(id="pulse-title", hide_empty=False)
        self.context_line = Panel(id="pulse-context")
        self.question_line = Panel(id="pulse-question", hide_empty=False)
        self.status_line = Panel(id="pulse-status", hide_empty=False)
        self.code_panel = Panel(id="pulse-code")

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
        with _PulseScroll(id="pulse-scroll"), Vertical(id="pulse-box"):
            yield self.title_line
            yield self.context_line
            yield self.question_line
            yield HangingList(id="pulse-options")
            yield self.status_line
            yield VoteBars({}, {}, id="pulse-bars")
            yield self.code_panel
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show()

    @property
    def question(self) -> Dilemma:
        return self.questions[self.index]

    @property
    def round(self) -> RoundState:
        return self.rounds[self.question.id]

    def _show(self) -> None:
        q, rnd = self.question, self.round
        self.title_line.text = (
            f"Meldklimaat-peiling · vraag {self.index + 1} van {len(self.questions)}"
        )
        self.context_line.text = reflow(q.situation)
        self.question_line.text = q.question or q.title
        self.query_one("#pulse-options", HangingList).set_rows(
            [(press, label) for press, _, label in pulse_choices(q)]
        )
        bars = self.query_one(VoteBars)
        shown = rnd.counts is not None and rnd.revealed
        bars.display = shown
        if shown and rnd.counts is not None:
            counts, labels = worded(q, rnd.counts)
            bars.update_labels(labels)
            bars.update_counts(counts)
        last = "→ naar de eerste kaart" if self.at_start else "→ naar de samenvatting"
        onward = "→ volgende vraag" if self.index + 1 < len(self.questions) else last
        if rnd.counts is None:
            status = "g: geheim stemmen · c: uitleg · s: overslaan"
        else:
            status = f"{vote_text(rnd, q).rstrip(':')} · {onward}"
        self.status_line.text = status
        self.code_panel.text = code_text(q, self._contacts(q)) if rnd.code_shown else ""

    def _contacts(self, question: Dilemma) -> list[Contact]:
        config = cast("IntegerSpelApp", self.app).ctx.config
        found = (config.contact(contact_id) for contact_id in question.contacts)
        return [c for c in found if c is not None]

    def action_vote(self) -> None:
        q = self.question
        screen = SecretVoteScreen(
            "meldklimaat-peiling",
            q.question or q.title,
            pulse_choices(q),
            self.session.game.setup.participants,
            context=reflow(q.situation) or None,
        )

        def done(result: dict[str, int] | None) -> None:
            if result is None:
                self.notify("Stemming afgebroken. Er is niets bewaard.")
                return
            refusal = secret_refusal(result)
            if refusal is not None:
                self.notify(refusal, severity="warning", timeout=12)
                return
            blanco = screen.tally.blanco
            self.round.store_vote(result, "secret", blanco=blanco)
            self.session.game.keep_pulse(q.id, result, blanco)
            self.session.save_pulse()
            # A warning from an earlier attempt no longer applies: it must not come back
            # over the result now that the vote screen closes.
            self.app.clear_notifications()
            self._show()

        self.app.push_screen(screen, done)

    def action_reveal(self) -> None:
        rnd = self.round
        if rnd.counts is None:
            self.notify("Er is nog niet gestemd over deze vraag. Druk op g om te stemmen.")
            return
        if not rnd.revealed:
            rnd.toggle_reveal()
        self._show()

    def action_code(self) -> None:
        """Show or hide the question's guidance and contacts."""
        self.round.toggle_code()
        self._show()
        if self.round.code_shown:
            # Below the bars on a small screen: the room sees it without scrolling.
            self.query_one(_PulseScroll).reveal(self.code_panel)

    def action_skip(self) -> None:
        self.session.game.keep_pulse(self.question.id, None)
        self.rounds[self.question.id] = self.session.game.pulse_round(self.question)
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
