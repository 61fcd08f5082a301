"""A JSON Schema (draft 2020-12) of the deck format, for editors such as VS Code's YAML
extension; built from the loader's own keys and limits so the two stay in step."""

from __future__ import annotations

from typing import Any

from dilemmas import loader
from dilemmas.model import AUDIENCES

SCHEMA_ID = "https://integer-spel.invalid/deck.schema.json"


def _text(limit: int, description: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": limit, "description": description}


def _slug(description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": "^[a-z0-9-]+$", "description": description}


def _object(properties: dict[str, Any], required: tuple[str, ...], keys: tuple[str, ...]) -> dict[str, Any]:
    assert set(properties) == set(keys), "schema and loader disagree on the keys"
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False}


def deck_schema() -> dict[str, Any]:
    """The schema as a dict (print it with json.dumps)."""
    texts = {"type": "array", "items": _text(loader.MAX_LINE_ITEM, "een regel")}
    option = _object({"key": {"type": "string", "minLength": 1, "maxLength": loader.MAX_TITLE,
                              "description": "A tot en met E; in een peilingdeck een kort woord"},
                      "text": _text(loader.MAX_OPTION, "de tekst van de optie"),
                      "feedback": _text(loader.MAX_FEEDBACK, "wat deze keuze betekent, voor de "
                                                             "oefenmodus (waarom, nooit goed of fout)")},
                     loader.REQUIRED_OPTION_KEYS, loader.OPTION_KEYS)
    answer = _object({
        "kind": {"enum": list(loader.ANSWER_KINDS), "description": "choice, scale of open"},
        "options": {"type": "array", "items": option, "minItems": 2, "maxItems": 5},
        "points": {"type": "integer", "minimum": 2, "maximum": 10},
        "low": _text(loader.MAX_SCALE_LABEL, "het woord bij het laagste punt"),
        "high": _text(loader.MAX_SCALE_LABEL, "het woord bij het hoogste punt"),
    }, ("kind",), loader.ANSWER_KEYS)
    dilemma = _object({
        "id": _slug("uniek in dit deck"),
        "theme": _slug("een id uit 'themes'"),
        "title": _text(loader.MAX_TITLE, "de titel van het kaartje"),
        "situation": _text(loader.MAX_SITUATION, "de situatie"),
        "question": _text(loader.MAX_QUESTION, "de vraag"),
        "answer": answer,
        "prompts": {**texts, "description": "gespreksvragen"},
        "variations": {**texts, "description": "'Maar wat als…?'"},
        "guidance": _text(loader.MAX_GUIDANCE, "de toelichting na het gesprek"),
        "references": {"type": "array", "items": _text(loader.MAX_REFERENCE, "een verwijzing")},
        "audience": {"type": "array", "items": {"enum": list(AUDIENCES)}, "minItems": 1},
        "contacts": {"type": "array", "items": _slug("een contact-id uit de config")},
    }, ("id", "theme", "title", "question", "answer"), loader.DILEMMA_KEYS)
    info = _object({
        "id": _slug("kleine letters, cijfers en '-'"),
        "title": _text(loader.MAX_TITLE, "de titel van het deck"),
        "version": {"type": ["string", "number"], "description": "bijvoorbeeld \"2026.1\""},
        "language": {"type": "string", "pattern": "^[a-z]{2,3}$"},
        "description": {"type": "string", "maxLength": loader.MAX_DESCRIPTION},
        "kind": {"enum": list(loader.DECK_KINDS)},
    }, ("id", "title", "version"), loader.DECK_KEYS)
    theme = _object({"id": _slug("kleine letters, cijfers en '-'"),
                     "title": _text(loader.MAX_TITLE, "de naam van het thema")},
                    loader.THEME_KEYS, loader.THEME_KEYS)
    swap = {"oneOf": [
        {"type": "object", "additionalProperties": {"type": "string"},
         "description": "oude optiesleutel: nieuwe optiesleutel, een verwisseling"},
        {"const": loader.REPLACED,
         "description": "de opties zijn iets anders gaan betekenen: stemmen van toen tellen "
                        "niet mee in de cijfers van deze kaart"},
    ]}
    renamed = {"type": "object",
               "additionalProperties": {"type": "object", "additionalProperties": swap},
               "description": "per oudere versie van dit deck, per dilemma-id: welke "
                              "optiesleutel van toen welke sleutel nu is, zodat het rapport "
                              "de stemmen van oudere sessies goed optelt"}
    schema = _object({
        "deck": info,
        "renamed_keys": renamed,
        "themes": {"type": "array", "items": theme, "minItems": 1},
        "dilemmas": {"type": "array", "items": dilemma, "minItems": 1},
    }, loader.REQUIRED_TOP_KEYS, loader.TOP_KEYS)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Integer-spel deck", **schema}
