"""Deck text pasted from a word processor: each slip named at its place, with what to do."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from dilemmas.loader import check_file, parse_deck
from dilemmas.schema import deck_schema
from game.cli import main

HEAD = """deck:
  id: buitendienst
  title: Buitendienst en handhaving
  version: "1"
themes:
  - id: geld
    title: Geld
dilemmas:
  - id: boete
    theme: geld
    title: De boete
    situation: Iemand parkeert fout.
    question: Wat doe je?
    guidance: Doe het goed.
    answer:
      kind: choice
      options:
"""
BLOCK_OPTIONS = "        - key: A\n          text: Ik schrijf een boete uit.\n        - key: B\n          text: Niks.\n"
OPTION_LINE = 18


def problems_of(text: str) -> list[tuple[int, int, str]]:
    deck, problems = parse_deck(text, "d.yaml")
    assert deck is None
    return [(p.line, p.column, p.message) for p in problems]


def test_comma_in_a_flow_option_is_named_with_quotes_or_block_style() -> None:
    text = HEAD + "        - {key: A, text: Ik schrijf een boete uit, zoals bij iedereen.}\n" \
                  "        - {key: B, text: Niks}\n"
    [(line, column, message)] = problems_of(text)
    assert (line, column) == (OPTION_LINE, 52)
    assert "komma" in message and "'zoals bij iedereen.'" in message
    assert "aanhalingstekens" in message and "'- key: A'" in message
    assert "onbekende sleutel" not in message


def test_colon_in_a_flow_option_is_named_at_the_colon() -> None:
    text = HEAD + "        - {key: B, text: Ik zeg: nee dank u.}\n        - {key: A, text: Niks}\n"
    [(line, column, message)] = problems_of(text)
    assert (line, column) == (OPTION_LINE, 32)
    assert "':'" in message and "aanhalingstekens" in message and "'- key: A'" in message
    assert "ontbreekt een ','" not in message


def test_curly_quotes_around_a_flow_text_with_a_comma_get_both_advices() -> None:
    text = HEAD + "        - {key: A, text: “Ik rijd door, het ligt op de route.”}\n" \
                  "        - {key: B, text: Niks}\n"
    [(line, _, message)] = problems_of(text)
    assert line == OPTION_LINE
    assert "komma" in message and "rechte" in message and "“" in message


def test_non_breaking_spaces_as_indentation_are_named_on_their_line() -> None:
    text = (HEAD.replace("    question: Wat doe je?", "\u00a0\u00a0\u00a0\u00a0question: Wat doe je?")
            + BLOCK_OPTIONS)
    found = problems_of(text)
    assert [(line, column) for line, column, _ in found] == [(13, 1)]
    assert "harde spatie" in found[0][2] and "inspringing" in found[0][2]


def test_non_breaking_space_after_a_colon_is_named_there() -> None:
    text = HEAD.replace("    question: Wat doe je?", "    question:\u00a0Mag dat?") + BLOCK_OPTIONS
    found = problems_of(text)
    assert [(line, column) for line, column, _ in found] == [(13, 14)]
    assert "harde spatie" in found[0][2] and "na de ':'" in found[0][2]
    assert "ontbreekt een ':'" not in found[0][2]


def test_curly_quote_message_is_given_once_at_one_spot() -> None:
    text = (HEAD.replace("title: De boete", "title: “De boete”")
            + BLOCK_OPTIONS + "    prompts:\n   - verkeerd ingesprongen\n")
    found = problems_of(text)
    at_title = [message for line, _, message in found if line == 11]
    assert len(at_title) == 1
    assert at_title[0].startswith("typografische aanhalingstekens")


def test_a_tab_inside_a_text_shows_as_a_space() -> None:
    text = HEAD.replace("Iemand parkeert fout.", "Iemand\tparkeert fout.") + BLOCK_OPTIONS
    deck, problems = parse_deck(text, "d.yaml")
    assert problems == [] and deck is not None
    assert deck.dilemmas[0].situation == "Iemand parkeert fout."


def test_a_cp1252_file_gets_one_message_with_how_to_save_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "word.yaml"
    text = HEAD.replace("De boete", "Café één naïef “x” – é") + BLOCK_OPTIONS.replace("Niks.", "Één")
    path.write_bytes(text.encode("cp1252"))
    _, problems = check_file(path)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.line, problem.column) == (11, 15)
    assert "UTF-8" in problem.message and "Kladblok" in problem.message
    assert "en nog 9 keer" in problem.message


def _undescribed(node: object, where: str) -> list[str]:
    missing: list[str] = []
    if isinstance(node, dict):
        if any(k in node for k in ("type", "enum", "oneOf", "const")) and "description" not in node:
            missing.append(where)
        for key, value in node.items():
            if key == "properties":
                for name, sub in value.items():
                    missing += _undescribed(sub, f"{where}.{name}")
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                missing += _undescribed(value, f"{where}[{key}]")
            elif key == "oneOf":
                for index, sub in enumerate(value):
                    missing += _undescribed(sub, f"{where}/{index}")
    return missing


def test_schema_declares_draft_07_and_describes_everything_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert _undescribed(schema, "deck") == []
    assert schema == deck_schema()


def test_starter_deck_writes_options_in_block_style(tmp_path: Path) -> None:
    from dilemmas.starter import starter_deck

    text = starter_deck(tmp_path / "mijn.yaml")
    assert "{key:" not in text.replace("{{", "{")
    assert "        - key: A\n          text: " in text


def test_curly_quotes_around_a_flow_text_with_a_colon_get_both_advices() -> None:
    text = HEAD + "        - {key: A, text: “Ik zeg: nee dank u.”}\n        - {key: B, text: Niks}\n"
    [(line, column, message)] = problems_of(text)
    assert (line, column) == (OPTION_LINE, 33)
    assert "':'" in message and "rechte" in message and "“" in message


def test_comma_in_another_flow_mapping_gets_advice_that_fits_it() -> None:
    text = ('deck: {id: x, title: X, version: "1"}\nthemes: [{id: a, title: Geld, boetes}]\n'
            "dilemmas:\n  - {id: b, theme: a, title: T, situation: S, question: V?, guidance: G, "
            "answer: {kind: open}}\n")
    [(line, _, message)] = problems_of(text)
    assert line == 2 and "komma" in message and "eigen regel" in message
    assert "key: A" not in message
