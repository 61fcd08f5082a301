"""The report as an Excel workbook: written by the command, read back with openpyxl."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

from game.cli import main  # noqa: E402
from sessions.report_xlsx import render_xlsx  # noqa: E402
from tests.test_report import FIXTURES, _fill_store, _report  # noqa: E402

SHEETS = ["Overzicht", "Vastgelegd", "Bereik", "Vorige periode",
          "Referentiecijfers", "Thema's", "Dilemma's", "Verschuivingen", "Eigen casussen",
          "Meldklimaat", "Meldklimaat per kwartaal", "Sessies"]
TABLES = [name for name in SHEETS if name != "Meldklimaat per kwartaal"]


def _book(tmp_path: Path) -> Any:  # an openpyxl Workbook; openpyxl has no type hints
    _fill_store()
    out = tmp_path / "rapport.xlsx"
    code = main(["--decks", str(FIXTURES), "report", "--year", "2026", "--format", "xlsx",
                 "-o", str(out)])
    assert code == 0
    assert out.stat().st_mode & 0o777 == 0o600
    return openpyxl.load_workbook(out)


def test_sheets_headers_bold_frozen_filtered_and_printable(tmp_path: Path) -> None:
    wb = _book(tmp_path)
    assert wb.sheetnames == SHEETS
    dilemmas = wb["Dilemma's"]
    headers = [c.value for c in dilemmas[1]]
    assert headers[:7] == ["Deck", "Dilemma", "Keer gespeeld", "Rondes meegeteld", "Antwoorden",
                           "Blanco", "Verdeeldheid"]
    assert "Opmerking" in headers
    for name in SHEETS:
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1] if c.value is not None)
        assert 5 < ws.column_dimensions["A"].width <= 62
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage  # fit to the width (1, the default)
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
        if name in TABLES and ws.max_row > 1:
            assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"


def test_first_sheets_say_what_is_recorded(tmp_path: Path) -> None:
    wb = _book(tmp_path)
    texts = [str(c.value) for row in wb["Vastgelegd"].iter_rows() for c in row
             if c.value is not None]
    assert texts[0] == "Wat wel en niet is vastgelegd"
    assert any("Namen van deelnemers zijn niet vastgelegd" in t for t in texts)
    overview = wb["Overzicht"]
    sessions = next(row for row in overview.iter_rows(values_only=True)
                    if row[0] == "Teamsessies")
    assert sessions[1] == _report().totals.sessions


def test_numbers_are_numbers_in_the_html_precision(tmp_path: Path) -> None:
    ws = _book(tmp_path)["Dilemma's"]
    rows = [r for r in ws.iter_rows(min_row=2) if r[8].value is not None]
    assert rows
    report = _report()
    by_title = {d.title: d for d in report.dilemmas}
    for r in rows:
        assert all(isinstance(r[i].value, int) for i in (2, 3, 4, 5, 8))
        assert isinstance(r[9].value, (int, float)) and 0 <= r[9].value <= 1
        assert r[9].number_format == "0%"
        assert r[6].number_format == "0.000"
        assert r[6].value == by_title[r[1].value].verdeeldheid  # 0.859, not 0.86


def test_a_hidden_distribution_is_empty_with_a_note() -> None:
    report = _report()
    hidden = [d.title for d in report.dilemmas if d.counts is None]
    assert hidden, "the fixture has a dilemma without a vote of k people"
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    ws = wb["Dilemma's"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] in hidden]
    assert rows
    for r in rows:
        assert r[5] is None and r[7] is None and r[8] is None and r[9] is None
        assert r[10] == f"verborgen (minder dan {report.k} antwoorden)"
    shown = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] not in hidden]
    assert all(r[10] is None for r in shown)


def test_every_figure_of_the_html_is_in_the_workbook() -> None:
    import datetime as dt
    import zipfile
    from dataclasses import replace

    from dilemmas.config import ReferenceFigure
    from sessions.report import Period, build_report, previous_period, with_previous
    from tests.test_report import THREE_TEAMS, _decks

    teams = ("Publiekszaken", "Burgerzaken", "Team A", "Team B", "Griffie")
    period = Period.year(2026)
    report = build_report(THREE_TEAMS, _decks(), k=5, period=period, teams=teams)
    before = build_report(THREE_TEAMS, _decks(), k=5, period=previous_period(period),
                          teams=teams)
    report = with_previous(report, before)
    refs = (ReferenceFigure("kent-vp", "MTO 2024: 71 % weet wie de vertrouwenspersoon is",
                            "ja", 71.0),)
    data = render_xlsx(report, organisation="Gemeente Voorbeeld", today=dt.date(2026, 12, 1),
                       reference_figures=refs)
    wb = openpyxl.load_workbook(io.BytesIO(data))

    def values(name: str) -> list[tuple[object, ...]]:
        return list(wb[name].iter_rows(min_row=2, values_only=True))

    overview: dict[object, object] = {row[0]: row[1] for row in values("Overzicht")}
    assert overview["Organisatie"] == "Gemeente Voorbeeld"
    assert overview["Gemaakt op"] == "1 december 2026"
    assert overview["k (kleinste groep die meetelt)"] == 5
    assert overview["Teams bereikt"] == report.totals.teams == 4
    assert overview["Teams op de teamlijst"] == 5
    assert overview["Andere teamnamen (niet op de teamlijst)"] == 2
    assert overview["Deelnames (wie twee keer speelde, telt twee keer)"] == \
        report.totals.participants
    assert overview["Gemiddeld aantal deelnames per sessie"] == report.totals.participants_mean
    reach = {row[0]: row[1] for row in values("Bereik")}
    assert reach["Griffie"] == "nog niet" and reach["Burgerzaken"] == "bereikt"
    assert reach["Sociaal domein"] == "niet op de teamlijst"
    previous = values("Vorige periode")
    assert ("Teamsessies", None, report.totals.sessions, 1, report.totals.sessions - 1) in previous
    assert values("Referentiecijfers") == [
        ("kent-vp", "MTO 2024: 71 % weet wie de vertrouwenspersoon is", "ja", 0.71)]
    pulse = values("Meldklimaat")
    assert ("Weet je wie de vertrouwenspersoon is?", "2026-Q1", 25, "Ja", 12, 12 / 25, None) \
        in pulse
    assert any(row[1] == "2026-Q3" and row[6] == "niet meegeteld: antwoorden van minder dan 3 "
               "teams" for row in pulse)
    assert len(values("Sessies")) == report.totals.sessions
    assert len(values("Verschuivingen")) >= len(report.shifts)
    # The pulse trend is a native chart.
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert any(name.startswith("xl/charts/chart") for name in z.namelist())
    # An open question is an open question, not a hidden one.
    from dilemmas.model import Answer, Dilemma

    deck = _decks()["testdeck"]
    open_card = Dilemma("borrel", "geschenken", "Een open vraag", "…",
                        "Wat maakt het makkelijker?", Answer("open"))
    decks = {**_decks(), "testdeck": replace(deck, dilemmas=(*deck.dilemmas[:2], open_card))}
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(
        build_report(THREE_TEAMS, decks, k=5, period=period))))
    klus = [r for r in book["Dilemma's"].iter_rows(min_row=2, values_only=True)
            if r[1] == "Een open vraag"]
    assert [r[10] for r in klus] == ["open vraag, geen stemming"]


def test_no_binary_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    _fill_store()
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code = main(["--decks", str(FIXTURES), "report", "--year", "2026", "--format", "xlsx"])
    assert code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "-o" in captured.err and "terminal" in captured.err


def test_help_sends_excel_users_to_xlsx(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "xlsx (voor Excel" in out and "programma's" in out
    assert "csv (één tabel voor programma's" in out


def test_text_that_xml_forbids_or_escapes_reads_back_as_typed() -> None:
    from dataclasses import replace

    report = _report()
    odd = ["R&D <team> \"x\"", "  spaties  ", "tab\there", "bel\x07teken", "=SOM(A1)"]
    sessions = tuple(replace(s, team=odd[i % len(odd)]) for i, s in enumerate(report.sessions))
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(replace(report, sessions=sessions))))
    teams = [r[2] for r in wb["Sessies"].iter_rows(min_row=2, values_only=True)]
    expected = [odd[i % len(odd)].replace("\x07", "") for i in range(len(sessions))]
    assert teams == expected


def test_the_workbook_is_written_with_xlsxwriter(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    data = render_xlsx(_report())
    monkeypatch.undo()
    assert b"xlsxwriter" in data.lower() or openpyxl.load_workbook(io.BytesIO(data)).sheetnames


def test_reach_without_a_team_list_lists_who_played() -> None:
    report = _report()  # no team list in the config
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Bereik"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows and all(status == "gespeeld" for _team, status in rows)
    assert len(rows) == report.totals.teams
