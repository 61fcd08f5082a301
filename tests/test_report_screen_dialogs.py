"""PathDialog: paths that can't be read or written are refused in Dutch; good ones come back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Static

from game.dialogs.path_dialog import (
    PathDialog,
    path_problem,
    read_problem,
    resolve_path,
    save_text,
)
from sessions.files import write_problem


class Host(App[None]):
    """A bare app that opens one PathDialog and keeps what it returns."""

    def __init__(self, dialog: PathDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Path | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def submit(host: Host, text: str) -> str:
    """Type `text` into the dialog, press Enter, return the message it shows."""
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        host.dialog.query_one(Input).value = text
        await pilot.press("enter")
        await pilot.pause()
        if host.results:
            return ""
        return str(host.dialog.query_one("#path-message", Static).render())


# ------------------------------------------------------------------------ the checks


def test_a_missing_file_cannot_be_read(tmp_path: Path) -> None:
    assert (
        read_problem(tmp_path / "weg.json") == f"Het bestand {tmp_path / 'weg.json'} bestaat niet."
    )
    assert "De map" in (read_problem(tmp_path / "geen-map" / "weg.json") or "")


def test_a_folder_is_not_a_file_unless_allowed(tmp_path: Path) -> None:
    assert "is een map" in (read_problem(tmp_path) or "")
    assert read_problem(tmp_path, allow_dir=True) is None


def test_write_problems_name_what_is_wrong(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand.txt"
    blocker.write_text("x")
    assert "is een bestand, geen map" in (write_problem(blocker / "rapport.md") or "")
    assert "bestaat niet" in (write_problem(tmp_path / "nieuw" / "rapport.md") or "")
    assert "is een map" in (write_problem(tmp_path) or "")
    assert write_problem(tmp_path / "rapport.md") is None


def test_an_unwritable_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anywhere, so the permission check itself is stood in for.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    assert write_problem(tmp_path / "rapport.md") == (
        f"Je mag niet schrijven in de map {tmp_path}. Kies een andere map."
    )


def test_resolve_path_expands_home_and_relative(tmp_path: Path) -> None:
    assert resolve_path("~/x.md") == Path.home() / "x.md"
    assert resolve_path("x.md", base=tmp_path) == tmp_path / "x.md"


def test_save_text_is_private_and_reports_failures(tmp_path: Path) -> None:
    target = tmp_path / "rapport.md"
    assert save_text(target, "inhoud") is None
    assert target.read_text(encoding="utf-8") == "inhoud"
    assert target.stat().st_mode & 0o077 == 0
    assert "bestaat niet" in (save_text(tmp_path / "weg" / "rapport.md", "x") or "")


def test_path_problem_switches_on_must_exist(tmp_path: Path) -> None:
    assert path_problem(tmp_path / "nieuw.md", must_exist=False) is None
    assert path_problem(tmp_path / "nieuw.md", must_exist=True) is not None


# ------------------------------------------------------------------------ the dialog


async def test_dialog_refuses_a_missing_file_and_stays_open(tmp_path: Path) -> None:
    host = Host(PathDialog("Welke bundel?", "", must_exist=True))
    message = await submit(host, str(tmp_path / "weg.json"))
    assert host.results == []
    assert "bestaat niet" in message


async def test_dialog_refuses_an_unwritable_path(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand.txt"
    blocker.write_text("x")
    host = Host(PathDialog("Opslaan als", "", must_exist=False))
    message = await submit(host, str(blocker / "rapport.md"))
    assert host.results == []
    assert "geen map" in message


async def test_dialog_asks_for_a_path_when_empty() -> None:
    host = Host(PathDialog("Opslaan als", "", must_exist=False))
    assert await submit(host, "   ") == "Typ eerst een pad."
    assert host.results == []


async def test_dialog_returns_a_good_path(tmp_path: Path) -> None:
    host = Host(PathDialog("Opslaan als", "", must_exist=False))
    await submit(host, str(tmp_path / "rapport.md"))
    assert host.results == [tmp_path / "rapport.md"]


async def test_dialog_asks_twice_before_replacing_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "rapport.md"
    existing.write_text("oud")
    host = Host(PathDialog("Opslaan als", existing, must_exist=False))
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []
        assert "bestaat al" in str(host.dialog.query_one("#path-message", Static).render())
        await pilot.press("enter")
        await pilot.pause()
    assert host.results == [existing]
    assert existing.read_text() == "oud"  # the dialog only chooses; it never writes


async def test_escape_cancels() -> None:
    host = Host(PathDialog("Opslaan als", "x.md", must_exist=False))
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert host.results == [None]
