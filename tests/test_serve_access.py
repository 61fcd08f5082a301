"""Who may use `integer-spel serve`: Host, Origin, the access token and the tab limit.

The server runs in this process with a tiny stand-in app (a process that speaks textual-serve's
protocol and says "hallo"), on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
import textwrap
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from game.commands import serve
from game.web.guard import Access, url

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")
from aiohttp.test_utils import TestServer  # noqa: E402

from game.web.server import GuardedServer  # noqa: E402

FAKE_APP = textwrap.dedent(
    """
    import sys
    out = sys.stdout.buffer
    out.write(b"__GANGLION__\\n")
    payload = b"hallo van de app"
    out.write(b"D" + len(payload).to_bytes(4, "big") + payload)
    out.flush()
    while True:
        chunk = sys.stdin.buffer.read1(65536)
        if not chunk or b'"quit"' in chunk:
            break
    """
)


def fake_app_command() -> str:
    import shlex

    return shlex.join([sys.executable, "-c", FAKE_APP])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the rules themselves ---------------------------------------------------------------------


def test_loopback_accepts_its_own_names_only() -> None:
    access = Access.for_host("127.0.0.1", 8000, None)
    assert access.host_ok("127.0.0.1:8000")
    assert access.host_ok("localhost:8000")
    assert access.host_ok("LOCALHOST:8000")
    assert not access.host_ok("evil.example:8000")  # DNS rebinding
    assert not access.host_ok("127.0.0.1:8001")
    assert not access.host_ok("127.0.0.1")  # port 80
    assert not access.host_ok(None)
    assert not access.host_ok("")
    assert not access.host_ok("user@127.0.0.1:8000")
    assert not access.host_ok("127.0.0.1:8000/x")


def test_localhost_accepts_both_loopback_addresses() -> None:
    access = Access.for_host("localhost", 8000, None)
    assert access.host_ok("localhost:8000") and access.host_ok("127.0.0.1:8000")
    assert access.host_ok("[::1]:8000")
    assert not access.host_ok("evil.example:8000")


def test_origin_must_be_the_page_itself() -> None:
    access = Access.for_host("127.0.0.1", 8000, None)
    host = "127.0.0.1:8000"
    assert access.origin_ok("http://127.0.0.1:8000", host)
    assert not access.origin_ok("http://localhost:8000", host)  # another origin than asked
    assert not access.origin_ok("http://127.0.0.1:8001", host)  # a page on another port
    assert not access.origin_ok("http://evil.example", host)
    assert not access.origin_ok("https://127.0.0.1:8000", host)
    assert not access.origin_ok("null", host)
    assert not access.origin_ok(None, host)
    assert not access.origin_ok("http://evil.example:8000", "evil.example:8000")


def test_every_network_accepts_own_addresses_and_refuses_other_names() -> None:
    access = replace(Access.for_host("0.0.0.0", 8000, "t"), is_own=lambda ip: ip == "192.168.1.10")
    assert access.host_ok("192.168.1.10:8000")
    assert access.host_ok("127.0.0.1:8000")
    assert not access.host_ok("192.168.1.11:8000")
    assert not access.host_ok("evil.example:8000")
    assert not access.host_ok("0.0.0.0:8000")


def test_token_is_compared_whole() -> None:
    access = Access.for_host("0.0.0.0", 8000, "geheim-token")
    assert access.token_ok("geheim-token")
    assert not access.token_ok("geheim")
    assert not access.token_ok("")
    assert not access.token_ok(None)
    assert Access.for_host("127.0.0.1", 8000, None).token_ok(None)


def test_every_network_prints_own_addresses_with_token_never_0000() -> None:
    shown = serve.addresses_to_print("0.0.0.0", 8802, "abc", found=["192.168.1.10"])
    assert shown == ["http://192.168.1.10:8802/?token=abc", "http://127.0.0.1:8802/?token=abc"]
    assert not any("0.0.0.0" in line for line in shown)
    text = serve._started_text("0.0.0.0", 8802, "abc", 4)
    assert "0.0.0.0" not in text and "?token=" in text
    assert serve.addresses_to_print("127.0.0.1", 8000, None) == ["http://127.0.0.1:8000/"]
    assert url("::1", 8000) == "http://[::1]:8000/"


def test_a_token_is_random_and_long() -> None:
    from game.web.guard import new_token

    assert new_token() != new_token()
    assert len(new_token()) >= 30


# -- the server -------------------------------------------------------------------------------


async def start(access: Access, max_tabs: int = 4) -> tuple[TestServer, GuardedServer]:
    guarded = GuardedServer(fake_app_command(), access, max_tabs, "Integer-spel", lambda: None)
    server = TestServer(await guarded._make_app(), host="127.0.0.1", port=access.port)
    await server.start_server()
    return server, guarded


@pytest.fixture
async def loopback() -> AsyncIterator[tuple[str, GuardedServer]]:
    port = free_port()
    server, guarded = await start(Access.for_host("127.0.0.1", port, None), max_tabs=1)
    try:
        yield f"http://127.0.0.1:{port}", guarded
    finally:
        await server.close()
        await guarded.on_shutdown(server.app)


async def test_page_refuses_another_host(loopback: tuple[str, GuardedServer]) -> None:
    base, _ = loopback
    port = base.rsplit(":", 1)[1]
    async with aiohttp.ClientSession() as http:
        async with http.get(base + "/") as ok:
            assert ok.status == 200
            page = await ok.text()
            # No other site may show the app in a frame (and trick a click on it).
            assert ok.headers["X-Frame-Options"] == "DENY"
            assert "frame-ancestors 'none'" in ok.headers["Content-Security-Policy"]
        assert f"ws://127.0.0.1:{port}/ws" in page  # the address the browser used
        assert "0.0.0.0" not in page
        async with http.get(base + "/", headers={"Host": f"evil.example:{port}"}) as bad:
            assert bad.status == 403
            assert "Geen toegang" in await bad.text()
        async with http.get(base + "/static/js/textual.js",
                            headers={"Host": f"evil.example:{port}"}) as bad_static:
            assert bad_static.status == 403


async def test_websocket_from_another_origin_gets_nothing(
    loopback: tuple[str, GuardedServer],
) -> None:
    base, guarded = loopback
    port = int(base.rsplit(":", 1)[1])
    async with aiohttp.ClientSession() as http:
        for origin in (None, "http://evil.example", f"http://127.0.0.1:{port + 1}", "null"):
            headers = {"Origin": origin} if origin else {}
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(base + "/ws", headers=headers)
            assert refused.value.status == 403
        assert not guarded.services  # no app process was started for them
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await http.ws_connect(base + "/ws", headers={"Origin": "http://evil.example",
                                                          "Host": "evil.example"})
        ws = await http.ws_connect(base + "/ws?width=80&height=24", origin=base)
        try:
            message = await ws.receive(timeout=20)
            assert b"hallo van de app" in message.data
        finally:
            await ws.close()


async def test_plain_get_of_the_websocket_is_a_dutch_page(
    loopback: tuple[str, GuardedServer], capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    base, _ = loopback
    async with aiohttp.ClientSession() as http, http.get(
        base + "/ws", headers={"Origin": base}
    ) as plain:
        assert plain.status == 400
        assert "Dit adres is er voor de app" in await plain.text()
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert not [r for r in caplog.records if r.exc_info]


async def test_one_tab_too_many_gets_a_dutch_page(
    loopback: tuple[str, GuardedServer], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from game.web import server as web_server

    monkeypatch.setattr(web_server, "SLOT_WAIT", 0.3)
    base, guarded = loopback  # max_tabs=1
    async with aiohttp.ClientSession() as http:
        first = await http.ws_connect(base + "/ws", origin=base)
        try:
            assert b"hallo" in (await first.receive(timeout=20)).data
            second = await http.ws_connect(base + "/ws", origin=base)
            message = await second.receive(timeout=5)
            assert json.loads(message.data) == ["open_url", {"url": "/vol", "new_tab": False}]
            assert len(guarded.services) == 1
            async with http.get(base + "/vol") as full:
                assert full.status == 503
                text = await full.text()
            assert "Te veel tabbladen open" in text and "al open in één tabblad" in text
        finally:
            await first.close()
        # The place is free again once the first tab has closed and its app has ended.
        for _ in range(100):
            if not guarded.services:
                break
            await asyncio.sleep(0.05)
        third = await http.ws_connect(base + "/ws", origin=base)
        got = await third.receive(timeout=20)
        assert isinstance(got.data, bytes) and b"hallo" in got.data, got
        await third.close()


async def test_beyond_loopback_every_request_needs_the_token() -> None:
    port = free_port()
    access = Access.for_host("0.0.0.0", port, "de-sleutel")
    server, guarded = await start(access)
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as anonymous:
            for path in ("/", "/static/js/textual.js", "/vol", "/download/x"):
                async with anonymous.get(base + path) as no_token:
                    assert no_token.status == 403, path
                    assert "sleutel" in await no_token.text()
            async with anonymous.get(base + "/?token=fout") as wrong:
                assert wrong.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await anonymous.ws_connect(base + "/ws", origin=base)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
            async with browser.get(base + "/?token=de-sleutel&fontsize=20",
                                   allow_redirects=False) as first:
                assert first.status == 302
                assert first.headers["Location"] == "/?fontsize=20"  # the token leaves the bar
                cookie = first.cookies[access.cookie_name]
                assert cookie.value == "de-sleutel"
                assert cookie["httponly"] and cookie["samesite"] == "Lax"
            async with browser.get(base + "/?fontsize=20") as page:
                assert page.status == 200
            async with browser.get(base + "/static/js/textual.js") as script:
                assert script.status == 200
            ws = await browser.ws_connect(base + "/ws", origin=base)
            assert b"hallo" in (await ws.receive(timeout=20)).data
            await ws.close()
            # The cookie alone does not open the door for another page.
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await browser.ws_connect(base + "/ws", origin="http://evil.example")
    finally:
        await server.close()
        await guarded.on_shutdown(server.app)
