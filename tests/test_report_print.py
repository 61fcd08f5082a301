"""The council report printed to PDF by Chromium: A4, page numbers, few pages, none near-empty,
the first part within four pages. Skipped when chromium or poppler-utils are not installed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dilemmas.config import ReferenceFigure
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from sessions.model import PulseAnswer, Revote, Round, SessionRecord
from sessions.report import (
    Period,
    build_report,
    previous_period,
    render_html,
    render_markdown,
    report_to_json,
    with_previous,
)
from sessions.report_model import Report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOOLS = all(Path(p).exists() or shutil.which(p) for p in (CHROMIUM, "pdfinfo", "pdftotext"))
K = 5
TEAMS = ("Publiekszaken", "Burgerzaken", "Sociaal Domein", "Financiën", "Vergunningen",
         "Inkoop", "ICT", "Griffie", "Handhaving", "Stadsbeheer")
THEMES = (("geschenken", "Geschenken en uitnodigingen"), ("nevenwerk", "Nevenwerkzaamheden"),
          ("informatie", "Omgaan met vertrouwelijke informatie"),
          ("belangen", "Belangenverstrengeling"))


def _choice(*keys: str) -> Answer:
    return Answer("choice", tuple(Option(k, f"Antwoord {k} bij dit dilemma") for k in keys))


def _decks() -> dict[str, Deck]:
    cards = tuple(
        Dilemma(f"d{i}", THEMES[i % 4][0], f"Dilemma nummer {i}: een lastige situatie", "…",
                f"Wat doe je als collega {i} je om een gunst vraagt?", _choice("A", "B", "C"),
                variations=("Het gaat om een kleine gunst.",))
        for i in range(12))
    deck = Deck(DeckInfo("gemeente", "Gemeente", "2026.1"),
                tuple(Theme(t, title) for t, title in THEMES), cards)
    vp = Dilemma("kent-vp", "meldklimaat", "Ik weet wie de vertrouwenspersoon is", "…",
                 "Weet je wie de vertrouwenspersoon is?", _choice("ja", "nee"))
    veilig = Dilemma("veilig", "meldklimaat", "Ik voel me veilig om iets te melden", "…",
                     "Voel je je veilig om een misstand te melden?", _choice("ja", "nee"))
    pulse = Deck(DeckInfo("pulse", "Meldklimaat", "2026.1", kind="pulse"),
                 (Theme("meldklimaat", "Meldklimaat"),), (vp, veilig))
    return {"gemeente": deck, "pulse": pulse}


def _year(year: int, n: int) -> list[SessionRecord]:
    records = []
    for s in range(n):
        month = f"{year}-{s * 12 // n + 1:02d}"
        team = TEAMS[s % 8] if s % 9 else "Projectteam Centrum"
        people = 6 + s % 7
        rounds = []
        for r in range(3):
            i = (s * 3 + r) % 12
            a = (s + r * i) % people
            b = (people - a) * (i % 3) // 3
            counts = {"A": a, "B": b, "C": people - a - b}
            revotes = (Revote(0, {"A": b, "B": a, "C": people - a - b}),) if r == 0 else ()
            rounds.append(Round(f"d{i}", THEMES[i % 4][0], "secret", counts, revotes))
        yes = people - s % 4
        pulse = (PulseAnswer("kent-vp", {"ja": yes, "nee": people - yes}),
                 PulseAnswer("veilig", {"ja": people - s % 3 - 1, "nee": s % 3 + 1}))
        records.append(SessionRecord(f"{year}-{s}", "team", month, team, people, "gemeente",
                                     "2026.1", tuple(rounds), pulse, s % 11 != 5))
    return records


def _report() -> Report:
    decks = _decks()
    records = _year(2025, 14) + _year(2026, 26)
    period = Period.year(2026)
    now = build_report(records, decks, k=K, period=period, teams=TEAMS)
    before = build_report(records, decks, k=K, period=previous_period(period), teams=TEAMS)
    return with_previous(now, before)


REFS = (ReferenceFigure("kent-vp", "MTO 2025: 71% weet wie de vertrouwenspersoon is.", "ja", 71),
        ReferenceFigure("veilig", "MTO 2025: 64% voelt zich veilig om iets te melden.", "ja",
                        64))


def _html() -> str:
    return render_html(_report(), organisation="Gemeente Ons Dorp", today=dt.date(2026, 12, 1),
                       reference_figures=REFS)


def test_previous_period_has_the_same_length() -> None:
    assert previous_period(Period.year(2026)) == Period("2025-01", "2025-12")
    assert previous_period(Period("2026-03", "2026-05")) == Period("2025-12", "2026-02")


def test_json_gains_reach_and_previous() -> None:
    doc = report_to_json(_report())
    assert doc["reach"]["teams"] == list(TEAMS)
    assert doc["reach"]["reached"] == list(TEAMS[:8])
    assert doc["reach"]["not_reached"] == ["Handhaving", "Stadsbeheer"]
    assert doc["reach"]["other_teams"] == 1
    assert doc["previous"]["sessions"] == 14
    assert doc["previous"]["period"] == {"from": "2025-01", "to": "2025-12"}
    assert doc["totals"]["sessions"] == 26


def test_council_parts_in_html_and_markdown() -> None:
    page = _html()
    md = render_markdown(_report(), organisation="Gemeente Ons Dorp",
                         today=dt.date(2026, 12, 1), reference_figures=REFS)
    for text in (page, md):
        assert "Gemeente Ons Dorp" in text and "1 december 2026" in text
        assert "26 teamsessies" in text and "Van de 10 teams" in text
        assert "Handhaving, Stadsbeheer" in text
        assert "MTO 2025: 71%" in text
        assert "Bijlage: alle cijfers" in text
        assert "Wat doe je als collega" in text  # the question of a top dilemma
    assert page.index("Meest verdelende") < page.index("Bijlage")
    assert "counter(pages)" in page and "size:A4" in page and "print-color-adjust:exact" in page


def test_one_session_is_singular() -> None:
    rec = _year(2026, 1)
    report = build_report(rec, _decks(), k=K, period=Period.year(2026), teams=TEAMS)
    text = render_html(report)
    assert "1 teamsessie " in text and "1 teamsessies" not in text


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and round(float(size.group(1))) == 595 and round(float(size.group(2))) == 842
    pages = re.search(r"Pages:\s+(\d+)", info)
    assert pages is not None
    return int(pages.group(1))


def _text(pdf: Path, n: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(not TOOLS, reason="chromium or poppler-utils (pdfinfo) not installed")
def test_the_year_prints_on_a4(tmp_path: Path) -> None:
    html = tmp_path / "rapport.html"
    pdf = tmp_path / "rapport.pdf"
    html.write_text(_html(), encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert pdf.exists(), "chromium made no PDF"
    pages = _pages(pdf)
    assert pages <= 8
    texts = [_text(pdf, n) for n in range(1, pages + 1)]
    first = texts[0]
    assert "Gemeente Ons Dorp" in first and "In de periode" in first
    for n, text in enumerate(texts[:-1], start=1):
        assert len("".join(text.split())) >= 150, f"page {n} is nearly empty"
    appendix = next(n for n, t in enumerate(texts, start=1) if "Bijlage: alle cijfers" in t)
    assert appendix <= 4
    assert re.search(rf"\b1\s*/\s*{pages}\b", first)


def test_only_dilemmas_with_enough_answers_are_ranked() -> None:
    from sessions.report_council import rankable

    report = _report()
    ranked = rankable(report)
    assert ranked and all(f.summed >= 2 and f.answers >= 2 * K for f in ranked)
    # One round of 6 people is not enough to rank, however divided the vote.
    one = build_report(_year(2026, 1), _decks(), k=K, period=Period.year(2026), teams=TEAMS)
    assert rankable(one) == []
    assert "Geen dilemma met genoeg antwoorden om te rangschikken." in render_html(one)


def test_a_label_outside_the_config_is_listed_apart_and_teams_are_one_number() -> None:
    page = _html()
    first = page.split("Bijlage")[0]
    assert "<b>Niet op de teamlijst (1):</b> Projectteam Centrum." in first
    # Kerncijfers, Bereik and the paragraph say the same number of teams reached.
    assert "Teams bereikt<b>8 van 10</b>" in first
    assert "<b>Bereikt (8 van 10):</b>" in first and "deden er 8 mee" in first
    assert "deelnames" in first and "deelnemers)" not in first


def test_each_reference_figure_stands_beside_its_pulse_question() -> None:
    page = _html()
    vp = page.index("<h3>Weet je wie de vertrouwenspersoon is?</h3>")
    veilig = page.index("<h3>Voel je je veilig om een misstand te melden?</h3>")
    first, second = sorted((vp, veilig))
    mto_vp = page.index("MTO 2025: 71%")
    mto_veilig = page.index("MTO 2025: 64%")
    blocks = {vp: mto_vp, veilig: mto_veilig}
    for start, ref in blocks.items():
        end = second if start == first else page.index("Bijlage")
        assert start < ref < end


def test_the_pulse_chart_shows_every_answer_and_the_change() -> None:
    page = _html()
    svg = page[page.index("<title>Elk antwoord per kwartaal bij Voel je je veilig"):]
    svg = svg[:svg.index("</svg>")]
    assert ">Antwoord ja bij dit dilemma</text>" in svg  # a legend entry per answer
    assert ">Antwoord nee bij dit dilemma</text>" in svg
    assert "Tegenover de vorige periode:" in page
    assert "ja — " not in page  # every answer by its words, however short its key


def test_the_first_page_says_what_is_recorded() -> None:
    for text in (_html(), render_markdown(_report())):
        assert text.index("Wat wel en niet is vastgelegd") < text.index("Kerncijfers")


def test_ranking_counts_only_the_rounds_that_entered_the_sum() -> None:
    from sessions.report_council import rankable

    # One round of 12 and one of 3: the second never entered the sum, so one vote decides.
    records = [
        SessionRecord("a", "team", "2026-03", "Inkoop", 12, "gemeente", "2026.1",
                      (Round("d1", "geschenken", "secret", {"A": 6, "B": 6}),), (), True),
        SessionRecord("b", "team", "2026-04", "ICT", 3, "gemeente", "2026.1",
                      (Round("d1", "geschenken", "secret", {"A": 1, "B": 2}),), (), True),
    ]
    report = build_report(records, _decks(), k=K, period=Period.year(2026), teams=TEAMS)
    (figure,) = report.dilemmas
    assert figure.played == 2 and figure.summed == 1 and figure.answers == 12
    assert rankable(report) == []


def _ink_fill(png: Path) -> float:
    """How far down the page's content area ink reaches (0..1), from a grey PGM image."""
    data = png.read_bytes()
    header = data.split(b"\n", 3)
    width, height = (int(x) for x in header[1].split())
    pixels = header[3]
    top, bottom = round(height * 16 / 297), round(height * (297 - 18) / 297)
    last = top
    for y in range(top, bottom):
        row = pixels[y * width:(y + 1) * width]
        if min(row) < 160:
            last = y
    return (last - top) / (bottom - top)


