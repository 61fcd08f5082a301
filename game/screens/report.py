"""ReportScreen: recorded team sessions, the WIO report's figures, and every export and import."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Footer,
    Input,
    Label,
    Markdown,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from game.dialogs.path_dialog import PathDialog, save_text, write_problem
from game.widgets.report_figures import ReportFigures
from game.widgets.toggles import MarkedCheckbox
from sessions.model import SessionRecord
from sessions.report import (
    Period,
    Report,
    build_report,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    report_to_json,
)
from sessions.report_render import period_label, statement
from sessions.summary import summary_html, summary_markdown

if TYPE_CHECKING:
    from game.app import IntegerSpelApp
    from game.context import AppContext

MAX_ROWS = 500
"""Sessions listed at most; a table of thousands of rows helps no one and costs seconds."""

MONTH_RE = re.compile(r"(\d{4})-(\d{1,2})")

# format key → (button label, file extension, renderer of the report)
REPORT_FORMATS: dict[str, tuple[str, str, Callable[[Report], str]]] = {
    "md": ("Markdown", "md", render_markdown),
    "html": ("HTML", "html", render_html),
    # With a byte-order mark, as the CLI writes it, so spreadsheet programs read UTF-8.
    "csv": ("CSV", "csv", lambda report: "\ufeff" + render_csv(report)),
    "json": ("JSON", "json", render_json),
}
EXTENSIONS: dict[str, str] = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".json": "json",
}


def parse_month(text: str) -> str | None:
    """ "2026-3" or "2026-03" → "2026-03"; None when it is not a month."""
    m = MONTH_RE.fullmatch(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}"


def team_matches(team: str | None, query: str) -> bool:
    """Does the session's team label hold the typed text (case-folded)? "—" finds no label."""
    query = query.strip().casefold()
    if not query:
        return True
    if query in ("—", "-"):
        return not (team or "").strip()
    return query in (team or "").casefold()


def report_filename(period: Period, fmt: str) -> str:
    """A file name for the report over `period`, e.g. "wio-rapport-2026.md"."""
    start, end = period.start, period.end
    if start.endswith("-01") and end.endswith("-12") and start[:4] == end[:4]:
        span = start[:4]
    else:
        span = f"{start}-tm-{end}"
    return f"wio-rapport-{span}.{REPORT_FORMATS[fmt][1]}"


def deliver(
    screen: Screen[Any], text: str, filename: str, what: str, save_directory: Path | None = None
) -> bool:
    """Hand `text` to the user as a file via `App.deliver_text`; say where it went.

    In a terminal the file lands in the Downloads folder (or `save_directory`); in a browser
    (textual-serve) it is downloaded.
    """
    app = screen.app
    from platformdirs import user_downloads_path

    folder = save_directory or user_downloads_path()
    if not app.is_web:
        if save_directory is None:
            # A fresh account may have no Downloads folder yet; Textual would not make one.
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
        problem = write_problem(folder / filename) or _make_private(folder / filename)
        if problem is not None:
            screen.notify(
                f"{what} kon niet worden opgeslagen. {problem} "
                'Gebruik "Opslaan als…" om zelf een plek te kiezen.',
                severity="error",
                timeout=10,
                markup=False,
            )
            return False
    app.deliver_text(io.StringIO(text), save_directory=save_directory, save_filename=filename)
    if app.is_web:
        screen.notify(f"{what} wordt gedownload als {filename}.", title="Exporteren", markup=False)
    else:
        screen.notify(
            f"{what} is opgeslagen als {folder / filename}.", title="Exporteren", markup=False
        )
    return True


