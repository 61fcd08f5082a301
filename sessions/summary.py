"""The summary of one session for the team (SPEC §4.5), as Markdown or self-contained HTML."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from dilemmas.config import PLACEHOLDER, Config, Contact
from dilemmas.model import Deck, Dilemma
from sessions.figures import month_label, room_words, shares
from sessions.model import Round, SessionRecord
from sessions.own import own_card, own_theme_title
from sessions.text import markdown_text

VOTE_MODES = {"hands": "handen tellen", "secret": "geheime stemming", "none": "geen stemming"}
ANONYMITY_NOTE = (
    "Van de stemmen staat alleen hier hoeveel mensen welke keuze maakten. Uit de notities zijn "
    "telefoonnummers, e-mailadressen, adressen, BSN's en namen met mevrouw/meneer ervoor "
    "weggehaald. Schrijf geen namen op."
)
NOT_COUNTED_NOTE = (
    "In deze sessie is niets gestemd of genoteerd: ze telt niet mee in de rapportage."
)



@dataclass(frozen=True)
class _Row:
    label: str
    count: int
    percent: float


@dataclass(frozen=True)
class _Shift:
    number: int
    variation: str
    changes: str
    rows: tuple[_Row, ...]


@dataclass(frozen=True)
class _RoundView:
    number: int
    title: str
    theme: str
    question: str
    vote: str
    rows: tuple[_Row, ...]
    divided: str | None
    shifts: tuple[_Shift, ...]
    minutes: int | None
    note: str | None
    blanco: int = 0
    present: int | None = None
    """Participants when the card was voted on, when the session says (a latecomer later)."""
    deep_dive: _DeepDive | None = None
    """The seven-step walkthrough made on this card during the session, if any."""


@dataclass(frozen=True)
class _DeepDive:
    sentence: str
    steps: tuple[str, ...]


def _blanco(rv: _RoundView) -> str:
    """ ", 2 blanco" beside the count of a secret vote with abstentions (not a bar of its own)."""
    return f", {rv.blanco} blanco" if rv.blanco else ""


@dataclass(frozen=True)
class _PulseView:
    question: str
    rows: tuple[_Row, ...]
    blanco: int = 0


@dataclass(frozen=True)
class _Summary:
    title: str
    organisation: str
    facts: tuple[tuple[str, str], ...]
    rounds: tuple[_RoundView, ...]
    pulse: tuple[_PulseView, ...]
    contacts: tuple[Contact, ...]
    participants: int
    skipped: tuple[tuple[int, str], ...]
    counts_nothing: bool


def _find(decks: Mapping[str, Deck], deck_id: str, dilemma_id: str, pulse: bool = False) -> Dilemma | None:
    """The card from the session's own deck, else from any installed deck of the same kind."""
    own = decks.get(deck_id)
    order = ([own] if own is not None else []) + [d for d in decks.values() if d is not own]
    for deck in order:
        if deck.is_pulse == pulse:
            card = deck.dilemma(dilemma_id)
            if card is not None:
                return card
    return None


def _keys(card: Dilemma | None, counts: Mapping[str, int]) -> list[str]:
    """Option keys in the card's order (every option, voted or not), then any others seen."""
    keys = list(card.answer.keys) if card is not None else []
    keys += [k for k in counts if k not in keys]
    return keys


def _label(card: Dilemma | None, key: str) -> str:
    if card is None:
        return key
    text = card.answer.label(key)
    if card.answer.kind == "choice" and text and text != key:
        return f"{key}. {text}" if len(key) == 1 else text
    return text or key


def _rows(card: Dilemma | None, counts: Mapping[str, int]) -> tuple[_Row, ...]:
    pct = shares(counts)  # whole percentages adding up to 100, as the room saw them
    return tuple(_Row(_label(card, k), counts.get(k, 0), pct.get(k, 0.0)) for k in _keys(card, counts))


