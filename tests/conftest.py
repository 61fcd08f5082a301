"""Shared fixtures: every test gets its own data and config folders, never the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dilemmas import paths


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
