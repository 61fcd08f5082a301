"""What a new hire takes to the oath meeting, and what the shared laptop keeps afterwards:
the A4 take-away (printed to one page by Chromium), the feedback's contacts and option
feedback, the scrub notice, the theme choice, and a run that is gone once the end is left."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static, TextArea

import game.export
from dilemmas.config import DEFAULT_CONTACTS, Config, Contact
from dilemmas.model import Answer, Deck, DeckInfo, Option, Theme
from game.rules.practice import PracticeCard, PracticeRun, draw_cards, team_figures
from game.rules.practice_recap import build_recap, recap_html, recap_markdown
from game.screens.practice import PracticeScreen
from sessions.store import Store
from tests.factories import PracticeHost as Host
from tests.factories import practice_card as card
from tests.factories import practice_ctx as make_ctx
from tests.factories import practice_deck as make_deck
from tests.factories import (
    team_session,
    temp_store,  # noqa: F401 (fixtures)
)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOOLS = all(Path(p).exists() or shutil.which(p) for p in (CHROMIUM, "pdfinfo", "pdftoppm"))
FIVE = Answer(
    "choice",
    tuple(
        Option(k, f"Een redelijk lange optie {k} zoals de kaarten ze hebben, met een bijzin erin.")
        for k in "ABCDE"
    ),
)


# An oath as a WIO fills it in (the default is a placeholder that says so).
HUIZEN_OATH = (
    "Ik zweer dat ik mijn werk eerlijk, zorgvuldig en onpartijdig doe.\n"
    "Zo waarlijk helpe mij God almachtig."
)


def full_recap() -> Any:
    """Six cards of five options, all with team figures, the default oath and contacts."""
    cards = [
        PracticeCard(make_deck(), replace(card(i, answer=FIVE), title=f"Een dilemma met een titel {i}"))
        for i in range(6)
    ]
    run = PracticeRun.new(cards)
    run.answers = {c.dilemma.id: "BCDEAB"[i] for i, c in enumerate(cards)}
    figures = {
        c.dilemma.id: team_figures(c.dilemma, {"A": 7, "B": 12, "C": 3, "D": 5, "E": 1}, 5)
        for c in cards
    }
    config = Config(organisation="Gemeente Huizen", contacts=DEFAULT_CONTACTS, oath=HUIZEN_OATH)
    decision = "Mijn besluit: ik meld het bij mijn leidinggevende. Omdat het eerlijk is."
    return build_recap(config, run, cards, figures, "2026-12", decision, "Een dilemma met een titel 1")


def test_recap_has_choices_bars_decision_oath_and_contacts() -> None:
    recap = full_recap()
    md, page = recap_markdown(recap), recap_html(recap)
    for text in (md, page):
        assert "Mijn besluit: ik meld het bij mijn leidinggevende." in text
        assert "Zo waarlijk helpe mij God almachtig" in text
        assert "Externe vertrouwenspersoon" in text and "Je leidinggevende" in text
        # Not every route of the config: those the cards played name, and the general ones.
        assert "Huis voor Klokkenluiders" not in text
        assert "43\u00a0%" in text  # 12 of 28, the number never apart from its sign
    assert "████" in md and "◀ jij" in md
    assert 'class="bar"' in page and "[naam invullen]" not in page


@pytest.mark.skipif(not TOOLS, reason="chromium or poppler-utils not installed")
def test_take_away_prints_as_one_a4_page(tmp_path: Path) -> None:
    source = tmp_path / "oefenronde.html"
    source.write_text(recap_html(full_recap()), encoding="utf-8")
    pdf = tmp_path / "oefenronde.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", source.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"Page size:\s+59[45]\.\d* x 841\.\d*", info), info  # A4
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)


async def _answer_all(app: Any, pilot: Any) -> PracticeScreen:
    """Start a run and answer every card (the first option), up to the stappenplan."""
    await pilot.pause()
    await pilot.click("#practice-start")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PracticeScreen)
    while screen.run is not None and screen.run.phase in ("answer", "feedback"):
        if screen.run.phase == "answer":
            await pilot.press(screen.card.dilemma.answer.keys[0].lower())
        else:
            await pilot.click("#practice-next")
        await pilot.pause()
    return screen


async def _to_end(app: Any, pilot: Any) -> PracticeScreen:
    screen = await _answer_all(app, pilot)
    assert screen.run is not None
    screen.run.next()  # past the stappenplan
    await screen.show_phase()
    await pilot.pause()
    await app.workers.wait_for_complete()
    return screen


async def test_meenemen_saves_html_and_markdown_and_wipe_offers_to_remove_them(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "downloads"
    out.mkdir()
    monkeypatch.setattr(game.export, "export_folder", lambda: out)
    team_session(store, "kaart-1", {"A": 3, "B": 3})
    app = Host(make_ctx(store, count=2), random.Random(2))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _to_end(app, pilot)
        sid = screen.session_id
        assert app.screen.focused is not None and app.screen.focused.id == "practice-take"
        await pilot.click("#practice-take")
        await pilot.pause()
        saved = sorted(p.name for p in out.iterdir())
        assert [n.rsplit(".", 1)[1] for n in saved] == ["html", "md"]
        page = next(out.glob("*.html")).read_text(encoding="utf-8")
        assert "Ik beloof dat ik eerlijk werk." in page and "Vera" in page
        await pilot.click("#practice-wipe")
        await pilot.pause()
        question = str(app.screen.query_one("#choice-question", Static).content)
        assert all(str(out / name) in question for name in saved)
        await pilot.click("#choice-wipe-files")
        await pilot.pause()
        assert app.closed == 1
        assert screen.link.settle(5)
    assert list(out.iterdir()) == []
    assert sid is not None and store.get(sid) is None


async def test_the_app_closing_on_the_end_screen_removes_the_run(store: Store) -> None:
    app = Host(make_ctx(store, count=2), random.Random(2))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _to_end(app, pilot)
        sid = screen.session_id
    # ctrl+q, a closed window: the screen is unmounted with the app.
    assert sid is not None and store.get(sid) is None
    assert store.unfinished("practice") is None


async def test_feedback_shows_the_option_feedback_and_the_cards_contacts(store: Store) -> None:
    plain = card(1)
    feedback = {"A": "Aannemen mag alleen tot 50 euro."}
    options = tuple(replace(o, feedback=feedback.get(o.key, "")) for o in plain.answer.options)
    with_contacts = replace(plain, contacts=("vertrouwenspersoon", "onbekend"),
                            answer=replace(plain.answer, options=options))
    deck = Deck(DeckInfo("een", "Een", "1"), (Theme("geschenken", "Geschenken"),), (with_contacts,))
    ctx = make_ctx(store, count=1)
    ctx.config = replace(
        ctx.config,
        contacts=(Contact("Vertrouwenspersoon", "Vera de Vries", "06-12345678",
                          id="vertrouwenspersoon"),),
    )
    ctx.registry = type(ctx.registry)(decks={deck.id: deck})
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        contacts = str(app.screen.query_one("#practice-contacts", Static).content)
        assert "Vertrouwenspersoon — Vera de Vries, 06-12345678" in contacts
        own = str(app.screen.query_one("#practice-option-feedback", Static).content)
        assert own == feedback["A"]


def _open_card_app(store: Store) -> Host:
    """A practice run of one card that asks for the new hire's own words."""
    open_card = card(1, answer=Answer(kind="open"))
    deck = Deck(DeckInfo("open", "Open", "1"), (Theme("geschenken", "Geschenken"),), (open_card,))
    ctx = make_ctx(store, count=1)
    ctx.registry = type(ctx.registry)(decks={deck.id: deck})
    return Host(ctx, random.Random(1))


