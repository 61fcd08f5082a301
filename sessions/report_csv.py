"""The WIO report as CSV.

The layout (chosen because it imports as one tidy table that a spreadsheet can filter and
pivot): one header row and then one row per figure, with the columns

    sectie, deck, id, titel, periode, variant, meting, optie, waarde, opmerking

``sectie`` is totaal, thema, dilemma, verschuiving, meldklimaat, eigen_casus or sessie;
``meting`` names the figure (sessies, teams, deelnemers, rondes, niet_meegeteld_stemmingen,
niet_meegeteld_peiling, gespeeld, antwoorden, blanco, stemmen, verdeeldheid, hertellingen, voor,
na, afgerond); ``optie`` is the vote key for a
count; ``periode`` is the quarter (meldklimaat) or the month (sessie). A hidden distribution
is one row with an empty ``waarde`` and the reason in ``opmerking``. Numbers use a decimal
point; text cells that a spreadsheet would run as a formula (starting with = + - @) get a
leading apostrophe. `integer-spel report --format csv -o FILE` writes a UTF-8 byte-order mark
first, so that Excel reads the accents right; on stdout there is none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sessions.report_common import hidden_reason, pulse_hidden
from sessions.report_words import QUARTER_LEFT_OUT

if TYPE_CHECKING:
    from sessions.report_model import Report

CSV_COLUMNS = ("sectie", "deck", "id", "titel", "periode", "variant", "meting", "optie",
               "waarde", "opmerking")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if not isinstance(value, int) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def render_csv(report: Report) -> str:
    """The report as one tidy CSV table (layout in the module docstring)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    k = report.k
    # (deck, id, titel, periode, variant): where a figure belongs.
    Where = tuple[object, object, object, object, object]

    def row(section: str, where: Where, measure: str, key: object = None, value: object = None,
            remark: str | None = None) -> None:
        w.writerow([_cell(x) for x in (section, *where, measure, key, value, remark)])

    def dist(section: str, where: Where, measure: str, counts: Mapping[str, int] | None,
             reason: str) -> None:
        if counts is None:
            row(section, where, measure, remark=reason)
            return
        for key, n in counts.items():
            row(section, where, measure, key, n)

    t = report.totals
    span = f"{report.period.start}/{report.period.end}"
    everywhere: Where = (None, None, None, span, None)
    totals: tuple[tuple[str, object], ...] = (
        ("sessies", t.sessions), ("teams", t.teams), ("deelnemers", t.participants),
        ("deelnemers_gemiddeld", t.participants_mean), ("rondes", t.rounds), ("k", report.k),
        ("niet_meegeteld_stemmingen", report.left_out_votes),
        ("niet_meegeteld_peiling", report.left_out_pulse))
    for measure, value in totals:
        row("totaal", everywhere, measure, value=value)
    for f in report.themes:
        row("thema", (None, f.id, f.title, span, None), "rondes", value=f.rounds)
    for d in report.dilemmas:
        where: Where = (d.deck, d.id, d.title, span, None)
        row("dilemma", where, "gespeeld", value=d.played)
        row("dilemma", where, "antwoorden", value=d.answers)
        row("dilemma", where, "blanco", value=d.blanco,
            remark=None if d.blanco is not None else hidden_reason(d.answers, k))
        row("dilemma", where, "verdeeldheid", value=d.verdeeldheid)
        dist("dilemma", where, "stemmen", d.counts, hidden_reason(d.answers, k))
    for s in report.shifts:
        where = (s.deck, s.dilemma, s.title, span, s.variation + 1)
        row("verschuiving", where, "hertellingen", value=s.revotes)
        reason = hidden_reason(min(s.answers_before, s.answers_after), k)
        row("verschuiving", where, "antwoorden_voor", value=s.answers_before)
        dist("verschuiving", where, "voor", s.before, reason)
        row("verschuiving", where, "antwoorden_na", value=s.answers_after)
        dist("verschuiving", where, "na", s.after, reason)
    for p in report.pulse:
        where = (None, p.question, p.title, span, None)
        row("meldklimaat", where, "antwoorden", value=p.answers)
        dist("meldklimaat", where, "stemmen", p.counts, pulse_hidden(p, k))
        for q in p.quarters:
            where = (None, p.question, p.title, q.quarter, None)
            row("meldklimaat", where, "antwoorden", value=q.answers)
            dist("meldklimaat", where, "stemmen", q.counts, QUARTER_LEFT_OUT)
    for c in report.own_cases:
        row("eigen_casus", (None, None, c.title, span, None), "gespeeld", value=c.played)
    for n, sess in enumerate(report.sessions, start=1):
        where = (None, n, None, sess.month, None)
        row("sessie", where, "team", value=sess.team)
        row("sessie", where, "deelnemers", value=sess.participants)
        row("sessie", where, "rondes", value=sess.rounds)
        row("sessie", where, "afgerond", value=sess.completed)
    if report.with_notes:
        for g in report.notes:
            for note in g.notes:
                row("notitie", (g.deck, g.dilemma, g.title, span, None), "notitie", value=note)
    return buf.getvalue()
