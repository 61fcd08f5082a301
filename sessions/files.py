"""The one way the app writes a file for the user: atomic, private (0600), failures in Dutch.

Also the one Dutch sentence for each kind of OS failure (`os_error_text`), for every place
that reads or writes a file, the database included.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

NAME_MAX = 255
"""The longest file name (in bytes) the common file systems accept."""
TMP_MAX_AGE = 60.0
"""A temporary file of the writer older than this (seconds) was left by a writer that died:
a write takes milliseconds, so an older one is no other writer's work in progress."""
_TMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


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
    while _lexists(path) and number < 1000:
        path = folder / f"{stem} ({number}){suffix}"
        number += 1
    return path


def _shown(path: Path) -> str:
    """The path as a message shows it: a very long one shortened in the middle."""
    text = str(path)
    return text if len(text) <= 120 else f"{text[:60]}…{text[-50:]}"


def os_error_text(exc: OSError | int | None, path: Path | str) -> str:
    """The one plain Dutch sentence for an OS failure on `path` (no OS error text).

    The same kind of failure reads the same everywhere: exports, bundles, decks, the database.

    Args:
        exc: the OSError (or its errno).
        path: the file or folder that failed.
    """
    code = exc if isinstance(exc, int) or exc is None else exc.errno
    where = _shown(Path(path))
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"De schijf is vol: {where} kon niet worden bewaard. Maak ruimte of kies een andere plek."
    if code == errno.EROFS:
        return f"{where} staat op een schijf waarop je alleen kunt lezen. Kies een andere plek."
    if code in (errno.EACCES, errno.EPERM):
        return f"Je hebt geen toestemming voor {where}. Kies een andere plek."
    if code == errno.ENOENT:
        return f"{where} bestaat niet (of de map erboven niet). Kies een andere plek."
    if code == errno.ENOTDIR:
        return f"Een deel van {where} is een bestand, geen map. Kies een andere plek."
    if code == errno.EISDIR:
        return f"{where} is een map, geen bestand. Typ er een bestandsnaam achter."
    if code == errno.ENAMETOOLONG:
        return f"De naam van {where} is te lang. Kies een kortere naam."
    if code == errno.ELOOP:
        return (f"{where} is een snelkoppeling (symlink) die in een kring naar zichzelf wijst. "
                "Kies een andere plek.")
    if code in (errno.ENXIO, errno.ENODEV, errno.ESPIPE):
        return special_file_text(path)
    if code == errno.EINVAL:
        return (f"De naam van {where} kan op deze schijf niet (een teken dat hier niet mag). "
                "Kies een andere naam.")
    if code in (errno.EBUSY, errno.ETXTBSY):
        return f"{where} is in gebruik door een ander programma. Probeer het zo nog eens."
    if code in (errno.EMFILE, errno.ENFILE):
        return (f"Er staan te veel bestanden tegelijk open; {where} lukte daarom niet. "
                "Sluit een ander programma en probeer het opnieuw.")
    if code == errno.EFBIG:
        return f"{where} wordt te groot voor deze schijf. Kies een andere plek."
    if code == errno.EEXIST:
        return f"{where} bestaat al. Kies een andere naam."
    if code == errno.EIO:
        return f"De schijf gaf een fout bij {where}. Controleer de schijf of kies een andere plek."
    return f"Er ging iets mis met {where}. Kies een andere plek."


def special_file_text(path: Path | str) -> str:
    """The Dutch sentence for a path that is a device, a FIFO or a socket, not a file."""
    return (f"{_shown(Path(path))} is geen gewoon bestand (maar een apparaat, pijp of socket). "
            "Kies een gewoon bestand.")


def _lexists(path: Path) -> bool:
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def _name_too_long(path: Path) -> bool:
    return any(len(os.fsencode(part)) > NAME_MAX for part in path.parts)