async def test_scrub_notice_shows_verwijderd_in_the_page_not_over_it(store: Store) -> None:
    app = _open_card_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        app.screen.query_one("#practice-open", TextArea).text = "Ik mail het naar j.jansen@voorbeeld.nl"
        await pilot.click("#practice-open-done")
        await pilot.pause()
        notice = str(app.screen.query_one("#practice-scrubbed", Static).render())
        assert "je ziet nu [verwijderd]." in notice
        assert not [n for n in app._notifications if "weggehaald" in str(n.message)]


def test_themes_restrict_the_cards_and_the_estimate_grows_with_them() -> None:
    other = replace(card(7), theme="omgang")
    deck = replace(make_deck(), themes=(*make_deck().themes, Theme("omgang", "Omgang")),
                   dilemmas=(*make_deck().dilemmas, other))
    from game.rules.practice import estimate_minutes, practice_themes

    assert [(t.id, t.cards) for t in practice_themes([deck])] == [("geschenken", 4), ("omgang", 1)]
    assert [c.dilemma.id for c in draw_cards([deck], 6, random.Random(1), ["omgang"])] == ["kaart-7"]
    assert len(draw_cards([deck], 6, random.Random(1))) == 5  # none chosen: a mix
    assert estimate_minutes(6) > estimate_minutes(2) > 0


