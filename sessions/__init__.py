"""Anonymous session records: the store, anonymity rules, reports, exports and bundles."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sessions.model import PulseAnswer, Revote, Round, SessionKind, SessionRecord, VoteMode
from sessions.scrub import Scrubbed, ScrubbedTree, scrub, scrub_tree

if TYPE_CHECKING:
    from sessions.bundle import (
        BundleError,
        ImportResult,
        export_bundle,
        import_bundles,
        load_bundle,
        parse_bundle,
        write_bundle,
    )
    from sessions.store import Store, StoreCorruptError, StoreError
    from sessions.summary import summary_html, summary_markdown

# The store (sqlite3), bundles and summaries (the config's YAML) load on first use, so that
# importing one small module of this package does not pay for all of them.
_LAZY = {
    "BundleError": "sessions.bundle",
    "ImportResult": "sessions.bundle",
    "export_bundle": "sessions.bundle",
    "import_bundles": "sessions.bundle",
    "load_bundle": "sessions.bundle",
    "parse_bundle": "sessions.bundle",
    "write_bundle": "sessions.bundle",
    "Store": "sessions.store",
    "StoreCorruptError": "sessions.store",
    "StoreError": "sessions.store",
    "summary_html": "sessions.summary",
    "summary_markdown": "sessions.summary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sessions' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
