"""One result row of a benchmark, printed so that `python -m benchmarks` can collect it."""

from __future__ import annotations

import json
from typing import TypedDict


class Row(TypedDict):
    """A benchmark's result for one budget, as ``emit`` takes it."""

    budget: str
    figure: str
    baseline: str
    ratio: float | None
    limit: str
    ok: bool


def emit(budget: str, figure: str, baseline: str, ratio: float | None, limit: str, ok: bool) -> None:
    """Print a machine-readable result line (after the benchmark's own human-readable lines)."""
    row = {"budget": budget, "figure": figure, "baseline": baseline,
           "ratio": None if ratio is None else round(ratio, 2), "limit": limit, "ok": ok}
    print("RESULT " + json.dumps(row, ensure_ascii=False), flush=True)
