"""Handler of `integer-spel report`: the WIO report over the recorded team sessions.

Kept light on purpose (no Textual, nothing of the app): the whole process must finish well
within a second over 10,000 sessions.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from dilemmas.config import Config
    from dilemmas.model import Deck
    from sessions.report import Period, Report
    from sessions.store import Store


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    date_from: str | None = getattr(args, "date_from", None)
    date_to: str | None = getattr(args, "date_to", None)
    if date_from and date_to and date_from > date_to:
        print(f"De periode klopt niet: --from ({date_from}) ligt na --to ({date_to}).",
              file=sys.stderr)
        return 2
    # The report builds ~100,000 small objects and frees none until it is done: the cyclic
    # garbage collector would only rescan them, about a third of the run over 10,000 sessions.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(args, date_from, date_to)
    finally:
        if was_enabled:
            gc.enable()


def _run(args: argparse.Namespace, date_from: str | None, date_to: str | None) -> int:
    import datetime as dt

    from sessions.report import build_report_from_store, previous_period, with_previous
    from sessions.store import Store, StoreError

    try:
        store = Store.open()
        try:
            period = _period(store, args.year, date_from, date_to)
            k, decks, notices, config = _settings(args)
            teams = tuple(config.teams)
            # Summed straight from the store's rows: no record per round (SPEC §11: < 1 s).
            report = build_report_from_store(store, decks, k=k, period=period,
                                             with_notes=args.with_notes, teams=teams)
            # The change against the previous period of the same length, by the same builder.
            before = build_report_from_store(store, decks, k=k, period=previous_period(period),
                                             teams=teams)
            report = with_previous(report, before)
        finally:
            store.close()
    except StoreError as exc:
        print(f"Het rapport kan niet worden gemaakt. {exc}", file=sys.stderr)
        return 1
    for notice in notices:
        print(notice, file=sys.stderr)
    print(f"Gebruikt: k = {k} (stemmingen van minder dan {k} mensen tellen niet mee).",
          file=sys.stderr)
    text = _render(report, args.format, organisation=config.organisation,
                   reference_figures=tuple(config.reference_figures), today=dt.date.today())
    if args.output is None:
        try:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # `report | head`: the reader has all it wants
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    try:
        _write_private(args.output, text, bom=args.format == "csv")
    except OSError as exc:
        reason = _REASONS.get(exc.errno or 0, "het bestand kan daar niet worden gemaakt")
        print(f"Het rapport kan niet worden geschreven naar {args.output}: {reason}. "
              "Kies een andere plek met -o.", file=sys.stderr)
        return 1
    print(f"Rapport geschreven naar {args.output}")
    return 0


_REASONS = {
    errno.ENOENT: "die map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EACCES: "je mag daar niet schrijven",
    errno.EPERM: "je mag daar niet schrijven",
    errno.EROFS: "die plek is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EISDIR: "dat is een map, geen bestand",
}


def _settings(args: argparse.Namespace
              ) -> tuple[int, Mapping[str, Deck], list[str], Config]:
    """The threshold ``k`` from the config (default 5), the installed decks by id (for titles
    and answer labels), the notices of both, in Dutch, and the config (organisation, teams,
    reference figures)."""
    from dilemmas.config import load_config
    from dilemmas.discovery import discover

    config, notices = load_config()
    registry = discover(getattr(args, "decks", []) or [], config)
    return (max(1, int(config.k)), registry.decks, [*notices, *registry.notices], config)


def _period(store: Store, year: int | None, date_from: str | None, date_to: str | None) -> Period:
    """The asked period.

    ``--from`` without ``--to`` runs to the latest month of a team session in the store,
    ``--to`` without ``--from`` from the earliest; with neither and no ``--year``, the current
    calendar year.
    """
    from sessions.report import Period

    if year is not None:
        return Period.year(year)
    if date_from is None and date_to is None:
        return Period.current_year()
    first, latest = store.month_range("team", date_from, date_to)
    start = date_from or first or date_to or ""
    end = date_to or latest or date_from or ""
    return Period(start, end)


def _render(report: Report, fmt: str, *, organisation: str = "",
            reference_figures: tuple[str, ...] = (), today: dt.date | None = None) -> str:
    from sessions.report import render_csv, render_html, render_json, render_markdown

    if fmt == "json":
        return render_json(report)
    if fmt == "csv":
        return render_csv(report)
    if fmt == "html":
        return render_html(report, organisation=organisation, today=today,
                           reference_figures=reference_figures)
    return render_markdown(report, organisation=organisation, today=today,
                           reference_figures=reference_figures)


def _write_private(path: Path, text: str, *, bom: bool = False) -> None:
    """Write ``text`` to ``path`` readable by the user alone (0600), replacing it in one step.

    A CSV gets a byte-order mark so that spreadsheet programs read it as UTF-8.
    """
    target = path.expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=".rapport-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
