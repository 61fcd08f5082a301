"""Control characters are refused where the facilitator types them (SPEC §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from game import cli
from game.dialogs.note import NoteDialog
from game.screens.setup import SetupScreen
from tests.factories import game_deck_for_pulse, room_app, screen_text

HOSTILE = "T\x1b]0;PWNED\x07\x1b[2J"


def test_play_team_with_control_characters_is_refused(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.app import IntegerSpelApp

    started: list[bool] = []
    monkeypatch.setattr(IntegerSpelApp, "run", lambda self, **kw: started.append(True))
    assert cli.main(["play", "--team", HOSTILE]) == 2
    assert not started
    err = capsys.readouterr().err
    assert "stuurteken" in err and "\x1b" not in err


async def test_setup_refuses_a_team_label_with_control_characters() -> None:
    deck = game_deck_for_pulse()
    app = room_app(deck)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = SetupScreen(deck=deck.id)
        await app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#setup-participants", Input).value = "5"
        screen.query_one("#setup-team", Input).value = HOSTILE
        await pilot.pause()
        screen.action_begin()
        await pilot.pause()
        assert app.screen is screen
        error = screen.query_one("#setup-team-error")
        assert error.display and "stuurteken" in str(error.render())


async def test_the_note_dialog_refuses_control_characters() -> None:
    app = room_app(game_deck_for_pulse())
    answers: list[str | None] = []
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = NoteDialog()
        await app.push_screen(dialog, answers.append)
        dialog.query_one(TextArea).text = "goed gesprek\x1b[2J"
        dialog.action_save()
        await pilot.pause()
        assert app.screen is dialog and answers == []
        dialog.query_one(TextArea).text = "goed gesprek\nmet twee regels"
        dialog.action_save()
        await pilot.pause()
        assert answers == ["goed gesprek\nmet twee regels"]


async def test_the_note_dialogs_refusal_is_read_whole_at_80x24() -> None:
    """The refusal tells what to do ("Typ alleen gewone letters…"): over the dialog it is read
    whole at 80×24, not cut to one line."""
    app = room_app(game_deck_for_pulse())
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = NoteDialog()
        await app.push_screen(dialog)
        dialog.query_one(TextArea).text = "goed gesprek\x07"
        await pilot.pause()
        dialog.action_save()
        await pilot.pause()
        shown = " ".join(screen_text(app).replace("█", " ").split())
        assert "Typ alleen gewone letters, cijfers en leestekens." in shown, shown
        dialog.query_one(TextArea).text = "goed gesprek"
        await pilot.pause()
        assert "stuurteken" not in screen_text(app)  # gone once the text is changed
