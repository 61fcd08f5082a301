"""Handler of `integer-spel sessions`: list, show and export recorded sessions; never imports Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dilemmas import paths
from sessions.files import WriteError, write_private
from sessions.store import DB_NAME, Store, StoreError
from sessions.text import printable, safe_streams

if TYPE_CHECKING:
    from dilemmas.config import Config
    from dilemmas.model import Deck
    from sessions.model import SessionRecord


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    safe_streams()
    if not (paths.data_dir(create=False) / DB_NAME).exists():
        # Nothing recorded yet: say so rather than create an empty store.
        if args.sessions_command == "list":
            print("Er zijn nog geen sessies opgeslagen.")
            return 0
        return _not_found(args.id)
    try:
        store = Store.open()
    except StoreError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    try:
        if args.sessions_command == "list":
            return list_sessions(store)
        record = _find(store, args.id)
        if record is None:
            return 1
        if args.sessions_command == "delete":
            return delete(store, record, yes=args.yes)
        decks, config = _decks_and_config(args.decks)
        # What the summary needs beside the rounds (numbers as played, skips, deep dives).
        from game.rules.summary import with_summary

        record = with_summary(record, store.state(record.id), store.get_walkthrough)
        if args.sessions_command == "show":
            from sessions.summary import summary_markdown

            print(SHOW_NOTICE, file=sys.stderr)
            sys.stdout.write(printable(summary_markdown(record, decks, config)))
            return 0
        return export(record, decks, config, args.format, args.output)
    except StoreError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    finally:
        store.close()


SHOW_NOTICE = (
    "Dit overzicht is voor jou als coördinator, op je eigen laptop: het kan laten zien hoe een "
    "klein team stemde. Deel het niet; geef het team de samenvatting (sessions export)."
)


def delete(store: Store, record: SessionRecord, *, yes: bool) -> int:
    """Remove one session after asking (SPEC §3); ``--yes`` skips the question."""
    what = f"de sessie {record.id[:8]} ({record.month}, {printable(record.team or 'geen team')}, " \
           f"{len(record.rounds)} {'ronde' if len(record.rounds) == 1 else 'rondes'})"
    if not yes:
        if not sys.stdin.isatty():
            print(f"Weet je het zeker? Verwijder {what} met: integer-spel sessions delete "
                  f"{record.id[:8]} --yes", file=sys.stderr)
            return 1
        answer = input(f"Wil je {what} echt verwijderen? Typ ja om te bevestigen: ")
        if answer.strip().lower() not in ("ja", "j"):
            print("Niets verwijderd.")
            return 1
    store.delete_session(record.id)
    print(f"Verwijderd: {what}.")
    return 0


def list_sessions(store: Store) -> int:
    """Print the team sessions as a table, oldest month first; practice runs only counted."""
    from rich.console import Console
    from rich.table import Table

    records = store.list_sessions(kind=None)
    team = [r for r in records if r.kind == "team"]
    practice = len(records) - len(team)
    # Team labels are shown as typed, never read as markup.
    console = Console(highlight=False, markup=False)
    if not team:
        console.print("Er zijn nog geen teamsessies opgeslagen.")
    else:
        table = Table(title="Teamsessies", title_justify="left")
        for column in ("nummer", "maand", "team", "deelnemers", "rondes", "klaar"):
            table.add_column(column, justify="right" if column in ("deelnemers", "rondes") else "left")
        for r in team:
            table.add_row(r.id[:8], r.month, printable(r.team or "—"), str(r.participants), str(len(r.rounds)),
                          "ja" if r.completed else "nee")
        console.print(table)
        console.print(f"{len(team)} {'teamsessie' if len(team) == 1 else 'teamsessies'}. "
                      "Bekijk er één met: integer-spel sessions show NUMMER")
    if practice:
        console.print(f"Daarnaast {practice} {'oefenronde' if practice == 1 else 'oefenrondes'}; "
                      "die tellen niet mee in het rapport en gaan niet mee in een bundel.")
    if store.damaged:
        shown = ", ".join(i[:8] for i in store.damaged[:10])
        print(f"{len(store.damaged)} {'sessie is' if len(store.damaged) == 1 else 'sessies zijn'} "
              f"beschadigd in het bestand en overgeslagen: {printable(shown)}.", file=sys.stderr)
    return 0


def export(
    record: SessionRecord,
    decks: Mapping[str, Deck],
    config: Config | None,
    fmt: str,
    output: Path | None,
) -> int:
    """Write the summary for the team as Markdown or HTML, to a file or stdout."""
    from sessions.summary import summary_html, summary_markdown

    text = (summary_html if fmt == "html" else summary_markdown)(record, decks, config)
    if output is None or str(output) == "-":
        sys.stdout.write(printable(text))
        return 0
    try:
        write_private(output, text)
    except WriteError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    print(f"Samenvatting geschreven: {output}", file=sys.stderr)
    return 0


def _not_found(prefix: str) -> int:
    print(f"Er is geen sessie met nummer '{printable(prefix)}'. "
          "Kijk met 'integer-spel sessions list' welke sessies er zijn.", file=sys.stderr)
    return 1


def _find(store: Store, prefix: str) -> SessionRecord | None:
    """The one session whose id starts with ``prefix``, or None after a Dutch message."""
    ids = store.find_ids(prefix)
    if not ids:
        _not_found(prefix)
        return None
    if len(ids) > 1:
        shown = ", ".join(i[:8] for i in ids[:5])
        print(f"Het nummer '{printable(prefix)}' past bij meer dan één sessie ({shown}"
              f"{', …' if len(ids) > 5 else ''}). Typ meer tekens van het nummer.", file=sys.stderr)
        return None
    return store.get(ids[0])


def _decks_and_config(extra_dirs: list[Path]) -> tuple[dict[str, Deck], Config | None]:
    """The installed decks (for card titles and option texts) and the config (for contacts).

    Without them the summary still works, with ids instead of titles.
    """
    from dilemmas.config import load_config
    from dilemmas.discovery import discover

    config, _notices = load_config()
    return dict(discover(extra_dirs, config).decks), config
