"""SPEC §8: no two or three reports over accepted periods subtract to 1..k-1 answers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations, product
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.model import PulseAnswer, Revote, Round, SessionRecord
from sessions.report import Period, build_report, quarter_of, report_to_json

K = 5
MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]


Members = frozenset[tuple[str, int]]
BLANCO = "(blanco)"
"""The abstentions beside a dilemma's votes: a cell of the same group of people."""


def _figures(doc: dict[str, Any], records: list[SessionRecord]
             ) -> Iterable[tuple[str, dict[str, int], Members]]:
    """Every shown distribution of a JSON report: the votes it sums, its counts, and the
    rounds (session, index; index -1 for the pulse) of the period it says it covers."""
    period = Period(doc["period"]["from"], doc["period"]["to"])
    live = [r for r in records if period.contains(r.month)]

    def revoted(rnd: Round, variation: int, k: int) -> bool:
        # A shift is over the re-votes on that variation (the last one counts) of k or more.
        last = {v.variation: v.counts for v in rnd.revotes}
        return variation in last and sum(last[variation].values()) >= k

    def rounds(dilemma: str, variation: int | None = None) -> Members:
        return frozenset((r.id, i) for r in live for i, rnd in enumerate(r.rounds)
                         if rnd.dilemma == dilemma and rnd.counts is not None
                         and (variation is None or revoted(rnd, variation, doc["k"])))

    def pulse(question: str, quarter: str | None = None) -> Members:
        return frozenset((r.id, -1) for r in live if any(a.question == question for a in r.pulse)
                         and (quarter is None or quarter_of(r.month) == quarter))

    for d in doc["dilemmas"]:
        if d["counts"] is not None:
            # The abstentions shown beside the votes are part of the same group of people.
            yield f"first:{d['id']}", {**d["counts"], BLANCO: d["blanco"]}, rounds(d["id"])
    for s in doc["shifts"]:
        members = rounds(s["dilemma"], s["variation"])
        if s["before"]["counts"] is not None:
            yield f"first:{s['dilemma']}", s["before"]["counts"], members
        if s["after"]["counts"] is not None:
            yield f"after:{s['dilemma']}:{s['variation']}", s["after"]["counts"], members
    for p in doc["pulse"]:
        if p["counts"] is not None:
            yield f"pulse:{p['question']}", p["counts"], pulse(p["question"])
        for label, q in p["quarters"].items():
            if q["counts"] is not None:
                yield f"pulse:{p['question']}", q["counts"], pulse(p["question"], label)


def _leaks(reports: list[dict[str, Any]], records: list[SessionRecord], k: int
           ) -> list[tuple[str, dict[str, int]]]:
    """Sums and differences of one to three shown figures that describe a real group of
    rounds (every round counted once or not at all) with 1..k-1 answers."""
    pools: dict[str, list[tuple[dict[str, int], Members]]] = {}
    for doc in reports:
        for universe, counts, members in _figures(doc, records):
            pools.setdefault(universe, []).append((counts, members))
    found = []
    for universe, pool in pools.items():
        for size in (1, 2, 3):
            for combo in combinations(pool, size):
                for signs in product((1, -1), repeat=size - 1):
                    weights = (1, *signs)
                    coef: Counter[tuple[str, int]] = Counter()
                    for w, (_counts, members) in zip(weights, combo, strict=True):
                        for m in members:
                            coef[m] += w
                    if any(c not in (0, 1) for c in coef.values()):
                        continue  # not a group of real answers
                    keys = set().union(*(counts for counts, _m in combo))
                    if not all(BLANCO in counts for counts, _m in combo):
                        keys.discard(BLANCO)  # not shown for every group: not computable
                    diff = {key: sum(w * c.get(key, 0)
                                     for w, (c, _m) in zip(weights, combo, strict=True))
                            for key in keys}
                    if 0 < sum(diff.values()) < k:
                        found.append((universe, diff))
    return found


