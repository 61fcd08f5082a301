"""The small dialogs of a round: what they say matches the setup, a stale error goes once
the count is corrected, and typing replaces the number shown."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.dialogs.hands import HandCountDialog
from game.dialogs.participants import ParticipantsDialog
from tests.factories import screen_text


class Host(App[None]):
    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: Any = "open"

    def on_mount(self) -> None:
        self.push_screen(self.dialog, lambda result: setattr(self, "result", result))


async def test_the_hand_count_error_goes_once_the_count_is_corrected() -> None:
    """Seen: "A: 13 is meer dan het aantal deelnemers (12)." stayed after A was set to 3."""
    dialog = HandCountDialog([("A", "Ja"), ("B", "Nee")], 12)
    app = Host(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = dialog.query_one("#hands-A", Input)
        field.value = "13"
        await pilot.press("enter")
        await pilot.pause()
        message = dialog.query_one("#hands-message", Static)
        assert "13 is meer dan" in screen_text(pilot.app)
        assert field.has_class("-invalid")
        field.value = "3"
        await pilot.pause()
        assert "13 is meer dan" not in screen_text(pilot.app)
        assert not message.has_class("-error") and not field.has_class("-invalid")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == {"A": 3, "B": 0}


async def test_the_participants_dialog_says_the_setup_range_and_typing_replaces() -> None:
    """Seen: "1 tot en met 999" where setup says 1–99, and typing 13 over 12 gave "1312"."""
    dialog = ParticipantsDialog(12)
    app = Host(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "1 tot en met 99)" in text and "999" not in text
        field = dialog.query_one(Input)
        await pilot.press("1", "3")
        assert field.value == "13"
        field.value = "150"
        await pilot.press("enter")
        await pilot.pause()
        assert "tussen 1 en 99" in screen_text(pilot.app)
        await pilot.press("1", "4")  # the wrong number is selected: typing replaces it
        assert field.value == "14"
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == 14
