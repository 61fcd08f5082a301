"""The supported option is not given away by being neither the longest nor the shortest: a
player who always picks an option of middle length must do no better than chance allows."""

from __future__ import annotations

from tests.test_bundled_deck_shape import _supported_choices


def test_the_supported_option_is_not_always_of_middle_length() -> None:
    cards = _supported_choices()
    middle = 0
    expected = 0.0
    for _, key, texts in cards:
        lengths = [len(t) for t in texts.values()]
        middle += min(lengths) < len(texts[key]) < max(lengths)
        expected += (len(texts) - 2) / len(texts)  # chance of a middle option on this card
    longest = sum(len(texts[key]) == max(len(t) for t in texts.values()) for _, key, texts in cards)
    shortest = sum(len(texts[key]) == min(len(t) for t in texts.values()) for _, key, texts in cards)
    assert middle <= 1.3 * expected, (middle, round(expected, 1), len(cards))
    assert longest >= len(cards) / 6, (longest, len(cards))
    assert shortest >= len(cards) / 6, (shortest, len(cards))
