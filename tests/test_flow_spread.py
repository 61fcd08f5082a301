"""The shuffled order spreads the themes: no theme comes twice while another is untouched."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from game.rules.spread import spread_by_theme

cards = st.lists(
    st.tuples(st.integers(0, 11), st.integers(0, 1000)), min_size=1, max_size=60, unique=True
)


@given(cards, st.integers(0, 2**32), st.integers(1, 60))
def test_no_theme_twice_while_another_is_untouched(
    pairs: list[tuple[int, int]], seed: int, limit: int
) -> None:
    themes = {f"c{n}-{card}": f"t{n}" for n, card in pairs}
    order = spread_by_theme(list(themes), themes.__getitem__, seed)
    assert sorted(order) == sorted(themes)
    available = Counter(themes.values())
    played = order[:limit]
    seen = Counter(themes[c] for c in played)
    # every prefix: a theme with cards left is never more than one behind the busiest theme
    for n in range(1, len(played) + 1):
        counts = Counter(themes[c] for c in played[:n])
        top = max(counts.values())
        for theme, total in available.items():
            assert counts.get(theme, 0) >= min(total, top - 1)
    assert sum(seen.values()) == len(played)


def test_the_same_seed_gives_the_same_order() -> None:
    themes = {f"k{n}": f"t{n % 4}" for n in range(20)}
    assert spread_by_theme(list(themes), themes.__getitem__, 7) == spread_by_theme(
        list(themes), themes.__getitem__, 7
    )
