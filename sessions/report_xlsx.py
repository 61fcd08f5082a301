"""The WIO report as an Excel workbook (SPEC §9): one sheet per section, numbers as numbers.

Every sheet has Dutch headers in a bold, frozen first row; counts are integers, shares are
fractions shown with a % format. A hidden distribution is one row whose count and share cells
stay empty, with the reason in the column "Opmerking".

The workbook is written here directly (Office Open XML in a zip, strings inline): openpyxl,
even in write-only mode, spends about 8 µs per cell, which over the 60,000 cells of 10,000
sessions alone is half the report's budget of a second (SPEC §11). The tests read the file
back with openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sessions.report_render import period_label, statement
from sessions.report_words import HIDDEN, hidden_reason

if TYPE_CHECKING:
    from sessions.report_model import Report

Row = Sequence[object]

# Cell styles (indices into cellXfs of styles.xml below).
PLAIN, BOLD, PERCENT, DECIMAL, WRAP = range(5)

_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    # 9 and 2 are Excel's built-in formats "0%" and "0.00".
    '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf>'
    '</cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

# Characters XML 1.0 does not allow (a control character typed into a team label).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escaped(value: str) -> str:
    """Text as XML character data (and attribute value): only characters XML allows."""
    return (_NOT_XML.sub("", value).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def _text(value: str) -> str:
    """An inline string's XML; leading or trailing spaces kept."""
    text = _escaped(value)
    if text[:1].isspace() or text[-1:].isspace():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def _column(n: int) -> str:
    """1 → "A", 27 → "AA"."""
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


class _Sheet:
    """One worksheet's XML, written row by row."""

    def __init__(self, title: str, headers: Sequence[str], widths: Sequence[int]) -> None:
        self.title = title
        self.columns = [_column(i) for i in range(1, max(len(headers), len(widths)) + 1)]
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                       for i, w in enumerate(widths, start=1))
        self.parts = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            f"<cols>{cols}</cols><sheetData>"
        ]
        self.rows = 0
        self.append(headers, {i: BOLD for i in range(1, len(headers) + 1)})

    def append(self, row: Row, styles: Mapping[int, int] | None = None) -> None:
        """Add a row; ``styles`` gives a cell style per column (1-based)."""
        self.rows += 1
        r = self.rows
        cells = []
        for col, value in enumerate(row, start=1):
            if value is None:
                continue
            ref = f"{self.columns[col - 1]}{r}"
            style = styles.get(col, PLAIN) if styles else PLAIN
            s = f' s="{style}"' if style else ""
            if isinstance(value, bool):
                cells.append(f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}"{s}><v>{value!r}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{s} t="inlineStr">{_text(str(value))}</c>')
        self.parts.append(f'<row r="{r}">{"".join(cells)}</row>')

    def xml(self) -> str:
        return "".join(self.parts) + "</sheetData></worksheet>"


def _workbook(sheets: Sequence[_Sheet]) -> bytes:
    """The .xlsx package of ``sheets``."""
    n = len(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for i in range(1, n + 1))
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f"{overrides}</Types>"
    )
    root = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    names = "".join(f'<sheet name="{_escaped(s.title)}" sheetId="{i}" r:id="rId{i}"/>'
                    for i, s in enumerate(sheets, start=1))
    book = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{names}</sheets></workbook>'
    )
    rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                   f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG_REL}">{rels}<Relationship Id="rId{n + 1}" '
        f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root)
        z.writestr("xl/workbook.xml", book)
        z.writestr("xl/_rels/workbook.xml.rels", book_rels)
        z.writestr("xl/styles.xml", _STYLES)
        for i, sheet in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet.xml())
    return buf.getvalue()


def hidden_note(answers: int, k: int) -> str:
    """The remark beside a hidden distribution."""
    return f"{HIDDEN} ({hidden_reason(answers, k)})"


def _dist_rows(counts: Mapping[str, int] | None, labels: Mapping[str, str], answers: int,
               k: int) -> list[tuple[object, object, object, object]]:
    """(antwoord, stemmen, aandeel, opmerking) per option, or one row with the reason."""
    if counts is None:
        return [(None, None, None, hidden_note(answers, k))]
    total = sum(counts.values())
    return [(labels.get(key, key), n, n / total if total else 0.0, None)
            for key, n in counts.items()]


