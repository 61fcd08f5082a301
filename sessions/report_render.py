"""The WIO report as Markdown, self-contained printable HTML (inline SVG bars) and CSV.

CSV layout (chosen because it imports as one tidy table that a spreadsheet can filter and
pivot): one header row and then one row per figure, with the columns

    sectie, deck, id, titel, periode, variant, meting, optie, waarde, opmerking

``sectie`` is totaal, thema, dilemma, verschuiving, meldklimaat, eigen_casus or sessie;
``meting`` names the figure (sessies, teams, deelnemers, rondes, gespeeld, antwoorden, blanco,
stemmen, verdeeldheid, hertellingen, voor, na, afgerond); ``optie`` is the vote key for a count; ``periode`` is the
quarter (meldklimaat) or the month (sessie). A hidden distribution is one row with an empty
``waarde`` and the reason in ``opmerking``. Numbers use a decimal point; text cells that a
spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe.
`integer-spel report --format csv -o FILE` writes a UTF-8 byte-order mark first, so that
Excel reads the accents right; on stdout there is none.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from sessions.figures import month_label
from sessions.report_council import (
    change_rows,
    change_text,
    date_label,
    dist_text,
    paragraph,
    pulse_change,
    span_label,
    top_dividing,
)
from sessions.report_model import previous_period, reach
from sessions.report_words import (
    HIDDEN,
    OPEN_QUESTION,
    PULSE_RULE,
    QUARTER_LEFT_OUT,
    answers_text,
    number,
    percent,
    plural,
    pulse_left_out,
    reference_text,
    too_few,
)

if TYPE_CHECKING:
    from dilemmas.config import ReferenceFigure
    from sessions.report_model import DilemmaFigure, Period, PulseFigure, Report

OWN_CASES = ("Een eigen casus is een dilemma dat een team zelf inbracht. Het is de kaart van "
             "één team: daarom staan hier alleen de titel en hoe vaak het gespeeld is, zonder "
             "stemmen, en telt het niet mee bij de dilemma's.")


RANK_RULE = ("Alleen dilemma's met minstens twee rondes die meetellen (elk een stemming van "
             "minstens {k} mensen) en samen minstens {k2} antwoorden staan in deze lijst: met "
             "minder beslist één team de score.")


def span_label_of(period: Period) -> str:
    if period.start == period.end:
        return month_label(period.start)
    return f"{month_label(period.start)} t/m {month_label(period.end)}"


def _md_paragraph(text: str) -> str:
    """Plain text safe as a Markdown paragraph: no HTML, no markup characters."""
    out = " ".join(text.split())
    for ch in "\\*_`[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def period_label(report: Report) -> str:
    p = report.period
    text = f"{month_label(p.start)} t/m {month_label(p.end)}"
    if p.implicit:
        text += " (je gaf geen periode op: dit is het huidige kalenderjaar)"
    return text


_num = number
_pct = percent


def _hidden(answers: int, k: int) -> str:
    if too_few(answers, k):
        return (f"{HIDDEN}: geen stemming met minstens {k} antwoorden (minder dan {k} telt niet "
                "mee)")
    return f"{HIDDEN}: anders is een kleinere groep terug te rekenen uit een totaal"


def _pulse_hidden(p: PulseFigure, k: int) -> str:
    """Why a pulse question's total has no distribution."""
    if not p.answers:
        return f"{HIDDEN}: geen kwartaal met antwoorden van minstens 3 teams"
    return _hidden(p.answers, k)


def _left_out_text(p: PulseFigure) -> str:
    return pulse_left_out(len(p.left_out), sum(q.answers for q in p.left_out))


def statement(report: Report) -> list[str]:
    """"Wat wel en niet is vastgelegd": the lines that open every human format."""
    k = report.k
    lines = [
        "Per teamsessie is vastgelegd: de maand, de naam van het team of de afdeling (als die "
        "is ingevuld), het aantal deelnemers, de besproken dilemma's, hoeveel stemmen elk "
        "antwoord kreeg, de antwoorden op de meldklimaatvragen en soms een korte notitie over "
        "het gesprek.",
        "Namen van deelnemers zijn niet vastgelegd. Nergens staat wie wat stemde.",
        "Bij een geheime stemming is alleen de telling bewaard, niet de volgorde van de stemmen.",
        "Sessies staan erin met de maand, niet met de dag.",
        f"Een stemming met minder dan {k} antwoorden (in één ronde van één sessie, of één "
        "meldklimaatvraag in één sessie) telt in geen enkel cijfer mee, ook niet in een totaal. "
        "Elk getal hier is dus een optelling van stemmingen van minstens "
        f"{k} mensen. Daardoor kun je ook door twee of drie rapporten over verschillende "
        "periodes van elkaar af te trekken, of een rapport van voor en na een import, nooit "
        f"zien hoe een groep van minder dan {k} mensen stemde.",
        PULSE_RULE,
        f"Dit rapport gebruikt k = {k} (uit de instellingen).",
    ]
    if report.with_notes:
        lines.append("De notities bij de rondes staan erin, omdat daarom is gevraagd. "
                     "Persoonsgegevens zoals e-mailadressen, telefoonnummers en BSN's zijn "
                     "eruit gehaald.")
    else:
        lines.append("De notities bij de rondes staan niet in dit rapport.")
    return lines


