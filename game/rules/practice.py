"""Practice mode for new hires: drawing the cards, the run's progress, and the team figures."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from dilemmas.config import Config, Contact
from dilemmas.model import Deck, Dilemma
from sessions.summary import md_inline

if TYPE_CHECKING:
    from sessions.store import Store

PRACTICE_AUDIENCE = "nieuw"
DEFAULT_COUNT = 6
Phase = Literal["answer", "feedback", "walkthrough", "end"]


@dataclass(frozen=True)
class PracticeCard:
    """A card drawn for practice, with the deck it came from."""

    deck: Deck
    dilemma: Dilemma


def practice_pool(decks: Iterable[Deck]) -> list[PracticeCard]:
    """Every card marked for new hires in the given team decks, in deck order."""
    return [
        PracticeCard(deck, d)
        for deck in decks
        if not deck.is_pulse
        for d in deck.dilemmas
        if PRACTICE_AUDIENCE in d.audience
    ]


MINUTES_PER_CARD = 3
MINUTES_WALKTHROUGH = 10


@dataclass(frozen=True)
class PracticeTheme:
    """A theme with new-hire cards, to choose before a run."""

    id: str
    title: str
    cards: int


def practice_themes(decks: Iterable[Deck]) -> list[PracticeTheme]:
    """The themes of the new-hire cards, with how many cards each has, in deck order."""
    counts: dict[str, int] = {}
    titles: dict[str, str] = {}
    for card in practice_pool(decks):
        theme = card.dilemma.theme
        counts[theme] = counts.get(theme, 0) + 1
        titles.setdefault(theme, card.deck.theme_title(theme))
    return [PracticeTheme(t, titles[t], n) for t, n in counts.items()]


def estimate_minutes(cards: int) -> int:
    """About how long a run takes: a few minutes per card, and the stappenplan."""
    return cards * MINUTES_PER_CARD + MINUTES_WALKTHROUGH


def draw_cards(
    decks: Iterable[Deck],
    count: int = DEFAULT_COUNT,
    rng: random.Random | None = None,
    themes: Iterable[str] = (),
) -> list[PracticeCard]:
    """A shuffled set of at most ``count`` new-hire cards (the same card never twice), of the
    chosen themes (all when none are chosen: "verras me")."""
    wanted = set(themes)
    pool = [c for c in practice_pool(decks) if not wanted or c.dilemma.theme in wanted]
    seen: set[str] = set()
    unique = []
    for card in pool:
        if card.dilemma.id not in seen:
            seen.add(card.dilemma.id)
            unique.append(card)
    (rng or random.Random()).shuffle(unique)
    return spread_themes(unique)[: max(0, count)]


def spread_themes(cards: list[PracticeCard]) -> list[PracticeCard]:
    """The cards reordered so no theme comes twice in a row while another theme is left.

    Round-robin over the themes (in the order they first appear), so a short run also
    touches as many themes as it can.
    """
    by_theme: dict[str, list[PracticeCard]] = {}
    for card in cards:
        by_theme.setdefault(card.dilemma.theme, []).append(card)
    out: list[PracticeCard] = []
    while by_theme:
        for theme in list(by_theme):
            out.append(by_theme[theme].pop(0))
            if not by_theme[theme]:
                del by_theme[theme]
    return out


@dataclass(frozen=True)
class FigureRow:
    """One option in "Zo kozen teams"."""

    key: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class TeamFigures:
    """How teams answered a card, or why that is not shown (fewer than k answers)."""

    total: int
    shown: bool
    rows: tuple[FigureRow, ...] = ()

    @property
    def message(self) -> str:
        if self.shown:
            return f"{self.total} antwoorden uit teamsessies. Jouw antwoord telt hier niet mee."
        return "Nog te weinig teamantwoorden om te tonen."


def team_figures(dilemma: Dilemma, counts: Mapping[str, int] | None, k: int) -> TeamFigures:
    """The team distribution for a card, hidden entirely when it holds fewer than ``k`` answers."""
    counts = {key: max(0, int(v)) for key, v in (counts or {}).items()}
    total = sum(counts.values())
    if dilemma.answer.kind == "open" or total == 0 or total < max(1, k):
        return TeamFigures(total=total, shown=False)
    keys = list(dilemma.answer.keys) + sorted(k2 for k2 in counts if k2 not in dilemma.answer.keys)
    rows = tuple(
        FigureRow(
            key,
            dilemma.answer.label(key),
            counts.get(key, 0),
            round(100 * counts.get(key, 0) / total),
        )
        for key in keys
    )
    return TeamFigures(total=total, shown=True, rows=rows)


@dataclass
class PracticeRun:
    """Where a new hire is in a practice run; saved as the practice session's state."""

    cards: list[tuple[str, str]]  # (deck id, dilemma id)
    position: int = 0
    phase: Phase = "answer"
    answers: dict[str, str] = field(default_factory=dict)  # dilemma id -> key or own words
    walkthrough_id: str | None = None
    walkthrough_card: int | None = None
    walkthrough_done: bool = False
    # Files this run exported (take-away, walkthrough summaries), for "wis mijn oefenronde"
    exported: list[str] = field(default_factory=list)

    @classmethod
    def new(cls, cards: Iterable[PracticeCard]) -> PracticeRun:
        return cls(cards=[(c.deck.id, c.dilemma.id) for c in cards])

    @property
    def current(self) -> tuple[str, str] | None:
        if 0 <= self.position < len(self.cards):
            return self.cards[self.position]
        return None

    def answer(self, dilemma_id: str, value: str) -> None:
        """Record the new hire's own answer and move on to the feedback."""
        self.answers[dilemma_id] = value
        self.phase = "feedback"

    def next(self) -> Phase:
        """After feedback: the next card, or the walkthrough once all cards are done."""
        if self.phase == "feedback":
            self.position += 1
            self.phase = "answer" if self.position < len(self.cards) else "walkthrough"
        elif self.phase == "walkthrough":
            self.phase = "end"
        return self.phase

    def to_dict(self) -> dict[str, Any]:
        return {
            "cards": [list(c) for c in self.cards],
            "position": self.position,
            "phase": self.phase,
            "answers": dict(self.answers),
            "walkthrough_id": self.walkthrough_id,
            "walkthrough_card": self.walkthrough_card,
            "walkthrough_done": self.walkthrough_done,
            "exported": list(self.exported),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PracticeRun:
        cards = [
            (str(c[0]), str(c[1]))
            for c in data.get("cards", [])
            if isinstance(c, (list, tuple)) and len(c) == 2
        ]
        phase = data.get("phase", "answer")
        if phase not in ("answer", "feedback", "walkthrough", "end"):
            phase = "answer"
        answers = data.get("answers")
        wcard = data.get("walkthrough_card")
        exported = data.get("exported")
        return cls(
            cards=cards,
            position=max(0, min(int(data.get("position", 0) or 0), len(cards))),
            phase=phase,
            answers={str(k): str(v) for k, v in answers.items()}
            if isinstance(answers, Mapping)
            else {},
            walkthrough_id=str(data["walkthrough_id"]) if data.get("walkthrough_id") else None,
            walkthrough_card=int(wcard) if isinstance(wcard, int) else None,
            walkthrough_done=data.get("walkthrough_done") is True,
            exported=[p for p in exported if isinstance(p, str)]
            if isinstance(exported, list) else [],
        )


HEAVY_WORDS = re.compile(r"\b(suïcid\w*|suicid\w*|zelfdoding\w*|zelfmoord\w*|113)\b", re.IGNORECASE)


def is_heavy(dilemma: Dilemma) -> bool:
    """A card touches suicide when its situation, variations or guidance say so (or name 113)."""
    texts = (dilemma.situation, dilemma.guidance, *dilemma.variations)
    return any(HEAVY_WORDS.search(text or "") for text in texts)


def contacts_markdown(contacts: Iterable[Contact]) -> str:
    """The support contacts from the config as a Markdown list."""
    lines = []
    for contact in contacts or ():
        parts = [f"**{md_inline(contact.role)}**"]
        if contact.name:
            parts.append(md_inline(contact.name))
        if contact.reach:
            parts.append(md_inline(contact.reach))
        lines.append("- " + " — ".join(parts))
    return "\n".join(lines) or "- Vraag je leidinggevende waar je terechtkunt."


def answer_hint(dilemma: Dilemma) -> str:
    """How to answer this card with the keyboard."""
    answer = dilemma.answer
    if answer.kind == "scale":
        return f"Kies een cijfer van 1 tot {answer.points}: druk op het cijfer, of klik erop."
    keys = ", ".join(answer.keys)
    return f"Kies je antwoord: druk op de letter ({keys}), of klik erop."


def answer_text(dilemma: Dilemma, value: str) -> str:
    """The new hire's answer as shown in the feedback."""
    answer = dilemma.answer
    if value not in answer.keys:
        return value
    label = answer.label(value)
    if answer.kind == "scale" and label.startswith(f"{value} "):
        return label  # "5 — altijd"
    if label != value:
        return f"{value}  {label}"
    return f"{value} op een schaal van 1 tot {answer.points}"



def resume_place(run: PracticeRun, cards: list[PracticeCard]) -> str:
    """Where an unfinished run stands, for the question whose run it is."""
    if run.phase in ("answer", "feedback") and 0 <= run.position < len(cards):
        title = cards[run.position].dilemma.title
        return f"bij dilemma {run.position + 1} van {len(cards)}: {title}"
    if run.phase == "walkthrough":
        card = run.walkthrough_card
        if card is not None and 0 <= card < len(cards):
            return f"bij het stappenplan over '{cards[card].dilemma.title}'"
        return "bij het stappenplan, na alle dilemma's"
    return "aan het eind, bij de eed of belofte"


def heavy_line(config: Config) -> str:
    """Where to talk after a card that touches suicide: the vertrouwenspersoon, and 113."""
    contact = config.contact("vertrouwenspersoon")
    who = "de vertrouwenspersoon"
    if contact is not None:
        who = "de " + contact.role.split(" (")[0].lower() if contact.role else who
        if contact.name and not contact.name.startswith("["):
            who += f" ({contact.name}"
            if contact.reach and not contact.reach.startswith("["):
                who += f", {contact.reach}"
            who += ")"
    return (
        f"Zit dit je niet lekker? Praat erover met {who} of bel 113 (0800-0113), "
        "gratis en anoniem."
    )


@dataclass(frozen=True)
class TeamCounts:
    """How teams answered the cards read from the store, and how many cards could not be read."""

    counts: dict[str, dict[str, int]]
    damaged: int = 0


def read_team_counts(store: Store, cards: Iterable[PracticeCard], k: int) -> TeamCounts:
    """The team counts of each card with choices (run in a thread).

    Only rounds of k answers or more: the figures before and after one more session or an
    import can't be subtracted to show how a small team voted (SPEC §8). Older deck versions
    are read by today's keys, and left out for a card whose options changed meaning since.
    A card whose stored votes are damaged is skipped and counted, never a crash.
    """
    from sessions.report_safe import safe_team_counts
    from sessions.store import StoreError

    counts: dict[str, dict[str, int]] = {}
    damaged = 0
    for card in cards:
        if card.dilemma.answer.kind == "open":
            continue
        key_map = partial(card.deck.key_map, dilemma_id=card.dilemma.id)
        try:
            found = safe_team_counts(store, card.dilemma.id, card.deck.id, k, key_map)
            counts[card.dilemma.id] = {str(key): int(n) for key, n in dict(found).items()}
        except StoreError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            damaged += 1
    return TeamCounts(counts, damaged)
