"""`integer-spel serve`: the same app in a web browser, through textual-serve.

textual-serve (and its aiohttp) are imported only here, so the other commands and the
terminal app do not pay for them. Each browser tab gets its own app process, started with
the same global options (--data-dir, --decks) as this command. Who may use the server is
decided in game.web.guard; the server itself is game.web.server.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path

from dilemmas import paths
from game.web.guard import Access, is_loopback, is_wildcard, new_token, own_addresses, url

APP_NAME = "Integer-spel"
DEFAULT_MAX_TABS = 4
_HOST_NAME = re.compile(r"(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?")


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab."""
    argv = [sys.executable, "-m", "game", "--data-dir", str(paths.data_dir())]
    for folder in args.decks:
        argv += ["--decks", str(Path(folder).resolve())]
    if sys.platform == "win32":
        return subprocess.list2cmdline(argv)
    return shlex.join(argv)


def addresses_to_print(host: str, port: int, token: str | None,
                       found: list[str] | None = None) -> list[str]:
    """The addresses a browser can open: never 0.0.0.0, always with the token when one is needed.

    Listening on every network, that is this computer's own network addresses (found, or
    `found` in tests) and, last, the one for this computer itself.
    """
    bare = host.strip("[]")
    if not is_wildcard(bare):
        return [url(bare, port, token)]
    shown = [url(address, port, token) for address in (own_addresses() if found is None else found)]
    return [*shown, url("127.0.0.1", port, token)]


def _started_text(host: str, port: int, token: str | None, max_tabs: int) -> str:
    shown = addresses_to_print(host, port, token)
    if len(shown) == 1:
        lines = [f"Integer-spel draait in de browser op {shown[0]}"]
    else:
        lines = ["Integer-spel draait in de browser op:"]
        lines += [f"  {address}" for address in shown[:-1]]
        lines.append(f"  {shown[-1]}  (alleen op deze computer)")
    if len(shown) > 1 and not shown[:-1]:
        lines.append("Geen netwerkadres gevonden: collega's kunnen de app nu niet bereiken.")
    lines.append("Open dat adres in je browser. Stoppen: Ctrl+C.")
    if token is not None:
        lines.append("De sleutel (token=…) hoort bij het adres: zonder sleutel geen toegang.")
    tabs = "één tabblad" if max_tabs == 1 else f"{max_tabs} tabbladen"
    lines.append(f"De app kan in {tabs} tegelijk open zijn (--max-tabs).")
    return "\n".join(lines)


def host_problem(host: str, port: int) -> str | None:
    """Why `host` can't be listened on, in Dutch, before anything is started; None if it looks fine."""
    bare = host.strip("[]")
    if is_wildcard(bare):
        return None
    unknown = f"het adres {host} ken ik niet. Gebruik een IP-adres van deze computer, of laat --host weg."
    try:
        ipaddress.ip_address(bare)
        return None
    except ValueError:
        if re.fullmatch(r"[\d.]+", bare) or not _HOST_NAME.fullmatch(bare):
            return unknown  # an IP address that isn't one, or no possible name: no look-up needed
    try:
        socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return unknown
    return None


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
        from game.web import server
    except ImportError:
        print(serve_extra_hint(), file=sys.stderr)
        return 1

    host: str = args.host
    port: int = args.port
    max_tabs: int = getattr(args, "max_tabs", DEFAULT_MAX_TABS)
    problem = host_problem(host, port)
    if problem is not None:
        print(f"integer-spel: kan de server niet starten: {problem}", file=sys.stderr)
        return 1
    token = None if is_loopback(host) else new_token()
    if token is not None:
        where = "alle netwerken van deze computer" if is_wildcard(host) else host
        print(
            f"Let op: je start de app op {where}. Iedereen die de app via het netwerk kan\n"
            "bereiken en de sleutel in het adres heeft, kan de app gebruiken en de opgeslagen\n"
            "sessies en rapporten zien. Doe dit alleen op een netwerk dat je vertrouwt, en stop\n"
            "de server (Ctrl+C) zodra de sessie klaar is.",
            file=sys.stderr,
        )
    access = Access.for_host(host, port, token)

    def started() -> None:
        print(_started_text(host, port, token, max_tabs), flush=True)

    try:
        server.serve(app_command(args), host.strip("[]"), access, max_tabs, APP_NAME, started)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"integer-spel: kan de server niet starten op {url(host.strip('[]'), port)}: "
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