def render_xlsx(report: Report) -> bytes:
    """The report as the bytes of an .xlsx workbook."""
    k = report.k
    sheets: list[_Sheet] = []

    def sheet(title: str, headers: Sequence[str], rows: Sequence[Row],
              widths: Sequence[int], formats: Mapping[int, int] | None = None,
              styled: Mapping[int, Mapping[int, int]] | None = None) -> None:
        """A sheet: bold frozen headers, widths, a style per column (1-based) for every row,
        and styles per (row index, column) for some: {row: {column: BOLD | WRAP | DECIMAL}}."""
        out = _Sheet(title, headers, widths)
        extra = styled or {}
        for r, row in enumerate(rows):
            out.append(row, {**(formats or {}), **extra[r]} if r in extra else formats)
        sheets.append(out)

    t = report.totals
    lines = statement(report)
    overview: list[Row] = [
        ("Periode", period_label(report)),
        ("k (kleinste groep die meetelt)", k),
        ("Teamsessies", t.sessions),
        ("Teams", t.teams),
        ("Deelnemers", t.participants),
        ("Gemiddeld aantal deelnemers", t.participants_mean),
        ("Rondes", t.rounds),
        (None, None),
        ("Wat wel en niet is vastgelegd", None),
        *((None, line) for line in lines),
    ]
    styles: dict[int, dict[int, int]] = {5: {2: DECIMAL}, 8: {1: BOLD}}
    styles.update({9 + i: {2: WRAP} for i in range(len(lines))})
    sheet("Overzicht", ("Onderwerp", "Waarde"), overview, (32, 110), styled=styles)

    sheet("Thema's", ("Thema", "Rondes"), [(f.title, f.rounds) for f in report.themes], (40, 10))

    rows: list[Row] = []
    for d in report.dilemmas:
        for answer, n, share, note in _dist_rows(d.counts, d.labels, d.answers, k):
            rows.append((d.deck, d.title, d.played, d.answers, d.blanco, d.verdeeldheid,
                         answer, n, share, note))
    sheet("Dilemma's",
          ("Deck", "Dilemma", "Keer gespeeld", "Antwoorden", "Blanco", "Verdeeldheid",
           "Antwoord", "Stemmen", "Aandeel", "Opmerking"),
          rows, (16, 40, 14, 12, 9, 13, 40, 10, 10, 44), {6: DECIMAL, 9: PERCENT})

    rows = []
    for s in report.shifts:
        variant = f"Variant {s.variation + 1}" + (f": {s.text}" if s.text else "")
        for moment, counts, answers in (("voor", s.before, s.answers_before),
                                        ("na", s.after, s.answers_after)):
            shown_n = min(s.answers_before, s.answers_after)
            for answer, n, share, note in _dist_rows(counts, s.labels, shown_n, k):
                rows.append((s.deck, s.title, variant, s.revotes, moment, answers,
                             answer, n, share, note))
    sheet("Verschuivingen",
          ("Deck", "Dilemma", "Variant", "Hertellingen", "Moment", "Antwoorden", "Antwoord",
           "Stemmen", "Aandeel", "Opmerking"),
          rows, (16, 40, 40, 13, 9, 12, 40, 10, 10, 44), {9: PERCENT})

    sheet("Eigen casussen", ("Eigen casus", "Keer gespeeld"),
          [(c.title, c.played) for c in report.own_cases], (60, 14))

    rows = []
    for p in report.pulse:
        parts = [("hele periode", p.answers, p.counts)]
        parts += [(q.quarter, q.answers, q.counts) for q in p.quarters]
        for when, answers, counts in parts:
            for answer, n, share, note in _dist_rows(counts, p.labels, answers, k):
                rows.append((p.title, when, answers, answer, n, share, note))
    sheet("Peiling",
          ("Vraag", "Periode", "Antwoorden", "Antwoord", "Stemmen", "Aandeel", "Opmerking"),
          rows, (50, 14, 12, 24, 10, 10, 44), {6: PERCENT})

    sheet("Sessies", ("Nr.", "Maand", "Team", "Deelnemers", "Rondes", "Afgerond"),
          [(n, sess.month, sess.team or "", sess.participants, sess.rounds,
            "ja" if sess.completed else "nee")
           for n, sess in enumerate(report.sessions, start=1)],
          (6, 10, 30, 12, 10, 10))

    return _workbook(sheets)
