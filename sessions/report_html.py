"""The WIO report as one self-contained, printable HTML page, with inline SVG bars."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from sessions.figures import month_label
from sessions.report_common import (
    OWN_CASES,
    RANK_RULE,
    dist_cell,
    dist_label,
    left_out_text,
    loose_refs,
    period_label,
    pulse_change_text,
    pulse_hidden,
    refs_for,
    span_label_of,
    statement,
    status_text,
    teams_value,
    variation_name,
)
from sessions.report_council import (
    change_rows,
    change_text,
    date_label,
    dist_text,
    paragraph,
    span_label,
    top_dividing,
)
from sessions.report_model import previous_period, reach
from sessions.report_words import (
    PULSE_RULE,
    QUARTER_LEFT_OUT,
    answers_text,
    number,
    percent,
    plural,
    reference_text,
)

if TYPE_CHECKING:
    from dilemmas.config import ReferenceFigure
    from sessions.report_model import PulseFigure, Report

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


def _svg_bars(rows: list[tuple[str, list[Bar]]], *, title: str, shares: bool = True) -> str:
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
                         f'{escape(word)}{count}{f" ({percent(count, total)})" if shares else ""}'
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


def _html_dist(counts: Mapping[str, int], labels: Mapping[str, str], title: str) -> str:
    total = sum(counts.values())
    rows = [(dist_label(key, labels), [(n, total, _DARK, "")]) for key, n in counts.items()]
    return _svg_bars(rows, title=title) + _html_options(counts, labels)


def _html_options(keys: Mapping[str, int], labels: Mapping[str, str]) -> str:
    """The answers written out in full when a bar label had to be shortened."""
    if all(len(dist_label(key, labels)) <= LABEL_CHARS for key in keys):
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
                        ("Teams bereikt", teams_value(report)),
                        ("Deelnames", str(t.participants)),
                        ("Per sessie (gemiddeld)", number(t.participants_mean)),
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
        h.append(_svg_bars(rows, title="Rondes per thema", shares=False))
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
                     f'<td class="n">{number(f.verdeeldheid, 3)}</td></tr>')
        h.append("</tbody></table>")
    else:
        h.append("<p>Geen dilemma met genoeg antwoorden om te rangschikken.</p>")
    h.append("</section>")

    h.append("<section><h2>Meldklimaat</h2>")
    refs = "".join(f"<li>{e(reference_text(x))}</li>"
                   for x in loose_refs(report, reference_figures))
    ref_block = (f'<div class="ref"><b>Ter vergelijking</b> (uit de instellingen, bij geen '
                 f"vraag van dit rapport)<ul>{refs}</ul></div>") if refs else ""
    if report.pulse:
        for p in report.pulse:
            h += ['<div class="block">', f"<h3>{e(p.title)}</h3>",
                  f'<p class="muted">{e(plural(p.answers, "antwoord", "antwoorden"))}</p>']
            if p.counts is None:
                h.append(f'<p class="hidden">Verdeling {e(pulse_hidden(p, k))}.</p>')
            else:
                h.append(_html_dist(p.counts, p.labels, p.title))
            if p.left_out:
                h.append(f'<p class="muted">{e(left_out_text(p))}</p>')
            h.append(_svg_trend(p))
            refs_here = refs_for(p, reference_figures)
            if refs_here:
                items = "".join(f"<li>{e(reference_text(x))}</li>" for x in refs_here)
                h.append(f'<div class="ref"><b>Ter vergelijking</b> (uit de instellingen)'
                         f"<ul>{items}</ul></div>")
            change = pulse_change_text(report, p)
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
              f"<td class=d>{e(dist_cell(f))}</td>"
              f'<td class="n">{number(f.verdeeldheid, 3)}</td></tr>' for f in report.dilemmas]
        h.append("</tbody></table>")
    else:
        h.append("<p>Geen dilemma's gespeeld.</p>")
    h.append('<h3>Verschuivingen na "Maar wat als…?"</h3>')
    if report.shifts:
        h.append('<table class="compact"><thead><tr><th>Dilemma</th><th>Variant</th>'
                 '<th class="n">Rondes</th><th>Voor</th><th>Na</th></tr></thead><tbody>')
        h += [f"<tr><td>{e(s.title)}</td><td>{e(variation_name(s.variation, s.text))}</td>"
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
            f"<td>{e(status_text(s.completed))}</td></tr>" for s in report.sessions]
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
