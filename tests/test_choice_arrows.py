"""A choice whose help says "Kies met de pijltjes": every arrow moves between its buttons,
also when long answers stand under each other."""

from __future__ import annotations

from textual.app import App

from game.dialogs.choice import ChoiceDialog

ANSWERS = [
    ("verder", "Verder spelen met de sessie van vanochtend"),
    ("nieuw", "Een nieuwe sessie beginnen en deze bewaren"),
    ("weg", "Deze sessie weggooien, met alles wat erin staat"),
]


class Host(App[None]):
    result: str | None = "open"

    def on_mount(self) -> None:
        self.push_screen(ChoiceDialog("Verder spelen?", ANSWERS),
                         lambda answer: setattr(self, "result", answer))


async def test_down_and_up_move_between_stacked_buttons() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#choice-buttons").has_class("-stacked")
        assert "pijltjes" in ChoiceDialog.HELP
        assert app.focused is not None and app.focused.id == "choice-verder"
        await pilot.press("down", "down")
        assert app.focused.id == "choice-weg"
        await pilot.press("up")
        assert app.focused.id == "choice-nieuw"
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == "nieuw"