async def test_damaged_team_figures_are_skipped_and_told(store: Store) -> None:
    for i in (1, 2, 3):
        team_session(store, f"kaart-{i}", {"A": 3, "B": 3})
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(store.path)) as conn:  # a damaged cell, as a fault campaign made
        conn.execute("UPDATE rounds SET counts_json = 'not json'")
        conn.commit()
    app = Host(make_ctx(store, count=3), random.Random(2))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.press(screen.card.dilemma.answer.keys[0].lower())
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, PracticeScreen)  # no traceback, the run goes on
        # The store leaves the damaged sessions out: no team figures from them.
        assert not app.screen.query("#practice-bars")


async def test_a_damaged_unfinished_run_is_removed_not_a_traceback(store: Store) -> None:
    sid = store.start_session(
        kind="practice", team=None, participants=1, deck_id="oefendeck", deck_version="2",
        state={"cards": [["oefendeck", "kaart-1"]], "position": "veel", "phase": "answer"},
    )
    app = Host(make_ctx(store, count=2), random.Random(2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert screen.query("#practice-start")  # a fresh start, nothing of the old run
        assert any("beschadigd" in str(n.message) for n in app._notifications)
        assert screen.link.settle(5)
    assert store.get(sid) is None


async def test_after_the_end_nothing_of_the_run_is_left_in_the_files(
    store: Store, tmp_path: Path
) -> None:
    app = _open_card_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        app.screen.query_one("#practice-open", TextArea).text = "GEHEIMOEFEN ik neem het aan"
        await pilot.click("#practice-open-done")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert screen.link.settle(5)
        await pilot.click("#practice-next")
        await pilot.pause()
        assert screen.run is not None
        screen.run.next()  # past the stappenplan
        await screen.show_phase()
        await pilot.pause()
        await pilot.click("#practice-done")
        await pilot.pause()
        await pilot.click("#choice-done")
        await pilot.pause()
        assert screen.link.settle(5)
    store.close()
    folder = Path(store.path).parent
    for path in folder.iterdir():
        if path.name.startswith(Path(store.path).name):
            assert b"GEHEIMOEFEN" not in path.read_bytes(), path.name


async def test_escape_on_the_end_screen_is_klaar_and_the_footer_says_so(store: Store) -> None:
    app = Host(make_ctx(store, count=1), random.Random(2))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _to_end(app, pilot)
        shown = {
            b.binding.key: b.binding.description
            for b in screen.active_bindings.values()
            if b.binding.show
        }
        assert shown.get("escape") == "Klaar"
        await pilot.press("escape")
        await pilot.pause()
        from game.dialogs.choice import ChoiceDialog

        assert isinstance(app.screen, ChoiceDialog)  # the offer to take the recap along


async def test_wis_lists_the_files_a_run_exported_before_a_restart(
    store: Store, tmp_path: Path
) -> None:
    """A walkthrough summary exported, the app closed halfway: the next time the run is
    resumed and wiped, that file is still offered for removal (SPEC §6)."""
    from game.store_link import StoreLink

    out = tmp_path / "downloads"
    out.mkdir()
    summary = out / "stappenplan-kaart-1.html"
    summary.write_text("<p>mijn afweging</p>", encoding="utf-8")
    first = Host(make_ctx(store, count=2), random.Random(2))
    async with first.run_test(size=(120, 36)) as pilot:
        screen = await _answer_all(first, pilot)
        sid = screen.session_id
        # What the walkthrough's summary screen does after saving its file.
        StoreLink.of(first).note_export(sid, summary)
        screen.action_leave()  # Esc: stop for now
        await pilot.pause()
        assert screen.link.settle(5)
    assert sid is not None
    second = Host(make_ctx(store, count=2), random.Random(3))
    async with second.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await second.workers.wait_for_complete()
        await pilot.pause()
        await pilot.click("#practice-resume")
        await pilot.pause()
        resumed = second.screen
        assert isinstance(resumed, PracticeScreen) and resumed.run is not None
        resumed.run.next()  # past the stappenplan
        await resumed.show_phase()
        await pilot.pause()
        await second.workers.wait_for_complete()
        await pilot.click("#practice-wipe")
        await pilot.pause()
        question = str(second.screen.query_one("#choice-question", Static).content)
        assert str(summary) in question
        await pilot.click("#choice-wipe-files")
        await pilot.pause()
        assert resumed.link.settle(5)
    assert not summary.exists()
    assert store.get(sid) is None


def test_exported_files_in_a_runs_state_are_read_safely(store: Store) -> None:
    run = PracticeRun.from_dict({"cards": [["d", "k"]], "exported": ["/a.html", 5, None]})
    assert run.exported == ["/a.html"]
    assert PracticeRun.from_dict({"exported": "/a.html"}).exported == []
    assert PracticeRun.from_dict(run.to_dict()).exported == ["/a.html"]
    # Only a practice run keeps them; a team session's state is left alone.
    team = store.start_session(kind="team", team=None, participants=5, deck_id="d",
                               deck_version="1")
    store.save_state(team, {"position": 1})
    store.note_export(team, "/b.html")
    assert store.state(team) == {"position": 1}
    practice = store.start_session(kind="practice", team=None, participants=1, deck_id="d",
                                   deck_version="1")
    store.save_state(practice, PracticeRun.from_dict({"cards": [["d", "k"]]}).to_dict())
    store.note_export(practice, "/c.html")
    store.note_export(practice, "/c.html")
    assert (store.state(practice) or {}).get("exported") == ["/c.html"]


@pytest.mark.parametrize("answer", ["remove", "keep"])
async def test_klaar_after_meenemen_names_the_files_left_on_the_laptop(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answer: str
) -> None:
    """A shared laptop forgets: after "Meenemen", Klaar says which files are still on this
    computer and offers to remove them (the person has taken them along, or not)."""
    out = tmp_path / "downloads"
    out.mkdir()
    monkeypatch.setattr(game.export, "export_folder", lambda: out)
    app = Host(make_ctx(store, count=2), random.Random(2))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _to_end(app, pilot)
        sid = screen.session_id
        await pilot.click("#practice-take")
        await pilot.pause()
        saved = sorted(out.iterdir())
        assert len(saved) == 2
        await pilot.click("#practice-done")
        await pilot.pause()
        question = str(app.screen.query_one("#choice-question", Static).content)
        assert all(str(path) in question for path in saved), question
        await pilot.click(f"#choice-{answer}")
        await pilot.pause()
        assert app.closed == 1
        assert screen.link.settle(5)
    assert sorted(out.iterdir()) == ([] if answer == "remove" else saved)
    assert sid is not None and store.get(sid) is None
