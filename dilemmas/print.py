"""Printable dilemmakaartjes (SPEC §7, `decks print`): a deck as A4 HTML, four cards a page.

Fronts (theme, title, situation, question, options) and backs (prompts, "Maar wat als…?",
what the code says, the contacts from the config) alternate page by page, so that duplex
printing puts each back behind its front. The backs mirror the columns: a sheet turned over
its long edge has its left column on the right. Cut marks sit in the margin at every cut.

No script runs in the page, and it loads nothing: every text is escaped, and a long card
gets a smaller type size, chosen here from an estimate of its lines, rather than spilling
out of its frame.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dilemmas.config import PLACEHOLDER, Config
from dilemmas.model import Deck, Dilemma

CARDS_PER_PAGE = 4
PAGE_W, PAGE_H = 210.0, 297.0
"""A4 portrait, in millimetres."""
CARD_W, CARD_H = 94.0, 136.0
"""One card; two columns and two rows of them sit in the middle of the page, edge to edge."""
PAD = 4.5
"""The card's inner margin (mm)."""
LEFT = (PAGE_W - 2 * CARD_W) / 2
TOP = (PAGE_H - 2 * CARD_H) / 2

SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
"""Type sizes (pt) to choose from, largest first."""
_PT_PER_MM = 72 / 25.4
_CHAR_EM = 0.52
"""An average character's width, in em, for the sans-serif faces a printer has (a little wide
for Arial, about right for DejaVu Sans): the estimate must not come out short."""
_LINE = 1.28
"""Line height, in em (as in the style sheet)."""
_FILL = 0.93
"""The share of a card's height an estimate may fill: words wrap before the line is full."""


@dataclass(frozen=True)
class _Block:
    """A piece of a card's text for the estimate: its paragraphs and its relative size."""

    paragraphs: tuple[str, ...]
    scale: float = 1.0
    gap: float = 0.45
    """Space after the block, in em."""
    indent: float = 0.0
    """Left indent of its lines, in em (list items)."""


def deck_cards_html(deck: Deck, config: Config | None = None) -> str:
    """The deck as a printable HTML page of cards to cut (A4, four cards a page)."""
    config = config or Config()
    cards = list(deck.dilemmas)
    themes = {theme.id: theme.title for theme in deck.themes}
    small = f"{deck.info.title} · versie {deck.info.version}"
    sheets: list[str] = []
    pages = max(1, math.ceil(len(cards) / CARDS_PER_PAGE))
    for page in range(pages):
        group = cards[page * CARDS_PER_PAGE:(page + 1) * CARDS_PER_PAGE]
        fronts = [(slot, _front(card, themes.get(card.theme, card.theme), small,
                                page * CARDS_PER_PAGE + slot + 1, len(cards), deck.is_pulse))
                  for slot, card in enumerate(group)]
        backs = [(_mirrored(slot), _back(card, themes.get(card.theme, card.theme), config, small))
                 for slot, card in enumerate(group)]
        sheets.append(_sheet(fronts, "voorkant", page + 1, pages))
        sheets.append(_sheet(backs, "achterkant", page + 1, pages))
    title = html.escape(f"Dilemmakaartjes — {deck.info.title}")
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        f"<title>{title}</title><style>{_CSS}</style></head><body>"
        + "".join(sheets)
        + "</body></html>\n"
    )


def page_count(deck: Deck) -> int:
    """How many A4 pages `deck_cards_html` makes: a front and a back page per four cards."""
    return 2 * max(1, math.ceil(len(deck.dilemmas) / CARDS_PER_PAGE))


