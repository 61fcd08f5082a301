"""What a well-formed row of the session store is, said once, in SQL (SPEC §12).

A JSON tally is an object of whole numbers of 0 or more; texts are texts (not blobs, numbers
or NULL where a value is needed). The store reads its rows with these checks as columns;
``add_views`` gives any connection of the store's file the views ``good_sessions``,
``good_rounds``, ``good_pulse`` (what readers such as a report sum) and ``bad_sessions``
(what they left out, to say how many): a session with any damaged cell is left out of every
reader alike.
"""

from __future__ import annotations

import sqlite3

# SQLite does not promise to stop at the first false term of an AND, and the JSON functions
# raise on malformed JSON: each JSON check is a CASE that looks inside only valid JSON.
# TALLY_AT: the value at JSON path {p} of the valid JSON {c} is a tally.
TALLY_AT = (
    "(json_type({c}, {p}) = 'object' AND NOT EXISTS"
    " (SELECT 1 FROM json_each({c}, {p}) j WHERE j.type != 'integer' OR j.value < 0))"
)
TALLY_OK = (
    "(CASE WHEN typeof({c}) = 'text' AND json_valid({c}) THEN "
    + TALLY_AT.format(c="{c}", p="'$'") + " ELSE 0 END)"
)
ROUND_FIELDS_OK = (
    "(typeof(r.dilemma) = 'text' AND typeof(r.theme) = 'text'"
    " AND r.vote IN ('hands', 'secret', 'none')"
    " AND typeof(r.blanco) = 'integer' AND r.blanco >= 0"
    " AND typeof(r.minutes) IN ('integer', 'null') AND typeof(r.note) IN ('text', 'null')"
    " AND typeof(r.idx) = 'integer'"
    " AND (r.revotes_json IS NULL OR (CASE WHEN typeof(r.revotes_json) = 'text'"
    " AND json_valid(r.revotes_json) THEN json_type(r.revotes_json) = 'array' AND NOT EXISTS"
    " (SELECT 1 FROM json_each(r.revotes_json) v WHERE CASE WHEN v.type != 'object' THEN 1"
    " ELSE json_type(v.value, '$.variation') IS NOT 'integer'"
    f" OR NOT {TALLY_AT.format(c='v.value', p=chr(39) + '$.counts' + chr(39))} END)"
    " ELSE 0 END))"
    " AND (r.own_json IS NULL OR (CASE WHEN typeof(r.own_json) = 'text'"
    " AND json_valid(r.own_json) THEN json_type(r.own_json) = 'object' ELSE 0 END)))"
)
"""Every cell of a round but its first vote (``counts_json``)."""
ROUND_OK = f"({ROUND_FIELDS_OK} AND (r.counts_json IS NULL OR {TALLY_OK.format(c='r.counts_json')}))"
PULSE_OK = (
    "(typeof(p.question) = 'text' AND typeof(p.idx) = 'integer'"
    f" AND {TALLY_OK.format(c='p.counts_json')})"
)
SESSION_OK = (
    "(typeof(s.id) = 'text' AND s.kind IN ('team', 'practice') AND typeof(s.month) = 'text'"
    " AND length(s.month) = 7 AND s.month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
    " AND substr(s.month, 6, 2) BETWEEN '01' AND '12'"
    " AND typeof(s.team) IN ('text', 'null') AND typeof(s.participants) = 'integer'"
    " AND s.participants >= 0 AND typeof(s.deck_id) = 'text' AND typeof(s.deck_version) = 'text'"
    " AND typeof(s.completed) = 'integer' AND typeof(s.abandoned) = 'integer'"
    " AND typeof(s.state_json) IN ('text', 'null'))"
)
TALLIES = (
    "CREATE TEMP TABLE IF NOT EXISTS tallies AS WITH d AS MATERIALIZED"
    f" (SELECT c, {TALLY_OK.format(c='c')} AS ok FROM (SELECT DISTINCT counts_json AS c"
    " FROM rounds WHERE counts_json IS NOT NULL))"
    " SELECT c, ok, CASE WHEN ok THEN (SELECT total(j.value) FROM json_each(c) j) END AS n"
    " FROM d",
    "CREATE INDEX IF NOT EXISTS temp.tallies_c ON tallies (c)",
)
"""``temp.tallies``: each distinct first-vote text of the rounds, whether it is a tally (``ok``)
and its number of answers (``n``). Many rounds share one text: it is checked and read once."""


def _views(round_ok: str) -> tuple[str, ...]:
    return (
        f"CREATE TEMP VIEW IF NOT EXISTS bad_rounds AS SELECT r.session_id FROM main.rounds r"
        f" WHERE NOT ({round_ok})",
        f"CREATE TEMP VIEW IF NOT EXISTS bad_pulse AS SELECT p.session_id FROM main.pulse p"
        f" WHERE NOT ({PULSE_OK})",
        # Each session with ``ok``: whether it and all its rows are well-formed (one pass).
        f"CREATE TEMP VIEW IF NOT EXISTS checked_sessions AS SELECT s.*, ({SESSION_OK}"
        " AND NOT EXISTS (SELECT 1 FROM bad_rounds b WHERE b.session_id = s.id)"
        " AND NOT EXISTS (SELECT 1 FROM bad_pulse b WHERE b.session_id = s.id)) AS ok"
        " FROM main.sessions s",
        "CREATE TEMP VIEW IF NOT EXISTS good_sessions AS SELECT * FROM checked_sessions WHERE ok",
        "CREATE TEMP VIEW IF NOT EXISTS good_rounds AS SELECT * FROM main.rounds"
        " WHERE session_id IN (SELECT id FROM good_sessions)",
        "CREATE TEMP VIEW IF NOT EXISTS good_pulse AS SELECT * FROM main.pulse"
        " WHERE session_id IN (SELECT id FROM good_sessions)",
        # Sessions with a damaged cell, also those whose kind or month is itself damaged.
        "CREATE TEMP VIEW IF NOT EXISTS bad_sessions AS SELECT id, kind, month"
        " FROM checked_sessions WHERE NOT ok",
    )


def add_views(conn: sqlite3.Connection, *, reading: bool = False) -> None:
    """Add the views of well-formed rows (``good_sessions``, ``good_rounds``, ``good_pulse``)
    and of damaged sessions (``bad_sessions``) to a connection of the store's file.

    They live in the connection's TEMP schema: the file is not changed, and a read-only
    connection gets them too. ``reading``: for a connection that reads one snapshot (a
    read transaction), whose first votes are checked once per distinct text in
    ``temp.tallies`` (made here) instead of once per round.
    """
    round_ok = ROUND_OK
    if reading:
        add_tallies(conn)
        round_ok = (f"({ROUND_FIELDS_OK} AND (r.counts_json IS NULL OR r.counts_json NOT IN"
                    " (SELECT c FROM temp.tallies WHERE NOT ok)))")
    for statement in _views(round_ok):
        conn.execute(statement)


def add_tallies(conn: sqlite3.Connection) -> None:
    """Make ``temp.tallies`` (see TALLIES) when the connection has none yet."""
    for statement in TALLIES:
        conn.execute(statement)


def skipped_message(count: int) -> str:
    """How many sessions a reader left out for a damaged cell, in Dutch ("" for none)."""
    if count <= 0:
        return ""
    if count == 1:
        return "1 sessie is beschadigd in het bestand en overgeslagen; de rest is meegenomen."
    return (f"{count} sessies zijn beschadigd in het bestand en overgeslagen; de rest is "
            "meegenomen.")
