"""Offering an unfinished team session for resumption when the app starts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sessions.store import OPEN_ELSEWHERE, StoreError

if TYPE_CHECKING:
    from game.app import IntegerSpelApp
    from game.rules.game import GameState
    from sessions.model import SessionRecord


def resume_question(record: SessionRecord, game: GameState, deck_title: str) -> str:
    """ "Er is een sessie die nog niet af is: team X, ronde 3 van 8, deck Y. Verder spelen?" """
    team = f"team {record.team}" if record.team else "zonder teamnaam"
    n = game.position + 1
    setup = game.setup
    if setup.limit_kind == "dilemmas":
        total = setup.limit if setup.order == "board" else len(game.plan)
        where = f"ronde {n} van {total}"
    else:
        where = f"ronde {n}"
    return (
        f"Er is een sessie die nog niet af is: {team}, {where}, deck {deck_title}. Verder spelen?"
    )


def offer_resume(app: IntegerSpelApp) -> None:
    """If the store has an unfinished team session, ask whether to carry on with it.

    Yes: rebuild the game and open the round where it stopped, with its counts and notes.
    No ("Nieuwe sessie"): the old session is kept as incomplete and no longer offered.
    """
    store: Any = app.ctx.store
    if store is None:
        return
    try:
        found = store.unfinished("team")
    except StoreError as exc:
        app.notify(str(exc), severity="error", markup=False)
        return
    if found is None:
        return
    # Only now, with a session to offer: the dialog and the game rules cost memory and time
    # at every start-up otherwise.
    from game.dialogs.choice import ChoiceDialog
    from game.rules.game import GameState
    from game.rules.session import GameSession

    record, state = found
    deck = app.ctx.registry.get(record.deck_id)
    try:
        game = GameState.from_state(state)
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

        def drop(answer: str | None) -> None:
            if answer == "abandon":
                try:
                    store.abandon(record.id)
                except StoreError as exc:
                    app.notify(str(exc), severity="error", markup=False)

        # Not abandoned silently: the deck may be back next time (another --decks folder).
        app.push_screen(
            ChoiceDialog(
                f"Er is een sessie die nog niet af is, maar die kan niet verder: {reason}.",
                [("keep", "Later opnieuw vragen"), ("abandon", "Niet meer aanbieden")],
                detail="Wat al gespeeld was, blijft bewaard.",
            ),
            drop,
        )
        return
    if game.current is None:  # a damaged position: the card at the place it points to
        game.ensure_round(deck, game.position)
    question = resume_question(record, game, deck.info.title)

    def answered(answer: str | None) -> None:
        if answer == "resume":
            if not _claimed(store, record.id):  # another window resumed it first
                app.notify(OPEN_ELSEWHERE, severity="warning", markup=False)
                return
            from game.screens.round import RoundScreen

            session = GameSession(game, deck, store, session_id=record.id)
            session.month = record.month
            if game.pulse_pending:  # it stopped during the pulse at the start: go on there
                from game.screens.pulse import PulseScreen, pulse_questions

                questions = pulse_questions(app)
                if questions:
                    app.push_screen(PulseScreen(session, questions, at_start=True))
                    return
            app.push_screen(RoundScreen(session))
        elif answer == "new":
            try:
                store.abandon(record.id)
            except StoreError as exc:
                app.notify(str(exc), severity="error", markup=False)
        elif answer == "discard":
            app.push_screen(
                ChoiceDialog(
                    "Deze sessie weggooien?",
                    [("keep", "Bewaren"), ("discard", "Weggooien")],
                    detail="Wat gespeeld is, wordt verwijderd en telt niet mee in de "
                    "rapportage. Dit kun je niet terugdraaien.",
                ),
                confirmed,
            )

    def confirmed(answer: str | None) -> None:
        if answer != "discard":
            app.push_screen(ChoiceDialog(question, choices, detail=detail), answered)
            return
        try:
            store.delete_session(record.id)
        except StoreError as exc:
            app.notify(str(exc), severity="error", markup=False)
            return
        app.notify("De sessie is weggegooid.", markup=False)

    choices = [("resume", "Verder spelen"), ("new", "Nieuwe sessie"), ("discard", "Weggooien")]
    detail = (
        "Kies je een nieuwe sessie, dan blijft deze bewaard als niet afgemaakt. "
        "Weggooien verwijdert haar."
    )
    app.push_screen(ChoiceDialog(question, choices, detail=detail), answered)


def _claimed(store: Any, session_id: str) -> bool:
    """Take the session over for this window; a failing store is told by the saver later."""
    try:
        return bool(store.claim(session_id))
    except StoreError:
        return True
