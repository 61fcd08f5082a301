"""The shuffled order: cards mixed so that the themes are spread over the session."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence


def spread_by_theme(
    cards: Sequence[str], theme_of: Callable[[str], str], seed: int | None
) -> list[str]:
    """``cards`` shuffled in rounds: each round takes one card of every theme that has cards
    left, the themes in a fresh random order, so no theme comes twice while another theme with
    cards left is still untouched (and any first N cards cover as many themes as they can)."""
    rng = random.Random(seed)
    by_theme: dict[str, list[str]] = {}
    for card in cards:
        by_theme.setdefault(theme_of(card), []).append(card)
    for pile in by_theme.values():
        rng.shuffle(pile)
    order: list[str] = []
    while by_theme:
        themes = list(by_theme)
        rng.shuffle(themes)
        for theme in themes:
            order.append(by_theme[theme].pop())
            if not by_theme[theme]:
                del by_theme[theme]
    return order
