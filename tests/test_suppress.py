"""Suppression below k: property tests against brute-force references of the rules."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.model import PulseAnswer, Revote, Round, SessionRecord
from sessions.report import Period, build_report, report_to_json
from sessions.suppress import MAX_ATOMS, derivable_small_group, suppress_quarters

# ------------------------------------------------------------------------ brute-force references


def _rank(rows: Sequence[Sequence[int]]) -> int:
    """Rank over the rationals, by plain elimination (independent of sessions.suppress)."""
    m = [[Fraction(x) for x in row] for row in rows]
    rank = 0
    cols = len(m[0]) if m else 0
    for c in range(cols):
        pivot = next((r for r in range(rank, len(m)) if m[r][c] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for r in range(len(m)):
            if r != rank and m[r][c] != 0:
                f = m[r][c] / m[rank][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[rank], strict=True)]
        rank += 1
    return rank


def exposed_groups(weights: Sequence[int], published: Sequence[frozenset[int]],
                   k: int) -> list[frozenset[int]]:
    """Every set of rounds with 0 < answers < k whose summed votes follow from the published sums.

    Rounds without answers are known to contribute nothing, so they are left out of the
    coordinates; a set is exposed when adding its indicator does not raise the rank.
    """
    live = [i for i, w in enumerate(weights) if w > 0]
    rows = [[int(i in s) for i in live] for s in published]
    base = _rank(rows) if rows else 0
    found = []
    for size in range(1, len(live) + 1):
        for combo in combinations(live, size):
            if sum(weights[i] for i in combo) >= k:
                continue
            vec = [int(i in combo) for i in live]
            if _rank([*rows, vec]) == base:
                found.append(frozenset(combo))
    return found


def reference_quarters(answers: dict[str, int], k: int) -> frozenset[str]:
    """SPEC §9's complementary rule, as stated, by trying every candidate set.

    Hidden: all quarters below k, plus the first j of the others taken smallest first (the
    earlier one on a tie), for the least j at which the hidden answers together are 0 or ≥ k
    (or nothing is left to hide).
    """
    primary = {q for q, n in answers.items() if n < k}
    others = [q for q in answers if q not in primary]
    candidates = []
    for size in range(len(others) + 1):
        for extra in combinations(others, size):
            hidden = primary | set(extra)
            total = sum(answers[q] for q in hidden)
            ok = total == 0 or total >= k or len(hidden) == len(answers)
            # "the next smallest quarter (the earlier one on a tie)": the extra ones must be
            # the smallest `size` of the others in that order.
            order = sorted(others, key=lambda q: (answers[q], q))
            if ok and set(extra) == set(order[:size]):
                candidates.append(frozenset(hidden))
    return min(candidates, key=len)


# ----------------------------------------------------------------------------------- quarters

quarter_labels = [f"{y}-Q{q}" for y in (2025, 2026) for q in (1, 2, 3, 4)]
quarter_answers = st.dictionaries(st.sampled_from(quarter_labels), st.integers(1, 30),
                                  max_size=8)


@given(quarter_answers, st.integers(1, 12))
def test_quarters_match_reference(answers: dict[str, int], k: int) -> None:
    assert suppress_quarters(answers, k) == reference_quarters(answers, k)


@given(quarter_answers, st.integers(1, 12))
def test_hidden_quarters_cannot_be_subtracted_from_the_total(answers: dict[str, int],
                                                              k: int) -> None:
    hidden = suppress_quarters(answers, k)
    assert all(q in hidden for q, n in answers.items() if n < k)
    total = sum(answers.values())
    if total >= k:  # the question's total counts are shown
        rest = sum(answers[q] for q in hidden)
        assert rest == 0 or rest >= k
        # One hidden quarter would be the total minus the shown ones: never one below k.
        if len(hidden) == 1:
            assert answers[next(iter(hidden))] >= k
    labels = sorted(answers)
    weights = [answers[q] for q in labels]
    published = [frozenset(range(len(labels)))] if total >= k else []
    published += [frozenset({i}) for i, q in enumerate(labels) if q not in hidden]
    assert exposed_groups(weights, published, k) == []


def test_quarters_examples() -> None:
    assert suppress_quarters({}, 5) == frozenset()
    assert suppress_quarters({"2026-Q1": 12, "2026-Q2": 3}, 5) == {"2026-Q1", "2026-Q2"}
    # Q2 + Q4 = 3 < 5: hide the next smallest; Q1 and Q3 tie at 9, the earlier one goes.
    assert suppress_quarters({"2026-Q1": 9, "2026-Q2": 2, "2026-Q3": 9, "2026-Q4": 1}, 5) == {
        "2026-Q1", "2026-Q2", "2026-Q4"}
    # Two small ones that together reach k need no help.
    assert suppress_quarters({"2026-Q1": 9, "2026-Q2": 2, "2026-Q3": 3}, 5) == {
        "2026-Q2", "2026-Q3"}


# ------------------------------------------------------------------- derivable groups of rounds

weights_st = st.lists(st.integers(0, 8), min_size=1, max_size=7)


@st.composite
def published_sets(draw: st.DrawFn) -> tuple[list[int], list[frozenset[int]], int]:
    weights = draw(weights_st)
    n = len(weights)
    sets = draw(st.lists(st.frozensets(st.integers(0, n - 1)), max_size=4))
    return weights, sets, draw(st.integers(1, 8))


@settings(max_examples=300)
@given(published_sets())
def test_derivable_group_matches_reference(case: tuple[list[int], list[frozenset[int]], int]) -> None:
    weights, published, k = case
    found = derivable_small_group(weights, published, k)
    reference = exposed_groups(weights, published, k)
    if found is None:
        assert reference == []
    else:
        assert reference != []
        live = frozenset(i for i in found if weights[i] > 0)
        assert 0 < sum(weights[i] for i in live) < k
        assert live in reference


def test_derivable_group_examples() -> None:
    # total of rounds 0..2, and rounds 0..1: round 2 (3 votes) is the difference.
    assert derivable_small_group([5, 6, 3], [frozenset({0, 1, 2}), frozenset({0, 1})], 5) == frozenset({2})
    # ... unless round 2 has 5 votes or more.
    assert derivable_small_group([5, 6, 5], [frozenset({0, 1, 2}), frozenset({0, 1})], 5) is None
    # Overlapping sets: {0,1} and {1,2} and the total give round 1 = a + b - total.
    assert derivable_small_group([6, 2, 6], [frozenset({0, 1, 2}), frozenset({0, 1}),
                                             frozenset({1, 2})], 5) == frozenset({1})


# --------------------------------------------------------- the report: shifts and pulse, end to end

round_st = st.tuples(
    st.dictionaries(st.sampled_from("ABC"), st.integers(0, 7), min_size=1),
    st.lists(st.tuples(st.integers(0, 2), st.dictionaries(st.sampled_from("ABC"),
                                                          st.integers(0, 7), min_size=1)),
             max_size=2),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(round_st, min_size=1, max_size=7), st.integers(2, 8))
def test_report_shifts_never_expose_fewer_than_k(
    rounds: list[tuple[dict[str, int], list[tuple[int, dict[str, int]]]]], k: int
) -> None:
    records = [
        SessionRecord(f"s{i}", "team", "2026-03", None, 20, "d", "1",
                      (Round("kaart", "t", "hands", first,
                             tuple(Revote(v, c) for v, c in revotes)),))
        for i, (first, revotes) in enumerate(rounds)
    ]
    doc = report_to_json(build_report(records, {}, k=k, period=Period.year(2026)))
    # A round below k never enters a sum (SPEC §8): its weight is 0, as is a re-vote below k.
    weights = [n if (n := sum(first.values())) >= k else 0 for first, _ in rounds]
    (dilemma,) = doc["dilemmas"]
    published = []
    if dilemma["counts"] is not None:
        published.append(frozenset(range(len(rounds))))
        assert sum(dilemma["counts"].values()) >= k
    for shift in doc["shifts"]:
        v = shift["variation"]
        members = frozenset(i for i, (_, revotes) in enumerate(rounds)
                            if any(r[0] == v for r in revotes)
                            and weights[i] and sum(dict(revotes)[v].values()) >= k)
        assert shift["revotes"] == len(members)
        assert shift["before"]["answers"] == sum(weights[i] for i in members)
        if shift["before"]["counts"] is not None:
            assert shift["before"]["answers"] >= k and shift["after"]["answers"] >= k
            assert sum(shift["before"]["counts"].values()) == shift["before"]["answers"]
            published.append(members)
        else:
            assert shift["after"]["counts"] is None
    assert exposed_groups(weights, published, k) == []


pulse_st = st.lists(
    st.tuples(st.integers(1, 12), st.sampled_from([None, "A", "B", "C", "D"]),
              st.dictionaries(st.sampled_from(["ja", "nee"]), st.integers(0, 6), min_size=1)),
    min_size=1, max_size=10,
)


@settings(max_examples=150, deadline=None)
@given(pulse_st, st.integers(3, 8))
def test_report_pulse_sums_only_quarters_of_three_teams(
    answers: list[tuple[int, str | None, dict[str, int]]], k: int
) -> None:
    records = [
        SessionRecord(f"p{i}", "team", f"2026-{month:02d}", team, 20, "d", "1",
                      (Round("kaart", "t", "none"),), (PulseAnswer("vraag", counts),))
        for i, (month, team, counts) in enumerate(answers)
    ]
    doc = report_to_json(build_report(records, {}, k=k, period=Period.year(2026)))
    if all(sum(counts.values()) < k for _, _, counts in answers):
        assert doc["pulse"] == []  # no tally of k or more: nothing enters a sum
        return
    (question,) = doc["pulse"]
    quarters = question["quarters"]
    for q, figure in quarters.items():
        big = [(team, counts) for month, team, counts in answers
               if f"2026-Q{(month - 1) // 3 + 1}" == q and sum(counts.values()) >= k]
        assert figure["answers"] == sum(sum(c.values()) for _, c in big)
        assert (figure["counts"] is not None) == (len({t for t, _ in big}) >= 3)
    assert question["answers"] == sum(f["answers"] for f in quarters.values()
                                      if f["counts"] is not None)


def test_too_many_groups_count_as_exposed() -> None:
    # 32 rounds told apart by 5 overlapping sets: 32 groups, more than MAX_ATOMS.
    weights = [10] * 32
    published = [frozenset(i for i in range(32) if i >> bit & 1) for bit in range(5)]
    assert len({tuple(i in s for s in published) for i in range(32)}) > MAX_ATOMS
    assert derivable_small_group(weights, published, 5) == frozenset(range(32))
