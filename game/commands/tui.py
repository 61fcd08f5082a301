"""Start the Textual app (the only command path that imports Textual)."""

from __future__ import annotations

import argparse
import sys

from game.context import AppContext, StartKind, StartRequest


def run(args: argparse.Namespace) -> int:
    """Open the app where the command line asked; returns the exit code."""
    team = getattr(args, "team", None)
    if team is not None:
        from game.rules.entry import control_refusal

        refusal = control_refusal(team)
        if refusal is not None:
            print(f"De teamnaam na --team kan niet: {refusal}", file=sys.stderr)
            return 2
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
