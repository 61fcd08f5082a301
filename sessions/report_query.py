"""The WIO report's sums, computed by SQLite over the store's tables (SPEC §9).

Every report (each format, the Rapportage screen, a report over records that were never
stored) is summed here: GROUP BY over the sessions, rounds and pulse tables, ``json_each``
where a tally is a JSON object. A vote of fewer than ``k`` answers is dropped inside the
query, before it can enter a sum (SPEC §8). Records that are not in a store are first put in
an in-memory database of the same shape (``records_db``), so there is one way of summing.

Only these columns are read: sessions (id, kind, month, team, participants, deck_id,
deck_version, completed), rounds (session_id, dilemma, theme, counts_json, revotes_json,
note, blanco, own_json), pulse (session_id, question, counts_json).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from typing import Any

from sessions.model import SessionRecord
from sessions.wellformed import add_tallies

# The rounds of the team sessions of the period [:start, :end] (the ones a report counts).
_COUNTED = (
    "FROM sessions s JOIN rounds x ON x.session_id = s.id"
    " WHERE s.kind = 'team' AND s.month BETWEEN :start AND :end"
)

_QUARTER = "substr(s.month, 1, 4) || '-Q' || ((CAST(substr(s.month, 6, 2) AS INTEGER) + 2) / 3)"

SessionRowData = tuple[str, str | None, int, int, int]
"""(month, team, participants, completed, rounds)"""


class Sums:
    """The raw sums of one period, as SQLite gave them (keys in no particular order)."""

    def __init__(self) -> None:
        self.sessions: list[SessionRowData] = []
        self.themes: list[tuple[str, str, int]] = []  # (theme, deck, rounds)
        self.played: list[tuple[str, str, str, int]] = []  # (deck, dilemma, theme, rounds)
        # (deck, version, dilemma) → (rounds summed, answers, blanco) and → key → count
        self.firsts: dict[tuple[str, str, str], tuple[int, int, int]] = {}
        self.counts: dict[tuple[str, str, str], dict[str, int]] = {}
        # first vote and re-votes (decoded) of each summed round with re-votes
        self.revoted: list[tuple[str, str, str, dict[str, int], Any]] = []
        self.own: list[str] = []  # eigen casus JSON, one per round
        self.notes: list[tuple[str, str, str, str | None]] = []  # (deck, dilemma, note, own)
        # (question, quarter, team) → key → count
        self.pulse: dict[tuple[str, str, str | None], dict[str, int]] = {}
        # Votes of 1 to k-1 answers, left out of every sum: rounds' first votes, and one
        # session's answers to one pulse question.
        self.left_out = 0
        self.pulse_left_out = 0


def _count_of(key: str, name: str) -> tuple[str, str]:
    """An SQL expression for the count of ``key`` in the tally ``u.c`` (NULL when the
    tally has no such key), with its parameter ``:name``, and that parameter's value."""
    if '"' in key or "\\" in key:  # not expressible as a JSON path: look it up
        return f"(SELECT j.value FROM json_each(u.c) j WHERE j.key = :{name})", key
    return f"json_extract(u.c, :{name})", f'$."{key}"'


