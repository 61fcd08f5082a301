"""The one place that knows where data and config live (platformdirs, or an override)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "integer-spel"
DATA_DIR_ENV = "INTEGER_SPEL_DATA_DIR"
CONFIG_DIR_ENV = "INTEGER_SPEL_CONFIG_DIR"

_data_override: Path | None = None
_config_override: Path | None = None


def set_data_dir(path: Path | None) -> None:
    """Override the data folder for this process (the CLI's --data-dir)."""
    global _data_override
    _data_override = path


def set_config_dir(path: Path | None) -> None:
    """Override the config folder for this process."""
    global _config_override
    _config_override = path


def data_dir(create: bool = True) -> Path:
    """The user data folder: --data-dir, else $INTEGER_SPEL_DATA_DIR, else platformdirs."""
    if _data_override is not None:
        path = _data_override
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        path = user_data_path(appname=APP_NAME, appauthor=False)
    if create:
        _make_private_dir(path)
    return path


def config_dir(create: bool = False) -> Path:
    """The user config folder: override, else $INTEGER_SPEL_CONFIG_DIR, else platformdirs.

    When only the data folder is overridden (tests, a portable stick), the config lives in
    ``<data>/config`` so that nothing of the user's real folders is touched.
    """
    if _config_override is not None:
        path = _config_override
    elif os.environ.get(CONFIG_DIR_ENV):
        path = Path(os.environ[CONFIG_DIR_ENV])
    elif _data_override is not None or os.environ.get(DATA_DIR_ENV):
        path = data_dir(create=False) / "config"
    else:
        path = user_config_path(appname=APP_NAME, appauthor=False)
    if create:
        _make_private_dir(path)
    return path


def config_file() -> Path:
    """The config file path (it need not exist)."""
    return config_dir() / "config.yaml"


def user_decks_dir() -> Path:
    """The `decks` folder inside the data folder (it need not exist)."""
    return data_dir(create=False) / "decks"


def _make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
