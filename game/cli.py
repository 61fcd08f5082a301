"""The `integer-spel` command: the app and its subcommands, with Dutch help.

Heavy imports are deferred: the subcommands that print (decks, sessions, report, bundle)
never import Textual, which costs about 150 ms and is not needed to print a table.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from dilemmas import paths

VERSION = "0.1.0"

_ARGPARSE_NL = [
    (r"^the following arguments are required: (.*)$", r"deze argumenten ontbreken: \1"),
    (r"^unrecognized arguments: (.*)$", r"onbekende argumenten: \1"),
    (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$", r"\1: ongeldige keuze \2 (kies uit \3)"),
    (r"^argument (\S+): invalid (\w+) value: (.*)$", r"\1: ongeldige waarde \3"),
    (r"^argument (\S+): expected one argument$", r"\1: verwacht een waarde"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"\1 gaat niet samen met \2"),
    (r"^argument (\S+): (.*)$", r"\1: \2"),
]


def _dutch(message: str) -> str:
    for pattern, replacement in _ARGPARSE_NL:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)  # type: ignore[arg-type]


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Dutch; usage errors exit with code 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {_dutch(message)}\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"moet 1 of meer zijn: {text!r}")
    return value


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise argparse.ArgumentTypeError(f"geen jaartal: {text!r}")
    return int(text)


def _month_or_date(text: str) -> str:
    """Accept YYYY-MM or YYYY-MM-DD; reports work per month, so a day is cut to its month."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"geen maand of datum (JJJJ-MM of JJJJ-MM-DD): {text!r}")
    return f"{m.group(1)}-{m.group(2)}"


