"""PathDialog: a modal that asks for a file path and checks it can be read or written."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from sessions.files import (
    WriteError,
    os_error_text,
    special_file_text,
    write_private,
    write_problem,
)


def resolve_path(text: str, base: Path | None = None) -> Path:
    """The path the user means: `~` expanded, relative paths taken from `base` (or the cwd)."""
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = (base or Path.cwd()) / path
    return path


def read_problem(path: Path, *, allow_dir: bool = False) -> str | None:
    """Why `path` can't be read, in Dutch, or None when it can.

    Only a regular file (or, with `allow_dir`, a folder) is read: a FIFO or a device would
    make the app wait forever or read without end.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if not os.path.isdir(path.parent):
            return f"De map {path.parent} bestaat niet."
        return f"Het bestand {path} bestaat niet."
    except OSError as exc:
        return os_error_text(exc, path)
    if stat.S_ISDIR(info.st_mode):
        return None if allow_dir else f"{path} is een map. Kies een bestand in die map."
    if not stat.S_ISREG(info.st_mode):
        return special_file_text(path)
    if not os.access(path, os.R_OK):
        return f"Je mag {path} niet lezen."
    return None


def save_text(path: Path, text: str) -> str | None:
    """Write `text` to `path` (atomic, readable by the user alone); a Dutch message when it fails."""
    try:
        write_private(path, text)
    except WriteError as exc:
        return exc.message
    return None


def path_problem(path: Path, *, must_exist: bool, allow_dir: bool = False) -> str | None:
    """Why `path` can't be used for reading (must_exist) or writing, or None."""
    return read_problem(path, allow_dir=allow_dir) if must_exist else write_problem(path)


class PathDialog(ModalScreen[Path | None]):
    """Ask for a path; return it once it can be read (`must_exist`) or written, else None.

    Writing over an existing file asks for a second OK first.
    """

    HELP: ClassVar[str] = """\
**Een bestand kiezen.** Typ het pad van het bestand; `~` is je eigen map.

- `Enter` of **OK** gebruikt dit pad. Bestaat het bestand al, dan vraagt de app of je het wilt
  vervangen.
- `Escape` of **Annuleren** sluit zonder iets te doen.
"""

    DEFAULT_CSS = """
    PathDialog {
        align: center middle;
    }
    PathDialog > #path-box {
        width: 76;
        max-width: 100%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    PathDialog #path-title {
        text-style: bold;
        width: 1fr;
        padding: 0 0 1 0;
    }
    PathDialog #path-message {
        width: 1fr;
        height: auto;
        min-height: 1;
        color: $text-muted;
    }
    PathDialog #path-message.-error {
        color: $error;
        text-style: bold;
    }
    PathDialog #path-message.-warning {
        color: $warning;
        text-style: bold;
    }
    PathDialog #path-buttons {
        height: auto;
        align-horizontal: right;
        padding: 1 0 0 0;
    }
    PathDialog #path-buttons Button {
        margin: 0 0 0 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="path.cancel", tooltip="Sluit zonder pad"),
    ]

    def __init__(
        self,
        title: str,
        default: str | Path = "",
        must_exist: bool = False,
        *,
        allow_dir: bool = False,
        hint: str | None = None,
    ) -> None:
        """Args:
        title: what the path is for, e.g. "Rapport opslaan als".
        default: the path filled in at the start.
        must_exist: True to open an existing file; False to write one.
        allow_dir: with must_exist, a folder is also accepted.
        hint: a line under the input; a sensible one is chosen when None.
        """
        super().__init__()
        self.title_text = title
        self.default = str(default)
        self.must_exist = must_exist
        self.allow_dir = allow_dir
        if hint is None:
            hint = (
                "Typ het pad van een bestand dat er al is."
                if must_exist
                else "Typ het pad van het nieuwe bestand. ~ is je eigen map."
            )
        self.hint = hint
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="path-box"):
            yield Label(self.title_text, id="path-title", markup=False)
            yield Input(value=self.default, id="path-input", placeholder="pad naar een bestand")
            yield Static(self.hint, id="path-message", markup=False)
            with Horizontal(id="path-buttons"):
                yield Button("OK", variant="primary", id="path-ok")
                yield Button("Annuleren", id="path-cancel")

    def on_mount(self) -> None:
        field = self.query_one("#path-input", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _say(self, text: str, kind: str = "") -> None:
        message = self.query_one("#path-message", Static)
        message.set_class(kind == "error", "-error")
        message.set_class(kind == "warning", "-warning")
        message.update(text)

    @on(Input.Changed, "#path-input")
    def _changed(self) -> None:
        if self._confirm_overwrite is not None:
            self._confirm_overwrite = None
            self._say(self.hint)

    @on(Input.Submitted, "#path-input")
    @on(Button.Pressed, "#path-ok")
    def action_accept(self) -> None:
        """Check the typed path; close with it when it can be used."""
        text = self.query_one("#path-input", Input).value
        if not text.strip():
            self._say("Typ eerst een pad.", "error")
            return
        path = resolve_path(text)
        problem = path_problem(path, must_exist=self.must_exist, allow_dir=self.allow_dir)
        if problem is not None:
            self._say(problem, "error")
            return
        if not self.must_exist and os.path.lexists(path) and self._confirm_overwrite != path:
            self._confirm_overwrite = path
            self._say(f"{path} bestaat al. Kies nog een keer OK om het te vervangen.", "warning")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#path-cancel")
    def action_cancel(self) -> None:
        """Close without a path."""
        self.dismiss(None)
