"""The Rapportage screen builds the report in a thread, and what the coordinator sees there:
where the team filter applies, the session counts, pulse headers, deleting, the private detail,
the Excel export."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Static, TabbedContent

import game.screens.report as report_screen
from game.app import IntegerSpelApp
from game.screens.report import PRIVATE_NOTE, ConfirmDelete, ReportScreen, SessionDetailScreen
from game.widgets.report_figures import ReportFigures
from sessions.model import SessionRecord
from sessions.report import build_report_from_store
from sessions.store import Store
from tests.factories import (
    open_report,
    report_store,  # noqa: F401 (fixtures)
)
from tests.factories import report_ctx as make_ctx


async def test_the_screen_answers_while_the_report_is_built(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    release = threading.Event()
    real = build_report_from_store

    def slow_build(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(report_screen, "build_report_from_store", slow_build)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = ReportScreen(save_directory=tmp_path)
        await app.push_screen(screen)
        await pilot.pause()
        # Mounted and drawn, with the report still being made.
        assert screen.report is None
        assert screen.query_one("#report-tabs", TabbedContent).loading
        # The event loop is free: typing into the team filter works meanwhile.
        screen.query_one("#report-team", Input).focus()
        await pilot.press("i", "c", "t")
        assert screen.query_one("#report-team", Input).value == "ict"
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.report is not None
        assert not screen.query_one("#report-tabs", TabbedContent).loading
        assert screen.report.period.start == "2026-01"  # the latest year with sessions


async def test_a_new_period_is_built_in_a_thread(store: Store, tmp_path: Path) -> None:  # noqa: F811
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.query_one("#report-from", Input).value = "2025-01"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.report is not None and screen.report.period.start == "2025-01"
        assert screen.report.totals.sessions == 4


async def test_the_team_filter_sits_on_the_list_it_filters(store: Store, tmp_path: Path) -> None:  # noqa: F811
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        team = screen.query_one("#report-team", Input)
        assert team.parent is not None and team.parent.parent is not None
        assert team.parent.parent.id == "tab-sessions"
        label = " ".join(str(w.render()) for w in screen.query("#session-filter Label"))
        assert "alleen deze lijst" in label


async def test_the_list_says_how_many_sessions_the_report_counts(
    store: Store, tmp_path: Path  # noqa: F811
) -> None:
    store.import_records([SessionRecord(
        id="00000005-0000-4000-8000-000000000005", kind="team", month="2026-06",
        team="Leeg", participants=6, deck_id="testdeck", deck_version="2026.1", rounds=(),
        completed=False)])
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        text = str(screen.query_one("#session-count", Static).render())
        assert text.startswith("4 teamsessies")
        assert "tellen er 3 mee" in text and "zonder gespeelde ronde" in text
        assert screen.report is not None and screen.report.totals.sessions == 3


def test_pulse_headers_are_not_cut() -> None:
    figures = ReportFigures()
    long = "Weet ik echt helemaal niet"
    question = {"counts": None, "quarters": {
        "2026-Q1": {"answers": 10, "counts": {"ja": 5, "weet-niet": 5}}}}
    text = str(figures._quarters(question, {"ja": "Ja", "weet-niet": long}))
    assert long in text.splitlines()[0]


async def test_a_session_is_deleted_after_a_question(store: Store, tmp_path: Path) -> None:  # noqa: F811
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        table = screen.query_one("#session-table", DataTable)
        table.focus()
        first = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("escape")  # no: nothing happens
        await pilot.pause()
        assert store.get(first) is not None
        await pilot.click("#session-delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.click("#delete-yes")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.get(first) is None
        assert first not in [str(k.value) for k in table.rows]


async def test_the_session_detail_is_marked_private(store: Store, tmp_path: Path) -> None:  # noqa: F811
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.query_one("#session-table", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)
        assert str(app.screen.query_one("#detail-private", Static).render()) == PRIVATE_NOTE
        assert PRIVATE_NOTE == ("Alleen voor jou als coördinator, op je eigen laptop: "
                                "deel dit niet.")


async def test_excel_export_is_a_workbook(store: Store, tmp_path: Path) -> None:  # noqa: F811
    openpyxl = pytest.importorskip("openpyxl")
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.show_tab("tab-export")
        await pilot.pause()
        await pilot.click("#export-xlsx")
        await app.workers.wait_for_complete()
        await pilot.pause()
        path = tmp_path / "wio-rapport-2026.xlsx"
        assert path.stat().st_mode & 0o077 == 0
        book = openpyxl.load_workbook(path)
        assert book.sheetnames[0] == "Overzicht"
        assert screen.report is not None
        rows = list(book["Sessies"].iter_rows(min_row=2, values_only=True))
        assert len(rows) == screen.report.totals.sessions


async def test_cli_and_screen_offer_the_same_formats(store: Store, tmp_path: Path) -> None:  # noqa: F811
    from game.cli import build_parser
    from game.commands.report import FORMATS

    groups = build_parser()._subparsers
    assert groups is not None
    commands = groups._group_actions[0].choices
    assert isinstance(commands, dict)
    report_parser = commands["report"]
    choices = next(a.choices for a in report_parser._actions if a.dest == "format")
    assert list(choices) == list(FORMATS)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        buttons = [b.id for b in screen.query(".export-buttons Button")
                   if b.id and b.id.removeprefix("export-") in FORMATS]
        assert buttons == [f"export-{name}" for name in FORMATS]


async def test_save_as_xlsx_writes_a_workbook(store: Store, tmp_path: Path) -> None:  # noqa: F811
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "jaarverslag.xlsx"
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_report(app, pilot, tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert openpyxl.load_workbook(target).sheetnames[-1] == "Sessies"
        assert target.stat().st_mode & 0o077 == 0


class _WatchedLock:
    """The store's lock, noting every thread other than the event loop's that takes it."""

    def __init__(self, lock: Any) -> None:
        self.lock = lock
        self.others: list[str] = []
        self.loop = threading.get_ident()

    def __enter__(self) -> Any:
        if threading.get_ident() != self.loop:
            self.others.append(threading.current_thread().name)
        return self.lock.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        return self.lock.__exit__(*exc)


async def test_the_build_leaves_the_store_lock_to_the_event_loop(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """Over 10,000 sessions the worker held the store's lock for a second: any read on the
    event loop meanwhile (the walkthrough check after the first paint) waited that long."""
    watched = _WatchedLock(store._lock)
    monkeypatch.setattr(store, "_lock", watched)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.query_one("#report-from", Input).value = "2025-01"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.report is not None and screen.report.totals.sessions == 4
    assert watched.others == []


async def test_the_figures_are_mounted_a_few_items_per_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Drawing 36 items at once held the event loop 90-170 ms over 10,000 sessions."""
    from textual.app import App, ComposeResult

    from sessions.model import Round
    from sessions.report import Period, build_report, report_to_json

    records = [SessionRecord(f"s{i}", "team", "2026-03", "Team", 8, "deck", "1",
                             (Round(f"d{i}", "t", "hands", {"A": 3, "B": 5}),), (), True)
               for i in range(12)]
    doc = report_to_json(build_report(records, {}, k=5, period=Period.year(2026)))
    batches: list[int] = []
    real = ReportFigures.mount_all

    def counted(self: ReportFigures, widgets: Any, **kwargs: Any) -> Any:
        widgets = list(widgets)
        batches.append(sum(w.has_class("figures--item") for w in widgets))
        return real(self, widgets, **kwargs)

    monkeypatch.setattr(ReportFigures, "mount_all", counted)

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ReportFigures(id="figures")

    async with Host().run_test(size=(120, 36)) as pilot:
        figures = pilot.app.query_one(ReportFigures)
        figures.show(doc, period_text="2026", statement=[])
        for _ in range(40):
            await pilot.pause()
            if figures.filled and batches:
                break
        assert figures.filled
        assert len(pilot.app.query(".figures--dilemma")) == ReportFigures.limit
        assert batches and max(batches) <= ReportFigures.chunk


async def test_the_figures_tab_shows_blanco_and_the_eigen_casussen() -> None:
    from textual.app import App, ComposeResult

    from sessions.model import OwnCase, Round
    from sessions.report import Period, build_report, report_to_json

    own = OwnCase("Het [b]lek[/b]", "Wat doe je?")
    records = [SessionRecord("s1", "team", "2026-03", "Team", 9, "deck", "1", (
        Round("d1", "t", "secret", {"A": 3, "B": 5}, blanco=1),
        Round("eigen-1", "eigen-casus", "none", own=own)), (), True)]
    doc = report_to_json(build_report(records, {}, k=5, period=Period.year(2026)))

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ReportFigures(id="figures")

    async with Host().run_test(size=(120, 36)) as pilot:
        figures = pilot.app.query_one(ReportFigures)
        figures.show(doc, period_text="2026", statement=[])
        await pilot.pause()
        title = str(pilot.app.query_one("#dilemma-1 .figures--title", Static).render())
        assert "8 antwoorden · 1 blanco" in title
        listed = str(pilot.app.query_one("#figures-own", Static).render())
        assert "Het [b]lek[/b] (1×)" in listed
