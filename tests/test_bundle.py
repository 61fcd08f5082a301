"""Session bundles: the exact format, round trips, and bad bundles that change nothing."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from sessions.bundle import (
    BundleError,
    export_bundle,
    import_bundles,
    load_bundle,
    parse_bundle,
    write_bundle,
)
from sessions.model import PulseAnswer, Revote, Round, SessionRecord
from sessions.store import DB_NAME, Store
from tests.factories import UUID_A
from tests.factories import bundle_doc as _bundle
from tests.factories import bundle_session as _session

UUID_B = "11111111-2222-4333-8444-555555555555"


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _snapshot(folder: Path) -> tuple[str, list[str]]:
    """The store file's bytes (hashed) and its content, with no connection left open."""
    path = folder / DB_NAME
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    conn = sqlite3.connect(path)
    try:
        dump = list(conn.iterdump())
    finally:
        conn.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    return digest, dump


@pytest.fixture
def filled(isolated_dirs: Path, tmp_path: Path) -> Path:
    """A store with two team sessions and a practice run; returns the data folder."""
    store = Store.open()
    store.import_records(parse_bundle(_bundle(_session(), _session(id=UUID_B, month="2025-04")), "x"))
    sid = store.start_session(kind="practice", team=None, participants=1, deck_id="huizen-basis",
                              deck_version="2026.1", month="2026-11")
    store.save_round(sid, 0, Round("concertkaartjes", "geschenken", "hands", {"A": 1}))
    store.close()
    return isolated_dirs


# -- export ---------------------------------------------------------------------------------


def test_export_is_the_format_of_spec_section_7(filled: Path) -> None:
    store = Store.open()
    bundle = export_bundle(store)
    store.close()
    assert bundle["format"] == "integer-spel-bundle" and bundle["version"] == 1
    assert bundle["exported_at"].endswith("-01T00:00:00Z")  # month, not day
    assert [s["id"] for s in bundle["sessions"]] == [UUID_B, UUID_A]  # oldest month first
    assert bundle["sessions"][1] == _session(rounds=[
        _session()["rounds"][0],
        {"dilemma": "open-vraag", "theme": "melden", "vote": "none", "revotes": [],
         "minutes": None, "note": None},
    ])


def test_practice_runs_never_travel(filled: Path) -> None:
    store = Store.open()
    assert all(s["kind"] == "team" for s in export_bundle(store)["sessions"])
    assert len(export_bundle(store)["sessions"]) == 2
    store.close()


