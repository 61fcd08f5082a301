"""ReportScreen: recorded team sessions, the WIO report's figures, and every export and import."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from rich.text import Text
from textual import on, work
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
from textual.worker import Worker, WorkerState, get_current_worker

from game.commands.report import FORMATS, RenderContext
from game.dialogs.path_dialog import PathDialog
from game.export import deliver_file
from game.widgets.report_figures import ReportFigures
from game.widgets.toggles import MarkedCheckbox
from sessions.model import SessionRecord
from sessions.report import Period, Report, build_report, build_report_from_store, report_to_json
from sessions.report_render import period_label, statement
from sessions.summary import summary_html, summary_markdown

if TYPE_CHECKING:
    from game.app import IntegerSpelApp
    from game.context import AppContext

MAX_ROWS = 200
"""Sessions listed at most; a table of thousands of rows helps no one and costs seconds."""

MONTH_RE = re.compile(r"(\d{4})-(\d{1,2})")

EXTENSIONS: dict[str, str] = {
    **{f".{f.extension}": f.name for f in FORMATS.values()},
    ".markdown": "md",
    ".txt": "md",
    ".htm": "html",
}
"""File extension → report format, for "Opslaan als…"."""

PRIVATE_NOTE = "Alleen voor jou als coördinator, op je eigen laptop: deel dit niet."
"""Above one session's detail: it shows a single team's tallies (SPEC §8)."""


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
    return f"wio-rapport-{span}.{FORMATS[fmt].extension}"


def deliver(
    screen: Screen[Any], data: str | bytes, filename: str, what: str,
    save_directory: Path | None = None,
) -> bool:
    """Hand `data` to the user as a file through `game.export.deliver_file`; False on failure.

    In a terminal the file lands in the Downloads folder (or `save_directory`) under a free
    name; in a browser (textual-serve) it is downloaded.
    """
    app = screen.app
    return deliver_file(app, filename, data, what, save_directory) is not None or app.is_web


def ask_save_as(
    screen: Screen[Any], title: str, default: Path, what: str,
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
            screen.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        try:
            write_private(path, data)
        except WriteError as exc:
            screen.notify(f"{what} is niet opgeslagen. {exc.message}", severity="error",
                          timeout=10, markup=False)
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
        ctx = _ctx(self)
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


class Listed(NamedTuple):
    """One recorded team session in the list (read without its rounds)."""

    id: str
    month: str
    team: str | None
    participants: int
    completed: int
    rounds: int


def _years_of(sessions: list[Listed]) -> list[int]:
    """The years with sessions, newest first."""
    return sorted({int(r.month[:4]) for r in sessions if r.month[:4].isdigit()}, reverse=True)


class ConfirmDelete(ModalScreen[bool]):
    """Ask before a recorded session is deleted for good."""

    DEFAULT_CSS = """
    ConfirmDelete { align: center middle; }
    ConfirmDelete > Vertical {
        width: 64; height: auto; border: thick $error; background: $surface; padding: 1 2;
    }
    ConfirmDelete #delete-buttons { height: auto; margin: 1 0 0 0; }
    ConfirmDelete #delete-buttons Button { margin: 0 1 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Deze sessie verwijderen?\n{self.description}\n\nDit kan niet "
                         "ongedaan worden gemaakt; het rapport telt de sessie daarna niet meer.",
                         id="delete-question", markup=False)
            with Horizontal(id="delete-buttons"):
                yield Button("Verwijderen", id="delete-yes", variant="error")
                yield Button("Annuleren", id="delete-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#delete-no").focus()

    @on(Button.Pressed, "#delete-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#delete-no")
    def action_cancel(self) -> None:
        """Keep the session."""
        self.dismiss(False)


def _ctx(widget: Widget | Screen[Any]) -> AppContext:
    return cast("IntegerSpelApp", widget.app).ctx


