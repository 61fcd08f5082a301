"""SQLite store of anonymous session records.

PLACEHOLDER: the signatures below are the contract the app codes against; the
implementation is being written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sessions.model import PulseAnswer, Round, SessionKind, SessionRecord


class StoreError(Exception):
    """The store cannot be used (unwritable folder, disk full, newer schema, ...).

    ``str(error)`` is a Dutch message for the user.
    """


class StoreCorruptError(StoreError):
    """The database file is damaged. The app offers to set it aside and start a new one."""


class Store:
    """Anonymous session records in ``<data dir>/sessions.sqlite3``."""

    @classmethod
    def open(cls, data_dir: Path | None = None) -> Store:
        """Open (creating or migrating) the store in ``data_dir`` (default: paths.data_dir())."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

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
    ) -> str:
        """Create a session (month defaults to the current month) and return its UUID."""
        raise NotImplementedError

    def save_round(self, session_id: str, index: int, rnd: Round) -> None:
        """Insert or replace the round at position ``index`` (0-based); the note is scrubbed."""
        raise NotImplementedError

    def delete_round(self, session_id: str, index: int) -> None:
        raise NotImplementedError

    def save_pulse(self, session_id: str, pulse: Sequence[PulseAnswer]) -> None:
        raise NotImplementedError

    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None:
        """Opaque JSON the app needs to resume (plan, position, ...); never exported."""
        raise NotImplementedError

    def complete(self, session_id: str) -> None:
        raise NotImplementedError

    def abandon(self, session_id: str) -> None:
        """Stop offering this unfinished session for resumption (its rounds are kept)."""
        raise NotImplementedError

    def unfinished(self, kind: SessionKind = "team") -> tuple[SessionRecord, dict[str, Any]] | None:
        """The most recent session that is neither completed nor abandoned, with its state."""
        raise NotImplementedError

    def get(self, session_id: str) -> SessionRecord | None:
        """A session by full id or unique id prefix."""
        raise NotImplementedError

    def list_sessions(
        self,
        kind: SessionKind | None = "team",
        month_from: str | None = None,
        month_to: str | None = None,
    ) -> list[SessionRecord]:
        """Sessions with their rounds and pulse, oldest month first; fast for 10,000 sessions."""
        raise NotImplementedError

    def dilemma_counts(self, dilemma_id: str, deck_id: str | None = None) -> dict[str, int]:
        """Summed first-vote counts of this dilemma over all team sessions."""
        raise NotImplementedError

    def save_walkthrough(
        self,
        walkthrough_id: str | None,
        *,
        session_id: str | None,
        dilemma_id: str | None,
        data: Mapping[str, Any],
    ) -> str:
        """Insert (id None) or update a 7-step walkthrough; free text scrubbed; returns its id."""
        raise NotImplementedError

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        raise NotImplementedError
