"""Handler of `integer-spel config`: which file is read and why, and every problem in it."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from dilemmas import paths
from game.commands.decks import _shown


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; returns the exit code."""
    from game.commands.decks import printable_output

    printable_output()
    if args.config_command == "path":
        return show_path()
    return check()


def show_path() -> int:
    """Print every folder the app uses on this computer (SPEC §3): the config file (and why
    that one), the data folder, the folder for own decks, the deck folders from the config,
    and where exports go."""
    from dilemmas.config import load_config
    from sessions.files import export_folder

    file, reason = paths.config_source()
    print(file)
    state = "bestaat" if file.is_file() else "bestaat niet (dan gelden de standaardinstellingen)"
    print(f"Waarom: {reason}. Het bestand {state}.")
    print("De regel: --config BESTAND; anders INTEGER_SPEL_CONFIG_DIR/config.yaml; anders "
          "config.yaml in de gegevensmap als die gekozen is (--data-dir of INTEGER_SPEL_DATA_DIR) "
          "en daar zo'n bestand staat; anders de standaardmap voor instellingen.")
    print()
    data, data_reason = paths.data_source()
    print(f"Gegevensmap (de bewaarde sessies en oefenrondes): {data}")
    print(f"  Waarom: {data_reason}.{'' if data.is_dir() else ' De map bestaat nog niet.'}")
    decks = paths.user_decks_dir()
    print(f"Map voor eigen decks: {decks}")
    print("  Zet hier je eigen .yaml-decks neer" + ("." if decks.is_dir() else
          "; maak de map aan als die er nog niet is."))
    extra = load_config(file)[0].deck_dirs if file.is_file() else ()
    for folder in extra:
        print(f"Deckmap uit de instellingen: {folder}")
    print(f"Exports (samenvattingen en rapporten uit de app): {export_folder()}")
    print("  Bij de commando's kies je zelf waar het bestand komt, met -o BESTAND.")
    return 0


def check() -> int:
    """Print every problem of the config, located, and what is still to be filled in; 1 if any."""
    from dilemmas.config import FIX_COMMAND, Config, check_config, placeholders
    from dilemmas.discovery import discover
    from dilemmas.errors import Problem

    file, reason = paths.config_source()
    print(f"Instellingen: {file} ({reason})")
    problems: list[Problem] = []
    if not file.exists() and not file.is_symlink():
        config = Config()
        print("Dit bestand bestaat niet; alle standaardinstellingen gelden.")
    else:
        config, problems = check_config(file)
        registry = discover((), config)
        config, problems = check_config(file, deck_ids=set(registry.decks),
                                        binding_ids=binding_ids())
    for problem in problems:
        print(_shown(problem.detail()))
    refs: list[str] = []
    if file.exists():
        from dilemmas.config import reference_problems

        pulse = {card.id: card.answer.keys for deck in discover((), config).decks.values()
                 if deck.is_pulse for card in deck.dilemmas}
        refs = reference_problems(config, pulse)
        for line in refs:
            print(_shown(f"{file}: {line}"))
    missing = placeholders(config)
    if missing:
        print(f"Nog niet ingevuld ({len(missing)}): zet dit in {file}:")
        for line in missing:
            print(f"  - {line}")
        print("  (het voorbeeld staat in de README onder Instellingen)")
    if problems or missing or refs:
        count = len(problems) + len(refs)
        print(f"{count} {'probleem' if count == 1 else 'problemen'}, "
              f"{len(missing)} nog in te vullen. Los ze op en controleer opnieuw met: {FIX_COMMAND}")
        return 1
    print("Alles in orde.")
    return 0


_BINDING_MODULES = ("game.app", "game.screens.", "game.dialogs.", "game.widgets.")


def binding_ids() -> set[str]:
    """Every action id the app knows (for `toetsen`), read from the screens' bindings."""
    import game

    found: set[str] = set()
    for module_info in pkgutil.walk_packages(game.__path__, "game."):
        if not module_info.name.startswith(_BINDING_MODULES) or module_info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(module_info.name)
        except Exception:  # noqa: BLE001 - a module that cannot load adds no ids
            continue
        for value in vars(module).values():
            for binding in getattr(value, "BINDINGS", None) or ():
                binding_id = getattr(binding, "id", None)
                if isinstance(binding_id, str) and binding_id:
                    found.add(binding_id)
    return found


if __name__ == "__main__":
    sys.exit(check())
