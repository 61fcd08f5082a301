"""`integer-spel serve` on the console: no tracebacks, a clean Ctrl+C, a bad --host said first."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from tests.test_serve_browser import EXE, free_port, wait_for_port  # noqa: E402

pytest.importorskip("textual_serve")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals are POSIX here")


def start(tmp_path: Path, *argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "INTEGER_SPEL_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("INTEGER_SPEL_DATA_DIR", None)
    return subprocess.Popen(
        [str(EXE), "--data-dir", str(tmp_path / "data"), "serve", *argv],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def test_plain_get_of_the_websocket_prints_no_traceback(tmp_path: Path) -> None:
    port = free_port()
    server = start(tmp_path, "--port", str(port))
    wait_for_port(port, server)
    base = f"http://127.0.0.1:{port}"
    try:
        for headers in ({}, {"Origin": base}):
            request = urllib.request.Request(base + "/ws", headers=headers)
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code in (400, 403)
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=15)
    assert server.returncode == 0
    assert err == "", err
    assert "De server is gestopt." in out


def test_ctrl_c_with_an_open_tab_ends_its_app_quietly(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    port = free_port()
    server = start(tmp_path, "--port", str(port))
    wait_for_port(port, server)
    base = f"http://127.0.0.1:{port}"

    async def open_tab_then_stop() -> None:
        async with aiohttp.ClientSession() as http:
            ws = await http.ws_connect(base + "/ws?width=100&height=30", origin=base)
            seen = ""
            while "Teamspel" not in seen:
                message = await ws.receive(timeout=30)
                if isinstance(message.data, bytes):
                    seen += message.data.decode("utf-8", "replace")
            server.send_signal(signal.SIGINT)
            while not ws.closed:
                await ws.receive(timeout=30)

    try:
        asyncio.run(open_tab_then_stop())
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0
    assert err == "", err  # no "Loop … that handles pid … is closed", no traceback
    assert "De server is gestopt." in out


@pytest.mark.parametrize("host", ["999.1.1.1", "slecht adres!", "1.2.3"])
def test_bad_host_is_a_dutch_error_before_any_address(tmp_path: Path, host: str) -> None:
    server = start(tmp_path, "--host", host, "--port", str(free_port()))
    out, err = server.communicate(timeout=30)
    assert server.returncode == 1
    assert "draait in de browser" not in out
    assert "kan de server niet starten" in err
    assert "Traceback" not in err and "Errno" not in err


def test_address_of_another_computer_is_a_dutch_error_before_any_address(tmp_path: Path) -> None:
    # 192.0.2.1 (TEST-NET) resolves without a network but belongs to no computer here.
    server = start(tmp_path, "--host", "192.0.2.1", "--port", str(free_port()))
    out, err = server.communicate(timeout=30)
    assert server.returncode == 1
    assert "draait in de browser" not in out
    assert "hoort niet bij deze computer" in err
    assert "Traceback" not in err
