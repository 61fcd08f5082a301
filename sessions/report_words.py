"""The Dutch wording of the report's numbers, shared by every renderer and the Rapportage
screen: decimals with a comma, percentages, plurals, blanco, and why a figure is hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessions.figures import percent as whole_percent

if TYPE_CHECKING:
    from dilemmas.config import ReferenceFigure
    from sessions.report_model import DilemmaFigure

DASH = "—"
"""Where a figure is missing (no sessions) or hidden in a table cell."""
HIDDEN = "verborgen"


def number(value: float | None, digits: int = 1) -> str:
    """A decimal in Dutch notation ("6,8"), or a dash when there is none."""
    if value is None:
        return DASH
    return f"{value:.{digits}f}".replace(".", ",")


def percent(count: int, total: int) -> str:
    """``count`` as a rounded share of ``total``: "32%" (and "0%" of nothing), rounded on its
    own as the team summary rounds (half up: 1 of 8 is 13%)."""
    return f"{whole_percent(count, total)}%"


def plural(n: int, one: str, many: str) -> str:
    """``1 teamsessie``, ``3 teamsessies``."""
    return f"{n} {one if n == 1 else many}"


def answers_text(f: DilemmaFigure) -> str:
    """How many voted, with the abstentions beside it: "27" or "27 · 3 blanco"."""
    return f"{f.answers} · {f.blanco} blanco" if f.blanco else str(f.answers)


def too_few(answers: int, k: int) -> bool:
    """Whether a hidden figure is hidden for want of answers (else: it could be recomputed)."""
    return answers < k


def hidden_reason(answers: int, k: int) -> str:
    """Why a distribution is hidden, in a few words, for a table's remark column."""
    if too_few(answers, k):
        return f"minder dan {k} antwoorden"
    return "anders is een kleinere groep terug te rekenen"


PULSE_TEAMS = 3
"""A quarter's pulse answers enter a figure only from sessions of at least this many teams
(SPEC §8); sessions without a team label count as one team."""

QUARTER_LEFT_OUT = f"niet meegeteld: antwoorden van minder dan {PULSE_TEAMS} teams"
"""Why a quarter of the pulse has no distribution."""

PULSE_RULE = (
    "Het meldklimaat is een cijfer van de organisatie, nooit van één team. Het wordt per "
    f"kwartaal geteld, en een kwartaal telt alleen mee als sessies van minstens {PULSE_TEAMS} "
    "verschillende teams de vragen beantwoordden (sessies zonder teamnaam tellen samen als één "
    "team). Een rapport toont het meldklimaat van de hele kwartalen in zijn periode."
)


def pulse_left_out(quarters: int, answers: int) -> str:
    """"Niet meegeteld: 2 kwartalen (19 antwoorden), …" or "" when none was left out."""
    if not quarters:
        return ""
    return (f"Niet meegeteld: {plural(quarters, 'kwartaal', 'kwartalen')} "
            f"({plural(answers, 'antwoord', 'antwoorden')}) met antwoorden van minder dan "
            f"{PULSE_TEAMS} teams.")


OPEN_QUESTION = "open vraag, geen stemming"
"""What an open question shows where a distribution would be: it is talked about, not voted on."""


def reference_text(figure: ReferenceFigure) -> str:
    """A reference figure as the report writes it: its text, as the config has it."""
    return figure.text
