"""Toggles show their state by a mark, not by colour alone (beamers, colour-blind users)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Checkbox, RadioButton, RadioSet, SelectionList

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.widgets.toggles import (
    MarkedCheckbox,
    MarkedRadioButton,
    MarkedSelectionList,
    WrappingCheckbox,
    WrappingRadioButton,
)
from tests.factories import make_ctx

SIZE = (120, 36)


def screen_lines(app: Any) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def line_with(lines: list[str], text: str) -> str:
    found = [line for line in lines if text in line]
    assert len(found) == 1, f"{text!r} on {len(found)} lines"
    return found[0]


class Toggles(App[None]):
    def compose(self) -> ComposeResult:
        with RadioSet():
            yield MarkedRadioButton("Een", value=True, id="een")
            yield MarkedRadioButton("Twee", id="twee")
        yield MarkedCheckbox("Vinkje", id="vinkje")
        yield MarkedSelectionList[str](("Rood", "rood", True), ("Blauw", "blauw"), id="lijst")


async def test_marks_follow_the_value() -> None:
    app = Toggles()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert "▐●▌ Een" in line_with(lines, "Een")
        assert "▐ ▌ Twee" in line_with(lines, "Twee")
        assert "▐ ▌ Vinkje" in line_with(lines, "Vinkje")
        assert "▐✓▌ Rood" in line_with(lines, "Rood")
        assert "▐ ▌ Blauw" in line_with(lines, "Blauw")
        app.query_one("#twee", RadioButton).value = True
        app.query_one("#vinkje", Checkbox).value = True
        selection = app.query_one("#lijst", SelectionList)
        selection.deselect("rood")
        selection.select("blauw")
        await pilot.pause()
        lines = screen_lines(app)
        assert "▐ ▌ Een" in line_with(lines, "Een")
        assert "▐●▌ Twee" in line_with(lines, "Twee")
        assert "▐✓▌ Vinkje" in line_with(lines, "Vinkje")
        assert "▐ ▌ Rood" in line_with(lines, "Rood")
        assert "▐✓▌ Blauw" in line_with(lines, "Blauw")


async def test_setup_screen_shows_the_chosen_order_and_vote_mode_without_colour(
    isolated_dirs: Path,
) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#order-board", RadioButton).value = True
        screen.query_one("#vote-secret", RadioButton).value = True
        screen.query_one("#setup-themes", SelectionList).select("nevenwerk")
        await pilot.pause()
        screen.query_one("#setup-vote").scroll_visible(animate=False)
        await pilot.pause()
        lines = screen_lines(app)
        # Order and vote mode sit side by side: check each half of the line.
        chosen = {
            "Geschud": False,
            "Op volgorde van het deck": False,
            "Kiezen op het themabord": True,
            "Handen tellen": False,
            "Geheime stemming": True,
            "Geen stemming": False,
        }
        for label, on in chosen.items():
            line = line_with(lines, label)
            mark = line[line.index(label) - 3 : line.index(label) - 1]
            assert mark == ("●▌" if on else " ▌"), (label, line)
        assert "▐●▌ Aantal dilemma's" in line_with(lines, "Aantal dilemma's")
        assert "▐ ▌ Aantal minuten" in line_with(lines, "Aantal minuten")
        assert "▐✓▌ Nevenwerkzaamheden" in line_with(lines, "Nevenwerkzaamheden")
        assert "▐ ▌ Omgaan met informatie" in line_with(lines, "Omgaan met informatie")


async def test_every_toggle_in_the_app_is_a_marked_one(isolated_dirs: Path) -> None:
    """The report's checkboxes too; plain Textual toggles would show state by colour only."""
    from game.screens.report import ReportScreen

    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="menu"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ReportScreen())
        await pilot.pause()
        boxes = list(app.screen.query(Checkbox))
        assert boxes and all(isinstance(box, MarkedCheckbox) for box in boxes)


class LongToggles(App[None]):
    CSS = """
    RadioSet, WrappingCheckbox { width: 30; }
    WrappingRadioButton, WrappingCheckbox { width: 30; height: auto; text-wrap: wrap; }
    """

    def compose(self) -> ComposeResult:
        with RadioSet():
            yield WrappingRadioButton("Ik zeg het cadeau vriendelijk af en leg uit waarom",
                                      id="lang")
            yield WrappingRadioButton("Kort", id="kort")
        yield WrappingCheckbox("Ik kan dit besluit uitleggen aan mijn leidinggevende",
                               id="vink")


async def test_a_long_label_wraps_under_its_own_text() -> None:
    """A wrapped option in the stappenplan keeps a hanging indent: its next lines start under
    the text, not under the mark, so the options stay apart at 80×24."""
    app = LongToggles()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        first = line_with(lines, "Ik zeg")
        mark, start = first.index("▐"), first.index("Ik zeg")
        following = lines[lines.index(first) + 1]
        assert following[mark:start].strip() == "", following
        assert following[start] != " ", following
        assert app.query_one("#lang").size.height >= 2
        assert app.query_one("#kort").size.height == 1
        box = line_with(lines, "Ik kan")
        mark, start = box.index("▐"), box.index("Ik kan")
        following = lines[lines.index(box) + 1]
        assert following[mark:start].strip() == "" and following[start] != " ", following
