"""Pilot tests of the round screen's further parts: contacts, participants, card alone, blanco."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input

from dilemmas.config import Config, Contact
from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.secret_vote import SecretVoteScreen
from game.screens.round import RoundScreen
from game.widgets.timer import RoundTimer
from tests.factories import SIZE, fill_setup, make_ctx, screen_as, screen_text


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


def _code_text(app: IntegerSpelApp) -> str:
    return str(app.screen.query_one("#round-code").render())


async def test_code_panel_names_the_cards_contacts(isolated_dirs: Path) -> None:
    """Item 1: the card's contacts appear with the guidance; unknown ids are left out."""
    ctx = make_ctx(isolated_dirs)
    ctx.config = Config(
            contacts=(
                Contact("Vertrouwenspersoon", "Anna de Vries", "06 1234", id="vp"),
                Contact("Meldpunt", "", "meldpunt@huizen.nl", id="meldpunt"),
            )
    )
    deck = ctx.registry.decks["spel"]
    first = replace(deck.dilemmas[0], contacts=("vp", "bestaat-niet", "meldpunt"))
    ctx.registry.decks["spel"] = replace(deck, dilemmas=(first, *deck.dilemmas[1:]))
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        await pilot.press("c")
        await pilot.pause()
        text = _code_text(app)
        assert text.count("Bij wie kun je terecht:") == 1
        assert "Vertrouwenspersoon — Anna de Vries — 06 1234" in text
        assert "Meldpunt — meldpunt@huizen.nl" in text
        assert "bestaat-niet" not in text


async def test_participants_change_during_the_session(isolated_dirs: Path) -> None:
    """Item 2: `p` changes the participants; bad input is refused; the store has it."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="9")
        round_screen = screen_as(app, RoundScreen)
        assert "p deelnemers" in screen_text(app)  # on the keys line above the footer
        await pilot.press("p")
        await pilot.pause()
        field = app.screen.query_one("#participants-input", Input)
        for bad, message in (("100", "tussen 1 en 99"), ("0", "tussen 1 en 99"),
                             ("tien", "heel getal")):
            field.value = bad
            await pilot.press("enter")
            await pilot.pause()
            assert message in screen_text(app)
            assert app.screen is not round_screen
        field.value = "500"
        assert field.value == "500"  # never cut
        field.value = "12"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is round_screen
        assert round_screen.game.setup.participants == 12
        assert "12 deelnemers" in screen_text(app)
        assert round_screen.session.record().participants == 12
        round_screen.session.settle()
        sid = round_screen.session.session_id
        assert ctx.store is not None and sid is not None
        record = ctx.store.get(sid)
        assert record is not None and record.participants == 12


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_card_alone_shows_only_the_card(isolated_dirs: Path, size: tuple[int, int]) -> None:
    """Item 3: `k` shows the card alone, nothing important cut; Escape or `k` goes back."""
    from game.screens.card_alone import CardAloneScreen

    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        round_screen = screen_as(app, RoundScreen)
        assert "Kaart" in screen_text(app)
        await pilot.press("k")
        await pilot.pause()
        screen_as(app, CardAloneScreen)
        text = screen_text(app)
        card = round_screen.dilemma
        assert card.title in text
        assert card.question.strip()[:40] in text
        assert "Uitslag" not in text and "Ronde 1" not in text
        await pilot.press("end", "pagedown", "pagedown")
        await pilot.pause()
        text = screen_text(app)
        assert card.answer.options[-1].text[:30] in text  # the last option can be reached
        await pilot.press("k")
        await pilot.pause()
        assert app.screen is round_screen
        await pilot.press("k", "escape")
        await pilot.pause()
        assert app.screen is round_screen


async def test_blanco_is_kept_in_the_store_and_the_bundle(isolated_dirs: Path) -> None:
    """Item 4: the secret vote's blanco reaches the record, the store and a version 2 bundle."""
    from sessions.bundle import export_bundle, parse_bundle, record_to_json

    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="5", vote="secret")
        round_screen = screen_as(app, RoundScreen)
        await pilot.press("g", "a", "b", "x", "c", "x")
        await pilot.pause()
        assert app.screen is round_screen
        assert round_screen.round.blanco == 2
        round_screen.session.settle()
        sid = round_screen.session.session_id
        assert round_screen.session.record().rounds[0].blanco == 2
    assert ctx.store is not None and sid is not None
    record = ctx.store.get(sid)
    assert record is not None and record.rounds[0].blanco == 2
    bundle = export_bundle(ctx.store)
    assert bundle["version"] == 2
    assert bundle["sessions"][0]["rounds"][0]["blanco"] == 2
    back = parse_bundle(bundle, "test.json")
    assert back[0].rounds[0].blanco == 2
    # version 1 still imports; blanco above the participants is refused
    one = {**bundle, "version": 1, "sessions": [record_to_json(record)]}
    del one["sessions"][0]["rounds"][0]["blanco"]
    assert parse_bundle(one, "oud.json")[0].rounds[0].blanco == 0
    bad = {**bundle, "sessions": [record_to_json(record)]}
    bad["sessions"][0]["rounds"][0]["blanco"] = 6
    with pytest.raises(Exception, match="blanco"):
        parse_bundle(bad, "fout.json")


def test_summary_tells_blanco_beside_the_count() -> None:
    """Item 4: the summary says "N blanco" beside the count, not in the distribution."""
    from sessions.model import Round, SessionRecord
    from sessions.summary import summary_html, summary_markdown
    from tests.factories import game_deck

    deck = game_deck()
    card = deck.dilemmas[0]
    record = SessionRecord(
        id="s1", kind="team", month="2026-11", team=None, participants=9,
        deck_id="spel", deck_version="2026.1",
        rounds=(Round(card.id, card.theme, "secret", {"A": 2, "B": 3, "C": 1}, blanco=2),),
    )
    md = summary_markdown(record, {"spel": deck}, None)
    assert "6 van 9 stemden, 2 blanco;" in md
    assert "| blanco" not in md.lower()
    assert "6 van 9 stemden, 2 blanco;" in summary_html(record, {"spel": deck}, None)


def test_a_version_2_store_gains_the_blanco_column(tmp_path: Path) -> None:
    """Item 4: a store from before blanco migrates; its rounds read as 0 blanco."""
    import sqlite3

    from sessions import _schema
    from sessions.store import DB_NAME, Store

    conn = sqlite3.connect(tmp_path / DB_NAME)
    for step in _schema.MIGRATIONS[:2]:
        step(conn)
    conn.execute(
        "INSERT INTO sessions (id, kind, month, team, participants, deck_id, deck_version, seq)"
        " VALUES ('s1', 'team', '2026-11', NULL, 9, 'spel', '1', 1)"
    )
    conn.execute(
        "INSERT INTO rounds VALUES ('s1', 0, 'concert', 'geschenken', 'secret', '{\"A\": 3}',"
        " NULL, 5, NULL)"
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    store = Store.open(tmp_path)
    record = store.get("s1")
    assert record is not None and record.rounds[0].blanco == 0
    store.close()
