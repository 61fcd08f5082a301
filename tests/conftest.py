"""Shared fixtures: every test gets its own data and config folders, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from dilemmas import paths

# In CI the property tests draw the same examples on every run (a failure there is one that
# can be run again); on a developer's laptop they explore new ones each time.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the data and config folders at a temporary folder for each test."""
    data = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(tmp_path / "config"))
    paths.set_data_dir(None)
    paths.set_config_dir(None)
    paths.set_config_file(None)
    yield data
    paths.set_data_dir(None)
    paths.set_config_dir(None)
    paths.set_config_file(None)


@pytest.fixture(autouse=True)
def started_apps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests drive the app once its start-up is complete (decks found, store open, notices and
    offers shown), as a person does who starts the app and then presses a key. The app
    itself does that work in a thread just after its first frame."""
    from contextlib import asynccontextmanager
    from typing import Any

    from game.app import IntegerSpelApp

    original = IntegerSpelApp.run_test

    @asynccontextmanager
    async def run_test(self: IntegerSpelApp, *args: Any, **kwargs: Any) -> Any:
        import asyncio

        async with original(self, *args, **kwargs) as pilot:
            await asyncio.wait_for(self.wait_until_started(), timeout=30)
            await pilot.pause()
            yield pilot

    monkeypatch.setattr(IntegerSpelApp, "run_test", run_test)


@pytest.fixture
def quick_votes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The secret vote's "geef de laptop door" pause takes no time."""
    from game.dialogs.secret_vote import SecretVoteScreen

    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)
