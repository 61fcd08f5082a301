"""A page from another origin gets nothing from `integer-spel serve`; the app's own page works.

Debian's chromium, driven by Playwright, opens a page served by a second tiny HTTP server on
another port of 127.0.0.1. That page tries what a hostile site would: open the app's websocket,
press keys, read what comes back. Only 127.0.0.1 traffic.
"""

from __future__ import annotations

import http.server
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from tests.test_serve_browser import CHROMIUM, EXE, Tab, free_port, wait_for_port  # noqa: E402

pytest.importorskip("textual_serve")
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")

HOSTILE = """<!DOCTYPE html><html><body><script>
window.result = {opened: false, received: [], events: []};
const ws = new WebSocket("ws://127.0.0.1:%(port)d/ws?width=80&height=24");
ws.onopen = () => {
  window.result.opened = true;
  ws.send(JSON.stringify(["stdin", "\\r"]));
};
ws.onmessage = (event) => window.result.received.push(String(event.data).slice(0, 200));
ws.onerror = () => window.result.events.push("error");
ws.onclose = () => { window.result.events.push("close"); window.result.done = true; };
fetch("http://127.0.0.1:%(port)d/").then(
  (r) => r.text().then((t) => { window.result.page = t.slice(0, 200); }),
  () => { window.result.page = "refused"; });
</script></body></html>"""


LINK = """<!DOCTYPE html><html><body>
<a id="link" href="%(address)s">De app</a>
</body></html>"""


def other_site(page: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """A second local web server, on its own port, serving `page` % (what the test fills in)."""
    target: dict[str, Any] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = (page % target).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1]), target
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def hostile_site() -> Iterator[tuple[int, dict[str, Any]]]:
    """A page on another port whose script targets the app's port (target["port"])."""
    yield from other_site(HOSTILE)


@pytest.fixture
def linking_site() -> Iterator[tuple[int, dict[str, Any]]]:
    """A page on another site (localhost, not 127.0.0.1) with a link to target["address"]."""
    yield from other_site(LINK)


def start_serve(tmp_path: Path, *argv: str) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    env = {**os.environ, "INTEGER_SPEL_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("INTEGER_SPEL_DATA_DIR", None)
    server = subprocess.Popen(
        [str(EXE), "--data-dir", str(tmp_path / "data"), "serve", "--port", str(port), *argv],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    wait_for_port(port, server)
    return server, port


def stop_serve(server: subprocess.Popen[str]) -> str:
    server.terminate()
    out, err = server.communicate(timeout=15)
    assert "Traceback" not in err and "Loop" not in err, err
    assert "De server is gestopt." in out
    return out


def hostile_result(browser: Any, hostile_port: int) -> dict[str, Any]:
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{hostile_port}/")
    page.wait_for_function("window.result && window.result.done && window.result.page", timeout=20_000)
    page.wait_for_timeout(500)  # anything the app would send after opening
    result: dict[str, Any] = page.evaluate("window.result")
    page.close()
    return result


def launch(p: Any) -> Any:
    return p.chromium.launch(executable_path=CHROMIUM,
                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])


def test_page_from_another_origin_gets_nothing_while_the_app_page_works(
    tmp_path: Path, hostile_site: tuple[int, dict[str, Any]]
) -> None:
    hostile_port, target = hostile_site
    server, port = start_serve(tmp_path)
    target["port"] = port
    try:
        with sync_api.sync_playwright() as p:
            browser = launch(p)
            try:
                result = hostile_result(browser, hostile_port)
                assert result["opened"] is False, result
                assert result["received"] == [], result
                assert result["page"] == "refused", result  # no CORS: the page can't read it
                own = browser.new_page(viewport={"width": 1200, "height": 800})
                tab = Tab(own)
                own.goto(f"http://127.0.0.1:{port}/")
                tab.wait_for("Teamspel")
                # The hostile page, again, while the app's own tab is open.
                again = hostile_result(browser, hostile_port)
                assert again["opened"] is False and again["received"] == [], again
            finally:
                browser.close()
    finally:
        stop_serve(server)


def test_every_network_prints_a_token_address_that_opens_via_loopback(
    tmp_path: Path, hostile_site: tuple[int, dict[str, Any]]
) -> None:
    hostile_port, target = hostile_site
    server, port = start_serve(tmp_path, "--host", "0.0.0.0")
    target["port"] = port
    try:
        assert server.stdout is not None
        lines: list[str] = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any("Stoppen" in line for line in lines):
            lines.append(server.stdout.readline())
        printed = "".join(lines)
        assert "0.0.0.0" not in printed
        local = re.search(rf"http://127\.0\.0\.1:{port}/\?token=([\w-]+)", printed)
        assert local, printed
        with sync_api.sync_playwright() as p:
            browser = launch(p)
            try:
                bare = browser.new_page()
                bare.goto(f"http://127.0.0.1:{port}/")
                assert "Geen toegang" in bare.content()
                own = browser.new_page(viewport={"width": 1200, "height": 800})
                tab = Tab(own)
                own.goto(local.group(0))
                assert "token" not in own.url  # the token became a cookie
                tab.wait_for("Teamspel")
                # The cookie goes with any request to 127.0.0.1, whatever the port of the page
                # that makes it: the Origin check still refuses a page on another port.
                result = hostile_result(browser, hostile_port)
                assert result["opened"] is False and result["received"] == [], result
            finally:
                browser.close()
    finally:
        stop_serve(server)


def test_the_printed_address_followed_from_another_site_opens_the_app(
    tmp_path: Path, linking_site: tuple[int, dict[str, Any]]
) -> None:
    """The address pasted in a chat or mail in the browser: a link on another site."""
    link_port, target = linking_site
    server, port = start_serve(tmp_path, "--host", "0.0.0.0")
    try:
        assert server.stdout is not None
        printed = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and "Stoppen" not in printed:
            printed += server.stdout.readline()
        local = re.search(rf"http://127\.0\.0\.1:{port}/\?token=[\w-]+", printed)
        assert local, printed
        target["address"] = local.group(0)
        with sync_api.sync_playwright() as p:
            browser = launch(p)
            try:
                page = browser.new_page(viewport={"width": 1200, "height": 800})
                tab = Tab(page)
                page.goto(f"http://localhost:{link_port}/")  # another site than 127.0.0.1
                page.click("#link")
                tab.wait_for("Teamspel")
                assert page.title() == "Integer-spel"
            finally:
                browser.close()
    finally:
        stop_serve(server)
