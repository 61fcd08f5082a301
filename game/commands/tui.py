"""Start the Textual app (the only command path that imports Textual)."""

from __future__ import annotations

import argparse

from game.context import AppContext, StartKind, StartRequest


def run(args: argparse.Namespace) -> int:
    """Open the app where the command line asked; returns the exit code."""
    from game.app import IntegerSpelApp  # Textual is imported only here

    kinds: dict[str | None, StartKind] = {
        None: "menu", "play": "play", "practice": "practice", "walkthrough": "walkthrough"}
    start = StartRequest(
        kind=kinds[args.command],
        deck=getattr(args, "deck", None),
        team=getattr(args, "team", None),
        participants=getattr(args, "participants", None),
        dilemma=getattr(args, "dilemma", None),
    )
    ctx = AppContext.load(args.decks)
    app = IntegerSpelApp(ctx, start)
    app.run()
    return app.return_code or 0
