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


def percent(count: int, total: int) -> int:
    """``count`` as a whole percentage of ``total``, rounded on its own (half up: 12.5 → 13).

    Exact integer arithmetic, so equal counts always give equal percentages; 0 when the
    total is 0.
    """
    if total <= 0:
        return 0
    return (200 * count + total) // (2 * total)


def shares(counts: Mapping[str, int]) -> dict[str, int]:
    """Whole percentages per key, each rounded on its own.

    Equal counts always show equal percentages, so a column may add up to 99 or 101: the room
    reads "3 33% / 3 34%" as a wrong sum, a total of 99 as rounding. All zeros when nobody voted.
    """
    total = sum(counts.values())
    return {k: percent(n, total) for k, n in counts.items()}


def room_phrase(counts: Mapping[str, int]) -> str:
    """The total and how the room stands, in words that match the bars.

    "9 stemmen — een meerderheid (56 %) voor A", "eensgezind voor B", "verdeeld tussen A en B".
    """
    total = sum(counts.values())
    if total <= 0:
        return "nog geen stemmen"
    stem = "stem" if total == 1 else "stemmen"
    return f"{total} {stem} — {room_words(counts)}"


def room_words(counts: Mapping[str, int]) -> str:
    """How the room stands, in words that match the bars: "eensgezind voor B",
    "een meerderheid (56 %) voor A", "verdeeld tussen A en B" (the team summary uses them too)."""
    total = sum(counts.values())
    if total <= 0:
        return "nog geen stemmen"
    pct = shares(counts)
    top = max(counts.values())
    leaders = [k for k, n in counts.items() if n == top]
    lead = leaders[0]
    if len(leaders) > 1:
        names = ", ".join(leaders[:-1]) + " en " + leaders[-1]
        words = f"verdeeld tussen {names}"
    elif top == total:
        words = f"eensgezind voor {lead}"
    elif pct[lead] >= 75:
        words = f"een grote meerderheid ({pct[lead]} %) voor {lead}"
    elif 2 * top > total:
        words = f"een meerderheid ({pct[lead]} %) voor {lead}"
    else:
        words = f"verdeeld; de meeste stemmen ({pct[lead]} %) voor {lead}"
    return words


def discussed_minutes(seconds: int) -> int:
    """How long a card was discussed, in whole minutes as people say it: rounded to the
    nearest minute (half a minute up), and at least 1 once the card was on screen at all.

    146 s is "2 minuten", 150 s "3 minuten", 20 s "1 minuut".
    """
    return max(1, (max(0, seconds) + 30) // 60)


def minutes_words(minutes: int) -> str:
    """"1 minuut", "2 minuten"."""
    return f"{minutes} {'minuut' if minutes == 1 else 'minuten'}"
