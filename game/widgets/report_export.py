"""ExportPanel: the Rapportage screen's Export tab, the report in every format and the bundles.

Also the two ways a file reaches the user from the report screens: delivered (to Downloads, or
downloaded in a browser) and saved where the user says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Static
from textual.worker import Worker, WorkerState

from game.commands.report import FORMATS, RenderContext
from game.dialogs.path_dialog import PathDialog
from game.export import deliver_file
from game.widgets.toggles import MarkedCheckbox
from sessions.report import build_report_from_store, previous_period, with_previous

if TYPE_CHECKING:
    from game.app import IntegerSpelApp
    from game.context import AppContext
    from sessions.report import Period, Report

EXTENSIONS: dict[str, str] = {
    **{f".{f.extension}": f.name for f in FORMATS.values()},
    ".markdown": "md",
    ".txt": "md",
    ".htm": "html",
}
"""File extension → report format, for "Opslaan als…"."""


def report_filename(period: Period, fmt: str) -> str:
    """A file name for the report over `period`, e.g. "wio-rapport-2026.md"."""
    start, end = period.start, period.end
    if start.endswith("-01") and end.endswith("-12") and start[:4] == end[:4]:
        span = start[:4]
    else:
        span = f"{start}-tm-{end}"
    return f"wio-rapport-{span}.{FORMATS[fmt].extension}"


def deliver(
    widget: Widget, data: str | bytes, filename: str, what: str,
    save_directory: Path | None = None,
) -> bool:
    """Hand `data` to the user as a file through `game.export.deliver_file`; False on failure.

    In a terminal the file lands in the Downloads folder (or `save_directory`) under a free
    name; in a browser (textual-serve) it is downloaded.
    """
    app = widget.app
    return deliver_file(app, filename, data, what, save_directory) is not None or app.is_web


def ask_save_as(
    widget: Widget, title: str, default: Path, what: str,
    produce: Callable[[Path], str | bytes],
) -> None:
    """Ask for a path with PathDialog, then write `produce(path)` there and say so."""
    from sessions.files import WriteError, write_private

    def chosen(path: Path | None) -> None:
        if path is None:
            return
        try:
            data = produce(path)
        except ValueError as exc:
            widget.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        try:
            write_private(path, data)
        except WriteError as exc:
            widget.notify(f"{what} is niet opgeslagen. {exc.message}", severity="error",
                          timeout=10, markup=False)
        else:
            widget.notify(f"{what} is opgeslagen in {path}.", title="Opgeslagen", markup=False)

    widget.app.push_screen(PathDialog(title, default, must_exist=False), chosen)


def _ctx(widget: Widget) -> AppContext:
    return cast("IntegerSpelApp", widget.app).ctx


class ReportSource(Protocol):
    """What the panel reads from its screen when a button is pressed."""

    report: Report | None
    """The report on screen; None while the first one is made."""
    period: Period
    """The period chosen above the tabs."""

    def refresh_report(self, *, reload: bool = False, pick_year: bool = False) -> None:
        """Build the report again (after an import: from the store read again)."""


class ExportPanel(VerticalScroll):
    """The report as Markdown, HTML, Excel, CSV or JSON, and bundles to and from other laptops."""

    class Failed(Message):
        """Making or writing a report file failed unexpectedly."""

    def __init__(self, source: ReportSource, save_directory: Path | None = None,
                 *, id: str | None = None) -> None:
        """Args:
        source: the screen whose report and period are exported.
        save_directory: where the export buttons put files (default: the Downloads folder).
        """
        super().__init__(id=id)
        self.source = source
        self.save_directory = save_directory

    def compose(self) -> ComposeResult:
        yield Static(id="export-period", classes="export-heading", markup=False)
        yield Static(
            "Het rapport bevat dezelfde cijfers als het tabblad Cijfers, met "
            "dezelfde regels voor wat wel en niet getoond wordt.",
            classes="export-text",
        )
        yield MarkedCheckbox("Notities van de gesprekken opnemen", id="export-notes")
        with Horizontal(classes="export-buttons"):
            for fmt in FORMATS.values():
                yield Button(
                    fmt.label,
                    id=f"export-{fmt.name}",
                    variant="primary" if fmt.name == "md" else "default",
                )
            yield Button("Opslaan als…", id="export-save")
        yield Static("Bundel: sessies uitwisselen tussen laptops", classes="export-heading")
        yield Static(
            "Een bundel bevat de teamsessies van deze laptop, per maand en "
            "zonder namen, maar met de precieze stemmen van elk team, ook van een "
            "klein team. Geef hem alleen aan de coördinator, niet aan anderen. "
            "Importeren voegt alleen toe wat hier nog niet is.",
            classes="export-text", id="bundle-note",
        )
        yield MarkedCheckbox("Alleen sessies vanaf de maand bij 'van'", id="bundle-since")
        with Horizontal(classes="export-buttons"):
            yield Button("Bundel exporteren", id="bundle-export", variant="primary")
            yield Button("Bundel opslaan als…", id="bundle-save")
            yield Button("Bundel importeren…", id="bundle-import")
        yield Static(id="bundle-result", markup=False)

    def show_period(self, text: str) -> None:
        """Say over which period the report is."""
        self.query_one("#export-period", Static).update(f"Rapport over {text}")

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.group == "export":
            self.post_message(self.Failed())

    # -- the report -----------------------------------------------------------------------

    def _export_report(self, with_notes: bool) -> Report:
        """The report as exported: the one on screen, or with notes when that box is ticked."""
        assert self.source.report is not None
        ctx = _ctx(self)
        store = ctx.store
        assert store is not None
        # As the command writes it: with the change against the previous period. The report
        # on screen is used as it is; with notes it is built again, in the same reading.
        build = partial(build_report_from_store, store, ctx.registry.decks, k=ctx.config.k,
                        teams=tuple(ctx.config.teams))
        if with_notes:
            return build(period=self.source.period, with_notes=True, compare=True)
        return with_previous(self.source.report, build(period=previous_period(self.source.period)))

    def _export_data(self, fmt: str, with_notes: bool) -> str | bytes:
        """The report in format `fmt`, as a file holds it (a CSV with a byte-order mark)."""
        form = FORMATS[fmt]
        context = RenderContext.of(_ctx(self).config, dt.date.today())
        data = form.render(self._export_report(with_notes), context)
        if form.bom and isinstance(data, str):
            return data.encode("utf-8-sig")
        return data

    @on(Button.Pressed, ".export-buttons Button")
    def _export_pressed(self, event: Button.Pressed) -> None:
        name = (event.button.id or "").removeprefix("export-")
        if name in FORMATS:
            event.stop()
            self.export_report(name)

    def export_report(self, fmt: str) -> bool:
        """Deliver the report in format `fmt` (a key of FORMATS); made in a thread."""
        if self.source.report is None:
            self.notify("Het rapport wordt nog gemaakt; probeer het zo opnieuw.")
            return False
        self._deliver_report(fmt, self.query_one("#export-notes", Checkbox).value)
        return True

    @work(thread=True, exit_on_error=False, group="export")
    def _deliver_report(self, fmt: str, with_notes: bool) -> None:
        data = self._export_data(fmt, with_notes)
        filename = report_filename(self.source.period, fmt)
        self.app.call_from_thread(deliver, self, data, filename, "Het rapport",
                                  self.save_directory)

    @on(Button.Pressed, "#export-save")
    def save_report(self) -> None:
        """Save the report where the user says; the extension picks the format."""
        if self.source.report is None:
            return
        extensions = [f".{f.extension}" for f in FORMATS.values()]
        names = ", ".join(extensions[:-1]) + f" of {extensions[-1]}"
        with_notes = self.query_one("#export-notes", Checkbox).value

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            fmt = EXTENSIONS.get(path.suffix.lower())
            if fmt is None:
                self.notify(f"Kies een bestandsnaam die eindigt op {names}; daaraan ziet de app "
                            "welk formaat je wilt.", severity="error", timeout=10, markup=False)
            else:
                self._save_report(path, fmt, with_notes)

        self.app.push_screen(
            PathDialog(f"Rapport opslaan als ({names})",
                       Path.cwd() / report_filename(self.source.period, "md"), must_exist=False),
            chosen,
        )

    @work(thread=True, exit_on_error=False, group="export")
    def _save_report(self, path: Path, fmt: str, with_notes: bool) -> None:
        """Render and write the report in a thread; say on the event loop how it went."""
        from sessions.files import WriteError, write_private

        data = self._export_data(fmt, with_notes)
        try:
            write_private(path, data)
        except WriteError as exc:
            self.app.call_from_thread(self.notify, f"Het rapport is niet opgeslagen. {exc.message}",
                                      severity="error", timeout=10, markup=False)
        else:
            self.app.call_from_thread(self.notify, f"Het rapport is opgeslagen in {path}.",
                                      title="Opgeslagen", markup=False)

    # -- bundles --------------------------------------------------------------------------

    def _bundle_text(self) -> str:
        from sessions.bundle import bundle_text, export_bundle

        store = _ctx(self).store
        assert store is not None
        since = (self.source.period.start if self.query_one("#bundle-since", Checkbox).value
                 else None)
        return bundle_text(export_bundle(store, since))

    def bundle_filename(self) -> str:
        """The bundle's file name: from the 'van' month, or this month."""
        since = self.query_one("#bundle-since", Checkbox).value
        span = f"vanaf-{self.source.period.start}" if since else f"{dt.date.today():%Y-%m}"
        return f"integer-spel-bundel-{span}.json"

    @on(Button.Pressed, "#bundle-export")
    def export_bundle(self) -> bool:
        """Deliver a bundle of every team session on this laptop."""
        return deliver(
            self, self._bundle_text(), self.bundle_filename(), "De bundel", self.save_directory
        )

    @on(Button.Pressed, "#bundle-save")
    def save_bundle(self) -> None:
        """Save a bundle where the user says."""
        ask_save_as(
            self,
            "Bundel opslaan als",
            Path.cwd() / self.bundle_filename(),
            "De bundel",
            lambda _path: self._bundle_text(),
        )

    @on(Button.Pressed, "#bundle-import")
    def ask_bundle(self) -> None:
        """Ask for a bundle file and merge its sessions into the store."""
        if _ctx(self).store is None:
            return
        self.app.push_screen(
            PathDialog(
                "Welke bundel wil je importeren?",
                "",
                must_exist=True,
                hint="Typ het pad van een bundel (.json) van een andere laptop.",
            ),
            self.import_bundle,
        )

    def import_bundle(self, path: Path | None) -> None:
        """Import the bundle at `path` and show what was added and skipped."""
        if path is None:
            return
        from sessions.bundle import BundleError, import_bundles
        from sessions.store import StoreError

        store = _ctx(self).store
        assert store is not None
        result = self.query_one("#bundle-result", Static)
        try:
            outcome = import_bundles(store, [path])
        except (BundleError, StoreError) as exc:
            result.set_class(True, "-error")
            result.update(f"Niets geïmporteerd uit {path.name}.\n{exc}")
            self.notify(
                str(exc),
                title="Bundel niet geïmporteerd",
                severity="error",
                timeout=12,
                markup=False,
            )
            return
        text = outcome.message()
        result.set_class(False, "-error")
        result.update(f"{path.name}: {text}")
        self.notify(text, title="Bundel geïmporteerd", markup=False)
        self.source.refresh_report(reload=True)


__all__ = ["EXTENSIONS", "ExportPanel", "ask_save_as", "deliver", "report_filename"]
