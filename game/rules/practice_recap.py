"""What a new hire takes to the oath meeting: own choices beside how teams chose, the
walkthrough's decision, the oath and the contacts; for the end screen, and as one printable
A4 page (HTML) and Markdown."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dilemmas.config import PLACEHOLDER, Config, Contact
from game.rules.practice import PracticeCard, PracticeRun, TeamFigures, answer_text
from game.rules.text import md_escape
from sessions.figures import month_label
from sessions.summary import md_block

NBSP = "\u00a0"
BAR_WIDTH = 10
QUESTIONS_LINE = (
    "Vragen? Je kunt altijd terecht bij de vertrouwenspersoon of je leidinggevende. "
    "Twijfel je, vraag het dan. Dat is altijd goed."
)


# The end screen's question before the run is wiped (SPEC §6: the recap can be taken along).
TAKE_ALONG = (
    "Wil je je overzicht meenemen naar het gesprek over je eed of belofte? "
    "Na Klaar wordt je oefenronde van deze computer gewist."
)
TAKE_ALONG_ANSWERS = [("take", "Meenemen en klaar"), ("done", "Klaar zonder overzicht"),
                      ("back", "Terug")]

Offer = tuple[str, list[tuple[str, str]]]
"""A question and its answers (key, button text) for a choice dialog."""


def _listed(files: Sequence[object]) -> str:
    return "".join(f"\n• {path}" for path in files)


def files_left_offer(files: Sequence[object]) -> Offer:
    """Klaar after "Meenemen": the files still on this computer, with the offer to remove
    them (a shared laptop forgets; by now they are on a stick, printed, or mailed)."""
    return (
        f"Je opgeslagen bestanden staan nog op deze computer:{_listed(files)}\n\n"
        "Heb je ze meegenomen of geprint? Haal ze dan hier weg: na jou gebruikt iemand "
        "anders deze computer.",
        [("remove", "Weghalen en klaar"), ("keep", "Laten staan en klaar"), ("back", "Terug")],
    )


def wipe_offer(files: Sequence[object]) -> Offer:
    """"Wis mijn oefenronde": what goes, and the files this run saved (to remove too, or not)."""
    question = ("Je oefenronde wissen? Je antwoorden en je uitwerking met het stappenplan "
                "worden dan van deze computer verwijderd.")
    if not files:
        return question, [("wipe", "Wissen"), ("keep", "Terug")]
    return (f"{question}\n\nDeze bestanden heb je opgeslagen:{_listed(files)}",
            [("wipe-files", "Wissen, ook de bestanden"), ("wipe", "Wissen, bestanden houden"),
             ("keep", "Terug")])

@dataclass(frozen=True)
class RecapCard:
    """One card of the run: what the new hire chose, and how teams chose where shown."""

    title: str
    mine: str
    key: str
    figures: TeamFigures | None


@dataclass(frozen=True)
class Recap:
    """Everything on the take-away page."""

    organisation: str
    month: str
    cards: tuple[RecapCard, ...]
    decision: str
    decision_title: str
    oath: str
    contacts: tuple[Contact, ...]


def build_recap(
    config: Config,
    run: PracticeRun | None,
    cards: Iterable[PracticeCard],
    figures: Mapping[str, TeamFigures],
    month: str,
    decision: str = "",
    decision_title: str = "",
) -> Recap:
    """The recap of a run (figures where teams' answers may be shown)."""
    answers = run.answers if run is not None else {}
    cards = tuple(cards)
    rows = []
    for card in cards:
        dilemma = card.dilemma
        mine = answers.get(dilemma.id, "")
        shown = figures.get(dilemma.id)
        rows.append(
            RecapCard(
                dilemma.title,
                answer_text(dilemma, mine) if mine else "",
                mine if mine in dilemma.answer.keys else "",
                shown if shown is not None and shown.shown else None,
            )
        )
    return Recap(
        config.organisation,
        month,
        tuple(rows),
        decision,
        decision_title,
        config.oath or "",
        recap_contacts(config, cards),
    )


# Where anyone can go, whatever the cards were about (SPEC §6: "where to go with questions").
GENERAL_CONTACTS = ("vertrouwenspersoon", "leidinggevende", "p-en-o")


def recap_contacts(config: Config, cards: Sequence[PracticeCard]) -> tuple[Contact, ...]:
    """The contacts for the take-away: the general ones and those the cards played name, in
    the config's order (the whole list of routes would not fit one page)."""
    named = set(GENERAL_CONTACTS)
    for card in cards:
        named.update(card.dilemma.contacts)
    chosen = tuple(c for c in config.contacts if c.id in named or not c.id)
    return chosen or tuple(config.contacts)


def bar(percent: int, width: int = BAR_WIDTH) -> str:
    """A small text bar: "███░░░░░░░" for 30 %."""
    filled = max(0, min(width, round(percent * width / 100)))
    return "█" * filled + "░" * (width - filled)


def percent_text(percent: int) -> str:
    """ "24 %" that never breaks between the number and the sign."""
    return f"{percent}{NBSP}%"


def contact_line(contact: Contact) -> str:
    """ "Vertrouwenspersoon — Vera, intranet/vp" (placeholders the WIO left are skipped)."""
    parts = [p for p in (contact.name, contact.reach) if p and not PLACEHOLDER.fullmatch(p)]
    return contact.role + (" — " + ", ".join(parts) if parts else "")


def _cards_markdown(recap: Recap) -> list[str]:
    lines: list[str] = []
    for card in recap.cards:
        lines += [f"### {md_escape(card.title)}", ""]
        lines += [f"Jij koos: {md_escape(card.mine) if card.mine else '—'}", ""]
        if card.figures is not None:
            lines += ["| Optie | Zo kozen teams | |", "|---|---|---|"]
            for row in card.figures.rows:
                mark = " ◀ jij" if row.key == card.key else ""
                lines.append(
                    f"| {md_escape(row.key)}{mark} | {bar(row.percent)} | {percent_text(row.percent)} |"
                )
            lines.append("")
    return lines or ["Je hebt geen dilemma's beantwoord.", ""]


def _done_line(done: bool) -> str:
    if done:
        return "Je hebt de dilemma's geoefend en er één uitgewerkt met het stappenplan."
    return (
        "Je hebt de dilemma's geoefend. Het stappenplan kun je later nog eens doen, "
        "via Stappenplan in het menu."
    )


def recap_markdown(recap: Recap, *, done: bool = True) -> str:
    """The recap as Markdown (the end screen and the Markdown take-away)."""
    lines = ["# Goed gedaan" if done else "# Klaar met oefenen", ""]
    when = f" · {month_label(recap.month)}" if recap.month else ""
    lines += [f"*{md_escape(recap.organisation)}{when}*", ""]
    lines += [_done_line(done), ""]
    lines += ["## Wat jij koos", "", *_cards_markdown(recap)]
    lines += ["## Jouw besluit met het stappenplan", ""]
    if recap.decision:
        lines += [f"**{md_escape(recap.decision_title)}**", "", md_escape(recap.decision), ""]
    else:
        lines += ["Je hebt geen dilemma uitgewerkt. Dat kan later nog, via Stappenplan.", ""]
    lines += ["## De eed of belofte", ""]
    lines += ["  \n".join(md_block(line) for line in recap.oath.strip().splitlines()), ""]
    lines += ["## Waar kun je terecht?", ""]
    lines += [f"- {md_escape(contact_line(c))}" for c in recap.contacts] or [
        "- Vraag je leidinggevende waar je terechtkunt."
    ]
    lines += ["", QUESTIONS_LINE]
    return "\n".join(lines).rstrip() + "\n"


# One A4 page: small type, the cards in two columns, the oath beside the contacts.
_PAGE_CSS = """
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 9.5pt;
       color: #1d1d1f; line-height: 1.3; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 15pt; margin: 0; } .org { color: #555; margin: 0 0 3mm; }
h2 { font-size: 11pt; margin: 4mm 0 2mm; border-bottom: 1px solid #ccc; padding-bottom: 1mm; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; }
.card { break-inside: avoid; } .card h3 { font-size: 9.5pt; margin: 0 0 .5mm; }
.card p { margin: 0 0 .8mm; }
table { border-collapse: collapse; width: 100%; }
td { padding: 0 1mm; font-size: 8.5pt; vertical-align: middle; }
td.k { width: 9mm; white-space: nowrap; } td.n { width: 10mm; text-align: right;
       white-space: nowrap; } td.bar span { display: block; height: 2.4mm;
       background: #2f6db5; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
tr.mine td { font-weight: 700; } tr.mine td.bar span { background: #e69f00; }
.decision { border-left: 3px solid #2f6db5; padding: 1mm 3mm; margin: 0; }
.two { display: grid; grid-template-columns: 1.2fr 1fr; gap: 6mm; }
.oath { white-space: pre-line; font-size: 8.5pt; } ul { margin: 0; padding-left: 4mm; }
li { margin: 0 0 .8mm; } footer { margin-top: 3mm; color: #555; font-size: 8.5pt; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def recap_html(recap: Recap, *, done: bool = True) -> str:
    """The recap as one printable A4 page (self-contained, every text escaped)."""
    title = "Goed gedaan" if done else "Klaar met oefenen"
    when = f" · {month_label(recap.month)}" if recap.month else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>Oefenronde — {_e(recap.organisation)}</title><style>{_PAGE_CSS}</style></head>",
        "<body>",
        f"<h1>{title}</h1>",
        f'<p class="org">{_e(recap.organisation)}{_e(when)}</p>',
        "<h2>Wat jij koos</h2>",
        '<div class="cards">',
    ]
    for card in recap.cards:
        parts.append(f'<div class="card"><h3>{_e(card.title)}</h3>')
        parts.append(f"<p>Jij koos: {_e(card.mine) if card.mine else '—'}</p>")
        if card.figures is not None:
            rows = "".join(
                f'<tr class="{"mine" if row.key == card.key else ""}">'
                f'<td class="k">{_e(row.key)}{" ◀" if row.key == card.key else ""}</td>'
                f'<td class="bar"><span style="width:{row.percent}%"></span></td>'
                f'<td class="n">{percent_text(row.percent)}</td></tr>'
                for row in card.figures.rows
            )
            parts.append(f"<table>{rows}</table><p>Zo kozen teams ({card.figures.total}).</p>")
        parts.append("</div>")
    parts.append("</div>")
    parts.append("<h2>Jouw besluit met het stappenplan</h2>")
    if recap.decision:
        parts.append(
            f'<p class="decision"><strong>{_e(recap.decision_title)}</strong><br>'
            f"{_e(recap.decision)}</p>"
        )
    else:
        parts.append("<p>Je hebt geen dilemma uitgewerkt. Dat kan later nog, via Stappenplan.</p>")
    contacts = "".join(f"<li>{_e(contact_line(c))}</li>" for c in recap.contacts) or (
        "<li>Vraag je leidinggevende waar je terechtkunt.</li>"
    )
    parts += [
        '<div class="two"><div><h2>De eed of belofte</h2>',
        f'<p class="oath">{_e(recap.oath.strip())}</p></div>',
        f"<div><h2>Waar kun je terecht?</h2><ul>{contacts}</ul></div></div>",
        f"<footer>{_e(QUESTIONS_LINE)}</footer>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
