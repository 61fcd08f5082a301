"""The Textual app of the Huizen Integer-spel: screens, widgets, styles and the game rules.

Nothing is imported here eagerly, so that `game.cli` can print reports without Textual.
"""

__all__: list[str] = []
