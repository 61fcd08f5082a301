"""Handler of `integer-spel decks`: list, check and new; prints, never imports Textual."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from dilemmas.model import Deck


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    if args.decks_command == "check":
        return check(args.paths)
    if args.decks_command == "new":
        return new(args.path)
    return list_decks(args.decks)


def check(paths: list[Path]) -> int:
    """Print every problem as PATH:LINE:COL: message and a summary; 1 if any problem."""
    from dilemmas.loader import check_all

    report = check_all(paths)
    for problem in report.problems:
        print(problem)
    if report.problems:
        files = len({p.path for p in report.problems})
        print(f"{_count(len(report.problems), 'probleem', 'problemen')} in "
              f"{_count(files, 'bestand', 'bestanden')}.")
        return 1
    dilemmas = sum(len(deck.dilemmas) for deck in report.decks)
    print(f"Alles in orde: {_count(len(report.decks), 'deck', 'decks')}, "
          f"{_count(dilemmas, 'dilemma', 'dilemma' + chr(39) + 's')}.")
    return 0


def new(path: Path) -> int:
    """Write the commented starter deck; refuse to overwrite an existing file."""
    from dilemmas.starter import write_starter_deck

    try:
        write_starter_deck(path)
    except FileExistsError:
        print(f"{path} bestaat al. Kies een andere naam; er is niets overschreven.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Kan {path} niet schrijven: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    print(f"Nieuw deck geschreven: {path}\n"
          f"Pas het aan en controleer het daarna met: integer-spel decks check {path}")
    return 0


def list_decks(extra_dirs: list[Path]) -> int:
    """Print the decks found, the invalid ones with their first problem, and the notices."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from dilemmas.config import load_config
    from dilemmas.discovery import discover, skip_notice

    config, notices = load_config()
    registry = discover(extra_dirs, config)
    # Deck texts are shown as written: a title with "[/]" must not be read as markup.
    console = Console(highlight=False, markup=False)
    table = Table(title="Decks", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("id", "titel", "versie", "bron", "kaarten", "thema's"):
        # Only the title wraps; ids stay whole so they can be read and typed.
        table.add_column(column, overflow="fold", no_wrap=column != "titel",
                         justify="right" if column in ("kaarten", "thema's") else "left")
    for deck in registry.decks.values():
        kind = " (puls)" if deck.is_pulse else ""
        table.add_row(deck.id, deck.info.title + kind, deck.info.version, deck.source,
                      str(len(deck.dilemmas)), str(len(deck.themes)))
    if registry.decks:
        console.print(table)
        console.print(Text("Kaarten per thema", style="bold"))
        for deck in registry.decks.values():
            console.print(f"  {deck.id}: {_per_theme(deck)}")
    else:
        console.print("Er zijn geen decks gevonden.")
    if registry.invalid:
        console.print()
        console.print(Text("Decks met fouten", style="bold") + Text(" (overgeslagen):"))
        for _path, problems in registry.invalid:
            more = f" (en nog {len(problems) - 1})" if len(problems) > 1 else ""
            console.print(f"  {problems[0]}{more}", markup=False)
        console.print("Zie alle problemen met: integer-spel decks check PAD")
    skipped = {skip_notice(path, problems) for path, problems in registry.invalid}
    shown = notices + [n for n in registry.notices if n not in skipped]
    if shown:
        console.print()
        for notice in shown:
            console.print(f"Let op: {notice}", markup=False)
    return 0


def _per_theme(deck: Deck) -> str:
    counts = Counter(d.theme for d in deck.dilemmas)
    return ", ".join(f"{theme.id} {counts[theme.id]}" for theme in deck.themes)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
