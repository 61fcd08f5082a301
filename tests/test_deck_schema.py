"""The JSON Schema of `decks schema` stays in step with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from dilemmas.discovery import BUNDLED_DIR
from dilemmas.schema import deck_schema
from game.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "decks" / "valid"
DECKS = sorted(BUNDLED_DIR.glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml"))


def test_schema_is_valid_draft_07(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("path", DECKS, ids=[p.name for p in DECKS])
def test_every_valid_deck_passes_the_schema(path: Path) -> None:
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), deck_schema())


def test_unknown_key_is_refused_by_the_schema() -> None:
    data = yaml.safe_load((FIXTURES / "team.yaml").read_text(encoding="utf-8"))
    data["dilemmas"][0]["uitleg"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, deck_schema())


def test_starter_deck_points_at_the_schema_and_passes_it(tmp_path: Path) -> None:
    from dilemmas.starter import starter_deck

    text = starter_deck(tmp_path / "mijn.yaml")
    assert "# yaml-language-server: $schema=" in text
    jsonschema.validate(yaml.safe_load(text), deck_schema())