def query_sums(conn: sqlite3.Connection, start: str, end: str, *, k: int, with_notes: bool,
               pulse_from: str | None, pulse_to: str | None) -> Sums:
    """Sum the team sessions from month ``start`` to ``end`` (inclusive); the pulse over the
    months ``pulse_from`` to ``pulse_to`` (None: no pulse). Votes below ``k`` are left out."""
    out = Sums()
    period = {"start": start, "end": end, "least": max(1, k)}
    out.sessions = conn.execute(
        "SELECT s.month, s.team, s.participants, s.completed,"
        " (SELECT count(*) FROM rounds x WHERE x.session_id = s.id) AS n FROM sessions s"
        " WHERE s.kind = 'team' AND s.month BETWEEN :start AND :end AND n > 0",
        period).fetchall()
    if not out.sessions:
        return out
    # One pass over the rounds for the themes, the rounds played and the first votes summed
    # per option key: the keys that occur are read first, then each is one column (a GROUP BY
    # over the keys themselves would sort every key of every round).
    add_tallies(conn)  # once per reading: a store's reading has made it already
    keys = [row[0] for row in conn.execute(
        "SELECT DISTINCT j.key FROM temp.tallies u, json_each(u.c) j WHERE u.ok")]
    columns = [_count_of(key, f"k{i}") for i, key in enumerate(keys)]
    params = {**period, **{f"k{i}": value for i, (_sql, value) in enumerate(columns)}}
    picked = "".join(f", {sql} AS c{i}" for i, (sql, _) in enumerate(columns))
    sums = "".join(f", sum(t.c{i})" for i in range(len(columns)))
    themes: dict[tuple[str, str], int] = {}
    played: dict[tuple[str, str, str], int] = {}
    any_own = False
    # Each distinct tally text is read once, then joined to its rounds.
    # The rounds with re-votes come along as one JSON text per group, "[first, re-votes], …".
    for d, v, m, theme, own, ok, rounds, answers, blanco, voted, again, *values in conn.execute(
        f"WITH t AS MATERIALIZED (SELECT u.c, u.n{picked} FROM temp.tallies u WHERE u.ok)"
        " SELECT s.deck_id, s.deck_version, x.dilemma, x.theme, x.own_json IS NOT NULL AS own,"
        " x.own_json IS NULL AND t.n >= :least AS ok, count(*), sum(t.n), sum(x.blanco),"
        " sum(t.n > 0), group_concat('[' || x.counts_json || ',' || x.revotes_json || ']')"
        f"{sums} FROM sessions s JOIN rounds x ON x.session_id = s.id"
        " LEFT JOIN t ON t.c = x.counts_json"
        " WHERE s.kind = 'team' AND s.month BETWEEN :start AND :end"
        " GROUP BY s.deck_id, s.deck_version, x.dilemma, x.theme, own, ok", params,
    ):
        themes[(theme, d)] = themes.get((theme, d), 0) + rounds
        if own:
            any_own = True
            continue
        played[(d, m, theme)] = played.get((d, m, theme), 0) + rounds
        if not ok:
            if ok is not None:  # a vote of 1 to k-1 answers (None: no vote at all)
                out.left_out += int(voted or 0)
            continue
        was = out.firsts.get((d, v, m), (0, 0, 0))
        out.firsts[(d, v, m)] = (was[0] + rounds, was[1] + int(answers), was[2] + blanco)
        counts = out.counts.setdefault((d, v, m), {})
        for key, count in zip(keys, values, strict=True):
            if count is not None:
                counts[key] = counts.get(key, 0) + count
        if again:
            out.revoted += [(d, v, m, first, revotes)
                            for first, revotes in json.loads(f"[{again}]")]
    out.themes = [(theme, deck_id, n) for (theme, deck_id), n in themes.items()]
    out.played = [(d, m, theme, n) for (d, m, theme), n in played.items()]
    if any_own:
        out.own = [row[0] for row in conn.execute(
            f"SELECT x.own_json {_COUNTED} AND x.own_json IS NOT NULL", period)]
    if with_notes:
        out.notes = conn.execute(
            f"SELECT s.deck_id, x.dilemma, x.note, x.own_json {_COUNTED}"
            " AND x.note IS NOT NULL", period).fetchall()
    if pulse_from is not None and pulse_to is not None and pulse_from <= pulse_to:
        _pulse_sums(conn, out, pulse_from, pulse_to, max(1, k))
    return out


def _pulse_sums(conn: sqlite3.Connection, out: Sums, start: str, end: str, least: int) -> None:
    """The pulse answers of the team sessions (with a round) from ``start`` to ``end``, each
    of at least ``least`` answers, summed per question, quarter and team label."""
    keys = [row[0] for row in conn.execute(
        "SELECT DISTINCT j.key FROM (SELECT DISTINCT counts_json AS c FROM pulse) u,"
        " json_each(u.c) j")]
    columns = [_count_of(key, f"k{i}") for i, key in enumerate(keys)]
    params = {"start": start, "end": end, "least": least,
              **{f"k{i}": value for i, (_sql, value) in enumerate(columns)}}
    picked = "".join(f", {sql} AS c{i}" for i, (sql, _) in enumerate(columns))
    sums = "".join(f", sum(t.c{i})" for i in range(len(columns)))
    # As for the rounds: each distinct answer tally is read once, then joined to its rows.
    for question, quarter, team, ok, n, *values in conn.execute(
        "WITH t AS MATERIALIZED (SELECT u.c, (SELECT total(j.value) FROM json_each(u.c) j)"
        f" AS n{picked} FROM (SELECT DISTINCT counts_json AS c FROM pulse) u)"
        f" SELECT y.question, {_QUARTER} AS quarter, s.team, t.n >= :least AS ok,"
        f" count(*){sums}"
        " FROM sessions s JOIN pulse y ON y.session_id = s.id JOIN t ON t.c = y.counts_json"
        " WHERE s.kind = 'team' AND s.month BETWEEN :start AND :end"
        " AND EXISTS (SELECT 1 FROM rounds x WHERE x.session_id = s.id) AND t.n > 0"
        " GROUP BY y.question, quarter, s.team, ok", params,
    ):
        if not ok:  # one session's answers to a question, fewer than k: in no sum
            out.pulse_left_out += n
            continue
        out.pulse[(question, quarter, team)] = {
            key: n for key, n in zip(keys, values, strict=True) if n is not None}


