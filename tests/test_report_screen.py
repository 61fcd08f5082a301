"""Pilot tests of the Rapportage screen: the figures equal the CLI report, filters, exports, bundles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static

from game.app import IntegerSpelApp
from game.cli import main
from game.dialogs.path_dialog import PathDialog
from game.screens.report import ReportScreen, SessionDetailScreen, parse_month, team_matches
from game.widgets.bars import VoteBars
from game.widgets.report_export import ExportPanel
from game.widgets.report_figures import ReportFigures
from sessions.model import Round, SessionRecord
from sessions.report import Period, render_csv, render_html, render_markdown
from sessions.store import Store
from tests.factories import (
    FIXTURE_DECKS,
    import_via_dialog,
    open_report,
    report_store,  # noqa: F401 (the fixture store, filled)
)
from tests.factories import report_ctx as make_ctx
from tests.factories import report_records as fixture_records
from tests.factories import static_text as text_of

K = 5


async def wait_for_file(pilot: Pilot[Any], path: Path) -> str:
    """Deliveries are written by a thread: wait until the file is complete."""
    for _ in range(200):
        if path.exists() and path.stat().st_size:
            await pilot.pause()
            with path.open(encoding="utf-8", newline="") as written:
                return written.read()
        await pilot.pause(0.02)
    raise AssertionError(f"{path} was not written")


# ------------------------------------------------------------------------ pure helpers


def test_parse_month_accepts_months_only() -> None:
    assert parse_month("2026-3") == "2026-03"
    assert parse_month(" 2026-12 ") == "2026-12"
    assert parse_month("2026-13") is None
    assert parse_month("maart") is None


def test_team_filter_is_case_blind_and_dash_finds_unlabelled() -> None:
    assert team_matches("Publiekszaken", "publiek")
    assert not team_matches("Publiekszaken", "ict")
    assert team_matches(None, "—")
    assert not team_matches("ICT", "—")
    assert team_matches(None, "")


# ------------------------------------------------------------------------ figures


async def test_figures_equal_the_cli_report_json(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "cli.json"
    assert (
        main(
            [
                "--decks",
                str(FIXTURE_DECKS),
                "report",
                "--year",
                "2026",
                "--format",
                "json",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    cli = json.loads(out.read_text(encoding="utf-8"))

    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        assert screen.period == Period.year(2026)
        # The CLI adds the previous period's totals (the council report); the screen doesn't.
        assert {**screen.report_json, "previous": None} == {**cli, "previous": None}
        screen.show_tab("tab-figures")
        await pilot.pause()

        totals = cli["totals"]
        assert totals == {
            "sessions": 3,
            "teams": 2,
            "participants": 23,
            "rounds": 5,
            "participants_mean": 7.7,
            "other_teams": 0,
        }
        for widget_id, key in (
            ("total-sessions", "sessions"),
            ("total-teams", "teams"),
            ("total-participants", "participants"),
            ("total-rounds", "rounds"),
        ):
            shown = text_of(screen.query_one(f"#{widget_id}", Static))
            assert shown.endswith(f": {totals[key]}"), shown
        assert text_of(screen.query_one("#total-mean", Static)).endswith("7,7")

        themes = str(screen.query_one("#figures-themes").render())
        for theme in cli["themes"]:
            assert theme["title"] in themes
            assert f"{theme['rounds']:>4}" in themes

        assert [d["id"] for d in cli["dilemmas"]] == ["concert", "klus"]
        for rank, figure in enumerate(cli["dilemmas"], 1):
            item = screen.query_one(f"#dilemma-{rank}")
            heading = text_of(item.query_one(".figures--title", Static))
            assert figure["title"] in heading
            bars = list(item.query(VoteBars))
            if figure["counts"] is None:
                assert bars == [], f"{figure['id']} is suppressed but drew bars"
                assert "Minder dan 5 antwoorden per stemming" in text_of(
                    item.query_one(".figures--suppressed", Static)
                )
            else:
                assert len(bars) == 1
                assert bars[0].counts == figure["counts"]
                assert f"{figure['answers']} antwoorden" in heading
                assert f"{figure['verdeeldheid']:.3f}".replace(".", ",") in heading
        concert = cli["dilemmas"][0]
        assert concert["counts"] == {"A": 6, "B": 13, "C": 4}
        assert cli["dilemmas"][1]["counts"] is None

        pulse = screen.query_one("#pulse-1")
        # The first quarter's answers come from two teams only: no sum, no bars (SPEC §8).
        assert cli["pulse"][0]["counts"] is None
        assert cli["pulse"][0]["quarters"]["2026-Q1"] == {"answers": 17, "counts": None}
        assert list(pulse.query(VoteBars)) == []
        assert "minstens 3 teams" in text_of(pulse.query_one(".figures--suppressed", Static))
        quarters = text_of(pulse.query_one(".figures--quarters", Static))
        for line in quarters.splitlines()[1:]:
            assert "%" not in line and "—" in line, line
        statement = text_of(screen.query_one("#figures-statement", Static))
        assert "Wat wel en niet is vastgelegd" in statement
        assert "minder dan 5 antwoorden" in statement


async def test_no_bar_anywhere_for_a_suppressed_distribution(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.show_tab("tab-figures")
        # 2025 has one session with 5 answers on `concert`: exactly k, so it is shown...
        screen.query_one("#report-year", Select).value = 2025
        await pilot.pause()
        assert screen.report_json["dilemmas"][0]["counts"] == {"A": 5, "B": 0, "C": 0}
        assert len(screen.query("#dilemma-1 VoteBars")) == 1
        # ...and with k = 6 the same figure is suppressed and no bar is drawn.
        app.ctx.config = type(app.ctx.config)(k=6)
        screen.refresh_report()
        await pilot.pause()
        assert screen.report_json["dilemmas"][0]["counts"] is None
        assert len(screen.query("#dilemma-1 VoteBars")) == 0
        assert "Minder dan 6 antwoorden" in text_of(
            screen.query_one("#dilemma-1 .figures--suppressed", Static)
        )


async def test_long_rankings_are_cut_with_a_button_for_the_rest(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportFigures, "limit", 1)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.show_tab("tab-figures")
        await pilot.pause()
        assert len(screen.query(".figures--dilemma")) == 1
        assert len(screen.query(".figures--shift")) == 1  # the shift of `concert`, ranked 1st
        more = screen.query_one("#figures-more", Button)
        assert "Toon alle 2 dilemma's" in str(more.label)
        more.press()
        await pilot.pause()
        assert len(screen.query(".figures--dilemma")) == 2
        assert not screen.query("#figures-more")


# ------------------------------------------------------------------------ sessions and filters


def table_rows(screen: ReportScreen) -> list[list[str]]:
    table = screen.query_one("#session-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_sessions_table_follows_period_and_team(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        rows = table_rows(screen)
        assert [r[:5] for r in rows] == [
            ["2026-05", "—", "6", "1", "nee"],
            ["2026-03", "Burgerzaken", "8", "2", "ja"],
            ["2026-02", "Publiekszaken", "9", "2", "ja"],
        ]  # the practice run is never listed

        screen.query_one("#report-team", Input).focus()
        await pilot.press(*"burger")
        await pilot.pause()
        assert [r[1] for r in table_rows(screen)] == ["Burgerzaken"]
        team = screen.query_one("#report-team", Input)
        team.value = "—"
        await pilot.pause()
        assert [r[0] for r in table_rows(screen)] == ["2026-05"]
        team.value = ""

        screen.query_one("#report-from", Input).value = "2025-11"
        screen.query_one("#report-to", Input).value = "2026-02"
        await pilot.pause()
        assert screen.period == Period("2025-11", "2026-02")
        assert screen.query_one("#report-year", Select).value is Select.NULL
        assert [r[0] for r in table_rows(screen)] == ["2026-02", "2025-11"]
        assert screen.report_json["totals"]["sessions"] == 2

        screen.query_one("#report-to", Input).value = "2026-1x"
        await pilot.pause()
        message = screen.query_one("#report-message", Static)
        assert message.display and "JJJJ-MM" in text_of(message)
        assert screen.period == Period("2025-11", "2026-02")  # the last good period stays


async def test_enter_opens_the_session_summary(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_report(app, pilot, tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert detail.record.month == "2026-05"
        await pilot.click("#detail-md")
        text = await wait_for_file(pilot, tmp_path / "integer-spel-2026-05-team.md")
        assert "Kaartjes na de aanbesteding" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReportScreen)


async def test_without_a_store_the_reason_is_shown(tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(None, "De map met sessies is alleen-lezen."))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        assert "alleen-lezen" in text_of(screen.query_one("#report-store-error", Static))
        assert not screen.query("#session-table")
        await pilot.press("ctrl+g", "f5", "ctrl+s", "ctrl+o")  # nothing to do, nothing breaks
        await pilot.pause()
        assert app.screen is screen
        shown = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
        assert "next_tab" not in shown and "back" in shown


# ------------------------------------------------------------------------ exports


async def test_every_report_format_is_delivered_as_the_cli_writes_it(
    store: Store, tmp_path: Path
) -> None:
    cli_dir = tmp_path / "cli"
    cli_dir.mkdir()
    for fmt in ("md", "html", "csv", "json"):
        assert (
            main(
                [
                    "--decks",
                    str(FIXTURE_DECKS),
                    "report",
                    "--year",
                    "2026",
                    "--format",
                    fmt,
                    "-o",
                    str(cli_dir / f"rapport.{fmt}"),
                ]
            )
            == 0
        )
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.show_tab("tab-export")
        await pilot.pause()
        for fmt in ("md", "html", "csv", "json"):
            await pilot.click(f"#export-{fmt}")
            await wait_for_file(pilot, tmp_path / f"wio-rapport-2026.{fmt}")
            delivered = (tmp_path / f"wio-rapport-2026.{fmt}").read_bytes()
            assert (tmp_path / f"wio-rapport-2026.{fmt}").stat().st_mode & 0o077 == 0
            cli_bytes = (cli_dir / f"rapport.{fmt}").read_bytes()
            if fmt == "csv":
                assert delivered == cli_bytes, fmt
            else:
                # The CLI's Markdown, HTML and JSON carry the council parts (organisation, date,
                # previous period) that the screen does not pass yet; the figures are the same.
                assert b"Kaartjes na de aanbesteding" in delivered, fmt
                assert b"Kaartjes na de aanbesteding" in cli_bytes, fmt
        assert screen.report is not None
        assert "Kaartjes na de aanbesteding" in render_markdown(screen.report)
        assert "<svg" in render_html(screen.report)


async def test_save_as_writes_the_chosen_format(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    target = tmp_path / "jaarverslag.csv"
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PathDialog)
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()  # written by a thread
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert screen.report is not None
        with target.open(encoding="utf-8", newline="") as written:
            assert written.read() == "\ufeff" + render_csv(screen.report)
        assert target.stat().st_mode & 0o077 == 0  # readable by the user alone


async def test_save_as_refuses_an_unknown_extension(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    target = tmp_path / "jaarverslag.docx"
    async with app.run_test(size=(120, 36)) as pilot:
        await open_report(app, pilot, tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert not target.exists()
        assert any(".md, .html, .xlsx, .csv of .json" in n.message for n in app._notifications)


# ------------------------------------------------------------------------ bundles


def other_laptop_bundle(folder: Path) -> Path:
    """A bundle with two sessions recorded on another laptop."""
    from sessions.bundle import bundle_text, export_bundle

    other = Store.open(folder)
    try:
        other.import_records(
            [
                SessionRecord(
                    id="10000000-0000-4000-8000-000000000001",
                    kind="team",
                    month="2026-06",
                    team="Sociaal domein",
                    participants=12,
                    deck_id="testdeck",
                    deck_version="2026.1",
                    rounds=(Round("borrel", "geschenken", "hands", {"A": 4, "B": 8}),),
                    completed=True,
                ),
                fixture_records()[0],
            ]
        )
        path = folder / "bundel.json"
        path.write_text(bundle_text(export_bundle(other)), encoding="utf-8")
    finally:
        other.close()
    return path


async def test_bundle_import_counts_added_and_skipped(store: Store, tmp_path: Path) -> None:
    bundle = other_laptop_bundle(tmp_path / "other")
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        await import_via_dialog(app, pilot, bundle)
        result = text_of(screen.query_one("#bundle-result", Static))
        assert "1 sessie toegevoegd, 1 overgeslagen" in result
        assert screen.report_json["totals"]["sessions"] == 4
        assert "Sociaal domein" in [r[1] for r in table_rows(screen)]
        await import_via_dialog(app, pilot, bundle)
        assert "0 sessies toegevoegd, 2 overgeslagen" in text_of(
            screen.query_one("#bundle-result", Static)
        )


async def test_a_broken_bundle_adds_nothing_and_says_why(store: Store, tmp_path: Path) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text(
        '{"format": "integer-spel-bundle", "version": 99, "sessions": []}', encoding="utf-8"
    )
    before = len(store.list_sessions(kind=None))
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        await import_via_dialog(app, pilot, broken)
        result = screen.query_one("#bundle-result", Static)
        assert result.has_class("-error")
        assert text_of(result).startswith("Niets geïmporteerd uit kapot.json.")
    assert len(store.list_sessions(kind=None)) == before


async def test_a_missing_bundle_file_is_refused_in_the_dialog(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_report(app, pilot, tmp_path)
        await import_via_dialog(app, pilot, tmp_path / "bestaat-niet.json")
        dialog = app.screen
        assert isinstance(dialog, PathDialog)  # still open, with the reason
        assert "bestaat niet" in text_of(dialog.query_one("#path-message", Static))


async def test_bundle_export_holds_every_team_session(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        panel = screen.query_one(ExportPanel)
        assert panel.export_bundle()
        name = panel.bundle_filename()
        doc = json.loads(await wait_for_file(pilot, tmp_path / name))
    assert doc["format"] == "integer-spel-bundle"
    assert sorted(s["month"] for s in doc["sessions"]) == [
        "2025-11",
        "2026-02",
        "2026-03",
        "2026-05",
    ]


async def test_a_store_that_fails_to_read_says_so(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sessions.store import StoreError

    def broken(*_args: object, **_kwargs: object) -> list[SessionRecord]:
        raise StoreError("De schijf is niet bereikbaar.")

    monkeypatch.setattr(store, "reading", broken)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        message = screen.query_one("#report-message", Static)
        assert message.display
        assert "De schijf is niet bereikbaar." in text_of(message)
        assert screen.report_json["totals"]["sessions"] == 0


async def test_a_long_session_list_is_cut_and_says_so(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.screens import report as report_module

    monkeypatch.setattr(report_module, "MAX_ROWS", 2)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        assert [r[0] for r in table_rows(screen)] == ["2026-05", "2026-03"]
        count = text_of(screen.query_one("#session-count", Static))
        assert count.startswith("3 teamsessies · de nieuwste 2 staan hier")
        assert screen.report_json["totals"]["sessions"] == 3  # the figures count them all


async def test_bundle_export_can_start_at_the_from_month(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.query_one("#report-from", Input).value = "2026-03"
        screen.query_one("#bundle-since", Checkbox).value = True
        await pilot.pause()
        panel = screen.query_one(ExportPanel)
        assert panel.export_bundle()
        name = panel.bundle_filename()
        assert name == "integer-spel-bundel-vanaf-2026-03.json"
        doc = json.loads(await wait_for_file(pilot, tmp_path / name))
    assert sorted(s["month"] for s in doc["sessions"]) == ["2026-03", "2026-05"]


async def test_usable_at_80_by_24(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        assert app.screen is screen  # no "terminal te klein" notice over it
        table = screen.query_one("#session-table", DataTable)
        assert table.region.height >= 10 and table.region.width == 80
        screen.show_tab("tab-export")
        await pilot.pause()
        for button_id in ("#export-md", "#export-json", "#export-save"):
            button = screen.query_one(button_id, Button)
            assert button.region.right <= 80, button_id


async def test_the_bundle_panel_says_a_bundle_holds_every_teams_exact_tallies(
    store: Store, tmp_path: Path
) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        note = text_of(screen.query_one("#bundle-note", Static))
        assert "zonder namen" in note
        assert "precieze stemmen van elk team" in note and "klein team" in note


async def test_a_team_filter_shows_no_pulse_of_that_team(store: Store, tmp_path: Path) -> None:
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        before = screen.report_json
        screen.query_one("#report-team", Input).value = "Publiekszaken"
        await pilot.pause()
        await app.workers.wait_for_complete()
        # The filter narrows the session list only; the pulse stays the organisation's,
        # and a quarter of fewer than 3 teams shows no distribution.
        assert screen.report_json == before
        assert screen.report_json["pulse"]
        for question in screen.report_json["pulse"]:
            assert all(q["counts"] is None for q in question["quarters"].values())


async def test_the_screen_ranks_only_what_the_printed_report_ranks(
    store: Store, tmp_path: Path
) -> None:
    """A number before a dilemma on the Cijfers tab is its rank among the most dividing, as in
    the printed report's top five (enough answers over enough rounds); a dilemma played once,
    or with too few answers, is listed after them without a number."""
    from sessions.report_council import rankable

    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.show_tab("tab-figures")
        await pilot.pause()
        report = screen.report
        assert report is not None
        ranked = rankable(report)
        assert len(ranked) < len(report.dilemmas)  # the fixture has both kinds
        titles = [text_of(title).split("\n")[0] for title in
                  screen.query(".figures--dilemma .figures--title").results(Static)]
        numbered = [t for t in titles if t[:1].isdigit()]
        assert numbered == [f"{n}. {f.title}" for n, f in enumerate(ranked, 1)]
        assert len(titles) == len(report.dilemmas)
        unranked = screen.query_one("#figures-unranked", Static)
        assert "te weinig antwoorden om te rangschikken (minstens twee rondes en 10 antwoorden" \
            " nodig)" in " ".join(text_of(unranked).split())
