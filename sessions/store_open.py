"""Opening the store's file: creating it privately, migrating it, read-only when the folder
can't be written; folding its WAL; setting a damaged file aside."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from dilemmas import paths
from sessions import _schema
from sessions.store_errors import StoreError, translated
from sessions.store_rows import text_from
from sessions.store_signs import tighten_folder
from sessions.wellformed import add_views

DB_NAME = "sessions.sqlite3"

CHECKPOINT_WAIT_MS = 2_000


def checkpoint(conn: sqlite3.Connection) -> None:
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


def chmod_private(path: Path) -> None:
    """Make a file readable by the user alone (a no-op where the OS has no such modes)."""
    with suppress(OSError):
        if path.exists():
            os.chmod(path, 0o600)


def connect(folder: Path, path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A connection to the store at ``path``, made (private) or migrated to the current schema
    as needed, its WAL folded in; StoreError when it cannot be."""
    with translated(path):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tighten_folder(folder)
        if not path.exists():
            # Create the file ourselves so that it is private from the first byte;
            # SQLite gives its -wal and -shm files the same mode.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        conn = sqlite3.connect(
            path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            conn.text_factory = text_from
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms):d}")
            # Read the version before anything writes: a newer file is never touched.
            version = _schema.user_version(conn)
            if version > _schema.CURRENT_VERSION:
                raise StoreError(
                    f"Het bestand met sessies ({path}) is gemaakt met een nieuwere versie van "
                    "Integer-spel. Werk Integer-spel bij; het bestand is niet aangeraakt."
                )
            chmod_private(path)
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
            checkpoint(conn)
            for suffix in ("-wal", "-shm"):
                chmod_private(path.with_name(path.name + suffix))
        except BaseException:
            conn.close()
            raise
    return conn


def connect_read_only(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A read-only connection to an existing store of the current schema (a folder the user
    may not write in); StoreError when there is none to be had."""
    with translated(path):
        if not os.access(path, os.R_OK):
            raise StoreError(f"Het bestand met sessies is niet leesbaar: {path}.")
        for query in ("mode=ro", "immutable=1"):
            conn = sqlite3.connect(
                f"{path.as_uri()}?{query}", uri=True, timeout=busy_timeout_ms / 1000,
                isolation_level=None, check_same_thread=False,
            )
            try:
                conn.text_factory = text_from
                version = _schema.user_version(conn)
                if version != _schema.CURRENT_VERSION:
                    conn.close()
                    raise StoreError(f"Het bestand met sessies is niet te gebruiken: {path}.")
                conn.execute("SELECT count(*) FROM sessions").fetchone()
            except sqlite3.Error:
                conn.close()
                continue
            return conn
    raise StoreError(f"Het bestand met sessies is niet te openen: {path}.")


def connect_well_formed(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A read-only connection in a read transaction on which ``sessions``, ``rounds`` and
    ``pulse`` hold only the sessions without a damaged cell; ``temp.skipped`` lists what was
    left out (id, kind, month). The caller closes it.

    The check reads every row once. With nothing damaged (the usual case) the queries read
    the tables themselves; otherwise ``sessions``, ``rounds`` and ``pulse`` name views in the
    TEMP schema (which SQLite searches first) that leave the damaged sessions out.
    """
    conn = sqlite3.connect(
        f"{path.as_uri()}?mode=ro", uri=True, timeout=busy_timeout_ms / 1000,
        isolation_level=None, check_same_thread=False,
    )
    try:
        conn.text_factory = text_from
        conn.execute("BEGIN")
        add_views(conn, reading=True)
        conn.execute("CREATE TEMP TABLE skipped AS SELECT id, kind, month FROM temp.bad_sessions")
        if conn.execute("SELECT 1 FROM temp.skipped LIMIT 1").fetchone() is not None:
            left_out = "(SELECT id FROM temp.skipped WHERE id IS NOT NULL)"
            conn.execute("CREATE TEMP VIEW sessions AS SELECT * FROM main.sessions"
                         f" WHERE id IS NOT NULL AND id NOT IN {left_out}")
            for table in ("rounds", "pulse"):
                conn.execute(f"CREATE TEMP VIEW {table} AS SELECT * FROM main.{table}"
                             f" WHERE session_id NOT IN {left_out}")
    except BaseException:
        conn.close()
        raise
    return conn


def set_aside(data_dir: Path | None = None) -> Path:
    """Rename a damaged store to ``sessions.sqlite3.beschadigd-N`` and return the new path.

    Never overwrites a file: N is the first free number. Its -wal and -shm files move
    along, so that a new store does not pick them up. Call only when the user agreed.
    """
    folder = data_dir if data_dir is not None else paths.data_dir()
    path = folder / DB_NAME
    with translated(path):
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
