"""A damaged session file: say so, and start a new one only when the user agrees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from dilemmas import paths
from sessions.store import Store, StoreError

if TYPE_CHECKING:
    from game.app import IntegerSpelApp


class NewStoreDialog(ModalScreen[bool]):
    """Ask before a damaged store is set aside and a new one created."""

    DEFAULT_CSS = """
    NewStoreDialog { align: center middle; }
    NewStoreDialog > Vertical {
        width: 76; height: auto; border: thick $error; background: $surface; padding: 1 2;
    }
    NewStoreDialog Horizontal { height: auto; margin-top: 1; }
    NewStoreDialog Button { margin-right: 2; }
    """
    BINDINGS = [("escape", "keep", "Niet nu")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Het bestand met sessies is beschadigd.[/b]\n\n{escape(self._message)}\n\n"
                         "Wil je het opzij zetten en met een nieuw, leeg bestand verder? Het oude "
                         "bestand blijft bewaard, zodat iemand het later kan bekijken.")
            with Horizontal():
                yield Button("Opzij zetten en nieuw beginnen", id="new", variant="warning")
                yield Button("Niet nu (niets opslaan)", id="keep")

    @on(Button.Pressed, "#new")
    def _new(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(False)


def offer_new_store(app: IntegerSpelApp) -> None:
    """Ask the user; on yes set the damaged file aside and open a fresh store."""

    def answered(agree: bool | None) -> None:
        if not agree:
            app.notify("Er wordt nu niets opgeslagen. Exporteer wat je wilt bewaren.",
                       severity="warning", timeout=10)
            return
        try:
            aside = Store.set_aside(paths.data_dir())
            app.ctx.store = Store.open()
        except StoreError as exc:
            app.notify(str(exc), title="Opslaan lukt niet", severity="error", timeout=15,
                       markup=False)
            return
        app.ctx.store_error = None
        app.ctx.store_corrupt = False
        app.notify(f"Het oude bestand staat nu in {aside}. Er is een nieuw bestand gemaakt.",
                   timeout=12, markup=False)

    app.push_screen(NewStoreDialog(app.ctx.store_error or ""), answered)
