"""What a session's summary needs beside its stored rounds, the same in the app and later.

The game keeps `GameState.summary_facts()` with the session (in its saved state); this module
turns those facts, plus the deep dives read through the store, into the record's ``extra``
that `sessions.summary` renders. The app's summary screen and `integer-spel sessions export`
both go through `with_summary`, so they give the same text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from dilemmas.stappenplan import Stappenplan, load_stappenplan
from game.rules.walkthrough import WalkthroughState
from sessions.model import SessionRecord
from sessions.store import StoreError

ReadWalkthrough = Callable[[str], Mapping[str, Any] | None]


def _pairs(value: object) -> list[tuple[int, str]]:
    out = []
    if isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, (list, tuple)) and len(item) == 2:
                number, text = item
                if isinstance(number, int) and isinstance(text, str):
                    out.append((number, text))
    return out


def deep_dive(data: Mapping[str, Any], plan: Stappenplan) -> dict[str, Any] | None:
    """The decision sentence and the titles of the steps filled in, or None when nothing is."""
    try:
        state = WalkthroughState.from_dict(plan, data)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    steps = [plan.steps[i].title for i in range(state.step_count) if state.is_done(i)]
    if not steps:
        return None
    decided = bool(state.chosen_text() and state.decision.because.strip())
    sentence = state.decision_sentence() if decided else "Nog geen besluit genomen."
    return {"sentence": sentence, "steps": steps}


def summary_extra(
    facts: Mapping[str, Any] | None,
    read_walkthrough: ReadWalkthrough | None = None,
    plan: Stappenplan | None = None,
) -> dict[str, object]:
    """The record's ``extra`` for the summary, from the kept facts (missing parts left out)."""
    facts = facts if isinstance(facts, Mapping) else {}
    extra: dict[str, object] = {}
    numbers = facts.get("numbers")
    if isinstance(numbers, list) and all(isinstance(n, int) for n in numbers):
        extra["numbers"] = tuple(numbers)
    extra["skipped"] = tuple(_pairs(facts.get("skipped")))
    present = facts.get("present")
    if isinstance(present, list):
        extra["present"] = tuple(p if isinstance(p, int) else None for p in present)
    blanco = facts.get("pulse_blanco")
    if isinstance(blanco, Mapping):
        extra["pulse_blanco"] = {
            str(q): n for q, n in blanco.items() if isinstance(n, int) and n > 0
        }
    revote_blanco = facts.get("revote_blanco")
    if isinstance(revote_blanco, list):
        extra["revote_blanco"] = tuple(
            (item[0], item[1], item[2])
            for item in revote_blanco
            if isinstance(item, list) and len(item) == 3 and all(isinstance(n, int) for n in item)
        )
    dives: list[dict[str, Any]] = []
    if read_walkthrough is not None:
        plan = plan or load_stappenplan()
        for number, walkthrough_id in _pairs(facts.get("walkthroughs")):
            try:
                data = read_walkthrough(walkthrough_id)
            except (StoreError, ValueError):  # a damaged record: the summary goes on without
                data = None
            found = deep_dive(data, plan) if data is not None else None
            if found is not None:
                dives.append({"number": number, **found})
    extra["deep_dives"] = tuple(dives)
    return extra


def with_summary(
    record: SessionRecord,
    state: Mapping[str, Any] | None,
    read_walkthrough: ReadWalkthrough | None = None,
    plan: Stappenplan | None = None,
) -> SessionRecord:
    """``record`` with what its summary needs, from the session's kept state."""
    facts = state.get("summary") if isinstance(state, Mapping) else None
    extra = summary_extra(facts, read_walkthrough, plan)
    return replace(record, extra={**record.extra, **extra})


def export_name(record: SessionRecord, suffix: str) -> str:
    """The summary's file name, wherever it is saved from: e.g.
    "integer-spel-2026-11-publiekszaken.md"."""
    team = re.sub(r"[^a-z0-9]+", "-", (record.team or "team").lower()).strip("-") or "team"
    return f"integer-spel-{record.month}-{team}.{suffix}"