def _round_view(number: int, rnd: Round, record: SessionRecord, decks: Mapping[str, Deck]) -> _RoundView:
    if rnd.own is not None:
        card: Dilemma | None = own_card(rnd.dilemma, rnd.own, rnd.theme)
    else:
        card = _find(decks, record.deck_id, rnd.dilemma)
    deck = decks.get(record.deck_id)
    theme = own_theme_title(rnd.theme, deck.theme_title(rnd.theme) if deck is not None else rnd.theme)
    rows: tuple[_Row, ...] = ()
    divided = None
    if rnd.counts is not None:
        rows = _rows(card, rnd.counts)
        divided = room_words(rnd.counts)
    shifts = []
    before = rnd.counts or {}
    blanco = _revote_blanco(record).get(number, {})
    for revote in rnd.revotes:
        if card is not None and 0 <= revote.variation < len(card.variations):
            text = card.variations[revote.variation]
        else:
            text = "(de tekst staat in een deck dat hier niet is geïnstalleerd)"
        keys = _keys(card, {**before, **revote.counts})
        changes = ", ".join(
            f"{k} {before.get(k, 0)} → {revote.counts.get(k, 0)}"
            for k in keys
            if before.get(k, 0) != revote.counts.get(k, 0)
        )
        changes = changes or "geen verschuiving"
        if blanco.get(revote.variation):
            changes += f" ({blanco[revote.variation]} blanco, apart geteld)"
        shifts.append(_Shift(revote.variation + 1, text, changes, _rows(card, revote.counts)))
    return _RoundView(
        number=number,
        title=(
            f"Eigen casus: {card.title}"
            if rnd.own is not None and card is not None
            else card.title if card is not None else rnd.dilemma
        ),
        theme=theme or "—",
        question=card.question if card is not None else "",
        vote=VOTE_MODES.get(rnd.vote, rnd.vote),
        rows=rows,
        divided=divided,
        shifts=tuple(shifts),
        minutes=rnd.minutes,
        note=rnd.note,
        blanco=rnd.blanco,
    )


def _revote_blanco(record: SessionRecord) -> dict[int, dict[int, int]]:
    """Per round number, the blanco of each secret re-vote (variation → count)."""
    found = record.extra.get("revote_blanco")
    out: dict[int, dict[int, int]] = {}
    if isinstance(found, (tuple, list)):
        for item in found:
            if isinstance(item, (tuple, list)) and len(item) == 3:
                number, variation, n = item
                if isinstance(number, int) and isinstance(variation, int) and isinstance(n, int):
                    out.setdefault(number, {})[variation] = n
    return out


def _present(record: SessionRecord) -> list[int | None]:
    """Per round, the participants at its vote as the session kept them (else None)."""
    present = record.extra.get("present")
    if isinstance(present, (tuple, list)) and len(present) == len(record.rounds):
        return [p if isinstance(p, int) and p > 0 else None for p in present]
    return [None] * len(record.rounds)


def _numbers(record: SessionRecord) -> list[int]:
    """Each round's number as played (a skipped card keeps its number), else 1, 2, 3, …"""
    numbers = record.extra.get("numbers")
    if (
        isinstance(numbers, (tuple, list))
        and len(numbers) == len(record.rounds)
        and all(isinstance(n, int) for n in numbers)
    ):
        return list(numbers)
    return list(range(1, len(record.rounds) + 1))


def _skipped(record: SessionRecord, decks: Mapping[str, Deck]) -> tuple[tuple[int, str], ...]:
    """(number, title) of each card that was shown and skipped."""
    found = record.extra.get("skipped")
    if not isinstance(found, (tuple, list)):
        return ()
    out = []
    for item in found:
        if isinstance(item, (tuple, list)) and len(item) == 2:
            number, dilemma = item
            if isinstance(number, int) and isinstance(dilemma, str):
                card = _find(decks, record.deck_id, dilemma)
                out.append((number, card.title if card is not None else dilemma))
    return tuple(out)


