"""Practice mode's "Zo kozen teams" before and after an import (SPEC §8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessions.model import Round, SessionRecord
from sessions.report_safe import safe_team_counts, summed_large_votes
from sessions.store import Store
from tests.factories import summed_votes


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as s:
        yield s


def _session(sid: str, counts: dict[str, int]) -> SessionRecord:
    return SessionRecord(sid, "team", "2026-08", "Klein", 4, "deck", "1",
                         (Round("d1", "t", "hands", counts),), (), True)


def test_an_imported_small_team_changes_nothing(store: Store) -> None:
    store.import_records([_session("s1", {"A": 4, "B": 5})])
    before = safe_team_counts(store, "d1", "deck", 5)
    store.import_records([_session("s2", {"A": 3, "B": 1})])  # a team of 4
    after = safe_team_counts(store, "d1", "deck", 5)
    assert before == after == {"A": 4, "B": 5}
    # The live totals the practice screen showed before did give the team away:
    assert summed_votes(store, "d1", "deck") == {"A": 7, "B": 6}


_counts = st.dictionaries(st.sampled_from("AB"), st.integers(0, 6), min_size=1)


@given(st.lists(_counts), st.lists(_counts, min_size=1), st.integers(1, 8))
def test_before_and_after_differ_by_zero_or_at_least_k(
    old: list[dict[str, int]], new: list[dict[str, int]], k: int
) -> None:
    before = summed_large_votes(old, k)
    after = summed_large_votes(old + new, k)
    moved = sum(after.values()) - sum(before.values())
    assert moved == 0 or moved >= k


def test_older_deck_versions_are_read_by_today_s_keys_or_left_out(store: Store) -> None:
    """"Zo kozen teams" sums every team round of a card: a round of an older deck version
    counts under today's letters, and not at all once the card's options changed meaning."""
    old = SessionRecord("s1", "team", "2026-08", "A", 9, "deck", "1",
                        (Round("x", "t", "hands", {"A": 5, "B": 1}),), (), True)
    new = SessionRecord("s2", "team", "2026-09", "B", 9, "deck", "2",
                        (Round("x", "t", "hands", {"A": 1, "B": 6}),), (), True)
    store.import_records([old, new])
    swapped = {"1": {"A": "B", "B": "A"}}
    assert safe_team_counts(store, "x", "deck", 5, swapped.get) == {"A": 2, "B": 11}
    replaced: dict[str, dict[str, str]] = {"1": {}}
    assert safe_team_counts(store, "x", "deck", 5, replaced.get) == {"A": 1, "B": 6}
    assert safe_team_counts(store, "x", "deck", 5) == {"A": 6, "B": 7}
