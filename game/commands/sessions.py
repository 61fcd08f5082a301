"""Handler of `integer-spel sessions`: list, show and export recorded sessions; never imports Textual."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dilemmas import paths
from sessions.files import WriteError, write_private
from sessions.store import DB_NAME, Store, StoreError
from sessions.text import printable, safe_streams
from sessions.wellformed import skipped_message

if TYPE_CHECKING:
    from dilemmas.config import Config
    from dilemmas.model import Deck
    from sessions.model import SessionRecord


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    safe_streams()
    # lexists: a symlink loop in the file's place is a problem to name, not "no sessions".
    if not os.path.lexists(paths.data_dir(create=False) / DB_NAME):
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
        if args.sessions_command == "delete":
            return delete(store, args.id, yes=args.yes)
        record = _find(store, args.id)
        if record is None:
            return 1
        decks, config = _decks_and_config(args.decks)
        # What the summary needs beside the rounds (numbers as played, skips, deep dives).
        from game.rules.summary import with_summary

        record = with_summary(record, store.state(record.id), store.get_walkthrough)
        if args.sessions_command == "show":
            from sessions.summary import summary_markdown

            print(SHOW_NOTICE, file=sys.stderr)
            sys.stdout.write(printable(summary_markdown(record, decks, config)))
            return 0
        notice = small_team_notice(record, config.k if config is not None else 5)
        if notice:
            print(notice, file=sys.stderr)
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


def small_team_notice(record: SessionRecord, k: int) -> str | None:
    """A warning for the summary of a session that came from elsewhere (a bundle) and shows a
    vote of fewer than ``k`` people: its exact tallies can tell who voted what."""
    if not record.extra.get("abandoned"):
        return None  # played here: the summary is the team's own
    sizes = [record.participants]
    for rnd in record.rounds:
        for counts in ([rnd.counts] if rnd.counts else []) + [r.counts for r in rnd.revotes]:
            sizes.append(sum(counts.values()))
    if min(sizes) >= k:
        return None
    return (
        "Let op: deze sessie komt niet van deze laptop (een bundel of een niet afgemaakte "
        f"sessie) en laat stemmen van minder dan {k} mensen precies zien. Zo'n samenvatting "
        "kan verraden wie wat stemde: geef haar alleen aan het team zelf, en deel haar niet."
    )


def delete(store: Store, prefix: str, *, yes: bool) -> int:
    """Remove one session after asking (SPEC §3); ``--yes`` skips the question. A damaged
    session can be removed too."""
    ids = _one_id(store, prefix)
    if ids is None:
        return 1
    record = store.get(ids)
    if record is None:
        what = f"de beschadigde sessie {printable(ids[:8])}"
    else:
        what = f"de sessie {record.id[:8]} ({record.month}, " \
               f"{printable(record.team or 'geen team')}, " \
               f"{len(record.rounds)} {'ronde' if len(record.rounds) == 1 else 'rondes'})"
    if not yes:
        if not sys.stdin.isatty():
            print(f"Weet je het zeker? Verwijder {what} met: integer-spel sessions delete "
                  f"{printable(ids[:8])} --yes", file=sys.stderr)
            return 1
        answer = input(f"Wil je {what} echt verwijderen? Typ ja om te bevestigen: ")
        if answer.strip().lower() not in ("ja", "j"):
            print("Niets verwijderd.")
            return 1
    store.delete_session(ids)
    print(f"Verwijderd: {what}.")
    return 0


def list_sessions(store: Store) -> int:
    """Print the team sessions as a table, oldest month first; practice runs only counted."""
    lines = store.listing(kind=None)
    team = [line for line in lines if line.kind == "team"]
    practice = len(lines) - len(team)
    out: list[str] = []
    if not team:
        out.append("Er zijn nog geen teamsessies opgeslagen.")
    else:
        # A plain table: Rich lays out 10,000 rows in seconds, this in milliseconds. Team
        # labels are printed as typed (control characters made visible), never as markup.
        rows = [("nummer", "maand", "team", "deelnemers", "rondes", "klaar")]
        rows += [(line.id[:8], line.month, printable(line.team or "—"), str(line.participants),
                  str(line.rounds), "ja" if line.completed else "nee") for line in team]
        widths = [max(len(row[i]) for row in rows) for i in range(6)]
        right = (3, 4)
        out.append("Teamsessies")
        for row in rows:
            cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                     for i, cell in enumerate(row)]
            out.append("  ".join(cells).rstrip())
        out.append(f"{len(team)} {'teamsessie' if len(team) == 1 else 'teamsessies'}. "
                   "Bekijk er één met: integer-spel sessions show NUMMER")
    if practice:
        out.append(f"Daarnaast {practice} {'oefenronde' if practice == 1 else 'oefenrondes'}; "
                   "die tellen niet mee in het rapport en gaan niet mee in een bundel.")
    sys.stdout.write("\n".join(out) + "\n")
    if store.damaged:
        shown = ", ".join(i[:8] for i in store.damaged[:10])
        print(f"{skipped_message(len(store.damaged))} Nummers: {printable(shown)}.",
              file=sys.stderr)
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


def _one_id(store: Store, prefix: str) -> str | None:
    """The one id that starts with ``prefix``, or None after a Dutch message."""
    ids = store.find_ids(prefix)
    if not ids:
        _not_found(prefix)
        return None
    if len(ids) > 1:
        shown = ", ".join(printable(i[:8]) for i in ids[:5])
        print(f"Het nummer '{printable(prefix)}' past bij meer dan één sessie ({shown}"
              f"{', …' if len(ids) > 5 else ''}). Typ meer tekens van het nummer.", file=sys.stderr)
        return None
    return ids[0]


def _find(store: Store, prefix: str) -> SessionRecord | None:
    """The one session whose id starts with ``prefix``, or None after a Dutch message."""
    sid = _one_id(store, prefix)
    if sid is None:
        return None
    record = store.get(sid)
    if record is None:
        print(f"De sessie {printable(sid[:8])} is beschadigd in het bestand; ik kan haar niet "
              "laten zien. Je kunt haar verwijderen met: integer-spel sessions delete "
              f"{printable(sid[:8])} --yes", file=sys.stderr)
    return record


def _decks_and_config(extra_dirs: list[Path]) -> tuple[dict[str, Deck], Config | None]:
    """The installed decks (for card titles and option texts) and the config (for contacts).

    Without them the summary still works, with ids instead of titles.
    """
    from dilemmas.config import load_config
    from dilemmas.discovery import discover

    config, _notices = load_config()
    return dict(discover(extra_dirs, config).decks), config
