"""Scrubbing of personal data from free text (SPEC §8): e-mail, phone, IBAN, postcode, BSN."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

REPLACEMENT = "[verwijderd]"

EMAIL = "e-mailadres"
PHONE = "telefoonnummer"
IBAN = "IBAN"
POSTCODE = "postcode en huisnummer"
BSN = "BSN"


@dataclass(frozen=True)
class Scrubbed:
    """Text with personal data replaced, and the Dutch labels of what was removed, in text order."""

    text: str
    removed: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether anything was removed."""
        return bool(self.removed)


# A span found by a detector: (start, end, label).
_Span = tuple[int, int, str]
_Detector = Callable[[str], Iterator[_Span]]

_EMAIL_RE = re.compile(
    r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w])"
)


def _emails(text: str) -> Iterator[_Span]:
    for m in _EMAIL_RE.finditer(text):
        yield m.start(), m.end(), EMAIL


# Lengths of IBANs per country (ISO 13616 registry, the countries likely to turn up here).
_IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
    "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
    "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26,
}
_IBAN_START_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}")


def _iban_valid(compact: str) -> bool:
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in rearranged)
    return int(digits) % 97 == 1


def _ibans(text: str) -> Iterator[_Span]:
    for m in _IBAN_START_RE.finditer(text):
        country = m.group()[:2].upper()
        wanted = _IBAN_LENGTHS.get(country)
        # Walk forward over letters and digits, allowing single spaces between groups,
        # and test every length an IBAN of this country can have.
        compact = m.group().upper()
        i = m.end()
        ends: list[tuple[int, str]] = []
        while i < len(text) and len(compact) < 34:
            ch = text[i]
            if ch == " " and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum():
                i += 1
                continue
            if not (ch.isascii() and ch.isalnum()):
                break
            compact += ch.upper()
            i += 1
            after = text[i] if i < len(text) else ""
            if not (after.isascii() and after.isalnum()):
                ends.append((i, compact))
        for end, candidate in reversed(ends):
            fits = len(candidate) == wanted or (wanted is None and len(candidate) >= 15)
            if fits and _iban_valid(candidate):
                yield m.start(), end, IBAN
                break


_PHONE_START_RE = re.compile(r"(?<![\w+])(?:(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|\(0|0(?!0))")
_DATE_LIKE = re.compile(r"^\d{1,2}([-/])\d{1,2}\1\d{4}")


def _phones(text: str) -> Iterator[_Span]:
    for m in _PHONE_START_RE.finditer(text):
        start = m.start()
        international = m.group().lstrip("(").startswith(("+", "00"))
        need = 9 if international else 10
        digits = "" if international else "0"
        groups: list[int] = [0 if international else 1]
        i = m.end()
        while i < len(text) and len(digits) < need:
            ch = text[i]
            if ch.isdigit() and ch.isascii():
                digits += ch
                groups[-1] += 1
                i += 1
                continue
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if ch in " -/)" and (nxt.isdigit() or (ch == ")" and nxt == " ")):
                if ch == ")" and nxt == " ":
                    i += 1
                groups.append(0)
                i += 1
                continue
            break
        groups = [g for g in groups if g]
        if len(digits) != need:
            continue
        after = text[i] if i < len(text) else ""
        if after.isalnum() or (after and after in "+@"):
            continue
        if international:
            if digits[0] == "0":
                continue
        else:
            if digits[1] == "0":
                continue
            area = groups[0] if len(groups) > 1 else 10
            if area not in (2, 3, 4, 10) or (area == 2 and digits[1] != "6"):
                continue
            if _DATE_LIKE.match(text[start:i]):
                continue
        yield start, i, PHONE


