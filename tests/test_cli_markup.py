"""Printed tables show deck titles and team labels as typed, never as markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from sessions.model import Round
from sessions.store import Store

HOSTILE = "Proef [/] [b]vet[/b] [naam invullen]"


def test_decks_list_shows_a_title_with_brackets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "d.yaml").write_text(
        f"""deck: {{id: haakjes, title: "{HOSTILE}", version: "1"}}
themes: [{{id: t, title: Thema}}]
dilemmas:
  - id: k
    theme: t
    title: Kaart
    situation: Iets gebeurt.
    question: Wat doe je?
    answer: {{kind: open}}
    prompts: [Waarom?, Hoe?]
    guidance: Vraag het na.
    references: [Gedragscode]
""",
        encoding="utf-8",
    )
    assert main(["--decks", str(decks), "decks", "list"]) == 0
    assert HOSTILE in capsys.readouterr().out


def test_sessions_list_shows_a_team_label_with_brackets(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    store = Store.open(isolated_dirs)
    sid = store.start_session(kind="team", team="Team [/b] x", participants=5,
                              deck_id="huizen-basis", deck_version="2026.1")
    store.save_round(sid, 0, Round("k", "t", "hands", {"A": 3, "B": 2}))
    store.close()
    assert main(["sessions", "list"]) == 0
    assert "Team [/b] x" in capsys.readouterr().out