def build_parser() -> DutchParser:
    """The whole command line, with every subcommand of SPEC §3."""
    parser = DutchParser(
        prog="integer-spel",
        description=(
            "Het Huizen Integer-spel: dilemma's bespreken met je team, het zeven-stappenplan\n"
            "oefenen en anonieme cijfers voor het jaarverslag integriteit.\n"
            "Zonder opdracht opent de app met het hoofdmenu."
        ),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="MAP",
        help="map voor de opgeslagen sessies (ook: INTEGER_SPEL_DATA_DIR)",
    )
    parser.add_argument(
        "--decks",
        type=Path,
        action="append",
        default=[],
        metavar="MAP",
        help="extra map met decks (mag vaker)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="BESTAND",
        help="lees de instellingen uit dit bestand (zie: integer-spel config path)",
    )
    parser.add_argument("--version", action="version", version=f"integer-spel {VERSION}",
                        help="toon het versienummer en stop")
    sub = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT",
                                parser_class=DutchParser)

    play = sub.add_parser("play", help="open het teamspel, vooraf ingevuld",
                          description="Open de voorbereiding van het teamspel.")
    play.add_argument("--deck", metavar="ID", help="het deck (id)")
    play.add_argument("--team", metavar="NAAM", help="afdeling of team, geen namen")
    play.add_argument("--participants", type=_positive_int, metavar="N", help="aantal deelnemers")

    sub.add_parser("practice", help="oefenen voor nieuwe collega's",
                   description="Oefen dilemma's voordat je de ambtseed aflegt.")

    walk = sub.add_parser("walkthrough", help="het zeven-stappenplan",
                          description="Werk een dilemma uit met het zeven-stappenplan.")
    walk.add_argument("--dilemma", metavar="ID", help="het dilemma (id) om mee te beginnen")

    decks = sub.add_parser("decks", help="decks bekijken, controleren en beginnen",
                           description="Werk met de decks (dilemmakaartjes in YAML).")
    decks_sub = decks.add_subparsers(dest="decks_command", title="opdrachten", metavar="OPDRACHT",
                                     parser_class=DutchParser, required=True)
    decks_sub.add_parser("list", help="toon de gevonden decks",
                         description="Toon de gevonden decks, hun bron en versie, en de decks met fouten.")
    check = decks_sub.add_parser("check", help="controleer deckbestanden of mappen",
                                 description="Controleer decks en meld elk probleem als PAD:REGEL:KOLOM: melding.")
    check.add_argument("paths", nargs="+", type=Path, metavar="PAD", help="bestand of map")
    check.add_argument("--format", choices=["text", "json"], default="text",
                       help="text (standaard) of json, voor een controle in CI")
    decks_sub.add_parser("schema", help="toon het JSON Schema van het deckformaat",
                         description="Toon het JSON Schema (draft-07) van het deckformaat, "
                                     "voor een editor zoals VS Code met de YAML-extensie.")
    new = decks_sub.add_parser("new", help="schrijf een startdeck met uitleg",
                               description="Schrijf een nieuw deck met uitleg in de opmerkingen.")
    new.add_argument("path", type=Path, metavar="PAD", help="het nieuwe bestand (.yaml)")
    printed = decks_sub.add_parser("print", help="het deck als dilemmakaartjes om te printen",
                                   description="Schrijf het deck als dilemmakaartjes om te printen "
                                               "en te knippen (A4-HTML, vier kaarten per pagina, "
                                               "dubbelzijdig).")
    printed.add_argument("deck_id", metavar="ID", help="de id van het deck (zie decks list)")
    printed.add_argument("-o", "--output", type=Path, metavar="BESTAND",
                         help="waar het HTML-bestand komt (standaard: je map Downloads; - is de terminal)")

    config = sub.add_parser("config", help="de instellingen: welk bestand, en wat er mis is",
                            description="Zie welk instellingenbestand de app leest, en controleer het.")
    c_sub = config.add_subparsers(dest="config_command", title="opdrachten", metavar="OPDRACHT",
                                  parser_class=DutchParser, required=True)
    c_sub.add_parser("path", help="toon welk bestand gelezen wordt, en waarom",
                     description="Toon het instellingenbestand dat de app leest, en waarom dat.")
    c_sub.add_parser("check", help="controleer de instellingen",
                     description="Meld elk probleem in de instellingen als PAD:REGEL:KOLOM: melding, "
                                 "en wat nog ingevuld moet worden.")

    sessions = sub.add_parser("sessions", help="opgeslagen sessies",
                              description="Bekijk en exporteer opgeslagen sessies.")
    s_sub = sessions.add_subparsers(dest="sessions_command", title="opdrachten", metavar="OPDRACHT",
                                    parser_class=DutchParser, required=True)
    s_sub.add_parser("list", help="toon de opgeslagen sessies", description="Toon de opgeslagen sessies.")
    show = s_sub.add_parser("show", help="toon één sessie", description="Toon één sessie.")
    show.add_argument("id", metavar="ID", help="het sessienummer (begin is genoeg)")
    delete = s_sub.add_parser("delete", help="verwijder één sessie",
                              description="Verwijder een sessie (een proefrit, een vergissing).")
    delete.add_argument("id", metavar="ID", help="het sessienummer (begin is genoeg)")
    delete.add_argument("--yes", action="store_true", help="verwijder zonder het eerst te vragen")
    export = s_sub.add_parser("export", help="samenvatting voor het team",
                              description="Schrijf de samenvatting van een sessie voor het team.")
    export.add_argument("id", metavar="ID", help="het sessienummer (begin is genoeg)")
    export.add_argument("--format", choices=["md", "html"], default="md", help="md of html")
    export.add_argument("-o", "--output", type=Path, metavar="BESTAND", help="schrijf naar dit bestand")

    report = sub.add_parser("report", help="het WIO-rapport",
                            description="Maak het WIO-rapport over de opgeslagen teamsessies.")
    period = report.add_mutually_exclusive_group()
    period.add_argument("--year", type=_year, metavar="JAAR", help="één kalenderjaar")
    report.add_argument("--from", dest="date_from", type=_month_or_date, metavar="DATUM",
                        help="vanaf deze maand (JJJJ-MM)")
    report.add_argument("--to", dest="date_to", type=_month_or_date, metavar="DATUM",
                        help="tot en met deze maand (JJJJ-MM)")
    from game.commands.report import FORMATS

    report.add_argument("--format", choices=list(FORMATS), default="md",
                        help="md, html (om af te drukken), xlsx (voor Excel, elk cijfer van "
                             "het rapport; schrijf met -o), csv (één tabel voor programma's, een "
                             "regel per cijfer) of json (voor programma's)")
    report.add_argument("--with-notes", action="store_true", help="neem de notities op")
    report.add_argument("-o", "--output", type=Path, metavar="BESTAND", help="schrijf naar dit bestand")

    bundle = sub.add_parser("bundle", help="sessies uitwisselen tussen laptops",
                            description="Exporteer of importeer een bundel met sessies.")
    b_sub = bundle.add_subparsers(dest="bundle_command", title="opdrachten", metavar="OPDRACHT",
                                  parser_class=DutchParser, required=True)
    b_exp = b_sub.add_parser("export", help="schrijf een bundel", description="Schrijf de teamsessies als bundel.")
    b_exp.add_argument("--since", type=_month_or_date, metavar="DATUM", help="alleen vanaf deze maand")
    b_exp.add_argument("-o", "--output", type=Path, metavar="BESTAND", help="schrijf naar dit bestand")
    b_imp = b_sub.add_parser("import", help="voeg bundels samen", description="Voeg bundels van andere laptops toe.")
    b_imp.add_argument("files", nargs="+", type=Path, metavar="BESTAND", help="een bundel (.json)")

    serve = sub.add_parser("serve", help="dezelfde app in een webbrowser",
                           description="Start de app als website, voor een browser of een gedeeld scherm.\n"
                                       "Standaard alleen bereikbaar op deze computer (127.0.0.1). Met een ander\n"
                                       "--host krijgt het adres een sleutel (token) die elke browser nodig heeft.")
    serve.add_argument("--host", default="127.0.0.1", metavar="ADRES",
                       help="adres om op te luisteren (standaard 127.0.0.1, alleen deze computer; "
                            "0.0.0.0 voor collega's op het netwerk)")
    serve.add_argument("--port", type=_port, default=8000, metavar="POORT",
                       help="poort (standaard 8000)")
    serve.add_argument("--max-tabs", type=_positive_int, default=4, metavar="N",
                       help="in hoeveel tabbladen de app tegelijk open mag zijn (standaard 4); "
                            "elk tabblad is een eigen app op deze computer")
    return parser


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"geen poort (1-65535): {text!r}")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    from game import shutdown  # every way out closes the store (and empties its WAL)

    shutdown.install()
    try:
        return _main(argv)
    except BrokenPipeError:
        # `integer-spel … | head`: the reader has all it wants. End quietly, not with a
        # traceback (and no second one when Python flushes the closed pipe at exit).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        shutdown.finish()


