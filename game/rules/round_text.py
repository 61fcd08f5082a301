"""What the round and pulse screens say about a round: the panels' texts, decided here."""

from __future__ import annotations

from collections.abc import Sequence

from dilemmas.config import PLACEHOLDER, Contact
from dilemmas.model import Dilemma
from game.rules.round import RoundState
from game.rules.text import reflow

MIN_SECRET = 3
"""A secret result with fewer votes than this is not shown or kept (SPEC §4): the room
knows who voted."""

TOO_FEW_SECRET = (
    f"Minder dan {MIN_SECRET} stemmen voor een antwoord: dan weet de groep wie wat stemde. "
    "De uitslag wordt niet getoond en niet bewaard."
)

LOST_SECRET_VOTE = (
    "Er ging een geheime stemming rond toen de app stopte. Die stemmen zijn niet bewaard. "
    "Stem opnieuw met g."
)


def secret_refusal(counts: dict[str, int]) -> str | None:
    """Why a secret result can't be shown or kept (too few votes, blanco not counted), or
    None when it can. One rule for a round, a re-vote and a pulse question."""
    return TOO_FEW_SECRET if sum(counts.values()) < MIN_SECRET else None


def variation_text(rnd: RoundState, dilemma: Dilemma) -> str:
    """The "Maar wat als…?" panel, or "" when no variation is shown."""
    if rnd.variation < 0 or rnd.variation >= len(dilemma.variations):
        return ""
    n, total = rnd.variation + 1, len(dilemma.variations)
    text = reflow(dilemma.variations[rnd.variation])
    head = "Maar wat als…" if total == 1 else f"Maar wat als… ({n} van {total})"
    if text.lower().startswith("maar wat als"):
        # The sentence says it already: the heading keeps only the count.
        head = f"Variatie {n} van {total}" if total > 1 else "Variatie"
    out = f"{head}\n{text}"
    if dilemma.answer.kind != "open" and rnd.variation not in rnd.revotes:
        # A re-vote needs the card's own vote to shift from (`RoundState.vote_refusal`).
        if rnd.counts is None:
            out += "\nStem eerst over de kaart zelf: druk op w tot de variatie weg is."
        else:
            out += "\nStem opnieuw met h of g om de verschuiving te zien."
    return out


def vote_text(rnd: RoundState, dilemma: Dilemma, *, lost_vote: bool = False) -> str:
    """The line above the bars: what the vote stands at and what to press next."""
    counts, previous = rnd.shown_counts()
    if dilemma.answer.kind == "open":
        return "Open vraag: geen stemming, bespreek het samen."
    if counts is None:
        if lost_vote:
            return LOST_SECRET_VOTE
        if rnd.vote == "none":
            return "Geen stemming: bespreek het samen. Toch stemmen? h handen tellen · g geheime stemming"
        return "Nog niet gestemd. h handen tellen · g geheime stemming"
    blanco = rnd.shown_blanco()
    if not rnd.revealed:
        n = sum(counts.values())
        what = "Herstemming" if previous is not None else "Stemming"
        also = f" en {blanco} blanco" if blanco else ""
        return f"{what} klaar: {n} stemmen{also}. Druk op r voor de uitslag."
    apart = f" ({blanco} blanco, apart geteld)" if blanco else ""
    if previous is not None:
        return f"Uitslag na de variatie{apart}:"
    return f"Uitslag{apart}:"


def contact_lines(contacts: Sequence[Contact]) -> list[str]:
    """ "Bij wie kun je terecht:" once, then one line per contact."""
    lines = []
    for contact in contacts:
        # What the WIO has not filled in yet is left out: this is on the beamer.
        who = " — ".join(p for p in (contact.role, contact.name, contact.reach)
                         if p and not PLACEHOLDER.search(p))
        if who:
            lines.append(f"• {who}")
    return ["Bij wie kun je terecht:", *lines] if lines else []


def code_text(dilemma: Dilemma, contacts: Sequence[Contact]) -> str:
    """ "Wat zegt de code?": guidance, references and who to turn to."""
    parts = [
        "Wat zegt de code?",
        reflow(dilemma.guidance) or "Bij deze kaart staat geen toelichting.",
    ]
    if dilemma.references:
        parts.append("Zie: " + "; ".join(dilemma.references))
    parts.extend(contact_lines(contacts))
    return "\n".join(parts)


def note_text(rnd: RoundState) -> str:
    """The note panel, or "" without a note."""
    return f"Notitie: {rnd.note}" if rnd.note else ""


def vote_title(rnd: RoundState, dilemma: Dilemma) -> str:
    """The title above a vote: the card's, with the variation's number on a re-vote (the
    sentence under it says "Maar wat als…", so the title does not)."""
    if rnd.variation < 0:
        return dilemma.title
    total = len(dilemma.variations)
    which = f"variatie {rnd.variation + 1} van {total}" if total > 1 else "variatie"
    return f"{dilemma.title} — {which}"


def vote_context(rnd: RoundState, dilemma: Dilemma) -> str | None:
    """The variation's sentence, when this is a re-vote: the room votes on what it reads."""
    if 0 <= rnd.variation < len(dilemma.variations):
        text = reflow(dilemma.variations[rnd.variation])
        return text if text.lower().startswith("maar wat als") else "Maar wat als… " + text
    return None
