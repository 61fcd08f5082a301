"""Offering an unfinished team session for resumption when the app starts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sessions.store import OPEN_ELSEWHERE, Store, StoreError

if TYPE_CHECKING:
    from game.app import IntegerSpelApp
    from game.rules.game import GameState
    from game.rules.session import GameSession
    from sessions.model import SessionRecord

RESUME_CHOICES = [("resume", "Verder spelen"), ("new", "Nieuwe sessie"), ("discard", "Weggooien")]
RESUME_DETAIL = (
    "Kies je een nieuwe sessie, dan blijft deze bewaard als niet afgemaakt. Weggooien "
    "verwijdert haar."
)


def resume_question(record: SessionRecord, game: GameState, deck_title: str) -> str:
    """ "Er is een sessie die nog niet af is: team X, ronde 3 van 8, deck Y. Verder spelen?" """
    team = f"team {record.team}" if record.team else "zonder teamnaam"
    where = game.round_label().lower()  # the round screen says the same
    return (
        f"Er is een sessie die nog niet af is: {team}, {where}, deck {deck_title}. Verder spelen?"
    )


async def offer_resume(app: IntegerSpelApp) -> GameSession | None:
    """If the store has an unfinished team session, ask whether to carry on with it; run in a
    worker (it waits for the answers).

    Returns the session to carry on with (the app opens it where it stopped), or None. "Nieuwe
    sessie": the old session is kept as incomplete and no longer offered; "Weggooien" (after a
    second question) deletes it.
    """
    store = app.ctx.store
    if store is None:
        return None
    try:
        found = store.unfinished("team")
    except StoreError as exc:
        app.notify(str(exc), severity="error", markup=False)
        return None
    if found is None or not app.nothing_started():
        return None  # nothing to offer, or a game was set up here meanwhile (its own session)
    # Only now, with a session to offer: the dialog and the game rules cost memory and time
    # at every start-up otherwise.
    from game.dialogs.choice import ChoiceDialog
    from game.rules.game import GameState
    from game.rules.session import GameSession

    record, state = found
    deck = app.ctx.registry.get(record.deck_id)
    try:
        game: GameState | None = GameState.from_state(state)
    except ValueError:
        game = None
    if deck is None or game is None or game.check_deck(deck) or not game.plan:
        reason = (
            f"het deck '{record.deck_id}' is er niet meer"
            if deck is None
            else "de kaarten van het deck zijn veranderd"
        )
        if game is not None and not game.plan:
            reason = "er was nog geen kaart gespeeld"
        elif game is None and deck is not None:
            reason = "wat er bewaard was om verder te spelen, is beschadigd"
        # Not abandoned silently: the deck may be back next time (another --decks folder).
        answer = await app.push_screen_wait(
            ChoiceDialog(
                f"Er is een sessie die nog niet af is, maar die kan niet verder: {reason}.",
                [("keep", "Later opnieuw vragen"), ("abandon", "Niet meer aanbieden")],
                detail="Wat al gespeeld was, blijft bewaard.",
            )
        )
        if answer == "abandon":
            _tell(app, lambda: store.abandon(record.id))
        return None
    if game.current is None:  # a damaged position: the card at the place it points to
        game.ensure_round(deck, game.position)
    question = resume_question(record, game, deck.info.title)
    while True:
        answer = await app.push_screen_wait(
            ChoiceDialog(question, RESUME_CHOICES, detail=RESUME_DETAIL)
        )
        if answer == "resume":
            if not _claimed(store, record.id):  # another window resumed it first
                app.notify(OPEN_ELSEWHERE, severity="warning", markup=False)
                return None
            session = GameSession(game, deck, app.ctx.saver, session_id=record.id)
            session.month = record.month
            return session
        if answer == "new":
            _tell(app, lambda: store.abandon(record.id))
            return None
        if answer != "discard":
            return None
        sure = await app.push_screen_wait(
            ChoiceDialog(
                "Deze sessie weggooien?",
                [("keep", "Bewaren"), ("discard", "Weggooien")],
                detail="Wat gespeeld is, wordt verwijderd en telt niet mee in de "
                "rapportage. Dit kun je niet terugdraaien.",
            )
        )
        if sure == "discard":
            if _tell(app, lambda: store.delete_session(record.id)):
                app.notify("De sessie is weggegooid.", markup=False)
            return None


def _tell(app: IntegerSpelApp, call: Callable[[], object]) -> bool:
    """Run a store call; a failure is told in Dutch. True when it worked."""
    try:
        call()
    except StoreError as exc:
        app.notify(str(exc), severity="error", markup=False)
        return False
    return True


def _claimed(store: Store, session_id: str) -> bool:
    """Take the session over for this window; a failing store is told by the saver later."""
    try:
        return bool(store.claim(session_id))
    except StoreError:
        return True
