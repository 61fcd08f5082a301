"""Vote keys and labels of a card, shared by the round and the pulse."""

from __future__ import annotations

from dilemmas.model import Dilemma


def vote_choices(dilemma: Dilemma) -> list[tuple[str, str, str]]:
    """(press key, option key, label) for a secret vote on this card.

    A 10-point scale cannot take "10" as one key press, so it is 0.
    """
    answer = dilemma.answer
    if answer.kind == "choice":
        return [(o.key.lower(), o.key, o.text) for o in answer.options]
    return [(key if len(key) == 1 else key[-1], key, answer.label(key)) for key in answer.keys]


def option_labels(dilemma: Dilemma) -> dict[str, str]:
    """Option key → label, in card order."""
    return {key: dilemma.answer.label(key) for key in dilemma.answer.keys}


def worded(dilemma: Dilemma, counts: dict[str, int]) -> tuple[dict[str, int], dict[str, str]]:
    """Counts and labels keyed by each answer's own words ("Niet precies", not "weet-niet"):
    for bars that show the answer itself (the pulse)."""
    labels = option_labels(dilemma)
    words = {key: labels.get(key, key) for key in labels}
    return (
        {words[key]: int(counts.get(key, 0)) for key in labels},
        {word: word for word in words.values()},
    )
