"""Rows at the store's edge: records turned into rows (checked, notes scrubbed) and stored
cells read back into records (with a last guard against damaged cells)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sessions.model import OwnCase, PulseAnswer, Revote, Round, SessionKind, SessionRecord
from sessions.own import own_from_json, own_to_json, scrubbed_own
from sessions.scrub import scrub
from sessions.wellformed import PULSE_OK, ROUND_OK, SESSION_OK

_MONTH_RE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])", re.ASCII)
_VOTES = ("hands", "secret", "none")


def text_from(raw: bytes) -> str:
    """A stored text as a str, also when a damaged cell holds invalid UTF-8."""
    return raw.decode("utf-8", "replace")


def current_month() -> str:
    """This month as ``YYYY-MM`` (the store never keeps a day)."""
    return date.today().strftime("%Y-%m")


def is_month(text: object) -> bool:
    """Whether ``text`` is a real month ``YYYY-MM``."""
    return isinstance(text, str) and _MONTH_RE.fullmatch(text) is not None


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(value: object) -> str:
    return _encode(value)


def check_counts(counts: Mapping[str, int]) -> None:
    for key, value in counts.items():
        if not isinstance(key, str) or type(value) is not int or value < 0:
            raise ValueError(f"counts must map option keys to non-negative ints: {counts!r}")


def round_row(session_id: str, index: int, rnd: Round) -> tuple[Any, ...]:
    """The row of a round, validated, with its note scrubbed."""
    if rnd.vote not in _VOTES:
        raise ValueError(f"unknown vote mode: {rnd.vote!r}")
    if rnd.counts is not None:
        check_counts(rnd.counts)
    for revote in rnd.revotes:
        check_counts(revote.counts)
    if type(rnd.blanco) is not int or rnd.blanco < 0:
        raise ValueError(f"blanco must be a non-negative int: {rnd.blanco!r}")
    note = scrub(rnd.note).text.strip() if rnd.note else None
    own = None if rnd.own is None else dumps(own_to_json(scrubbed_own(rnd.own), situation=True))
    revotes = (
        dumps([{"variation": r.variation, "counts": dict(r.counts)} for r in rnd.revotes])
        if rnd.revotes
        else None
    )
    return (
        session_id,
        index,
        rnd.dilemma,
        rnd.theme,
        rnd.vote,
        None if rnd.counts is None else dumps(dict(rnd.counts)),
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
PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
                 OverflowError)


def counts_from(text: str) -> dict[str, int]:
    counts = _decode(text)[0]
    if type(counts) is not dict or not all(type(v) is int for v in counts.values()):
        raise ValueError(text)
    return counts


def revotes_from(text: str) -> tuple[Revote, ...]:
    items = _decode(text)[0]
    if type(items) is not list:
        raise ValueError(text)
    return tuple(Revote(int(r["variation"]), _checked(r["counts"])) for r in items)


def own_from(text: str) -> OwnCase:
    case = own_from_json(_decode(text)[0])
    if case is None:
        raise ValueError(text)
    return case


def state_from(text: object) -> dict[str, Any] | None:
    """A stored resume state, or None when the cell is damaged (not a JSON object)."""
    if text is None:
        return {}
    try:
        state = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        return None
    return state if isinstance(state, dict) else None


def with_export(text: object, path: str) -> str | None:
    """A stored state with ``path`` added to its ``exported`` files; None when it is there
    already or the state is damaged."""
    state = state_from(text)
    if state is None:
        return None
    exported = state.get("exported")
    paths = [p for p in exported if isinstance(p, str)] if isinstance(exported, list) else []
    if path in paths:
        return None
    return dumps({**state, "exported": [*paths, path]})


def timeless(state: Mapping[str, Any]) -> dict[str, Any]:
    """A resume state without the time of day the session's clock started."""
    return {key: value for key, value in state.items() if key != "clock_started"}


def _checked(counts: Any) -> dict[str, int]:
    if type(counts) is not dict or not all(type(v) is int for v in counts.values()):
        raise ValueError(counts)
    return counts


SESSION_COLUMNS = "id, kind, month, team, participants, deck_id, deck_version, completed, abandoned"


def where_clause(
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


def load_records(
    conn: sqlite3.Connection, where: str, params: Sequence[Any]
) -> tuple[list[SessionRecord], tuple[str, ...]]:
    """Well-formed sessions matching ``where`` (over alias ``s``), in three bulk queries;
    with the ids of those left out for a damaged cell (sorted).

    Each query reads its rows with the check of the views (SESSION_OK, ROUND_OK,
    PULSE_OK) as a column: one pass over the rounds both checks and reads them.
    """
    clause = f" WHERE {where}" if where else ""
    sessions = conn.execute(
        f"SELECT {SESSION_OK}, {SESSION_COLUMNS} FROM main.sessions s{clause}"
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
                None if counts is None else counts_from(counts),
                () if revotes is None else revotes_from(revotes),
                minutes,
                note,
                blanco,
                # The check sees an object; its shape is own_from_json's to judge.
                None if own is None else own_from(own),
            )
        except PARSE_ERRORS:
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
            pulse.setdefault(sid, []).append(PulseAnswer(question, counts_from(counts)))
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
    return records, tuple(sorted(str(sid) for sid in bad))


def insert_records(conn: sqlite3.Connection, records: Iterable[SessionRecord]) -> tuple[int, int]:
    """Insert the sessions whose id is not yet stored (nor earlier in ``records``), with
    their rounds and pulse, inside the caller's transaction; returns (added, skipped)."""
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
        round_rows.extend(round_row(rec.id, i, r) for i, r in enumerate(rec.rounds))
        pulse_rows.extend(
            (rec.id, i, p.question, dumps(dict(p.counts))) for i, p in enumerate(rec.pulse)
        )
    conn.executemany(
        f"INSERT INTO sessions ({SESSION_COLUMNS}, state_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        session_rows,
    )
    # OR REPLACE: rows a damaged file kept without their session (orphans) give way.
    conn.executemany("INSERT OR REPLACE INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     round_rows)
    conn.executemany("INSERT OR REPLACE INTO pulse VALUES (?, ?, ?, ?)", pulse_rows)
    return len(session_rows), skipped
