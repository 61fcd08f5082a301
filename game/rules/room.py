"""What the room is told about a vote: whole percentages that add up to 100, and plain words.

The verdeeldheid index belongs to the report; the beamer says what the room can see.
"""

from __future__ import annotations

from collections.abc import Mapping


def shares(counts: Mapping[str, int]) -> dict[str, int]:
    """Whole percentages per key that add up to exactly 100 (largest remainder method).

    All zeros when nobody voted. Ties in the remainder go to the key that comes first.
    """
    total = sum(counts.values())
    if total <= 0:
        return dict.fromkeys(counts, 0)
    exact = {k: 100 * n / total for k, n in counts.items()}
    result = {k: int(v) for k, v in exact.items()}
    left = 100 - sum(result.values())
    order = sorted(counts, key=lambda k: (-(exact[k] - result[k]), list(counts).index(k)))
    for key in order[:left]:
        result[key] += 1
    return result


def room_phrase(counts: Mapping[str, int]) -> str:
    """The total and how the room stands, in words that match the bars.

    "9 stemmen — een meerderheid (56 %) voor A", "eensgezind voor B", "verdeeld tussen A en B".
    """
    total = sum(counts.values())
    if total <= 0:
        return "nog geen stemmen"
    stem = "stem" if total == 1 else "stemmen"
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
    return f"{total} {stem} — {words}"