class ReportScreen(Screen[None]):
    """For the WIO coordinator: sessions, the report's figures, exports and bundles."""

    TITLE = "Rapportage"
    CSS_PATH = "../styles/report.tcss"
    HELP: ClassVar[str] = """\
Hier maak je het jaarverslag integriteit, zonder de opdrachtregel.

- Kies bovenin een **jaar**, of typ zelf de maanden **van** en **t/m** (JJJJ-MM).
- **Sessies** — alle vastgelegde teamsessies. Het vak *team* filtert alleen deze lijst
  (typ `-` voor sessies zonder teamnaam). `Enter` opent de samenvatting van een sessie,
  die je als Markdown of HTML kunt bewaren voor het team; `Delete` verwijdert een sessie
  (je krijgt eerst een vraag). Een sessie zonder gespeelde ronde telt niet mee in het rapport.
- **Cijfers** — precies de cijfers van het rapport: kerncijfers, thema's, de dilemma's die
  het meest verdelen, verschuivingen na "Maar wat als…?" en de peiling per kwartaal.
  Een verdeling met minder dan *k* antwoorden tonen we niet, net als in het rapport.
- **Export** — het rapport als Markdown, HTML (om af te drukken), Excel, CSV of JSON, en
  bundels om sessies uit te wisselen met de laptops van andere gespreksleiders. Wil je de
  cijfers in Excel, kies dan Excel; CSV en JSON zijn voor programma's.

De exportknoppen zetten het bestand in je map Downloads.
Met **Opslaan als…** (`ctrl+s`) kies je zelf waar het komt; de naam bepaalt het formaat
(`.md`, `.html`, `.xlsx`, `.csv` of `.json`). Een bundel van een andere laptop lees je in met
`ctrl+o`: sessies die er al zijn, worden overgeslagen. `F5` leest de sessies opnieuw.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="report.back", tooltip="Terug naar het hoofdmenu"),
        Binding(
            "ctrl+g",
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
            tooltip="Bewaar het rapport op een plek naar keuze (.md, .html, .xlsx, .csv of .json)",
        ),
        Binding(
            "delete",
            "delete_session",
            "Verwijderen",
            id="report.delete",
            tooltip="Verwijder de gekozen sessie (je krijgt eerst een vraag)",
            show=False,
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
        self.sessions: list[Listed] = []
        """Every recorded team session, newest month first."""
        self.period: Period = Period.current_year()
        self.report: Report | None = None
        self.report_json: dict[str, Any] = {}
        self._figures_stale = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without a store only "Terug" makes sense: hide the other keys."""
        if action in ("next_tab", "reload", "save_report", "import_bundle", "delete_session"):
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
        yield Static(id="report-message", markup=False)
        with TabbedContent(id="report-tabs", initial="tab-sessions"):
            with TabPane("Sessies", id="tab-sessions"):
                with Horizontal(id="session-filter"):
                    # Only this list is filtered: the report's figures are over every team.
                    yield Label("team (alleen deze lijst)", classes="filter-label")
                    yield Input(placeholder="alle teams", id="report-team", compact=True)
                yield DataTable(id="session-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="session-count")
                with Horizontal(id="session-buttons"):
                    yield Button("Sessie verwijderen…", id="session-delete", compact=True)
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
        table.focus()
        # The latest year with sessions is what a coordinator usually reports on: the worker
        # picks it once the sessions are read.
        self.refresh_report(reload=True, pick_year=True)

    # -- data -----------------------------------------------------------------------------

    def refresh_report(self, *, reload: bool = False, pick_year: bool = False) -> None:
        """Build the report for the chosen period in a thread; the screen stays usable.

        Args:
            reload: read the sessions from the store again first.
            pick_year: show the latest year with sessions (on open).
        """
        self.query_one("#report-tabs", TabbedContent).loading = True
        self._build_report(self.period, reload, pick_year)

    @work(thread=True, exclusive=True, exit_on_error=False, group="report")
    def _build_report(self, period: Period, reload: bool, pick_year: bool) -> None:
        from sessions.report_query import listing
        from sessions.store import StoreError

        ctx = _ctx(self)
        store = ctx.store
        assert store is not None
        sessions = self.sessions
        problem: str | None = None
        report: Report | None = None
        # Read over a connection of the worker's own: the store's lock stays free for the
        # event loop's short reads and writes (SPEC §11: nothing blocks it for 100 ms).
        try:
            if reload:
                with store.reading(apart=True) as conn:
                    sessions = [Listed(*row) for row in listing(conn)]
            if pick_year:
                present = _years_of(sessions)
                if present:
                    period = Period.year(present[0])
            report = build_report_from_store(
                store, ctx.registry.decks, k=ctx.config.k, period=period,
                teams=tuple(ctx.config.teams), apart=True,
            )
        except StoreError as exc:
            sessions = []
            problem = f"De opgeslagen sessies konden niet worden gelezen. {exc}"
        if report is None:
            report = build_report((), ctx.registry.decks, k=ctx.config.k, period=period,
                                  teams=tuple(ctx.config.teams))
        doc = report_to_json(report)
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._report_built, sessions, report, doc, problem, reload,
                                  pick_year)

    def _report_built(self, sessions: list[Listed], report: Report, doc: dict[str, Any],
                      problem: str | None, reload: bool, pick_year: bool) -> None:
        """Show a report the worker built (on the event loop)."""
        self.sessions = sessions
        if reload:
            self._offer_years()
        if pick_year:
            self.period = report.period
            self._set_period_inputs(self.period)
        if problem is not None:
            self._say(problem)
        elif report.skipped:
            from sessions.wellformed import skipped_message

            self._say(skipped_message(report.skipped))
        self.report = report
        self.report_json = doc
        self._fill_sessions()
        # Drawing the figures is the slow part: only when (or once) the tab is shown.
        self._figures_stale = True
        if self.query_one("#report-tabs", TabbedContent).active == "tab-figures":
            self._fill_figures()
        self.query_one("#export-period", Static).update(f"Rapport over {period_label(report)}")
        self.query_one("#report-tabs", TabbedContent).loading = False

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.group in ("report", "export"):
            self.query_one("#report-tabs", TabbedContent).loading = False
            self._say("Het rapport kon niet worden gemaakt. Probeer het opnieuw met F5.")

    def _offer_years(self) -> None:
        select: Select[int] = self.query_one("#report-year", Select)
        current = select.value
        years = self._years()
        with self.prevent(Select.Changed):
            select.set_options([(str(year), year) for year in years])
            if current in years:
                select.value = current

    def _years(self, with_current: bool = True) -> list[int]:
        """The years with sessions (and this year), newest first."""
        years = set(_years_of(self.sessions))
        if with_current:
            years.add(dt.date.today().year)
        return sorted(years, reverse=True)

    def _period_sessions(self) -> list[Listed]:
        return [r for r in self.sessions if self.period.contains(r.month)]

    def _fill_sessions(self) -> None:
        table = self.query_one("#session-table", DataTable)
        table.clear()
        team_query = self.query_one("#report-team", Input).value
        shown = [r for r in self._period_sessions() if team_matches(r.team, team_query)]
        for record in shown[:MAX_ROWS]:
            # Text cells: shown as typed, and not parsed as markup (which costs time, too).
            table.add_row(
                Text(record.month),
                Text((record.team or "").strip() or "—"),
                Text(str(record.participants)),
                Text(str(record.rounds)),
                Text("ja" if record.completed else "nee"),
                Text(record.id[:8]),
                key=record.id,
            )
        count = len(shown)
        text = (
            "Geen teamsessies in deze periode."
            if count == 0
            else ("1 teamsessie" if count == 1 else f"{count} teamsessies")
        )
        counted = self.report.totals.sessions if self.report is not None else None
        if counted is not None and count and counted != len(self._period_sessions()):
            # The list shows every recorded session; the report only those with a round.
            text += (f" · in het rapport en op Cijfers tellen er {counted} mee "
                     "(een sessie zonder gespeelde ronde telt niet mee)")
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
        self.refresh_report(reload=True)
        self.notify("De sessies zijn opnieuw ingelezen.")

    def _export_report(self, with_notes: bool) -> Report:
        """The report as exported: the one on screen, or with notes when that box is ticked."""
        from sessions.report import previous_period, with_previous

        assert self.report is not None
        ctx = _ctx(self)
        store = ctx.store
        assert store is not None
        report = self.report
        teams = tuple(ctx.config.teams)
        if with_notes:
            report = build_report_from_store(store, ctx.registry.decks, k=ctx.config.k,
                                             period=self.period, with_notes=True, teams=teams,
                                             apart=True)
        # As the command writes it: with the change against the previous period.
        before = build_report_from_store(store, ctx.registry.decks, k=ctx.config.k,
                                         period=previous_period(self.period), teams=teams,
                                         apart=True)
        return with_previous(report, before)

    def _export_data(self, fmt: str, with_notes: bool) -> str | bytes:
        """The report in format `fmt`, as a file holds it (a CSV with a byte-order mark)."""
        import datetime as dt

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
        if self.report is None:
            self.notify("Het rapport wordt nog gemaakt; probeer het zo opnieuw.")
            return False
        self._deliver_report(fmt, self.query_one("#export-notes", Checkbox).value)
        return True

    @work(thread=True, exit_on_error=False, group="export")
    def _deliver_report(self, fmt: str, with_notes: bool) -> None:
        data = self._export_data(fmt, with_notes)
        filename = report_filename(self.period, fmt)
        self.app.call_from_thread(deliver, self, data, filename, "Het rapport",
                                  self.save_directory)

    @on(Button.Pressed, "#export-save")
    def action_save_report(self) -> None:
        """Save the report where the user says; the extension picks the format."""
        if self.report is None:
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
                       Path.cwd() / report_filename(self.period, "md"), must_exist=False),
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

    # -- deleting a session ---------------------------------------------------------------

    @on(Button.Pressed, "#session-delete")
    def action_delete_session(self) -> None:
        """Ask, then delete the session under the cursor from the store."""
        table = self.query_one("#session-table", DataTable)
        if not table.row_count:
            self.notify("Er is geen sessie om te verwijderen.")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        record = next((r for r in self.sessions if r.id == key), None)
        if record is None:
            return
        what = (f"{record.month} · {(record.team or '').strip() or 'zonder teamnaam'} · "
                f"{record.participants} deelnemers · {record.rounds} rondes")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from sessions.store import StoreError

            store = _ctx(self).store
            assert store is not None
            try:
                store.delete_session(record.id)
            except StoreError as exc:
                self.notify(f"De sessie is niet verwijderd. {exc}", severity="error",
                            markup=False)
                return
            self.notify("De sessie is verwijderd.", markup=False)
            self.refresh_report(reload=True)

        self.app.push_screen(ConfirmDelete(what), answered)

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
        self.refresh_report(reload=True)


__all__ = ["ReportScreen", "SessionDetailScreen", "parse_month", "team_matches"]
