"""Keys that arrive in one burst (tmux send-keys "1" Tab "5", a fast typist) go where the
facilitator meant: the hands dialog moves its focus before the next key is handled."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.secret_vote import SecretVoteScreen
from game.widgets.timer import RoundTimer
from tests.factories import SIZE, fill_setup, make_ctx


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


def burst(app: IntegerSpelApp, *keys: str) -> None:
    """Queue the keys as the terminal driver does when they arrive together: no pause, no
    waiting for one to be handled before the next is read."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        char = {"tab": "\t", "shift+tab": None, "enter": "\r"}.get(key, key)
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_hand_counts_typed_in_one_burst_land_in_their_fields(
    isolated_dirs: Path, size: tuple[int, int]
) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=size) as pilot:
        await fill_setup(pilot, participants="9", pulse="none")
        await pilot.press("h")
        await pilot.pause()
        burst(app, "1", "tab", "5", "tab", "2", "shift+tab", "backspace", "3")
        await pilot.pause()
        await pilot.pause()
        fields = {f.id: f.value for f in app.screen.query(Input)}
        assert fields == {"hands-A": "1", "hands-B": "3", "hands-C": "2"}
        burst(app, "enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert dict(record.rounds[0].counts or {}) == {"A": 1, "B": 3, "C": 2}


async def test_a_burst_on_the_setup_screen_lands_in_the_fields_meant(isolated_dirs: Path) -> None:
    """Seen in tmux: "Tab Tab 9" from the deck field put the 9 elsewhere; the session then
    refused to begin ("Vul het aantal deelnemers in")."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.focused is not None and app.screen.focused.id == "setup-deck"
        burst(app, "tab", *"Burgerzaken", "tab", "9")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#setup-team", Input).value == "Burgerzaken"
        assert app.screen.query_one("#setup-participants", Input).value == "9"


async def test_an_own_case_typed_in_one_burst_lands_in_its_fields(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, participants="9", pulse="none")
        await pilot.press("o")
        await pilot.pause()
        burst(app, *"Taart", "enter", *"Situatie", "tab", *"Wat doe je?", "enter", "J", "tab", "N")
        await pilot.pause()
        await pilot.pause()
        fields = {f.id: f.value for f in app.screen.query(Input)}
        assert fields["own-title-input"] == "Taart" and fields["own-question"] == "Wat doe je?"
        assert fields["own-option-0"] == "J" and fields["own-option-1"] == "N"
        assert app.screen.query_one("#own-situation", TextArea).text == "Situatie"
