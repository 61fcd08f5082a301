"""The Dutch wording of the report's numbers, shared by every renderer and the Rapportage
screen: decimals with a comma, percentages, plurals, blanco, and why a figure is hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    """``count`` as a rounded share of ``total``: "32%" (and "0%" of nothing)."""
    return f"{round(100 * count / total)}%" if total else "0%"


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
