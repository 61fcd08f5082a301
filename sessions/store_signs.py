"""Which instance still has its store open: a locked file per open store in ``open/``.

A session row names its holder by a random token; the holder is alive while the file
``<data dir>/open/<token>.lock`` is locked. The OS lets go of the lock however the process
ends, so a crash leaves a file nobody locks, and the session free for a resume.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import suppress
from pathlib import Path

OPEN_FOLDER = "open"
"""The folder in the data folder where each open store keeps its sign of life."""

_TOKEN_RE = re.compile(r"[0-9a-f]{32}", re.ASCII)
_SQLITE_BUSY = 5


def sign_path(folder: Path, token: str) -> Path:
    return folder / OPEN_FOLDER / f"{token}.lock"


def is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11 and later
    return code == _SQLITE_BUSY if code is not None else "locked" in str(exc).lower()


def hold_sign(folder: Path, token: str) -> sqlite3.Connection | None:
    """Lock the file ``<folder>/open/<token>.lock`` for as long as the store is open.

    An empty SQLite file whose exclusive lock this connection keeps: SQLite locks files the
    same way on Linux, macOS and Windows, and the OS lets go of the lock when the process
    ends in any way (kill -9 included). The file's name is the random token alone; it holds
    nothing. None when the folder takes no file (the store works, its sessions look free).
    """
    path = sign_path(folder, token)
    for _attempt in range(3):
        conn: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(mode=0o700, exist_ok=True)
            tighten_folder(path.parent)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            # mode=rw: when a sweep removed the new file already, make no other in its place.
            conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=0,
                                   isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("BEGIN EXCLUSIVE")
            if path.exists():  # not removed before the lock was taken: it stands for us
                return conn
        except (OSError, sqlite3.Error):
            pass
        if conn is not None:
            conn.close()
        with suppress(OSError):
            path.unlink()
    return None


def release_sign(folder: Path, token: str, conn: sqlite3.Connection | None) -> None:
    if conn is None:
        return
    with suppress(OSError):
        sign_path(folder, token).unlink()  # while locked: nobody takes the name meanwhile
    with suppress(sqlite3.Error):
        conn.close()
    with suppress(OSError):  # Windows removes no open file: again, now that it is closed
        sign_path(folder, token).unlink()


def alive(folder: Path, holder: object) -> bool:
    """Whether the instance whose token is ``holder`` still has its store open (its file
    is locked). A missing or unlocked file is stale: it is removed, and False returned.

    Tried without waiting, with a shared lock: two instances that look at once do not take
    each other for the living holder.
    """
    if not isinstance(holder, str) or not _TOKEN_RE.fullmatch(holder):
        return False
    path = sign_path(folder, holder)
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0,
                               isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        if is_busy(exc):
            conn.close()
            return True
    # Removed while this connection holds its shared lock, so that a store only now taking
    # its own new file (see hold_sign) finds it gone and makes another.
    with suppress(OSError):
        path.unlink()
    conn.close()
    with suppress(OSError):
        path.unlink()
    return False


def sweep_signs(folder: Path) -> None:
    """Remove the files of instances that ended without closing their store (a crash)."""
    with suppress(OSError):
        for path in (folder / OPEN_FOLDER).glob("*.lock"):
            alive(folder, path.name.removesuffix(".lock"))



def tighten_folder(folder: Path) -> None:
    """Make an existing data folder of the user's private (0700), as a new one is made."""
    with suppress(OSError):
        info = folder.stat()
        own_uid = getattr(os, "getuid", None)  # POSIX only; Windows has no such modes
        if own_uid is not None and info.st_mode & 0o077 and info.st_uid == own_uid():
            os.chmod(folder, info.st_mode & 0o700 | 0o700)

