"""ThemeBoardScreen: the theme board full size; in "picked on the board" order, pick a theme."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from game.widgets.theme_board import ThemeBoard, ThemeTile

END = "__end__"
"""Returned when the facilitator chooses to finish the session from the board."""


class ThemeBoardScreen(ModalScreen[str | None]):
    """The deck's themes, a ✓ on each one covered. Returns the picked theme id, END, or None."""

    CSS_PATH = "../styles/game.tcss"

    HELP: ClassVar[str] = """\
**Het themabord.** Elk thema van het deck is een vak. Een vak met ✓ en een dikke rand is al
besproken. Het spel: bespreek alle thema's in de tijd die je hebt.

Mag je zelf kiezen, kies dan het volgende thema met het cijfer, de pijltjes en `Enter`, of
de muis. De app trekt een kaart uit dat thema die nog niet gespeeld is.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Terug", id="board.close"),
        Binding("e", "end", "Afronden", id="board.end", tooltip="De sessie afronden"),
        # Priority: the scrolling list around the tiles would take the arrows for itself.
        Binding("down,right", "app.focus_next", "Volgende", show=False, priority=True),
        Binding("up,left", "app.focus_previous", "Vorige", show=False, priority=True),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(
        self,
        themes: Sequence[tuple[str, str]],
        covered: set[str],
        *,
        left: Mapping[str, int] | None = None,
        pick: bool = False,
    ) -> None:
        super().__init__()
        self.themes = list(themes)
        self.covered = set(covered)
        self.left = left
        self.pick = pick

    def compose(self) -> ComposeResult:
        with Vertical(id="board-box"):
            title = "Kies het volgende thema" if self.pick else "Themabord"
            yield Static(title, id="board-title")
            done = sum(1 for t, _ in self.themes if t in self.covered)
            yield Static(
                f"{done} van {len(self.themes)} thema's besproken. "
                + ("Kies met het cijfer, of pijltjes en Enter." if self.pick else "Escape: terug."),
                id="board-subtitle",
            )
            with VerticalScroll(id="board-scroll"):
                yield ThemeBoard(
                    self.themes, self.covered, left=self.left, pickable=self.pick, id="board"
                )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if self.pick:
            for tile in self.query(ThemeTile):
                if tile.left:
                    tile.focus()
                    break

    @on(ThemeBoard.Picked)
    def _picked(self, event: ThemeBoard.Picked) -> None:
        self.dismiss(event.theme_id)

    def action_pick(self, number: int) -> None:
        if self.pick:
            self.query_one(ThemeBoard).pick_number(number)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_end(self) -> None:
        self.dismiss(END)
