"""`integer-spel serve` in a real browser: Debian's chromium driven by Playwright.

The page draws the terminal on a canvas, so the test reads what the app sends over the
websocket (the same bytes xterm.js draws) instead of the page's DOM.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
EXE = Path(sys.executable).with_name("integer-spel")

pytest.importorskip("textual_serve")
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not shutil.which("chromium"),
    reason="chromium is not installed (CI installs it)",
)

ANSI = re.compile(r"\x1b\[[0-9;?$]*[A-Za-z]|\x1b\][^\x07]*\x07")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, server: subprocess.Popen[str], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve stopped: {server.communicate()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("serve did not listen")


class Tab:
    """A browser tab on the served app; reads the text the app sends to it."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.frames: list[str] = []
        self.mark = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        self.frames.append(payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))

    def text(self) -> str:
        return ANSI.sub("", "".join(self.frames[self.mark:]))

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen = self.text()
            if text in seen:
                return seen
            self.page.wait_for_timeout(100)
        raise AssertionError(f"{text!r} did not appear; the app sent:\n{self.text()[-3000:]}")

    def keys(self, *keys: str) -> None:
        # Only what the app sends after these keys counts for the next wait_for.
        self.mark = len(self.frames)
        for key in keys:
            self.page.keyboard.press(key)
            self.page.wait_for_timeout(250)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    data = tmp_path / "data"
    env = {**os.environ, "INTEGER_SPEL_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("INTEGER_SPEL_DATA_DIR", None)
    server = subprocess.Popen(
        [str(EXE), "--data-dir", str(data), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}/", data
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    assert "Traceback" not in err, err
    assert "De server is gestopt." in out


def test_play_a_round_in_the_browser_and_download_the_summary(
    served: tuple[str, Path], tmp_path: Path
) -> None:
    url, data = served
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
            tab = Tab(page)
            page.goto(url)
            assert page.title() == "Integer-spel"
            tab.wait_for("Teamspel")
            page.locator(".xterm-helper-textarea").focus()
            tab.keys("Enter")
            tab.wait_for("Beginnen")
            tab.keys("Tab", "Tab", "3", "Control+s")  # focus starts on the deck
            tab.wait_for("peiling")  # the pulse comes first (the setup's default)
            tab.keys("e")  # skipped here: on to the cards
            tab.wait_for("Ronde 1 van")
            # Open questions are not voted on: go on to the first card with answers.
            for _ in range(10):
                tab.keys("h")
                try:
                    tab.wait_for("hoeveel handen", timeout=3)
                    break
                except AssertionError:
                    tab.keys("ArrowRight")
            else:
                raise AssertionError("no card with answers in the first ten")
            tab.keys("2", "Tab", "1", "Enter")
            summary = tab.wait_for("%")
            percent = re.findall(r"\b(\d{1,3})%", summary)
            assert "67" in percent or "33" in percent, summary[-2000:]
            tab.keys("e")
            tab.wait_for("Afronden")
            tab.keys("Enter")
            tab.wait_for("Samenvatting teamsessie")
            with page.expect_download(timeout=20_000) as info:
                tab.keys("m")
            download = info.value
            target = tmp_path / download.suggested_filename
            download.save_as(target)
            tab.wait_for("gedownload")  # told once the browser has it
        finally:
            browser.close()
    assert target.suffix == ".md"
    text = target.read_text(encoding="utf-8")
    assert "67%" in text or "33%" in text
    # The file went to the browser, not into a folder on the server.
    assert not list(data.glob("**/*.md"))
