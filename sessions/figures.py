"""Small figures shared by the report and the reveal screen: percentages and *verdeeldheid*."""

from __future__ import annotations

import math
from collections.abc import Mapping

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def month_label(month: str) -> str:
    """``2026-11`` as ``november 2026``; anything else as it is."""
    year, _, number = month.partition("-")
    try:
        return f"{MONTHS[int(number) - 1]} {year}"
    except (ValueError, IndexError):
        return month


def verdeeldheid(counts: Mapping[str, int], m: int) -> float | None:
    """How divided a distribution is: normalised entropy ``-Σ p·ln p / ln m`` in [0, 1].

    Args:
        counts: votes per option key.
        m: the number of possible options (choice) or points (scale).

    Returns:
        The score rounded to 3 decimals, or None when ``m < 2`` or there are no votes.
    """
    total = sum(counts.values())
    if m < 2 or total <= 0:
        return None
    entropy = 0.0
    for c in counts.values():
        if c > 0:
            p = c / total
            entropy -= p * math.log(p)
    return round(min(1.0, max(0.0, entropy / math.log(m))), 3)


def percentages(counts: Mapping[str, int]) -> dict[str, float]:
    """Each count as a percentage of the total (0 for every key when the total is 0)."""
    total = sum(counts.values())
    return {k: (100.0 * v / total if total else 0.0) for k, v in counts.items()}


def divided_label(score: float | None) -> str:
    """A plain Dutch phrase for a *verdeeldheid* score, for the screen."""
    if score is None:
        return "nog geen stemmen"
    if score < 0.35:
        return "de groep is het grotendeels eens"
    if score < 0.7:
        return "de groep is wat verdeeld"
    return "de groep is sterk verdeeld"