def _deep_dives(record: SessionRecord) -> dict[int, _DeepDive]:
    """Per round number, the deep dive the session kept (see `game.rules.summary`)."""
    found = record.extra.get("deep_dives")
    out: dict[int, _DeepDive] = {}
    if isinstance(found, (tuple, list)):
        for item in found:
            if not isinstance(item, Mapping):
                continue
            number, sentence, steps = item.get("number"), item.get("sentence"), item.get("steps")
            if isinstance(number, int) and isinstance(sentence, str) and isinstance(steps, list):
                out[number] = _DeepDive(sentence, tuple(str(t) for t in steps))
    return out


def _counts_nothing(record: SessionRecord) -> bool:
    """Nothing voted or noted: the session is left out of the report (SPEC §9)."""
    voted = any(r.counts is not None or r.revotes or r.note for r in record.rounds)
    return not voted and not record.pulse


def _filled_in(contacts: Sequence[Contact]) -> tuple[Contact, ...]:
    """The contacts with only what the WIO filled in: the summary is on the beamer and goes
    to the team, so a "[naam invullen]" is left out (the menu's notice tells the WIO)."""
    found = []
    for contact in contacts:
        role, name, reach = (
            PLACEHOLDER.sub("", part).strip()
            for part in (contact.role, contact.name, contact.reach)
        )
        if role:
            found.append(replace(contact, role=role, name=name, reach=reach))
    return tuple(found)


def _summary(record: SessionRecord, decks: Mapping[str, Deck], config: Config | None) -> _Summary:
    config = config or Config()
    deck = decks.get(record.deck_id)
    deck_text = f"{deck.info.title} (versie {record.deck_version})" if deck else (
        f"{record.deck_id} (versie {record.deck_version})"
    )
    facts = (
        ("Team", record.team or "—"),
        ("Maand", month_label(record.month)),
        ("Deelnemers", str(record.participants)),
        ("Deck", deck_text),
        ("Rondes", str(len(record.rounds))),
        ("Afgerond", "ja" if record.completed else "nee"),
    )
    pulse = []
    blanco = record.extra.get("pulse_blanco")
    blanco = blanco if isinstance(blanco, Mapping) else {}
    for answer in record.pulse:
        card = _find(decks, record.deck_id, answer.question, pulse=True)
        title = card.question if card is not None else answer.question
        n = blanco.get(answer.question, 0)
        pulse.append(_PulseView(title, _rows(card, answer.counts), n if isinstance(n, int) else 0))
    dives = _deep_dives(record)
    kind = "oefenronde" if record.kind == "practice" else "teamsessie"
    return _Summary(
        title=f"Samenvatting {kind}" + (f" — {record.team}" if record.team else ""),
        organisation=config.organisation,
        facts=facts,
        rounds=tuple(
            replace(_round_view(n, r, record, decks), present=p, deep_dive=dives.get(n))
            for n, r, p in zip(_numbers(record), record.rounds, _present(record), strict=True)
        ),
        pulse=tuple(pulse),
        contacts=_filled_in(config.contacts),
        participants=record.participants,
        skipped=_skipped(record, decks),
        counts_nothing=_counts_nothing(record),
    )


# -- Markdown -------------------------------------------------------------------------------


# HTML is left as typed: the Markdown is read in the app (which shows no HTML) and as a file;
# the HTML export escapes everything itself.
_MD_INLINE = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]#|~"})
_MD_BLOCK = str.maketrans({ch: "\\" + ch for ch in "\\`[]"})


def md_inline(text: str) -> str:
    """Text from a deck, the config or a user, shown as itself inside a Markdown line or cell.

    Escapes what would start emphasis, code, a link, a heading or a table cell, so a
    card title such as ``[naam invullen]`` or ``*let op*`` reads as typed; one line.
    """
    return " ".join(text.split()).translate(_MD_INLINE)


