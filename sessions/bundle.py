"""Session bundles (SPEC §7): export team sessions as JSON, validate and import bundles."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

from sessions import os_errors
from sessions.figures import month_label
from sessions.files import WriteError, write_private
from sessions.model import (
    OWN_PREFIX,
    OwnCase,
    OwnKind,
    OwnOption,
    PulseAnswer,
    Revote,
    Round,
    SessionRecord,
    VoteMode,
)
from sessions.own import OWN_KEYS, own_to_json
from sessions.scrub import scrub
from sessions.store import Store, is_month
from sessions.text import control_characters, printable

BUNDLE_FORMAT = "integer-spel-bundle"
BUNDLE_NOTICE = (
    "Een bundel is zonder namen, maar bevat de precieze stemmen van elk team, ook van kleine "
    "teams. Geef hem alleen aan wie de rapportage maakt, en bewaar hem niet op een gedeelde plek."
)
BUNDLE_VERSION = 2
"""The newest version written and read; version 1 (no blanco) is written when it suffices."""
MAX_NUMBER = 100_000  # minutes, variation numbers: far above any meeting
MAX_PROBLEMS = 10
# Limits no real bundle reaches (a year of a large organisation is some hundreds of sessions;
# 10,000 sessions make 16 MB), each said in the message that refuses a bundle beyond it.
MAX_PARTICIPANTS = 1_000
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
MAX_SESSIONS = 50_000
MAX_ROUNDS = 500
MAX_KEYS = 50  # options (or pulse answers) per count
MAX_LABEL = 200  # characters of a team, id, theme, question or count key
MAX_NOTE = 10_000
MAX_DIGITS = 15  # an integer in the JSON longer than this is refused, not converted

_UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_VOTES = ("hands", "secret", "none")


class BundleError(Exception):
    """A bundle cannot be imported or written; ``str(error)`` is Dutch and names file and place."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:MAX_PROBLEMS]
        more = len(self.problems) - len(shown)
        if more:
            shown.append(f"… en nog {more} {'probleem' if more == 1 else 'problemen'}.")
        super().__init__("\n".join(shown))


@dataclass(frozen=True)
class ImportResult:
    """What an import did: sessions added and sessions skipped because they were present."""

    added: int
    skipped: int
    removed: int = 0
    """Control characters taken out of the texts (team labels, notes, titles)."""

    def message(self) -> str:
        """The Dutch line the CLI prints, e.g. "3 sessies toegevoegd, 2 overgeslagen (al aanwezig)."."""
        noun = "sessie" if self.added == 1 else "sessies"
        text = f"{self.added} {noun} toegevoegd, {self.skipped} overgeslagen (al aanwezig)."
        if self.removed:
            chars = "stuurteken" if self.removed == 1 else "stuurtekens"
            text += (f" {self.removed} {chars} uit de teksten weggehaald (een terminal zou ze "
                     "uitvoeren).")
        return text


# -- export ---------------------------------------------------------------------------------


def record_to_json(record: SessionRecord) -> dict[str, Any]:
    """One session in the bundle shape of SPEC §7 (``counts`` absent when there was no vote)."""
    rounds = []
    for rnd in record.rounds:
        item: dict[str, Any] = {"dilemma": rnd.dilemma, "theme": rnd.theme, "vote": rnd.vote}
        if rnd.counts is not None:
            item["counts"] = dict(rnd.counts)
        item["revotes"] = [{"variation": r.variation, "counts": dict(r.counts)} for r in rnd.revotes]
        item["minutes"] = rnd.minutes
        item["note"] = rnd.note
        if rnd.blanco:
            item["blanco"] = rnd.blanco
        if rnd.own is not None:
            item["own"] = own_to_json(rnd.own)
        rounds.append(item)
    return {
        "id": record.id,
        "kind": record.kind,
        "month": record.month,
        "team": record.team,
        "participants": record.participants,
        "deck": {"id": record.deck_id, "version": record.deck_version},
        "rounds": rounds,
        "pulse": [{"question": p.question, "counts": dict(p.counts)} for p in record.pulse],
        "completed": record.completed,
    }


