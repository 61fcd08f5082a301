"""Checks on what the facilitator types, at entry: no control characters (SPEC §12)."""

from __future__ import annotations

from sessions.text import control_characters

CONTROL_REFUSAL = (
    "Hier staat een onzichtbaar stuurteken in (zoals Escape of een piep). Typ alleen gewone "
    "letters, cijfers en leestekens."
)


def control_refusal(text: str, *, lines: bool = False) -> str | None:
    """The Dutch refusal for text with a control character (ESC, BEL, …), or None when it is
    fine; with ``lines`` a line break or tab is allowed (a note)."""
    return CONTROL_REFUSAL if control_characters(text, newlines=lines) else None
