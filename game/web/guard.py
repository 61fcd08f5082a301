"""Who may use `integer-spel serve`: the Host, Origin and access-token rules, without aiohttp.

A browser sends every request with a Host header (the name in the address bar) and, for a
websocket or a script's request, an Origin (the page that asks). Only requests for the address
served, from the page itself, are answered: a page on another site (or another port) cannot
drive the app, and a name that an attacker points at this computer (DNS rebinding) is refused.
Beyond loopback every request also needs the random token of the printed address.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

WILDCARDS = frozenset({"0.0.0.0", "::", ""})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """True for an address only this computer can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """True for an address that listens on every network of this computer."""
    return host.strip("[]") in WILDCARDS


def new_token() -> str:
    """A random access token for the printed address."""
    return secrets.token_urlsafe(24)


def is_own_ip(address: str) -> bool:
    """True when `address` is an IP address of this computer (the OS lets us bind to it)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((address, 0))
    except OSError:
        return False
    return True


def _split_host(value: str) -> tuple[str, int] | None:
    """('name', port) of a Host header or an origin's authority; None when it is malformed."""
    if not value or any(c in value for c in "/\\?#@ \t"):
        return None
    try:
        parts = urlsplit("//" + value)
        port = parts.port
    except ValueError:
        return None
    name = parts.hostname
    if not name:
        return None
    return name.lower().rstrip("."), 80 if port is None else port


@dataclass(frozen=True)
class Access:
    """The rules for one served address.

    names: host names and IP addresses (lower case, IPv6 without brackets) that may be asked for.
    own_ips: also any IP address of this computer (when listening on every network).
    token: the access token every request needs, or None on loopback.
    """

    port: int
    names: frozenset[str]
    own_ips: bool = False
    token: str | None = None
    is_own: Callable[[str], bool] = field(default=is_own_ip, compare=False, repr=False)

    @classmethod
    def for_host(cls, host: str, port: int, token: str | None) -> Access:
        """The rules for `serve --host host --port port`."""
        bare = host.strip("[]").lower()
        if is_wildcard(bare):
            return cls(port, LOOPBACK_NAMES | {socket.gethostname().lower()}, True, token)
        if bare == "localhost":
            return cls(port, LOOPBACK_NAMES, False, token)
        if is_loopback(bare):
            return cls(port, frozenset({bare, "localhost"}), False, token)
        return cls(port, frozenset({bare}), False, token)

    @property
    def cookie_name(self) -> str:
        # Cookies are shared by every port of a host: one name per port keeps two servers apart.
        return f"integer-spel-{self.port}"

    def host_ok(self, host: str | None) -> bool:
        """True when the Host header names the address served."""
        split = _split_host(host or "")
        if split is None:
            return False
        name, port = split
        if port != self.port:
            return False
        if name in self.names:
            return True
        return self.own_ips and self.is_own(name)

    def origin_ok(self, origin: str | None, host: str | None) -> bool:
        """True when `origin` is the served page itself: http://<the Host asked for>."""
        if not origin or not self.host_ok(host):
            return False
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        if parts.scheme != "http" or parts.path not in ("", "/") or parts.query or parts.username:
            return False
        return _split_host(parts.netloc) == _split_host(host or "")

    def token_ok(self, offered: str | None) -> bool:
        """True when no token is needed, or `offered` is the token."""
        if self.token is None:
            return True
        if not offered:
            return False
        return hmac.compare_digest(offered.encode("utf-8", "replace"), self.token.encode("utf-8"))


def own_addresses() -> list[str]:
    """The IPv4 addresses a colleague on the network can use to reach this computer.

    The address of the route out (found by a UDP socket that sends nothing) comes first, then
    any other address the computer's name resolves to; loopback and link-local ones are left out.
    """
    found: list[str] = []

    def add(address: str) -> None:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return
        if ip.is_loopback or ip.is_link_local or ip.is_unspecified or address in found:
            return
        found.append(address)

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: connecting a UDP socket sends nothing
            add(str(probe.getsockname()[0]))
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            add(str(info[4][0]))
    except (OSError, UnicodeError):
        pass
    return found


def url(host: str, port: int, token: str | None = None) -> str:
    """The address to open in a browser."""
    shown = f"[{host}]" if ":" in host else host
    query = f"?token={token}" if token else ""
    return f"http://{shown}:{port}/{query}"
