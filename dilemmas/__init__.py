"""The deck format: model, loader and validation, bundled decks and the stappenplan."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from dilemmas.errors import ConfigError, DeckError, Problem

if TYPE_CHECKING:
    from dilemmas.config import Config, Contact, load_config
    from dilemmas.discovery import DeckRegistry, discover
    from dilemmas.loader import check_paths, load_deck
    from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme

# Loaded on first use: importing `dilemmas.paths` (every CLI command does) should not pay
# for PyYAML and the validator, nor the app's start-up for the deck model.
_LAZY = {
    "Answer": "dilemmas.model",
    "Deck": "dilemmas.model",
    "DeckInfo": "dilemmas.model",
    "Dilemma": "dilemmas.model",
    "Option": "dilemmas.model",
    "Theme": "dilemmas.model",
    "Config": "dilemmas.config",
    "Contact": "dilemmas.config",
    "load_config": "dilemmas.config",
    "DeckRegistry": "dilemmas.discovery",
    "discover": "dilemmas.discovery",
    "check_paths": "dilemmas.loader",
    "load_deck": "dilemmas.loader",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dilemmas' has no attribute {name!r}")


__all__ = [
    "Answer",
    "Config",
    "ConfigError",
    "Contact",
    "Deck",
    "DeckError",
    "DeckInfo",
    "DeckRegistry",
    "Dilemma",
    "Option",
    "Problem",
    "Theme",
    "check_paths",
    "discover",
    "load_config",
    "load_deck",
]