def test_export_since(filled: Path) -> None:
    store = Store.open()
    assert [s["id"] for s in export_bundle(store, since="2026-01")["sessions"]] == [UUID_A]
    store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_export_file_is_private(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "bundel.json"
    assert main(["bundle", "export", "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert len(json.loads(out.read_text(encoding="utf-8"))["sessions"]) == 2


def test_export_to_stdout(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "export", "--since", "2026-01-15"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["month"] for s in data["sessions"]] == ["2026-11"]


def test_export_to_an_unwritable_place(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "export", "-o", str(tmp_path / "geen-map" / "b.json")]) == 1
    assert "geen-map bestaat niet" in capsys.readouterr().err


# -- import ---------------------------------------------------------------------------------


def test_import_then_reimport_changes_nothing(isolated_dirs: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "b.json", _bundle(_session(), _session(id=UUID_B)))
    assert main(["bundle", "import", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "2 sessies toegevoegd, 0 overgeslagen (al aanwezig)."
    before = _snapshot(isolated_dirs)
    assert main(["bundle", "import", str(path), str(path)]) == 0
    assert capsys.readouterr().out.strip() == "0 sessies toegevoegd, 4 overgeslagen (al aanwezig)."
    assert _snapshot(isolated_dirs)[1] == before[1]


def test_partly_duplicate_bundle(isolated_dirs: Path, tmp_path: Path) -> None:
    store = Store.open()
    import_bundles(store, [_write(tmp_path / "a.json", _bundle(_session()))])
    result = import_bundles(store, [_write(tmp_path / "b.json", _bundle(_session(), _session(id=UUID_B)))])
    assert (result.added, result.skipped) == (1, 1)
    assert result.message() == "1 sessie toegevoegd, 1 overgeslagen (al aanwezig)."
    assert len(store.list_sessions()) == 2
    store.close()


def test_imported_notes_and_labels_are_scrubbed_again(isolated_dirs: Path, tmp_path: Path) -> None:
    s = _session(team="Team 06-12345678")
    s["rounds"][0]["note"] = "Mail piet@huizen.nl"
    store = Store.open()
    import_bundles(store, [_write(tmp_path / "b.json", _bundle(s))])
    record = store.get(UUID_A)
    assert record is not None
    assert record.team == "Team [verwijderd]"
    assert record.rounds[0].note == "Mail [verwijderd]"
    store.close()


def test_imported_unfinished_sessions_are_not_offered_for_resuming(isolated_dirs: Path, tmp_path: Path) -> None:
    store = Store.open()
    import_bundles(store, [_write(tmp_path / "b.json", _bundle(_session(completed=False)))])
    assert store.unfinished() is None
    record = store.get(UUID_A)
    assert record is not None and not record.completed
    store.close()


def test_counts_keys_are_not_checked_against_decks(isolated_dirs: Path, tmp_path: Path) -> None:
    s = _session(deck={"id": "onbekend-deck", "version": "9"})
    s["rounds"][0]["counts"] = {"Z": 2, "7": 1}
    store = Store.open()
    assert import_bundles(store, [_write(tmp_path / "b.json", _bundle(s))]).added == 1
    store.close()


def _bad(mutate: Any) -> dict[str, Any]:
    b = _bundle(_session(), _session(id=UUID_B))
    mutate(b)
    return b


def _set(path: str, value: Any) -> Any:
    def mutate(b: dict[str, Any]) -> None:
        target: Any = b
        keys = path.split("/")
        for k in keys[:-1]:
            target = target[int(k)] if isinstance(target, list) else target[k]
        last = keys[-1]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return mutate


BAD: list[tuple[str, bytes | None, Any, str]] = [
    ("empty", b"", None, "het bestand is leeg"),
    ("whitespace", b"  \n ", None, "het bestand is leeg"),
    ("not JSON", b"dit is geen json", None, "ongeldige JSON"),
    ("not UTF-8", b'{"format": "\xff"}', None, "geen UTF-8"),
    ("a list", b"[1, 2]", None, "moet een object"),
    ("wrong format", None, _set("format", "iets-anders"), "format: dit is geen bundel"),
    ("newer version", None, _set("version", 3), "version: versie 3 is gemaakt met een nieuwere versie"),
    ("version as text", None, _set("version", "1"), "version: onbekende versie"),
    ("no sessions", None, lambda b: b.pop("sessions"), "sessions: moet een lijst"),
    ("negative count", None, _set("sessions/1/rounds/0/counts/B", -1),
     "sessions[1].rounds[0].counts.B: moet een geheel getal van 0 of meer zijn"),
    ("fractional count", None, _set("sessions/0/rounds/0/counts/A", 1.5),
     "sessions[0].rounds[0].counts.A: moet een geheel getal van 0 of meer zijn"),
    ("count as text", None, _set("sessions/0/rounds/0/counts/A", "3"),
     "sessions[0].rounds[0].counts.A: moet een geheel getal"),
    ("count as bool", None, _set("sessions/0/rounds/0/counts/A", True),
     "sessions[0].rounds[0].counts.A: moet een geheel getal"),
    ("negative revote count", None, _set("sessions/0/rounds/0/revotes/0/counts/C", -2),
     "sessions[0].rounds[0].revotes[0].counts.C"),
    ("negative pulse count", None, _set("sessions/0/pulse/0/counts/ja", -4),
     "sessions[0].pulse[0].counts.ja"),
    ("month 13", None, _set("sessions/0/month", "2026-13"), "sessions[0].month: moet een bestaande maand"),
    ("month 00", None, _set("sessions/0/month", "2026-00"), "sessions[0].month"),
    ("a day", None, _set("sessions/0/month", "2026-11-22"), "sessions[0].month"),
    ("month as words", None, _set("sessions/0/month", "november"), "sessions[0].month"),
    ("practice run", None, _set("sessions/1/kind", "practice"), "sessions[1].kind: moet team zijn"),
    ("no participants", None, _set("sessions/0/participants", 0), "sessions[0].participants"),
    ("participants as bool", None, _set("sessions/0/participants", True), "sessions[0].participants"),
    ("more votes than people", None, _set("sessions/0/rounds/0/counts/A", 30),
     "sessions[0].rounds[0].counts: samen 36 stemmen, meer dan de 9 deelnemers"),
    ("bad vote mode", None, _set("sessions/0/rounds/0/vote", "hand"), "sessions[0].rounds[0].vote"),
    ("bad id", None, _set("sessions/0/id", "1; DROP TABLE sessions"), "sessions[0].id: moet een UUID"),
    ("duplicate id", None, _set("sessions/1/id", UUID_A.upper()), "sessions[1].id: staat dubbel"),
    ("no deck", None, lambda b: b["sessions"][0].pop("deck"), "sessions[0].deck"),
    ("completed as text", None, _set("sessions/0/completed", "ja"), "sessions[0].completed"),
    ("negative minutes", None, _set("sessions/0/rounds/1/minutes", -5), "sessions[0].rounds[1].minutes"),
    ("huge number", None, _set("sessions/0/participants", 10**30), "sessions[0].participants"),
]


@pytest.mark.parametrize(("name", "raw", "mutate", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_bundle_changes_nothing(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    name: str, raw: bytes | None, mutate: Any, message: str) -> None:
    good = _write(tmp_path / "goed.json", _bundle(_session(id="99999999-2222-4333-8444-555555555555")))
    bad = tmp_path / "slecht.json"
    if raw is not None:
        bad.write_bytes(raw)
    else:
        _write(bad, _bad(mutate))
    before = _snapshot(filled)
    assert main(["bundle", "import", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Er is niets geïmporteerd" in captured.err
    assert str(bad) in captured.err
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert _snapshot(filled) == before


def test_truncated_bundle_changes_nothing(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(_bundle(*[_session(id=f"{i:08d}-2222-4333-8444-555555555555") for i in range(50)]))
    before = _snapshot(filled)
    for cut in (1, len(text) // 3, len(text) // 2, len(text) - 1):
        path = tmp_path / f"kapot-{cut}.json"
        path.write_text(text[:cut], encoding="utf-8")
        assert main(["bundle", "import", str(path)]) == 1
        assert "afgebroken" in capsys.readouterr().err
        assert _snapshot(filled) == before


def test_every_problem_is_reported(tmp_path: Path) -> None:
    b = _bundle(_session(month="2026-13"), _session(id=UUID_B, participants=-1))
    with pytest.raises(BundleError) as exc:
        parse_bundle(b, "b.json")
    assert len(exc.value.problems) == 2
    assert str(exc.value).startswith("b.json: sessie 1 (Publiekszaken): sessions[0].month:")


def test_many_problems_are_cut_short() -> None:
    sessions = [_session(id=f"{i:08d}-2222-4333-8444-555555555555", month="x") for i in range(25)]
    with pytest.raises(BundleError) as exc:
        parse_bundle(_bundle(*sessions), "b.json")
    assert len(exc.value.problems) == 25
    assert str(exc.value).splitlines()[-1] == "… en nog 15 problemen."


def test_missing_file(isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "import", str(tmp_path / "nergens.json")]) == 1
    assert "kan het bestand niet lezen" in capsys.readouterr().err


# -- round trip -----------------------------------------------------------------------------

_keys = st.sampled_from(["A", "B", "C", "D", "1", "2", "ja", "nee"])
_counts = st.dictionaries(_keys, st.integers(0, 3), max_size=4)
_text = st.text(alphabet="abc xyz06-@.12", max_size=30)
_rounds = st.builds(
    Round,
    dilemma=st.from_regex(r"[a-z]{1,8}", fullmatch=True),
    theme=st.from_regex(r"[a-z]{0,8}", fullmatch=True),
    vote=st.sampled_from(["hands", "secret", "none"]),
    counts=st.none() | _counts,
    revotes=st.lists(st.builds(Revote, st.integers(0, 4), _counts), max_size=2).map(tuple),
    minutes=st.none() | st.integers(0, 90),
    note=st.none() | _text,
)
_records = st.builds(
    SessionRecord,
    id=st.uuids().map(str),
    kind=st.just("team"),
    month=st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2020, 2030), st.integers(1, 12)),
    team=st.none() | st.from_regex(r"[A-Za-z][A-Za-z ]{0,15}[A-Za-z]", fullmatch=True),
    participants=st.integers(13, 40),
    deck_id=st.sampled_from(["huizen-basis", "eigen"]),
    deck_version=st.sampled_from(["2026.1", "1"]),
    rounds=st.lists(_rounds, max_size=4).map(tuple),
    pulse=st.lists(st.builds(PulseAnswer, st.sampled_from(["q1", "q2"]), _counts), max_size=2).map(tuple),
    completed=st.booleans(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_records, max_size=5, unique_by=lambda r: r.id))
def test_round_trip(records: list[SessionRecord]) -> None:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        first = Store.open(Path(a))
        first.import_records(records)
        path = Path(a) / "bundel.json"
        write_bundle(export_bundle(first), path)
        second = Store.open(Path(b))
        result = import_bundles(second, [path])
        assert (result.added, result.skipped) == (len(records), 0)
        # Within a month a bundle keeps no playing order (issue 12): compare as sets.
        def key(r: SessionRecord) -> tuple[str, str]:
            return r.month, r.id

        assert sorted(second.list_sessions(), key=key) == sorted(first.list_sessions(), key=key)
        # What came in is exported again the same way.
        again = Path(b) / "again.json"
        write_bundle(export_bundle(second), again)
        assert load_bundle(again) == load_bundle(path)
        assert import_bundles(second, [path]).added == 0
        first.close()
        second.close()


def test_record_order_and_content_survive(tmp_path: Path) -> None:
    data = _bundle(_session())
    records = parse_bundle(copy.deepcopy(data), "b.json")
    assert records[0].rounds[0].revotes == (Revote(0, {"A": 1, "B": 7, "C": 1}),)
    assert records[0].rounds[1].counts is None
    assert records[0].pulse == (PulseAnswer("kent-vertrouwenspersoon", {"ja": 4, "nee": 5}),)


# The quick path for valid rounds must agree with the full check wherever it accepts.
_any_value = st.one_of(st.none(), st.booleans(), st.integers(-2, 12), st.floats(allow_nan=False),
                       st.text(max_size=3), st.lists(st.integers(0, 3), max_size=2))
_count_maps = st.one_of(_any_value, st.dictionaries(st.sampled_from(["A", "B", "1"]),
                                                    st.one_of(st.integers(-1, 6), _any_value), max_size=3))
_raw_rounds = st.fixed_dictionaries(
    {},
    optional={
        "dilemma": st.one_of(st.sampled_from(["k", " ", ""]), _any_value),
        "theme": st.one_of(st.sampled_from(["t", ""]), _any_value),
        "vote": st.one_of(st.sampled_from(["hands", "secret", "none", "hand"]), _any_value),
        "counts": _count_maps,
        "revotes": st.one_of(_any_value, st.lists(st.one_of(_any_value, st.fixed_dictionaries(
            {}, optional={"variation": _any_value, "counts": _count_maps})), max_size=2)),
        "minutes": _any_value,
        "note": _any_value,
    },
)




def test_a_problem_names_the_session_a_coordinator_can_ask_about() -> None:
    """A hand-edited count: the message says which session it is in plain words (its
    number, team and month), beside the place in the file for whoever edits it."""
    doc = _bundle(_session())
    doc["sessions"][0]["rounds"][0]["counts"]["B"] = 60
    with pytest.raises(BundleError) as caught:
        parse_bundle(doc, "b.json")
    (problem,) = caught.value.problems
    assert problem.startswith("b.json: sessie 1 (Publiekszaken, november 2026): ")
    assert "sessions[0].rounds[0].counts: samen 64 stemmen, meer dan de 9 deelnemers" in problem