def export_bundle(store: Store, since: str | None = None) -> dict[str, Any]:
    """The team sessions in ``store`` (from month ``since`` on) as a bundle dict.

    Practice runs never travel. ``exported_at`` is cut to the first of the month: a bundle
    carries months, not days (SPEC §8), and a day could single out the last session.
    """
    records = store.list_sessions(kind="team", month_from=since)
    # Within a month, by the random UUID: the order says nothing of when each was played.
    records.sort(key=lambda r: (r.month, r.id))
    now = datetime.now(timezone.utc)
    return {
        "format": BUNDLE_FORMAT,
        "version": 2 if any(r.blanco or r.own for rec in records for r in rec.rounds) else 1,
        "exported_at": f"{now:%Y-%m}-01T00:00:00Z",
        "sessions": [record_to_json(r) for r in records if r.kind == "team"],
    }


def bundle_text(bundle: Mapping[str, Any]) -> str:
    """The bundle as JSON text (UTF-8, one session per line for readable diffs)."""
    head = {k: v for k, v in bundle.items() if k != "sessions"}
    lines = [json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in bundle["sessions"]]
    body = ",\n  ".join(lines)
    fields = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()]
    fields.append('"sessions": ' + (f"[\n  {body}\n]" if lines else "[]"))
    return "{" + ", ".join(fields) + "}\n"


def write_bundle(bundle: Mapping[str, Any], output: Path | None) -> None:
    """Write the bundle to ``output`` (readable by the user alone), or to stdout for None/"-".

    The file appears whole or not at all: it is written beside the target and renamed.
    """
    text = bundle_text(bundle)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    try:
        write_private(output, text)  # through a symlink, as the user expects
    except WriteError as exc:
        raise BundleError([str(exc)]) from exc


# -- validation -----------------------------------------------------------------------------