def _status(completed: bool) -> str:
    return "ja" if completed else "nee (niet afgerond)"


def _variation_name(index: int, text: str | None) -> str:
    return f"Variant {index + 1}: {text}" if text else f"Variant {index + 1}"


# --------------------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    """Text from data, made safe inside a Markdown table cell or line."""
    out = " ".join(text.split())
    for ch in "\\|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_bar(count: int, total: int, width: int = 20) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def _md_dist(counts: Mapping[str, int], labels: Mapping[str, str]) -> list[str]:
    total = sum(counts.values())
    lines = ["| antwoord | stemmen | | |", "|---|---:|---|---:|"]
    for key, n in counts.items():
        name = _dist_label(key, labels)
        lines.append(f"| {_md(name)} | {n} | `{_md_bar(n, total)}` | {_pct(n, total)} |")
    return lines


def _md_change(report: Report) -> list[str]:
    prev = previous_period(report.period)
    out = [f"| | {_md(span_label(report))} | vorige periode ({_md(span_label_of(prev))}) "
           "| verschil |", "|---|---:|---:|---:|"]
    for name, now, before in change_rows(report):
        out.append(f"| {name} | {now} | {'—' if before is None else before} | "
                   f"{change_text(now, before)} |")
    return out


def _teams_value(report: Report) -> str:
    """Teams reached, "12 van 30" against the config's team list: one number everywhere."""
    r = reach(report)
    return f"{report.totals.teams} van {len(r.teams)}" if r.teams else str(report.totals.teams)


def _dist_cell(f: DilemmaFigure) -> str:
    """A dilemma's summed votes in a table cell; an open question says it is one."""
    if f.counts is None and f.open:
        return OPEN_QUESTION
    return dist_text(f.counts)


def _refs_for(p: PulseFigure, figures: Sequence[ReferenceFigure]) -> list[ReferenceFigure]:
    return [x for x in figures if x.question == p.question]


def _loose_refs(report: Report, figures: Sequence[ReferenceFigure]) -> list[ReferenceFigure]:
    """The reference figures that belong to no pulse question of this report."""
    asked = {p.question for p in report.pulse}
    return [x for x in figures if x.question not in asked]


def _pulse_change_text(report: Report, p: PulseFigure) -> str:
    """The change of each answer's share against the previous period, in words."""
    if report.previous is None:
        return ""
    rows = [row for row in pulse_change(report) if row[0] is p]
    if not rows or all(was is None for *_x, was in rows):
        return ("Vorige periode: geen cijfer (geen heel kwartaal met antwoorden van minstens "
                "3 teams).")
    parts = []
    for _p, _key, label, now, was in rows:
        if now is None or was is None:
            continue
        a, b = round(100 * now), round(100 * was)
        if a == b:
            parts.append(f"‘{label}’ bleef gelijk op {a}%")
        else:
            parts.append(f"‘{label}’ {'steeg' if a > b else 'daalde'} van {b}% naar {a}%")
    return "Tegenover de vorige periode: " + "; ".join(parts) + "." if parts else ""


