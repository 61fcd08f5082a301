"""The store's errors, each with one plain Dutch message for the user."""

from __future__ import annotations

import errno
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sessions import os_errors


class StoreError(Exception):
    """The store cannot be used (unwritable folder, disk full, newer schema, ...).

    ``str(error)`` is a Dutch message for the user.
    """


class StoreCorruptError(StoreError):
    """The database file is damaged. The app offers to set it aside and start a new one."""


class LeaseLostError(StoreError):
    """Another instance took this session over: this instance's write is refused, not merged."""


class SessionGoneError(StoreError):
    """The session is no longer in the store (deleted elsewhere)."""


LEASE_LOST = (
    "Deze sessie wordt nu in een ander venster of op een andere plek gespeeld. Wat je hier "
    "verandert, wordt niet meer bewaard; daar gaat de sessie verder."
)
OPEN_ELSEWHERE = (
    "Deze sessie is net in een ander venster of op een andere plek geopend. Daar gaat ze "
    "verder; hier wordt niets van bewaard."
)


def error_for(exc: BaseException, path: Path) -> StoreError:
    """Turn an sqlite3 or OS error into a StoreError with a plain Dutch message (one per kind
    of failure, never SQLite's or the OS's English text)."""
    text = str(exc).lower()
    if isinstance(exc, OSError):
        if exc.errno in (errno.ELOOP, errno.ENAMETOOLONG, errno.EISDIR):
            return StoreError(f"Het bestand met sessies is niet te gebruiken: {path}: "
                              f"{os_errors.reason(exc)}.")
        # Any other OS error here comes from making the folder or file: not writable.
        text = "database or disk is full" if exc.errno in (errno.ENOSPC, getattr(
            errno, "EDQUOT", errno.ENOSPC)) else "readonly"
    if "full" in text:
        return StoreError(f"De schijf is vol: {path}. Maak ruimte vrij en probeer het opnieuw.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorruptError(
            f"Het bestand met sessies is beschadigd: {path}. Je kunt het apart zetten en met "
            "een nieuw, leeg bestand verder. Het oude bestand blijft dan bewaard."
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            f"Het bestand met sessies is bezet door een ander programma: {path}. "
            "Wacht even en probeer het opnieuw."
        )
    if any(w in text for w in ("unable to open", "readonly", "read-only", "disk i/o", "permission")):
        return StoreError(
            f"Je gegevensmap is niet beschrijfbaar: {path.parent}. Kies een andere map met "
            "--data-dir (of INTEGER_SPEL_DATA_DIR), of vraag om schrijfrechten."
        )
    if "constraint" in text:
        return StoreError(
            f"Het bestand met sessies klopt op een plek niet meer: {path}. Er is niets "
            "veranderd. Zet het bestand apart als dit blijft gebeuren."
        )
    return StoreError(f"Het bestand met sessies is niet te gebruiken: {path}.")


def check_path(path: Path) -> None:
    """Raise StoreError when the store's path can never be a database file: a symlink loop,
    a directory, a name too long. Said the same way by every command and screen."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise error_for(exc, path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise error_for(IsADirectoryError(errno.EISDIR, "", str(path)), path)


@contextmanager
def translated(path: Path) -> Iterator[None]:
    try:
        yield
    except StoreError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise error_for(exc, path) from exc
