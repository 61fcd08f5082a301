"""SQLite store of anonymous session records: one transaction per change, safe for two processes."""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dilemmas import paths
from sessions import _schema
from sessions.model import OwnCase, PulseAnswer, Revote, Round, SessionKind, SessionRecord
from sessions.own import own_from_json, own_to_json, scrubbed_own
from sessions.scrub import scrub, scrub_tree

DB_NAME = "sessions.sqlite3"
BUSY_TIMEOUT_MS = 10_000
IMPORT_CACHE_KIB = 64 * 1024
DEFAULT_CACHE_SIZE = -2000  # SQLite's default: 2,000 KiB
# A session being played belongs to one instance for this long after its last write or
# renewal; the instance renews it well before (GameSession), so it lapses only when it died.
LEASE_SECONDS = 90.0

_MONTH_RE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])", re.ASCII)
_KINDS = ("team", "practice")
_VOTES = ("hands", "secret", "none")


class StoreError(Exception):
    """The store cannot be used (unwritable folder, disk full, newer schema, ...).

    ``str(error)`` is a Dutch message for the user.
    """


class StoreCorruptError(StoreError):
    """The database file is damaged. The app offers to set it aside and start a new one."""


class LeaseLostError(StoreError):
    """Another instance plays this session now: this instance's write is refused, not merged."""


class SessionGoneError(StoreError):
    """The session is no longer in the store (deleted elsewhere)."""


LEASE_LOST = (
    "Deze sessie wordt nu in een ander venster of op een andere plek gespeeld. Wat je hier "
    "verandert, wordt niet meer bewaard; daar gaat de sessie verder."
)


def _lease_live(owner: str | None, until: float | None, me: str, now: float) -> bool:
    """Whether another instance holds the session: its lease has not run out, and when it
    runs on this computer, its process still lives (a crash frees the session at once)."""
    if owner is None or owner == me or until is None or until <= now:
        return False
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host == socket.gethostname() and pid_text.isdigit():
        pid = int(pid_text)
        if pid == os.getpid():
            return True  # another Store in this process
        if os.name == "nt":
            return True  # os.kill(pid, 0) would stop the process there: trust the expiry
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return not _zombie(pid)
    return True