def render_markdown(report: Report, *, organisation: str = "", today: _dt.date | None = None,
                    reference_figures: Sequence[ReferenceFigure] = ()) -> str:
    """The council report as Markdown: the same parts as the HTML, with text bars."""
    k = report.k
    t = report.totals
    org = organisation or "WIO-rapport Integer-spel"
    out: list[str] = [f"# {_md(org)}", "",
                      f"WIO-rapport Integer-spel · periode: {_md(period_label(report))}"
                      + (f" · gemaakt op {date_label(today)}" if today else ""), ""]
    out += ["## Voor de rapportage integriteitsbeleid", "",
            _md_paragraph(paragraph(report, organisation)), ""]
    out += ["### Wat wel en niet is vastgelegd", ""]
    out += [f"- {line}" for line in statement(report)] + [""]
    r = reach(report)
    out += ["## Kerncijfers", "", "| | |", "|---|---:|",
            f"| Teamsessies | {t.sessions} |", f"| Teams bereikt | {_teams_value(report)} |",
            f"| Deelnames | {t.participants} |",
            f"| Deelnames per sessie (gemiddeld) | {_num(t.participants_mean)} |",
            f"| Rondes | {t.rounds} |", ""]
    if report.previous is not None:
        out += ["### Verschil met de vorige periode", ""] + _md_change(report) + [""]
    out += ["## Bereik", ""]
    if r.teams:
        out += [f"Bereikt ({len(r.reached)} van {len(r.teams)}): "
                + (", ".join(_md(x) for x in r.reached) or "geen") + ".", "",
                f"Nog niet bereikt ({len(r.not_reached)}): "
                + (", ".join(_md(x) for x in r.not_reached) or "geen") + ".", ""]
        if r.others:
            out += [f"Niet op de teamlijst ({r.others}): "
                    + ", ".join(_md(x) for x in r.other_labels) + ".", ""]
    else:
        out += [f"Teams bereikt: {t.teams}. (Er staat geen lijst van teams in de instellingen.)",
                ""]
    out += ["## Thema's", ""]
    if report.themes:
        total = max(f.rounds for f in report.themes)
        out += ["| thema | rondes | |", "|---|---:|---|"]
        out += [f"| {_md(f.title)} | {f.rounds} | `{_md_bar(f.rounds, total)}` |"
                for f in report.themes]
    else:
        out.append("Geen rondes gespeeld.")
    out.append("")
    out += ["## Meest verdelende dilemma's", "", _md(RANK_RULE.format(k=k, k2=2 * k)), ""]
    top = top_dividing(report)
    if top:
        out += ["| | dilemma | vraag | gespeeld | antwoorden | verdeeldheid |",
                "|---:|---|---|---:|---:|---:|"]
        out += [f"| {i} | {_md(f.title)} | {_md(f.question) or '—'} | {f.played} "
                f"| {answers_text(f)} | {_num(f.verdeeldheid, 3)} |"
                for i, f in enumerate(top, start=1)]
    else:
        out.append("Geen dilemma met genoeg antwoorden om te rangschikken.")
    out.append("")
    out += ["## Meldklimaat", ""]
    if report.pulse:
        for p in report.pulse:
            out += [f"### {_md(p.title)}", "", f"Antwoorden: {p.answers}.", ""]
            if p.counts is None:
                out += [f"Verdeling {_pulse_hidden(p, k)}.", ""]
            else:
                out += _md_dist(p.counts, p.labels) + [""]
            if p.left_out:
                out += [_md_paragraph(_left_out_text(p)), ""]
            for x in _refs_for(p, reference_figures):
                out += [f"Ter vergelijking: {_md(reference_text(x))}", ""]
            change = _pulse_change_text(report, p)
            if change:
                out += [_md_paragraph(change), ""]
            if p.quarters:
                keys = list(p.counts or p.labels)
                head = " | ".join(_md(p.labels.get(key, key)) for key in keys)
                out += [f"| kwartaal | antwoorden | {head} |",
                        "|---|---:|" + "---:|" * len(keys)]
                for q in p.quarters:
                    if q.counts is None:
                        cells = " | ".join("—" for _ in keys)
                    else:
                        cells = " | ".join(_pct(q.counts.get(key, 0), q.answers) for key in keys)
                    out.append(f"| {q.quarter} | {q.answers} | {cells} |")
                out += ["", f"— = {QUARTER_LEFT_OUT}.", ""]
        out += [_md_paragraph(PULSE_RULE), ""]
    else:
        out += ["Er zijn in de hele kwartalen van deze periode geen meldklimaatvragen "
                "beantwoord.", "", _md_paragraph(PULSE_RULE), ""]
    loose = _loose_refs(report, reference_figures)
    if loose:
        out += ["Ter vergelijking (uit de instellingen, bij geen vraag van dit rapport):", ""]
        out += [f"- {_md(reference_text(x))}" for x in loose] + [""]

    out += ["## Bijlage: alle cijfers", ""]
    out += ["### Alle dilemma's", "",
            "Verdeeldheid loopt van 0 (iedereen koos hetzelfde) tot 1 (de stemmen zijn gelijk "
            "verdeeld over alle antwoorden).", ""]
    if report.dilemmas:
        out += ["| dilemma | thema | deck | gespeeld | antwoorden | stemmen | verdeeldheid |",
                "|---|---|---|---:|---:|---|---:|"]
        titles = {f.id: f.title for f in report.themes}
        out += [f"| {_md(f.title)} | {_md(titles.get(f.theme, f.theme))} | {_md(f.deck)} | "
                f"{f.played} | {answers_text(f)} | {_md(_dist_cell(f))} | "
                f"{_num(f.verdeeldheid, 3)} |" for f in report.dilemmas]
    else:
        out.append("Geen dilemma's gespeeld.")
    out += ["", "### Verschuivingen na \"Maar wat als…?\"", ""]
    if report.shifts:
        out += ["| dilemma | variant | rondes | voor | na |", "|---|---|---:|---|---|"]
        out += [f"| {_md(s.title)} | {_md(_variation_name(s.variation, s.text))} | {s.revotes} "
                f"| {_md(dist_text(s.before))} | {_md(dist_text(s.after))} |"
                for s in report.shifts]
    else:
        out.append("Er is niet opnieuw gestemd na een variant.")
    if report.own_cases:
        out += ["", "### Eigen casussen", "", _md(OWN_CASES), "",
                "| eigen casus | keer gespeeld |", "|---|---:|"]
        out += [f"| {_md(c.title)} | {c.played} |" for c in report.own_cases]
    out += ["", "### Sessies", ""]
    if report.sessions:
        out += ["| maand | team | deelnames | rondes | afgerond |", "|---|---|---:|---:|---|"]
        out += [f"| {month_label(s.month)} | {_md(s.team) if s.team else '—'} | "
                f"{s.participants} | {s.rounds} | {_status(s.completed)} |"
                for s in report.sessions]
    else:
        out.append("Geen sessies.")
    out.append("")
    if report.with_notes:
        out += ["### Notities", ""]
        if report.notes:
            for g in report.notes:
                out += [f"#### {_md(g.title)}", ""] + [f"- {_md(n)}" for n in g.notes] + [""]
        else:
            out += ["Er zijn geen notities.", ""]
    return "\n".join(out)

