"""A YAML slip in a deck is named alone, at its line: typographic quotes in texts that YAML
reads fine (a `|` block, a quoted text) are not called errors because of it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dilemmas.discovery import skip_notice
from dilemmas.loader import check_file_kept, parse_deck
from game.cli import main

BACKENDS = [False, True] if yaml.__with_libyaml__ else [True]

# Dutch quotes where YAML allows them: in block texts (also at a line's start and after a
# ':'), inside straight quotes (also over two lines), and inside a plain text.
DECK = """deck:
  id: omgang
  title: Omgangsvormen
  version: "1"
themes:
  - id: grappen
    title: Grappen
dilemmas:
  - id: mop
    theme: grappen
    title: Een „grap” op de borrel
    situation: |
      Wouter vertelt een schuine mop. Later zegt Merel tegen jou: „Zo gaat dat
      hier zeker.” Ze lacht er niet bij.
      „Geeft niks”, zegt ze.
    question: „Zo gaat dat”, zegt ze. Wat doe je?
    answer: {kind: open}
    guidance: >
      Dat kan kort: „Zo praten we hier niet over elkaar.”
    prompts:
      - "Maar wat als er staat: „Je bent gevoelig”?"
      - 'Ze zegt:
        „Laat maar.”'
  - id: zuchten
    theme: grappen
    title: Zuchten als zij praat
    situation: |
      Elke keer als Fatima iets zegt, zucht Kees: „Daar gaan we weer.”
    question: Wat doe je?
    answer: {kind: open}
    guidance: |
      Zeg het rustig: „Ik merk dat je zucht.”
"""
TITLE = "    title: Zuchten als zij praat"
TITLE_LINE = DECK.split("\n").index(TITLE) + 1

SLIPS = {
    "two spaces more": "  " + TITLE,
    "three spaces more": "   " + TITLE,
    "a tab": "\t" + TITLE,
    "no colon": TITLE.replace("title:", "title"),
}


def test_the_deck_itself_is_valid() -> None:
    deck, problems = parse_deck(DECK, "d.yaml")
    assert problems == [] and deck is not None


@pytest.mark.parametrize("pure", BACKENDS)
@pytest.mark.parametrize("slip", list(SLIPS))
def test_only_the_slip_is_named_at_its_line(slip: str, pure: bool) -> None:
    _, problems = parse_deck(DECK.replace(TITLE, SLIPS[slip]), "d.yaml", pure=pure)
    assert problems, slip
    assert not [p for p in problems if "typografische" in p.message], problems
    assert [p.line for p in problems] == [TITLE_LINE], problems
    assert problems[0].message.startswith("ongeldige YAML"), problems


def test_decks_check_and_the_skip_notice_name_the_real_slip(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "omgang.yaml"
    path.write_text(DECK.replace(TITLE, SLIPS["two spaces more"]), encoding="utf-8")
    assert main(["decks", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "typografische" not in out
    assert f"{path}:{TITLE_LINE}:" in out and "1 probleem in 1 bestand" in out
    _, problems, total = check_file_kept(path, keep=50)
    notice = skip_notice(str(path), problems, total)
    assert f"1 probleem. Eerste: {path}:{TITLE_LINE}:" in notice
    assert "ongeldige YAML" in notice and "typografische" not in notice


@pytest.mark.parametrize("pure", BACKENDS)
def test_curly_quotes_used_as_quotes_are_still_named_after_a_slip(pure: bool) -> None:
    text = (DECK.replace(TITLE, SLIPS["a tab"])
            .replace("    question: Wat doe je?\n    answer:", "    question: “Wat doe je?”\n    answer:"))
    _, problems = parse_deck(text, "d.yaml", pure=pure)
    curly = [p for p in problems if "typografische" in p.message]
    assert [(p.line, p.column) for p in curly] == [(TITLE_LINE + 3, 15)], problems
    assert any(p.line == TITLE_LINE and "tabs" in p.message for p in problems), problems


def test_quotes_from_the_text_after_the_slip_are_not_named_where_the_parser_stopped() -> None:
    # A line of the block text that lost its indentation: YAML stops at its ':'.
    text = DECK.replace("      Elke keer als Fatima iets zegt, zucht Kees: „Daar gaan we weer.”",
                        "      Elke keer als Fatima iets zegt,\n     zucht Kees: „Daar gaan we weer.”")
    _, problems = parse_deck(text, "d.yaml")
    assert problems and not [p for p in problems if "typografische" in p.message], problems
    assert problems[0].message.startswith("ongeldige YAML"), problems


LINES = [i for i, line in enumerate(DECK.split("\n")) if line.strip()]


@settings(max_examples=60, deadline=None)
@given(index=st.sampled_from(LINES),
       slip=st.sampled_from(["  ", "   ", " ", "\t", "no colon", "dedent", "dedent2"]))
def test_no_syntax_slip_on_any_line_makes_a_text_quote_an_error(index: int, slip: str) -> None:
    lines = DECK.split("\n")
    line = lines[index]
    if slip == "no colon":
        lines[index] = line.replace(":", "", 1)
    elif slip.startswith("dedent"):
        lines[index] = line[2:] if slip == "dedent2" and line.startswith("  ") else line.removeprefix(" ")
    else:
        lines[index] = slip + line
    _, problems = parse_deck("\n".join(lines), "d.yaml")
    if any(p.message.startswith("ongeldige YAML") for p in problems):
        # (Without a slip the parser reads the text itself, and names what it reads.)
        assert not [p for p in problems if "typografische" in p.message], (lines[index], problems)
        assert problems[0].message.startswith("ongeldige YAML"), problems
