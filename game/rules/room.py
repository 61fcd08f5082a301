"""What the room is told about a vote: whole percentages that add up to 100, and plain words.

The verdeeldheid index belongs to the report; the beamer says what the room can see.
"""

from __future__ import annotations

from sessions.figures import room_phrase, room_words, shares

__all__ = ["room_phrase", "room_words", "shares"]