# ------------------------------------------------------------------------------------- HTML

# Okabe–Ito blue and sky blue: safe for colour-blind readers and distinct in grayscale.
_DARK = "#0072B2"
_LIGHT = "#56B4E9"

_CSS = """
@page{size:A4;margin:16mm 15mm 18mm 15mm;
@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#444}}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;
background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.25rem;border-bottom:2px solid #111;
padding-bottom:.15rem;margin:1.4rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
p{margin:.4rem 0}
table{border-collapse:collapse;margin:.4rem 0 .8rem;break-inside:auto}
thead{display:table-header-group}tr{break-inside:avoid}
th,td{border:1px solid #999;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#eee}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
table.compact{font-size:.85em;width:100%}
table.compact td:first-child{min-width:11rem}td.d{white-space:nowrap}
table.sessions{table-layout:fixed}table.sessions td:first-child{min-width:0}
.lead{border-left:4px solid #0072B2;padding:.3rem .9rem;background:#f4f8fb}
.statement{font-size:.9em}
.kpi{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}.kpi div{border:1px solid #999;
padding:.35rem .8rem;min-width:8rem}.kpi b{display:block;font-size:1.4rem}
.pair{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.pair>div{flex:1 1 18rem}.ref{border:1px solid #999;padding:.3rem .8rem;font-size:.9em}
.block{break-inside:avoid}
.options{font-size:.9em;color:#222;margin:.2rem 0 .8rem;padding-left:1.2rem}.muted{color:#444}
.hidden{font-style:italic;color:#444}svg{display:block;max-width:100%}
@media print{body{margin:0;max-width:none;font-size:10pt;padding:0}
h2,h3{break-after:avoid}svg,.block,.kpi,.end{break-inside:avoid}.end table{margin-top:0}}
"""


Bar = tuple[int, int, str, str]  # count, total, colour, a word before the count ("voor")

LABEL_CHARS = 42


