"""Reusable widgets of the app: the dilemma card, vote bars, the timer and the theme board."""

from game.widgets.bars import VoteBars
from game.widgets.card import CardView

__all__ = ["CardView", "VoteBars"]
