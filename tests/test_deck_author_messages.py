"""Messages a deck author can act on from the first run (issue 17, items 1-5; issue 13, 6, 8, 13)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from dilemmas.errors import Problem
from dilemmas.loader import check_file

FIXTURES = Path(__file__).parent / "fixtures" / "decks"
TEAM = (FIXTURES / "valid" / "team.yaml").read_text(encoding="utf-8")


def _problems(tmp_path: Path, text: str | bytes) -> list[Problem]:
    path = tmp_path / "deck.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    deck, problems = check_file(path)
    assert deck is None
    return problems


def test_missing_colon_is_reported_at_the_key_line(tmp_path: Path) -> None:
    text = TEAM.replace("    title: Kaartjes na de aanbesteding", "    title Kaartjes na de aanbesteding")
    problems = _problems(tmp_path, text)
    assert [(p.line, p.column) for p in problems] == [(15, 5)]
    assert "ontbreekt een ':'" in problems[0].message


def test_block_key_without_colon_is_reported_at_its_line(tmp_path: Path) -> None:
    text = TEAM.replace("    guidance: |\n      Neem", "    guidance |\n      Neem")
    problems = _problems(tmp_path, text)
    assert problems[0].line == 30, problems


def test_unclosed_brace_is_reported_where_it_opens(tmp_path: Path) -> None:
    text = TEAM.replace("{kind: scale, points: 5, low: Acceptabel, high: Onacceptabel}",
                        "{kind: scale, points: 5, low: Acceptabel, high: Onacceptabel")
    problems = _problems(tmp_path, text)
    assert problems[0].line == 39, problems
    assert "'{'" in problems[0].message


def test_syntax_error_shows_the_line_and_a_caret(tmp_path: Path) -> None:
    text = TEAM.replace("    title: Kaartjes na de aanbesteding", "    title Kaartjes na de aanbesteding")
    detail = _problems(tmp_path, text)[0].detail()
    lines = detail.split("\n")
    assert lines[1] == "        title Kaartjes na de aanbesteding"
    assert lines[2] == "        ^"


def test_typographic_quotes_are_named_in_a_syntax_error(tmp_path: Path) -> None:
    text = TEAM.replace("title: Een bijbaan als adviseur", "title: “Let op: een foto”")
    problems = _problems(tmp_path, text)
    assert any(p.line == 36 and "typografische aanhalingstekens" in p.message and "rechte" in p.message
               for p in problems), problems


def test_typographic_quotes_in_a_value_that_parsed_are_named(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TEAM.replace('version: "2026.1"', "version: “2026.2”"))
    assert [(p.line, p.column) for p in problems] == [(4, 12)]
    assert "typografische aanhalingstekens" in problems[0].message


def test_every_tab_line_and_the_other_faults_in_one_run(tmp_path: Path) -> None:
    text = (TEAM.replace("  id: proef-team", "\tid: proef-team")
            .replace("  language: nl", "\tlanguage: nl")
            .replace("    title: Nevenwerkzaamheden", "\t  title: Nevenwerkzaamheden")
            .replace('version: "2026.1"', "version: “2026.1”"))
    problems = _problems(tmp_path, text)
    tabs = [p.line for p in problems if "tabs" in p.message]
    assert tabs == [2, 5, 11]
    assert any(p.line == 4 and "typografische" in p.message for p in problems)


def test_control_characters_from_escapes_are_refused(tmp_path: Path) -> None:
    for escape in ("\\e[2J", "\\a", "\\0", "\\x9b"):
        text = TEAM.replace("question: Wat doe je?", f'question: "Wat doe je?{escape}"')
        problems = _problems(tmp_path, text)
        assert [(p.line, p.column) for p in problems] == [(19, 15)], (escape, problems)
        assert "stuurteken" in problems[0].message


def test_newline_and_tab_escapes_stay_allowed(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(TEAM.replace("question: Wat doe je?", 'question: "Wat\\tdoe\\nje?"'), encoding="utf-8")
    deck, problems = check_file(path)
    assert problems == []


@pytest.mark.parametrize("data", [b"\x00" * 1_000_000, b"\xff" * 1_900_000,
                                  "\ufeff".encode("utf-16-le") + TEAM.encode("utf-16-le") * 40],
                         ids=["nul", "ff", "utf16"])
def test_bad_encoding_is_reported_once_and_fast(tmp_path: Path, data: bytes) -> None:
    start = time.perf_counter()
    problems = _problems(tmp_path, data)
    assert time.perf_counter() - start < 2
    assert len(problems) <= 11
    if len(problems) > 1:
        assert problems[-1].message.startswith("… en nog ")
        assert "." in problems[-1].message.split("nog ")[1].split(" ")[0]


def test_utf16_without_bom_is_named(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TEAM.encode("utf-16-le"))
    assert len(problems) == 1 and "UTF-16" in problems[0].message


def test_windows_1252_bytes_get_one_message_at_the_first(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TEAM.replace("Wat doe je?", "Wat doe jij – nu?").encode("cp1252"))
    assert [(p.line, p.column) for p in problems] == [(19, 27)]
    assert "en nog 1 keer" in problems[0].message and "UTF-8" in problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.yaml"
    os.mkfifo(fifo)
    start = time.perf_counter()
    deck, problems = check_file(fifo)
    assert time.perf_counter() - start < 1
    assert deck is None and "geen gewoon bestand" in problems[0].message


def test_size_is_never_rounded_down_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes(b"#" * (2 * 1024 * 1024 + 10))
    _deck, problems = check_file(path)
    assert "2,1 MB" in problems[0].message and "2.0" not in problems[0].message


@pytest.mark.parametrize(("written", "meant"), [("uitleg", "guidance"), ("situatie", "situation"),
                                                 ("vraag", "question"), ("thema", "theme")])
def test_dutch_words_suggest_the_format_key(tmp_path: Path, written: str, meant: str) -> None:
    key = {"guidance": "    guidance: Meld", "situation": "    situation: Je wordt",
           "question": "    question: Hoe", "theme": "    theme: nevenwerk"}[meant]
    problems = _problems(tmp_path, TEAM.replace(key, key.replace(meant, written, 1)))
    assert any(f"onbekende sleutel '{written}'; bedoel je '{meant}'?" in p.message for p in problems), problems


def test_options_in_dutch_suggest_options(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TEAM.replace("      options:", "      opties:"))
    assert any("bedoel je 'options'?" in p.message for p in problems), problems


def test_undeclared_theme_lists_the_declared_ones_and_how_to_add(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TEAM.replace("    theme: nevenwerk", "    theme: privacy"))
    message = problems[0].message
    assert "geschenken, nevenwerk" in message and "'- id: privacy'" in message


def test_colon_in_a_list_item_gets_the_quote_hint(tmp_path: Path) -> None:
    text = TEAM.replace("      - Maakt het uit of de aanbesteding al rond is?",
                        "      - Let op: de aanbesteding is al rond")
    problems = _problems(tmp_path, text)
    assert "aanhalingstekens" in problems[0].message and problems[0].line == 27


def test_every_problem_shows_its_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, TEAM.replace("    theme: nevenwerk", "    theme: privacy"))
    assert problems[0].detail().split("\n")[1:] == ["        theme: privacy", "               ^"]


@pytest.mark.parametrize(("old", "new", "where"), [
    ("    title: Een bijbaan als adviseur", "    title Een bijbaan als adviseur", (36, 5)),
    ("  - id: bijbaan", "  - id bijbaan", (34, 5)),
])
def test_key_without_colon_before_a_key_line(tmp_path: Path, old: str, new: str,
                                             where: tuple[int, int]) -> None:
    problems = _problems(tmp_path, TEAM.replace(old, new))
    assert (problems[0].line, problems[0].column) == where, problems
    assert "ontbreekt een ':'" in problems[0].message


def test_quote_after_a_missing_colon_is_located_on_its_own_line(tmp_path: Path) -> None:
    text = "deck:\n  id: x\n  title Voorrang\n  version: “2026.2”\n"
    problems = _problems(tmp_path, text)
    assert [(p.line, p.column) for p in problems] == [(3, 3), (4, 12)]
