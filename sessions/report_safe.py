"""Team figures that stay safe to show however often they are looked at (SPEC §8).

The rule of the report applies here too: a vote of fewer than ``k`` people never enters a sum.
The figures before and after an import (or a new session) then differ by whole votes of at
least ``k`` people each, so the difference never shows how a small team voted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sessions.store import Store


def summed_large_votes(rounds: Iterable[Mapping[str, int]], k: int) -> dict[str, int]:
    """The counts of the rounds with at least ``k`` answers, summed per option key."""
    least = max(1, k)
    total: dict[str, int] = {}
    for counts in rounds:
        if sum(counts.values()) >= least:
            for key, value in counts.items():
                total[key] = total.get(key, 0) + value
    return total


KeyMap = Callable[[str], "Mapping[str, str] | None"]
"""A deck version → how the card's option keys then read now (None: the same; {}: the options
changed meaning, so those votes are left out), as ``Deck.key_map`` gives it for one card."""


def safe_team_counts(store: Store, dilemma_id: str, deck_id: str | None, k: int,
                     key_map: KeyMap | None = None) -> dict[str, int]:
    """"Zo kozen teams" for one dilemma: the team sessions' first votes, each round of fewer
    than ``k`` answers left out, older deck versions read by today's keys (``key_map``).
    Raises StoreError as the store's reads do."""
    rounds = []
    for version, counts in store.dilemma_round_votes(dilemma_id, deck_id):
        swap = key_map(version) if key_map is not None else None
        if swap is not None and not swap:
            continue  # the card's options changed meaning since that version
        rounds.append({swap.get(key, key): n for key, n in counts.items()} if swap else counts)
    return summed_large_votes(rounds, k)
