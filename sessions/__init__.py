"""Anonymous session records: the store, anonymity rules, reports, exports and bundles."""

from sessions.model import PulseAnswer, Revote, Round, SessionRecord

__all__ = ["PulseAnswer", "Revote", "Round", "SessionRecord"]