_POSTCODE_AFTER_RE = re.compile(
    r"(?<![\w])[1-9]\d{3} ?[A-Z]{2}(?![\w])[ ,]*\d{1,5}(?:-\d{1,4}|[ -]?[a-zA-Z](?![\w]))?(?![\w])"
)
_POSTCODE_BEFORE_RE = re.compile(
    r"(?<=[^\W\d] )(\d{1,5}(?:-\d{1,4}|[ -]?[a-zA-Z])?),? +[1-9]\d{3} ?[A-Z]{2}(?![\w])"
)


def _postcodes(text: str) -> Iterator[_Span]:
    for m in _POSTCODE_AFTER_RE.finditer(text):
        yield m.start(), m.end(), POSTCODE
    for m in _POSTCODE_BEFORE_RE.finditer(text):
        yield m.start(), m.end(), POSTCODE


_BSN_RE = re.compile(r"(?<![\w.,])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\w]|[.,]\d)")
_CURRENCY_BEFORE = re.compile(r"(?:€|\beur|\beuro)\s*$", re.IGNORECASE)


def _eleven_test(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0 and digits != "000000000"


def _bsns(text: str) -> Iterator[_Span]:
    for m in _BSN_RE.finditer(text):
        digits = m.group().replace(".", "")
        if _eleven_test(digits) and not _CURRENCY_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            yield m.start(), m.end(), BSN


# Earlier detectors win where spans overlap: an e-mail address may contain digits, an
# IBAN contains a 9-digit run, a phone number would otherwise hide inside neither.
_DETECTORS: tuple[_Detector, ...] = (_emails, _ibans, _phones, _postcodes, _bsns)


def _scrub_once(text: str) -> tuple[str, list[str]]:
    taken: list[_Span] = []
    for detect in _DETECTORS:
        for span in detect(text):
            if all(span[1] <= s or span[0] >= e for s, e, _ in taken):
                taken.append(span)
    if not taken:
        return text, []
    taken.sort()
    parts: list[str] = []
    pos = 0
    for s, e, _ in taken:
        parts.append(text[pos:s])
        parts.append(REPLACEMENT)
        pos = e
    parts.append(text[pos:])
    return "".join(parts), [label for _, _, label in taken]


def scrub(text: str) -> Scrubbed:
    """Replace personal data in ``text`` by ``[verwijderd]``.

    Removes e-mail addresses, Dutch phone numbers, IBANs (checksum-tested), postcode plus
    house number, and 9-digit numbers that pass the BSN eleven-test. Years, amounts,
    article numbers, counts and dates stay. Scrubbing scrubbed text changes nothing.
    """
    # Everything removed contains a digit or an @: most text needs no further look.
    if _MAYBE_PERSONAL.search(text) is None:
        return Scrubbed(text)
    return _scrub_cached(text)


_MAYBE_PERSONAL = re.compile(r"[\d@]")


def scrub_text(text: str) -> tuple[str, tuple[str, ...]]:
    """`scrub` as a plain pair: the cleaned text and the Dutch labels of what was removed."""
    result = scrub(text)
    return result.text, tuple(result.removed)


@lru_cache(maxsize=1024)
def _scrub_cached(text: str) -> Scrubbed:
    """Scrub with a cache: bundles repeat team labels and notes many times."""
    removed: list[str] = []
    # A replacement can free a neighbour that its old characters shielded; repeat until
    # nothing changes so that scrubbing is idempotent.
    for _ in range(5):
        text, found = _scrub_once(text)
        if not found:
            break
        removed.extend(found)
    return Scrubbed(text, tuple(removed))


@dataclass(frozen=True)
class ScrubbedTree:
    """A JSON-like value with every string in it scrubbed, and what was removed."""

    value: Any
    removed: tuple[str, ...] = ()


def scrub_tree(value: Any) -> ScrubbedTree:
    """Scrub every string inside nested dicts, lists and tuples (keys stay as they are)."""
    removed: list[str] = []

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            result = scrub(v)
            removed.extend(result.removed)
            return result.text
        if isinstance(v, Mapping):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [walk(x) for x in v]
        return v

    return ScrubbedTree(walk(value), tuple(removed))
