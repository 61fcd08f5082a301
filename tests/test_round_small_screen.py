"""At 80×24 the save state stays in view, and toasts keep off the dialogs and the key bars."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._toast import Toast

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.secret_vote import SecretVoteScreen
from game.screens.round import RoundScreen
from game.widgets.timer import RoundTimer
from sessions.store import StoreError
from tests.factories import fill_setup, make_ctx, screen_as, screen_text

COMPACT = (80, 24)
LONG = (
    "Opslaan lukt niet: de database wordt gebruikt door een ander programma. Ik probeer het "
    "steeds opnieuw; tot dat lukt, staat de laatste wijziging alleen in het geheugen."
)


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


def region(widget: Widget) -> Region:
    return widget.region


def toasts(app: IntegerSpelApp) -> list[Region]:
    return [t.region for t in app.screen.query(Toast) if t.region.area]


async def test_the_save_state_shows_at_80_columns(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=COMPACT, notifications=True) as pilot:
        await fill_setup(pilot, pulse="none")
        screen = screen_as(app, RoundScreen)
        assert screen.session.settle()
        await pilot.pause()
        label = screen.query_one("#round-saved")
        assert label.region.area and label.region.right <= COMPACT[0]
        assert "Bewaard ✓" in screen_text(app)

        def failing(*args: object, **kwargs: object) -> None:
            raise StoreError("De schijf is vol.")

        monkeypatch.setattr(ctx.store, "save_round", failing)
        screen._save_round()
        assert screen.session.settle()
        await pilot.pause()
        assert "Nog niet bewaard" in screen_text(app)
        assert label.has_class("-problem")


async def test_toasts_keep_off_the_key_bars_at_80x24(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=COMPACT, notifications=True) as pilot:
        await fill_setup(pilot, pulse="none")
        app.clear_notifications()  # the setup's word on the small deck: not the subject
        app.notify(LONG, title="Opslaan lukt niet", severity="error", timeout=60)
        app.notify("Stemming klaar. Druk op r voor de uitslag.", timeout=60)
        await pilot.pause()
        screen = app.screen
        bars = [screen.query_one(Footer).region, screen.query_one("#round-keys").region]
        bars.append(screen.query_one("#round-status").region)
        shown = toasts(app)
        assert len(shown) == 2
        for toast in shown:
            for bar in bars:
                assert not toast.overlaps(bar), (toast, bar)


@pytest.mark.parametrize("key", ["h", "n", "p", "e"])
async def test_toasts_keep_off_the_dialogs_at_80x24(isolated_dirs: Path, key: str) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=COMPACT, notifications=True) as pilot:
        await fill_setup(pilot, pulse="none")
        app.notify(LONG, title="Opslaan lukt niet", severity="error", timeout=60)
        await pilot.press(key)
        await pilot.pause()
        dialog = app.screen
        box = next(c for c in dialog.children if not c.id or not c.id.startswith("textual-"))
        shown = toasts(app)
        assert shown, "the toast is still told"
        for toast in shown:
            assert not toast.overlaps(box.region), (toast, box.region)


async def test_no_toast_on_the_secret_vote_screen(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=COMPACT, notifications=True) as pilot:
        await fill_setup(pilot, vote="secret", pulse="none")
        app.notify(LONG, title="Opslaan lukt niet", severity="error", timeout=60)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, SecretVoteScreen)
        assert not toasts(app)
        assert "Opslaan lukt niet" not in screen_text(app)


@pytest.mark.parametrize("size", [(120, 36), COMPACT])
async def test_the_keys_line_fits_and_names_the_way_to_end_where_there_is_room(
    isolated_dirs: Path, size: tuple[int, int]
) -> None:
    """At 120 columns the keys line under the card also names `e` (afronden) and F1; at 80 it
    keeps to one line that fits, and the footer's F1 lists the rest."""
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=size) as pilot:
        await fill_setup(pilot, pulse="none")
        line = next(row for row in screen_text(app).splitlines() if "n notitie" in row)
        assert len(line.rstrip()) <= size[0]
        if size[0] >= 120:
            assert "e afronden" in line and "F1 alle toetsen" in line
        else:
            assert "o eigen casus" in line and "f1 Help" in screen_text(app)
