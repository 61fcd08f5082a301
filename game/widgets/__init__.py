"""Reusable widgets of the app: the dilemma card, vote bars, the timer and the theme board."""

from game.widgets.bars import VoteBars
from game.widgets.card import CardView
from game.widgets.theme_board import ThemeBoard
from game.widgets.timer import RoundTimer

__all__ = ["CardView", "RoundTimer", "ThemeBoard", "VoteBars"]
