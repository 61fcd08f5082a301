"""Disclosure control for the WIO report: primary and complementary suppression below ``k``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from itertools import combinations

#: Above this many distinct groups of rounds the search is not attempted and the figures are
#: treated as exposing, so that the caller hides more (a card has a handful of variations, so
#: there are at most 2**variations groups; this keeps the search small).
MAX_ATOMS = 16


def shown(answers: int, k: int) -> bool:
    """Whether a distribution of ``answers`` answers may be shown (primary suppression)."""
    return answers >= k


def suppress_quarters(answers: Mapping[str, int], k: int) -> frozenset[str]:
    """The quarters of one pulse question whose distribution must be hidden.

    Primary: every quarter with fewer than ``k`` answers. Complementary (SPEC §9): the answers
    of all hidden quarters together must be 0 or at least ``k`` — otherwise the question's total
    minus the shown quarters would give away a hidden one — so the next smallest shown quarter
    (the earlier one on a tie) is hidden until that holds.

    Args:
        answers: answers per quarter, keyed by a sortable quarter label ("2026-Q1").
        k: the threshold.

    Returns:
        The labels of the hidden quarters.
    """
    hidden = {q for q, n in answers.items() if n < k}
    left = sorted((n, q) for q, n in answers.items() if q not in hidden)
    total = sum(answers[q] for q in hidden)
    while 0 < total < k and left:
        n, q = left.pop(0)
        hidden.add(q)
        total += n
    return frozenset(hidden)


def _basis(rows: Sequence[Sequence[int]]) -> list[tuple[int, list[Fraction]]]:
    """An echelon basis of the rows' span over the rationals: (pivot column, row) pairs."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        vec = _reduce([Fraction(x) for x in row], basis)
        pivot = next((i for i, x in enumerate(vec) if x != 0), None)
        if pivot is None:
            continue
        scale = vec[pivot]
        vec = [x / scale for x in vec]
        basis.append((pivot, vec))
    return basis


def _reduce(vec: list[Fraction], basis: list[tuple[int, list[Fraction]]]) -> list[Fraction]:
    for pivot, row in basis:
        factor = vec[pivot]
        if factor != 0:
            vec = [a - factor * b for a, b in zip(vec, row, strict=True)]
    return vec


def derivable_small_group(
    weights: Sequence[int], published: Sequence[frozenset[int]], k: int
) -> frozenset[int] | None:
    """A group of rounds with 0 < answers < ``k`` whose summed votes follow from published sums.

    Each published figure is the summed first vote over a set of rounds (the dilemma's total,
    the "before" of each shown shift). Anyone can add and subtract those sums; a union of rounds
    is exposed exactly when its indicator lies in the rational span of the published sets.
    Rounds that no published set tells apart are grouped into atoms first; rounds with no
    answers are left out (their votes are known to be zero anyway).

    Args:
        weights: answers of each round (index = round).
        published: the sets of round indices whose summed votes are shown.
        k: the threshold.

    Returns:
        One exposed group (round indices), or None when nothing below ``k`` can be derived.
        Above ``MAX_ATOMS`` groups, all rounds with answers (too many to search: hide more).
    """
    signature = [0] * len(weights)
    for j, members in enumerate(published):
        bit = 1 << j
        for i in members:
            signature[i] |= bit
    atoms: dict[int, list[int]] = {}
    for i, w in enumerate(weights):
        if w > 0 and signature[i]:
            atoms.setdefault(signature[i], []).append(i)
    keys = list(atoms)
    if len(keys) > MAX_ATOMS:
        return frozenset(i for i, w in enumerate(weights) if w > 0)
    atom_weight = [sum(weights[i] for i in atoms[key]) for key in keys]
    if not atom_weight or min(atom_weight) >= k:
        return None  # every group of rounds that could be told apart already has k answers
    rows = [[(key >> j) & 1 for key in keys] for j in range(len(published))]
    basis = _basis(rows)
    order = range(len(keys))
    for size in range(1, min(k - 1, len(keys)) + 1):
        for combo in combinations(order, size):
            if sum(atom_weight[a] for a in combo) >= k:
                continue
            vec = [Fraction(1) if a in combo else Fraction(0) for a in order]
            if not any(_reduce(vec, basis)):
                return frozenset(i for a in combo for i in atoms[keys[a]])
    return None
