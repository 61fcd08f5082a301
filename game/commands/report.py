"""Handler of `integer-spel report`: the WIO report over the recorded team sessions.

Kept light on purpose (no Textual, nothing of the app): the whole process must finish well
within a second over 10,000 sessions.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from dilemmas.config import Config, ReferenceFigure
    from dilemmas.model import Deck
    from sessions.report import Period, Report
    from sessions.store import Store


@dataclass(frozen=True)
class ReportFormat:
    """One way to write the report: for the CLI's --format, the command and the screen's buttons."""

    name: str
    label: str
    """What a button says."""
    extension: str
    render: Callable[[Report, RenderContext], str | bytes]
    binary: bool = False
    bom: bool = False
    """A UTF-8 byte-order mark before the text of a file, so spreadsheet programs read UTF-8."""


@dataclass(frozen=True)
class RenderContext:
    """What a report's title page needs besides the figures: who, what to compare with, when."""

    organisation: str = ""
    reference_figures: tuple[ReferenceFigure, ...] = ()
    today: dt.date | None = None

    @classmethod
    def of(cls, config: Config, today: dt.date) -> RenderContext:
        return cls(config.organisation, tuple(config.reference_figures), today)


def _text(fmt: str) -> Callable[[Report, RenderContext], str | bytes]:
    return lambda report, context: _render(report, fmt, organisation=context.organisation,
                                           reference_figures=context.reference_figures,
                                           today=context.today)


def _xlsx(report: Report, context: RenderContext) -> bytes:
    from sessions.report_xlsx import render_xlsx

    return render_xlsx(report, organisation=context.organisation, today=context.today,
                       reference_figures=context.reference_figures)


FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat("md", "Markdown", "md", _text("md")),
        ReportFormat("html", "HTML (afdrukken)", "html", _text("html")),
        ReportFormat("xlsx", "Excel", "xlsx", _xlsx, binary=True),
        ReportFormat("csv", "CSV", "csv", _text("csv"), bom=True),
        ReportFormat("json", "JSON", "json", _text("json")),
    )
}
"""The report's formats, in the order they are offered."""

def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    date_from: str | None = getattr(args, "date_from", None)
    date_to: str | None = getattr(args, "date_to", None)
    if date_from and date_to and date_from > date_to:
        print(f"De periode klopt niet: --from ({date_from}) ligt na --to ({date_to}).",
              file=sys.stderr)
        return 2
    return _run(args, date_from, date_to)


def _run(args: argparse.Namespace, date_from: str | None, date_to: str | None) -> int:
    import datetime as dt

    from sessions.report import build_report_from_store
    from sessions.store import Store, StoreError

    try:
        store = Store.open()
        try:
            period = _period(store, args.year, date_from, date_to)
            k, decks, notices, config = _settings(args)
            teams = tuple(config.teams)
            # Summed by SQLite over the store's tables (SPEC §11: < 1 s), with the change
            # against the previous period of the same length, in one reading.
            report = build_report_from_store(store, decks, k=k, period=period,
                                             with_notes=args.with_notes, teams=teams,
                                             compare=True)
        finally:
            store.close()
    except StoreError as exc:
        print(f"Het rapport kan niet worden gemaakt. {exc}", file=sys.stderr)
        return 1
    for notice in notices:
        print(notice, file=sys.stderr)
    if report.skipped:
        from sessions.wellformed import skipped_message

        print(skipped_message(report.skipped), file=sys.stderr)
    print(f"Gebruikt: de grens van {k} stemmen (k: {k} in de instellingen). Een stemming van "
          f"minder dan {k} mensen telt niet mee.", file=sys.stderr)
    fmt = FORMATS[args.format]
    to_stdout = args.output is None or str(args.output) == "-"
    if fmt.binary and to_stdout and sys.stdout.isatty():
        print(f"Een {fmt.label}-bestand kun je niet in de terminal tonen. Geef met -o aan waar "
              f"het heen moet, bijvoorbeeld: -o wio-rapport.{fmt.extension}", file=sys.stderr)
        return 2
    data = fmt.render(report, RenderContext.of(config, dt.date.today()))
    if to_stdout:
        if isinstance(data, str):
            from sessions.text import printable, safe_streams

            safe_streams()  # a latin-1 console gets "?" for a bar, not a crash
            data = printable(data, keep_cr=True)  # team and note text never paints the terminal
        try:
            if isinstance(data, bytes):
                sys.stdout.buffer.write(data)
            else:
                sys.stdout.write(data if data.endswith("\n") else data + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # `report | head`: the reader has all it wants
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    from sessions.files import WriteError, write_private

    try:
        write_private(args.output, data, bom=fmt.bom)
    except WriteError as exc:
        print(f"Het rapport kan niet worden geschreven naar {args.output}. {exc.message}",
              file=sys.stderr)
        return 1
    print(f"Rapport geschreven naar {args.output}")
    return 0


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
            reference_figures: tuple[ReferenceFigure, ...] = (),
            today: dt.date | None = None) -> str:
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

