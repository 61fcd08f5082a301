"""SQLite store of anonymous session records: one transaction per change, safe for two processes."""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import sqlite3
import stat
import threading
import uuid
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dilemmas import paths
from sessions import _schema, os_errors
from sessions.model import OwnCase, PulseAnswer, Revote, Round, SessionKind, SessionRecord
from sessions.own import own_from_json, own_to_json, scrubbed_own
from sessions.scrub import scrub, scrub_tree
from sessions.wellformed import PULSE_OK, ROUND_OK, SESSION_OK, add_views

DB_NAME = "sessions.sqlite3"
BUSY_TIMEOUT_MS = 10_000
IMPORT_CACHE_KIB = 64 * 1024
DEFAULT_CACHE_SIZE = -2000  # SQLite's default: 2,000 KiB

_MONTH_RE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])", re.ASCII)
_KINDS = ("team", "practice")
_VOTES = ("hands", "secret", "none")


# Every store opened in this process, so that the app's way out closes them all (see
# close_all and game/shutdown.py).
_OPEN: weakref.WeakSet[Store] = weakref.WeakSet()


def open_stores() -> list[Store]:
    """The stores of this process that are still open."""
    return list(_OPEN)


def close_all(keep: Iterable[Store] = ()) -> None:
    """Close every store this process opened but those in ``keep`` (folding and emptying
    their WAL files)."""
    kept = {id(store) for store in keep}
    for store in list(_OPEN):
        if id(store) not in kept:
            store.close()


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


def _text_from(raw: bytes) -> str:
    """A stored text as a str, also when a damaged cell holds invalid UTF-8."""
    return raw.decode("utf-8", "replace")


def _error_for(exc: BaseException, path: Path) -> StoreError:
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


def _check_path(path: Path) -> None:
    """Raise StoreError when the store's path can never be a database file: a symlink loop,
    a directory, a name too long. Said the same way by every command and screen."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _error_for(exc, path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise _error_for(IsADirectoryError(errno.EISDIR, "", str(path)), path)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Listing 10,000 sessions makes some 300,000 objects; without the pause the collector
    walks the growing heap again and again and the listing takes a third longer.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


CHECKPOINT_WAIT_MS = 2_000


def _checkpoint(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the database file and truncate it to nothing (best effort: when
    another connection keeps reading, SQLite folds what it can and the last close finishes).

    It waits for readers at most CHECKPOINT_WAIT_MS, not the whole busy timeout: a deletion
    must not hold the screen up while a report is being read elsewhere.
    """
    with suppress(sqlite3.Error):
        timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute(f"PRAGMA busy_timeout = {min(int(timeout), CHECKPOINT_WAIT_MS):d}")
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout):d}")


OPEN_FOLDER = "open"
"""The folder in the data folder where each open store keeps its sign of life."""

_TOKEN_RE = re.compile(r"[0-9a-f]{32}", re.ASCII)
_SQLITE_BUSY = 5


def _sign_path(folder: Path, token: str) -> Path:
    return folder / OPEN_FOLDER / f"{token}.lock"


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11 and later
    return code == _SQLITE_BUSY if code is not None else "locked" in str(exc).lower()


def _hold_sign(folder: Path, token: str) -> sqlite3.Connection | None:
    """Lock the file ``<folder>/open/<token>.lock`` for as long as the store is open.

    An empty SQLite file whose exclusive lock this connection keeps: SQLite locks files the
    same way on Linux, macOS and Windows, and the OS lets go of the lock when the process
    ends in any way (kill -9 included). The file's name is the random token alone; it holds
    nothing. None when the folder takes no file (the store works, its sessions look free).
    """
    path = _sign_path(folder, token)
    for _attempt in range(3):
        conn: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(mode=0o700, exist_ok=True)
            _tighten_folder(path.parent)
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


def _release_sign(folder: Path, token: str, conn: sqlite3.Connection | None) -> None:
    if conn is None:
        return
    with suppress(OSError):
        _sign_path(folder, token).unlink()  # while locked: nobody takes the name meanwhile
    with suppress(sqlite3.Error):
        conn.close()
    with suppress(OSError):  # Windows removes no open file: again, now that it is closed
        _sign_path(folder, token).unlink()


def _alive(folder: Path, holder: object) -> bool:
    """Whether the instance whose token is ``holder`` still has its store open (its file
    is locked). A missing or unlocked file is stale: it is removed, and False returned.

    Tried without waiting, with a shared lock: two instances that look at once do not take
    each other for the living holder.
    """
    if not isinstance(holder, str) or not _TOKEN_RE.fullmatch(holder):
        return False
    path = _sign_path(folder, holder)
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
        if _is_busy(exc):
            conn.close()
            return True
    # Removed while this connection holds its shared lock, so that a store only now taking
    # its own new file (see _hold_sign) finds it gone and makes another.
    with suppress(OSError):
        path.unlink()
    conn.close()
    with suppress(OSError):
        path.unlink()
    return False


def _sweep_signs(folder: Path) -> None:
    """Remove the files of instances that ended without closing their store (a crash)."""
    with suppress(OSError):
        for path in (folder / OPEN_FOLDER).glob("*.lock"):
            _alive(folder, path.name.removesuffix(".lock"))


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    try:
        yield
    except StoreError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise _error_for(exc, path) from exc


