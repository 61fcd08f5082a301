"""A round's note as kept: scrubbed of personal data first, then cut to length, both told."""

from __future__ import annotations

from dataclasses import dataclass

from sessions.scrub import scrub_text

MAX_NOTE = 1000
"""Characters kept of a note, counted after scrubbing."""


@dataclass(frozen=True)
class CleanNote:
    text: str
    removed: tuple[str, ...]
    cut: bool


def clean_note(typed: str) -> CleanNote:
    """Scrub first (so nothing is cut in the middle of an e-mail address and left behind),
    then cut to MAX_NOTE characters."""
    clean, removed = scrub_text(typed.strip())
    cut = len(clean) > MAX_NOTE
    return CleanNote(clean[:MAX_NOTE].rstrip() if cut else clean, removed, cut)


def note_message(note: CleanNote) -> str | None:
    """What the facilitator is told about the saved note, or None when it is kept as typed."""
    parts = []
    if note.removed:
        labels = ", ".join(dict.fromkeys(note.removed))
        parts.append(f"De app heeft weggehaald: {labels}.")
    if note.cut:
        parts.append(f"De notitie was te lang en is ingekort tot {MAX_NOTE} tekens.")
    return " ".join(parts) or None
