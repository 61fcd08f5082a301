"""Two instances never both resume one session: taking it over is one compare and swap."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.app import IntegerSpelApp
from game.context import StartRequest
from sessions.model import Round
from sessions.store import OPEN_ELSEWHERE, LeaseLostError, Store
from tests.factories import SIZE, crash, fill_setup, make_ctx, no_real_time

__all__ = ["no_real_time"]


def _crashed_session(folder: Path) -> str:
    """A session whose instance died mid-play: it still holds it."""
    store = Store.open(folder)
    sid = store.start_session(kind="team", team="Inkoop", participants=6, deck_id="d",
                              deck_version="1", state={"position": 0})
    store.save_round(sid, 0, Round("k", "t", "hands", {"A": 6}))
    crash(store)  # no close(): as a crash leaves it
    return sid


def test_of_two_instances_offered_a_crashed_session_one_gets_it(tmp_path: Path) -> None:
    sid = _crashed_session(tmp_path)
    first, second = Store.open(tmp_path), Store.open(tmp_path)
    assert first.unfinished() is not None and second.unfinished() is not None
    assert first.claim(sid)
    assert not second.claim(sid)  # told before anything is typed
    with pytest.raises(LeaseLostError):
        second.save_round(sid, 1, Round("k2", "t", "hands", {"B": 6}))
    first.save_round(sid, 1, Round("k2", "t", "hands", {"A": 6}))
    with pytest.raises(LeaseLostError):
        second.check_claim(sid)
    first.check_claim(sid)
    record = first.get(sid)
    assert record is not None and [r.counts for r in record.rounds] == [{"A": 6}, {"A": 6}]
    first.close()
    second.close()


def test_a_claim_of_a_session_that_ended_or_went_fails(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    sid = store.start_session(kind="team", team=None, participants=5, deck_id="d",
                              deck_version="1")
    assert store.claim(sid)  # its own
    store.complete(sid)
    assert not store.claim(sid)
    assert not store.claim("bestaat-niet")
    store.close()


def test_a_session_released_by_a_clean_quit_is_free(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    sid = store.start_session(kind="team", team=None, participants=5, deck_id="d",
                              deck_version="1")
    store.close()
    other = Store.open(tmp_path)
    assert other.claim(sid)  # nobody holds it, offered or not
    other.close()


async def test_the_resume_offer_tells_when_another_window_took_the_session(
    isolated_dirs: Path,
) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, pulse="none")
    assert ctx.store is not None
    crash(ctx.store)  # the laptop crashed: the session is still held
    ctx2 = make_ctx(isolated_dirs)
    app2 = IntegerSpelApp(ctx2)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app2.screen).__name__ == "ChoiceDialog"
        # Meanwhile a second window, offered the same session, said "Verder spelen" first.
        other = Store.open(isolated_dirs)
        found = other.unfinished()
        assert found is not None and other.claim(found[0].id)
        await pilot.click("#choice-resume")
        await pilot.pause()
        assert type(app2.screen).__name__ != "RoundScreen"
        assert any(str(n.message) == OPEN_ELSEWHERE for n in app2._notifications)
        other.close()


_RACER = """
import sys, time
from pathlib import Path
from sessions.store import Store
store = Store.open(Path(sys.argv[1]))
found = store.unfinished()
assert found is not None
print("ready", flush=True)
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.005)
print("won" if store.claim(found[0].id) else "lost", flush=True)
while not Path(sys.argv[3]).exists():  # the winner keeps the session until all have tried
    time.sleep(0.005)
store.close()
"""


def test_of_four_processes_racing_for_a_crashed_session_exactly_one_wins(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    folder = tmp_path / "data"
    _crashed_session(folder)
    go, done = tmp_path / "go", tmp_path / "done"
    procs = [subprocess.Popen([sys.executable, "-c", _RACER, str(folder), str(go), str(done)],
                              cwd=root, stdout=subprocess.PIPE, text=True) for _ in range(4)]
    for p in procs:  # all have offered the session
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    go.touch()
    results = sorted(p.stdout.readline().strip() for p in procs if p.stdout is not None)
    done.touch()
    for p in procs:
        p.wait(timeout=60)
    assert results == ["lost", "lost", "lost", "won"]