class _Checker:
    """Collects every problem of one bundle, each as ``FILE: place: message``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []
        # Control characters taken out of texts (a terminal would obey them; SPEC §12).
        self.removed = 0

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{self.source}: {where}: {message}" if where else f"{self.source}: {message}")

    def obj(self, value: Any, where: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.add(where, "moet een object ({…}) zijn")
        return None

    def lst(self, value: Any, where: str, *, optional: bool = False) -> list[Any]:
        if value is None and optional:
            return []
        if isinstance(value, list):
            return value
        self.add(where, "moet een lijst ([…]) zijn")
        return []

    def text(
        self,
        value: Any,
        where: str,
        *,
        optional: bool = False,
        empty: bool = False,
        note: bool = False,
    ) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, str):
            cleaned = self.clean(value, where, note=note)
            if cleaned is None or empty or cleaned.strip():
                return cleaned
        self.add(where, "moet een tekst zijn" if empty or not isinstance(value, str) else "mag niet leeg zijn")
        return None

    def clean(self, value: str, where: str, *, note: bool = False) -> str | None:
        """``value`` without control characters (counted in ``removed``); None, with a
        message, when it is longer than its limit."""
        limit = MAX_NOTE if note else MAX_LABEL
        if len(value) > limit:
            self.add(where, f"is {len(value)} tekens lang; hier mogen er hoogstens {limit}")
            return None
        bad = control_characters(value, newlines=note)
        if not bad:
            return value
        self.removed += len(bad)
        drop = set(bad)
        return "".join(ch for i, ch in enumerate(value) if i not in drop)

    def number(self, value: Any, where: str, *, low: int, optional: bool = False) -> int | None:
        if value is None and optional:
            return None
        # bool is an int in Python, but true is not a count.
        if type(value) is int and low <= value <= MAX_NUMBER:
            return value
        self.add(where, f"moet een geheel getal van {low} tot en met {MAX_NUMBER} zijn")
        return None

    def counts(self, value: Any, where: str) -> dict[str, int] | None:
        data = self.obj(value, where)
        if data is None:
            return None
        if len(data) > MAX_KEYS:
            self.add(where, f"heeft {len(data)} antwoorden; hoogstens {MAX_KEYS}")
            return None
        ok = True
        clean: dict[str, int] = {}
        for key, count in data.items():
            name = self.clean(key, f"{where} (naam {printable(key[:20])!r})")
            if not name or name in clean:
                if name is not None:
                    self.add(where, f"de naam {printable(key[:20])!r} is leeg of dubbel")
                ok = False
                continue
            clean[name] = count
            if type(count) is not int or count < 0:
                self.add(f"{where}.{key}", "moet een geheel getal van 0 of meer zijn")
                ok = False
            elif count > MAX_NUMBER:
                self.add(f"{where}.{key}", f"is groter dan {MAX_NUMBER}")
                ok = False
        return clean if ok else None


def _check_round(c: _Checker, value: Any, where: str, participants: int | None) -> Round | None:
    """Check a round field by field, adding a located Dutch message for every problem."""
    data = c.obj(value, where)
    if data is None:
        return None
    before = len(c.problems)
    dilemma = c.text(data.get("dilemma"), f"{where}.dilemma")
    theme = c.text(data.get("theme"), f"{where}.theme", empty=True)
    vote = data.get("vote")
    if vote not in _VOTES:
        c.add(f"{where}.vote", "moet hands, secret of none zijn")
    counts = None
    if data.get("counts") is not None:
        counts = c.counts(data["counts"], f"{where}.counts")
        if counts is not None and participants is not None and sum(counts.values()) > participants:
            c.add(f"{where}.counts", f"samen {sum(counts.values())} stemmen, meer dan de {participants} deelnemers")
    revotes = []
    for j, item in enumerate(c.lst(data.get("revotes"), f"{where}.revotes", optional=True)):
        rwhere = f"{where}.revotes[{j}]"
        rdata = c.obj(item, rwhere)
        if rdata is None:
            continue
        variation = c.number(rdata.get("variation"), f"{rwhere}.variation", low=0)
        rcounts = c.counts(rdata.get("counts"), f"{rwhere}.counts")
        if rcounts is not None and participants is not None and sum(rcounts.values()) > participants:
            c.add(f"{rwhere}.counts", f"samen {sum(rcounts.values())} stemmen, meer dan de {participants} deelnemers")
            rcounts = None
        if variation is not None and rcounts is not None:
            revotes.append(Revote(variation, rcounts))
    minutes = c.number(data.get("minutes"), f"{where}.minutes", low=0, optional=True)
    note = c.text(data.get("note"), f"{where}.note", optional=True, empty=True, note=True)
    blanco = c.number(data.get("blanco"), f"{where}.blanco", low=0, optional=True)
    if blanco is not None and participants is not None and blanco > participants:
        c.add(f"{where}.blanco", f"{blanco} blanco, meer dan de {participants} deelnemers")
    own = None
    if data.get("own") is not None:
        own = _check_own(c, data["own"], f"{where}.own")
        if dilemma is not None and not dilemma.startswith(OWN_PREFIX):
            c.add(f"{where}.dilemma", f"moet met {OWN_PREFIX} beginnen bij een eigen casus")
        if own is not None and counts is not None and own.kind == "choice":
            keys = {o.key for o in own.options}
            if not set(counts) <= keys:
                c.add(f"{where}.counts", "noemt een antwoord dat de eigen casus niet heeft")
    if len(c.problems) > before or dilemma is None or theme is None:
        return None
    return Round(dilemma, theme, cast(VoteMode, vote), counts, tuple(revotes), minutes, note, blanco or 0, own)


def _check_own(c: _Checker, value: Any, where: str) -> OwnCase | None:
    """An eigen casus of a version 2 bundle: title, question, kind and 2–5 options (or none)."""
    data = c.obj(value, where)
    if data is None:
        return None
    before = len(c.problems)
    title = c.text(data.get("title"), f"{where}.title")
    question = c.text(data.get("question"), f"{where}.question", empty=True, note=True)
    kind = data.get("kind")
    if kind not in ("choice", "open"):
        c.add(f"{where}.kind", "moet choice of open zijn")
    options = []
    items = c.lst(data.get("options"), f"{where}.options", optional=True)
    for j, item in enumerate(items):
        owhere = f"{where}.options[{j}]"
        odata = c.obj(item, owhere)
        if odata is None:
            continue
        key = odata.get("key")
        text = c.text(odata.get("text"), f"{owhere}.text", note=True)
        expected = OWN_KEYS[j] if j < len(OWN_KEYS) else None
        if key != expected:
            c.add(f"{owhere}.key", f"moet {expected} zijn" if expected else "te veel antwoorden")
        elif text is not None:
            options.append(OwnOption(str(key), text))
    if kind == "choice" and not 2 <= len(items) <= len(OWN_KEYS):
        c.add(f"{where}.options", "een eigen casus met antwoorden heeft er 2 tot en met 5")
    if kind == "open" and items:
        c.add(f"{where}.options", "een open eigen casus heeft geen antwoorden")
    if len(c.problems) > before or title is None or question is None:
        return None
    return OwnCase(title, question, cast(OwnKind, kind), tuple(options))


def _check_session(c: _Checker, value: Any, where: str, seen: dict[str, int], i: int) -> SessionRecord | None:
    data = c.obj(value, where)
    if data is None:
        return None
    before = len(c.problems)
    sid = data.get("id")
    if not isinstance(sid, str) or not _UUID_RE.fullmatch(sid):
        c.add(f"{where}.id", "moet een UUID zijn (zoals 7d0c0b8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f)")
        sid = None
    else:
        sid = sid.lower()
        if sid in seen:
            c.add(f"{where}.id", f"staat dubbel in dit bestand (ook bij sessions[{seen[sid]}])")
        else:
            seen[sid] = i
    kind = data.get("kind")
    if kind != "team":
        c.add(f"{where}.kind", "moet team zijn: alleen teamsessies gaan mee in een bundel, oefenrondes niet")
    month = data.get("month")
    if not is_month(month):
        c.add(f"{where}.month", "moet een bestaande maand zijn als JJJJ-MM (01 tot en met 12)")
    team = c.text(data.get("team"), f"{where}.team", optional=True, empty=True)
    participants = c.number(data.get("participants"), f"{where}.participants", low=1)
    if participants is not None and participants > MAX_PARTICIPANTS:
        c.add(f"{where}.participants", f"is {participants}; een sessie heeft hoogstens {MAX_PARTICIPANTS} deelnemers")
        participants = None
    deck = c.obj(data.get("deck"), f"{where}.deck")
    deck_id = deck_version = None
    if deck is not None:
        deck_id = c.text(deck.get("id"), f"{where}.deck.id")
        deck_version = c.text(deck.get("version"), f"{where}.deck.version", empty=True)
    rounds = []
    items = c.lst(data.get("rounds"), f"{where}.rounds")
    if len(items) > MAX_ROUNDS:
        c.add(f"{where}.rounds", f"heeft {len(items)} rondes; een sessie heeft er hoogstens {MAX_ROUNDS}")
        items = []
    for j, item in enumerate(items):
        rnd = _check_round(c, item, f"{where}.rounds[{j}]", participants)
        if rnd is not None:
            rounds.append(rnd)
    pulse = []
    for j, item in enumerate(c.lst(data.get("pulse"), f"{where}.pulse", optional=True)):
        pwhere = f"{where}.pulse[{j}]"
        pdata = c.obj(item, pwhere)
        if pdata is None:
            continue
        question = c.text(pdata.get("question"), f"{pwhere}.question")
        pcounts = c.counts(pdata.get("counts"), f"{pwhere}.counts")
        if pcounts is not None and participants is not None and sum(pcounts.values()) > participants:
            c.add(f"{pwhere}.counts", f"samen {sum(pcounts.values())} antwoorden, meer dan de {participants} deelnemers")
            pcounts = None
        if question is not None and pcounts is not None:
            pulse.append(PulseAnswer(question, pcounts))
    completed = data.get("completed")
    if not isinstance(completed, bool):
        c.add(f"{where}.completed", "moet true of false zijn")
    if len(c.problems) > before:
        # Which session, in words a coordinator can ask a facilitator about, before the
        # place in the file for whoever edits it.
        known = [scrub(team).text.strip() if team else "",
                 month_label(str(month)) if is_month(month) else ""]
        named = ", ".join(x for x in known if x)
        context = f"sessie {i + 1}" + (f" ({named})" if named else "")
        own = f"{c.source}: {where}"
        c.problems[before:] = [f"{c.source}: {context}: {p[len(c.source) + 2:]}"
                               if p.startswith(own) else p for p in c.problems[before:]]
        return None
    assert sid is not None and participants is not None and deck_id is not None
    label = scrub(team).text.strip() if team else ""
    return SessionRecord(
        id=sid,
        kind="team",
        month=str(month),
        team=label or None,
        participants=participants,
        deck_id=deck_id,
        deck_version=deck_version or "",
        rounds=tuple(rounds),
        pulse=tuple(pulse),
        completed=bool(completed),
    )


def parse_bundle(data: Any, source: str, *, removed: list[int] | None = None) -> list[SessionRecord]:
    """Check a decoded bundle completely and return its sessions, or raise BundleError.

    Shapes and ranges are checked; option keys are not held against the installed decks,
    since a bundle may come from a laptop with other decks (SPEC §7). Control characters in
    texts are taken out, never a reason to refuse the bundle; their number is appended to
    ``removed``.
    """
    c = _Checker(source)
    top = c.obj(data, "")
    if top is None:
        raise BundleError(c.problems)
    if top.get("format") != BUNDLE_FORMAT:
        c.add("format", f"dit is geen bundel van Integer-spel (verwacht \"{BUNDLE_FORMAT}\")")
        raise BundleError(c.problems)
    version = top.get("version")
    if type(version) is not int or version < 1:
        c.add("version", "onbekende versie; verwacht een geheel getal")
        raise BundleError(c.problems)
    if version > BUNDLE_VERSION:
        c.add("version", f"versie {version} is gemaakt met een nieuwere versie van Integer-spel — werk bij")
        raise BundleError(c.problems)
    if "exported_at" in top and not isinstance(top["exported_at"], str):
        c.add("exported_at", "moet een tekst zijn")
    records = []
    seen: dict[str, int] = {}
    sessions = c.lst(top.get("sessions"), "sessions")
    if len(sessions) > MAX_SESSIONS:
        c.add("sessions", f"{len(sessions)} sessies; een bundel heeft er hoogstens {MAX_SESSIONS}")
        raise BundleError(c.problems)
    for i, item in enumerate(sessions):
        rec = _check_session(c, item, f"sessions[{i}]", seen, i)
        if rec is not None:
            records.append(rec)
    if c.problems:
        raise BundleError(c.problems)
    if removed is not None:
        removed.append(c.removed)
    return records


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _TooLong:
    """An integer of more digits than any count: kept as a marker that no check accepts."""

    def __repr__(self) -> str:
        return "<te lang getal>"


_TOO_LONG = _TooLong()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


def _int(text: str) -> int | _TooLong:
    return int(text) if len(text) <= MAX_DIGITS else _TOO_LONG


_decoder = json.JSONDecoder(object_pairs_hook=_object, parse_int=_int)


def decode_json(text: str) -> Any:
    """JSON as a bundle may hold it: a repeated name refused, an endless number kept out."""
    return _decoder.decode(text)


_JSON_MESSAGES = (
    ("Expecting value", "hier wordt een waarde verwacht"),
    ("Expecting property name", "hier wordt een naam tussen dubbele aanhalingstekens verwacht"),
    ("Expecting ':'", "hier wordt een dubbele punt verwacht"),
    ("Expecting ','", "hier wordt een komma verwacht"),
    ("Unterminated string", "een tekst wordt niet afgesloten"),
    ("Invalid control character", "een ongeldig teken in een tekst"),
    ("Invalid \\escape", "een ongeldige \\ in een tekst"),
    ("Extra data", "na het einde van de bundel staat nog meer"),
)


def _json_problem(exc: json.JSONDecodeError, text: str) -> str:
    """A Dutch reason for a JSON error; a file that stops halfway is called that."""
    if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
        return "het bestand houdt midden in op (afgebroken?)"
    for start, dutch in _JSON_MESSAGES:
        if exc.msg.startswith(start):
            return f"ongeldige JSON: {dutch}"
    return "ongeldige JSON"


def read_bundle_bytes(path: Path) -> bytes:
    """The bytes of a bundle file: a regular file of at most MAX_BUNDLE_BYTES.

    A FIFO, a device (also behind a symlink, such as one to /dev/zero) or a directory is
    refused before anything is read, and so is a file over the limit: reading it could
    hang or fill the memory. Raises BundleError naming the file.
    """
    try:
        # O_NONBLOCK: should a FIFO take the file's place after the check, opening it does
        # not wait for a writer; fstat then sees what was opened.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise BundleError([f"{path}: kan het bestand niet lezen: {os_errors.reason(exc)}."]) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BundleError([f"{path}: dit is een map, geen bestand. Kies het bundelbestand zelf."])
        if not stat.S_ISREG(info.st_mode):
            raise BundleError([
                f"{path}: dit is geen gewoon bestand (maar een apparaat, een pijp of iets "
                "dergelijks). Een bundel is een .json-bestand."
            ])
        if info.st_size > MAX_BUNDLE_BYTES:
            raise BundleError([_too_big(path, info.st_size)])
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(MAX_BUNDLE_BYTES + 1)  # the file may grow meanwhile
    except OSError as exc:
        raise BundleError([f"{path}: kan het bestand niet lezen: {os_errors.reason(exc)}."]) from exc
    finally:
        os.close(fd)
    if len(raw) > MAX_BUNDLE_BYTES:
        raise BundleError([_too_big(path, len(raw))])
    return raw


def _too_big(path: Path, size: int) -> str:
    return (f"{path}: het bestand is {size // (1024 * 1024)} MB; een bundel is hoogstens "
            f"{MAX_BUNDLE_BYTES // (1024 * 1024)} MB (zo'n 200.000 sessies).")


def load_bundle(path: Path, *, removed: list[int] | None = None) -> list[SessionRecord]:
    """Read and check one bundle file; raises BundleError naming the file. The number of
    control characters taken out of its texts is appended to ``removed``."""
    raw = read_bundle_bytes(path)
    if not raw.strip():
        raise BundleError([f"{path}: het bestand is leeg."])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BundleError([f"{path}: het bestand is geen UTF-8-tekst (byte {exc.start + 1})."]) from exc
    try:
        data = decode_json(text)
    except json.JSONDecodeError as exc:
        raise BundleError([f"{path}:{exc.lineno}:{exc.colno}: {_json_problem(exc, text)}."]) from exc
    except _DuplicateKey as exc:
        raise BundleError([
            f"{path}: de naam \"{printable(exc.key[:40])}\" staat twee keer in hetzelfde object; "
            "welke geldt is niet te zeggen."
        ]) from exc
    except RecursionError as exc:
        raise BundleError([f"{path}: de JSON is te diep genest."]) from exc
    return parse_bundle(data, str(path), removed=removed)


def import_bundles(store: Store, paths: Iterable[Path]) -> ImportResult:
    """Check every file completely, then add all their sessions in one transaction.

    Any problem in any file raises BundleError before anything is written. Sessions whose
    id is already in the store (or earlier in these files) are skipped and counted.
    """
    records: list[SessionRecord] = []
    problems: list[str] = []
    removed: list[int] = []
    for path in paths:
        try:
            records.extend(load_bundle(path, removed=removed))
        except BundleError as exc:
            problems.extend(exc.problems)
    if problems:
        raise BundleError(problems)
    added, skipped = store.import_records(records)
    return ImportResult(added, skipped, sum(removed))
