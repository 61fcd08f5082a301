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


def serve_extra_hint() -> str:
    """How to add textual-serve, as the README says, with this Python's own pip (a bare
    `pip` may be another Python's, and the package is on no index)."""
    if sys.platform == "win32":
        command = subprocess.list2cmdline([sys.executable, "-m", "pip", "install"]) + ' ".[serve]"'
    else:
        command = shlex.join([sys.executable, "-m", "pip", "install", ".[serve]"])
    return ("integer-spel: de browserversie heeft textual-serve nodig. Installeer die vanuit "
            f"de map van het spel met:\n  {command}")


def run(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl+C; returns the exit code."""
    try:
        from textual_serve.server import Server
    except ImportError:
        print(serve_extra_hint(), file=sys.stderr)
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

    import asyncio
    import weakref

    import textual_serve.server as textual_server
    from textual_serve.app_service import AppService

    running: weakref.WeakSet[AppService] = weakref.WeakSet()

    class TrackedAppService(AppService):
        """textual-serve's app process, remembered so that stopping the server stops it too."""

        async def start(self, width: int, height: int) -> None:
            running.add(self)
            await super().start(width, height)

    # textual-serve makes one app process per browser tab and keeps no list of them: without
    # one, Ctrl+C left them to be collected after the loop had closed (a traceback on the
    # way out), and an app could be cut off before its last save reached the file.
    textual_server.AppService = TrackedAppService  # type: ignore[attr-defined]

    class DutchServer(Server):
        async def on_shutdown(self, app: Any) -> None:
            services = list(running)
            if services:
                # Each app quits as with ctrl+q: its queued writes settle first.
                await asyncio.wait(
                    [asyncio.ensure_future(service.stop()) for service in services], timeout=8
                )

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
    _quiet_closed_loop_cleanup()
    print("De server is gestopt.", flush=True)
    return 0


def _quiet_closed_loop_cleanup() -> None:
    """After the server's loop has closed, asyncio may still collect the pipe of an app
    process that ended with its tab; its clean-up then fails on the closed loop and Python
    prints a traceback on the way out ("Event loop is closed"). Nothing is left to clean up by
    then: leave out that one message, and only that one."""
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        exc = unraisable.exc_value
        if isinstance(exc, RuntimeError) and str(exc) == "Event loop is closed":
            return
        previous(unraisable)

    sys.unraisablehook = hook


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.EADDRINUSE, 10048):
        return "die poort is al in gebruik. Kies een andere met --port."
    if exc.errno in (errno.EADDRNOTAVAIL, 10049):
        return "dat adres hoort niet bij deze computer."
    if exc.errno in (errno.EACCES, 10013):
        return "je mag die poort niet gebruiken. Kies een poort boven 1024 met --port."
    return "het netwerk weigert. Probeer een andere poort met --port."
