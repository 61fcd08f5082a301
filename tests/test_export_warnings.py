"""Where a file with exact tallies is made, the maker is told who may see it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from sessions.model import Round, SessionRecord
from sessions.store import Store


def _imported(participants: int, counts: dict[str, int]) -> str:
    store = Store.open()
    record = SessionRecord(id="1d0c0b8e-0000-4000-8000-000000000001", kind="team",
                           month="2026-03", team="Griffie", participants=participants,
                           deck_id="huizen-basis", deck_version="2026.1",
                           rounds=(Round("kerstpakket", "geschenken", "secret", counts),),
                           completed=True)
    store.import_records([record])
    store.close()
    return record.id


def test_exporting_an_imported_small_teams_session_warns(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = _imported(3, {"A": 2, "B": 1})
    assert main(["sessions", "export", sid[:8], "-o", str(tmp_path / "s.md")]) == 0
    err = capsys.readouterr().err
    assert "minder dan 5 mensen" in err and "deel haar niet" in err


def test_exporting_a_large_or_own_session_has_no_warning(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = _imported(9, {"A": 5, "B": 4})
    assert main(["sessions", "export", sid[:8], "-o", str(tmp_path / "s.md")]) == 0
    assert "Let op" not in capsys.readouterr().err
    store = Store.open()
    own = store.start_session(kind="team", team="Klein", participants=3, deck_id="huizen-basis",
                              deck_version="2026.1")
    store.save_round(own, 0, Round("kerstpakket", "geschenken", "secret", {"A": 2, "B": 1}))
    store.complete(own)
    store.close()
    assert main(["sessions", "export", own[:8], "-o", str(tmp_path / "t.md")]) == 0
    assert "Let op" not in capsys.readouterr().err  # the team's own summary, made here


def test_bundle_export_says_it_holds_every_teams_exact_tallies(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _imported(9, {"A": 5, "B": 4})
    assert main(["bundle", "export", "-o", str(tmp_path / "b.json")]) == 0
    assert "precieze stemmen van elk team" in capsys.readouterr().err