def md_block(text: str) -> str:
    """Multi-line text that may use Markdown lists and emphasis (the oath from the config),
    with links and code disarmed so they show as typed."""
    return text.translate(_MD_BLOCK)


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or line: no emphasis, links or HTML."""
    return markdown_text(md_inline(text))


def _voted(total: int, participants: int) -> str:
    """ "8 van 9 stemden", or "8 stemmen" when the number of participants is unknown."""
    if participants > 0:
        return f"{total} van {participants} stemden"
    return f"{total} {'stem' if total == 1 else 'stemmen'}"


def _md_table(rows: Sequence[_Row]) -> list[str]:
    lines = ["| Keuze | Stemmen | % |", "|---|---:|---:|"]
    lines += [f"| {_md(r.label)} | {r.count} | {r.percent:.0f}% |" for r in rows]
    return lines


def summary_markdown(record: SessionRecord, decks: Mapping[str, Deck], config: Config | None) -> str:
    """The session's summary in Markdown: rounds, votes, shifts, notes, pulse, and where to go."""
    s = _summary(record, decks, config)
    out = [f"# {_md(s.title)}", "", f"*{_md(s.organisation)}*", ""]
    out += [f"- **{k}:** {_md(v)}" for k, v in s.facts]
    if s.counts_nothing:
        out += ["", f"**{NOT_COUNTED_NOTE}**"]
    for rv in s.rounds:
        out += ["", f"## Ronde {rv.number}: {_md(rv.title)}", "", f"Thema: {_md(rv.theme)}  "]
        if rv.question:
            out.append(f"Vraag: {_md(rv.question)}  ")
        out.append(f"Stemming: {rv.vote}")
        if rv.rows:
            out += [""] + _md_table(rv.rows)
            total = sum(r.count for r in rv.rows)
            out += ["", f"{_voted(total, rv.present or s.participants)}{_blanco(rv)}; {rv.divided}."]
        for shift in rv.shifts:
            out += ["", f"**Variant {shift.number}:** {_md(shift.variation)}", "", f"Verschuiving: {_md(shift.changes)}"]
        if rv.minutes is not None:
            out += ["", f"Besproken: {rv.minutes} {'minuut' if rv.minutes == 1 else 'minuten'}"]
        if rv.note:
            out += [""] + [f"> {_md(line)}" if line.strip() else ">" for line in rv.note.splitlines()]
        if rv.deep_dive is not None:
            out += ["", f"**Verdieping (stappenplan):** {_md(rv.deep_dive.sentence)}  ",
                    f"Ingevuld: {_md(', '.join(rv.deep_dive.steps))}"]
    if s.skipped:
        out += ["", "## Overgeslagen", ""]
        out += [f"- Ronde {n}: {_md(title)}" for n, title in s.skipped]
    if s.pulse:
        out += ["", "## Meldklimaat"]
        for pv in s.pulse:
            out += ["", f"**{_md(pv.question)}**", ""] + _md_table(pv.rows)
            if pv.blanco:
                out += ["", f"Blanco: {pv.blanco} (apart geteld)"]
    out += ["", "## Hulp en advies", ""]
    for c in s.contacts:
        who = " — ".join(_md(x) for x in (c.name, c.reach) if x)
        out.append(f"- **{_md(c.role)}**" + (f": {who}" if who else ""))
    out += ["", f"*{ANONYMITY_NOTE}*", ""]
    return "\n".join(out)


# -- HTML -----------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem;
     border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
