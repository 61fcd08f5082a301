"""SummaryScreen: the end of a team session, exportable as Markdown and HTML for the team."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from dilemmas.model import Deck
from game.export import deliver_file
from game.rules.session import GameSession
from game.rules.summary import export_name, with_summary
from sessions.model import SessionRecord
from sessions.store import StoreError

if TYPE_CHECKING:
    from game.app import IntegerSpelApp

def summary_texts(record: SessionRecord, decks: Mapping[str, Deck], config: Any) -> tuple[str, str]:
    """The summary as (Markdown, HTML), as `integer-spel sessions export` writes it."""
    from sessions import summary as shared

    return (
        shared.summary_markdown(record, decks, config),
        shared.summary_html(record, decks, config),
    )


async def save_session_as(app: IntegerSpelApp, session: GameSession) -> bool:
    """Ask for a path and write the session's summary there (Markdown, or HTML for a name
    ending in .html): the way out when the data folder can't be written. Run in a worker.
    True when it was written."""
    from game.dialogs.path_dialog import PathDialog, save_text

    ctx = app.ctx
    record = session.record()
    path = await app.push_screen_wait(
        PathDialog(
            "Samenvatting opslaan als",
            Path("~") / export_name(record, "md"),
            hint="Eindigt de naam op .html, dan wordt het HTML; anders Markdown.",
        )
    )
    if path is None:
        return False
    markdown, html = summary_texts(record, ctx.registry.decks, ctx.config)
    is_html = path.suffix.lower() in (".html", ".htm")
    problem = save_text(path, html if is_html else markdown)
    if problem:
        app.notify(problem, severity="error", markup=False)
        return False
    app.notify(f"Opgeslagen: {path}", markup=False)
    return True


class SummaryScreen(Screen[None]):
    """Rounds, votes, shifts, notes, pulse and the support contacts; export for the team."""

    CSS_PATH = "../styles/game.tcss"

    EXPORT_DIR: ClassVar[Path | None] = None
    """Where exports go in a terminal (None: Downloads, or home when there is none)."""

    HELP: ClassVar[str] = """\
**De samenvatting** van de sessie, om naar het team te sturen.

- `m` bewaar als Markdown, `h` bewaar als HTML (in je map Downloads, of je thuismap als die er niet is; in de browser: downloaden)
- `o` opslaan als… een bestand dat je zelf kiest
- `x` weggooien: de sessie helemaal verwijderen (je krijgt eerst een vraag)
- `Escape` of `q` terug naar het hoofdmenu

Er staan alleen aantallen per antwoord in. Telefoonnummers, e-mailadressen, adressen, BSN's
en namen met mevrouw/meneer ervoor zijn uit de notities weggehaald. Schrijf geen namen op.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "export('md')",
            "Markdown",
            id="summary.markdown",
            tooltip="Samenvatting bewaren als Markdown",
        ),
        Binding(
            "h",
            "export('html')",
            "HTML",
            id="summary.html",
            tooltip="Samenvatting bewaren als HTML",
        ),
        Binding(
            "o",
            "save_as",
            "Opslaan als…",
            id="summary.save-as",
            tooltip="Samenvatting opslaan op een plek die je kiest",
        ),
        Binding(
            "x",
            "discard",
            "Weggooien",
            id="summary.discard",
            tooltip="Deze sessie helemaal verwijderen (je krijgt eerst een vraag)",
        ),
        Binding("escape,q", "done", "Klaar", id="summary.done", tooltip="Terug naar het hoofdmenu"),
    ]

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session
        self.markdown = ""
        self.html = ""
        self.record: SessionRecord = session.record()

    def compose(self) -> ComposeResult:
        yield Static(markup=False, id="summary-notice")
        with VerticalScroll(id="summary-scroll"):
            yield Markdown(id="summary-text")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show(self.session.record())
        notice = self.query_one("#summary-notice", Static)
        if self.session.problem:
            notice.update(
                "Deze sessie is niet opgeslagen. Bewaar de samenvatting nu met o (opslaan als…)."
            )
        else:
            notice.update(
                "Bewaard. m: Markdown · h: HTML · o: opslaan als… · x: weggooien · Escape: hoofdmenu"
            )
        if self.session.store is not None and self.session.game.summary_facts()["walkthroughs"]:
            self._read_deep_dives()

    def _show(self, record: SessionRecord) -> None:
        ctx = cast("IntegerSpelApp", self.app).ctx
        self.record = record
        self.markdown, self.html = summary_texts(record, ctx.registry.decks, ctx.config)
        self.query_one(Markdown).update(self.markdown)

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _read_deep_dives(self) -> None:
        """The deep dives of this session, read through the store (in a thread)."""
        session = self.session
        store: Any = session.store
        session.settle()

        def read(walkthrough_id: str) -> Mapping[str, Any] | None:
            try:
                found: Mapping[str, Any] | None = store.get_walkthrough(walkthrough_id)
            except StoreError:
                return None
            return found

        record = with_summary(session.record(), session.game.to_state(), read)
        self.app.call_from_thread(self._show, record)

    def _text(self, fmt: str) -> str:
        return self.html if fmt == "html" else self.markdown

    def action_export(self, fmt: str) -> None:
        """Write the summary as a file (Downloads or home; the browser under textual-serve)."""
        name = export_name(self.record, fmt)
        deliver_file(self.app, name, self._text(fmt), "De samenvatting", folder=self.EXPORT_DIR)

    def action_save_as(self) -> None:
        """Save to a path the user types (the fallback when the data folder is unusable)."""
        self.run_worker(
            save_session_as(cast("IntegerSpelApp", self.app), self.session), group="save-as"
        )

    def action_done(self) -> None:
        self.app.pop_screen()

    def action_discard(self) -> None:
        """Ask, then remove the session from the store and go back to the menu."""
        from game.dialogs.choice import ChoiceDialog

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self.run_worker(self._discard, thread=True, exclusive=True, group="discard")

        self.app.push_screen(
            ChoiceDialog(
                "Deze sessie weggooien?",
                [("keep", "Bewaren"), ("discard", "Weggooien")],
                detail="De rondes, stemmen en notities worden verwijderd en tellen niet mee "
                "in de rapportage. Dit kun je niet terugdraaien.",
            ),
            answered,
        )

    def _discard(self) -> None:
        """In a thread: let queued writes finish, then delete the session."""
        session = self.session
        problem: str | None = None
        store: Any = session.store  # the real Store: StoreLike has no delete
        if store is not None and session.session_id is not None:
            session.settle()
            try:
                store.delete_session(session.session_id)
            except StoreError as exc:
                problem = str(exc)
        self.app.call_from_thread(self._discarded, problem)

    def _discarded(self, problem: str | None) -> None:
        if problem:
            self.notify(problem, severity="error", markup=False)
            return
        self.app.pop_screen()
        self.app.notify("De sessie is weggegooid.", markup=False)