def _svg_bars(rows: list[tuple[str, list[Bar]]], *, title: str, percent: bool = True) -> str:
    """Horizontal bars: per row a label and one or more bars, each with its count written out
    (and the percentage), so that the chart reads without colour."""
    # 42 characters at 12 px need about 290 px, so a long theme never runs into its bar.
    bar_h, gap, label_w, bar_w, text_w = 16, 4, 295, 300, 130
    height = 0
    parts: list[str] = []
    for label, bars in rows:
        y0 = height
        parts.append(f'<text x="0" y="{y0 + 12}" font-size="12">'
                     f"{escape(_trim(label, LABEL_CHARS))}</text>")
        for count, total, colour, word in bars:
            width = round(bar_w * count / total) if total else 0
            parts.append(f'<rect x="{label_w}" y="{height}" width="{bar_w}" height="{bar_h}" '
                         f'fill="#eee" stroke="#999" stroke-width="0.5"/>')
            if width:
                parts.append(f'<rect x="{label_w}" y="{height}" width="{width}" '
                             f'height="{bar_h}" fill="{colour}"/>')
            parts.append(f'<text x="{label_w + bar_w + 8}" y="{height + 12}" font-size="12">'
                         f'{escape(word)}{count}{f" ({_pct(count, total)})" if percent else ""}'
                         "</text>")
            height += bar_h + gap
        height += gap * 2
    total_w = label_w + bar_w + text_w
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{total_w}" '
            f'height="{height}" viewBox="0 0 {total_w} {height}" '
            f'font-family="system-ui,Arial,sans-serif"><title>{escape(title)}</title>'
            + "".join(parts) + "</svg>")


def _trim(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _dist_label(key: str, labels: Mapping[str, str]) -> str:
    """A pulse answer by its words ("Ja", "Weet ik niet"), never its key: every answer of a
    question reads alike, however short its key."""
    return labels.get(key, key)


def _html_dist(counts: Mapping[str, int], labels: Mapping[str, str], title: str) -> str:
    total = sum(counts.values())
    rows = [(_dist_label(key, labels), [(n, total, _DARK, "")]) for key, n in counts.items()]
    return _svg_bars(rows, title=title) + _html_options(counts, labels)


def _html_options(keys: Mapping[str, int], labels: Mapping[str, str]) -> str:
    """The answers written out in full when a bar label had to be shortened."""
    if all(len(_dist_label(key, labels)) <= LABEL_CHARS for key in keys):
        return ""
    items = "".join(f"<li><b>{escape(key)}</b> — {escape(labels.get(key, key))}</li>"
                    for key in keys)
    return f'<ul class="options">{items}</ul>'


_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
            "#999999")
"""Okabe–Ito: distinct for colour-blind readers; every share is also written out."""


def _svg_trend(p: PulseFigure) -> str:
    """Per quarter one bar of 100%, split over every answer, each share written in or beside
    its part; a quarter left out says so."""
    if not p.quarters:
        return ""
    keys = list(p.labels or p.counts or {})
    for q in p.quarters:
        keys += [key for key in (q.counts or {}) if key not in keys]
    label_w, bar_w, row_h, gap = 70, 430, 20, 6
    parts: list[str] = []
    y = 0
    for q in p.quarters:
        parts.append(f'<text x="0" y="{y + 14}" font-size="11">'
                     f'{escape(q.quarter.replace("-", " "))}</text>')
        if q.counts is None or not q.answers:
            parts.append(f'<text x="{label_w}" y="{y + 14}" font-size="11" font-style="italic">'
                         f"{escape(QUARTER_LEFT_OUT)}</text>")
        else:
            x = float(label_w)
            for i, key in enumerate(keys):
                share = q.counts.get(key, 0) / q.answers
                width = bar_w * share
                if width <= 0:
                    continue
                colour = _PALETTE[i % len(_PALETTE)]
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_h}" '
                             f'fill="{colour}" stroke="#fff" stroke-width="1"/>')
                if width >= 30:
                    ink = "#000" if colour in ("#E69F00", "#F0E442", "#56B4E9") else "#fff"
                    parts.append(f'<text x="{x + width / 2:.1f}" y="{y + 14}" font-size="11" '
                                 f'text-anchor="middle" fill="{ink}">{round(100 * share)}%</text>')
                x += width
            parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 14}" font-size="11">'
                         f"n = {q.answers}</text>")
        y += row_h + gap
    legend_y = y + 4
    x = label_w
    for i, key in enumerate(keys):
        name = _trim(p.labels.get(key, key), 32)
        parts.append(f'<rect x="{x}" y="{legend_y}" width="10" height="10" '
                     f'fill="{_PALETTE[i % len(_PALETTE)]}"/>')
        parts.append(f'<text x="{x + 14}" y="{legend_y + 9}" font-size="11">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    height = legend_y + 16
    width = max(label_w + bar_w + 60, x)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" '
            f'font-family="system-ui,Arial,sans-serif"><title>'
            f'{escape(f"Elk antwoord per kwartaal bij {p.title}")}</title>'
            + "".join(parts) + "</svg>")