def card_frame(slot: int) -> tuple[float, float, float, float]:
    """The frame of the card in a slot (0–3, reading order) on its page: left, top, right,
    bottom in millimetres from the page's top-left corner."""
    left = LEFT + (slot % 2) * CARD_W
    top = TOP + (slot // 2) * CARD_H
    return left, top, left + CARD_W, top + CARD_H


def _mirrored(slot: int) -> int:
    """The slot of a card's back: same row, other column (long-edge duplex)."""
    return slot // 2 * 2 + (1 - slot % 2)


def _sheet(cards: Sequence[tuple[int, str]], side: str, number: int, total: int) -> str:
    placed = []
    for slot, body in cards:
        left, top, _right, _bottom = card_frame(slot)
        placed.append(f'<section class="card" style="left:{left:.2f}mm;top:{top:.2f}mm">{body}</section>')
    note = html.escape(f"Vel {number} van {total}, {side}")
    return (f'<div class="sheet {side}">{_CUT_MARKS}{"".join(placed)}'
            f'<p class="sheet-note">{note}</p></div>')


def _cut_marks() -> str:
    """Short lines in the margin, in line with every cut (outer edges and the middle)."""
    marks = []
    length = 5.0
    xs = (LEFT, LEFT + CARD_W, LEFT + 2 * CARD_W)
    ys = (TOP, TOP + CARD_H, TOP + 2 * CARD_H)
    for x in xs:
        marks.append(f'<i class="cut v" style="left:{x:.2f}mm;top:{TOP - length - 1:.2f}mm"></i>')
        marks.append(f'<i class="cut v" style="left:{x:.2f}mm;top:{TOP + 2 * CARD_H + 1:.2f}mm"></i>')
    for y in ys:
        marks.append(f'<i class="cut h" style="top:{y:.2f}mm;left:{LEFT - length - 1:.2f}mm"></i>')
        marks.append(f'<i class="cut h" style="top:{y:.2f}mm;left:{LEFT + 2 * CARD_W + 1:.2f}mm"></i>')
    return "".join(marks)


_CUT_MARKS = _cut_marks()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _front(card: Dilemma, theme: str, small: str, number: int, total: int, pulse: bool) -> str:
    blocks = [_Block((card.title,), 1.25, 0.35), _Block(_paragraphs(card.situation)),
              _Block((card.question,), 1.0, 0.5)]
    # A pulse deck's keys are words for the data (`weet-niet`), not letters to call out.
    options = [("•" if pulse else key, text) for key, text in _options(card)]
    if options:
        blocks.append(_Block(tuple(text for _key, text in options), 1.0, 0.25, indent=1.6))
    size = _fit(blocks, head_lines=1)
    parts = [f'<h2>{_e(card.title)}</h2>',
             *(f'<p class="situation">{_e(p)}</p>' for p in _paragraphs(card.situation)),
             f'<p class="question">{_e(card.question)}</p>']
    if options:
        parts.append('<ol class="options">' + "".join(
            f'<li><b>{_e(key)}</b><span>{_e(text)}</span></li>' for key, text in options) + "</ol>")
    return (f'<header class="theme">{_e(theme)}</header>'
            f'<div class="body" style="font-size:{size}pt">{"".join(parts)}</div>'
            f'<footer>{_e(small)}<span>{number}/{total}</span></footer>')


def _options(card: Dilemma) -> list[tuple[str, str]]:
    answer = card.answer
    if answer.kind == "choice":
        return [(option.key, option.text) for option in answer.options]
    if answer.kind == "scale":
        return [(str(n), answer.low if n == 1 else answer.high if n == answer.points else "")
                for n in range(1, answer.points + 1)]
    return [("", "Een open vraag: bespreek het samen.")]


def _back(card: Dilemma, theme: str, config: Config, small: str) -> str:
    sections: list[tuple[str, tuple[str, ...], bool]] = []
    if card.prompts:
        sections.append(("Om over te praten", card.prompts, True))
    if card.variations:
        sections.append(("Maar wat als…?", card.variations, True))
    if card.guidance:
        sections.append(("Wat de code zegt", _paragraphs(card.guidance), False))
    if card.references:
        sections.append(("Bronnen", card.references, True))
    contacts = _contacts(card, config)
    if contacts:
        sections.append(("Hier kun je terecht", contacts, True))
    blocks = [_Block((card.title,), 1.0, 0.3)]
    for head, lines, listed in sections:
        blocks.append(_Block((head,), 1.0, 0.1))
        blocks.append(_Block(lines, 1.0, 0.4, indent=1.0 if listed else 0.0))
    size = _fit(blocks, head_lines=1)
    parts = [f'<h3 class="back-title">{_e(card.title)}</h3>']
    for head, lines, listed in sections:
        parts.append(f"<h4>{_e(head)}</h4>")
        if listed:
            parts.append("<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>")
        else:
            parts.extend(f"<p>{_e(line)}</p>" for line in lines)
    return (f'<header class="theme back">{_e(theme)}</header>'
            f'<div class="body" style="font-size:{size}pt">{"".join(parts)}</div>'
            f'<footer>{_e(small)}</footer>')


def _contacts(card: Dilemma, config: Config) -> tuple[str, ...]:
    """The card's contacts as lines, with only what the WIO filled in (no "[… invullen]")."""
    lines = []
    for contact_id in card.contacts:
        contact = config.contact(contact_id)
        if contact is None:
            continue
        role = PLACEHOLDER.sub("", contact.role).strip()
        rest = [PLACEHOLDER.sub("", part).strip() for part in (contact.name, contact.reach)]
        who = " — ".join(part for part in rest if part)
        lines.append(f"{role}: {who}" if who else role)
    return tuple(lines)


def _paragraphs(text: str) -> tuple[str, ...]:
    """A text's paragraphs, its single line breaks joined (a card reflows its text)."""
    return tuple(" ".join(part.split()) for part in text.split("\n\n") if part.strip())


def _fit(blocks: Iterable[_Block], head_lines: int) -> float:
    """The largest type size at which the blocks' estimated lines fit the card's body."""
    blocks = list(blocks)
    width_pt = (CARD_W - 2 * PAD) * _PT_PER_MM
    # The theme band and the small print take a fixed height of their own.
    height_pt = (CARD_H - 2 * PAD) * _PT_PER_MM - (head_lines * 13 + 14)
    for size in SIZES:
        used = 0.0
        for block in blocks:
            em = size * block.scale
            per_line = max(1, int((width_pt - block.indent * size) / (em * _CHAR_EM)))
            lines = sum(_lines(paragraph, per_line) for paragraph in block.paragraphs)
            used += lines * em * _LINE + block.gap * size
        if used <= height_pt * _FILL:
            return size
    return SIZES[-1]


def _lines(text: str, per_line: int) -> int:
    """Lines a paragraph takes when its words wrap at ``per_line`` characters."""
    lines, length = 1, 0
    for word in text.split():
        if length and length + 1 + len(word) > per_line:
            lines += 1
            length = len(word)
        else:
            length += (1 if length else 0) + len(word)
        while length > per_line:  # a word longer than a line breaks
            lines += 1
            length -= per_line
    return lines


_CSS = f"""
@page {{ size: A4; margin: 0; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: Arial, "Liberation Sans", "DejaVu Sans", Helvetica, sans-serif;
       color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.sheet {{ position: relative; width: {PAGE_W}mm; height: {PAGE_H}mm; overflow: hidden;
          break-after: page; page-break-after: always; }}
.sheet:last-child {{ break-after: auto; page-break-after: auto; }}
.card {{ position: absolute; width: {CARD_W}mm; height: {CARD_H}mm; padding: {PAD}mm;
         border: 0.2mm dashed #bbb; display: flex; flex-direction: column; overflow: hidden; }}
.theme {{ font-size: 7.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #fff;
          background: #1f4e79; padding: 1mm 2mm; margin: 0 0 2mm 0; border-radius: 1mm; }}
.theme.back {{ background: #5b6b7a; }}
.body {{ flex: 1 1 auto; line-height: {_LINE}; overflow: hidden; overflow-wrap: anywhere; }}
.body p, .body ul, .body ol {{ margin: 0 0 0.45em 0; }}
h2 {{ font-size: 1.25em; margin: 0 0 0.35em 0; line-height: 1.15; }}
h3.back-title {{ font-size: 1em; margin: 0 0 0.3em 0; color: #444; }}
h4 {{ font-size: 1em; margin: 0.2em 0 0.1em 0; color: #1f4e79; }}
.question {{ font-weight: bold; }}
ol.options {{ list-style: none; padding: 0; }}
ol.options li {{ display: flex; gap: 0.5em; margin: 0 0 0.25em 0; }}
ol.options b {{ flex: 0 0 1.1em; }}
ul {{ padding-left: 1em; }}
footer {{ font-size: 6pt; color: #666; display: flex; justify-content: space-between;
          margin-top: 1.5mm; }}
.cut {{ position: absolute; background: #000; }}
.cut.v {{ width: 0.2mm; height: 5mm; }}
.cut.h {{ height: 0.2mm; width: 5mm; }}
.sheet-note {{ position: absolute; bottom: 3mm; left: 0; right: 0; margin: 0; text-align: center;
               font-size: 6pt; color: #888; }}
"""
