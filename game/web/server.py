"""The web server of `integer-spel serve`: textual-serve's server, guarded and in Dutch.

Imported only by `serve` (it imports aiohttp and textual-serve). On top of textual-serve:
- every request passes the Host, Origin and token rules of `game.web.guard.Access`;
- at most `max_tabs` app processes run at once; one more tab is sent to a Dutch page;
- the page points its script and websocket at the address the browser used;
- a request that is not a websocket, a dropped tab or Ctrl+C prints no traceback, and every app
  process has ended (its last save written) before the server stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp_jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from game.web.guard import Access

TEMPLATES = Path(__file__).resolve().parent
FULL_PATH = "/vol"
STOP_WAIT = 10.0
SLOT_WAIT = 5.0

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def page(title: str, text: str, status: int) -> web.Response:
    """A small Dutch HTML page."""
    body = (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;background:#0c181f;color:#eee;max-width:40em;"
        "margin:4em auto;line-height:1.5}a{color:#9cf}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{text}</body></html>"
    )
    return web.Response(status=status, text=body, content_type="text/html", charset="utf-8")


def refused(text: str, status: int = 403) -> web.Response:
    return page("Geen toegang", f"<p>{html.escape(text)}</p>", status)


def _int(value: str, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value)))
    except ValueError:
        return default


class GuardedServer(Server):
    """textual-serve's Server with the guard, the tab limit and a quiet, complete stop."""

    def __init__(self, command: str, access: Access, max_tabs: int, title: str,
                 on_started: Callable[[], None]) -> None:
        super().__init__(command, host="", port=access.port, title=title,
                         templates_path=TEMPLATES)
        self.access = access
        self.max_tabs = max_tabs
        self.on_started = on_started
        self.services: set[AppService] = set()
        self._tabs = 0
        self._place_freed = asyncio.Event()

    # -- the aiohttp application -------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.router.add_get(FULL_PATH, self.handle_full)
        app.on_response_prepare.append(self._safety_headers)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        access = self.access
        host = request.headers.get("Host")
        if not access.host_ok(host):
            return refused("Deze server beantwoordt alleen het adres dat hij bij het starten "
                           "toonde. Open dat adres.")
        origin = request.headers.get("Origin")
        is_socket = (request.match_info.route.name == "websocket"
                     or request.headers.get("Upgrade", "").lower() == "websocket")
        if (is_socket or origin is not None) and not access.origin_ok(origin, host):
            return refused("Alleen de pagina van de app zelf mag de app gebruiken.")
        if access.token is not None and not access.token_ok(
            request.cookies.get(access.cookie_name)
        ):
            if not access.token_ok(request.query.get("token")):
                return refused("Open het volledige adres dat de server toonde, met de sleutel "
                               "(…?token=…) erin.")
            if request.path == "/" and request.method == "GET":
                # As notebook servers do: the token becomes a cookie of this address, and the
                # address bar (and its history) loses it. Lax, not Strict: the printed address
                # followed from a mail or chat in the browser must open the app; the websocket
                # is kept from other pages by the Origin check, not by the cookie.
                rest = {k: v for k, v in request.query.items() if k != "token"}
                target = request.rel_url.with_query(rest)
                response = web.Response(status=302, headers={"Location": str(target)})
                response.set_cookie(access.cookie_name, access.token or "", httponly=True,
                                    samesite="Lax", path="/")
                return response
        return await handler(request)

    async def _safety_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        # No other site may show the app in a frame (and trick a click on it).
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
        response.headers["Referrer-Policy"] = "no-referrer"
        if request.path == "/":
            response.headers["Cache-Control"] = "no-store"

    # -- pages ---------------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # The address the browser used (already checked by the guard), never the one listened on.
        context = {
            "font_size": _int(request.query.get("fontsize", "16"), 16, 6, 64),
            "app_websocket_url": f"ws://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_full(self, request: web.Request) -> web.StreamResponse:
        n = self.max_tabs
        tabs = "één tabblad" if n == 1 else f"{n} tabbladen"
        return page(
            "Te veel tabbladen open",
            f"<p>De app is al open in {tabs}; meer tegelijk kan deze server niet aan.</p>"
            "<p>Sluit een ander tabblad met de app en probeer het dan opnieuw.</p>"
            '<p><a href="/">Opnieuw proberen</a></p>',
            503,
        )

    # -- the websocket of one tab -----------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        websocket = web.WebSocketResponse(heartbeat=15)
        if not websocket.can_prepare(request).ok:
            return page("Alleen voor de app", "<p>Dit adres is er voor de app in de browser. "
                        'Open <a href="/">de app</a>.</p>', 400)
        width = _int(request.query.get("width", "80"), 80, 10, 1000)
        height = _int(request.query.get("height", "24"), 24, 5, 1000)
        await websocket.prepare(request)
        if not await self._take_place():
            with contextlib.suppress(ConnectionError, RuntimeError):
                await websocket.send_str(json.dumps(
                    ["open_url", {"url": FULL_PATH, "new_tab": False}]))
                await websocket.close()
            return websocket
        service: AppService | None = None
        try:
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=self._closer(websocket),
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.services.add(service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (asyncio.CancelledError, OSError):
            pass  # the tab went away, the server stops, or the app could not be started
        finally:
            await asyncio.shield(asyncio.ensure_future(self._end_tab(service)))
            with contextlib.suppress(ConnectionError, RuntimeError):
                await websocket.close()
        return websocket

    @staticmethod
    def _closer(websocket: web.WebSocketResponse) -> Callable[[], Awaitable[None]]:
        async def close() -> None:
            await websocket.close()

        return close

    async def _take_place(self) -> bool:
        """Count one more tab; False when `max_tabs` stay taken for SLOT_WAIT seconds.

        A tab that is reloaded frees its place a moment after the new page asks for one.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SLOT_WAIT
        while self._tabs >= self.max_tabs:
            self._place_freed.clear()
            try:
                await asyncio.wait_for(self._place_freed.wait(), deadline - loop.time())
            except asyncio.TimeoutError:
                return False
        self._tabs += 1
        return True

    async def _end_tab(self, service: AppService | None) -> None:
        """End a tab's app, then free its place (runs to the end even if the tab's task is cancelled)."""
        try:
            if service is not None:
                await self._end(service)
        finally:
            self._tabs -= 1
            self._place_freed.set()

    async def _process_messages(self, websocket: web.WebSocketResponse,
                                app_service: AppService) -> None:
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            except (ValueError, TypeError, KeyError, IndexError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(
                    _int(str(data.get("width")), 80, 10, 1000),
                    _int(str(data.get("height")), 24, 5, 1000))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def _end(self, service: AppService) -> None:
        """Quit one app as with ctrl+q (its queued writes settle), and wait until it has ended."""
        if service not in self.services:
            return
        process = service._process
        with contextlib.suppress(asyncio.TimeoutError, ConnectionError, RuntimeError):
            await asyncio.wait_for(service.stop(), STOP_WAIT)
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), STOP_WAIT)
            except asyncio.TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        self.services.discard(service)

    # -- running -------------------------------------------------------------------------------

    def initialize_logging(self) -> None:
        # textual-serve logs every connection in English; the person running it only needs
        # the address and how to stop.
        logging.basicConfig(level=logging.WARNING, format="%(message)s")
        logging.getLogger("aiohttp").setLevel(logging.CRITICAL)

    async def on_startup(self, app: web.Application) -> None:
        pass  # the address is printed once the port is really open

    async def on_shutdown(self, app: web.Application) -> None:
        if self.services:
            await asyncio.gather(*(self._end(s) for s in list(self.services)))

    async def run_until_stopped(self, host: str) -> None:
        """Listen on `host`, call `on_started`, serve until SIGINT/SIGTERM, then stop every app.

        Raises:
            OSError: the address can't be listened on (before anything is printed).
        """
        self.initialize_logging()
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, host or None, self.port).start()
        except BaseException:
            await runner.cleanup()
            raise
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        try:
            self.on_started()
            await stop.wait()
        finally:
            await runner.cleanup()


def serve(command: str, host: str, access: Access, max_tabs: int, title: str,
          on_started: Callable[[], None]) -> None:
    """Run the server until Ctrl+C (see GuardedServer.run_until_stopped)."""
    server = GuardedServer(command, access, max_tabs, title, on_started)
    asyncio.run(server.run_until_stopped(host))

