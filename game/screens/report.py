"""ReportScreen: recorded team sessions, the WIO report's figures, and every export and import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Input,
    Label,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import Worker, WorkerState, get_current_worker

from game.dialogs.confirm_delete import ConfirmDelete
from game.dialogs.session_detail import PRIVATE_NOTE, SessionDetailScreen
from game.rules.summary import with_summary
from game.widgets.report_export import ExportPanel
from game.widgets.report_figures import ReportFigures
from game.widgets.report_period import PeriodBar, parse_month
from sessions.report import Period, Report, build_report, build_report_from_store, report_to_json
from sessions.report_council import rankable
from sessions.report_render import period_label, statement
from sessions.store import StoreError

if TYPE_CHECKING:
    from game.app import IntegerSpelApp
    from game.context import AppContext

MAX_ROWS = 200
"""Sessions listed at most; a table of thousands of rows helps no one and costs seconds."""

def team_matches(team: str | None, query: str) -> bool:
    """Does the session's team label hold the typed text (case-folded)? "—" finds no label."""
    query = query.strip().casefold()
    if not query:
        return True
    if query in ("—", "-"):
        return not (team or "").strip()
    return query in (team or "").casefold()


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
        yield PeriodBar(self._years, id="report-filters")
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
            with TabPane("Export", id="tab-export"):
                yield ExportPanel(self, self.save_directory, id="export-pane")
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
                with store.reading() as conn:
                    sessions = [Listed(*row) for row in listing(conn)]
            if pick_year:
                present = _years_of(sessions)
                if present:
                    period = Period.year(present[0])
            report = build_report_from_store(
                store, ctx.registry.decks, k=ctx.config.k, period=period,
                teams=tuple(ctx.config.teams),
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
            self.query_one(PeriodBar).offer_years()
        if pick_year:
            self.period = report.period
            self.query_one(PeriodBar).show(self.period)
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
        self.query_one(ExportPanel).show_period(period_label(report))
        self.query_one("#report-tabs", TabbedContent).loading = False

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.group == "report":
            self._report_failed()

    @on(ExportPanel.Failed)
    def _report_failed(self) -> None:
        self.query_one("#report-tabs", TabbedContent).loading = False
        self._say("Het rapport kon niet worden gemaakt. Probeer het opnieuw met F5.")

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
            ranked=[(f.deck, f.id) for f in rankable(report)],
        )

    # -- period and team filter ---------------------------------------------------------

    def _say(self, text: str = "") -> None:
        message = self.query_one("#report-message", Static)
        message.update(text)
        message.display = bool(text)

    @on(PeriodBar.Changed)
    def _period_changed(self, event: PeriodBar.Changed) -> None:
        self._say(event.problem)
        if event.period is not None:
            self.period = event.period
            self.refresh_report()

    @on(Input.Changed, "#report-team")
    def _team_typed(self) -> None:
        self._fill_sessions()

    # -- sessions -------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#session-table")
    def _session_chosen(self, event: DataTable.RowSelected) -> None:
        store = _ctx(self).store
        assert store is not None
        try:
            record = store.get(str(event.row_key.value))
            if record is not None:
                # The summary the team got at the end: numbers as played, skips, deep dives.
                record = with_summary(record, store.state(record.id), store.get_walkthrough)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
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

    def action_save_report(self) -> None:
        """Save the report where the user says; the extension picks the format."""
        self.query_one(ExportPanel).save_report()

    def action_import_bundle(self) -> None:
        """Ask for a bundle file and merge its sessions into the store."""
        if _ctx(self).store is None:
            return
        self.query_one(ExportPanel).ask_bundle()

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


__all__ = [
    "PRIVATE_NOTE",
    "ConfirmDelete",
    "ReportScreen",
    "SessionDetailScreen",
    "parse_month",
    "team_matches",
]
