"""One card's round as plain state: its vote, re-votes, note, timer and what is shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dilemmas.model import Dilemma
from sessions.model import OwnCase, Revote, Round, VoteMode
from sessions.own import own_from_json, own_to_json

__all__ = ["RoundState", "card_vote_mode"]


@dataclass
class RoundState:
    """One card's round while it is played: vote mode, counts, re-votes, note, timer."""

    dilemma: str
    theme: str
    vote: VoteMode
    counts: dict[str, int] | None = None
    revealed: bool = False
    revotes: dict[int, dict[str, int]] = field(default_factory=dict)
    variation: int = -1
    note: str = ""
    seconds: int = 0
    skipped: bool = False
    code_shown: bool = False
    blanco: int = 0
    """Abstentions in the secret vote on the card itself, counted apart from ``counts``."""
    revote_blanco: dict[int, int] = field(default_factory=dict)
    """Abstentions in a secret re-vote, per variation (only those that had any)."""
    walkthrough: str | None = None
    """The deep dive's walkthrough id: opening it again continues what was typed."""
    timer_running: bool = False
    """The discussion timer was running at the last save (a resume starts it again)."""
    secret_open: bool = False
    """A secret vote was going round; it is not kept, so a resume asks to vote again."""
    own: OwnCase | None = None
    """The card itself, for an eigen casus typed in the room (not in any deck)."""
    present: int | None = None
    """How many took part when the card itself was voted on (the summary's "8 van 9 stemden"
    stays true after a latecomer); kept with the resume state, not in the record."""

    @property
    def minutes(self) -> int | None:
        """Discussion minutes from the timer, to the nearest minute (at least 1); None when the
        timer was not used."""
        if self.seconds <= 0:
            return None
        return max(1, (self.seconds + 30) // 60)  # the nearest minute: 146 s is 2, not 3

    # -- what the facilitator does with the round (the screen asks, these decide) --------

    def vote_refusal(self, dilemma: Dilemma) -> str | None:
        """Why a vote can't be taken now (Dutch), or None when it can."""
        if dilemma.answer.kind == "open":
            return "Bij een open vraag wordt niet gestemd: bespreek het samen."
        if self.variation >= 0 and self.counts is None:
            return "Stem eerst over de kaart zelf. Druk op w tot de variatie weg is."
        return None

    def shown_counts(self) -> tuple[dict[str, int] | None, dict[str, int] | None]:
        """The counts on screen, and the card's own counts beside them on a re-vote."""
        if self.variation >= 0 and self.variation in self.revotes:
            return self.revotes[self.variation], self.counts
        return self.counts, None

    def shown_blanco(self) -> int:
        """Abstentions in the vote on screen: the re-vote's when a re-voted variation shows."""
        if self.variation >= 0 and self.variation in self.revotes:
            return self.revote_blanco.get(self.variation, 0)
        return self.blanco if self.vote == "secret" and self.counts is not None else 0

    def counts_to_edit(self) -> dict[str, int] | None:
        """The counts a new hand count starts from: this vote's own, or none yet."""
        if self.variation >= 0:
            return self.revotes.get(self.variation)
        return self.counts

    def store_vote(
        self, counts: Mapping[str, int], mode: VoteMode, blanco: int = 0, present: int | None = None
    ) -> None:
        """Keep a vote: on the card itself, or as the re-vote of the variation shown.

        Raised hands were seen by everyone, so they show at once; a secret result waits for
        the reveal. Abstentions count only for a secret vote, apart from ``counts``.
        """
        if self.variation >= 0:
            self.revotes[self.variation] = dict(counts)
            if mode == "secret" and blanco:
                self.revote_blanco[self.variation] = blanco
            else:
                self.revote_blanco.pop(self.variation, None)
        else:
            self.counts = dict(counts)
            self.vote = mode
            self.blanco = blanco if mode == "secret" else 0
            self.present = present
        self.revealed = mode == "hands"
        self.skipped = False

    def toggle_reveal(self) -> bool:
        """Show (or hide again) the result on screen. False when nothing was voted yet."""
        counts, _ = self.shown_counts()
        if counts is None:
            return False
        self.revealed = not self.revealed
        return True

    def toggle_code(self) -> None:
        """Show or hide "Wat zegt de code?"."""
        self.code_shown = not self.code_shown

    def keep_note(self, text: str) -> None:
        """Keep the (scrubbed) note; the card counts again if it was skipped."""
        self.note = text
        self.skipped = False

    def link_walkthrough(self, walkthrough_id: str | None) -> bool:
        """Remember the deep dive made on this card (it counts again); True when it is new."""
        if not walkthrough_id or walkthrough_id == self.walkthrough:
            return False
        self.walkthrough = walkthrough_id
        self.skipped = False
        return True

    def open_secret(self) -> None:
        """A secret vote starts going round: not kept until it is done (a resume says so)."""
        self.secret_open = True

    def close_secret(self) -> bool:
        """The secret vote is over (done, aborted, or lost in a crash); True when one was open."""
        was_open, self.secret_open = self.secret_open, False
        return was_open

    def stop_timer(self) -> None:
        """The discussion timer stopped (the card is left)."""
        self.timer_running = False

    def next_variation(self, dilemma: Dilemma) -> bool:
        """Show the card's next "Maar wat als…?"; after the last one, the card itself again.
        False when the card has no variations."""
        if not dilemma.variations:
            return False
        self.variation += 1
        if self.variation >= len(dilemma.variations):
            self.variation = -1
        return True

    def to_round(self) -> Round:
        """The anonymous record of this round."""
        return Round(
            dilemma=self.dilemma,
            theme=self.theme,
            vote=self.vote if self.counts is not None else "none",
            counts=dict(self.counts) if self.counts is not None else None,
            revotes=tuple(
                Revote(variation=i, counts=dict(c)) for i, c in sorted(self.revotes.items())
            ),
            minutes=self.minutes,
            note=self.note or None,
            blanco=self.blanco if self.vote == "secret" and self.counts is not None else 0,
            own=self.own,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "dilemma": self.dilemma,
            "theme": self.theme,
            "vote": self.vote,
            "counts": self.counts,
            "revealed": self.revealed,
            "revotes": {str(k): v for k, v in self.revotes.items()},
            "variation": self.variation,
            "note": self.note,
            "seconds": self.seconds,
            "skipped": self.skipped,
            "code_shown": self.code_shown,
            "walkthrough": self.walkthrough,
            "blanco": self.blanco,
            "revote_blanco": {str(k): v for k, v in self.revote_blanco.items()},
            "timer_running": self.timer_running,
            "secret_open": self.secret_open,
            "own": None if self.own is None else own_to_json(self.own, situation=True),
            "present": self.present,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundState:
        counts = data.get("counts")
        return cls(
            dilemma=str(data["dilemma"]),
            theme=str(data.get("theme", "")),
            vote=data.get("vote", "none"),
            counts={str(k): int(v) for k, v in counts.items()} if counts is not None else None,
            revealed=bool(data.get("revealed", False)),
            revotes={
                int(k): {str(o): int(n) for o, n in v.items()}
                for k, v in dict(data.get("revotes", {})).items()
            },
            variation=int(data.get("variation", -1)),
            note=str(data.get("note", "")),
            seconds=int(data.get("seconds", 0)),
            skipped=bool(data.get("skipped", False)),
            code_shown=bool(data.get("code_shown", False)),
            walkthrough=str(data["walkthrough"]) if data.get("walkthrough") else None,
            blanco=int(data.get("blanco", 0)),
            revote_blanco={
                int(k): int(v) for k, v in dict(data.get("revote_blanco") or {}).items()
            },
            timer_running=bool(data.get("timer_running", False)),
            secret_open=bool(data.get("secret_open", False)),
            own=own_from_json(data["own"]) if data.get("own") is not None else None,
            present=int(data["present"]) if isinstance(data.get("present"), int) else None,
        )


def card_vote_mode(dilemma: Dilemma, mode: VoteMode) -> VoteMode:
    """The vote mode that applies to a card: an open card is always discussion only."""
    return "none" if dilemma.answer.kind == "open" else mode