.org { color: #555; margin-top: 0; } dl.facts { display: grid; grid-template-columns: max-content 1fr;
     gap: .2rem 1rem; } dl.facts dt { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
td, th { padding: .25rem .4rem; border-bottom: 1px solid #e3e3e3; text-align: left; }
td.n { text-align: right; white-space: nowrap; width: 4rem; } td.bar { width: 35%; }
.bar span { display: block; height: .8rem; background: #2f6db5;
            print-color-adjust: exact; -webkit-print-color-adjust: exact; }
blockquote { margin: .6rem 0; padding: .2rem .8rem; border-left: 3px solid #999; color: #333; }
.shift { margin: .6rem 0; } .muted { color: #555; } footer { margin-top: 2rem; color: #555; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: avoid; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_table(rows: Sequence[_Row]) -> str:
    body = "".join(
        f'<tr><td>{_e(r.label)}</td><td class="n">{r.count}</td><td class="n">{r.percent:.0f}%</td>'
        f'<td class="bar"><span style="width:{r.percent:.1f}%"></span></td></tr>'
        for r in rows
    )
    return f"<table><thead><tr><th>Keuze</th><th>Stemmen</th><th>%</th><th></th></tr></thead><tbody>{body}</tbody></table>"


def summary_html(record: SessionRecord, decks: Mapping[str, Deck], config: Config | None) -> str:
    """The same summary as one self-contained, printable HTML page (no external files)."""
    s = _summary(record, decks, config)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(s.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(s.title)}</h1>",
        f'<p class="org">{_e(s.organisation)}</p>',
        '<dl class="facts">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in s.facts) + "</dl>",
    ]
    if s.counts_nothing:
        parts.append(f"<p><strong>{_e(NOT_COUNTED_NOTE)}</strong></p>")
    for rv in s.rounds:
        parts.append(f"<section><h2>Ronde {rv.number}: {_e(rv.title)}</h2>")
        parts.append(f'<p class="muted">Thema: {_e(rv.theme)} · Stemming: {_e(rv.vote)}</p>')
        if rv.question:
            parts.append(f"<p>{_e(rv.question)}</p>")
        if rv.rows:
            total = sum(r.count for r in rv.rows)
            parts.append(_html_table(rv.rows))
            parts.append(f"<p>{_voted(total, rv.present or s.participants)}{_blanco(rv)}; {_e(rv.divided or '')}.</p>")
        for shift in rv.shifts:
            parts.append(
                f'<div class="shift"><strong>Variant {shift.number}:</strong> {_e(shift.variation)}'
                f"<br>Verschuiving: {_e(shift.changes)}</div>"
            )
        if rv.minutes is not None:
            parts.append(f"<p>Besproken: {rv.minutes} {'minuut' if rv.minutes == 1 else 'minuten'}</p>")
        if rv.note:
            parts.append(f"<blockquote>{_e(rv.note).replace(chr(10), '<br>')}</blockquote>")
        if rv.deep_dive is not None:
            parts.append(
                f"<p><strong>Verdieping (stappenplan):</strong> {_e(rv.deep_dive.sentence)}"
                f"<br>Ingevuld: {_e(', '.join(rv.deep_dive.steps))}</p>"
            )
        parts.append("</section>")
    if s.skipped:
        parts.append("<section><h2>Overgeslagen</h2><ul>")
        parts += [f"<li>Ronde {n}: {_e(title)}</li>" for n, title in s.skipped]
        parts.append("</ul></section>")
    if s.pulse:
        parts.append("<section><h2>Meldklimaat</h2>")
        for pv in s.pulse:
            parts.append(f"<p><strong>{_e(pv.question)}</strong></p>{_html_table(pv.rows)}")
            if pv.blanco:
                parts.append(f"<p>Blanco: {pv.blanco} (apart geteld)</p>")
        parts.append("</section>")
    parts.append("<section><h2>Hulp en advies</h2><ul>")
    for c in s.contacts:
        who = " — ".join(_e(x) for x in (c.name, c.reach) if x)
        parts.append(f"<li><strong>{_e(c.role)}</strong>{': ' + who if who else ''}</li>")
    parts.append(f"</ul></section><footer>{_e(ANONYMITY_NOTE)}</footer></body></html>")
    return "\n".join(parts) + "\n"
