"""Handler of `integer-spel decks`."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    print("Deze opdracht is nog niet beschikbaar.", file=sys.stderr)
    return 1
