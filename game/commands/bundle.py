"""Handler of `integer-spel bundle`: export and import session bundles; never imports Textual."""

from __future__ import annotations

import argparse
import sys

from sessions.bundle import (
    BUNDLE_NOTICE,
    BundleError,
    export_bundle,
    import_bundles,
    write_bundle,
)
from sessions.store import Store, StoreError
from sessions.text import printable, safe_streams
from sessions.wellformed import skipped_message


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    safe_streams()
    try:
        store = Store.open()
    except StoreError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    try:
        if args.bundle_command == "export":
            return export(store, args)
        return import_(store, args)
    except StoreError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    finally:
        store.close()


def export(store: Store, args: argparse.Namespace) -> int:
    """Write the team sessions (from --since on) as a bundle to -o FILE or stdout."""
    bundle = export_bundle(store, since=args.since)
    if store.damaged:
        print(skipped_message(len(store.damaged)), file=sys.stderr)
    try:
        write_bundle(bundle, args.output)
    except BundleError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    if args.output is not None and str(args.output) != "-":
        n = len(bundle["sessions"])
        print(f"{n} {'teamsessie' if n == 1 else 'teamsessies'} geschreven naar {args.output}.",
              file=sys.stderr)
    print(BUNDLE_NOTICE, file=sys.stderr)
    return 0


def import_(store: Store, args: argparse.Namespace) -> int:
    """Check every file, then add all sessions at once; say how many were added and skipped."""
    try:
        result = import_bundles(store, args.files)
    except BundleError as exc:
        print("Er is niets geïmporteerd: eerst moet elk bestand helemaal kloppen.", file=sys.stderr)
        print(printable(str(exc)), file=sys.stderr)
        return 1
    print(result.message())
    return 0
