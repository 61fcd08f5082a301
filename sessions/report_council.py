"""The WIO report for the council: the parts shared by the HTML and the Markdown report.

First part (at most four A4 pages): a ready paragraph for the *rapportage
integriteitsbeleid*, reach, themes, the five most dividing dilemmas, the meldklimaat pulse
and the change against the previous period. Then an appendix with every figure.

Ranking rule: a dilemma is ranked among the most dividing only when its distribution is shown,
at least two of its rounds entered the sum (each a vote of at least ``k``) and it had at least
``2k`` answers; with fewer, one team's vote decides the score.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from sessions.figures import MONTHS, month_label
from sessions.figures import percent as whole_percent
from sessions.report_model import reach
from sessions.report_words import plural

if TYPE_CHECKING:
    from sessions.report_model import DilemmaFigure, PulseFigure, Report, Totals

TOP = 5


def date_label(day: _dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def span_label(report: Report) -> str:
    p = report.period
    if p.start == p.end:
        return month_label(p.start)
    return f"{month_label(p.start)} t/m {month_label(p.end)}"


def rankable(report: Report) -> list[DilemmaFigure]:
    """The dilemmas with enough answers to rank, most dividing first (rule in the docstring)."""
    return [f for f in report.dilemmas
            if f.verdeeldheid is not None and f.summed >= 2 and f.answers >= 2 * report.k]


def top_dividing(report: Report) -> list[DilemmaFigure]:
    return rankable(report)[:TOP]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _pct(count: int, total: int) -> int:
    return whole_percent(count, total)


def pulse_trend(p: PulseFigure) -> list[tuple[str, int | None]]:
    """Per quarter the share (percent) of the first answer, None when hidden."""
    keys = list(p.counts or p.labels)
    if not keys:
        return []
    first = keys[0]
    return [(q.quarter, None if q.counts is None else _pct(q.counts.get(first, 0), q.answers))
            for q in p.quarters]


def _quarter_words(quarter: str) -> str:
    return quarter.replace("-", " ")


def _pulse_sentence(p: PulseFigure, before: PulseFigure | None) -> str | None:
    if p.counts is None or not p.answers:
        return None
    key, n = max(p.counts.items(), key=lambda kv: kv[1])
    label = p.labels.get(key, key)
    text = (f"Op de meldklimaatvraag ‘{p.title}’ antwoordde {_pct(n, p.answers)}% "
            f"‘{label}’ ({plural(p.answers, 'antwoord', 'antwoorden')})")
    trend = [(q, v) for q, v in pulse_trend(p) if v is not None]
    first_key = next(iter(p.counts or p.labels))
    first_label = p.labels.get(first_key, first_key)
    if len(trend) >= 2:
        (q0, v0), (q1, v1) = trend[0], trend[-1]
        if v0 == v1:
            text += (f"; het aandeel ‘{first_label}’ was in {_quarter_words(q1)} even groot "
                     f"als in {_quarter_words(q0)}: {v1}%")
        else:
            word = "steeg" if v1 > v0 else "daalde"
            text += (f"; het aandeel ‘{first_label}’ {word} van {v0}% in "
                     f"{_quarter_words(q0)} naar {v1}% in {_quarter_words(q1)}")
    text += "."
    if before is not None and before.counts is not None and before.answers:
        now = _pct(p.counts.get(first_key, 0), p.answers)
        was = _pct(before.counts.get(first_key, 0), before.answers)
        if now == was:
            text += (f" Over de hele periode antwoordde {now}% ‘{first_label}’, even veel als "
                     "in de vorige periode.")
        else:
            word = "meer" if now > was else "minder"
            text += (f" Over de hele periode antwoordde {now}% ‘{first_label}’, "
                     f"{abs(now - was)} procentpunt {word} dan in de vorige periode ({was}%).")
    return text


def paragraph(report: Report, organisation: str) -> str:
    """The ready paragraph of plain Dutch, from the figures."""
    t = report.totals
    org = organisation or "de organisatie"
    if not t.sessions:
        return (f"In de periode {span_label(report)} is bij {org} geen teamsessie met het "
                "integriteitsspel vastgelegd.")
    who = "speelde één team" if t.teams == 1 else "speelden teams"
    parts = [f"In de periode {span_label(report)} {who} van {org} "
             f"{plural(t.sessions, 'teamsessie', 'teamsessies')} met het integriteitsspel, "
             f"met samen {plural(t.participants, 'deelname', 'deelnames')}"
             + (f" (gemiddeld {str(t.participants_mean).replace('.', ',')} per sessie)."
                if t.participants_mean is not None else ".")]
    r = reach(report)
    if r.teams and not r.not_reached:
        parts.append("Het enige team van de organisatie deed mee." if len(r.teams) == 1 else
                     f"Alle {len(r.teams)} teams van de organisatie deden mee.")
    elif r.teams:
        parts.append(f"Van de {plural(len(r.teams), 'team', 'teams')} van de organisatie "
                     f"{'deed er' if len(r.reached) == 1 else 'deden er'} {len(r.reached)} mee; "
                     f"{len(r.not_reached)} nog niet.")
        if r.others:
            parts.append(f"Daarnaast speelde{'' if r.others == 1 else 'n'} "
                         f"{plural(r.others, 'team', 'teams')} dat niet op de teamlijst staat."
                         if r.others == 1 else
                         f"Daarnaast speelden {r.others} teams die niet op de teamlijst staan.")
    else:
        parts.append(f"Er {'deed' if t.teams == 1 else 'deden'} "
                     f"{plural(t.teams, 'team', 'teams')} mee.")
    themes = [f"‘{f.title}’" for f in report.themes[:3]]
    if themes:
        word = "Het meest besproken thema was" if len(themes) == 1 else \
            "De meest besproken thema's waren"
        parts.append(f"{word} {_join(themes)}.")
    top = [f"‘{f.title}’" for f in top_dividing(report)[:2]]
    if top:
        word = "Het dilemma dat" if len(top) == 1 else "De dilemma's die"
        verb = "verdeelde" if len(top) == 1 else "verdeelden"
        parts.append(f"{word} de deelnemers het meest {verb}: {_join(top)}.")
    before = {p.question: p for p in report.previous_pulse}
    pulse = [s for s in (_pulse_sentence(p, before.get(p.question)) for p in report.pulse) if s]
    if pulse:
        parts += pulse[:2]
    else:
        parts.append("Over het meldklimaat zijn (nog) geen cijfers te tonen.")
    return " ".join(parts)


def change_rows(report: Report) -> list[tuple[str, int, int | None]]:
    """(name, now, before) for sessions, teams reached and deelnames."""
    prev: Totals | None = report.previous
    t = report.totals
    return [("Teamsessies", t.sessions, prev.sessions if prev else None),
            ("Teams bereikt", t.teams, prev.teams if prev else None),
            ("Deelnames", t.participants, prev.participants if prev else None)]


def _share(p: PulseFigure | None, key: str) -> float | None:
    if p is None or p.counts is None or not p.answers:
        return None
    return p.counts.get(key, 0) / p.answers


def pulse_change(report: Report) -> list[tuple[PulseFigure, str, str, float | None,
                                               float | None]]:
    """Per pulse question and answer: (question, key, label, share now, share in the
    previous period) as fractions, None where that period has no figure."""
    before = {p.question: p for p in report.previous_pulse}
    out = []
    for p in report.pulse:
        was = before.get(p.question)
        keys = list(p.labels or p.counts or {})
        for key in (*keys, *(k for k in (was.counts or {} if was else {}) if k not in keys)):
            out.append((p, key, p.labels.get(key, key), _share(p, key), _share(was, key)))
    return out


def change_text(now: int, before: int | None) -> str:
    if before is None:
        return "—"
    d = now - before
    if d == 0:
        return "gelijk"
    sign = "+" if d > 0 else "−"
    pct = f" ({sign}{round(100 * abs(d) / before)}%)" if before else ""
    return f"{sign}{abs(d)}{pct}"


def dist_text(counts: dict[str, int] | None, labels: dict[str, str] | None = None) -> str:
    """``A 10 · B 20 · C 7`` (keys only, labels are in the deck)."""
    if counts is None:
        return "verborgen"
    return " · ".join(f"{key} {n}" for key, n in counts.items())
