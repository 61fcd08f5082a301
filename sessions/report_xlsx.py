"""The WIO report as an Excel workbook (SPEC §9), written with XlsxWriter.

Every figure of the HTML report, a sheet per section: numbers as numbers in the HTML's
precision (verdeeldheid with 3 decimals, shares as percentages), bold frozen header rows, an
autofilter over each table, column widths that fit, and an A4 print setup (landscape where a
table is wide, fit to the page width, the header row repeated on every page). The pulse trend
per quarter is a native chart per question. A hidden distribution is one row whose count and
share cells stay empty, with the reason in the column "Opmerking".
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sessions.report_council import change_rows, date_label, pulse_change, rankable
from sessions.report_model import previous_period, reach
from sessions.report_render import period_label, statement
from sessions.report_words import (
    HIDDEN,
    OPEN_QUESTION,
    QUARTER_LEFT_OUT,
    hidden_reason,
    reference_text,
)

if TYPE_CHECKING:
    from dilemmas.config import ReferenceFigure
    from sessions.report_model import PulseFigure, Report

Row = Sequence[object]

# Characters XML does not allow (a control character typed into a team label).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

MAX_WIDTH = 60
"""Widest column (characters); longer text wraps."""
ROW_POINTS = 15
"""The height of one line of text in a row (the default row's), in points."""


def hidden_note(answers: int, k: int) -> str:
    """The remark beside a hidden distribution."""
    return f"{HIDDEN} ({hidden_reason(answers, k)})"


def _dist_rows(counts: Mapping[str, int] | None, labels: Mapping[str, str], note: str
               ) -> list[tuple[object, object, object, object]]:
    """(antwoord, stemmen, aandeel, opmerking) per option, or one row with ``note``."""
    if counts is None:
        return [(None, None, None, note)]
    total = sum(counts.values())
    return [(labels.get(key, key), n, n / total if total else 0.0, None)
            for key, n in counts.items()]



def _lines(text: str, width: int) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide: the width
    is counted in digits, and a line of words holds a few more characters than that."""
    room = max(1, width + width // 8)
    return sum(max(1, -(-len(part) // room)) for part in text.split("\n"))

class _Book:
    """The workbook and its formats."""

    def __init__(self) -> None:
        import xlsxwriter  # only when a workbook is asked for

        self.buffer = io.BytesIO()
        # in_memory: no temporary files with the report's figures on disk.
        self.book = xlsxwriter.Workbook(self.buffer, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False})
        add = self.book.add_format
        # Every cell at the top of its row: a row with wrapped text is several lines high.
        styles: dict[str, dict[str, object]] = {
            "plain": {},
            "head": {"bold": True, "bottom": 1, "text_wrap": True},
            "int": {"num_format": "0"},
            "dec1": {"num_format": "0.0"},
            "dec3": {"num_format": "0.000"},
            "pct": {"num_format": "0%"},
            "wrap": {"text_wrap": True},
            "bold": {"bold": True},
        }
        self.formats: dict[str, Any] = {
            name: add({"valign": "top", **props}) for name, props in styles.items()}

    def sheet(self, title: str, headers: Sequence[str], rows: Sequence[Row],
              formats: Mapping[int, str] | None = None, *, wide: bool = False,
              wrap: Sequence[int] = ()) -> Any:
        """A sheet with a bold frozen header row, an autofilter over the table, widths that
        fit, a number format per column (0-based index → name) and A4 print setup."""
        ws = self.book.add_worksheet(title)
        head = self.formats["head"]
        ws.write_row(0, 0, headers, head)
        plain = self.formats["plain"]
        column_formats = {c: self.formats[name] for c, name in (formats or {}).items()}
        for c in wrap:
            column_formats.setdefault(c, self.formats["wrap"])
        widths = [len(h) + 2 for h in headers]
        for row in rows:
            for c, value in enumerate(row):
                if value is not None:
                    size = (len(value) if isinstance(value, str) else 4 if isinstance(value, bool)
                            else 8 if isinstance(value, float) else len(str(value)))
                    if size + 2 > widths[c]:
                        widths[c] = size + 2
        wrapped = {c for c, width in enumerate(widths) if width > MAX_WIDTH or c in wrap}
        for c in wrapped:
            column_formats.setdefault(c, self.formats["wrap"])
        for c, width in enumerate(widths):
            ws.set_column(c, c, min(MAX_WIDTH, width), column_formats.get(c) if c in wrapped
                          else None)
        write_number, write_string = ws.write_number, ws.write_string
        for r, row in enumerate(rows, start=1):
            lines = 1
            for c, value in enumerate(row):
                if value is None:
                    continue
                fmt = column_formats.get(c, plain)
                if isinstance(value, str):
                    text = _NOT_XML.sub("", value) if _NOT_XML.search(value) else value
                    write_string(r, c, text, fmt)
                    if c in wrapped:
                        lines = max(lines, _lines(text, min(MAX_WIDTH, widths[c])))
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value, fmt)
                elif isinstance(value, (int, float)):
                    write_number(r, c, value, fmt)
                else:
                    write_string(r, c, str(value), fmt)
            if lines > 1:
                # Spreadsheet programs do not all fit a row to wrapped text when they open a
                # file (LibreOffice keeps the default height, and the lines overlap).
                ws.set_row(r, ROW_POINTS * lines)
        ws.freeze_panes(1, 0)
        if rows:
            ws.autofilter(0, 0, len(rows), len(headers) - 1)
        self.print_setup(ws, wide)
        return ws

    @staticmethod
    def print_setup(ws: Any, wide: bool) -> None:
        ws.set_paper(9)  # A4
        if wide:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)  # the page width, as many pages down as needed
        ws.repeat_rows(0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&CPagina &P van &N")

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def render_xlsx(report: Report, *, organisation: str = "", today: _dt.date | None = None,
                reference_figures: Sequence[ReferenceFigure] = ()) -> bytes:
    """The report as the bytes of an .xlsx workbook."""
    k = report.k
    t = report.totals
    r = reach(report)
    book = _Book()

    overview: list[Row] = [
        ("Organisatie", organisation or "—"),
        ("Periode", period_label(report)),
        ("Gemaakt op", date_label(today) if today else "—"),
        ("k (kleinste groep die meetelt)", k),
        ("Teamsessies", t.sessions),
        ("Teams bereikt", t.teams),
    ]
    if r.teams:
        overview += [("Teams op de teamlijst", len(r.teams)),
                     ("Teams nog niet bereikt", len(r.not_reached)),
                     ("Andere teamnamen (niet op de teamlijst)", t.other_teams)]
    overview += [
        ("Deelnames (wie twee keer speelde, telt twee keer)", t.participants),
        ("Gemiddeld aantal deelnames per sessie", t.participants_mean),
        ("Rondes", t.rounds),
        ("Dilemma's met genoeg antwoorden om te rangschikken", len(rankable(report))),
    ]
    ws = book.sheet("Overzicht", ("Onderwerp", "Waarde"), overview, {1: "int"})
    mean_row = next(i for i, row in enumerate(overview, start=1)
                    if str(row[0]).startswith("Gemiddeld"))
    if t.participants_mean is not None:
        ws.write_number(mean_row, 1, t.participants_mean, book.formats["dec1"])

    book.sheet("Vastgelegd", ("Wat wel en niet is vastgelegd",),
               [(line,) for line in statement(report)], wrap=(0,))

    status = [(team, "bereikt") for team in r.reached]
    status += [(team, "nog niet") for team in r.not_reached]
    # Without a team list in the config every label that played is just that.
    status += [(team, "niet op de teamlijst" if r.teams else "gespeeld")
               for team in r.other_labels]
    book.sheet("Bereik", ("Team", "Status"), status)

    before = previous_period(report.period)
    changes: list[Row] = []
    for name, now, was in change_rows(report):
        changes.append((name, None, now, was, None if was is None else now - was))
    for p, _key, label, now_share, was_share in pulse_change(report):
        changes.append((p.title, label, now_share, was_share,
                        None if now_share is None or was_share is None
                        else now_share - was_share))
    ws = book.sheet("Vorige periode",
                    ("Cijfer", "Antwoord", "Deze periode",
                     f"Vorige periode ({before.start} t/m {before.end})", "Verschil"),
                    changes, wide=True, wrap=(0,))
    # Counts as whole numbers, pulse shares as percentages.
    for i, row in enumerate(changes, start=1):
        fmt = book.formats["pct"] if row[1] else book.formats["int"]
        for c in (2, 3, 4):
            value = row[c]
            if isinstance(value, (int, float)):
                ws.write_number(i, c, value, fmt)

    refs = [(f.question or "—", reference_text(f),
             f.answer or None, None if f.percentage is None else f.percentage / 100)
            for f in reference_figures]
    book.sheet("Referentiecijfers", ("Meldklimaatvraag", "Referentiecijfer", "Antwoord",
                                     "Percentage"), refs, {3: "pct"}, wide=True, wrap=(1,))

    book.sheet("Thema's", ("Thema", "Rondes"), [(f.title, f.rounds) for f in report.themes],
               {1: "int"})

    rows: list[Row] = []
    for d in report.dilemmas:
        note = OPEN_QUESTION if d.open else hidden_note(d.answers, k)
        for answer, n, share, remark in _dist_rows(d.counts, d.labels, note):
            rows.append((d.deck, d.title, d.played, d.summed, d.answers, d.blanco,
                         d.verdeeldheid, answer, n, share, remark))
    book.sheet("Dilemma's",
               ("Deck", "Dilemma", "Keer gespeeld", "Rondes meegeteld", "Antwoorden", "Blanco",
                "Verdeeldheid", "Antwoord", "Stemmen", "Aandeel", "Opmerking"),
               rows, {2: "int", 3: "int", 4: "int", 5: "int", 6: "dec3", 8: "int", 9: "pct"},
               wide=True)

    rows = []
    for s in report.shifts:
        variant = f"Variant {s.variation + 1}" + (f": {s.text}" if s.text else "")
        note = hidden_note(min(s.answers_before, s.answers_after), k)
        for moment, counts, answers in (("voor", s.before, s.answers_before),
                                        ("na", s.after, s.answers_after)):
            for answer, n, share, remark in _dist_rows(counts, s.labels, note):
                rows.append((s.deck, s.title, variant, s.revotes, moment, answers,
                             answer, n, share, remark))
    book.sheet("Verschuivingen",
               ("Deck", "Dilemma", "Variant", "Hertellingen", "Moment", "Antwoorden", "Antwoord",
                "Stemmen", "Aandeel", "Opmerking"),
               rows, {3: "int", 5: "int", 7: "int", 8: "pct"}, wide=True)

    book.sheet("Eigen casussen", ("Eigen casus", "Keer gespeeld"),
               [(c.title, c.played) for c in report.own_cases], {1: "int"})

    rows = []
    for p in report.pulse:
        total_note = (f"{HIDDEN}: geen kwartaal met antwoorden van minstens 3 teams"
                      if not p.answers else hidden_note(p.answers, k))
        parts = [("hele periode", p.answers, p.counts, total_note)]
        parts += [(q.quarter, q.answers, q.counts, QUARTER_LEFT_OUT) for q in p.quarters]
        for when, answers, counts, note in parts:
            for answer, n, share, remark in _dist_rows(counts, p.labels, note):
                rows.append((p.title, when, answers, answer, n, share, remark))
    book.sheet("Meldklimaat",
               ("Vraag", "Periode", "Antwoorden", "Antwoord", "Stemmen", "Aandeel", "Opmerking"),
               rows, {2: "int", 4: "int", 5: "pct"}, wide=True)
    _trend_sheet(book, report.pulse)

    book.sheet("Sessies", ("Nr.", "Maand", "Team", "Deelnames", "Rondes", "Afgerond"),
               [(n, sess.month, sess.team or "—", sess.participants, sess.rounds,
                 "ja" if sess.completed else "nee")
                for n, sess in enumerate(report.sessions, start=1)],
               {0: "int", 3: "int", 4: "int"})
    return book.close()


def _trend_sheet(book: _Book, pulse: Sequence[PulseFigure]) -> None:
    """Per pulse question a block (quarter × share of every answer) and its column chart."""
    ws = book.book.add_worksheet("Meldklimaat per kwartaal")
    head, pct = book.formats["head"], book.formats["pct"]
    ws.write_row(0, 0, ("Vraag en kwartaal", "Antwoorden", "Aandeel per antwoord"), head)
    ws.freeze_panes(1, 0)
    row = 2
    widest = 18
    for p in pulse:
        keys = list(p.labels or p.counts or {})
        labels = [p.labels.get(key, key) for key in keys]
        ws.write_string(row, 0, _NOT_XML.sub("", p.title), book.formats["bold"])
        widest = max(widest, min(MAX_WIDTH, len(p.title)))
        ws.write_row(row + 1, 0, ["Kwartaal", "Antwoorden", *labels], head)
        first = row + 2
        for i, q in enumerate(p.quarters):
            ws.write_string(first + i, 0, q.quarter)
            ws.write_number(first + i, 1, q.answers)
            if q.counts is None:
                ws.write_string(first + i, 2, f"— {QUARTER_LEFT_OUT}")
                continue
            for c, key in enumerate(keys, start=2):
                share = q.counts.get(key, 0) / q.answers if q.answers else 0.0
                ws.write_number(first + i, c, share, pct)
        last = first + max(0, len(p.quarters) - 1)
        if p.quarters and keys and any(q.counts is not None for q in p.quarters):
            chart = book.book.add_chart({"type": "column"})
            for c, label in enumerate(labels, start=2):
                chart.add_series({
                    "name": _NOT_XML.sub("", label)[:255],
                    "categories": ["Meldklimaat per kwartaal", first, 0, last, 0],
                    "values": ["Meldklimaat per kwartaal", first, c, last, c],
                })
            chart.set_title({"name": _NOT_XML.sub("", p.title)[:255],
                             "name_font": {"size": 11}})
            chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1})
            chart.set_legend({"position": "bottom"})
            chart.set_size({"width": 520, "height": 260})
            ws.insert_chart(row, len(keys) + 3, chart)
        row = max(last + 3, row + 15)
    ws.set_column(0, 0, widest + 2)
    ws.set_column(1, 1, 12)
    ws.set_column(2, 8, 14)
    book.print_setup(ws, True)
