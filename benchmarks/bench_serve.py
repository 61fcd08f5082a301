"""The main menu in a browser (`integer-spel serve`) against the terminal start-up.

Budget (SPEC §11): in a browser, the main menu within 1.5 × the terminal start-up. The browser
figure runs from opening the page in Debian's chromium (driven by Playwright) until the menu's
text ("Teamspel") arrives over the websocket the page draws from; the terminal figure is the
same app in a tmux pane, timed from outside (benchmarks/_ttff.py). The server is started once
and is not counted: a facilitator starts it before the meeting. Runs alternate; medians count.

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

from benchmarks._result import emit

CHROMIUM = "/usr/bin/chromium"
BUDGET = "main menu in a browser (serve)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _browser_once(browser: object, url: str) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    frames: list[str] = []

    def frame(payload: str | bytes) -> None:
        frames.append(payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))

    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    start = time.perf_counter()
    page.goto(url)
    while time.perf_counter() - start < 30:
        if "Teamspel" in "".join(frames):
            seconds = time.perf_counter() - start
            page.close()
            return seconds
        page.wait_for_timeout(5)
    raise SystemExit("the menu never arrived in the browser")


def measure(runs: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    from benchmarks import _ttff

    with tempfile.TemporaryDirectory() as tmp:
        data, config = str(Path(tmp) / "data"), str(Path(tmp) / "config")
        port = _free_port()
        env = {**os.environ, "INTEGER_SPEL_DATA_DIR": data, "INTEGER_SPEL_CONFIG_DIR": config}
        server = subprocess.Popen([sys.executable, "-m", "game", "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit("serve did not start") from None
                    time.sleep(0.1)
            terminal_argv = ["env", f"INTEGER_SPEL_DATA_DIR={data}",
                             f"INTEGER_SPEL_CONFIG_DIR={config}", sys.executable, "-m", "game"]
            url = f"http://127.0.0.1:{port}/"
            web, term = [], []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                _browser_once(browser, url)  # warm-up
                _ttff.once(terminal_argv, "Teamspel")
                for _ in range(runs):
                    web.append(_browser_once(browser, url))
                    t = _ttff.once(terminal_argv, "Teamspel")
                    if t is None:
                        raise SystemExit("never saw the menu in the tmux pane")
                    term.append(t)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print("browser runs: ", " ".join(f"{t:.3f}" for t in web))
    print("terminal runs:", " ".join(f"{t:.3f}" for t in term))
    ratio = statistics.median(web) / statistics.median(term)
    return {"budget": BUDGET, "figure": f"{statistics.median(web) * 1000:.0f} ms",
            "baseline": f"{statistics.median(term) * 1000:.0f} ms (terminal, tmux pane)",
            "ratio": round(ratio, 2), "limit": "≤ 1.5×", "ok": ratio <= 1.5}


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
    emit(**row)  # type: ignore[arg-type]
    return 0 if row["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
