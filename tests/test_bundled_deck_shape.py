"""How the bundled deck files are written and what their cards give away: options in block
style, the supported option not guessable from its length or shape, routes from the config,
feedback for new hires."""

from __future__ import annotations

import re
from pathlib import Path

DECKS_DIR = Path(__file__).resolve().parent.parent / "dilemmas" / "decks"


def test_options_are_written_in_block_style() -> None:
    for path in sorted(DECKS_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"-\s*\{\s*key:", text), path.name
        assert re.search(r"^\s+- key: \S+\n\s+text: ", text, re.MULTILINE), path.name