def render_html(report: Report, *, organisation: str = "", today: _dt.date | None = None,
                reference_figures: Sequence[ReferenceFigure] = ()) -> str:
    """The council report as one self-contained, printable HTML page (no scripts, fonts or
    images): a first part of at most four A4 pages, then an appendix with every figure."""
    k = report.k
    t = report.totals
    e = escape
    title = organisation or "WIO-rapport Integer-spel"
    made = f" · gemaakt op {date_label(today)}" if today else ""
    h: list[str] = [
        "<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)} — WIO-rapport {e(span_label(report))}</title>",
        f"<style>{_CSS}</style>", "</head>", "<body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="muted">WIO-rapport Integer-spel · periode: {e(period_label(report))}'
        f"{e(made)}</p>",
        "<section><h2>Voor de rapportage integriteitsbeleid</h2>",
        f'<p class="lead">{e(paragraph(report, organisation))}</p>',
        '<div class="statement"><h3>Wat wel en niet is vastgelegd</h3><ul>',
        *(f"<li>{e(line)}</li>" for line in statement(report)),
        "</ul></div></section>",
        "<section><h2>Kerncijfers</h2>", '<div class="kpi">',
    ]
    for name, value in (("Teamsessies", str(t.sessions)),
                        ("Teams bereikt", _teams_value(report)),
                        ("Deelnames", str(t.participants)),
                        ("Per sessie (gemiddeld)", _num(t.participants_mean)),
                        ("Rondes", str(t.rounds))):
        h.append(f"<div>{e(name)}<b>{e(value)}</b></div>")
    h.append("</div>")
    if report.previous is not None:
        prev = previous_period(report.period)
        h += ['<div class="block"><h3>Verschil met de vorige periode</h3>',
              f'<table><thead><tr><th></th><th class="n">{e(span_label(report))}</th>'
              f'<th class="n">{e(span_label_of(prev))}</th><th class="n">verschil</th></tr>'
              "</thead><tbody>"]
        h += [f'<tr><td>{e(name)}</td><td class="n">{now}</td>'
              f'<td class="n">{"—" if before is None else before}</td>'
              f'<td class="n">{e(change_text(now, before))}</td></tr>'
              for name, now, before in change_rows(report)]
        h.append("</tbody></table></div>")
    h.append("</section>")

    r = reach(report)
    h.append('<section class="block"><h2>Bereik</h2>')
    if r.teams:
        h.append(f"<p><b>Bereikt ({len(r.reached)} van {len(r.teams)}):</b> "
                 f"{e(', '.join(r.reached) or 'geen')}.</p>")
        h.append(f"<p><b>Nog niet bereikt ({len(r.not_reached)}):</b> "
                 f"{e(', '.join(r.not_reached) or 'geen')}.</p>")
        if r.others:
            h.append(f"<p><b>Niet op de teamlijst ({r.others}):</b> "
                     f"{e(', '.join(r.other_labels))}.</p>")
    else:
        h.append(f"<p>Teams bereikt: {t.teams}. Er staat geen lijst van teams in de "
                 "instellingen, dus wie nog niet meedeed is niet te zeggen.</p>")
    h.append("</section>")

    h.append("<section><h2>Thema's</h2>")
    if report.themes:
        top_rounds = max(f.rounds for f in report.themes)
        rows = [(f.title, [(f.rounds, top_rounds, _DARK, "")]) for f in report.themes]
        h.append(_svg_bars(rows, title="Rondes per thema", percent=False))
    else:
        h.append("<p>Geen rondes gespeeld.</p>")
    h.append("</section>")

    h += ["<section><h2>Meest verdelende dilemma's</h2>",
          f'<p class="muted">{e(RANK_RULE.format(k=k, k2=2 * k))}</p>']
    top = top_dividing(report)
    if top:
        h.append('<table class="compact"><thead><tr><th class="n">#</th><th>Dilemma en vraag'
                 '</th><th class="n">Gespeeld</th><th class="n">Antwoorden</th>'
                 '<th class="n">Verdeeldheid</th></tr></thead><tbody>')
        for i, f in enumerate(top, start=1):
            question = f'<br><span class="muted">{e(f.question)}</span>' if f.question else ""
            h.append(f'<tr><td class="n">{i}</td><td><b>{e(f.title)}</b>{question}</td>'
                     f'<td class="n">{f.played}</td><td class="n">{e(answers_text(f))}</td>'
                     f'<td class="n">{_num(f.verdeeldheid, 3)}</td></tr>')
        h.append("</tbody></table>")
    else:
        h.append("<p>Geen dilemma met genoeg antwoorden om te rangschikken.</p>")
    h.append("</section>")

    h.append("<section><h2>Meldklimaat</h2>")
    refs = "".join(f"<li>{e(reference_text(x))}</li>"
                   for x in _loose_refs(report, reference_figures))
    ref_block = (f'<div class="ref"><b>Ter vergelijking</b> (uit de instellingen, bij geen '
                 f"vraag van dit rapport)<ul>{refs}</ul></div>") if refs else ""
    if report.pulse:
        for p in report.pulse:
            h += ['<div class="block">', f"<h3>{e(p.title)}</h3>",
                  f'<p class="muted">{e(plural(p.answers, "antwoord", "antwoorden"))}</p>']
            if p.counts is None:
                h.append(f'<p class="hidden">Verdeling {e(_pulse_hidden(p, k))}.</p>')
            else:
                h.append(_html_dist(p.counts, p.labels, p.title))
            if p.left_out:
                h.append(f'<p class="muted">{e(_left_out_text(p))}</p>')
            h.append(_svg_trend(p))
            refs_here = _refs_for(p, reference_figures)
            if refs_here:
                items = "".join(f"<li>{e(reference_text(x))}</li>" for x in refs_here)
                h.append(f'<div class="ref"><b>Ter vergelijking</b> (uit de instellingen)'
                         f"<ul>{items}</ul></div>")
            change = _pulse_change_text(report, p)
            if change:
                h.append(f"<p>{e(change)}</p>")
            h.append("</div>")
        h.append(f'<p class="muted">{e(PULSE_RULE)} Een kwartaal telt alleen stemmingen van '
                 f"minstens {k} mensen.</p>" + ref_block)
    else:
        h.append("<p>Er zijn in de hele kwartalen van deze periode geen meldklimaatvragen "
                 f'beantwoord.</p><p class="muted">{e(PULSE_RULE)}</p>' + ref_block)
    h.append("</section>")

    h += ['<section class="appendix"><h2 id="bijlage">Bijlage: alle cijfers</h2>',
          "<h3>Alle dilemma's</h3>",
          '<p class="muted">Verdeeldheid loopt van 0 (iedereen koos hetzelfde) tot 1 (de '
          "stemmen zijn gelijk verdeeld over alle antwoorden).</p>"]
    if report.dilemmas:
        titles = {f.id: f.title for f in report.themes}
        h.append('<table class="compact"><thead><tr><th>Dilemma</th><th>Thema</th><th>Deck</th>'
                 '<th class="n">Gespeeld</th><th class="n">Antwoorden</th><th>Stemmen</th>'
                 '<th class="n">Verdeeldheid</th></tr></thead><tbody>')
        h += [f"<tr><td>{e(f.title)}</td><td>{e(titles.get(f.theme, f.theme))}</td>"
              f'<td>{e(f.deck)}</td><td class="n">{f.played}</td>'
              f'<td class="n">{e(answers_text(f))}</td>'
              f"<td class=d>{e(_dist_cell(f))}</td>"
              f'<td class="n">{_num(f.verdeeldheid, 3)}</td></tr>' for f in report.dilemmas]
        h.append("</tbody></table>")
    else:
        h.append("<p>Geen dilemma's gespeeld.</p>")
    h.append('<h3>Verschuivingen na "Maar wat als…?"</h3>')
    if report.shifts:
        h.append('<table class="compact"><thead><tr><th>Dilemma</th><th>Variant</th>'
                 '<th class="n">Rondes</th><th>Voor</th><th>Na</th></tr></thead><tbody>')
        h += [f"<tr><td>{e(s.title)}</td><td>{e(_variation_name(s.variation, s.text))}</td>"
              f'<td class="n">{s.revotes}</td><td class=d>{e(dist_text(s.before))}</td>'
              f"<td class=d>{e(dist_text(s.after))}</td></tr>" for s in report.shifts]
        h.append("</tbody></table>")
    else:
        h.append("<p>Er is niet opnieuw gestemd na een variant.</p>")
    if report.own_cases:
        h += ["<h3>Eigen casussen</h3>", f'<p class="muted">{e(OWN_CASES)}</p>',
              '<table class="compact"><thead><tr><th>Eigen casus</th>'
              '<th class="n">Keer gespeeld</th></tr></thead><tbody>']
        h += [f'<tr><td>{e(c.title)}</td><td class="n">{c.played}</td></tr>'
              for c in report.own_cases]
        h.append("</tbody></table>")
    if report.pulse:
        h.append("<h3>Meldklimaat per kwartaal</h3>")
        h.append('<table class="compact"><thead><tr><th>Vraag</th><th>Kwartaal</th>'
                 '<th class="n">Antwoorden</th><th>Stemmen</th></tr></thead><tbody>')
        h += [f"<tr><td>{e(p.title)}</td><td>{e(q.quarter)}</td>"
              f'<td class="n">{q.answers}</td><td class=d>'
              f"{e(dist_text(q.counts) if q.counts is not None else QUARTER_LEFT_OUT)}</td></tr>"
              for p in report.pulse for q in p.quarters]
        h.append("</tbody></table>")
    if report.with_notes:
        h.append("<h3>Notities</h3>")
        if report.notes:
            for g in report.notes:
                h.append(f'<div class="block"><b>{e(g.title)}</b><ul>'
                         + "".join(f"<li>{e(n)}</li>" for n in g.notes) + "</ul></div>")
        else:
            h.append("<p>Er zijn geen notities.</p>")
    h += _html_sessions(report)
    h += ["</section>", "</body>", "</html>", ""]
    return "\n".join(h)