def _round(counts: dict[str, int], revote: dict[str, int] | None = None) -> Round:
    return Round("d1", "t", "hands", counts,
                 (Revote(0, revote),) if revote is not None else ())


def test_a_team_alone_in_august_cannot_be_subtracted() -> None:
    july = SessionRecord("s1", "team", "2026-07", "Groot", 9, "deck", "1",
                         (_round({"A": 4, "B": 5}),),
                         (PulseAnswer("vp", {"ja": 5, "nee": 4}),), True)
    august = SessionRecord("s2", "team", "2026-08", "Klein", 4, "deck", "1",
                           (_round({"A": 3, "B": 1}),),
                           (PulseAnswer("vp", {"ja": 1, "nee": 3}),), True)
    both = report_to_json(build_report([july, august], {}, k=K,
                                       period=Period("2026-07", "2026-08")))
    only_july = report_to_json(build_report([july, august], {}, k=K,
                                            period=Period("2026-07", "2026-07")))
    assert both["dilemmas"][0]["counts"] == only_july["dilemmas"][0]["counts"] == {"A": 4, "B": 5}
    assert both["pulse"] == only_july["pulse"] == []  # no whole quarter: no pulse at all
    assert not _leaks([both, only_july], [july, august], K)


_counts = st.dictionaries(st.sampled_from("AB"), st.integers(0, 7), min_size=1)


@st.composite
def _records(draw: st.DrawFn) -> list[SessionRecord]:
    out = []
    for i in range(draw(st.integers(1, 7))):
        rounds = []
        for _ in range(draw(st.integers(1, 2))):
            counts = draw(_counts)
            revote = draw(st.none() | _counts)
            rounds.append(Round(draw(st.sampled_from(["d1", "d2"])), "t", "secret", counts,
                                (Revote(0, revote),) if revote is not None else (),
                                blanco=draw(st.integers(0, 3))))
        pulse = (PulseAnswer("vp", draw(st.dictionaries(st.sampled_from(["ja", "nee"]),
                                                        st.integers(0, 6), min_size=1))),)
        out.append(SessionRecord(f"s{i}", "team", draw(st.sampled_from(MONTHS)),
                                 draw(st.sampled_from(["A", "B", None])), 9, "deck", "1",
                                 tuple(rounds), pulse, True))
    return out


_period = st.tuples(st.sampled_from(MONTHS), st.sampled_from(MONTHS)).map(
    lambda p: Period(min(p), max(p)))


@settings(max_examples=150, deadline=None)
@given(_records(), st.lists(_period, min_size=2, max_size=3), st.integers(2, 6))
def test_no_reports_subtract_to_a_small_group(records: list[SessionRecord],
                                              periods: list[Period], k: int) -> None:
    reports = [report_to_json(build_report(records, {}, k=k, period=p)) for p in periods]
    assert not _leaks(reports, records, k)


def test_team_labels_count_once_however_they_were_typed() -> None:
    import unicodedata

    labels = ["Financiën", unicodedata.normalize("NFD", "Financiën"), " financiën ",
              "Openbare  Werken", "openbare werken"]
    records = [SessionRecord(f"s{i}", "team", "2026-03", label, 6, "deck", "1",
                             (Round("d1", "t", "none"),), (), True)
               for i, label in enumerate(labels)]
    doc = report_to_json(build_report(records, {}, k=K, period=Period.year(2026)))
    assert doc["totals"]["teams"] == 2
    assert {s["team"] for s in doc["sessions"]} <= {"Financiën", "financiën", "Openbare Werken",
                                                    "openbare werken"}


def test_the_config_teams_give_the_spelling_shown() -> None:
    records = [SessionRecord("s1", "team", "2026-03", "openbare  werken", 6, "deck", "1",
                             (Round("d1", "t", "none"),), (), True)]
    doc = report_to_json(build_report(records, {}, k=K, period=Period.year(2026),
                                      teams=("Openbare Werken", "Financiën")))
    assert [s["team"] for s in doc["sessions"]] == ["Openbare Werken"]
