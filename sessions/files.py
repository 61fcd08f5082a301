"""The one way the app writes a file for the user: atomic, private (0600), failures in Dutch."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


class WriteError(Exception):
    """A file could not be written; the message is plain Dutch, without an OS error text."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


def export_folder() -> Path:
    """Where exports go: the Downloads folder when it exists, else the home folder."""
    from platformdirs import user_downloads_path  # only exports need it

    home = Path.home()
    with contextlib.suppress(OSError, RuntimeError, KeyError):
        downloads = user_downloads_path()
        if downloads.is_dir():
            return downloads
    return home


def free_path(folder: Path, filename: str) -> Path:
    """`folder/filename`, or `name (2).ext`, `name (3).ext`… when that file already exists."""
    path = folder / filename
    stem, suffix = path.stem, path.suffix
    number = 2
    while path.exists() and number < 1000:
        path = folder / f"{stem} ({number}){suffix}"
        number += 1
    return path


def write_problem(path: Path) -> str | None:
    """Why a file can't be written at `path`, in Dutch, or None when it looks possible."""
    if path.is_dir():
        return f"{path} is een map. Typ er een bestandsnaam achter."
    parent = path.parent
    # Walk up to the first part that exists: a missing folder and a file in the way read
    # differently, and both are things the user can fix.
    existing = parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is een bestand, geen map. Kies een andere map."
    if existing != parent:
        return f"De map {parent} bestaat niet. Maak hem eerst, of kies een andere map."
    if path.exists() and not os.access(path, os.W_OK):
        return f"Je mag {path} niet overschrijven. Kies een andere naam."
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"Je mag niet schrijven in de map {parent}. Kies een andere map."
    return None


def write_private(path: Path, data: str | bytes, *, bom: bool = False) -> Path:
    """Write `data` to `path`, readable by the user alone, appearing whole or not at all.

    A symlink at `path` is written through (its target is replaced), so a link the user made
    keeps working. `bom` puts a UTF-8 byte-order mark before text (for spreadsheet programs).

    Returns:
        The path written.

    Raises:
        WriteError: with a Dutch message naming the place.
    """
    target = path.expanduser()
    with contextlib.suppress(OSError):
        if target.is_symlink():
            target = target.resolve()
    problem = write_problem(target)
    if problem is not None:
        raise WriteError(problem, target)
    payload = data if isinstance(data, bytes) else data.encode("utf-8-sig" if bom else "utf-8")
    folder = target.parent if str(target.parent) else Path(".")
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        raise WriteError(dutch_os_error(exc, target), target) from exc
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


def dutch_os_error(exc: OSError, path: Path) -> str:
    """A plain Dutch sentence for an OS error while writing `path` (no OS error text)."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"De schijf is vol: {path} kon niet worden geschreven. Maak ruimte of kies een andere plek."
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Je mag niet schrijven op {path}. Kies een andere plek."
    if code == errno.ENOENT:
        return f"De map {path.parent} bestaat niet. Kies een andere plek."
    if code == errno.EISDIR:
        return f"{path} is een map. Typ er een bestandsnaam achter."
    if code == errno.ENAMETOOLONG:
        return f"De naam {path.name} is te lang. Kies een kortere naam."
    return f"{path} kon niet worden geschreven. Kies een andere plek."