END_ROWS = 14
"""Rows of the session list kept together with the report's last lines: the last page then
holds at least these (more than a quarter of a page), never a few stray rows."""


def _html_sessions(report: Report) -> list[str]:
    """The session list, last in the report; its last rows and the closing line form one
    block that is not split over pages."""
    e = escape
    head = ('<table class="compact sessions"><colgroup><col style="width:20%">'
            '<col style="width:38%"><col style="width:13%"><col style="width:11%">'
            '<col style="width:18%"></colgroup><thead><tr><th>Maand</th><th>Team</th>'
            '<th class="n">Deelnames</th><th class="n">Rondes</th><th>Afgerond</th></tr>'
            "</thead><tbody>")
    rows = [f"<tr><td>{e(month_label(s.month))}</td><td>{e(s.team or '—')}</td>"
            f'<td class="n">{s.participants}</td><td class="n">{s.rounds}</td>'
            f"<td>{e(_status(s.completed))}</td></tr>" for s in report.sessions]
    out = ["<h3>Sessies</h3>"]
    if not rows:
        return [*out, '<div class="end"><p>Geen sessies.</p>',
                '<p class="muted">Einde van het rapport.</p></div>']
    body, tail = rows[:-END_ROWS], rows[-END_ROWS:]
    if body:
        out += [head, *body, "</tbody></table>"]
    out += ['<div class="end">', head, *tail, "</tbody></table>",
            f'<p class="muted">Einde van het rapport · {e(plural(len(rows), "sessie", "sessies"))}'
            f" in de lijst.</p></div>"]
    return out


