"""Walkthrough records in the store: the 7-step plan a person (or a team) works through.

Free functions over a connection inside the Store's transaction; the Store opens it.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sessions.scrub import scrub_tree
from sessions.store_rows import dumps, state_from


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


def new_id() -> str:
    """A random id for a new walkthrough."""
    return str(uuid.uuid4())


def scrubbed_text(data: Mapping[str, Any]) -> str:
    """The walkthrough's data as stored: JSON with every free text scrubbed, but for the
    card's own words that the data lists under "card_texts" (deck text, not typed)."""
    card = data.get("card_texts")
    keep = [t for t in card if isinstance(t, str)] if isinstance(card, list) else []
    return dumps(scrub_tree(dict(data), keep).value)


def save(
    conn: sqlite3.Connection,
    walkthrough_id: str,
    *,
    session_id: str | None,
    dilemma_id: str | None,
    text: str,
) -> None:
    """Insert or update a walkthrough; a session that is gone is no longer named."""
    if session_id is not None and conn.execute(
        "SELECT 1 FROM sessions WHERE id = ?", (session_id,)
    ).fetchone() is None:
        session_id = None
    conn.execute(
        "INSERT INTO walkthroughs (id, session_id, dilemma_id, data_json)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " session_id = excluded.session_id, dilemma_id = excluded.dilemma_id,"
        " data_json = excluded.data_json",
        (walkthrough_id, session_id, dilemma_id, text),
    )


def get(conn: sqlite3.Connection, walkthrough_id: str) -> dict[str, Any] | None:
    """The data of a walkthrough as saved (scrubbed), or None."""
    row = conn.execute(
        "SELECT data_json FROM walkthroughs WHERE id = ?", (walkthrough_id,)
    ).fetchone()
    return None if row is None else state_from(row[0])


def unfinished(conn: sqlite3.Connection, dilemma_id: str | None = None) -> list[WalkthroughInfo]:
    """Walkthroughs not closed with "Klaar", latest month first, then by title (of one
    card if `dilemma_id`); the store keeps no order of saving (SPEC §8)."""
    query = "SELECT id, dilemma_id, data_json, session_id FROM walkthroughs"
    args: tuple[str, ...] = ()
    if dilemma_id is not None:
        query += " WHERE dilemma_id = ?"
        args = (dilemma_id,)
    found: list[WalkthroughInfo] = []
    for wid, did, text, sid in conn.execute(query, args).fetchall():
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


def delete(conn: sqlite3.Connection, walkthrough_id: str) -> None:
    """Remove a walkthrough (the caller then folds the WAL so nothing of it stays)."""
    conn.execute("DELETE FROM walkthroughs WHERE id = ?", (walkthrough_id,))
