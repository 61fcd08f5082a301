"""Anonymous session records: the store, anonymity rules, reports, exports and bundles."""

from sessions.bundle import (
    BundleError,
    ImportResult,
    export_bundle,
    import_bundles,
    load_bundle,
    parse_bundle,
    write_bundle,
)
from sessions.model import PulseAnswer, Revote, Round, SessionKind, SessionRecord, VoteMode
from sessions.scrub import Scrubbed, ScrubbedTree, scrub, scrub_tree
from sessions.store import Store, StoreCorruptError, StoreError
from sessions.summary import summary_html, summary_markdown

__all__ = [
    "BundleError",
    "ImportResult",
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
    "export_bundle",
    "import_bundles",
    "load_bundle",
    "parse_bundle",
    "scrub",
    "scrub_tree",
    "summary_html",
    "summary_markdown",
    "write_bundle",
]
