"""The deck format: model, loader and validation, bundled decks and the stappenplan."""

from dilemmas.errors import ConfigError, DeckError, Problem
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme

__all__ = ["Answer", "ConfigError", "Deck", "DeckError", "DeckInfo", "Dilemma", "Option", "Problem", "Theme"]
