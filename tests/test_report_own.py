"""Eigen casussen and blanco in the report: own cards apart, by title; abstentions per dilemma."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from sessions.model import OwnCase, OwnOption, Revote, Round, SessionRecord
from sessions.report import (
    Period,
    build_report,
    build_report_from_store,
    render_csv,
    render_html,
    render_markdown,
    report_to_json,
)
from sessions.store import Store

K = 5
CASE = OwnCase("Het lek naar de krant", "Wat doe je?", "choice",
               (OwnOption("A", "Melden"), OwnOption("B", "Niets")))


def _own(dilemma: str, title: str, theme: str = "eigen-casus", *,
         revotes: tuple[Revote, ...] = (), note: str | None = None) -> Round:
    case = OwnCase(title, CASE.question, CASE.kind, CASE.options)
    return Round(dilemma, theme, "secret", {"A": 6, "B": 2}, revotes, own=case, note=note)


RECORDS = [
    SessionRecord("s1", "team", "2026-02", "Inkoop", 9, "deck", "1", (
        Round("d1", "t1", "secret", {"A": 4, "B": 3}, blanco=2),
        _own("eigen-1", "Het lek naar de krant", revotes=(Revote(0, {"A": 8}),)),
    ), (), True),
    SessionRecord("s2", "team", "2026-05", "Burgerzaken", 7, "deck", "1", (
        Round("d1", "t1", "secret", {"A": 2, "B": 4}, blanco=1),
        _own("eigen-1", "het lek  naar de krant", theme="t1"),
        _own("eigen-2", "Budget over"),
    ), (), True),
    # A vote of fewer than k people: neither its counts nor its blanco enter a sum.
    SessionRecord("s3", "team", "2026-06", "Klein", 4, "deck", "1", (
        Round("d1", "t1", "secret", {"A": 1, "B": 2}, blanco=1),
    ), (), True),
]


def _report(records: list[SessionRecord] = RECORDS) -> dict[str, Any]:
    return report_to_json(build_report(records, {}, k=K, period=Period.year(2026)))


def test_own_cases_stay_out_of_every_dilemma_figure() -> None:
    doc = _report()
    assert [d["id"] for d in doc["dilemmas"]] == ["d1"]
    assert doc["shifts"] == []
    assert all(not str(n.get("dilemma", "")).startswith("eigen-")
               for n in doc.get("notes", []))


def test_own_cases_count_as_rounds_and_are_listed_by_title() -> None:
    doc = _report()
    assert doc["totals"]["rounds"] == 6
    assert [s["rounds"] for s in doc["sessions"]] == [2, 3, 1]
    assert doc["own_cases"] == [{"title": "Budget over", "played": 1},
                                {"title": "Het lek naar de krant", "played": 2}]
    themes = {t["id"]: (t["title"], t["rounds"]) for t in doc["themes"]}
    assert themes == {"t1": ("t1", 4), "eigen-casus": ("Eigen casus", 2)}


def test_blanco_is_summed_over_the_votes_that_count() -> None:
    d1 = _report()["dilemmas"][0]
    assert d1["counts"] == {"A": 6, "B": 7} and d1["answers"] == 13
    assert d1["blanco"] == 3  # s3 (3 votes, 1 blanco) stays out, as its votes do


def test_blanco_is_hidden_with_the_counts() -> None:
    d1 = _report([RECORDS[2]])["dilemmas"][0]
    assert d1["counts"] is None and d1["blanco"] is None


def test_the_store_gives_the_same(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        store.import_records(RECORDS)
        fast = build_report_from_store(store, {}, k=K, period=Period.year(2026), with_notes=True)
        slow = build_report(store.list_sessions("team"), {}, k=K, period=Period.year(2026),
                            with_notes=True)
    assert fast == slow
    assert report_to_json(fast)["own_cases"] == _report()["own_cases"]


def test_the_human_formats_show_both() -> None:
    report = build_report(RECORDS, {}, k=K, period=Period.year(2026))
    for text in (render_markdown(report), render_html(report)):
        assert "Eigen casussen" in text
        assert "Het lek naar de krant" in text and "Budget over" in text
        assert "3 blanco" in text
    rows = list(csv.reader(io.StringIO(render_csv(report))))
    assert any("blanco" in row and "3" in row for row in rows)
    assert any("Het lek naar de krant" in row for row in rows)


def test_the_workbook_shows_both() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from sessions.report_xlsx import render_xlsx

    report = build_report(RECORDS, {}, k=K, period=Period.year(2026))
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    assert "Eigen casussen" in wb.sheetnames
    own = list(wb["Eigen casussen"].iter_rows(min_row=2, values_only=True))
    assert own == [("Budget over", 1), ("Het lek naar de krant", 2)]
    head = [c.value for c in wb["Dilemma's"][1]]
    row = next(wb["Dilemma's"].iter_rows(min_row=2, values_only=True))
    assert row[head.index("Blanco")] == 3


def test_own_case_notes_go_with_the_title_only_when_asked() -> None:
    records = [SessionRecord("s1", "team", "2026-02", None, 9, "deck", "1", (
        _own("eigen-1", "Het lek", note="Goed besproken."),), (), True)]
    plain = report_to_json(build_report(records, {}, k=K, period=Period.year(2026)))
    assert "notes" not in plain
    doc = report_to_json(build_report(records, {}, k=K, period=Period.year(2026),
                                      with_notes=True))
    assert json.dumps(doc["notes"]).count("Goed besproken.") == 1


def test_a_small_team_s_blanco_cannot_be_subtracted() -> None:
    july = SessionRecord("s1", "team", "2026-07", "Groot", 9, "deck", "1",
                         (Round("d1", "t", "secret", {"A": 4, "B": 5}, blanco=1),), (), True)
    august = SessionRecord("s2", "team", "2026-08", "Klein", 4, "deck", "1",
                           (Round("d1", "t", "secret", {"A": 3, "B": 1}, blanco=2),), (), True)
    both = report_to_json(build_report([july, august], {}, k=K,
                                       period=Period("2026-07", "2026-08")))
    only_july = report_to_json(build_report([july, august], {}, k=K,
                                            period=Period("2026-07", "2026-07")))
    assert both["dilemmas"][0]["blanco"] == only_july["dilemmas"][0]["blanco"] == 1


def test_a_deck_card_whose_id_starts_with_eigen_is_a_dilemma() -> None:
    """huizen-basis 2026.2 had a card 'eigen-huis-verhuren' (bundles keep it): without an eigen casus on the round it
    is the deck's card, with its votes."""
    records = [SessionRecord("s1", "team", "2026-02", None, 9, "huizen-basis", "2026.2", (
        Round("eigen-huis-verhuren", "nevenwerkzaamheden", "hands", {"A": 4, "B": 5}),),
        (), True)]
    doc = _report(records)
    assert [d["id"] for d in doc["dilemmas"]] == ["eigen-huis-verhuren"]
    assert doc["own_cases"] == []


def test_every_renderer_words_numbers_the_same_way() -> None:
    from sessions.report_words import hidden_reason, number, percent, plural
    from sessions.report_xlsx import hidden_note

    assert number(6.83) == "6,8" and number(None) == "—" and number(0.8766, 3) == "0,877"
    assert percent(1, 3) == "33%" and percent(0, 0) == "0%"
    assert plural(1, "teamsessie", "teamsessies") == "1 teamsessie"
    assert hidden_note(3, 5) == f"verborgen ({hidden_reason(3, 5)})"
