"""`integer-spel serve`: loopback by default, a warning beyond it, a clean stop, Dutch output."""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli import build_parser
from game.commands import serve
from game.web.guard import is_loopback

EXE = Path(sys.executable).with_name("integer-spel")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.5", "localhost", "::1", "[::1]"])
def test_loopback_addresses(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "beamer.local"])
def test_other_addresses_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_defaults_to_loopback() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000


def test_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["serve", "--port", "99999"])
    assert exit_info.value.code == 2
    assert "geen poort" in capsys.readouterr().err


def test_served_command_passes_the_global_options(tmp_path: Path) -> None:
    from dilemmas import paths

    paths.set_data_dir(tmp_path / "data")
    args = build_parser().parse_args(["--decks", str(tmp_path / "decks"), "serve"])
    argv = shlex.split(serve.app_command(args))
    assert argv[:3] == [sys.executable, "-m", "game"]
    assert argv[argv.index("--data-dir") + 1] == str(tmp_path / "data")
    assert argv[argv.index("--decks") + 1] == str((tmp_path / "decks").resolve())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(tmp_path: Path, *argv: str) -> subprocess.Popen[str]:
    pytest.importorskip("textual_serve")
    env = {**os.environ, "INTEGER_SPEL_DATA_DIR": str(tmp_path / "data")}
    return subprocess.Popen([str(EXE), "serve", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _wait_listening(port: int, host: str = "127.0.0.1") -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("serve did not listen")


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is SIGINT on POSIX only")
def test_ctrl_c_stops_cleanly_in_dutch(tmp_path: Path) -> None:
    port = _free_port()
    server = _start(tmp_path, "--port", str(port))
    _wait_listening(port)
    import urllib.request

    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
    assert "<title>Integer-spel</title>" in page and 'lang="nl"' in page
    assert "Starten" in page and "Textual Application" not in page
    assert "fonts.googleapis" not in page
    server.send_signal(signal.SIGINT)
    out, err = server.communicate(timeout=10)
    assert server.returncode == 0
    assert "Traceback" not in err and err == ""
    assert f"http://127.0.0.1:{port}" in out
    assert "De server is gestopt." in out
    assert "Serving" not in out and "Press" not in out


def test_beyond_loopback_warns(tmp_path: Path) -> None:
    port = _free_port()
    server = _start(tmp_path, "--host", "0.0.0.0", "--port", str(port))
    try:
        _wait_listening(port)
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    assert "Iedereen die de app via het netwerk kan" in err and "de sleutel" in err
    assert "0.0.0.0" not in out + err


def test_port_in_use_is_a_dutch_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = _start(tmp_path, "--port", str(port))
        out, err = server.communicate(timeout=20)
    assert server.returncode == 1
    assert "al in gebruik" in err and "Traceback" not in err


def test_textual_serve_is_imported_only_by_serve() -> None:
    code = "import sys, game.cli, game.app; print('textual_serve' in sys.modules, 'aiohttp' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
