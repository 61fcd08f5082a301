"""Practice for someone alone: whose run it is, the draw, the end."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Button, Markdown, Static

from dilemmas.model import Deck, DeckInfo, Dilemma, Theme
from game.context import AppContext
from game.rules.practice import draw_cards, spread_themes
from game.screens.practice import PracticeScreen
from game.screens.walkthrough import WalkthroughScreen
from sessions.store import Store
from tests.factories import PracticeHost as Host
from tests.factories import practice_card as card
from tests.factories import practice_ctx as make_ctx
from tests.factories import practice_deck as make_deck
from tests.factories import temp_store  # noqa: F401 (fixtures)


def themed_deck(themes: list[str]) -> Deck:
    cards = tuple(replace(card(i), theme=t) for i, t in enumerate(themes))
    return Deck(
        info=DeckInfo(id="thema", title="Thema", version="1"),
        themes=tuple(Theme(t, t.title()) for t in sorted(set(themes))),
        dilemmas=cards,
    )


@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=2, max_size=12), st.integers(0, 99))
def test_the_draw_spreads_themes(themes: list[str], seed: int) -> None:
    drawn = draw_cards([themed_deck(themes)], len(themes), random.Random(seed))
    order = [c.dilemma.theme for c in drawn]
    distinct = len(set(themes))
    # No theme twice in a row while the first rounds still have other themes to give.
    head = order[: distinct * min(themes.count(t) for t in set(themes))]
    assert all(x != y for x, y in zip(head, head[1:], strict=False)) or distinct == 1
    assert len(set(order[:distinct])) == distinct
    assert spread_themes([]) == []


async def test_more_cards_configured_than_there_are_says_so(store: Store) -> None:
    app = Host(make_ctx(store, count=40), random.Random(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#practice-estimate", Static).content)
        assert "Je krijgt 4 dilemma's (er zijn er niet meer dan 4 bij deze keuze)" in text
        assert "Dat duurt ongeveer 22 minuten" in text


async def test_resume_names_the_card_and_asks_whose_it_is(store: Store) -> None:
    ctx = make_ctx(store, count=3)
    app = Host(ctx, random.Random(3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        title = screen.card.dilemma.title
        await pilot.press("escape")
        await pilot.pause()
        assert screen.link.settle()

    app = Host(ctx, random.Random(4))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        text = str(app.screen.query_one(".practice-text", Static).content)
        assert f"bij dilemma 1 van 3: {title}" in text
        assert "Is dat jouw ronde?" in text and "die ronde wordt gewist" in text
        # The answers themselves say what happens; "Nee" is tested in
        # test_practice_shared_laptop.py. On a shared laptop "Nee" is the default.
        labels = [str(b.label) for b in app.screen.query(".practice-buttons Button").results(Button)]
        assert labels == ["Nee, begin opnieuw", "Ja, verder waar ik was"]
        assert app.screen.focused is not None and app.screen.focused.id == "practice-not-mine"


async def test_open_card_is_worded_for_someone_alone_with_a_tab_hint(store: Store) -> None:
    from dilemmas.model import Answer

    deck = Deck(
        info=DeckInfo(id="open", title="Open", version="1"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=(card(1, answer=Answer(kind="open")),),
    )
    ctx = make_ctx(store, count=1)
    ctx.registry = type(ctx.registry)(decks={deck.id: deck})
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        hint = " ".join(str(s.content) for s in app.screen.query(".practice-hint").results(Static))
        assert "Je oefent alleen" in hint and "Tab" in hint


async def test_no_goed_gedaan_without_a_decision_and_oath_lines_kept(store: Store) -> None:
    ctx = make_ctx(store, count=1)
    ctx.config = replace(ctx.config, oath="Ik zweer\nen beloof\ndat ik eerlijk werk.")
    app = Host(ctx, random.Random(5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.press(screen.card.dilemma.answer.keys[0].lower())
        await pilot.pause()
        await pilot.click("#practice-next")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen)
        # The run points at the walkthrough from the start, before anything is typed.
        assert screen.run is not None and screen.run.walkthrough_id == walk.walkthrough_id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#practice-skip-walk")
        await pilot.pause()
        source = app.screen.query_one("#practice-end", Markdown).source
        assert "Goed gedaan" not in source
        assert "Ik zweer  \nen beloof  \ndat ik eerlijk werk." in source


def test_make_deck_still_has_practice_cards() -> None:
    assert len(draw_cards([make_deck()], 10)) == 4


async def _answer_all_and_skip_walk(app: Host, pilot: object) -> PracticeScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    await pilot.click("#practice-start")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PracticeScreen)
    while screen.run is not None and screen.run.phase == "answer":
        await pilot.press(screen.card.dilemma.answer.keys[0].lower())
        await pilot.pause()
        await pilot.click("#practice-next")
        await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    await pilot.click("#practice-skip-walk")
    await pilot.pause()
    return screen


async def test_end_screen_recaps_own_choice_beside_team_figures(store: Store) -> None:
    from tests.factories import team_session

    ctx = make_ctx(store, count=2, k=5)
    team_session(store, "kaart-1", {"A": 3, "B": 2})  # exactly k: shown
    team_session(store, "kaart-2", {"A": 1, "B": 1})  # below k: hidden
    deck = make_deck()
    only = replace(deck, dilemmas=deck.dilemmas[:2])
    ctx.registry = type(ctx.registry)(decks={only.id: only})
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await _answer_all_and_skip_walk(app, pilot)
        source = app.screen.query_one("#practice-end", Markdown).source
        assert "## Wat jij koos" in source
        sections = {
            part.split("\n")[0]: part.split("## ")[0] for part in source.split("### ")[1:]
        }
        one, two = sections["Kaart 1"], sections["Kaart 2"]
        assert "Jij koos: A Aannemen" in one
        assert "| A ◀ jij | ██████░░░░ | 60\u00a0% |" in one and "| B | ████░░░░░░ | 40\u00a0% |" in one
        assert "Jij koos: A" in two and "teams" not in two
        assert "Ik beloof dat ik eerlijk werk." in source and "Vera" in source


def _one_card_ctx(store: Store, dilemma: Dilemma) -> AppContext:
    deck = Deck(
        info=DeckInfo(id="een", title="Een", version="1"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=(dilemma,),
    )
    ctx = make_ctx(store, count=1)
    ctx.registry = type(ctx.registry)(decks={deck.id: deck})
    return ctx


async def test_variations_after_the_answer_and_heavy_cards_name_113(store: Store) -> None:
    from dilemmas.config import Contact

    heavy = replace(
        card(1),
        variations=("En als hij over zelfdoding begint?", "En als het je buurman is?"),
    )
    ctx = _one_card_ctx(store, heavy)
    ctx.config = replace(
        ctx.config,
        contacts=(Contact("Vertrouwenspersoon", "Vera", "intranet/vp", id="vertrouwenspersoon"),),
    )
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        assert not app.screen.query("#practice-variations")  # not before the answer
        await pilot.press("a")
        await pilot.pause()
        text = str(app.screen.query_one("#practice-variations", Static).content)
        assert "• En als het je buurman is?" in text
        headings = " ".join(
            str(s.content) for s in app.screen.query(".practice-heading").results(Static)
        )
        assert "Denk ook na over…" in headings
        line = str(app.screen.query_one("#practice-heavy", Static).content)
        assert line.startswith(
            "Zit dit je niet lekker? Praat erover met de vertrouwenspersoon (Vera"
        )
        assert "bel 113 (0800-0113), gratis en anoniem." in line


def test_heavy_rule() -> None:
    from game.rules.practice import is_heavy

    assert not is_heavy(card(1))
    assert is_heavy(replace(card(1), guidance="Bel 113 als het niet gaat."))
    assert is_heavy(replace(card(1), situation="Hij praat over Zelfdoding."))
    assert not is_heavy(replace(card(1), situation="Kamer 1130."))


async def test_wis_mijn_oefenronde_asks_then_removes_run_and_walkthrough(store: Store) -> None:
    ctx = make_ctx(store, count=1)
    app = Host(ctx, random.Random(2))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _answer_all_and_skip_walk(app, pilot)
        sid = screen.session_id
        assert screen.run is not None and screen.run.walkthrough_id
        walk_id = screen.run.walkthrough_id
        store.save_walkthrough(walk_id, session_id=sid, dilemma_id="kaart-1", data={"steps": {}})
        assert sid and store.get(sid) is not None
        await pilot.click("#practice-wipe")
        await pilot.pause()
        assert not isinstance(app.screen, PracticeScreen)  # asked first
        await pilot.click("#choice-wipe")
        await pilot.pause()
        assert store.get(sid) is None
        assert store.get_walkthrough(walk_id) is None
        assert app.closed == 1
        assert any("oefenronde is gewist" in str(n.message) for n in app._notifications)


def test_practice_reaches_the_store_typed() -> None:
    from pathlib import Path

    import game.screens.practice as practice

    source = Path(practice.__file__).read_text(encoding="utf-8")
    assert "_store_call" not in source and "getattr(" not in source
    assert "context_of" in source and "StoreLink" in source


async def test_a_failing_store_is_told_once_and_the_run_goes_on(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sessions.store import StoreError

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreError("De opslag doet het niet.")

    ctx = make_ctx(store, count=2)
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(store, "save_state", broken)
        monkeypatch.setattr(store, "save_round", broken)
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        for _ in range(2):
            await pilot.press(screen.card.dilemma.answer.keys[0].lower())
            await pilot.pause()
            await pilot.click("#practice-next")
            await pilot.pause()
        assert screen.run is not None and screen.run.phase == "walkthrough"
        warned = [n for n in app._notifications if "De opslag doet het niet." in str(n.message)]
        assert len(warned) == 1


def test_team_figures_leave_out_rounds_of_fewer_than_k() -> None:
    """Before and after a 4-person session the figures must not differ by that session's
    votes: "Zo kozen teams" sums only rounds of k answers or more."""
    from sessions.report_safe import safe_team_counts
    from sessions.store import Store

    store = Store.open()
    try:
        for counts in ({"A": 3, "B": 3}, {"A": 1, "B": 3}):
            sid = store.start_session(kind="team", team=None, participants=6,
                                      deck_id="huizen-basis", deck_version="2026.2")
            from sessions.model import Round

            store.save_round(sid, 0, Round(dilemma="x", theme="t", vote="hands",
                                           counts=counts))
        assert safe_team_counts(store, "x", "huizen-basis", 5) == {"A": 3, "B": 3}
    finally:
        store.close()
