"""What practice shows after a choice: the answer and its own feedback, how teams chose, what
the code says, where to read more, and who in the organisation to go to."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from dilemmas.config import Config
from dilemmas.model import Dilemma
from game.rules.practice import TeamFigures, answer_text, heavy_line, is_heavy
from game.rules.practice_recap import contact_line
from game.rules.text import reflow


def _heading(text: str) -> Static:
    return Static(Content.styled(text, "bold $primary"), classes="practice-heading")


def option_feedback(dilemma: Dilemma, key: str) -> str:
    """The deck's own feedback on the chosen option, if it has one."""
    for option in dilemma.answer.options:
        if option.key == key:
            return str(getattr(option, "feedback", "") or "")
    return ""


def card_contacts(dilemma: Dilemma, config: Config) -> list[str]:
    """The card's contacts as the config names them ("Vertrouwenspersoon — Vera, …")."""
    found = [config.contact(contact_id) for contact_id in dilemma.contacts]
    return [contact_line(c) for c in found if c is not None]


def feedback_widgets(
    dilemma: Dilemma, mine: str, config: Config, notice: str = ""
) -> list[Widget]:
    """The feedback on one card, top to bottom; "Zo kozen teams" comes early so that it is
    in view on a small screen before the button to go on."""
    widgets: list[Widget] = [
        Static(Content.styled(dilemma.title, "bold"), classes="practice-title"),
        Static(
            Content.assemble(("Jouw antwoord: ", "bold"), answer_text(dilemma, mine)),
            id="practice-mine",
            classes="practice-section",
        ),
    ]
    if notice:
        # Plain text: "[verwijderd]" is shown, not read as markup; in the text, not in a
        # toast over the next card's instruction.
        widgets.append(Static(notice, id="practice-scrubbed", markup=False))
    own = option_feedback(dilemma, mine)
    if own:
        widgets.append(Static(reflow(own), id="practice-option-feedback", markup=False))
    if dilemma.answer.kind != "open":
        widgets += [
            _heading("Zo kozen teams"),
            Static(
                "Even de cijfers van teams ophalen…",
                id="practice-teams",
                name=dilemma.id,
                markup=False,
            ),
        ]
    widgets += [
        _heading("Wat zegt de code?"),
        Static(
            reflow(dilemma.guidance) or "Bij deze kaart staat geen toelichting.",
            id="practice-guidance",
            markup=False,
        ),
    ]
    contacts = card_contacts(dilemma, config)
    if contacts:
        widgets += [
            _heading("Bij wie kun je terecht?"),
            Static("\n".join(f"• {c}" for c in contacts), id="practice-contacts", markup=False),
        ]
    if dilemma.references:
        widgets += [
            _heading("Lees meer"),
            Static(
                "\n".join(f"• {r}" for r in dilemma.references),
                id="practice-references",
                markup=False,
            ),
        ]
    if dilemma.variations:
        widgets += [
            _heading("Denk ook na over…"),
            Static(
                "\n".join(f"• {v}" for v in dilemma.variations),
                id="practice-variations",
                markup=False,
            ),
        ]
    if is_heavy(dilemma):
        widgets.append(
            Static(heavy_line(config), id="practice-heavy", classes="practice-section", markup=False)
        )
    return widgets


def team_bars(figures: TeamFigures, mine: str) -> Static:
    """ "Zo kozen teams" as lines of key, percentage and label; the new hire's own marked."""
    lines = [
        Content.assemble(
            (f"{row.key}  ", "bold"),
            (f"{row.percent:>3} %  ", "bold"),
            row.label,
            ("  ◀ jouw keuze", "bold $accent") if row.key == mine else "",
        )
        for row in figures.rows
    ]
    return Static(Content("\n").join(lines), id="practice-bars")
