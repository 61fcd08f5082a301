"""The WIO report as Markdown: the same parts as the printable HTML, with text bars."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
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
    reference_text,
)

if TYPE_CHECKING:
    from dilemmas.config import ReferenceFigure
    from sessions.report_model import Report


def _md_paragraph(text: str) -> str:
    """Plain text safe as a Markdown paragraph: no HTML, no markup characters."""
    out = " ".join(text.split())
    for ch in "\\*_`[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


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
        name = dist_label(key, labels)
        lines.append(f"| {_md(name)} | {n} | `{_md_bar(n, total)}` | {percent(n, total)} |")
    return lines


def _md_change(report: Report) -> list[str]:
    prev = previous_period(report.period)
    out = [f"| | {_md(span_label(report))} | vorige periode ({_md(span_label_of(prev))}) "
           "| verschil |", "|---|---:|---:|---:|"]
    for name, now, before in change_rows(report):
        out.append(f"| {name} | {now} | {'—' if before is None else before} | "
                   f"{change_text(now, before)} |")
    return out


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
            f"| Teamsessies | {t.sessions} |", f"| Teams bereikt | {teams_value(report)} |",
            f"| Deelnames | {t.participants} |",
            f"| Deelnames per sessie (gemiddeld) | {number(t.participants_mean)} |",
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
                f"| {answers_text(f)} | {number(f.verdeeldheid, 3)} |"
                for i, f in enumerate(top, start=1)]
    else:
        out.append("Geen dilemma met genoeg antwoorden om te rangschikken.")
    out.append("")
    out += ["## Meldklimaat", ""]
    if report.pulse:
        for p in report.pulse:
            out += [f"### {_md(p.title)}", "", f"Antwoorden: {p.answers}.", ""]
            if p.counts is None:
                out += [f"Verdeling {pulse_hidden(p, k)}.", ""]
            else:
                out += _md_dist(p.counts, p.labels) + [""]
            if p.left_out:
                out += [_md_paragraph(left_out_text(p)), ""]
            for x in refs_for(p, reference_figures):
                out += [f"Ter vergelijking: {_md(reference_text(x))}", ""]
            change = pulse_change_text(report, p)
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
                        cells = " | ".join(percent(q.counts.get(key, 0), q.answers) for key in keys)
                    out.append(f"| {q.quarter} | {q.answers} | {cells} |")
                out += ["", f"— = {QUARTER_LEFT_OUT}.", ""]
        out += [_md_paragraph(PULSE_RULE), ""]
    else:
        out += ["Er zijn in de hele kwartalen van deze periode geen meldklimaatvragen "
                "beantwoord.", "", _md_paragraph(PULSE_RULE), ""]
    loose = loose_refs(report, reference_figures)
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
                f"{f.played} | {answers_text(f)} | {_md(dist_cell(f))} | "
                f"{number(f.verdeeldheid, 3)} |" for f in report.dilemmas]
    else:
        out.append("Geen dilemma's gespeeld.")
    out += ["", "### Verschuivingen na \"Maar wat als…?\"", ""]
    if report.shifts:
        out += ["| dilemma | variant | rondes | voor | na |", "|---|---|---:|---|---|"]
        out += [f"| {_md(s.title)} | {_md(variation_name(s.variation, s.text))} | {s.revotes} "
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
                f"{s.participants} | {s.rounds} | {status_text(s.completed)} |"
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
