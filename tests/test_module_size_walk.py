"""The stappenplan and practice modules stay readable: none over 700 lines."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent / "game"
MODULES = [
    "screens/walkthrough.py", "screens/walkthrough_pick.py", "screens/practice.py",
    "rules/walkthrough.py", "rules/practice.py", "rules/practice_recap.py", "rules/decision.py",
    "rules/text.py", "widgets/walkthrough_panels.py", "widgets/practice_feedback.py",
    "widgets/practice_phases.py", "store_link.py",
]


@pytest.mark.parametrize("module", MODULES)
def test_module_is_at_most_700_lines(module: str) -> None:
    lines = (ROOT / module).read_text(encoding="utf-8").count("\n")
    assert lines <= 700, f"{module}: {lines} lines"
