"""End to end in a real terminal: a walkthrough, SIGKILL mid-way, start again, continue."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from sessions.store import Store
from tests.test_e2e_tmux import Terminal, needs_tmux, terminal

__all__ = ["terminal"]  # the pytest fixture, imported for use here


@needs_tmux
def test_walkthrough_kill_and_continue(terminal: Terminal, tmp_path: Path) -> None:
    decks = str(terminal.decks)
    terminal.start("--decks", decks, "walkthrough", "--dilemma", "kaart-2")
    terminal.wait_for("Stap 1 van 7")
    for word in ("Neem", "ik", "het", "aan?"):
        terminal.tmux("send-keys", "-t", "t", "-l", word + " ")
        time.sleep(0.1)
    terminal.keys("PageDown")
    terminal.wait_for("Stap 2 van 7")
    terminal.tmux("send-keys", "-t", "t", "-l", "Het is een fles wijn")
    time.sleep(1.5)  # the save waits half a second after the last key

    # The laptop dies mid-walkthrough.
    os.kill(terminal.app_pid(), signal.SIGKILL)
    time.sleep(0.5)
    terminal.kill_server()

    store = Store.open(tmp_path / "data")
    found = store.open_walkthroughs()
    assert [(w.title, w.step) for w in found] == [("Proefkaart 2", 2)]

    # Starting again on the same card offers what was typed.
    terminal.start("--decks", decks, "walkthrough", "--dilemma", "kaart-2")
    terminal.wait_for("Verder met je stappenplan?")
    terminal.wait_for("Proefkaart 2 — bij stap 2 van 7")
    terminal.keys("Enter")
    screen = terminal.wait_for("Stap 2 van 7")
    assert "Het is een fles wijn" in screen
    terminal.keys("PageUp")
    screen = terminal.wait_for("Stap 1 van 7")
    assert "Neem ik het aan?" in screen
    terminal.keys("C-q")
    time.sleep(0.5)
    assert len(Store.open(tmp_path / "data").open_walkthroughs()) == 1
