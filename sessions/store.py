"""SQLite store of anonymous session records: one transaction per change, safe for two processes.

The Store keeps the connection, its lock and its transactions; what happens inside them lives
beside it: opening and migrating the file (store_open), the errors (store_errors), which
instance still has a session open (store_signs), rows in and out (store_rows), walkthroughs
(store_walkthroughs). Callers import all of it from here.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dilemmas import paths
from sessions import store_walkthroughs
from sessions.model import PulseAnswer, Round, SessionKind, SessionRecord
from sessions.scrub import scrub
from sessions.store_errors import (
    LEASE_LOST,
    OPEN_ELSEWHERE,
    LeaseLostError,
    SessionGoneError,
    StoreCorruptError,
    StoreError,
    check_path,
    error_for,
    translated,
)
from sessions.store_open import (
    DB_NAME,
    checkpoint,
    connect,
    connect_read_only,
    connect_well_formed,
    set_aside,
)
from sessions.store_rows import (
    check_counts,
    current_month,
    dumps,
    insert_records,
    is_month,
    load_records,
    round_row,
    state_from,
    timeless,
    where_clause,
    with_export,
)
from sessions.store_signs import OPEN_FOLDER, alive, hold_sign, release_sign, sweep_signs
from sessions.store_walkthroughs import WalkthroughInfo
from sessions.wellformed import add_views

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DB_NAME",
    "LEASE_LOST",
    "OPEN_ELSEWHERE",
    "OPEN_FOLDER",
    "LeaseLostError",
    "SessionGoneError",
    "SessionLine",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "WalkthroughInfo",
    "close_all",
    "current_month",
    "is_month",
    "open_stores",
]

_error_for = error_for  # the name the store's tests know it by

BUSY_TIMEOUT_MS = 10_000
IMPORT_CACHE_KIB = 64 * 1024
DEFAULT_CACHE_SIZE = -2000  # SQLite's default: 2,000 KiB

_KINDS = ("team", "practice")

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
        # While this store is open, a file named by the token stays locked (see store_signs):
        # how another instance tells a session played here from one left by a crash.
        self._sign: sqlite3.Connection | None = None
        # Ids of the sessions the last listing set aside because a stored cell is damaged.
        self.damaged: tuple[str, ...] = ()
        self._closed = False
        with translated(path):
            add_views(conn)
        if not read_only:
            sweep_signs(path.parent)
            self._sign = hold_sign(path.parent, self.token)
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
            raise error_for(exc, Path(str(exc.filename or ".")).absolute() / DB_NAME) from exc
        path = folder.absolute() / DB_NAME
        check_path(path)
        try:
            return cls(connect(folder, path, busy_timeout_ms), path)
        except StoreError as exc:
            if isinstance(exc, StoreCorruptError) or not path.is_file():
                raise
            try:
                return cls(connect_read_only(path, busy_timeout_ms), path, read_only=True)
            except StoreError:
                raise exc from None

    set_aside = staticmethod(set_aside)

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
            if not self.read_only:
                with suppress(sqlite3.Error):
                    # A clean quit frees the sessions this instance played, for a resume.
                    self._conn.execute(
                        "UPDATE sessions SET holder = NULL WHERE holder = ?", (self.token,)
                    )
                checkpoint(self._conn)
            with suppress(sqlite3.Error):
                self._conn.close()
            release_sign(self.path.parent, self.token, self._sign)
            self._sign = None
            # Listed until here: `close_all` (the last thing before a forced exit) waits for a
            # close under way instead of passing it by.
            _OPEN.discard(self)

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
                checkpoint(self._conn)

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
        with self._lock, translated(self.path):
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
        with self._lock, translated(self.path):
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
            if row[0] is not None and row[0] != self.token and alive(self.path.parent, row[0]):
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
                    None if state is None else dumps(dict(state)),
                    self.token,
                ),
            )
        return session_id

    def save_round(self, session_id: str, index: int, rnd: Round) -> None:
        """Insert or replace the round at position ``index`` (0-based); the note is scrubbed."""
        if index < 0:
            raise ValueError(f"round index must be 0 or more: {index}")
        row = round_row(session_id, index, rnd)
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
            check_counts(answer.counts)
        with self._write() as conn:
            self._touch(conn, session_id)
            conn.execute("DELETE FROM pulse WHERE session_id = ?", (session_id,))
            conn.executemany(
                "INSERT INTO pulse VALUES (?, ?, ?, ?)",
                [(session_id, i, a.question, dumps(dict(a.counts))) for i, a in enumerate(pulse)],
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
            text = dumps(timeless(state) if ended else dict(state))
            conn.execute("UPDATE sessions SET state_json = ? WHERE id = ?", (text, session_id))

    def note_export(self, session_id: str, path: str) -> None:
        """Add ``path`` to the files a practice run exported (SPEC §6: "wis mijn oefenronde"
        lists them, after a restart too); a team session is left as it is."""
        with self._write() as conn:
            row = conn.execute("SELECT state_json FROM sessions WHERE id = ? AND kind = "
                               "'practice'", (session_id,)).fetchone()
            text = with_export(row[0], path) if row is not None else None
            if text is not None:
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
            state = state_from(row[0])
            conn.execute(
                f"UPDATE sessions SET {column} = 1, state_json = ? WHERE id = ?",  # noqa: S608
                (row[0] if state is None else dumps(timeless(state)), session_id),
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
                if holder is not None and holder != self.token and alive(
                        self.path.parent, holder):
                    continue  # open in another window
                # A damaged state is offered as an empty one: the app then says the session
                # cannot go on, rather than forgetting it without a word.
                state = state_from(text) or {}
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
        return state_from(row[0]) or {}

    def list_sessions(
        self,
        kind: SessionKind | None = "team",
        month_from: str | None = None,
        month_to: str | None = None,
    ) -> list[SessionRecord]:
        """Sessions with their rounds and pulse, oldest month first; fast for 10,000 sessions."""
        where, params = where_clause(kind, month_from, month_to)
        with self._read() as conn:
            return self._load(conn, where.removeprefix(" WHERE "), params)

    def _load(self, conn: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[SessionRecord]:
        """Well-formed sessions matching ``where`` (over alias ``s``); ``self.damaged`` lists
        the ids of those left out for a damaged cell."""
        records, self.damaged = load_records(conn, where, params)
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
        where, params = where_clause(kind, month_from, month_to)
        with self._read() as conn:
            row = conn.execute(f"SELECT min(s.month), max(s.month) FROM sessions s{where}",
                               params).fetchone()
        return row[0], row[1]

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction over the store's well-formed rows, for a module that queries
        them itself (the report sums them in SQL). Errors inside come out as StoreError.

        The reading has a read-only connection of its own, on which ``sessions``, ``rounds``
        and ``pulse`` name views of the sessions without a damaged cell (SQLite looks in the
        TEMP schema first): a reader can't sum what it should skip, and writes never see
        these views. ``temp.skipped`` lists what was left out. Without this store's lock,
        a worker thread that reads 10,000 sessions never holds up the event loop's own
        (short) reads and writes.
        """
        with translated(self.path):
            conn = connect_well_formed(self.path, BUSY_TIMEOUT_MS)
            try:
                yield conn
            finally:
                conn.close()

    # -- bundles -------------------------------------------------------------------------

    def import_records(self, records: Iterable[SessionRecord]) -> tuple[int, int]:
        """Add sessions from elsewhere in one transaction; returns (added, skipped).

        Ids already present (or repeated in ``records``) are skipped. Notes are scrubbed.
        Imported sessions are never offered for resumption here: they carry no state.
        """
        # A bulk insert that does not fit SQLite's default 2 MB page cache spills pages to
        # the WAL again and again; a larger cache for this one transaction halves the time.
        with self._lock, translated(self.path):
            self._conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB:d}")
            try:
                with self._write() as conn:
                    return insert_records(conn, records)
            finally:
                with suppress(sqlite3.Error):
                    self._conn.execute(f"PRAGMA cache_size = {DEFAULT_CACHE_SIZE:d}")
                    self._conn.execute("PRAGMA shrink_memory")

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
        wid = walkthrough_id or store_walkthroughs.new_id()
        text = store_walkthroughs.scrubbed_text(data)
        with self._write() as conn:
            store_walkthroughs.save(conn, wid, session_id=session_id, dilemma_id=dilemma_id,
                                    text=text)
        return wid

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        """The data of a walkthrough as saved (scrubbed), or None."""
        with self._read() as conn:
            return store_walkthroughs.get(conn, walkthrough_id)

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
        with self._read() as conn:
            return store_walkthroughs.unfinished(conn, dilemma_id)

    def delete_walkthrough(self, walkthrough_id: str) -> None:
        """Remove a walkthrough for good (the person asked for it)."""
        with self._write() as conn:
            store_walkthroughs.delete(conn, walkthrough_id)
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