def _print(tmp_path: Path, page: str, name: str) -> Path:
    html = tmp_path / f"{name}.html"
    pdf = tmp_path / f"{name}.pdf"
    html.write_text(page, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert pdf.exists(), "chromium made no PDF"
    return pdf


@pytest.mark.skipif(not TOOLS or not shutil.which("pdftoppm"),
                    reason="chromium or poppler-utils not installed")
@pytest.mark.parametrize(("name", "period", "sessions"), [
    ("jaar", Period.year(2026), 60),
    ("halfjaar", Period("2026-07", "2026-12"), 60),
    ("kwartaal", Period("2026-10", "2026-12"), 60),
    ("klein-jaar", Period.year(2026), 26),
])
def test_no_near_empty_last_page(tmp_path: Path, name: str, period: Period,
                                 sessions: int) -> None:
    decks = _decks()
    records = _year(2025, 30) + _year(2026, sessions)
    now = build_report(records, decks, k=K, period=period, teams=TEAMS)
    before = build_report(records, decks, k=K, period=previous_period(period), teams=TEAMS)
    page = render_html(with_previous(now, before), organisation="Gemeente Ons Dorp",
                       today=dt.date(2026, 12, 1), reference_figures=REFS)
    pdf = _print(tmp_path, page, name)
    pages = _pages(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", str(pages), "-l", str(pages),
                    str(pdf), str(tmp_path / "last")], check=True)
    (image,) = tmp_path.glob("last*.pgm")
    fill = _ink_fill(image)
    assert fill >= 0.25, f"{name}: the last of {pages} pages is {fill:.0%} full"
