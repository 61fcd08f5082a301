"""`integer-spel serve`: the same app in a web browser, through textual-serve.

textual-serve (and its aiohttp) are imported only here, so the other commands and the
terminal app do not pay for them. Each browser tab gets its own app process, started with
the same global options (--data-dir, --decks) as this command.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from dilemmas import paths

APP_NAME = "Integer-spel"
_PAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "web"


def is_loopback(host: str) -> bool:
    """True for an address only this computer can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab."""
    argv = [sys.executable, "-m", "game", "--data-dir", str(paths.data_dir())]
    for folder in args.decks:
        argv += ["--decks", str(Path(folder).resolve())]
    if sys.platform == "win32":
        return subprocess.list2cmdline(argv)
    return shlex.join(argv)


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def run(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl+C; returns the exit code."""
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "integer-spel: de browserversie heeft textual-serve nodig. Installeer die met\n"
            "  pip install 'integer-spel[serve]'",
            file=sys.stderr,
        )
        return 1

    host: str = args.host
    port: int = args.port
    if not is_loopback(host):
        print(
            f"Let op: je start de app op {host}. Iedereen die dit adres kan bereiken, kan de app\n"
            "gebruiken en de opgeslagen sessies en rapporten zien. Doe dit alleen op een netwerk\n"
            "dat je vertrouwt, en stop de server (Ctrl+C) zodra de sessie klaar is.",
            file=sys.stderr,
        )

    class DutchServer(Server):
        def initialize_logging(self) -> None:
            # textual-serve logs every connection in English; the person running it
            # only needs the address and how to stop.
            import logging

            logging.basicConfig(level=logging.WARNING, format="%(message)s")

        async def on_startup(self, app: Any) -> None:
            print(f"Integer-spel draait in de browser op {_url(host, port)}", flush=True)
            print("Open dat adres in je browser. Stoppen: Ctrl+C.", flush=True)

    server = DutchServer(
        app_command(args),
        host=host,
        port=port,
        title=APP_NAME,
        templates_path=_PAGE_TEMPLATES,
    )
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"integer-spel: kan de server niet starten op {_url(host, port)}: "
              f"{_os_reason(exc)}", file=sys.stderr)
        return 1
    print("De server is gestopt.", flush=True)
    return 0


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.EADDRINUSE, 10048):
        return "die poort is al in gebruik. Kies een andere met --port."
    if exc.errno in (errno.EADDRNOTAVAIL, 10049):
        return "dat adres hoort niet bij deze computer."
    if exc.errno in (errno.EACCES, 10013):
        return "je mag die poort niet gebruiken. Kies een poort boven 1024 met --port."
    return "het netwerk weigert. Probeer een andere poort met --port."