def _chmod_private(path: Path) -> None:
    """Make a file readable by the user alone (a no-op where the OS has no such modes)."""
    with suppress(OSError):
        if path.exists():
            os.chmod(path, 0o600)


def _tighten_folder(folder: Path) -> None:
    """Make an existing data folder of the user's private (0700), as a new one is made."""
    with suppress(OSError):
        info = folder.stat()
        own_uid = getattr(os, "getuid", None)  # POSIX only; Windows has no such modes
        if own_uid is not None and info.st_mode & 0o077 and info.st_uid == own_uid():
            os.chmod(folder, info.st_mode & 0o700 | 0o700)


def current_month() -> str:
    """This month as ``YYYY-MM`` (the store never keeps a day)."""
    return date.today().strftime("%Y-%m")


def is_month(text: object) -> bool:
    """Whether ``text`` is a real month ``YYYY-MM``."""
    return isinstance(text, str) and _MONTH_RE.fullmatch(text) is not None


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _dumps(value: object) -> str:
    return _encode(value)


def _check_counts(counts: Mapping[str, int]) -> None:
    for key, value in counts.items():
        if not isinstance(key, str) or type(value) is not int or value < 0:
            raise ValueError(f"counts must map option keys to non-negative ints: {counts!r}")


def _round_row(session_id: str, index: int, rnd: Round) -> tuple[Any, ...]:
    """The row of a round, validated, with its note scrubbed."""
    if rnd.vote not in _VOTES:
        raise ValueError(f"unknown vote mode: {rnd.vote!r}")
    if rnd.counts is not None:
        _check_counts(rnd.counts)
    for revote in rnd.revotes:
        _check_counts(revote.counts)
    if type(rnd.blanco) is not int or rnd.blanco < 0:
        raise ValueError(f"blanco must be a non-negative int: {rnd.blanco!r}")
    note = scrub(rnd.note).text.strip() if rnd.note else None
    own = None if rnd.own is None else _dumps(own_to_json(scrubbed_own(rnd.own), situation=True))
    revotes = (
        _dumps([{"variation": r.variation, "counts": dict(r.counts)} for r in rnd.revotes])
        if rnd.revotes
        else None
    )
    return (
        session_id,
        index,
        rnd.dilemma,
        rnd.theme,
        rnd.vote,
        None if rnd.counts is None else _dumps(dict(rnd.counts)),
        revotes,
        rnd.minutes,
        note or None,
        rnd.blanco,
        own,
    )


# JSONDecoder.raw_decode skips the whitespace checks of json.loads: a third of the cost of
# listing 80,000 rounds, whose small JSON blobs the store itself wrote.
_decode = json.JSONDecoder().raw_decode


# What making a record of a stored cell can raise (the views have let only well-formed rows
# through; this is the last guard).
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
                 OverflowError)


def _counts_from(text: str) -> dict[str, int]:
    counts = _decode(text)[0]
    if type(counts) is not dict or not all(type(v) is int for v in counts.values()):
        raise ValueError(text)
    return counts


def _revotes_from(text: str) -> tuple[Revote, ...]:
    items = _decode(text)[0]
    if type(items) is not list:
        raise ValueError(text)
    return tuple(Revote(int(r["variation"]), _checked(r["counts"])) for r in items)


def _own_from(text: str) -> OwnCase:
    case = own_from_json(_decode(text)[0])
    if case is None:
        raise ValueError(text)
    return case


def _state_from(text: object) -> dict[str, Any] | None:
    """A stored resume state, or None when the cell is damaged (not a JSON object)."""
    if text is None:
        return {}
    try:
        state = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        return None
    return state if isinstance(state, dict) else None


def _timeless(state: Mapping[str, Any]) -> dict[str, Any]:
    """A resume state without the time of day the session's clock started."""
    return {key: value for key, value in state.items() if key != "clock_started"}


def _checked(counts: Any) -> dict[str, int]:
    if type(counts) is not dict or not all(type(v) is int for v in counts.values()):
        raise ValueError(counts)
    return counts


_SESSION_COLUMNS = "id, kind, month, team, participants, deck_id, deck_version, completed, abandoned"


def _where(
    kind: SessionKind | None, month_from: str | None, month_to: str | None
) -> tuple[str, list[Any]]:
    """A WHERE clause over the sessions (alias ``s``) and its parameters ("" when none)."""
    where: list[str] = []
    params: list[Any] = []
    if kind is not None:
        where.append("s.kind = ?")
        params.append(kind)
    if month_from is not None:
        where.append("s.month >= ?")
        params.append(month_from)
    if month_to is not None:
        where.append("s.month <= ?")
        params.append(month_to)
    return (f" WHERE {' AND '.join(where)}" if where else ""), params


