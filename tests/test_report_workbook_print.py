"""The workbook as a spreadsheet program prints it: LibreOffice Calc turns a year's workbook
(the bundled cards, their long answers) into a PDF whose wrapped lines never overlap, with page
numbers on every page and a page count in proportion. Skipped without LibreOffice or
poppler-utils (CI installs both)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dilemmas.discovery import BUNDLED_DIR
from dilemmas.loader import load_deck
from dilemmas.model import Deck
from sessions.model import PulseAnswer, Revote, Round, SessionRecord
from sessions.report import Period, build_report
from sessions.report_xlsx import render_xlsx

SOFFICE = shutil.which("soffice")
TOOLS = SOFFICE is not None and all(shutil.which(p) for p in ("pdfinfo", "pdftotext"))
TEAMS = ("Publiekszaken", "Burgerzaken", "Sociaal Domein", "Financiën", "Vergunningen",
         "Inkoop", "ICT", "Griffie", "Handhaving", "Stadsbeheer")


def _decks() -> dict[str, Deck]:
    decks = [load_deck(path) for path in sorted(BUNDLED_DIR.glob("*.yaml"))]
    return {deck.id: deck for deck in decks}


def _year(decks: dict[str, Deck], sessions: int) -> list[SessionRecord]:
    """A year of team sessions over the bundled cards: eight rounds each, a re-vote on the
    first, the pulse's first two questions."""
    cards = [(deck, card) for deck in decks.values() if deck.info.kind != "pulse"
             for card in deck.dilemmas if card.answer.keys]
    pulse = next(deck for deck in decks.values() if deck.info.kind == "pulse")
    records = []
    for s in range(sessions):
        people = 6 + s % 9
        deck = cards[(s * 8) % len(cards)][0]
        rounds = []
        for r in range(8):
            _, card = cards[(s * 8 + r) % len(cards)]
            keys = card.answer.keys
            counts = {key: (people + i * s) % (people // 2 + 1) for i, key in enumerate(keys)}
            counts[keys[0]] += people - sum(counts.values()) if sum(counts.values()) < people \
                else 0
            revotes = (Revote(0, dict(reversed(list(counts.items())))),) \
                if r == 0 and card.variations else ()
            rounds.append(Round(card.id, card.theme, "secret", counts, revotes))
        answers = tuple(PulseAnswer(q.id, {"ja": people - s % 4, "nee": s % 4})
                        for q in pulse.dilemmas[:2])
        records.append(SessionRecord(f"s{s}", "team", f"2026-{s * 12 // sessions + 1:02d}",
                                     TEAMS[s % len(TEAMS)], people, deck.id, deck.info.version,
                                     tuple(rounds), answers, True))
    return records


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, each word's box (x0, y0, x1, y1) and text, as pdftotext places them."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([
            (float(x0), float(y0), float(x1), float(y1), text)
            for x0, y0, x1, y1, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                r"([^<]*)</word>", page)
        ])
    return pages


def _overlaps(words: list[tuple[float, float, float, float, str]]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cover each other for more than a third of their height."""
    found = []
    ordered = sorted(words, key=lambda w: w[1])
    for i, (x0, y0, x1, y1, text) in enumerate(ordered):
        for a0, b0, a1, b1, other in ordered[i + 1:]:
            if b0 >= y1:
                break
            shared_y = min(y1, b1) - max(y0, b0)
            shared_x = min(x1, a1) - max(x0, a0)
            if shared_x > 0.5 and shared_y > min(y1 - y0, b1 - b0) / 3:
                found.append((text, other))
    return found


@pytest.mark.skipif(not TOOLS, reason="needs LibreOffice (soffice) and poppler-utils")
def test_libreoffice_prints_a_years_workbook_without_overlapping_lines(tmp_path: Path) -> None:
    decks = _decks()
    report = build_report(_year(decks, 60), decks, k=5, period=Period.year(2026), teams=TEAMS)
    book = tmp_path / "rapport.xlsx"
    book.write_bytes(render_xlsx(report, organisation="Gemeente Ons Dorp",
                                 today=dt.date(2026, 12, 1)))
    assert SOFFICE is not None
    # A LibreOffice profile of the test's own, never the user's.
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "rapport.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"Pagina {pages} van {pages}" in text
    assert "Gemeente Ons Dorp" in text
    long_answers = [o.text for d in decks.values() for c in d.dilemmas
                    for o in c.answer.options if len(o.text) > 90]
    assert long_answers  # the cards have answers that wrap in a 60-character column
    for number, words in enumerate(_words(pdf), start=1):
        assert not _overlaps(words), f"page {number}: {_overlaps(words)[:5]}"
    # Twelve sheets, 480 rounds over 135 cards: the A4 pages stay in proportion to the rows.
    rows = sum(len(f.counts or {}) for f in report.dilemmas) + len(report.sessions)
    assert pages <= 12 + rows // 20, (pages, rows)