def _make_private(path: Path) -> str | None:
    """Create `path` readable by the user alone, before Textual writes into it (SPEC §8).

    Textual's delivery opens the file with the default mode; an existing file keeps its own.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
    except OSError as exc:
        return f"{path} kon niet worden gemaakt ({exc.strerror or exc})."
    return None


def ask_save_as(
    screen: Screen[Any], title: str, default: Path, what: str, produce: Callable[[Path], str]
) -> None:
    """Ask for a path with PathDialog, then write `produce(path)` there and say so."""

    def chosen(path: Path | None) -> None:
        if path is None:
            return
        try:
            text = produce(path)
        except ValueError as exc:
            screen.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        problem = save_text(path, text)
        if problem is not None:
            screen.notify(
                f"{what} is niet opgeslagen. {problem}", severity="error", timeout=10, markup=False
            )
        else:
            screen.notify(f"{what} is opgeslagen in {path}.", title="Opgeslagen", markup=False)

    screen.app.push_screen(PathDialog(title, default, must_exist=False), chosen)


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
        ctx = _ctx(self)
        render = summary_html if fmt == "html" else summary_markdown
        return render(self.record, ctx.registry.decks, ctx.config)

    def compose(self) -> ComposeResult:
        with Vertical():
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
        team = re.sub(r"[^a-z0-9]+", "-", (self.record.team or "").casefold()).strip("-")
        return f"sessie-{self.record.month}{'-' + team if team else ''}.{fmt}"

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


def _ctx(widget: Widget | Screen[Any]) -> AppContext:
    return cast("IntegerSpelApp", widget.app).ctx


class ReportScreen(Screen[None]):
    """For the WIO coordinator: sessions, the report's figures, exports and bundles."""

    TITLE = "Rapportage"
    CSS_PATH = "../styles/report.tcss"
    HELP: ClassVar[str] = """\
Hier maak je het jaarverslag integriteit, zonder de opdrachtregel.

- Kies bovenin een **jaar**, of typ zelf de maanden **van** en **t/m** (JJJJ-MM).
- **Sessies** — de vastgelegde teamsessies. Filter op team met het vak *team*
  (typ `-` voor sessies zonder teamnaam). `Enter` opent de samenvatting van een sessie,
  die je als Markdown of HTML kunt bewaren voor het team.
- **Cijfers** — precies de cijfers van het rapport: kerncijfers, thema's, de dilemma's die
  het meest verdelen, verschuivingen na "Maar wat als…?" en de peiling per kwartaal.
  Een verdeling met minder dan *k* antwoorden tonen we niet, net als in het rapport.
- **Export** — het rapport als Markdown, HTML, CSV of JSON, en bundels om sessies uit te
  wisselen met de laptops van andere gespreksleiders.

De knoppen Markdown, HTML, CSV en JSON zetten het bestand in je map Downloads.
Met **Opslaan als…** (`ctrl+s`) kies je zelf waar het komt; de naam bepaalt het formaat
(`.md`, `.html`, `.csv` of `.json`). Een bundel van een andere laptop lees je in met
`ctrl+o`: sessies die er al zijn, worden overgeslagen. `F5` leest de sessies opnieuw.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="report.back", tooltip="Terug naar het hoofdmenu"),
        Binding(
            "ctrl+t",
            "next_tab",
            "Tabblad",
            id="report.tab",
            tooltip="Wissel tussen Sessies, Cijfers en Export",
        ),
        Binding(
            "f5",
            "reload",
            "Vernieuwen",
            id="report.reload",
            tooltip="Lees de opgeslagen sessies opnieuw",
            show=False,  # rarely needed; the footer must keep F1 at 80 columns (help lists it)
        ),
        Binding(
            "ctrl+s",
            "save_report",
            "Opslaan als…",
            id="report.save",
            tooltip="Bewaar het rapport op een plek naar keuze (.md, .html, .csv of .json)",
        ),
        Binding(
            "ctrl+o",
            "import_bundle",
            "Bundel importeren…",
            id="report.import",
            tooltip="Voeg de sessies uit een bundel van een andere laptop toe",
        ),
    ]

    TABS: ClassVar[tuple[str, ...]] = ("tab-sessions", "tab-figures", "tab-export")

    def __init__(self, save_directory: Path | None = None) -> None:
        """Args:
        save_directory: where the export buttons put files (default: the Downloads folder).
        """
        super().__init__()
        self.save_directory = save_directory
        self.records: list[SessionRecord] = []
        self.period: Period = Period.current_year()
        self.report: Report | None = None
        self.report_json: dict[str, Any] = {}
        self._figures_stale = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a store only "Terug" makes sense: hide the other keys."""
        if action in ("next_tab", "reload", "save_report", "import_bundle"):
            return _ctx(self).store is not None
        return True

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        ctx = _ctx(self)
        if ctx.store is None:
            with Vertical(id="report-no-store"):
                yield Static(
                    "De opgeslagen sessies kunnen niet worden geopend.", id="report-no-store-title"
                )
                yield Static(
                    ctx.store_error or "De reden is onbekend.",
                    id="report-store-error",
                    markup=False,
                )
            yield Footer(compact=True, show_command_palette=False)
            return
        with Horizontal(id="report-filters"):
            yield Label("Jaar", classes="filter-label")
            yield Select[int]([], prompt="kies", id="report-year", compact=True)
            yield Label("van", classes="filter-label")
            yield Input(placeholder="JJJJ-MM", id="report-from", compact=True)
            yield Label("t/m", classes="filter-label")
            yield Input(placeholder="JJJJ-MM", id="report-to", compact=True)
            yield Label("team", classes="filter-label")
            yield Input(placeholder="alle teams", id="report-team", compact=True)
        yield Static(id="report-message", markup=False)
        with TabbedContent(id="report-tabs", initial="tab-sessions"):
            with TabPane("Sessies", id="tab-sessions"):
                yield DataTable(id="session-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="session-count")
            with TabPane("Cijfers", id="tab-figures"):
                yield ReportFigures(id="report-figures")
            with TabPane("Export", id="tab-export"), VerticalScroll(id="export-pane"):
                yield Static(id="export-period", classes="export-heading", markup=False)
                yield Static(
                    "Het rapport bevat dezelfde cijfers als het tabblad Cijfers, met "
                    "dezelfde regels voor wat wel en niet getoond wordt.",
                    classes="export-text",
                )
                yield MarkedCheckbox("Notities van de gesprekken opnemen", id="export-notes")
                with Horizontal(classes="export-buttons"):
                    for fmt, (label, _ext, _render) in REPORT_FORMATS.items():
                        yield Button(
                            label,
                            id=f"export-{fmt}",
                            variant="primary" if fmt == "md" else "default",
                        )
                    yield Button("Opslaan als…", id="export-save")
                yield Static("Bundel: sessies uitwisselen tussen laptops", classes="export-heading")
                yield Static(
                    "Een bundel bevat de teamsessies van deze laptop, per maand en "
                    "zonder namen. Importeren voegt alleen toe wat hier nog niet is.",
                    classes="export-text",
                )
                yield MarkedCheckbox("Alleen sessies vanaf de maand bij 'van'", id="bundle-since")
                with Horizontal(classes="export-buttons"):
                    yield Button("Bundel exporteren", id="bundle-export", variant="primary")
                    yield Button("Bundel opslaan als…", id="bundle-save")
                    yield Button("Bundel importeren…", id="bundle-import")
                yield Static(id="bundle-result", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if _ctx(self).store is None:
            return
        table = self.query_one("#session-table", DataTable)
        for label, key in (
            ("maand", "month"),
            ("team", "team"),
            ("deelnemers", "participants"),
            ("rondes", "rounds"),
            ("klaar", "completed"),
            ("nr", "id"),
        ):
            table.add_column(label, key=key)
        self.load_records()
        present = self._years(with_current=False)
        if present:
            # The latest year with sessions: what a coordinator usually reports on.
            self.period = Period.year(present[0])
        self._set_period_inputs(self.period)
        self.refresh_report()
        table.focus()

    # -- data -----------------------------------------------------------------------------

    def load_records(self) -> None:
        """Read the team sessions from the store and offer their years."""
        from sessions.store import StoreError

        store = _ctx(self).store
        assert store is not None
        try:
            self.records = store.list_sessions("team")
        except StoreError as exc:
            self.records = []
            self._say(f"De opgeslagen sessies konden niet worden gelezen. {exc}")
        select: Select[int] = self.query_one("#report-year", Select)
        current = select.value
        years = self._years()
        with self.prevent(Select.Changed):
            select.set_options([(str(year), year) for year in years])
            if current in years:
                select.value = current

    def _years(self, with_current: bool = True) -> list[int]:
        """The years with sessions (and this year), newest first."""
        years = {int(r.month[:4]) for r in self.records if r.month[:4].isdigit()}
        if with_current:
            years.add(dt.date.today().year)
        return sorted(years, reverse=True)

    def refresh_report(self) -> None:
        """Build the report for the chosen period and show the sessions and the figures."""
        ctx = _ctx(self)
        self.report = build_report(
            self.records, ctx.registry.decks, k=ctx.config.k, period=self.period,
            teams=tuple(ctx.config.teams),
        )
        self.report_json = report_to_json(self.report)
        self._fill_sessions()
        # Drawing the figures is the slow part: only when (or once) the tab is shown.
        self._figures_stale = True
        if self.query_one("#report-tabs", TabbedContent).active == "tab-figures":
            self._fill_figures()
        self.query_one("#export-period", Static).update(f"Rapport over {period_label(self.report)}")

    def _period_records(self) -> list[SessionRecord]:
        return [r for r in self.records if self.period.contains(r.month)]

    def _fill_sessions(self) -> None:
        table = self.query_one("#session-table", DataTable)
        table.clear()
        team_query = self.query_one("#report-team", Input).value
        shown = [r for r in self._period_records() if team_matches(r.team, team_query)]
        shown.sort(key=lambda r: r.month, reverse=True)
        for record in shown[:MAX_ROWS]:
            table.add_row(
                record.month,
                Text((record.team or "").strip() or "—"),  # as typed, not read as markup
                str(record.participants),
                str(len(record.rounds)),
                "ja" if record.completed else "nee",
                record.id[:8],
                key=record.id,
            )
        count = len(shown)
        text = (
            "Geen teamsessies in deze periode."
            if count == 0
            else ("1 teamsessie" if count == 1 else f"{count} teamsessies")
        )
        if count > MAX_ROWS:
            text += f" · de nieuwste {MAX_ROWS} staan hier; kies een kortere periode of een team"
        if count:
            text += " · Enter opent de samenvatting"
        self.query_one("#session-count", Static).update(text)

    @on(TabbedContent.TabActivated, "#report-tabs")
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-figures" and self._figures_stale:
            self._fill_figures()

    def _fill_figures(self) -> None:
        report = self.report
        if report is None:
            return
        self._figures_stale = False
        labels = {(f.deck, f.id): dict(f.labels) for f in report.dilemmas}
        for shift in report.shifts:
            labels[(shift.deck, shift.dilemma)] = {
                **labels.get((shift.deck, shift.dilemma), {}),
                **shift.labels,
            }
        self.query_one("#report-figures", ReportFigures).show(
            self.report_json,
            period_text=period_label(report),
            statement=statement(report),
            labels=labels,
            pulse_labels={p.question: dict(p.labels) for p in report.pulse},
            pulse_titles={p.question: p.title for p in report.pulse},
        )

    # -- period and team filter ---------------------------------------------------------

    def _set_period_inputs(self, period: Period) -> None:
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#report-from", Input).value = period.start
            self.query_one("#report-to", Input).value = period.end
            select: Select[int] = self.query_one("#report-year", Select)
            year = int(period.start[:4])
            full_year = (period.start, period.end) == (f"{year:04d}-01", f"{year:04d}-12")
            if full_year and year in self._years():
                select.value = year
            else:
                select.clear()

    def _say(self, text: str = "") -> None:
        message = self.query_one("#report-message", Static)
        message.update(text)
        message.display = bool(text)

    @on(Select.Changed, "#report-year")
    def _year_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self.period = Period.year(event.value)
            self._set_period_inputs(self.period)
            self._say()
            self.refresh_report()

    @on(Input.Changed, "#report-from")
    @on(Input.Changed, "#report-to")
    def _months_typed(self) -> None:
        start = parse_month(self.query_one("#report-from", Input).value)
        end = parse_month(self.query_one("#report-to", Input).value)
        if start is None or end is None:
            self._say("Typ de maanden als JJJJ-MM, bijvoorbeeld 2026-01 en 2026-12.")
            return
        if start > end:
            self._say("De maand bij 'van' ligt na de maand bij 't/m'.")
            return
        self._say()
        if (start, end) != (self.period.start, self.period.end):
            self.period = Period(start, end)
            select: Select[int] = self.query_one("#report-year", Select)
            with self.prevent(Select.Changed):
                year = int(start[:4])
                if (start, end) == (f"{year:04d}-01", f"{year:04d}-12") and year in self._years():
                    select.value = year
                else:
                    select.clear()
            self.refresh_report()

    @on(Input.Changed, "#report-team")
    def _team_typed(self) -> None:
        self._fill_sessions()

    # -- sessions -------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#session-table")
    def _session_chosen(self, event: DataTable.RowSelected) -> None:
        store = _ctx(self).store
        assert store is not None
        record = store.get(str(event.row_key.value))
        if record is None:
            self.notify("Deze sessie is niet meer te vinden.", severity="warning")
            return
        self.app.push_screen(SessionDetailScreen(record, self.save_directory))

    # -- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the main menu."""
        self.dismiss(None)

    def action_next_tab(self) -> None:
        """Go to the next tab."""
        tabs = self.query_one("#report-tabs", TabbedContent)
        index = self.TABS.index(tabs.active) if tabs.active in self.TABS else 0
        self.show_tab(self.TABS[(index + 1) % len(self.TABS)])

    def show_tab(self, tab: str) -> None:
        """Show a tab and move the focus into it."""
        # A focused widget left in the hidden pane would make TabbedContent switch back.
        self.query_one("#report-tabs", TabbedContent).active = tab
        target: Widget
        if tab == "tab-sessions":
            target = self.query_one("#session-table")
        elif tab == "tab-figures":
            target = self.query_one("#report-figures")
        else:
            target = self.query_one("#export-md")
        target.focus()

    def action_reload(self) -> None:
        """Read the store again (after another instance or an import added sessions)."""
        if _ctx(self).store is None:
            return
        self.load_records()
        self.refresh_report()
        self.notify("De sessies zijn opnieuw ingelezen.")

    def _export_report(self) -> Report:
        """The report as exported: the one on screen, or with notes when that box is ticked."""
        assert self.report is not None
        if not self.query_one("#export-notes", Checkbox).value:
            return self.report
        ctx = _ctx(self)
        return build_report(
            self.records, ctx.registry.decks, k=ctx.config.k, period=self.period, with_notes=True,
            teams=tuple(ctx.config.teams),
        )

    @on(Button.Pressed, "#export-md")
    @on(Button.Pressed, "#export-html")
    @on(Button.Pressed, "#export-csv")
    @on(Button.Pressed, "#export-json")
    def _export_pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.export_report(event.button.id.removeprefix("export-"))

    def export_report(self, fmt: str) -> bool:
        """Deliver the report in format `fmt` (md, html, csv, json)."""
        _label, _ext, render = REPORT_FORMATS[fmt]
        return deliver(
            self,
            render(self._export_report()),
            report_filename(self.period, fmt),
            "Het rapport",
            self.save_directory,
        )

    @on(Button.Pressed, "#export-save")
    def action_save_report(self) -> None:
        """Save the report where the user says; the extension picks the format."""
        if self.report is None:
            return

        def produce(path: Path) -> str:
            fmt = EXTENSIONS.get(path.suffix.lower())
            if fmt is None:
                raise ValueError(
                    "Kies een bestandsnaam die eindigt op .md, .html, .csv of "
                    ".json; daaraan ziet de app welk formaat je wilt."
                )
            return REPORT_FORMATS[fmt][2](self._export_report())

        ask_save_as(
            self,
            "Rapport opslaan als (.md, .html, .csv of .json)",
            Path.cwd() / report_filename(self.period, "md"),
            "Het rapport",
            produce,
        )

    # -- bundles --------------------------------------------------------------------------

    def _bundle_text(self) -> str:
        from sessions.bundle import bundle_text, export_bundle

        store = _ctx(self).store
        assert store is not None
        since = self.period.start if self.query_one("#bundle-since", Checkbox).value else None
        return bundle_text(export_bundle(store, since))

    def _bundle_filename(self) -> str:
        since = self.query_one("#bundle-since", Checkbox).value
        span = f"vanaf-{self.period.start}" if since else f"{dt.date.today():%Y-%m}"
        return f"integer-spel-bundel-{span}.json"

    @on(Button.Pressed, "#bundle-export")
    def export_bundle(self) -> bool:
        """Deliver a bundle of every team session on this laptop."""
        return deliver(
            self, self._bundle_text(), self._bundle_filename(), "De bundel", self.save_directory
        )

    @on(Button.Pressed, "#bundle-save")
    def save_bundle(self) -> None:
        """Save a bundle where the user says."""
        ask_save_as(
            self,
            "Bundel opslaan als",
            Path.cwd() / self._bundle_filename(),
            "De bundel",
            lambda _path: self._bundle_text(),
        )

    @on(Button.Pressed, "#bundle-import")
    def action_import_bundle(self) -> None:
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
        self.load_records()
        self.refresh_report()


__all__ = ["ReportScreen", "SessionDetailScreen", "parse_month", "team_matches"]
