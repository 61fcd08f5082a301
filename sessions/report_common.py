"""What every human format of the WIO report shares: the opening statement, the period's
label, why a figure is hidden, and the wording of reach, reference figures and changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sessions.figures import month_label
from sessions.report_council import dist_text, pulse_change
from sessions.report_model import reach
from sessions.report_words import (
    HIDDEN,
    OPEN_QUESTION,
    PULSE_RULE,
    plural,
    pulse_left_out,
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
    """A period in words: "maart 2026", or "januari 2026 t/m juni 2026"."""
    if period.start == period.end:
        return month_label(period.start)
    return f"{month_label(period.start)} t/m {month_label(period.end)}"


def period_label(report: Report) -> str:
    """The report's period as its title says it, noting when none was given."""
    p = report.period
    text = f"{month_label(p.start)} t/m {month_label(p.end)}"
    if p.implicit:
        text += " (je gaf geen periode op: dit is het huidige kalenderjaar)"
    return text


def hidden_reason(answers: int, k: int) -> str:
    """Why a distribution is hidden: too few answers, or a smaller group could be recomputed."""
    if too_few(answers, k):
        return (f"{HIDDEN}: geen stemming met minstens {k} antwoorden (minder dan {k} telt niet "
                "mee)")
    return f"{HIDDEN}: anders is een kleinere groep terug te rekenen uit een totaal"


def pulse_hidden(p: PulseFigure, k: int) -> str:
    """Why a pulse question's total has no distribution."""
    if not p.answers:
        return f"{HIDDEN}: geen kwartaal met antwoorden van minstens 3 teams"
    return hidden_reason(p.answers, k)


def left_out_text(p: PulseFigure) -> str:
    """Which quarters of a pulse question were left out, and how many answers with them."""
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
        f"De grens van {k} staat in de instellingen als k: {k}.",
        left_out_line(report),
    ]
    if report.with_notes:
        lines.append("De notities bij de rondes staan erin, omdat daarom is gevraagd. "
                     "Persoonsgegevens zoals e-mailadressen, telefoonnummers en BSN's zijn "
                     "eruit gehaald.")
    else:
        lines.append("De notities bij de rondes staan niet in dit rapport.")
    return lines


def status_text(completed: bool) -> str:
    """Whether a session was finished, in the session list's words."""
    return "ja" if completed else "nee (niet afgerond)"


def variation_name(index: int, text: str | None) -> str:
    """A "Maar wat als…?" variant by its number and text."""
    return f"Variant {index + 1}: {text}" if text else f"Variant {index + 1}"


def teams_value(report: Report) -> str:
    """Teams reached, "12 van 30" against the config's team list: one number everywhere."""
    r = reach(report)
    return f"{report.totals.teams} van {len(r.teams)}" if r.teams else str(report.totals.teams)


def dist_cell(f: DilemmaFigure) -> str:
    """A dilemma's summed votes in a table cell; an open question says it is one."""
    if f.counts is None and f.open:
        return OPEN_QUESTION
    return dist_text(f.counts)


def refs_for(p: PulseFigure, figures: Sequence[ReferenceFigure]) -> list[ReferenceFigure]:
    """The reference figures given for this pulse question."""
    return [x for x in figures if x.question == p.question]


def loose_refs(report: Report, figures: Sequence[ReferenceFigure]) -> list[ReferenceFigure]:
    """The reference figures that belong to no pulse question of this report."""
    asked = {p.question for p in report.pulse}
    return [x for x in figures if x.question not in asked]


def pulse_change_text(report: Report, p: PulseFigure) -> str:
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


def dist_label(key: str, labels: Mapping[str, str]) -> str:
    """A pulse answer by its words ("Ja", "Weet ik niet"), never its key: every answer of a
    question reads alike, however short its key."""
    return labels.get(key, key)


def left_out_line(report: Report) -> str:
    """How many votes of this period the threshold left out (SPEC §8: how many, and why)."""
    k, votes, pulse = report.k, report.left_out_votes, report.left_out_pulse
    if not votes and not pulse:
        return f"In deze periode viel geen stemming weg: elke stemming had minstens {k} antwoorden."
    parts = []
    if votes:
        parts.append(f"{plural(votes, 'stemming', 'stemmingen')} over een dilemma")
    if pulse:
        parts.append(f"{'één keer' if pulse == 1 else f'{pulse} keer'} de antwoorden van een "
                     "sessie op een meldklimaatvraag")
    return (f"Niet meegeteld omdat er minder dan {k} antwoorden waren: "
            f"{' en '.join(parts)}.")
