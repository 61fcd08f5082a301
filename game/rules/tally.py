"""Vote tallies: checking hand counts and counting a secret vote without keeping its order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class CountError(ValueError):
    """A hand count that cannot be accepted; ``str(error)`` is a Dutch message.

    ``key`` names the option whose field is wrong, or is None for the total.
    """

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def parse_hand_counts(
    raw: Mapping[str, str], keys: Sequence[str], participants: int
) -> dict[str, int]:
    """Turn typed hand counts into a tally, or refuse them with a Dutch message.

    Args:
        raw: the text typed per option key; an empty field counts as 0.
        keys: the option keys of the card, in order.
        participants: the number of people in the room; the total may not exceed it.

    Returns:
        A count per key (every key present).

    Raises:
        CountError: a count is not a whole number, negative, or the total is too high.
    """
    counts: dict[str, int] = {}
    for key in keys:
        text = raw.get(key, "").strip()
        if not text:
            counts[key] = 0
            continue
        if text.startswith("-") and text[1:].isdigit():
            raise CountError(f"{key}: een aantal kan niet negatief zijn.", key)
        if not text.isdecimal() or not text.isascii():
            raise CountError(f"{key}: typ een heel getal, zoals 3.", key)
        value = int(text)
        if value > participants:
            raise CountError(
                f"{key}: {value} is meer dan het aantal deelnemers ({participants}).", key
            )
        counts[key] = value
    total = sum(counts.values())
    if total > participants:
        raise CountError(
            f"Samen {total} stemmen, maar er zijn maar {participants} deelnemers.", None
        )
    return counts


class SecretTally:
    """The running count of a secret vote.

    Only a number per option is kept; the order in which votes came in is never stored.
    """

    __slots__ = ("_blanco", "_counts", "participants")

    def __init__(self, keys: Sequence[str], participants: int) -> None:
        if participants < 1:
            raise ValueError("participants must be at least 1")
        self._counts: dict[str, int] = dict.fromkeys(keys, 0)
        self._blanco = 0
        self.participants = participants

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self._counts)

    @property
    def total(self) -> int:
        """Votes received so far, blanco included."""
        return sum(self._counts.values()) + self._blanco

    @property
    def blanco(self) -> int:
        """Abstentions: counted apart, never part of the distribution."""
        return self._blanco

    @property
    def done(self) -> bool:
        return self.total >= self.participants

    @property
    def voter(self) -> int:
        """The 1-based number of the participant whose turn it is."""
        return min(self.total + 1, self.participants)

    def cast(self, key: str) -> bool:
        """Count one vote for ``key``. Returns False (and counts nothing) for an unknown key
        or when everyone has voted."""
        if key not in self._counts or self.done:
            return False
        self._counts[key] += 1
        return True

    def cast_blanco(self) -> bool:
        """Count one abstention. False when everyone has voted."""
        if self.done:
            return False
        self._blanco += 1
        return True

    def take_back(self, key: str | None) -> bool:
        """Undo one vote for ``key`` (None: one blanco), so a voter can correct their own
        press before passing on. False when there is no such vote to take back."""
        if key is None:
            if self._blanco <= 0:
                return False
            self._blanco -= 1
            return True
        if self._counts.get(key, 0) <= 0:
            return False
        self._counts[key] -= 1
        return True

    def counts(self) -> dict[str, int]:
        """A copy of the tally."""
        return dict(self._counts)
