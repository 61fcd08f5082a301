"""Deck discovery: bundled, data-folder and extra folders; replacement and skipped decks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dilemmas import discovery
from dilemmas.config import Config
from dilemmas.discovery import discover

FIXTURES = Path(__file__).parent / "fixtures" / "decks"


@pytest.fixture()
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundled-decks folder of our own, so the tests don't depend on the shipped decks."""
    folder = tmp_path / "bundled"
    folder.mkdir()
    shutil.copy(FIXTURES / "valid" / "team.yaml", folder / "team.yaml")
    shutil.copy(FIXTURES / "valid" / "pulse.yaml", folder / "pulse.yaml")
    monkeypatch.setattr(discovery, "BUNDLED_DIR", folder)
    return folder


def _user_decks(data: Path) -> Path:
    folder = data / "decks"
    folder.mkdir(parents=True)
    return folder


def test_bundled_decks_are_found_with_their_source(bundled: Path) -> None:
    registry = discover()
    assert sorted(registry.decks) == ["proef-puls", "proef-team"]
    assert {d.source for d in registry.decks.values()} == {"ingebouwd"}
    assert [d.id for d in registry.team_decks()] == ["proef-team"]
    assert [d.id for d in registry.pulse_decks()] == ["proef-puls"]
    assert registry.invalid == [] and registry.notices == []


def test_user_deck_replaces_bundled_one_with_a_notice(bundled: Path, isolated_dirs: Path) -> None:
    user = _user_decks(isolated_dirs)
    text = (FIXTURES / "valid" / "team.yaml").read_text(encoding="utf-8")
    (user / "eigen.yaml").write_text(text.replace('version: "2026.1"', 'version: "2026.2"'), encoding="utf-8")
    registry = discover()
    deck = registry.get("proef-team")
    assert deck is not None and deck.info.version == "2026.2" and deck.source == "gebruiker"
    assert list(registry.decks) == ["proef-puls", "proef-team"]  # the replacement keeps its place
    assert registry.notices == [f"Het deck 'proef-team' uit {user / 'eigen.yaml'} vervangt het ingebouwde deck."]


def test_invalid_deck_is_skipped_and_the_others_still_load(bundled: Path, isolated_dirs: Path) -> None:
    user = _user_decks(isolated_dirs)
    (user / "kapot.yaml").write_text("deck:\n  id: Kapot\n", encoding="utf-8")
    registry = discover()
    assert sorted(registry.decks) == ["proef-puls", "proef-team"]
    assert [path for path, _ in registry.invalid] == [str(user / "kapot.yaml")]
    assert registry.invalid[0][1][0].line == 1
    assert len(registry.notices) == 1
    notice = registry.notices[0]
    assert notice.startswith(f"Het deck {user / 'kapot.yaml'} is overgeslagen: 3 problemen. Eerste: ")
    assert "integer-spel decks check" in notice


def test_extra_folders_from_config_and_command_line(bundled: Path, tmp_path: Path) -> None:
    from_config = tmp_path / "uit-config"
    from_cli = tmp_path / "uit-cli"
    from_config.mkdir()
    from_cli.mkdir()
    text = (FIXTURES / "valid" / "team.yaml").read_text(encoding="utf-8")
    (from_config / "a.yaml").write_text(text.replace("id: proef-team", "id: uit-config"), encoding="utf-8")
    (from_cli / "b.yml").write_text(text.replace("id: proef-team", "id: uit-cli"), encoding="utf-8")
    registry = discover([from_cli, tmp_path / "bestaat-niet"], Config(deck_dirs=(from_config,)))
    assert registry.decks["uit-config"].source == "map"
    assert registry.decks["uit-cli"].source == "map"
    assert registry.notices == [f"De map met decks {tmp_path / 'bestaat-niet'} bestaat niet; die wordt overgeslagen."]


def test_find_dilemma(bundled: Path) -> None:
    registry = discover()
    found = registry.find_dilemma("bijbaan")
    assert found is not None and found[0].id == "proef-team" and found[1].title == "Een bijbaan als adviseur"
    assert registry.find_dilemma("kent-vertrouwenspersoon") is None  # pulse questions are not cards
    assert registry.find_dilemma("kent-vertrouwenspersoon", "proef-puls") is not None
    assert registry.find_dilemma("bijbaan", "bestaat-niet") is None


def test_shipped_decks_load_without_problems() -> None:
    registry = discover()
    assert registry.invalid == [], registry.notices


def test_a_utf16_deck_in_the_decks_folder_is_skipped_at_once() -> None:
    import time

    from dilemmas import paths
    from dilemmas.discovery import discover

    folder = paths.user_decks_dir()
    folder.mkdir(parents=True)
    bundled = sorted((Path(__file__).parents[1] / "dilemmas" / "decks").glob("*.yaml"))[0]
    (folder / "unicode.yaml").write_bytes(bundled.read_text(encoding="utf-8").encode("utf-16"))
    start = time.perf_counter()
    registry = discover()
    assert time.perf_counter() - start < 2
    assert "UTF-16" in registry.invalid[0][1][0].message


def test_a_deck_with_many_problems_keeps_the_first_and_counts_all(isolated_dirs: Path) -> None:
    from dilemmas import paths
    from dilemmas.discovery import KEPT_PROBLEMS, discover

    folder = paths.user_decks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    broken = folder / "veel.yaml"
    broken.write_text('deck: {id: veel, title: Veel, version: "1"}\nthemes: [{id: a, title: A}]\n'
                      "dilemmas:\n" + "  - 1\n" * 5_000, encoding="utf-8")
    registry = discover()
    [(path, problems)] = registry.invalid
    assert len(problems) == KEPT_PROBLEMS and registry.problem_count(path) == 5_000
    assert [p.line for p in problems] == list(range(4, 4 + KEPT_PROBLEMS))
    assert any("overgeslagen: 5.000 problemen" in notice for notice in registry.notices)
