"""End to end in a real terminal: play with hand counts and a secret vote, SIGKILL, resume.

Runs the installed `integer-spel` in tmux, types as a facilitator would, kills the process
mid-round, starts again, resumes, finishes, and checks the stored record. CI installs tmux;
elsewhere the test is skipped when tmux is missing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.store import Store

DECK = """\
deck:
  id: e2e
  title: Proefdeck
  version: "1"
themes:
  - id: geschenken
    title: Geschenken
dilemmas:
""" + "".join(
    f"""\
  - id: kaart-{i}
    theme: geschenken
    title: Proefkaart {i}
    situation: Een leverancier stuurt je na afloop iets toe, nummer {i}.
    question: Wat doe je?
    answer:
      kind: choice
      options:
        - {{key: A, text: Ik neem het aan.}}
        - {{key: B, text: Ik stuur het terug.}}
    prompts: [Waarom?, Wat zou je collega doen?]
    guidance: Meld het aan je leidinggevende.
    references: [Gedragscode — geschenken]
"""
    for i in (1, 2, 3)
)

EXE = Path(sys.executable).with_name("integer-spel")
needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("CI"),
    reason="tmux is not installed (CI installs it)",
)


class Terminal:
    """A tmux session on its own socket, with a few facilitator-sized helpers."""

    def __init__(self, socket: str, env: dict[str, str], decks: Path) -> None:
        self.socket = socket
        self.env = env
        self.decks = decks

    def tmux(self, *args: str) -> str:
        # The test process may carry COLUMNS/LINES from the test runner; the app would take
        # those over the real size of the tmux window.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True, env=env
        ).stdout

    def start(self, *argv: str, size: tuple[int, int] = (120, 36)) -> None:
        env_args = [a for k, v in self.env.items() for a in ("-e", f"{k}={v}")]
        # `exec`: the pane's process is the app itself, whatever shell tmux starts it with
        # (/bin/sh where SHELL is unset keeps itself between them), so a kill reaches the app.
        command = " ".join(["exec", str(EXE), *argv])
        width, height = (str(n) for n in size)
        self.tmux("new-session", "-d", "-s", "t", "-x", width, "-y", height, *env_args, command)

    def resize(self, width: int, height: int) -> None:
        """The window becomes ``width``×``height`` cells, as when the font is enlarged."""
        self.tmux("resize-window", "-t", "t", "-x", str(width), "-y", str(height))

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear; the screen was:\n{self.screen()}")

    def keys(self, *keys: str, pause: float = 0.4) -> None:
        # A person types one key at a time; so does this.
        for key in keys:
            self.tmux("send-keys", "-t", "t", key)
            time.sleep(pause)

    def app_pid(self) -> int:
        return int(self.tmux("list-panes", "-t", "t", "-F", "#{pane_pid}").strip())

    def wait_closed(self, timeout: float = 20.0) -> None:
        """Wait until the app has ended (its tmux session goes with it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = subprocess.run(
                ["tmux", "-L", self.socket, "has-session", "-t", "t"], capture_output=True
            )
            if done.returncode != 0:
                return
            time.sleep(0.1)
        raise AssertionError(f"the app did not end; the screen was:\n{self.screen()}")

    def kill_server(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def close(self) -> None:
        """The terminal goes (the app gets SIGHUP); an app still running after that is
        ended, so no test leaves one behind."""
        try:
            pid: int | None = self.app_pid()
        except subprocess.CalledProcessError:  # the app has ended already
            pid = None
        self.kill_server()
        if pid is None:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def terminal_with_deck(tmp_path: Path, name: str, deck: str) -> Iterator[Terminal]:
    """A tmux terminal whose app has its own data, config and home folders and one deck
    (in ``terminal.decks``); the tmux server goes when the test is done."""
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / f"{name}.yaml").write_text(deck, encoding="utf-8")
    env = {
        "INTEGER_SPEL_DATA_DIR": str(tmp_path / "data"),
        "INTEGER_SPEL_CONFIG_DIR": str(tmp_path / "config"),
        "HOME": str(tmp_path / "home"),
        "TERM": "xterm-256color",
    }
    term = Terminal(f"integer-spel-{name}-{os.getpid()}", env, decks)
    yield term
    term.close()


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    yield from terminal_with_deck(tmp_path, "e2e", DECK)


@needs_tmux
def test_play_kill_resume_finish(terminal: Terminal, tmp_path: Path) -> None:
    decks = str(terminal.decks)
    terminal.start(
        "--decks", decks, "play", "--deck", "e2e", "--team", "E2E", "--participants", "3"
    )
    terminal.wait_for("Beginnen")
    terminal.keys("C-s")

    # The pulse comes first (the setup's default), by secret vote, revealed with r.
    terminal.wait_for("Meldklimaat-peiling · vraag 1")
    terminal.keys("g")
    terminal.wait_for("Deelnemer 1 van 3")
    for voter, key in enumerate(("1", "1", "2"), start=1):
        terminal.wait_for(f"Deelnemer {voter} van 3")
        terminal.keys(key, pause=0.2)
    terminal.wait_for("3 stemmen. Druk op r")
    terminal.keys("r")
    terminal.wait_for("67%")
    terminal.keys("e")  # the rest of the pulse is skipped: on to the cards
    terminal.wait_for("Ronde 1 van 3")

    # Round 1: hand counts 2 and 1, typed in one burst as a fast typist does.
    terminal.keys("h")
    terminal.wait_for("hoeveel handen")
    terminal.tmux("send-keys", "-t", "t", "2", "Tab", "1")
    terminal.wait_for("Samen 3 van 3")
    terminal.keys("Enter")
    # Raised hands were seen by everyone: the result shows at once.
    terminal.wait_for("67%")

    # Round 2: a secret vote round the room; the screen never shows the choice.
    terminal.keys("Right")
    terminal.wait_for("Ronde 2 van 3")
    terminal.keys("g")
    terminal.wait_for("Deelnemer 1 van 3")
    for voter, key in enumerate(("a", "b", "b"), start=1):
        screen = terminal.wait_for(f"Deelnemer {voter} van 3")
        assert "Ik stuur het terug" in screen or "Ik neem het aan" in screen
        terminal.keys(key, pause=0.2)
        screen = terminal.wait_for("Stem ontvangen")
        assert "Deelnemer" not in screen
    # A secret result waits for the reveal.
    terminal.wait_for("3 stemmen. Druk op r")
    terminal.keys("r")
    terminal.wait_for("67%")

    # The laptop dies mid-round.
    os.kill(terminal.app_pid(), signal.SIGKILL)
    time.sleep(0.5)
    terminal.kill_server()

    store = Store.open(tmp_path / "data")
    found = store.unfinished("team")
    assert found is not None
    record, _state = found
    assert record.team == "E2E" and record.participants == 3
    assert [dict(r.counts or {}) for r in record.rounds] == [{"A": 2, "B": 1}, {"A": 1, "B": 2}]
    assert [r.vote for r in record.rounds] == ["hands", "secret"]
    store.close()

    # Start again: the app offers to resume, and the round is there with its votes.
    terminal.start("--decks", decks)
    terminal.wait_for("Verder spelen")
    terminal.keys("Enter")
    screen = terminal.wait_for("Ronde 2 van 3")
    assert "3 stemmen" in screen

    # Finish: round 3 without a vote; the pulse was asked at the start, so the summary follows.
    terminal.keys("Right")
    terminal.wait_for("Ronde 3 van 3")
    terminal.keys("Right")
    terminal.wait_for("Afronden")
    terminal.keys("Enter")
    terminal.wait_for("Samenvatting teamsessie")
    terminal.keys("q")
    terminal.wait_for("Teamspel")
    terminal.keys("C-q")
    terminal.wait_closed()

    store = Store.open(tmp_path / "data")
    done = store.get(record.id)
    assert done is not None and done.completed
    assert [dict(r.counts or {}) for r in done.rounds][:2] == [{"A": 2, "B": 1}, {"A": 1, "B": 2}]
    assert len(done.pulse) == 1 and sum(done.pulse[0].counts.values()) == 3
    assert store.unfinished("team") is None
