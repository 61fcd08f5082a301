"""Text from decks, the config, the store and users is shown as typed, never read as markup.

Every text field of the deck below holds Textual/Rich markup: a tag pair, a lone closing tag
(which makes the markup parser raise), a link, and a config-style placeholder. Each main
screen must show it literally and nothing may crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Markdown, OptionList, RadioButton, Static, TextArea

from dilemmas.config import Config, Contact
from dilemmas.discovery import DeckRegistry
from dilemmas.loader import check_paths
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.app import IntegerSpelApp
from game.context import AppContext, StartRequest
from game.dialogs.secret_vote import SecretVoteScreen
from game.screens.decks import DecksScreen, ProblemsDialog
from game.screens.report import ReportScreen, SessionDetailScreen
from game.screens.setup import SetupScreen
from game.screens.walkthrough import WalkthroughScreen, WalkthroughSummaryScreen
from game.widgets.timer import RoundTimer
from sessions.model import Round
from sessions.store import Store
from sessions.summary import md_block, md_inline

HOSTILE = "[b]vet[/b] [/] [link=x]y[/link] [naam invullen]"
# Wrapping may break a line at a space, so the screen is checked for the parts without one.
TOKENS = ("[b]vet[/b]", "[/]", "[link=x]y[/link]", "[naam", "invullen]")
SIZE = (160, 50)


def hostile_deck() -> Deck:
    answer = Answer(
        kind="choice",
        options=(Option("A", f"Optie een {HOSTILE}"), Option("B", f"Optie twee {HOSTILE}")),
    )
    card = Dilemma(
        id="vijandig",
        theme="thema",
        title=f"Titel {HOSTILE}",
        situation=f"Situatie {HOSTILE}",
        question=f"Vraag {HOSTILE}",
        answer=answer,
        prompts=(f"Gespreksvraag {HOSTILE}",),
        variations=(f"Variatie {HOSTILE}",),
        guidance=f"Uitleg {HOSTILE}",
        references=(f"Bron {HOSTILE}",),
        audience=("team", "nieuw"),
    )
    return Deck(
        info=DeckInfo("vijandig", f"Deck {HOSTILE}", "1"),
        themes=(Theme("thema", f"Thema {HOSTILE}"),),
        dilemmas=(card,),
    )


def hostile_pulse() -> Deck:
    yn = Answer(kind="choice", options=(Option("ja", f"Ja {HOSTILE}"), Option("nee", "Nee")))
    return Deck(
        info=DeckInfo("pulse", "Pulse", "1", kind="pulse"),
        themes=(Theme("meldklimaat", "Meldklimaat"),),
        dilemmas=(
            Dilemma(
                id="kent-vp",
                theme="meldklimaat",
                title="VP",
                situation="",
                question=f"Pulsvraag {HOSTILE}",
                answer=yn,
            ),
        ),
    )


def hostile_config() -> Config:
    return Config(
        organisation=f"Gemeente {HOSTILE}",
        # The role without the config's placeholder: a contact the WIO has not filled in is
        # left off what the room sees (its name, a placeholder here, is left out).
        contacts=(Contact("Vertrouwenspersoon [b]vet[/b] [/] [link=x]y[/link]",
                          "[naam invullen]", "[verwijderd]"),),
        oath=f"Ik beloof het. {HOSTILE}",
        practice_count=1,
    )


def make_ctx(data: Path, *, store: bool = True) -> AppContext:
    deck, pulse = hostile_deck(), hostile_pulse()
    return AppContext(
        config=hostile_config(),
        registry=DeckRegistry(decks={deck.id: deck, pulse.id: pulse}),
        store=Store.open(data) if store else None,
    )


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


def screen_text(app: Any) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_literal(app: Any, *also: str) -> str:
    """The hostile text is on screen as typed (and so are `also`); returns the screen text."""
    text = screen_text(app)
    for token in (*TOKENS, *also):
        assert token in text, f"{token!r} not on screen:\n{text}"
    return text


def markdown_text(app: Any, selector: str) -> str:
    """What a Markdown widget shows, whatever part of it is scrolled into view."""
    widget = app.screen.query_one(selector, Markdown)
    return "\n".join(
        str(block._content) if hasattr(block, "_content") else ""
        for block in widget.query("MarkdownBlock")
    )


# ------------------------------------------------------------------------------ Markdown


def test_md_inline_escapes_what_would_change_the_markdown() -> None:
    assert md_inline("[x](http://y) *a* _b_ `c` # e | f") == (
        r"\[x\](http://y) \*a\* \_b\_ \`c\` \# e \| f"
    )
    assert md_inline("twee\nregels") == "twee regels"


def test_md_block_keeps_lists_but_disarms_links() -> None:
    assert md_block("- een\n- [twee](x) `c`") == "- een\n- \\[twee\\](x) \\`c\\`"


# ------------------------------------------------------------------------------ team game


async def test_team_game_shows_deck_and_note_text_as_typed(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        assert_literal(app, "Deck [b]vet[/b]", "Thema [b]vet[/b]")
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        screen.query_one("#setup-participants", Input).value = "5"
        screen.query_one("#order-fixed", RadioButton).value = True
        screen.query_one("#pulse-end", RadioButton).value = True  # the pulse's texts are checked at the end
        await pilot.pause()
        screen.action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
        assert_literal(app, "Titel [b]vet[/b]", "Situatie", "Vraag", "Optie een")
        await pilot.press("h")
        await pilot.pause()
        assert_literal(app, "Optie een")  # the hands dialog lists the options
        app.screen.query_one("#hands-A", Input).value = "2"
        app.screen.query_one("#hands-B", Input).value = "3"
        await pilot.press("enter")
        await pilot.pause()
        assert_literal(app, "60%")  # hands are shown at once, with the options' texts
        await pilot.press("c")
        await pilot.pause()
        assert_literal(app, "Uitleg [b]vet[/b]", "Bron [b]vet[/b]")
        await pilot.press("w")
        await pilot.pause()
        assert_literal(app, "Variatie [b]vet[/b]")
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(TextArea).text = f"Notitie {HOSTILE}, mail jan@example.nl"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = assert_literal(app, "[verwijderd]")
        assert "jan@example.nl" not in text
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "PulseScreen"
        assert_literal(app, "Pulsvraag [b]vet[/b]", "Ja [b]vet[/b]")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, SecretVoteScreen)
        assert_literal(app, "Pulsvraag [b]vet[/b]")
        await pilot.press(*"12121")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        shown = markdown_text(app, "#summary-text")
        for token in (*TOKENS, "[verwijderd]", "Titel [b]vet[/b]", "Vertrouwenspersoon [b]"):
            assert token in shown, token
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert record.rounds[0].note == f"Notitie {HOSTILE}, mail [verwijderd]"


# ------------------------------------------------------------------------------ practice


async def test_practice_feedback_and_end_show_text_as_typed(isolated_dirs: Path) -> None:
    from game.screens.practice import PracticeScreen

    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="practice"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.click("#practice-start")
        await pilot.pause()
        assert_literal(app, "Titel [b]vet[/b]", "Optie een")
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        assert_literal(app, "Optie een", "Uitleg [b]vet[/b]", "Bron [b]vet[/b]")
        await pilot.click("#practice-next")
        await pilot.pause()
        options = screen.query_one("#practice-walk-list", OptionList)
        assert "Titel [b]vet[/b]" in str(options.get_option_at_index(0).prompt)
        assert_literal(app, "Titel [b]vet[/b]")
        run = screen.run
        assert run is not None
        run.next()  # skip the stappenplan
        await screen.show_phase()
        await pilot.pause()
        shown = markdown_text(app, "#practice-end")
        for token in (*TOKENS, "[verwijderd]", "Vertrouwenspersoon [b]vet[/b]"):
            assert token in shown, token


# ------------------------------------------------------------------------------ walkthrough


async def test_walkthrough_shows_card_options_and_decision_as_typed(isolated_dirs: Path) -> None:
    deck = hostile_deck()
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="menu"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = WalkthroughScreen(dilemma=deck.dilemmas[0], deck=deck)
        await app.push_screen(screen)
        await pilot.pause()
        assert_literal(app, "Titel [b]vet[/b]")
        decision = next(
            i for i, s in enumerate(screen.state.plan.steps) if s.input.kind == "decision"
        )
        await screen.show_step(decision)
        await pilot.pause()
        text = assert_literal(app, "Optie een [b]vet[/b]", "Optie twee [b]vet[/b]")
        assert "●" not in text  # nothing chosen yet: no mark
        screen.state.decision.because = f"omdat {HOSTILE}"
        await pilot.click("#decision-option")
        await pilot.pause()
        screen.action_summary()
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughSummaryScreen)
        sentence = str(app.screen.query_one("#summary-sentence", Static).render())
        assert "Omdat [b]vet[/b] [/]" in sentence


# ------------------------------------------------------------------------------ decks


BAD_DECK = """\
deck:
  id: kapot
  title: "Kapot [b]vet[/b] [/]"
  version: "1"