class Store:
    """Anonymous session records in ``<data dir>/sessions.sqlite3``.

    Every method is one transaction. The connection may be used from several threads (a
    lock serialises them); several processes may use one file at once (WAL, busy timeout).
    Errors are StoreError (or StoreCorruptError) with a Dutch message.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
    ) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        # This instance's mark on the sessions it plays (`holder`): random, so it says
        # nothing of a computer, a process or a time, and cleared when the session ends.
        self.token = uuid.uuid4().hex
        # The holder each unfinished session had when `unfinished` offered it: `claim` takes
        # the session over only from that holder (compare and swap), so of two instances
        # offered the same session after a crash, one gets it and the other is told.
        self._seen: dict[str, str | None] = {}
        self.read_only = read_only
        # While this store is open, a file named by the token stays locked (see _hold_sign):
        # how another instance tells a session played here from one left by a crash.
        self._sign: sqlite3.Connection | None = None
        # Ids of the sessions the last listing set aside because a stored cell is damaged.
        self.damaged: tuple[str, ...] = ()
        self._closed = False
        with _translated(path):
            add_views(conn)
        if not read_only:
            _sweep_signs(path.parent)
            self._sign = _hold_sign(path.parent, self.token)
        _OPEN.add(self)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Store:
        """Open (creating or migrating) the store in ``data_dir`` (default: paths.data_dir()).

        A folder the user may not write in still opens an existing store, read-only: listing
        and reporting work, a write raises StoreError.
        """
        try:
            folder = data_dir if data_dir is not None else paths.data_dir()
        except OSError as exc:  # making the default folder failed: name that folder
            raise _error_for(exc, Path(str(exc.filename or ".")).absolute() / DB_NAME) from exc
        path = folder.absolute() / DB_NAME
        _check_path(path)
        try:
            return cls._open(folder, path, busy_timeout_ms)
        except StoreError as exc:
            if isinstance(exc, StoreCorruptError) or not path.is_file():
                raise
            try:
                return cls._open_read_only(path, busy_timeout_ms)
            except StoreError:
                raise exc from None

    @classmethod
    def _open_read_only(cls, path: Path, busy_timeout_ms: int) -> Store:
        with _translated(path):
            if not os.access(path, os.R_OK):
                raise StoreError(f"Het bestand met sessies is niet leesbaar: {path}.")
            for query in ("mode=ro", "immutable=1"):
                conn = sqlite3.connect(
                    f"{path.as_uri()}?{query}", uri=True, timeout=busy_timeout_ms / 1000,
                    isolation_level=None, check_same_thread=False,
                )
                try:
                    conn.text_factory = _text_from
                    version = _schema.user_version(conn)
                    if version != _schema.CURRENT_VERSION:
                        conn.close()
                        raise StoreError(f"Het bestand met sessies is niet te gebruiken: {path}.")
                    conn.execute("SELECT count(*) FROM sessions").fetchone()
                except sqlite3.Error:
                    conn.close()
                    continue
                return cls(conn, path, read_only=True)
        raise StoreError(f"Het bestand met sessies is niet te openen: {path}.")

    @classmethod
    def _open(cls, folder: Path, path: Path, busy_timeout_ms: int) -> Store:
        with _translated(path):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            _tighten_folder(folder)
            if not path.exists():
                # Create the file ourselves so that it is private from the first byte;
                # SQLite gives its -wal and -shm files the same mode.
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
            conn = sqlite3.connect(
                path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
            )
            try:
                conn.text_factory = _text_from
                conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms):d}")
                # Read the version before anything writes: a newer file is never touched.
                version = _schema.user_version(conn)
                if version > _schema.CURRENT_VERSION:
                    raise StoreError(
                        f"Het bestand met sessies ({path}) is gemaakt met een nieuwere versie van "
                        "Integer-spel. Werk Integer-spel bij; het bestand is niet aangeraakt."
                    )
                _chmod_private(path)
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a laptop that loses power keeps every vote already confirmed.
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                # A corrected count or a deleted session leaves no old bytes in the file.
                conn.execute("PRAGMA secure_delete = ON")
                if version < _schema.CURRENT_VERSION:
                    _schema.migrate(conn)
                # A WAL left by a crash (or by an older version that never closed its store)
                # still holds superseded values: fold it into the file and empty it now.
                _checkpoint(conn)
                for suffix in ("-wal", "-shm"):
                    _chmod_private(path.with_name(path.name + suffix))
            except BaseException:
                conn.close()
                raise
        return cls(conn, path)

    @staticmethod
    def set_aside(data_dir: Path | None = None) -> Path:
        """Rename a damaged store to ``sessions.sqlite3.beschadigd-N`` and return the new path.

        Never overwrites a file: N is the first free number. Its -wal and -shm files move
        along, so that a new store does not pick them up. Call only when the user agreed.
        """
        folder = data_dir if data_dir is not None else paths.data_dir()
        path = folder / DB_NAME
        with _translated(path):
            n = 1
            while any(
                folder.joinpath(f"{DB_NAME}.beschadigd-{n}{s}").exists() for s in ("", "-wal", "-shm")
            ):
                n += 1
            target = folder / f"{DB_NAME}.beschadigd-{n}"
            for suffix in ("-wal", "-shm", "-journal"):
                side = folder / (DB_NAME + suffix)
                if side.exists():
                    os.replace(side, folder / f"{target.name}{suffix}")
            if path.exists():
                os.replace(path, target)
            return target

    def close(self) -> None:
        """Close the connection (a no-op when already closed).

        The WAL is first folded into the file and emptied (``secure_delete`` is on, so the
        file keeps no superseded values either); when another process still has the file
        open, the last one to close does it.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            _OPEN.discard(self)
            if not self.read_only:
                with suppress(sqlite3.Error):
                    # A clean quit frees the sessions this instance played, for a resume.
                    self._conn.execute(
                        "UPDATE sessions SET holder = NULL WHERE holder = ?", (self.token,)
                    )
                _checkpoint(self._conn)
            with suppress(sqlite3.Error):
                self._conn.close()
            _release_sign(self.path.parent, self.token, self._sign)
            self._sign = None

    @property
    def closed(self) -> bool:
        """Whether ``close`` was called."""
        return self._closed

    def checkpoint(self) -> None:
        """Fold the WAL into the file and empty it now (after removing what must be gone)."""
        if self.read_only:
            return
        with self._lock:
            if not self._closed:
                _checkpoint(self._conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("Het bestand met sessies is al gesloten: de app stopt.")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _translated(self.path):
            self._check_open()
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # Also after a failed COMMIT (disk full): SQLite then keeps the transaction open.
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _translated(self.path):
            self._check_open()
            conn = self._conn
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                # Ending a read transaction: ROLLBACK cannot fail for want of a disk, and does
                # not hide an error raised in the body.
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")

    def _touch(self, conn: sqlite3.Connection, session_id: str, *, release: bool = False) -> None:
        """Check the session exists and is not another instance's, and hold it (or let it go:
        ``release``, or when it has ended).

        Raises SessionGoneError when it is gone and LeaseLostError when another instance took
        it over; takes it over from the holder `unfinished` saw (as `claim` does).
        """
        row = conn.execute(
            "SELECT holder, completed, abandoned FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise SessionGoneError(
                f"Deze sessie staat niet (meer) in het bestand met sessies: {session_id}."
            )
        holder, completed, abandoned = row
        if not self._may_hold(session_id, holder):
            raise LeaseLostError(LEASE_LOST)
        self._seen.pop(session_id, None)
        new = None if release or completed or abandoned else self.token
        if holder != new:
            conn.execute("UPDATE sessions SET holder = ? WHERE id = ?", (new, session_id))

    def _may_hold(self, session_id: str, holder: object) -> bool:
        """Whether this instance may write the session that ``holder`` holds now."""
        if holder is None or holder == self.token:
            return True
        return session_id in self._seen and self._seen[session_id] == holder

    def claim(self, session_id: str) -> bool:
        """Take over an unfinished session to play it here (a resume); False when another
        instance took it since `unfinished` offered it, or it is gone.

        One atomic compare and swap: of two instances that both offer the session left by a
        crash, the first to claim it gets it, the other learns before anything is typed. A
        session whose instance is still open is never taken (False).
        """
        with self._write() as conn:
            row = conn.execute(
                "SELECT holder, completed, abandoned FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None or row[1] or row[2] or not self._may_hold(session_id, row[0]):
                return False
            if row[0] is not None and row[0] != self.token and _alive(self.path.parent, row[0]):
                return False  # its instance is still open: it is being played there
            self._seen.pop(session_id, None)
            conn.execute("UPDATE sessions SET holder = ? WHERE id = ?", (self.token, session_id))
        return True

    def check_claim(self, session_id: str) -> None:
        """Raise LeaseLostError when another instance took the session over (SessionGoneError
        when it was removed); a read, run while nothing else is written."""
        with self._read() as conn:
            row = conn.execute("SELECT holder FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise SessionGoneError(
                f"Deze sessie staat niet (meer) in het bestand met sessies: {session_id}."
            )
        if not self._may_hold(session_id, row[0]):
            raise LeaseLostError(LEASE_LOST)

    # The savers call this while nothing else is written (it was a lease's renewal).
    renew_lease = check_claim

    # -- writing a session as it is played -----------------------------------------------

    def start_session(
        self,
        *,
        kind: SessionKind,
        team: str | None,
        participants: int,
        deck_id: str,
        deck_version: str,
        month: str | None = None,
        state: Mapping[str, Any] | None = None,
        session_id: str | None = None,
    ) -> str:
        """Create a session (month defaults to the current month) and return its UUID.

        The session is held by this instance (see ``claim``). ``session_id`` lets the
        caller choose the UUID, so that it can write before the store answered.
        """
        if kind not in _KINDS:
            raise ValueError(f"unknown session kind: {kind!r}")
        if type(participants) is not int or participants < 1:
            raise ValueError(f"participants must be a positive int: {participants!r}")
        month = month or current_month()
        if not is_month(month):
            raise ValueError(f"month must be YYYY-MM: {month!r}")
        label = scrub(team).text.strip() or None if team else None
        session_id = session_id or str(uuid.uuid4())
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone():
                return session_id  # a retried start that reached the file before
            conn.execute(
                "INSERT INTO sessions (id, kind, month, team, participants, deck_id, deck_version,"
                " state_json, holder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    kind,
                    month,
                    label,
                    participants,
                    deck_id,
                    deck_version,
                    None if state is None else _dumps(dict(state)),
                    self.token,
                ),
            )
        return session_id

    def save_round(self, session_id: str, index: int, rnd: Round) -> None:
        """Insert or replace the round at position ``index`` (0-based); the note is scrubbed."""
        if index < 0:
            raise ValueError(f"round index must be 0 or more: {index}")
        row = _round_row(session_id, index, rnd)
        with self._write() as conn:
            self._touch(conn, session_id)
            conn.execute("INSERT OR REPLACE INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)

    def delete_round(self, session_id: str, index: int) -> None:
        """Remove the round at plan position ``index`` (a skipped card); the others keep theirs.

        Rounds are stored at their place in the plan, so a card saved later (after going back
        and skipping an earlier one) lands on its own row, never on a neighbour's.
        """
        with self._write() as conn:
            self._touch(conn, session_id)
            conn.execute("DELETE FROM rounds WHERE session_id = ? AND idx = ?", (session_id, index))

    def make_room(self, session_id: str, index: int) -> None:
        """Move the rounds at ``index`` and after one place on (a card put into the plan)."""
        with self._write() as conn:
            self._touch(conn, session_id)
            # Two steps through negative numbers, so no moment has two rounds at one place.
            conn.execute(
                "UPDATE rounds SET idx = -idx - 1 WHERE session_id = ? AND idx >= ?",
                (session_id, index),
            )
            conn.execute(
                "UPDATE rounds SET idx = -idx WHERE session_id = ? AND idx < 0", (session_id,)
            )

    def save_pulse(self, session_id: str, pulse: Sequence[PulseAnswer]) -> None:
        """Replace the session's pulse answers."""
        for answer in pulse:
            _check_counts(answer.counts)
        with self._write() as conn:
            self._touch(conn, session_id)
            conn.execute("DELETE FROM pulse WHERE session_id = ?", (session_id,))
            conn.executemany(
                "INSERT INTO pulse VALUES (?, ?, ?, ?)",
                [(session_id, i, a.question, _dumps(dict(a.counts))) for i, a in enumerate(pulse)],
            )

    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None:
        """Opaque JSON the app needs to resume (plan, position, ...); never exported.

        Once the session has ended it keeps no time of day (SPEC §8): the clock start goes.
        """
        with self._write() as conn:
            self._touch(conn, session_id)
            ended = conn.execute(
                "SELECT completed OR abandoned FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()[0]
            text = _dumps(_timeless(state) if ended else dict(state))
            conn.execute("UPDATE sessions SET state_json = ? WHERE id = ?", (text, session_id))

    def complete(self, session_id: str) -> None:
        """Mark the session as finished (its holder and clock start go)."""
        self._end(session_id, "completed")

    def abandon(self, session_id: str) -> None:
        """Stop offering this unfinished session for resumption (its rounds are kept)."""
        self._end(session_id, "abandoned")

    def _end(self, session_id: str, column: str) -> None:
        with self._write() as conn:
            self._touch(conn, session_id, release=True)
            row = conn.execute(
                "SELECT state_json FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            state = _state_from(row[0])
            conn.execute(
                f"UPDATE sessions SET {column} = 1, state_json = ? WHERE id = ?",  # noqa: S608
                (row[0] if state is None else _dumps(_timeless(state)), session_id),
            )

    def delete_session(self, session_id: str) -> None:
        """Remove a session with its rounds and pulse (e.g. a practice run the user discards)."""
        with self._write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        # What was removed must not wait in the WAL for the app to close.
        self.checkpoint()

    # -- reading -------------------------------------------------------------------------

    def unfinished(self, kind: SessionKind = "team") -> tuple[SessionRecord, dict[str, Any]] | None:
        """The latest session (by month) that is neither completed nor abandoned, with its
        state; then ``claim`` it before playing it here.

        A session whose saved state is damaged comes with an empty state. One held by
        another instance that is still open (its file in ``open/`` is locked) is not offered:
        it is being played in another window. One whose holder is gone (a crash; no time or
        process id tells it, only the lock the OS let go of) is, and ``claim`` makes the
        takeover safe.
        """
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, state_json, holder FROM sessions WHERE kind = ?"
                " AND completed = 0 AND abandoned = 0 ORDER BY month DESC, id LIMIT 50",
                (kind,),
            ).fetchall()
            for sid, text, holder in rows:
                if holder is not None and holder != self.token and _alive(
                        self.path.parent, holder):
                    continue  # open in another window
                # A damaged state is offered as an empty one: the app then says the session
                # cannot go on, rather than forgetting it without a word.
                state = _state_from(text) or {}
                records = self._load(conn, "s.id = ?", [sid])
                if records:
                    if holder != self.token:
                        self._seen[str(sid)] = holder
                    return records[0], state
        return None

    def find_ids(self, prefix: str) -> list[str]:
        """Ids of the sessions that equal or start with ``prefix`` (at most a few)."""
        prefix = prefix.strip()
        if not prefix:
            return []
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._read() as conn:
            exact = conn.execute("SELECT id FROM sessions WHERE id = ?", (prefix,)).fetchone()
            if exact is not None:
                return [str(exact[0])]
            rows = conn.execute(
                "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 10",
                (escaped + "%",),
            ).fetchall()
        return [str(r[0]) for r in rows]

    def get(self, session_id: str) -> SessionRecord | None:
        """A session by full id or unique id prefix."""
        ids = self.find_ids(session_id)
        if len(ids) != 1:
            return None
        with self._read() as conn:
            records = self._load(conn, "s.id = ?", [ids[0]])
        return records[0] if records else None

    def state(self, session_id: str) -> dict[str, Any] | None:
        """The resume state saved with ``save_state`` (None for an unknown session)."""
        with self._read() as conn:
            row = conn.execute("SELECT state_json FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return None
        return _state_from(row[0]) or {}

    def list_sessions(
        self,
        kind: SessionKind | None = "team",
        month_from: str | None = None,
        month_to: str | None = None,
    ) -> list[SessionRecord]:
        """Sessions with their rounds and pulse, oldest month first; fast for 10,000 sessions."""
        where, params = _where(kind, month_from, month_to)
        with self._read() as conn, gc_paused():
            return self._load(conn, where.removeprefix(" WHERE "), params)

    def _load(self, conn: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[SessionRecord]:
        """Well-formed sessions matching ``where`` (over alias ``s``), in three bulk queries;
        ``self.damaged`` lists the ids of those left out for a damaged cell.

        Each query reads its rows with the check of the views (SESSION_OK, ROUND_OK,
        PULSE_OK) as a column: one pass over the rounds both checks and reads them.
        """
        clause = f" WHERE {where}" if where else ""
        sessions = conn.execute(
            f"SELECT {SESSION_OK}, {_SESSION_COLUMNS} FROM main.sessions s{clause}"
            " ORDER BY s.month, s.id",
            params,
        ).fetchall()
        bad = {row[1] for row in sessions if not row[0]}
        if where:
            # Those whose kind or month is itself damaged match no filter: count them too.
            bad.update(row[0] for row in conn.execute(
                "SELECT s.id FROM main.sessions s WHERE NOT (s.kind IN ('team', 'practice')"
                " AND typeof(s.month) = 'text' AND s.month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]')"
            ))
        # IN over the sorted id list lets SQLite walk the rounds' primary key in order; a
        # JOIN would need a temporary B-tree to sort 80,000 rows.
        join = f" WHERE r.session_id IN (SELECT s.id FROM main.sessions s{clause})" if where else ""
        rounds: dict[str, list[Round]] = {}
        for ok, sid, dilemma, theme, vote, counts, revotes, minutes, note, blanco, own in (
            conn.execute(
                f"SELECT {ROUND_OK}, r.session_id, r.dilemma, r.theme, r.vote, r.counts_json,"
                f" r.revotes_json, r.minutes, r.note, r.blanco, r.own_json FROM main.rounds r{join}"
                " ORDER BY r.session_id, r.idx",
                params,
            )
        ):
            if sid in bad:
                continue
            try:
                if not ok:
                    raise ValueError(sid)
                rnd = Round(
                    dilemma,
                    theme,
                    vote,
                    None if counts is None else _counts_from(counts),
                    () if revotes is None else _revotes_from(revotes),
                    minutes,
                    note,
                    blanco,
                    # The check sees an object; its shape is own_from_json's to judge.
                    None if own is None else _own_from(own),
                )
            except _PARSE_ERRORS:
                bad.add(sid)
                continue
            lst = rounds.get(sid)
            if lst is None:
                rounds[sid] = [rnd]
            else:
                lst.append(rnd)
        pulse: dict[str, list[PulseAnswer]] = {}
        for ok, sid, question, counts in conn.execute(
            f"SELECT {PULSE_OK}, p.session_id, p.question, p.counts_json FROM main.pulse p"
            f"{join.replace('r.session_id', 'p.session_id')} ORDER BY p.session_id, p.idx",
            params,
        ):
            if not ok:
                bad.add(sid)
            elif sid not in bad:
                pulse.setdefault(sid, []).append(PulseAnswer(question, _counts_from(counts)))
        records = [
            SessionRecord(
                id=row[1],
                kind=row[2],
                month=row[3],
                team=row[4],
                participants=row[5],
                deck_id=row[6],
                deck_version=row[7],
                rounds=tuple(rounds.get(row[1], ())),
                pulse=tuple(pulse.get(row[1], ())),
                completed=bool(row[8]),
                extra={"abandoned": True} if row[9] else {},
            )
            for row in sessions
            if row[1] not in bad
        ]
        self.damaged = tuple(sorted(str(sid) for sid in bad))
        return records

    def listing(self, kind: SessionKind | None = "team") -> list[SessionLine]:
        """One line per well-formed session (no rounds read but their number), by month
        and then by id; ``self.damaged`` lists the damaged ones left out (any kind)."""
        with self._read() as conn:
            # One pass over every session (the check reads each round once); the damaged
            # ones are counted whatever their kind (theirs may be the damaged cell).
            rows = conn.execute(
                "SELECT s.ok, s.id, s.kind, s.month, s.team, s.participants, s.completed,"
                " (SELECT count(*) FROM main.rounds x WHERE x.session_id = s.id)"
                " FROM temp.checked_sessions s ORDER BY s.month, s.id"
            ).fetchall()
        self.damaged = tuple(sorted(str(row[1]) for row in rows if not row[0]))
        return [SessionLine(*row[1:]) for row in rows
                if row[0] and (kind is None or row[2] == kind)]

    def month_range(
        self, kind: SessionKind = "team", month_from: str | None = None, month_to: str | None = None
    ) -> tuple[str | None, str | None]:
        """The earliest and latest month of the sessions of ``kind`` within the bounds given
        (None, None when there are none)."""
        where, params = _where(kind, month_from, month_to)
        with self._read() as conn:
            row = conn.execute(f"SELECT min(s.month), max(s.month) FROM sessions s{where}",
                               params).fetchone()
        return row[0], row[1]

    @contextmanager
    def reading(self, *, apart: bool = False) -> Iterator[sqlite3.Connection]:
        """One read transaction over the store's well-formed rows, for a module that queries
        them itself (the report sums them in SQL). Errors inside come out as StoreError.

        The reading has a read-only connection of its own, on which ``sessions``, ``rounds``
        and ``pulse`` name views of the sessions without a damaged cell (SQLite looks in the
        TEMP schema first): a reader can't sum what it should skip, and writes never see
        these views. ``temp.bad_sessions`` lists what was left out. Without this store's lock,
        a worker thread that reads 10,000 sessions never holds up the event loop's own
        (short) reads and writes; ``apart`` is kept for callers that say so.
        """
        del apart  # every reading is apart: the shadowing views must stay off the store's own
        with _translated(self.path):
            conn = sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None, check_same_thread=False,
            )
            try:
                conn.text_factory = _text_from
                add_views(conn)
                conn.execute("BEGIN")
                # Checked once (the check reads every row), then each query reads the ids.
                conn.execute("CREATE TEMP TABLE readable (id TEXT PRIMARY KEY) WITHOUT ROWID")
                conn.execute("INSERT INTO temp.readable SELECT id FROM temp.good_sessions")
                for table, key in (("sessions", "id"), ("rounds", "session_id"),
                                   ("pulse", "session_id")):
                    conn.execute(f"CREATE TEMP VIEW {table} AS SELECT * FROM main.{table}"
                                 f" WHERE {key} IN (SELECT id FROM temp.readable)")
                yield conn
            finally:
                conn.close()

    def dilemma_counts(self, dilemma_id: str, deck_id: str | None = None) -> dict[str, int]:
        """Summed first-vote counts of this dilemma over all team sessions."""
        sql = (
            "SELECT r.counts_json FROM temp.good_rounds r JOIN temp.good_sessions s"
            " ON s.id = r.session_id"
            " WHERE r.dilemma = ? AND s.kind = 'team' AND r.counts_json IS NOT NULL"
        )
        params: list[Any] = [dilemma_id]
        if deck_id is not None:
            sql += " AND s.deck_id = ?"
            params.append(deck_id)
        totals: dict[str, int] = {}
        with self._read() as conn:
            for (text,) in conn.execute(sql, params):
                for key, value in json.loads(text).items():
                    totals[key] = totals.get(key, 0) + int(value)
        return totals

    # -- bundles -------------------------------------------------------------------------

    def import_records(self, records: Iterable[SessionRecord]) -> tuple[int, int]:
        """Add sessions from elsewhere in one transaction; returns (added, skipped).

        Ids already present (or repeated in ``records``) are skipped. Notes are scrubbed.
        Imported sessions are never offered for resumption here: they carry no state.
        """
        # A bulk insert that does not fit SQLite's default 2 MB page cache spills pages to
        # the WAL again and again; a larger cache for this one transaction halves the time.
        with self._lock, _translated(self.path):
            self._conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB:d}")
            try:
                return self._insert_records(records)
            finally:
                with suppress(sqlite3.Error):
                    self._conn.execute(f"PRAGMA cache_size = {DEFAULT_CACHE_SIZE:d}")
                    self._conn.execute("PRAGMA shrink_memory")

    def _insert_records(self, records: Iterable[SessionRecord]) -> tuple[int, int]:
        with self._write() as conn:
            known = {row[0] for row in conn.execute("SELECT id FROM sessions")}
            session_rows: list[tuple[Any, ...]] = []
            round_rows: list[tuple[Any, ...]] = []
            pulse_rows: list[tuple[Any, ...]] = []
            skipped = 0
            for rec in records:
                if rec.id in known:
                    skipped += 1
                    continue
                known.add(rec.id)
                session_rows.append(
                    (rec.id, rec.kind, rec.month, rec.team, rec.participants, rec.deck_id,
                     rec.deck_version, int(rec.completed), 1, None)
                )
                round_rows.extend(_round_row(rec.id, i, r) for i, r in enumerate(rec.rounds))
                pulse_rows.extend(
                    (rec.id, i, p.question, _dumps(dict(p.counts))) for i, p in enumerate(rec.pulse)
                )
            conn.executemany(
                f"INSERT INTO sessions ({_SESSION_COLUMNS}, state_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                session_rows,
            )
            # OR REPLACE: rows a damaged file kept without their session (orphans) give way.
            conn.executemany("INSERT OR REPLACE INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             round_rows)
            conn.executemany("INSERT OR REPLACE INTO pulse VALUES (?, ?, ?, ?)", pulse_rows)
        return len(session_rows), skipped

    # -- walkthroughs --------------------------------------------------------------------

    def save_walkthrough(
        self,
        walkthrough_id: str | None,
        *,
        session_id: str | None,
        dilemma_id: str | None,
        data: Mapping[str, Any],
    ) -> str:
        """Insert (id None) or update a 7-step walkthrough; free text scrubbed; returns its id."""
        wid = walkthrough_id or str(uuid.uuid4())
        text = _dumps(scrub_tree(dict(data)).value)
        with self._write() as conn:
            if session_id is not None and conn.execute(
                "SELECT 1 FROM sessions WHERE id = ?", (session_id,)
            ).fetchone() is None:
                session_id = None
            conn.execute(
                "INSERT INTO walkthroughs (id, session_id, dilemma_id, data_json)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " session_id = excluded.session_id, dilemma_id = excluded.dilemma_id,"
                " data_json = excluded.data_json",
                (wid, session_id, dilemma_id, text),
            )
        return wid

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        """The data of a walkthrough as saved (scrubbed), or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT data_json FROM walkthroughs WHERE id = ?", (walkthrough_id,)
            ).fetchone()
        data = None if row is None else _state_from(row[0])
        return None if data is None else data

    def set_participants(self, session_id: str, participants: int) -> None:
        """Change how many took part (latecomers, leavers) while the session is played."""
        if participants < 0:
            raise ValueError("participants must not be negative")
        with self._write() as conn:
            self._touch(conn, session_id)
            conn.execute(
                "UPDATE sessions SET participants = ? WHERE id = ?", (participants, session_id)
            )

    # -- report (added for the practice screen's team figures) -----------------------------

    def dilemma_round_votes(self, dilemma_id: str, deck_id: str | None = None
                            ) -> list[tuple[str, dict[str, int]]]:
        """The first-vote counts of each team round of this dilemma, each with the deck version
        it was played with, in no meaningful order (sorted): a caller leaves out the rounds below
        k and reads older keys as they are now."""
        sql = (
            "SELECT s.deck_version, r.counts_json FROM temp.good_rounds r"
            " JOIN temp.good_sessions s ON s.id = r.session_id"
            " WHERE r.dilemma = ? AND s.kind = 'team' AND r.counts_json IS NOT NULL"
        )
        params: list[Any] = [dilemma_id]
        if deck_id is not None:
            sql += " AND s.deck_id = ?"
            params.append(deck_id)
        with self._read() as conn:
            rows = sorted((str(v), text) for v, text in conn.execute(sql, params))
        return [(version, {key: int(value) for key, value in json.loads(text).items()})
                for version, text in rows]

    # --- walkthroughs ---

    def open_walkthroughs(self, dilemma_id: str | None = None) -> list[WalkthroughInfo]:
        """Walkthroughs not closed with "Klaar", latest month first, then by title (of one
        card if `dilemma_id`); the store keeps no order of saving (SPEC §8)."""
        query = "SELECT id, dilemma_id, data_json, session_id FROM walkthroughs"
        args: tuple[str, ...] = ()
        if dilemma_id is not None:
            query += " WHERE dilemma_id = ?"
            args = (dilemma_id,)
        with self._read() as conn:
            rows = conn.execute(query, args).fetchall()
        found: list[WalkthroughInfo] = []
        for wid, did, text, sid in rows:
            try:
                data = json.loads(text)
            except ValueError:
                continue
            if not isinstance(data, dict) or data.get("finished"):
                continue
            steps = data.get("steps")
            found.append(
                WalkthroughInfo(
                    id=str(wid),
                    dilemma_id=str(did) if did else None,
                    title=str(data.get("title") or "Eigen dilemma"),
                    step=int(data.get("current") or 0) + 1
                    if isinstance(data.get("current"), int)
                    else 1,
                    steps=len(steps) if isinstance(steps, list) else 7,
                    month=str(data.get("month") or ""),
                    session_id=str(sid) if sid else None,
                )
            )
        found.sort(key=lambda w: (w.title, w.id))
        found.sort(key=lambda w: w.month, reverse=True)
        return found

    def delete_walkthrough(self, walkthrough_id: str) -> None:
        """Remove a walkthrough for good (the person asked for it)."""
        with self._write() as conn:
            conn.execute("DELETE FROM walkthroughs WHERE id = ?", (walkthrough_id,))
        self.checkpoint()


@dataclass(frozen=True)
class SessionLine:
    """A session as a list shows it, without its rounds."""

    id: str
    kind: SessionKind
    month: str
    team: str | None
    participants: int
    completed: bool
    rounds: int


@dataclass(frozen=True)
class WalkthroughInfo:
    """One saved walkthrough as the lists show it: its card, title and the step it is at."""

    id: str
    dilemma_id: str | None
    title: str
    step: int
    steps: int
    month: str
    session_id: str | None = None
    """The team session (a deep dive) or practice run it belongs to, if any."""
