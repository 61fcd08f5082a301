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
_config_file_override: Path | None = None
CONFIG_NAME = "config.yaml"


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
    path = data_source()[0]
    if create:
        _make_private_dir(path)
    return path


def data_source() -> tuple[Path, str]:
    """The data folder (it need not exist) and, in Dutch, why that one."""
    if _data_override is not None:
        return _data_override, "gekozen met --data-dir"
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]), f"{DATA_DIR_ENV} is gezet"
    return user_data_path(appname=APP_NAME, appauthor=False), "de standaardmap voor gegevens"


def set_config_file(path: Path | None) -> None:
    """Use this config file for this process (the CLI's --config)."""
    global _config_file_override
    _config_file_override = path


def config_dir(create: bool = False) -> Path:
    """The folder of the config file that `config_source` chooses."""
    path = config_source()[0].parent
    if create:
        _make_private_dir(path)
    return path


def config_file() -> Path:
    """The config file path (it need not exist); see `config_source` for the rule."""
    return config_source()[0]


def config_source() -> tuple[Path, str]:
    """The config file to read and, in Dutch, why that one. One rule (README, Instellingen):

    1. ``--config BESTAND`` (or `set_config_file`);
    2. else ``$INTEGER_SPEL_CONFIG_DIR/config.yaml`` (or `set_config_dir`);
    3. else ``<gegevensmap>/config.yaml`` when the data folder is chosen (``--data-dir`` or
       ``$INTEGER_SPEL_DATA_DIR``) *and* that file exists: a portable folder takes its
       settings along;
    4. else ``config.yaml`` in the user's config folder (platformdirs; on Linux
       ``$XDG_CONFIG_HOME/integer-spel``, by default ``~/.config/integer-spel``).
    """
    if _config_file_override is not None:
        return _config_file_override, "gekozen met --config"
    if _config_override is not None:
        return _config_override / CONFIG_NAME, "de configuratiemap is voor dit programma gekozen"
    if os.environ.get(CONFIG_DIR_ENV):
        return Path(os.environ[CONFIG_DIR_ENV]) / CONFIG_NAME, f"{CONFIG_DIR_ENV} is gezet"
    if _data_override is not None or os.environ.get(DATA_DIR_ENV):
        portable = data_dir(create=False) / CONFIG_NAME
        how = "--data-dir" if _data_override is not None else DATA_DIR_ENV
        if portable.is_file():
            return portable, f"de gegevensmap is gekozen ({how}) en daar staat een config.yaml"
        return (user_config_path(appname=APP_NAME, appauthor=False) / CONFIG_NAME,
                f"de standaardmap voor instellingen (in de gekozen gegevensmap, {how}, "
                "staat geen config.yaml)")
    return user_config_path(appname=APP_NAME, appauthor=False) / CONFIG_NAME, \
        "de standaardmap voor instellingen"


def user_decks_dir() -> Path:
    """The `decks` folder inside the data folder (it need not exist)."""
    return data_dir(create=False) / "decks"


def _make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