def _main(argv: Sequence[str] | None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        # The plain `integer-spel` opens the menu: nothing to parse, and building the parser
        # of every subcommand would cost about 10 ms of the start-up a person waits for.
        args = plain_start_args()
    else:
        parser = build_parser()
        args = parser.parse_args(argv)
    return _run(args)


def plain_start_args() -> argparse.Namespace:
    """What `build_parser().parse_args([])` gives, without building the parser."""
    return argparse.Namespace(data_dir=None, decks=[], config=None, command=None)


def _run(args: argparse.Namespace) -> int:
    if args.command == "report" and args.year is not None and (args.date_from or args.date_to):
        build_parser().error("--year gaat niet samen met --from of --to")
    if args.data_dir is not None:
        paths.set_data_dir(args.data_dir)
    if args.config is not None:
        paths.set_config_file(args.config)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "decks":
        from game.commands import decks as decks_cmd

        return decks_cmd.run(args)
    if command == "config":
        from game.commands import config as config_cmd

        return config_cmd.run(args)
    if command == "sessions":
        from game.commands import sessions as sessions_cmd

        return sessions_cmd.run(args)
    if command == "report":
        from game.commands import report as report_cmd

        return report_cmd.run(args)
    if command == "bundle":
        from game.commands import bundle as bundle_cmd

        return bundle_cmd.run(args)
    if command == "serve":
        from game.commands import serve as serve_cmd

        return serve_cmd.run(args)
    # The TUI: only now pay for importing Textual.
    from game.commands import tui

    return tui.run(args)


if __name__ == "__main__":
    sys.exit(main())
