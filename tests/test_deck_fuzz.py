"""Fuzzing the deck loader: a located message or a valid deck, never another exception or a hang."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dilemmas.loader import check_file

TEAM = (Path(__file__).parent / "fixtures" / "decks" / "valid" / "team.yaml").read_bytes()
_PIECES = [b"\t", b":", b": ", b"- ", b"[", b"{", b"\"", b"'", b"\xe2\x80\x9c", b"\\e", b"\x00", b"\xff",
           b"\x1b", b"&a ", b"*a", b"!!python/object ", b"---\n", b"\n", b"  ", b"|", b">", b"#", b"%"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(TEAM)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[at:at] = draw(st.sampled_from(_PIECES))
        else:
            data[at:at + draw(st.integers(1, 20))] = b""
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(mutated(), st.binary(max_size=2000)))
def test_loader_gives_a_located_message_or_a_deck(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    start = time.perf_counter()
    deck, problems = check_file(path)
    assert time.perf_counter() - start < 2
    assert (deck is None) == bool(problems)
    for problem in problems:
        assert problem.path == str(path) and problem.line >= 1 and problem.column >= 1
        assert problem.message and "\x1b" not in problem.detail()
