"""`decks print`: the bundled decks as dilemmakaartjes, printed by Chromium to PDF and read back
with poppler: A4, the expected pages, every title on its front, no text outside its card.
The PDF checks are skipped when chromium or poppler-utils are not installed."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from dilemmas.config import Config, Contact
from dilemmas.discovery import BUNDLED_DIR
from dilemmas.loader import load_deck
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from dilemmas.print import CARDS_PER_PAGE, card_frame, deck_cards_html, page_count
from game.cli import main
from tests.factories import told

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOOLS = all(Path(p).exists() or shutil.which(p) for p in (CHROMIUM, "pdfinfo", "pdftotext"))
BUNDLED = sorted(BUNDLED_DIR.glob("*.yaml"))
PT = 72 / 25.4
SLACK = 0.5
"""Points a glyph's box may pass its frame's edge (the dashed border itself)."""
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def _pdf(tmp_path: Path, page: str) -> Path:
    source = tmp_path / "kaartjes.html"
    pdf = tmp_path / "kaartjes.pdf"
    source.write_text(page, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", source.as_uri()],
                   capture_output=True, timeout=180, check=False)
    assert pdf.exists(), "chromium made no PDF"
    return pdf


def _pages(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Every page's words with their boxes (points, from the top-left corner)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), html.unescape(w))
                      for a, b, c, d, w in WORD.findall(page)])
    return pages


def _squeezed(text: str) -> str:
    return "".join(text.split())


NOTE = re.compile(r"Vel \d+ van \d+, (voorkant|achterkant)")


def _card_words(words: list[tuple[float, float, float, float, str]]
                ) -> tuple[dict[int, list[str]], str]:
    """The words in each card frame (by slot), and the text that lies in no frame whole
    (but for the sheet's own note, which sits below the cards)."""
    frames = {slot: tuple(v * PT for v in card_frame(slot)) for slot in range(CARDS_PER_PAGE)}
    texts: dict[int, list[str]] = {slot: [] for slot in frames}
    outside: list[str] = []
    for x0, y0, x1, y1, word in words:
        for slot, (left, top, right, bottom) in frames.items():
            if (left - SLACK <= x0 and x1 <= right + SLACK and top - SLACK <= y0
                    and y1 <= bottom + SLACK):
                texts[slot].append(word)
                break
        else:
            outside.append(word)
    return texts, NOTE.sub("", " ".join(outside), count=1).strip()


def _card_texts(words: list[tuple[float, float, float, float, str]]) -> tuple[dict[int, str], str]:
    texts, outside = _card_words(words)
    return {slot: "".join(parts) for slot, parts in texts.items()}, outside


_TOKEN = re.compile(r"[^\s\-‐]+")


def _missing(expected: str, found: list[str]) -> list[str]:
    """The words of a card's text that are not in its frame (each counted; split at hyphens
    too, where a line may break)."""
    have = Counter(token for word in found for token in _TOKEN.findall(word))
    return list((Counter(_TOKEN.findall(expected)) - have).elements())


def _front_text(card: Dilemma, theme: str, pulse: bool = False) -> str:
    options = " ".join(f"{'•' if pulse else o.key} {o.text}" for o in card.answer.options)
    return f"{theme.upper()} {card.title} {card.situation} {card.question} {options}"


def _back_text(card: Dilemma, theme: str) -> str:
    return " ".join([theme.upper(), card.title, *card.prompts, *card.variations, card.guidance, *card.references])


def _last_text(card: Dilemma, config: Config) -> tuple[str, str]:
    """A text from the end of each side, to see nothing was cut off."""
    front = card.answer.options[-1].text if card.answer.options else card.question
    back = card.guidance.split()[-1] if card.guidance else (card.prompts or card.variations or (card.title,))[-1]
    return front, back


@pytest.mark.skipif(not TOOLS, reason="chromium or poppler-utils not installed")
@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_deck_prints_as_cards_inside_their_frames(tmp_path: Path, path: Path) -> None:
    deck = load_deck(path)
    config = Config()
    pdf = _pdf(tmp_path, deck_cards_html(deck, config))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts", info), info
    pages = _pages(pdf)
    assert len(pages) == page_count(deck) == 2 * -(-len(deck.dilemmas) // CARDS_PER_PAGE)
    themes = {theme.id: theme.title for theme in deck.themes}
    for sheet in range(len(pages) // 2):
        front_words, outside_front = _card_words(pages[2 * sheet])
        back_words, outside_back = _card_words(pages[2 * sheet + 1])
        assert outside_front == "" and outside_back == "", (sheet, outside_front, outside_back)
        fronts = {slot: "".join(words) for slot, words in front_words.items()}
        backs = {slot: "".join(words) for slot, words in back_words.items()}
        for slot, card in enumerate(deck.dilemmas[sheet * CARDS_PER_PAGE:(sheet + 1) * CARDS_PER_PAGE]):
            mirrored = slot // 2 * 2 + 1 - slot % 2  # long-edge duplex: the other column
            front, back = fronts[slot], backs[mirrored]
            # Every word of each side is in that card's own frame: nothing cut off or spilt.
            expected = _front_text(card, themes[card.theme], deck.is_pulse)
            assert _missing(expected, front_words[slot]) == [], card.id
            assert _missing(_back_text(card, themes[card.theme]), back_words[mirrored]) == [], card.id
            assert _squeezed(card.title) in front, (card.id, front)
            assert _squeezed(card.question) in front, card.id
            last_front, last_back = _last_text(card, config)
            assert _squeezed(last_front) in front, card.id
            assert _squeezed(card.title) in back and _squeezed(last_back) in back, (card.id, back)
            assert _squeezed(f"{deck.info.title}·versie{deck.info.version}") in front


def _long_card(n: int) -> Dilemma:
    words = ("Een lange zin over wat er gebeurde op de afdeling, met alle details die ertoe doen. "
             * 12)[:900]
    return Dilemma(f"lang-{n}", "t", "Een kaart met heel veel tekst op beide kanten", words,
                   "Wat doe je nu, gegeven alles wat je hierboven hebt gelezen en gehoord?",
                   Answer("choice", tuple(Option(k, "Een optie die bijna tweehonderd tekens lang is, "
                                                    "zodat de kaart vol raakt en de letters kleiner "
                                                    "moeten om alles binnen de rand te houden. " + k)
                                          for k in "ABCDE")),
                   prompts=tuple("Een gespreksvraag die flink wat ruimte inneemt op de kaart, om "
                                 f"te zien of alles past ({i})?" for i in range(5)),
                   variations=tuple(f"Maar wat als het een heel ander geval was, nummer {i}?"
                                    for i in range(4)),
                   guidance=("Wat de code zegt, in een lange toelichting die veel regels vult. " * 22)[:1500],
                   references=("Gedragscode — een verwijzing",), contacts=("vertrouwenspersoon",))


@pytest.mark.skipif(not TOOLS, reason="chromium or poppler-utils not installed")
def test_a_long_card_shrinks_its_type_and_stays_inside(tmp_path: Path) -> None:
    deck = Deck(DeckInfo("lang", "Lange kaarten", "1"), (Theme("t", "Thema"),),
                tuple(_long_card(n) for n in range(3)))
    config = Config(contacts=(Contact("Vertrouwenspersoon", "Sanne de Wit", "06-12345678",
                                      id="vertrouwenspersoon"),))
    page = deck_cards_html(deck, config)
    sizes = {float(s) for s in re.findall(r'class="body" style="font-size:([\d.]+)pt"', page)}
    assert max(sizes) < 10
    pages = _pages(_pdf(tmp_path, page))
    assert len(pages) == 2
    fronts, outside_front = _card_texts(pages[0])
    backs, outside_back = _card_texts(pages[1])
    assert outside_front == "" and outside_back == ""
    front_words, _ = _card_words(pages[0])
    for slot, card in enumerate(deck.dilemmas):
        assert _missing(_front_text(card, "Thema"), front_words[slot]) == []
    assert "Optie" not in fronts[3] and backs[2] == ""  # the empty slot stays empty (mirrored)
    assert "SannedeWit—06-12345678" in backs[1]
    assert _squeezed(deck.dilemmas[0].answer.options[-1].text) in fronts[0]


def test_page_is_inert_and_escapes_deck_text() -> None:
    card = Dilemma("x", "t", "<script>alert(1)</script>", "![img](http://evil.example/x.png) <b>",
                   "Vraag?", Answer("open"))
    page = deck_cards_html(Deck(DeckInfo("x", "X", "1"), (Theme("t", "T"),), (card,)))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page and "http://" not in page.replace("http://evil", "")


def test_contacts_show_only_what_is_filled_in() -> None:
    card = Dilemma("x", "t", "T", "S", "V?", Answer("open"), contacts=("vertrouwenspersoon", "woo"))
    page = deck_cards_html(Deck(DeckInfo("x", "X", "1"), (Theme("t", "T"),), (card,)), Config())
    assert "invullen" not in page
    assert "Woo-contactpersoon" in page and "Externe vertrouwenspersoon" in page


def test_decks_print_command_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kaartjes.html"
    assert main(["decks", "print", "huizen-basis", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Huizen Integer" in page
    assert str(out) in capsys.readouterr().out
    assert main(["decks", "print", "bestaat-niet", "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert "Er is geen deck 'bestaat-niet'" in err and "huizen-basis" in err
    assert main(["decks", "print", "huizen-basis", "-o", str(tmp_path)]) == 1  # a folder
    assert "Traceback" not in capsys.readouterr().err


async def test_p_on_the_decks_screen_saves_the_highlighted_deck_as_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dilemmas.discovery import discover
    from game.app import IntegerSpelApp
    from game.context import AppContext
    from game.screens.decks import DecksScreen

    monkeypatch.setattr("game.export.export_folder", lambda: tmp_path)
    config = Config()
    app = IntegerSpelApp(AppContext(config=config, registry=discover([], config), store=None))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(DecksScreen())
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = next(iter(app.ctx.registry.decks.values()))
        await pilot.press("p")
        await pilot.pause()
        said = told(app)
    written = tmp_path / f"dilemmakaartjes-{first.id}.html"
    assert written.read_text(encoding="utf-8") == deck_cards_html(first, config)
    # The message is a correct sentence: the file (singular) "staat" there.
    assert said == [f"Het bestand met de dilemmakaartjes staat in {written}."]