def damaged_count(conn: sqlite3.Connection, start: str, end: str) -> int:
    """How many team sessions of months ``start`` to ``end`` a store's reading left out for a
    damaged cell (those whose kind or month is itself damaged count too); 0 for records."""
    if conn.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'skipped'").fetchone() \
            is None:
        return 0
    row = conn.execute(
        "SELECT count(*) FROM temp.skipped WHERE kind IS NOT 'practice'"
        " AND (typeof(month) != 'text' OR length(month) != 7"
        " OR NOT month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
        " OR substr(month, 6, 2) NOT BETWEEN '01' AND '12' OR month BETWEEN ? AND ?)",
        (start, end)).fetchone()
    return int(row[0])


def listing(conn: sqlite3.Connection) -> list[tuple[str, str, str | None, int, int, int]]:
    """(id, month, team, participants, completed, rounds) of every team session, newest month
    first (within a month by team and id: nothing that tells the order they were played in),
    for a list on screen."""
    return conn.execute(
        "SELECT s.id, s.month, s.team, s.participants, s.completed,"
        " (SELECT count(*) FROM rounds x WHERE x.session_id = s.id) FROM sessions s"
        " WHERE s.kind = 'team' ORDER BY s.month DESC, s.team, s.id",
    ).fetchall()


_MEMORY_SCHEMA = (
    "CREATE TABLE sessions (id INTEGER PRIMARY KEY, kind TEXT, month TEXT, team TEXT,"
    " participants INTEGER, deck_id TEXT, deck_version TEXT, completed INTEGER)",
    "CREATE TABLE rounds (session_id INTEGER, dilemma TEXT, theme TEXT, counts_json TEXT,"
    " revotes_json TEXT, note TEXT, blanco INTEGER, own_json TEXT)",
    "CREATE TABLE pulse (session_id INTEGER, question TEXT, counts_json TEXT)",
    "CREATE INDEX rounds_session ON rounds (session_id)",
    "CREATE INDEX pulse_session ON pulse (session_id)",
)


@contextmanager
def records_db(records: Iterable[SessionRecord]) -> Iterator[sqlite3.Connection]:
    """The records in an in-memory database with the store's columns, so that a report over
    records that were never stored is summed by the same queries."""
    from sessions.own import own_to_json

    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        for statement in _MEMORY_SCHEMA:
            conn.execute(statement)
        sessions: list[tuple[Any, ...]] = []
        rounds: list[tuple[Any, ...]] = []
        pulse: list[tuple[Any, ...]] = []
        for sid, rec in enumerate(records):
            sessions.append((sid, rec.kind, rec.month, rec.team, rec.participants, rec.deck_id,
                             rec.deck_version, int(rec.completed)))
            for rnd in rec.rounds:
                revotes = (encode([{"variation": r.variation, "counts": dict(r.counts)}
                                   for r in rnd.revotes]) if rnd.revotes else None)
                rounds.append((sid, rnd.dilemma, rnd.theme,
                               None if rnd.counts is None else encode(dict(rnd.counts)),
                               revotes, rnd.note or None, rnd.blanco,
                               None if rnd.own is None else encode(own_to_json(rnd.own))))
            pulse.extend((sid, answer.question, encode(dict(answer.counts)))
                         for answer in rec.pulse)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sessions)
        conn.executemany("INSERT INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rounds)
        conn.executemany("INSERT INTO pulse VALUES (?, ?, ?)", pulse)
        conn.execute("COMMIT")
        yield conn
