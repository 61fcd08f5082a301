"""The report as an Excel workbook: written by the command, read back with openpyxl."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from test_report import FIXTURES, _fill_store, _report  # noqa: E402

from game.cli import main  # noqa: E402
from sessions.report_xlsx import render_xlsx  # noqa: E402

SHEETS = ["Overzicht", "Thema's", "Dilemma's", "Verschuivingen", "Eigen casussen", "Peiling",
          "Sessies"]


def _book(tmp_path: Path) -> object:
    _fill_store()
    out = tmp_path / "rapport.xlsx"
    code = main(["--decks", str(FIXTURES), "report", "--year", "2026", "--format", "xlsx",
                 "-o", str(out)])
    assert code == 0
    assert out.stat().st_mode & 0o777 == 0o600
    return openpyxl.load_workbook(out)


def test_sheets_headers_bold_and_frozen(tmp_path: Path) -> None:
    wb = _book(tmp_path)
    assert wb.sheetnames == SHEETS  # type: ignore[attr-defined]
    dilemmas = wb["Dilemma's"]  # type: ignore[index]
    headers = [c.value for c in dilemmas[1]]
    assert headers[:6] == ["Deck", "Dilemma", "Keer gespeeld", "Antwoorden", "Blanco",
                           "Verdeeldheid"]
    assert "Opmerking" in headers
    for name in SHEETS:
        ws = wb[name]  # type: ignore[index]
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1] if c.value is not None)
        assert ws.column_dimensions["A"].width > 5


def test_first_sheet_says_what_is_recorded(tmp_path: Path) -> None:
    ws = _book(tmp_path)["Overzicht"]  # type: ignore[index]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Wat wel en niet is vastgelegd" in texts
    assert any("Namen van deelnemers zijn niet vastgelegd" in t for t in texts)
    sessions = next(row for row in ws.iter_rows(values_only=True) if row[0] == "Teamsessies")
    assert sessions[1] == _report().totals.sessions


def test_numbers_are_numbers(tmp_path: Path) -> None:
    ws = _book(tmp_path)["Dilemma's"]  # type: ignore[index]
    rows = [r for r in ws.iter_rows(min_row=2) if r[7].value is not None]
    assert rows
    for r in rows:
        assert isinstance(r[2].value, int) and isinstance(r[3].value, int)
        assert isinstance(r[4].value, int) and isinstance(r[7].value, int)
        assert isinstance(r[8].value, (int, float)) and 0 <= r[8].value <= 1
        assert r[8].number_format == "0%"


def test_a_hidden_distribution_is_empty_with_a_note() -> None:
    report = _report()
    hidden = [d.title for d in report.dilemmas if d.counts is None]
    assert hidden, "the fixture has a dilemma without a vote of k people"
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    ws = wb["Dilemma's"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] in hidden]
    assert rows
    for r in rows:
        assert r[4] is None and r[6] is None and r[7] is None and r[8] is None
        assert r[9] == f"verborgen (minder dan {report.k} antwoorden)"
    shown = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] not in hidden]
    assert all(r[9] is None for r in shown)


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


def test_text_that_xml_forbids_or_escapes_reads_back_as_typed() -> None:
    from dataclasses import replace

    report = _report()
    odd = ["R&D <team> \"x\"", "  spaties  ", "tab\there", "bel\x07teken", "=SOM(A1)"]
    sessions = tuple(replace(s, team=odd[i % len(odd)]) for i, s in enumerate(report.sessions))
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(replace(report, sessions=sessions))))
    teams = [r[2] for r in wb["Sessies"].iter_rows(min_row=2, values_only=True)]
    expected = [odd[i % len(odd)].replace("\x07", "") for i in range(len(sessions))]
    assert teams == expected


def test_the_workbook_is_written_without_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl spends ~8 µs per cell: over 10,000 sessions the xlsx missed its 1 s budget."""
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    data = render_xlsx(_report())
    monkeypatch.undo()
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == SHEETS
