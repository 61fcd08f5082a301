"""The report's sums, made by SQLite, against a plain count of the same records: any option
keys (quotes, backslashes, dots, digits that sort alike), any k, old deck versions."""

from __future__ import annotations

from typing import TypedDict

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.model import Revote, Round, SessionRecord
from sessions.report import Period, build_report, report_to_json


class Expected(TypedDict):
    """One dilemma's figures counted by hand."""

    played: int
    summed: int
    answers: int
    blanco: int
    counts: dict[str, int]


_keys = st.sampled_from(["A", "B", "1", "01", 'a"b', "c\\d", "x.y", "$", "é", " "])
_tally = st.dictionaries(_keys, st.integers(0, 6), min_size=1, max_size=4)
_round = st.tuples(st.sampled_from(["d1", "d2"]), _tally,
                   st.lists(st.tuples(st.integers(0, 1), _tally), max_size=2),
                   st.integers(0, 2))
_session = st.tuples(st.integers(1, 12), st.sampled_from(["deck", "ander"]),
                     st.lists(_round, min_size=1, max_size=3))


@settings(max_examples=60, deadline=None)
@given(st.lists(_session, min_size=1, max_size=8), st.integers(3, 9))
def test_dilemma_sums_equal_a_plain_count(
    sessions: list[tuple[int, str, list[tuple[str, dict[str, int], list[tuple[int, dict[str, int]]],
                                                int]]]],
    k: int,
) -> None:
    records = [
        SessionRecord(f"s{i}", "team", f"2026-{month:02d}", f"Team {i % 3}", 9, deck, "1",
                      tuple(Round(d, "t", "secret", counts,
                                  tuple(Revote(v, c) for v, c in revotes), blanco=blanco)
                            for d, counts, revotes, blanco in rounds), (), True)
        for i, (month, deck, rounds) in enumerate(sessions)
    ]
    doc = report_to_json(build_report(records, {}, k=k, period=Period.year(2026)))
    figures = {(f["deck"], f["id"]): f for f in doc["dilemmas"]}
    expected: dict[tuple[str, str], Expected] = {}
    for rec in records:
        for rnd in rec.rounds:
            e = expected.setdefault((rec.deck_id, rnd.dilemma),
                                    Expected(played=0, summed=0, answers=0, blanco=0, counts={}))
            e["played"] += 1
            n = sum((rnd.counts or {}).values())
            if n < k:
                continue
            e["summed"] += 1
            e["answers"] += n
            e["blanco"] += rnd.blanco
            counts = e["counts"]
            for key, value in (rnd.counts or {}).items():
                counts[key] = counts.get(key, 0) + value
    assert set(figures) == set(expected)
    for where, e in expected.items():
        f = figures[where]
        assert (f["played"], f["summed"], f["answers"]) == (e["played"], e["summed"],
                                                            e["answers"])
        if e["answers"] >= k:
            assert f["counts"] == e["counts"] and f["blanco"] == e["blanco"]
        else:
            assert f["counts"] is None
    # Every shown shift adds up to its rounds' first votes and last re-votes.
    for shift in doc["shifts"]:
        if shift["before"]["counts"] is not None:
            assert sum(shift["before"]["counts"].values()) == shift["before"]["answers"] >= k
            assert sum(shift["after"]["counts"].values()) == shift["after"]["answers"] >= k
