"""Fuzzing the bundle parser: a located message or a valid result, never another exception,
never more than 2 s (issue 13)."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.bundle import BundleError, load_bundle
from sessions.model import SessionRecord
from tests.factories import bundle_doc as _bundle
from tests.factories import bundle_session as _session

LIMIT_S = 2.0
VALID = json.dumps(_bundle(_session()), ensure_ascii=False).encode("utf-8")

_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=20) | st.sampled_from(["\ud800", "\x1b[2J", "２０２６-01", "9" * 30])
)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_fields = st.sampled_from(
    ["id", "kind", "month", "team", "participants", "deck", "rounds", "pulse", "completed"]
)


def _check(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bundel.json"
        path.write_bytes(raw)
        started = time.perf_counter()
        try:
            records = load_bundle(path)
        except BundleError as exc:
            message = str(exc)
            assert message.startswith(str(path)), message
            message.encode("utf-8")  # printable as it is
        else:
            assert all(isinstance(r, SessionRecord) for r in records)
        assert time.perf_counter() - started < LIMIT_S


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.binary(max_size=4)), max_size=6))
def test_mutated_bytes(edits: list[tuple[int, bytes]]) -> None:
    raw = bytearray(VALID)
    for at, chunk in edits:
        raw[at : at + len(chunk)] = chunk
    _check(bytes(raw))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_fields, _json, st.integers(0, 1))
def test_any_value_in_any_field(field: str, value: Any, where: int) -> None:
    session = _session()
    if where:
        session["rounds"][0] = {**session["rounds"][0], field: value}
    else:
        session[field] = value
    _check(json.dumps(_bundle(session), ensure_ascii=True).encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_json)
def test_any_json_at_all(value: Any) -> None:
    _check(json.dumps(value).encode("utf-8"))