def _target_problem(path: Path) -> str | None:
    """Why an existing `path` may not be written over; None when it is a regular file or absent."""
    try:
        info = os.stat(path)  # through a symlink: what would be replaced
    except FileNotFoundError:
        return None  # a new path (or a symlink to one)
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return None  # said by the folder check
        return os_error_text(exc, path)
    if stat.S_ISDIR(info.st_mode):
        return f"{_shown(path)} is een map. Typ er een bestandsnaam achter."
    if not stat.S_ISREG(info.st_mode):
        return special_file_text(path)
    return None


def write_problem(path: Path) -> str | None:
    """Why a file can't be written at `path`, in Dutch, or None when it looks possible.

    Only a regular file (or a new path) is written: a device, FIFO, socket or folder is
    refused, and so are a symlink loop and a name too long for the file system.
    """
    if _name_too_long(path):
        return os_error_text(errno.ENAMETOOLONG, path)
    problem = _target_problem(path)
    if problem is not None:
        return problem
    parent = path.parent
    # Walk up to the first part that exists: a missing folder and a file in the way read
    # differently, and both are things the user can fix.
    existing = parent
    try:
        while not _lexists(existing) and existing != existing.parent:
            existing = existing.parent
        if not os.path.isdir(existing):
            try:
                os.stat(existing)
            except OSError as exc:
                return os_error_text(exc, existing)
            return f"{_shown(existing)} is een bestand, geen map. Kies een andere map."
        if existing != parent:
            return f"De map {_shown(parent)} bestaat niet. Maak hem eerst, of kies een andere map."
        if _lexists(path) and not os.access(path, os.W_OK):
            return f"Je mag {_shown(path)} niet overschrijven. Kies een andere naam."
        if not os.access(parent, os.W_OK | os.X_OK):
            return f"Je mag niet schrijven in de map {_shown(parent)}. Kies een andere map."
    except OSError as exc:
        return os_error_text(exc, path)
    return None


def clean_leftovers(folder: Path, *, now: float | None = None) -> int:
    """Remove this writer's temporary files that a killed write left in `folder`.

    Only files named as `write_private` names them (`.NAME.xxxxxxxx.tmp`), regular, owned by
    this user and older than TMP_MAX_AGE seconds (so another instance's write in progress is
    left alone). Failures are ignored: this is tidying, not the write.

    Returns:
        How many were removed.
    """
    removed = 0
    limit = (time.time() if now is None else now) - TMP_MAX_AGE
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    # Windows has no user ids: there every leftover of the pattern is ours to clean.
    getuid = getattr(os, "getuid", None)
    uid = getuid() if getuid is not None else None
    for entry in entries:
        if not _TMP_NAME.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime > limit:
                continue
            if uid is not None and info.st_uid != uid:
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


def write_private(path: Path, data: str | bytes, *, bom: bool = False) -> Path:
    """Write `data` to `path`, readable by the user alone, appearing whole or not at all.

    A symlink at `path` is written through (its target is replaced), so a link the user made
    keeps working. Only a regular file or a new path is written: a device, FIFO or folder is
    never replaced. `bom` puts a UTF-8 byte-order mark before text (for spreadsheet programs).
    Leftover temporary files of a write that was killed are removed from the folder first.

    Returns:
        The path written.

    Raises:
        WriteError: with a Dutch message naming the place.
    """
    target = path.expanduser()
    problem = write_problem(target)
    if problem is not None:
        raise WriteError(problem, target)
    if os.path.islink(target):
        target = Path(os.path.realpath(target))
        problem = write_problem(target)
        if problem is not None:
            raise WriteError(problem, target)
    payload = data if isinstance(data, bytes) else data.encode("utf-8-sig" if bom else "utf-8")
    folder = target.parent if str(target.parent) else Path(".")
    clean_leftovers(folder)
    tmp = ""
    try:
        # A name near the limit leaves no room for the temporary file's extra letters.
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=folder)
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # Checked again just before the rename: whatever appeared at the target meanwhile,
        # a special file is never replaced.
        problem = _target_problem(target)
        if problem is not None:
            raise WriteError(problem, target)
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        raise WriteError(os_error_text(exc, target), target) from exc
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target
