"""Handler of `integer-spel decks`: list, check and new; prints, never imports Textual."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from dilemmas.model import Deck

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable_output() -> None:
    """Let a console that cannot show a character (latin-1, a redirected Windows console)
    print '?' for it rather than stop with an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _shown(text: object) -> str:
    """Text from a file or a file name as it may be printed: no control characters, no
    undecodable bytes of a file name."""
    value = str(text).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub("\ufffd", value)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    printable_output()
    if args.decks_command == "check":
        return check(args.paths, getattr(args, "format", "text"))
    if args.decks_command == "schema":
        from dilemmas.schema import deck_schema

        print(json.dumps(deck_schema(), ensure_ascii=False, indent=2))
        return 0
    if args.decks_command == "new":
        return new(args.path)
    if args.decks_command == "print":
        return print_deck(args.deck_id, args.output, args.decks)
    return list_decks(args.decks)


def print_deck(deck_id: str, output: Path | None, extra_dirs: list[Path]) -> int:
    """Write the deck as printable dilemmakaartjes (A4 HTML); 1 when the deck or file fails."""
    from dilemmas.config import load_config
    from dilemmas.discovery import discover
    from dilemmas.print import deck_cards_html, page_count
    from sessions.files import WriteError, export_folder, free_path, write_private

    config, _notices = load_config()
    registry = discover(extra_dirs, config)
    deck = registry.get(deck_id)
    if deck is None:
        known = ", ".join(registry.decks) or "(geen)"
        _err(f"Er is geen deck '{_shown(deck_id)}'. De decks: {_shown(known)}")
        return 1
    page = deck_cards_html(deck, config)
    if output is not None and str(output) == "-":
        _say(page, end="")
        return 0
    target = output if output is not None else free_path(export_folder(), f"dilemmakaartjes-{deck.id}.html")
    try:
        write_private(target, page)
    except WriteError as exc:
        _err(f"De kaartjes kunnen niet worden geschreven naar {_shown(target)}. {exc.message}")
        return 1
    sheets = page_count(deck) // 2
    _say(f"Dilemmakaartjes geschreven naar {_shown(target)}\n"
         f"Open het bestand in je browser en print dubbelzijdig (omslaan langs de lange kant), "
         f"zonder schalen: {len(deck.dilemmas)} kaarten op {sheets} "
         f"{'vel' if sheets == 1 else 'vellen'}. Knip langs de snijtekens.")
    return 0


def _say(text: str, end: str = "\n") -> None:
    """Print; a reader that stops early (`| head`) ends the output, not with a traceback."""
    import os

    try:
        print(text, end=end, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def check(paths: list[Path], output: str = "text") -> int:
    """Print every problem as PATH:LINE:COL: message, its line with a caret, and a summary
    (or, with ``output="json"``, one JSON document for CI); 1 if any problem."""
    from dilemmas.loader import check_all

    report = check_all(paths)
    if output == "json":
        print(json.dumps({
            "ok": not report.problems,
            "problems": [{"path": _shown(p.path), "line": p.line, "column": p.column,
                          "message": _shown(p.message)} for p in report.problems],
            "decks": [{"id": d.id, "path": _shown(d.path), "dilemmas": len(d.dilemmas)}
                      for d in report.decks],
        }, ensure_ascii=False, indent=2))
        return 1 if report.problems else 0
    for problem in report.problems:
        print(_shown(problem.detail()).replace("\ufffd\n", "\n"))
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
    from dilemmas.starter import StarterNameError, write_starter_deck

    try:
        write_starter_deck(path)
    except FileExistsError:
        _err(f"{_shown(path)} bestaat al. Kies een andere naam; er is niets overschreven.")
        return 1
    except StarterNameError as exc:
        _err(f"Kan {_shown(path)} niet schrijven: {exc}.")
        return 1
    except OSError:
        _err(f"Kan {_shown(path)} niet schrijven: geen toegang, de map bestaat niet of de schijf is vol.")
        return 1
    from dilemmas.paths import user_decks_dir

    print(f"Nieuw deck geschreven: {path}\n"
          f"Pas het aan en controleer het daarna met: integer-spel decks check {path}\n"
          f"Zet het daarna in de map voor eigen decks: {user_decks_dir()} "
          "(alle mappen zie je met: integer-spel config path)")
    return 0


def list_decks(extra_dirs: list[Path]) -> int:
    """Print the decks found, the invalid ones with their first problem, and the notices."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from dilemmas.config import load_config
    from dilemmas.discovery import SOURCE_LABELS, discover, skip_notice

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
        kind = " (peiling)" if deck.is_pulse else ""
        source = SOURCE_LABELS.get(deck.source, deck.source)
        table.add_row(deck.id, _shown(deck.info.title) + kind, _shown(deck.info.version), _shown(source),
                      str(len(deck.dilemmas)), str(len(deck.themes)))
    if registry.decks:
        console.print(table)
        console.print(Text("Kaarten per thema", style="bold"))
        for deck in registry.decks.values():
            console.print(f"  {deck.id}: {_per_theme(deck)}")
        own = [deck for deck in registry.decks.values() if deck.source != "ingebouwd" and deck.path]
        if own:
            console.print(Text("Bestanden", style="bold"))
            for deck in own:
                console.print(f"  {deck.id}: {_shown(deck.path)}", markup=False, soft_wrap=True)
    else:
        console.print("Er zijn geen decks gevonden.")
    if registry.invalid:
        console.print()
        console.print(Text("Decks met fouten", style="bold") + Text(" (overgeslagen):"))
        for path, problems in registry.invalid:
            total = registry.problem_count(path)
            more = f" (en nog {total - 1})" if total > 1 else ""
            console.print(f"  {_shown(problems[0])}{more}", markup=False)
        console.print("Zie alle problemen met: integer-spel decks check PAD")
    skipped = {skip_notice(path, problems, registry.totals.get(path))
               for path, problems in registry.invalid}
    shown = notices + [n for n in registry.notices if n not in skipped]
    if shown:
        console.print()
        for notice in shown:
            console.print(f"Let op: {_shown(notice)}", markup=False)
    return 0


def _per_theme(deck: Deck) -> str:
    counts = Counter(d.theme for d in deck.dilemmas)
    return ", ".join(f"{theme.id} {counts[theme.id]}" for theme in deck.themes)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
