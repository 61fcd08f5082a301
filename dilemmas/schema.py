"""A JSON Schema (draft-07, which editors' YAML extensions read best) of the deck format, for editors such as VS Code's YAML
extension; built from the loader's own keys and limits so the two stay in step."""

from __future__ import annotations

from typing import Any

from dilemmas import loader
from dilemmas.model import AUDIENCES

SCHEMA_ID = "https://integer-spel.invalid/deck.schema.json"
SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"


def _text(limit: int, description: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": limit, "description": description}


def _slug(description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": "^[a-z0-9-]+$", "description": description}


def _object(properties: dict[str, Any], required: tuple[str, ...], keys: tuple[str, ...],
            description: str) -> dict[str, Any]:
    assert set(properties) == set(keys), "schema and loader disagree on the keys"
    return {"type": "object", "description": description, "properties": properties,
            "required": list(required), "additionalProperties": False}


def deck_schema() -> dict[str, Any]:
    """The schema as a dict (print it with json.dumps)."""
    texts = {"type": "array", "items": _text(loader.MAX_LINE_ITEM, "een regel")}
    option = _object({"key": {"type": "string", "minLength": 1, "maxLength": loader.MAX_TITLE,
                              "description": "A tot en met E; in een peilingdeck een kort woord"},
                      "text": _text(loader.MAX_OPTION, "de tekst van de optie"),
                      "feedback": _text(loader.MAX_FEEDBACK, "wat deze keuze betekent, voor de "
                                                             "oefenmodus (waarom, nooit goed of fout)")},
                     loader.REQUIRED_OPTION_KEYS, loader.OPTION_KEYS,
                     "één antwoordmogelijkheid: 'key' en 'text', elk op een eigen regel")
    answer = _object({
        "kind": {"enum": list(loader.ANSWER_KINDS), "description": "choice, scale of open"},
        "options": {"type": "array", "items": option, "minItems": 2, "maxItems": 5,
                    "description": "bij kind: choice de 2 tot 5 opties, elk beginnend met '- key:'"},
        "points": {"type": "integer", "minimum": 2, "maximum": 10,
                   "description": "bij kind: scale het aantal punten op de schaal (2 tot 10)"},
        "low": _text(loader.MAX_SCALE_LABEL, "het woord bij het laagste punt"),
        "high": _text(loader.MAX_SCALE_LABEL, "het woord bij het hoogste punt"),
    }, ("kind",), loader.ANSWER_KEYS,
        "hoe het team antwoordt: kiezen uit opties (choice), een schaal (scale) of open (open)")
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
        "references": {"type": "array", "items": _text(loader.MAX_REFERENCE, "een verwijzing"),
                       "description": "bronnen, zoals 'Gedragscode ambtenaren — geschenken'"},
        "audience": {"type": "array", "items": {"enum": list(AUDIENCES), "description": "een doelgroep"},
                     "minItems": 1,
                     "description": "voor wie het kaartje is: " + ", ".join(AUDIENCES)},
        "contacts": {"type": "array", "items": _slug("een contact-id uit de config"),
                     "description": "bij wie je terechtkunt; ids van contactpersonen uit de "
                                    "instellingen, zoals 'vertrouwenspersoon'"},
    }, ("id", "theme", "title", "question", "answer"), loader.DILEMMA_KEYS,
        "één dilemmakaartje")
    info = _object({
        "id": _slug("kleine letters, cijfers en '-'"),
        "title": _text(loader.MAX_TITLE, "de titel van het deck"),
        "version": {"type": ["string", "number"], "description": "bijvoorbeeld \"2026.1\""},
        "language": {"type": "string", "pattern": "^[a-z]{2,3}$",
                     "description": "de taalcode, zoals 'nl'"},
        "description": {"type": "string", "maxLength": loader.MAX_DESCRIPTION,
                        "description": "waar het deck over gaat en voor wie het is"},
        "kind": {"enum": list(loader.DECK_KINDS),
                 "description": "'dilemmas' (standaard) of 'pulse' voor een peilingdeck"},
    }, ("id", "title", "version"), loader.DECK_KEYS,
        "gegevens van het deck: id, titel, versie")
    theme = _object({"id": _slug("kleine letters, cijfers en '-'"),
                     "title": _text(loader.MAX_TITLE, "de naam van het thema")},
                    loader.THEME_KEYS, loader.THEME_KEYS, "één thema: 'id' en 'title'")
    swap = {"description": "een verwisseling van optiesleutels, of 'vervangen'", "oneOf": [
        {"type": "object",
         "additionalProperties": {"type": "string", "description": "de sleutel nu"},
         "description": "oude optiesleutel: nieuwe optiesleutel, een verwisseling"},
        {"const": loader.REPLACED,
         "description": "de opties zijn iets anders gaan betekenen: stemmen van toen tellen "
                        "niet mee in de cijfers van deze kaart"},
    ]}
    renamed = {"type": "object",
               "additionalProperties": {"type": "object", "additionalProperties": swap,
                                        "description": "per dilemma-id de hernoeming"},
               "description": "per oudere versie van dit deck, per dilemma-id: welke "
                              "optiesleutel van toen welke sleutel nu is, zodat het rapport "
                              "de stemmen van oudere sessies goed optelt"}
    schema = _object({
        "deck": info,
        "renamed_keys": renamed,
        "themes": {"type": "array", "items": theme, "minItems": 1,
                   "description": "de thema's van dit deck; elk kaartje hoort bij een ervan"},
        "dilemmas": {"type": "array", "items": dilemma, "minItems": 1,
                     "description": "de kaartjes (in een peilingdeck: de vragen)"},
    }, loader.REQUIRED_TOP_KEYS, loader.TOP_KEYS,
        "Een deck van het Integer-spel: gegevens van het deck, thema's en dilemmakaartjes")
    return {"$schema": SCHEMA_DRAFT, "$id": SCHEMA_ID, "title": "Integer-spel deck", **schema}