def _zombie(pid: int) -> bool:
    """Whether a process has ended but not been reaped yet (Linux: its state is 'Z')."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def _text_from(raw: bytes) -> str:
    """A stored text as a str, also when a damaged cell holds invalid UTF-8."""
    return raw.decode("utf-8", "replace")


def _error_for(exc: BaseException, path: Path) -> StoreError:
    """Turn an sqlite3 or OS error into a StoreError with a plain Dutch message."""
    text = str(exc).lower()
    if isinstance(exc, OSError):
        # Any other OS error here comes from making the folder or file: not writable.
        text = "database or disk is full" if exc.errno == errno.ENOSPC else "readonly"
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
    return StoreError(f"Het bestand met sessies is niet te gebruiken: {path} ({exc}).")


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
        lease_seconds: float = LEASE_SECONDS,
        read_only: bool = False,
    ) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        # This instance's id in the lease of the sessions it plays.
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex}"
        self.lease_seconds = lease_seconds
        self.read_only = read_only
        # Ids of the sessions the last listing set aside because a stored cell is damaged.
        self.damaged: tuple[str, ...] = ()

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        lease_seconds: float = LEASE_SECONDS,
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
        try:
            return cls._open(folder, path, busy_timeout_ms, lease_seconds)
        except StoreError as exc:
            if isinstance(exc, StoreCorruptError) or not path.is_file():
                raise
            try:
                return cls._open_read_only(path, busy_timeout_ms, lease_seconds)
            except StoreError:
                raise exc from None

    @classmethod
    def _open_read_only(cls, path: Path, busy_timeout_ms: int, lease_seconds: float) -> Store:
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
                return cls(conn, path, lease_seconds=lease_seconds, read_only=True)
        raise StoreError(f"Het bestand met sessies is niet te openen: {path}.")

    @classmethod
    def _open(cls, folder: Path, path: Path, busy_timeout_ms: int, lease_seconds: float) -> Store:
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
                for suffix in ("-wal", "-shm"):
                    _chmod_private(path.with_name(path.name + suffix))
            except BaseException:
                conn.close()
                raise
        return cls(conn, path, lease_seconds=lease_seconds)

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

        The WAL is first folded into the file and emptied, so superseded values do not stay
        behind in it (a no-op when another process still reads).
        """
        with self._lock, suppress(sqlite3.Error):
            if not self.read_only:
                with suppress(sqlite3.Error):
                    # A clean quit frees the sessions this instance played, for a resume.
                    self._conn.execute(
                        "UPDATE sessions SET lease_owner = NULL, lease_until = NULL"
                        " WHERE lease_owner = ?", (self.owner,)
                    )
                with suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _translated(self.path):
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
            conn = self._conn
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                # Ending a read transaction: ROLLBACK cannot fail for want of a disk, and does
                # not hide an error raised in the body.
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")

    @staticmethod
    def _next_seq(conn: sqlite3.Connection, table: str = "sessions") -> int:
        row = conn.execute(f"SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}").fetchone()
        return int(row[0])

    def _touch(self, conn: sqlite3.Connection, session_id: str, *, release: bool = False) -> None:
        """Check the session exists and is not another instance's, mark it as the most
        recently changed one, and renew this instance's lease on it (or end it: ``release``).

        Raises LeaseLostError when another instance holds a live lease.
        """
        now = time.time()
        row = conn.execute(
            "SELECT lease_owner, lease_until FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise SessionGoneError(
                f"Deze sessie staat niet (meer) in het bestand met sessies: {session_id}."
            )
        owner, until = row
        if _lease_live(owner, until, self.owner, now):
            raise LeaseLostError(LEASE_LOST)
        seq = self._next_seq(conn)
        conn.execute(
            "UPDATE sessions SET seq = ?, lease_owner = ?, lease_until = ? WHERE id = ?",
            (seq, None if release else self.owner, None if release else now + self.lease_seconds,
             session_id),
        )

    def renew_lease(self, session_id: str) -> None:
        """Keep this instance's claim on the session it plays; LeaseLostError when lost."""
        now = time.time()
        with self._write() as conn:
            row = conn.execute(
                "SELECT lease_owner, lease_until FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None:
                raise SessionGoneError(
                    f"Deze sessie staat niet (meer) in het bestand met sessies: {session_id}."
                )
            owner, until = row
            if _lease_live(owner, until, self.owner, now):
                raise LeaseLostError(LEASE_LOST)
            conn.execute(
                "UPDATE sessions SET lease_owner = ?, lease_until = ? WHERE id = ?",
                (self.owner, now + self.lease_seconds, session_id),
            )

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

        The session is leased to this instance (see ``_touch``). ``session_id`` lets the
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
                " state_json, seq, lease_owner, lease_until)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    kind,
                    month,
                    label,
                    participants,
                    deck_id,
                    deck_version,
                    None if state is None else _dumps(dict(state)),
                    self._next_seq(conn),
                    self.owner,
                    time.time() + self.lease_seconds,
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
        """Opaque JSON the app needs to resume (plan, position, ...); never exported."""
        text = _dumps(dict(state))
        with self._write() as conn:
            self._touch(conn, session_id)
            conn.execute("UPDATE sessions SET state_json = ? WHERE id = ?", (text, session_id))

    def complete(self, session_id: str) -> None:
        """Mark the session as finished."""
        with self._write() as conn:
            self._touch(conn, session_id, release=True)
            conn.execute("UPDATE sessions SET completed = 1 WHERE id = ?", (session_id,))

    def abandon(self, session_id: str) -> None:
        """Stop offering this unfinished session for resumption (its rounds are kept)."""
        with self._write() as conn:
            self._touch(conn, session_id, release=True)
            conn.execute("UPDATE sessions SET abandoned = 1 WHERE id = ?", (session_id,))

    def delete_session(self, session_id: str) -> None:
        """Remove a session with its rounds and pulse (e.g. a practice run the user discards)."""
        with self._write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    # -- reading -------------------------------------------------------------------------

    def unfinished(self, kind: SessionKind = "team") -> tuple[SessionRecord, dict[str, Any]] | None:
        """The most recent session that is neither completed nor abandoned, with its state.

        A session another instance is playing (a live lease) is not offered, nor is one whose
        saved state is damaged (it stays in the store for the report).
        """
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, state_json, lease_owner, lease_until FROM sessions WHERE kind = ?"
                " AND completed = 0 AND abandoned = 0 ORDER BY seq DESC LIMIT 50",
                (kind,),
            ).fetchall()
            now = time.time()
            for sid, text, owner, until in rows:
                if _lease_live(owner, until, self.owner, now):
                    continue
                try:
                    state = json.loads(text) if text else {}
                except ValueError:
                    continue
                if not isinstance(state, dict):
                    continue
                records = self._load(conn, "s.id = ?", [sid])
                if records:
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
        try:
            state = json.loads(row[0]) if row[0] else {}
        except ValueError:
            return {}
        return dict(state) if isinstance(state, dict) else {}

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
        """Sessions matching ``where`` (over alias ``s``), in three bulk queries."""
        clause = f" WHERE {where}" if where else ""
        # IN over the sorted id list lets SQLite walk the rounds' primary key in order; a
        # JOIN would need a temporary B-tree to sort 80,000 rows.
        join = f" WHERE x.session_id IN (SELECT s.id FROM sessions s{clause})" if where else ""
        rounds: dict[str, list[Round]] = {}
        damaged: set[str] = set()
        for sid, dilemma, theme, vote, counts, revotes, minutes, note, blanco, own in conn.execute(
            "SELECT x.session_id, x.dilemma, x.theme, x.vote, x.counts_json, x.revotes_json,"
            f" x.minutes, x.note, x.blanco, x.own_json FROM rounds x{join}"
            " ORDER BY x.session_id, x.idx",
            params,
        ):
            try:
                rnd = Round(
                    dilemma,
                    theme,
                    vote,
                    None if counts is None else _counts_from(counts),
                    () if revotes is None else _revotes_from(revotes),
                    minutes,
                    note,
                    blanco,
                    None if own is None else _own_from(own),
                )
                if (
                    type(minutes) not in (int, type(None))
                    or type(dilemma) is not str
                    or type(blanco) is not int
                ):
                    raise ValueError(minutes)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                damaged.add(sid)
                continue
            lst = rounds.get(sid)
            if lst is None:
                rounds[sid] = [rnd]
            else:
                lst.append(rnd)
        pulse: dict[str, list[PulseAnswer]] = {}
        for row in conn.execute(
            f"SELECT x.session_id, x.question, x.counts_json FROM pulse x{join}"
            " ORDER BY x.session_id, x.idx",
            params,
        ):
            try:
                pulse.setdefault(row[0], []).append(PulseAnswer(row[1], _counts_from(row[2])))
            except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                damaged.add(row[0])
        records = []
        for row in conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions s{clause} ORDER BY s.month, s.seq", params
        ):
            sid = row[0]
            if (sid in damaged or type(row[4]) is not int or row[1] not in _KINDS
                    or not is_month(row[2]) or not isinstance(row[5], str)):
                damaged.add(sid)
                continue
            records.append(
                SessionRecord(
                    id=sid,
                    kind=row[1],
                    month=row[2],
                    team=row[3],
                    participants=row[4],
                    deck_id=row[5],
                    deck_version=row[6],
                    rounds=tuple(rounds.get(sid, ())),
                    pulse=tuple(pulse.get(sid, ())),
                    completed=bool(row[7]),
                    extra={"abandoned": True} if row[8] else {},
                )
            )
        self.damaged = tuple(sorted(damaged))
        return records

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
        """One read transaction over the store's tables, for a module that queries them
        itself (the report sums them in SQL). Errors inside come out as StoreError.

        With ``apart``, the reading runs over a read-only connection of its own, without this
        store's lock: a worker thread that reads 10,000 sessions then never holds up the
        event loop's own (short) reads and writes.
        """
        if not apart or self.read_only:
            with self._read() as conn:
                yield conn
            return
        with _translated(self.path):
            conn = sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None, check_same_thread=False,
            )
            try:
                conn.text_factory = _text_from
                conn.execute("BEGIN")
                yield conn
            finally:
                conn.close()

    def dilemma_counts(self, dilemma_id: str, deck_id: str | None = None) -> dict[str, int]:
        """Summed first-vote counts of this dilemma over all team sessions."""
        sql = (
            "SELECT r.counts_json FROM rounds r JOIN sessions s ON s.id = r.session_id"
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
            seq = self._next_seq(conn)
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
                     rec.deck_version, int(rec.completed), 1, None, seq)
                )
                seq += 1
                round_rows.extend(_round_row(rec.id, i, r) for i, r in enumerate(rec.rounds))
                pulse_rows.extend(
                    (rec.id, i, p.question, _dumps(dict(p.counts))) for i, p in enumerate(rec.pulse)
                )
            conn.executemany(
                f"INSERT INTO sessions ({_SESSION_COLUMNS}, state_json, seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                session_rows,
            )
            conn.executemany("INSERT INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", round_rows)
            conn.executemany("INSERT INTO pulse VALUES (?, ?, ?, ?)", pulse_rows)
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
                "INSERT INTO walkthroughs (id, session_id, dilemma_id, data_json, seq)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " session_id = excluded.session_id, dilemma_id = excluded.dilemma_id,"
                " data_json = excluded.data_json, seq = excluded.seq",
                (wid, session_id, dilemma_id, text, self._next_seq(conn, "walkthroughs")),
            )
        return wid

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        """The data of a walkthrough as saved (scrubbed), or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT data_json FROM walkthroughs WHERE id = ?", (walkthrough_id,)
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

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
            "SELECT s.deck_version, r.counts_json FROM rounds r JOIN sessions s"
            " ON s.id = r.session_id"
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
        """Walkthroughs not closed with "Klaar", newest first (of one card if `dilemma_id`)."""
        query = "SELECT id, dilemma_id, data_json, session_id FROM walkthroughs"
        args: tuple[str, ...] = ()
        if dilemma_id is not None:
            query += " WHERE dilemma_id = ?"
            args = (dilemma_id,)
        with self._read() as conn:
            rows = conn.execute(query + " ORDER BY seq DESC", args).fetchall()
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
        return found

    def delete_walkthrough(self, walkthrough_id: str) -> None:
        """Remove a walkthrough for good (the person asked for it)."""
        with self._write() as conn:
            conn.execute("DELETE FROM walkthroughs WHERE id = ?", (walkthrough_id,))


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
