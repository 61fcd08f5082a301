"""A guess at what the author meant ("bedoel je 'grappen'?") ends its sentence: no full
stop after the question mark, in `decks check` or in the notice of a skipped deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmas.discovery import skip_notice
from dilemmas.errors import end_sentence
from dilemmas.loader import check_file_kept
from game.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "decks"
TEAM = (FIXTURES / "valid" / "team.yaml").read_text(encoding="utf-8")


def test_a_misspelt_theme_gets_the_guess_and_then_the_themes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(TEAM.replace("    theme: geschenken", "    theme: geschenkn"), encoding="utf-8")
    assert main(["decks", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "thema 'geschenkn' staat niet onder 'themes'; bedoel je 'geschenken'? De thema's van dit deck: " in out
    assert "?." not in out


def test_a_theme_without_a_guess_still_ends_its_sentence(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(TEAM.replace("    theme: geschenken", "    theme: sport"), encoding="utf-8")
    assert main(["decks", "check", str(path)]) == 1
    assert "thema 'sport' staat niet onder 'themes'. De thema's van dit deck: " in capsys.readouterr().out


def test_the_skip_notice_does_not_put_a_full_stop_after_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(TEAM.replace("audience: [team, nieuw]", "audience: [team, nieuww]"), encoding="utf-8")
    _, problems, total = check_file_kept(path, keep=50)
    assert problems[0].message.endswith("?")
    notice = skip_notice(str(path), problems, total)
    assert "?." not in notice and "? Controleer het met: integer-spel decks check" in notice


@pytest.mark.parametrize(("text", "ended"), [
    ("bedoel je 'x'?", "bedoel je 'x'?"),
    ("kijk uit!", "kijk uit!"),
    ("klaar.", "klaar."),
    ("onbekende sleutel 'y'", "onbekende sleutel 'y'."),
])
def test_end_sentence(text: str, ended: str) -> None:
    assert end_sentence(text) == ended
