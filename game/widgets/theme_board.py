"""ThemeBoard: the deck's themes as tiles, marked with a ✓ once the session has covered them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.content import Content
from textual.message import Message
from textual.widgets import Static


def theme_list(themes: Sequence[tuple[str, str]], covered: set[str]) -> Content:
    """The themes as a compact list, one per line: "✓ title" in bold when covered, "○ title"
    dimmed when not (shape and weight, not colour alone)."""
    lines = [
        Content.styled(f"✓ {title}", "bold")
        if theme_id in covered
        else Content.styled(f"○ {title}", "$text-muted")
        for theme_id, title in themes
    ]
    return Content("\n").join(lines)


def coverage_summary(themes: Sequence[tuple[str, str]], covered: set[str]) -> str:
    """E.g. "3 van 5 thema's besproken"."""
    done = sum(1 for theme_id, _ in themes if theme_id in covered)
    return f"{done} van {len(themes)} thema's besproken"


class ThemeTile(Static):
    """One theme: its number, title, a ✓ when covered, and (when picking) the cards left."""

    BINDINGS = [Binding("enter", "pick", "Kies", show=False)]

    def __init__(self, number: int, theme_id: str, title: str, *, pickable: bool = False) -> None:
        super().__init__(id=f"tile-{theme_id}", classes="theme-tile", markup=False)
        self.number = number
        self.theme_id = theme_id
        self.theme_title = title
        self.can_focus = pickable
        self.covered = False
        self.left: int | None = None
        self._state: tuple[bool, int | None] | None = None

    def set_state(self, covered: bool, left: int | None) -> None:
        if self._state == (covered, left):
            return
        self._state = (covered, left)
        self.covered = covered
        self.left = left
        self.set_class(covered, "-covered")
        self.set_class(left == 0, "-empty")
        mark = "✓" if covered else "○"
        if self.parent is not None and self.parent.has_class("-mini"):
            self.update(f"{mark} {self.theme_title}")
            return
        text = f"{mark} {self.number}  {self.theme_title}"
        if covered:
            text += "\n  besproken"
        else:
            text += "\n  nog niet besproken"
        if left is not None:
            text += f" · {left} over" if left else " · geen kaarten meer"
        self.update(text)

    def action_pick(self) -> None:
        if self.can_focus and self.left != 0:
            self.post_message(ThemeBoard.Picked(self.theme_id))

    def on_click(self) -> None:
        self.action_pick()


class ThemeBoard(Grid):
    """A grid of theme tiles. Covered themes get a ✓, a heavy border and a label, so the state
    reads without colour. In pick mode a tile can be chosen (click, Enter, or its number)."""

    DEFAULT_CSS = """
    ThemeBoard {
        grid-size: 2;
        grid-gutter: 0 1;
        grid-rows: auto;
        height: auto;
    }
    ThemeBoard.-narrow {
        grid-size: 1;
    }
    ThemeBoard > ThemeTile {
        height: auto;
        border: dashed $foreground 50%;
        padding: 0 1;
        color: $text-muted;
    }
    ThemeBoard > ThemeTile.-covered {
        border: heavy $accent;
        color: $foreground;
        text-style: bold;
    }
    ThemeBoard > ThemeTile.-empty {
        text-style: italic;
    }
    ThemeBoard.-mini {
        grid-size: 1;
        grid-gutter: 0;
    }
    ThemeBoard.-mini > ThemeTile {
        border: none;
        height: 1;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ThemeBoard.-mini > ThemeTile.-covered {
        border: none;
    }
    ThemeBoard > ThemeTile:focus {
        border: double $primary;
        background: $panel;
    }
    """

    class Picked(Message):
        """A theme was chosen on the board."""

        def __init__(self, theme_id: str) -> None:
            super().__init__()
            self.theme_id = theme_id

    def __init__(
        self,
        themes: Sequence[tuple[str, str]],
        covered: set[str] | frozenset[str] = frozenset(),
        *,
        left: Mapping[str, int] | None = None,
        pickable: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.themes = list(themes)
        self.covered = set(covered)
        self.left = dict(left) if left is not None else None
        self.pickable = pickable

    def compose(self) -> ComposeResult:
        for number, (theme_id, title) in enumerate(self.themes, 1):
            yield ThemeTile(number, theme_id, title, pickable=self.pickable)

    def on_mount(self) -> None:
        self.refresh_tiles()

    def set_covered(self, covered: set[str], left: Mapping[str, int] | None = None) -> None:
        """Update which themes are covered (and, when picking, how many cards are left)."""
        self.covered = set(covered)
        if left is not None:
            self.left = dict(left)
        self.refresh_tiles()

    def refresh_tiles(self) -> None:
        for tile in self.query(ThemeTile):
            left = self.left.get(tile.theme_id, 0) if self.left is not None else None
            tile.set_state(tile.theme_id in self.covered, left)

    def pick_number(self, number: int) -> None:
        """Pick the theme shown with this number (1-based)."""
        for tile in self.query(ThemeTile):
            if tile.number == number:
                tile.action_pick()

    @property
    def summary(self) -> str:
        """E.g. "3 van 5 thema's besproken"."""
        return coverage_summary(self.themes, self.covered)
