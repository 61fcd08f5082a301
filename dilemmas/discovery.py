"""Finding decks: bundled, the user's data folder, and extra folders; bad decks are skipped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dilemmas import paths
from dilemmas._yaml import dutch_count
from dilemmas.config import Config
from dilemmas.errors import Problem, end_sentence
from dilemmas.loader import check_file_kept, deck_files
from dilemmas.model import Deck, Dilemma

BUNDLED_DIR = Path(__file__).parent / "decks"

SOURCE_BUNDLED = "ingebouwd"
SOURCE_USER = "gebruiker"
SOURCE_FOLDER = "map"

SOURCE_LABELS: dict[str, str] = {
    SOURCE_BUNDLED: "ingebouwd",
    SOURCE_USER: "eigen map",
    SOURCE_FOLDER: "extra map",
}
"""The one word for each source, in the CLI and in the app."""

KEPT_PROBLEMS = 100
"""Problems kept per broken deck for the app and `decks list`; `decks check` reports them all."""

MAX_SKIP_NOTICES = 3
"""More broken decks than this give one summarising notice instead of one each."""


@dataclass
class DeckRegistry:
    """The decks found at start-up, by id, in the order found; and what was skipped."""

    decks: dict[str, Deck] = field(default_factory=dict)
    invalid: list[tuple[str, list[Problem]]] = field(default_factory=list)
    """Each deck that could not be loaded, with its first problems (at most `KEPT_PROBLEMS`)."""
    notices: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    """How many problems a file in `invalid` has, where that is more than it keeps."""

    def problem_count(self, path: str) -> int:
        """All problems of an invalid deck, also those not kept."""
        kept = next((len(problems) for p, problems in self.invalid if p == path), 0)
        return self.totals.get(path, kept)

    def get(self, deck_id: str) -> Deck | None:
        """The deck with this id, or None."""
        return self.decks.get(deck_id)

    def team_decks(self) -> list[Deck]:
        """The dilemma decks (not pulse), in the order found."""
        return [d for d in self.decks.values() if not d.is_pulse]

    def pulse_decks(self) -> list[Deck]:
        """The pulse decks, in the order found."""
        return [d for d in self.decks.values() if d.is_pulse]

    def find_dilemma(self, dilemma_id: str, deck_id: str | None = None) -> tuple[Deck, Dilemma] | None:
        """A card by id: in the given deck, or else in the first team deck that has it."""
        if deck_id is None:
            candidates = self.team_decks()
        else:
            deck = self.decks.get(deck_id)
            candidates = [deck] if deck is not None else []
        for deck in candidates:
            card = deck.dilemma(dilemma_id)
            if card is not None:
                return deck, card
        return None


def discover(extra_dirs: Iterable[Path] = (), config: Config | None = None) -> DeckRegistry:
    """Load every deck from the bundled folder, the data folder's `decks`, then extra folders.

    Later folders win: a deck with the id of one found earlier replaces it, with a notice.
    Extra folders are the config's ``deck_mappen`` followed by ``extra_dirs`` (``--decks``).
    """
    registry = DeckRegistry()
    folders: list[tuple[Path, str]] = [(BUNDLED_DIR, SOURCE_BUNDLED), (paths.user_decks_dir(), SOURCE_USER)]
    extra = [*(config.deck_dirs if config is not None else ()), *extra_dirs]
    for folder in extra:
        if not folder.is_dir():
            registry.notices.append(f"De map met decks {folder} bestaat niet; die wordt overgeslagen.")
            continue
        folders.append((folder, SOURCE_FOLDER))
    for folder, source in folders:
        if folder.is_dir():
            for file in deck_files(folder):
                _add(registry, file, source)
    if len(registry.invalid) > MAX_SKIP_NOTICES:
        skipped = {skip_notice(path, problems, registry.totals.get(path))
                   for path, problems in registry.invalid}
        registry.notices = [n for n in registry.notices if n not in skipped]
        registry.notices.append(
            f"{len(registry.invalid)} decks zijn overgeslagen omdat ze fouten hebben (eerste: "
            f"{registry.invalid[0][0]}). Zie ze onder Decks, of met: integer-spel decks check MAP")
    return registry


def _add(registry: DeckRegistry, file: Path, source: str) -> None:
    deck, problems, total = check_file_kept(file, source, keep=KEPT_PROBLEMS)
    if deck is None:
        registry.invalid.append((str(file), problems))
        if total > len(problems):
            registry.totals[str(file)] = total
        registry.notices.append(skip_notice(str(file), problems, total))
        return
    earlier = registry.decks.get(deck.id)
    if earlier is not None:
        what = "het ingebouwde deck" if earlier.source == SOURCE_BUNDLED else f"het deck uit {earlier.path}"
        registry.notices.append(f"Het deck '{deck.id}' uit {file} vervangt {what}.")
    registry.decks[deck.id] = deck  # a replacement keeps the place of the deck it replaces


def skip_notice(path: str, problems: list[Problem], total: int | None = None) -> str:
    """The notice for a deck that was skipped because of its problems (``total``: all of
    them, where more were found than kept)."""
    return (f"Het deck {path} is overgeslagen: {_count(total or len(problems))}. "
            f"Eerste: {end_sentence(str(problems[0]))} Controleer het met: integer-spel decks check {path}")


def _count(n: int) -> str:
    return "1 probleem" if n == 1 else f"{dutch_count(n)} problemen"
