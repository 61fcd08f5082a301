"""F1: what the current screen is for, and its keys."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Markdown

GENERAL_HELP = """\
**Integer-spel** helpt je om met je team open te praten over integriteit.

- Alles werkt met het toetsenbord en met de muis. De toetsen staan onderin.
- Alles wordt meteen bewaard. Stop je met `ctrl+q`, dan kun je later verder.
- Er wordt nooit een naam bewaard en nooit wie wat stemde.
- `Tab` gaat naar het volgende veld of de volgende knop, `shift+Tab` terug.
- `ctrl+p` opent het opdrachtenmenu; `F2` wisselt tussen licht en donker.
"""

_KEY_NAMES = {
    "escape": "Esc", "enter": "Enter", "space": "Spatie", "left": "←", "right": "→",
    "up": "↑", "down": "↓", "pageup": "PgUp", "pagedown": "PgDn", "tab": "Tab",
}


def _key_label(key: str) -> str:
    parts = key.split("+")
    return "+".join(_KEY_NAMES.get(p, p.upper() if len(p) <= 3 else p) for p in parts)


class HelpScreen(ModalScreen[None]):
    """Help for the screen below: its HELP text and every key it listens to."""

    ALLOW_SMALL: ClassVar[bool] = True
    """It scrolls, so it reads on a small window too (F1 from the card alone, big letters)."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Terug", id="help.close"),
        Binding("f1", "close", "Terug", show=False),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self._target = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(self._markdown())
        yield Footer(compact=True, show_command_palette=False)

    def _markdown(self) -> str:
        help_text = getattr(self._target, "HELP", None) or ""
        lines = [f"# Help — {getattr(self._target, 'TITLE', None) or 'Integer-spel'}", ""]
        if help_text:
            lines += [help_text.strip(), ""]
        keys: list[str] = []
        seen: set[str] = set()
        for key, active in self._target.active_bindings.items():
            binding = active.binding
            text = binding.tooltip or binding.description
            # Only the app's own keys: they carry an id. Textual's built-in ones (editing keys
            # of a focused input, scrolling, the palette) have English texts and no id.
            if not text or key in seen or not binding.id:
                continue
            seen.add(key)
            keys.append(f"| `{_key_label(key)}` | {text} | `{binding.id}` |")
        if keys:
            lines += ["## Toetsen", "", "| toets | wat het doet | naam (voor eigen toetsen) |",
                      "|---|---|---|", *keys, ""]
        lines += ["## Algemeen", "", GENERAL_HELP]
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss()
