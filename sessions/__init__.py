"""Anonymous session records: the store, anonymity rules, reports, exports and bundles."""

from sessions.model import PulseAnswer, Revote, Round, SessionKind, SessionRecord, VoteMode
from sessions.scrub import Scrubbed, ScrubbedTree, scrub, scrub_tree
from sessions.store import Store, StoreCorruptError, StoreError

__all__ = [
    "PulseAnswer",
    "Revote",
    "Round",
    "Scrubbed",
    "ScrubbedTree",
    "SessionKind",
    "SessionRecord",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "VoteMode",
    "scrub",
    "scrub_tree",
]
