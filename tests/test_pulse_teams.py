"""The pulse is an organisation's figure (SPEC §8): counted per calendar quarter, a quarter
enters a figure only with answers from sessions of at least 3 teams, and a report shows the
whole quarters of its period, so no two reports can be subtracted to give one team's pulse."""

from __future__ import annotations

from itertools import combinations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sessions.model import PulseAnswer, Round, SessionRecord
from sessions.report import Period, build_report, pulse_months, report_to_json
from sessions.report_model import quarter_of, team_key
from sessions.report_render import render_html, render_markdown

K = 5


def _session(i: int, month: str, team: str | None, counts: dict[str, int]) -> SessionRecord:
    return SessionRecord(f"p{i}", "team", month, team, 12, "d", "1",
                         (Round("kaart", "t", "none"),), (PulseAnswer("vraag", counts),), True)


def test_whole_quarters_of_a_period() -> None:
    assert pulse_months(Period("2026-01", "2026-12")) == ("2026-01", "2026-12")
    assert pulse_months(Period("2026-02", "2026-09")) == ("2026-04", "2026-09")
    assert pulse_months(Period("2026-01", "2026-01")) is None
    assert pulse_months(Period("2025-11", "2026-04")) == ("2026-01", "2026-03")


def test_one_month_of_one_team_shows_no_pulse() -> None:
    # One team alone in January: every one of them said "ja". No report over January may
    # say so, nor one over the quarter (one team), nor the year.
    records = [_session(0, "2026-01", "Ruimtelijke Ordening", {"ja": 12, "nee": 0})]
    for period in (Period("2026-01", "2026-01"), Period("2026-01", "2026-03"),
                   Period.year(2026)):
        (pulse,) = report_to_json(build_report(records, {}, k=K, period=period))["pulse"] or [
            {"counts": None, "quarters": {}}]
        assert pulse["counts"] is None
        assert all(q["counts"] is None for q in pulse["quarters"].values())


def test_three_teams_in_a_quarter_enter_the_sum_and_the_report_says_what_was_left_out() -> None:
    records = [
        _session(0, "2026-01", "Inkoop", {"ja": 5, "nee": 1}),
        _session(1, "2026-02", "Griffie", {"ja": 2, "nee": 4}),
        _session(2, "2026-03", None, {"ja": 3, "nee": 3}),  # no label: one more team
        _session(3, "2026-05", "Inkoop", {"ja": 6, "nee": 0}),
        _session(4, "2026-06", " inkoop ", {"ja": 0, "nee": 6}),  # the same team
    ]
    report = build_report(records, {}, k=K, period=Period.year(2026))
    (pulse,) = report_to_json(report)["pulse"]
    assert pulse["quarters"] == {
        "2026-Q1": {"answers": 18, "counts": {"ja": 10, "nee": 8}},
        "2026-Q2": {"answers": 12, "counts": None},
    }
    assert pulse["answers"] == 18 and pulse["counts"] == {"ja": 10, "nee": 8}
    for page in (render_markdown(report), render_html(report)):
        assert "Niet meegeteld: 1 kwartaal (12 antwoorden)" in page
        assert "minstens 3" in page


_teams = st.sampled_from([None, "Inkoop", " inkoop", "Griffie", "Burgerzaken", "ICT"])
_counts = st.dictionaries(st.sampled_from(["ja", "nee"]), st.integers(0, 6), min_size=1)
_records = st.lists(st.tuples(st.integers(1, 12), _teams, _counts), min_size=1, max_size=14)

# Every period the CLI accepts within the year (--from/--to by month, --year).
PERIODS = [Period(f"2026-{a:02d}", f"2026-{b:02d}") for a in range(1, 13) for b in range(a, 13)]


@settings(max_examples=25, deadline=None)
@given(_records)
# A quarter left out (one team) once lent its answer "nee" to a shown quarter, as a zero, in
# the reports whose period held both.
@example([(1, None, {"ja": 0}), (1, None, {"ja": 5}), (1, "Inkoop", {"ja": 5}),
          (1, "Griffie", {"ja": 5}), (4, None, {"ja": 0, "nee": 5})])
def test_no_report_or_difference_of_reports_shows_a_pulse_of_fewer_than_three_teams(
    drawn: list[tuple[int, str | None, dict[str, int]]],
) -> None:
    records = [_session(i, f"2026-{m:02d}", team, counts)
               for i, (m, team, counts) in enumerate(drawn)]
    # What each quarter holds: the teams whose tallies of k or more enter, and their sum.
    truth: dict[str, tuple[set[str], dict[str, int]]] = {}
    for rec in records:
        counts = rec.pulse[0].counts
        if sum(counts.values()) < K:
            continue
        teams, total = truth.setdefault(quarter_of(rec.month), (set(), {}))
        teams.add(team_key(rec.team))
        for key, n in counts.items():
            total[key] = total.get(key, 0) + n
    published: dict[str, dict[str, int]] = {}  # quarter → the one figure every report shows
    totals: list[tuple[frozenset[str], dict[str, int]]] = []
    for period in PERIODS:
        doc = report_to_json(build_report(records, {}, k=K, period=period))
        months = pulse_months(period)
        for question in doc["pulse"]:
            shown = {q: f["counts"] for q, f in question["quarters"].items()
                     if f["counts"] is not None}
            for q, counts in shown.items():
                assert months is not None and months[0] <= f"{q[:4]}-{3 * int(q[-1]):02d}"
                assert f"{q[:4]}-{3 * int(q[-1]) - 2:02d}" <= months[1]  # a whole quarter
                teams, total = truth[q]
                assert len(teams) >= 3, (q, teams)
                assert {key: n for key, n in counts.items() if n or key in total} == total
                assert published.setdefault(q, counts) == counts  # the same in every report
            summed: dict[str, int] = {}
            for counts in shown.values():
                for key, n in counts.items():
                    summed[key] = summed.get(key, 0) + n
            assert (question["counts"] or {}) == (summed if shown else {})
            totals.append((frozenset(shown), question["counts"] or {}))
    # Any two totals differ by whole quarters of at least 3 teams each.
    for (qa, a), (qb, b) in combinations(totals, 2):
        if qb <= qa:
            diff = {key: a.get(key, 0) - b.get(key, 0) for key in a}
            rest: dict[str, int] = {}
            for q in qa - qb:
                for key, n in published[q].items():
                    rest[key] = rest.get(key, 0) + n
            assert {key: n for key, n in diff.items() if n} == \
                {key: n for key, n in rest.items() if n}


def test_a_share_that_stayed_the_same_is_said_in_plain_words() -> None:
    from sessions.report_council import paragraph

    records = [_session(i, month, team, {"ja": 5, "nee": 0})
               for i, (month, team) in enumerate([
                   ("2026-01", "Inkoop"), ("2026-02", "Griffie"), ("2026-03", "ICT"),
                   ("2026-10", "Inkoop"), ("2026-11", "Griffie"), ("2026-12", "ICT")])]
    text = paragraph(build_report(records, {}, k=K, period=Period.year(2026)), "Gemeente")
    assert "ging van 100% in 2026 Q1 naar 100% in 2026 Q4" not in text
    assert "was in 2026 Q4 even groot als in 2026 Q1: 100%" in text
