"""Modal dialogs: questions, hand counts, notes and paths."""

from game.dialogs.choice import ChoiceDialog
from game.dialogs.hands import HandCountDialog
from game.dialogs.note import NoteDialog
from game.dialogs.path_dialog import PathDialog

__all__ = ["ChoiceDialog", "HandCountDialog", "NoteDialog", "PathDialog"]
