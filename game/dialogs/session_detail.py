"""SessionDetailScreen: one recorded session as its summary for the team, with its export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Markdown, Static

from game.rules.summary import export_name
from game.widgets.report_export import ask_save_as, deliver
from sessions.model import SessionRecord
from sessions.summary import summary_html, summary_markdown

if TYPE_CHECKING:
    from game.app import IntegerSpelApp

PRIVATE_NOTE = "Alleen voor jou als coördinator, op je eigen laptop: deel dit niet."
"""Above one session's detail: it shows a single team's tallies (SPEC §8)."""


class SessionDetailScreen(ModalScreen[None]):
    """One recorded session as its summary for the team, with its export."""

    HELP: ClassVar[str] = """\
**Eén sessie**, zoals de samenvatting voor het team eruitziet.

- **Markdown** en **HTML** bewaren de samenvatting in je map Downloads.
- **Opslaan als…** (`ctrl+s`) laat je zelf een plek kiezen.
- `Escape` sluit.
"""

    DEFAULT_CSS = """
    SessionDetailScreen { align: center middle; }
    SessionDetailScreen > Vertical {
        width: 95%;
        max-width: 110;
        height: 95%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    SessionDetailScreen #detail-private { color: $warning; text-style: bold; padding: 0 0 1 0; }
    SessionDetailScreen #detail-scroll { height: 1fr; }
    SessionDetailScreen #detail-buttons { height: auto; padding: 1 0 0 0; }
    SessionDetailScreen #detail-buttons Button { margin: 0 1 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluiten", id="detail.close"),
        Binding(
            "ctrl+s",
            "save_as",
            "Opslaan als…",
            id="detail.save",
            tooltip="Bewaar de samenvatting als Markdown of HTML op een plek naar keuze",
        ),
    ]

    def __init__(self, record: SessionRecord, save_directory: Path | None = None) -> None:
        super().__init__()
        self.record = record
        self.save_directory = save_directory

    def _summary(self, fmt: str) -> str:
        ctx = cast("IntegerSpelApp", self.app).ctx
        render = summary_html if fmt == "html" else summary_markdown
        return render(self.record, ctx.registry.decks, ctx.config)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(PRIVATE_NOTE, id="detail-private", markup=False)
            with VerticalScroll(id="detail-scroll"):
                yield Markdown(self._summary("md"), id="detail-summary")
            with Horizontal(id="detail-buttons"):
                yield Button("Markdown", id="detail-md", variant="primary")
                yield Button("HTML", id="detail-html")
                yield Button("Opslaan als…", id="detail-save")
                yield Button("Sluiten", id="detail-close")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#detail-scroll").focus()

    def _filename(self, fmt: str) -> str:
        return export_name(self.record, fmt)  # as the summary screen names it

    @on(Button.Pressed, "#detail-md")
    def _markdown(self) -> None:
        deliver(
            self, self._summary("md"), self._filename("md"), "De samenvatting", self.save_directory
        )

    @on(Button.Pressed, "#detail-html")
    def _html(self) -> None:
        deliver(
            self,
            self._summary("html"),
            self._filename("html"),
            "De samenvatting",
            self.save_directory,
        )

    @on(Button.Pressed, "#detail-save")
    def action_save_as(self) -> None:
        """Save the summary where the user says; .html gives HTML, anything else Markdown."""
        ask_save_as(
            self,
            "Samenvatting opslaan als (.md of .html)",
            Path.cwd() / self._filename("md"),
            "De samenvatting",
            lambda path: self._summary(
                "html" if path.suffix.lower() in (".html", ".htm") else "md"
            ),
        )

    @on(Button.Pressed, "#detail-close")
    def action_close(self) -> None:
        """Back to the list."""
        self.dismiss(None)


__all__ = ["PRIVATE_NOTE", "SessionDetailScreen"]