themes:
  - id: thema
    title: Thema
dilemmas:
  - id: kaart
    theme: "[b]vet[/b] [/]"
    title: Titel
    situation: Iets.
    question: Wat doe je?
    answer: {kind: choice, options: [{key: A, text: Ja}, {key: B, text: Nee}]}
"""


async def test_deck_browser_and_problems_show_text_as_typed(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "kapot [naam invullen].yaml"
    bad.write_text(BAD_DECK, encoding="utf-8")
    problems = check_paths([bad])
    assert any("[b]vet[/b] [/]" in str(p) for p in problems)
    ctx = make_ctx(isolated_dirs, store=False)
    ctx.registry.invalid.append((str(bad), list(problems)))
    app = IntegerSpelApp(ctx, StartRequest(kind="menu"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = DecksScreen()
        await app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one("#deck-table", DataTable)
        assert "Deck [b]vet[/b]" in str(table.get_row("vijandig")[1])
        assert_literal(app, "invullen].yaml", "Thema [b]vet[/b]")
        await pilot.press("enter")  # browse the deck's cards
        await pilot.pause()
        assert_literal(app, "Titel [b]vet[/b]", "Uitleg [b]vet[/b]", "Variatie [b]vet[/b]")
        assert_literal(app, "Gespreksvraag [b]vet[/b]")
        app.push_screen(ProblemsDialog(bad, problems))
        await pilot.pause()
        text = screen_text(app)
        assert "Controle van " in text and "[naam invullen].yaml" in text
        assert "'[b]vet[/b] [/]' staat niet onder 'themes'" in text


# ------------------------------------------------------------------------------ report


async def test_report_sessions_and_detail_show_text_as_typed(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    store = ctx.store
    assert store is not None
    sid = store.start_session(
        kind="team", team=f"Team {HOSTILE}", participants=6, deck_id="vijandig", deck_version="1"
    )
    store.save_round(
        sid,
        0,
        Round("vijandig", "thema", "hands", {"A": 2, "B": 4}, note="Bel [verwijderd] [/]"),
    )
    store.complete(sid)
    app = IntegerSpelApp(ctx, StartRequest(kind="menu"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = ReportScreen()
        await app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one("#session-table", DataTable)
        assert f"Team {HOSTILE}" in str(table.get_row_at(0)[1])
        assert_literal(app)
        record = store.get(sid)
        assert record is not None
        app.push_screen(SessionDetailScreen(record))
        await pilot.pause()
        shown = markdown_text(app, "#detail-summary")
        for token in (*TOKENS, "[verwijderd]", "Titel [b]vet[/b]"):
            assert token in shown, token


# ------------------------------------------------------------------------------ help


async def test_help_lists_the_apps_own_keys_in_dutch(isolated_dirs: Path) -> None:
    """Textual's built-in keys (a focused input's editing keys, the palette) are English."""
    from game.screens.help import HelpScreen

    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen._markdown()
        assert "Start de sessie" in text and "Uitleg bij dit scherm" in text
        for english in ("Move cursor", "Delete", "Scroll", "Focus Next", "command palette"):
            assert english not in text
