"""Every way the app ends closes the session store: quit, a closed terminal, SIGTERM, a tab.

Closing folds SQLite's WAL into the database file and empties it (SPEC §8): until then the WAL
still holds every superseded value (an edited note, a corrected count, a wiped practice run).
The command's entry calls `install` first and `finish` last; the app calls `attach` when it
starts (so that SIGTERM and SIGHUP end it as ctrl+q does) and `app_exited` when it ends.
Textual is not imported here.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any, Protocol

# SIGHUP: the terminal window was closed; SIGTERM: `kill`, a logout, `serve` stopping a tab.
# Windows has neither SIGHUP nor loop signal handlers; there only the normal ways out remain.
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

_installed = False
# Stores already open when `install` ran (a test that calls the entry point): not ours to close.
_kept: list[object] = []


class _Exitable(Protocol):
    def exit(self, result: Any = None, return_code: int = 0) -> None: ...


def install() -> None:
    """Make SIGTERM and SIGHUP end this process through its normal way out (once).

    Outside the app (a command that prints, the server) the signal raises SystemExit, so the
    `finally` of the entry point and `atexit` still close the store. Python's default for these
    signals ends the process at once, without either.
    """
    global _installed
    store_module = sys.modules.get("sessions.store")
    open_stores = getattr(store_module, "open_stores", None)
    _kept[:] = open_stores() if callable(open_stores) else []
    if _installed:
        return
    _installed = True
    atexit.register(finish)
    for sig in _SIGNALS:
        with suppress(ValueError, OSError):  # not the main thread, or not allowed here
            signal.signal(sig, _raise_exit)


def _raise_exit(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def attach(app: _Exitable) -> None:
    """While the app runs, SIGTERM and SIGHUP quit it as ctrl+q does (call from the app's loop).

    The app then unmounts its screens (their last saves go to the writer) and `app_exited`
    closes the store; the terminal is restored when there is still one.
    """
    import asyncio  # only here: the app has imported it already, a command need not

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    for sig in _SIGNALS:
        with suppress(ValueError, OSError, RuntimeError, NotImplementedError):
            loop.add_signal_handler(sig, _exit_app(app, sig))


EXIT_GRACE = 8.0
"""Seconds the app gets to end after SIGTERM or SIGHUP (its own last saves wait up to 5)."""


def _exit_app(app: _Exitable, sig: int) -> Callable[[], None]:
    def handler() -> None:
        app.exit(return_code=128 + sig)
        _end_anyway(128 + sig)

    return handler


def _end_anyway(code: int) -> None:
    """End the process after EXIT_GRACE seconds if it has not ended by itself.

    When the terminal is gone, Textual's output thread dies on its first failed write and
    the app, ending, can wait forever to hand it the last escape codes (seen in about one in
    six terminal windows closed during start-up). The stores are closed first, so the WAL is
    folded as on every other way out. A process that ends in time takes this thread along.
    """

    def run() -> None:
        time.sleep(EXIT_GRACE)
        finish()
        os._exit(code)

    threading.Thread(target=run, name="end-after-signal", daemon=True).start()


def close_store(store: object) -> None:
    """Close ``store`` (folding and emptying its WAL); the app's saver has settled first."""
    close = getattr(store, "close", None)
    if callable(close):
        with suppress(Exception):
            close()


def app_exited(app: Any) -> None:
    """The app has ended: close the store it opened itself (a store handed in stays open)."""
    ctx = getattr(app, "ctx", None)
    if ctx is not None and getattr(ctx, "opened_store", False):
        close_store(ctx.store)


def finish() -> None:
    """Close every store opened since `install`; safe to call more than once."""
    store_module = sys.modules.get("sessions.store")  # never imported only to close nothing
    close_all = getattr(store_module, "close_all", None)
    if callable(close_all):
        with suppress(Exception):
            close_all(keep=_kept)
