"""The main menu in a browser (`integer-spel serve`) against the terminal start-up.

Budget (SPEC §11): in a browser, the main menu within 1.5 × the terminal start-up. The browser
figure runs from opening the page in Debian's chromium (driven by Playwright) until the menu's
text ("Teamspel") arrives over the websocket the page draws from; the terminal figure is the
same app in a tmux pane, timed from outside (benchmarks/_ttff.py). The server is started once
and is not counted: a facilitator starts it before the meeting. Runs alternate; medians count.

For comparison (not budgeted) a bare Textual app (a Header, a Static and a Footer) is served by
textual-serve the same way and timed in the same runs, in the browser and in the terminal: that
shows what textual-serve costs by itself. Each browser run is split into the page (until
DOMContentLoaded: the HTML and textual-serve's JavaScript), the websocket opening, and the app
process textual-serve starts for that websocket (until the text is on it).

    python -m benchmarks.bench_serve [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks._result import Row, emit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, WebSocket

CHROMIUM = "/usr/bin/chromium"
BUDGET = "main menu in a browser (serve)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Teamspel")
        yield Footer()

Bare().run()
"""

BARE_SERVER = """
import sys
from textual_serve.server import Server

Server(sys.argv[1], port=int(sys.argv[2])).serve()
"""


def _browser_once(browser: Browser, url: str) -> dict[str, float]:
    """Seconds from opening the page until: the page is loaded ("page"), the websocket is
    open ("socket"), and "Teamspel" has arrived over it ("menu")."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    frames: list[str] = []
    marks: dict[str, float] = {}
    start = time.perf_counter()

    def frame(payload: str | bytes) -> None:
        frames.append(payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))

    def websocket(ws: WebSocket) -> None:
        marks.setdefault("socket", time.perf_counter() - start)
        ws.on("framereceived", frame)

    def loaded(_page: Page) -> None:
        marks.setdefault("page", time.perf_counter() - start)

    page.on("websocket", websocket)
    page.on("domcontentloaded", loaded)
    page.goto(url)
    while time.perf_counter() - start < 30:
        if "Teamspel" in "".join(frames):
            marks["menu"] = time.perf_counter() - start
            page.close()
            return marks
        page.wait_for_timeout(5)
    raise SystemExit("the menu never arrived in the browser")


def _wait_for_port(port: int) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit("serve did not start") from None
            time.sleep(0.1)


def _phases(runs: list[dict[str, float]]) -> str:
    def median(key: str) -> float:
        return statistics.median(run.get(key, float("nan")) for run in runs) * 1000

    return (f"page loaded {median('page'):.0f} ms, websocket open {median('socket'):.0f} ms, "
            f"text on it {median('menu'):.0f} ms")


def measure(runs: int) -> Row:
    from playwright.sync_api import sync_playwright

    from benchmarks import _ttff

    with tempfile.TemporaryDirectory() as tmp:
        data, config = str(Path(tmp) / "data"), str(Path(tmp) / "config")
        port, bare_port = _free_port(), _free_port()
        env = {**os.environ, "INTEGER_SPEL_DATA_DIR": data, "INTEGER_SPEL_CONFIG_DIR": config}
        bare_file = Path(tmp) / "bare.py"
        bare_file.write_text(BARE_APP, encoding="utf-8")
        bare_command = f"{sys.executable} {bare_file}"
        servers = [
            subprocess.Popen([sys.executable, "-m", "game", "serve", "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env),
            subprocess.Popen([sys.executable, "-c", BARE_SERVER, bare_command, str(bare_port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        ]
        try:
            _wait_for_port(port)
            _wait_for_port(bare_port)
            terminal_argv = ["env", f"INTEGER_SPEL_DATA_DIR={data}",
                             f"INTEGER_SPEL_CONFIG_DIR={config}", sys.executable, "-m", "game"]
            bare_argv = [sys.executable, str(bare_file)]
            url, bare_url = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{bare_port}/"
            web: list[dict[str, float]] = []
            bare_web: list[dict[str, float]] = []
            term: list[float] = []
            bare_term: list[float] = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                _browser_once(browser, url)  # warm-up
                _browser_once(browser, bare_url)
                _ttff.once(terminal_argv, "Teamspel")
                _ttff.once(bare_argv, "Teamspel")
                for _ in range(runs):
                    web.append(_browser_once(browser, url))
                    bare_web.append(_browser_once(browser, bare_url))
                    for argv, into in ((terminal_argv, term), (bare_argv, bare_term)):
                        t = _ttff.once(argv, "Teamspel")
                        if t is None:
                            raise SystemExit("never saw the text in the tmux pane")
                        into.append(t)
                browser.close()
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=10)
    menu = [run["menu"] for run in web]
    bare_menu = [run["menu"] for run in bare_web]
    print("browser runs: ", " ".join(f"{t:.3f}" for t in menu))
    print("terminal runs:", " ".join(f"{t:.3f}" for t in term))
    print("bare app, browser runs: ", " ".join(f"{t:.3f}" for t in bare_menu))
    print("bare app, terminal runs:", " ".join(f"{t:.3f}" for t in bare_term))
    print("ours in the browser:", _phases(web))
    print("bare in the browser:", _phases(bare_web))
    bare_ratio = statistics.median(bare_menu) / statistics.median(bare_term)
    print(f"bare Textual app: browser {statistics.median(bare_menu) * 1000:.0f} ms vs terminal "
          f"{statistics.median(bare_term) * 1000:.0f} ms → {bare_ratio:.2f}× (textual-serve by itself)")
    # SPEC §11: against a bare Textual app served by textual-serve the same way, in this run
    # (textual-serve's page, websocket and process start are its floor).
    ratio = statistics.median(menu) / statistics.median(bare_menu)
    return {"budget": BUDGET, "figure": f"{statistics.median(menu) * 1000:.0f} ms",
            "baseline": f"{statistics.median(bare_menu) * 1000:.0f} ms (bare Textual app, served)",
            "ratio": round(ratio, 2), "limit": "≤ 1.3×", "ok": ratio <= 1.3}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    try:
        import playwright  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        print("needs playwright and textual-serve (pip install -e '.[test]')")
        return 1
    if not Path(CHROMIUM).exists():
        print(f"needs chromium at {CHROMIUM} (apt-get install chromium)")
        return 1
    row = measure(args.runs)
    print(f"{row['budget']}: {row['figure']} vs {row['baseline']} → {row['ratio']}× "
          f"(budget {row['limit']}) {'OK' if row['ok'] else 'OVER'}")
    emit(**row)
    return 0 if row["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