# -------------------------------------------------------------------------------------- CSV

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
        ("deelnemers_gemiddeld", t.participants_mean), ("rondes", t.rounds), ("k", report.k))
    for measure, value in totals:
        row("totaal", everywhere, measure, value=value)
    for f in report.themes:
        row("thema", (None, f.id, f.title, span, None), "rondes", value=f.rounds)
    for d in report.dilemmas:
        where: Where = (d.deck, d.id, d.title, span, None)
        row("dilemma", where, "gespeeld", value=d.played)
        row("dilemma", where, "antwoorden", value=d.answers)
        row("dilemma", where, "blanco", value=d.blanco,
            remark=None if d.blanco is not None else _hidden(d.answers, k))
        row("dilemma", where, "verdeeldheid", value=d.verdeeldheid)
        dist("dilemma", where, "stemmen", d.counts, _hidden(d.answers, k))
    for s in report.shifts:
        where = (s.deck, s.dilemma, s.title, span, s.variation + 1)
        row("verschuiving", where, "hertellingen", value=s.revotes)
        reason = _hidden(min(s.answers_before, s.answers_after), k)
        row("verschuiving", where, "antwoorden_voor", value=s.answers_before)
        dist("verschuiving", where, "voor", s.before, reason)
        row("verschuiving", where, "antwoorden_na", value=s.answers_after)
        dist("verschuiving", where, "na", s.after, reason)
    for p in report.pulse:
        where = (None, p.question, p.title, span, None)
        row("meldklimaat", where, "antwoorden", value=p.answers)
        dist("meldklimaat", where, "stemmen", p.counts, _pulse_hidden(p, k))
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
