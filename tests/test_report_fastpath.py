"""build_report_from_store gives exactly the report build_report gives over list_sessions."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.gen_bundle import generate
from dilemmas.config import Config
from dilemmas.discovery import discover
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from sessions.bundle import parse_bundle
from sessions.model import OwnCase, PulseAnswer, Revote, Round, SessionRecord
from sessions.report import Period, build_report, build_report_from_store, report_to_json
from sessions.store import Store


@pytest.fixture
def bundled_decks() -> Mapping[str, Deck]:
    return discover([], Config()).decks


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


def _same(store: Store, decks: Mapping[str, Deck], k: int, period: Period,
          with_notes: bool = False) -> None:
    slow = build_report(store.list_sessions(kind=None), decks, k=k, period=period,
                        with_notes=with_notes)
    fast = build_report_from_store(store, decks, k=k, period=period, with_notes=with_notes)
    assert report_to_json(fast) == report_to_json(slow)
    assert fast == slow  # every figure, label and note, not only what the JSON shows


PERIODS = [Period("2000-01", "2099-12"), Period.year(2025), Period("2025-05", "2026-02"),
           Period("2026-04", "2026-04"), Period("2030-01", "2030-12")]


@pytest.mark.parametrize("seed", [1, 2, 3, 7])
def test_generated_sessions_give_the_same_report(
    store: Store, bundled_decks: Mapping[str, Deck], seed: int
) -> None:
    store.import_records(parse_bundle(generate(400, seed=seed), "gen"))
    for period in PERIODS:
        # k = 5 hides little; k = 40 and 150 hide many dilemmas, shifts and pulse quarters.
        for k in (5, 40, 150):
            _same(store, bundled_decks, k, period)
    _same(store, bundled_decks, 5, PERIODS[0], with_notes=True)
    _same(store, {}, 40, PERIODS[0], with_notes=True)  # no decks installed: ids stand in


def test_suppression_and_pulse_quarters_are_exercised(
    store: Store, bundled_decks: Mapping[str, Deck]
) -> None:
    # Every generated round and pulse tally is a group below 150: none of them enters a sum.
    store.import_records(parse_bundle(generate(400, seed=7), "gen"))
    report = build_report_from_store(store, bundled_decks, k=150, period=PERIODS[0])
    assert report.dilemmas and all(f.counts is None and f.answers == 0 for f in report.dilemmas)
    assert not report.pulse and all(s.before is None for s in report.shifts)
    shown = build_report_from_store(store, bundled_decks, k=5, period=PERIODS[0])
    assert any(f.counts is not None for f in shown.dilemmas)
    assert any(q.counts is not None for p in shown.pulse for q in p.quarters)


# Odd but valid data: shared themes, a dilemma under two themes, empty tallies, re-votes that
# repeat a variation, sessions without rounds, practice sessions, labels that differ in case.
_keys = st.sampled_from(["A", "B", "C", "1", "2", "01", "ja"])
_counts = st.dictionaries(_keys, st.integers(0, 9), max_size=4)
_notes = st.none() | st.sampled_from(["", "  ", "Goed gesprek.", " Nog eens over praten "])
_rounds = st.builds(
    Round,
    dilemma=st.sampled_from(["d1", "d2", "d3"]),
    theme=st.sampled_from(["t1", "t2"]),
    vote=st.sampled_from(["hands", "secret", "none"]),
    counts=st.none() | _counts,
    revotes=st.lists(st.builds(Revote, st.integers(0, 2), _counts), max_size=3).map(tuple),
    note=_notes,
    blanco=st.integers(0, 3),
) | st.builds(  # an eigen casus: under a deck theme or its own, titles typed alike or not
    Round,
    dilemma=st.sampled_from(["eigen-1", "eigen-2"]),
    theme=st.sampled_from(["t1", "eigen-casus"]),
    vote=st.sampled_from(["hands", "secret"]),
    counts=st.none() | _counts,
    note=_notes,
    blanco=st.integers(0, 2),
    own=st.builds(OwnCase, st.sampled_from(["Het lek", "het  lek", "Budget", ""]),
                  st.just("Wat doe je?")),
)
_records = st.builds(
    SessionRecord,
    id=st.uuids().map(str),
    kind=st.sampled_from(["team", "team", "practice"]),
    month=st.sampled_from(["2025-12", "2026-01", "2026-02", "2026-05", "2026-11"]),
    team=st.none() | st.sampled_from(["Team A", " team a", "Inkoop", "   "]),
    participants=st.integers(1, 30),
    deck_id=st.sampled_from(["x", "y"]),
    deck_version=st.sampled_from(["1", "0"]),  # deck x renamed keys since version 0
    rounds=st.lists(_rounds, max_size=5).map(tuple),
    pulse=st.lists(st.builds(PulseAnswer, st.sampled_from(["q1", "q2"]), _counts),
                   max_size=2).map(tuple),
    completed=st.booleans(),
)


def _small_decks() -> dict[str, Deck]:
    """Decks x and y share theme t1 under different titles (which deck a theme is taken
    from shows); d1 is a choice in x and a scale in y; d3 and pulse question q2 are missing."""
    abc = Answer("choice", (Option("A", "Aa"), Option("B", "Bb"), Option("C", "Cc")))
    x = Deck(DeckInfo("x", "X", "1"), (Theme("t1", "Thema een (x)"), Theme("t2", "Thema twee")),
             (Dilemma("d1", "t1", "Een", "…", "?", abc, variations=("Als één", "Als twee")),
              Dilemma("d2", "t2", "Twee", "…", "?", abc)),
             renamed_keys={"0": {"d1": {"A": "C", "C": "A"}, "d2": {"A": "B", "B": "A"}}})
    y = Deck(DeckInfo("y", "Y", "1"), (Theme("t1", "Thema een (y)"),),
             (Dilemma("d1", "t1", "Een (y)", "…", "?", Answer("scale", points=5)),))
    pulse = Deck(DeckInfo("p", "P", "1", kind="pulse"), (Theme("m", "M"),),
                 (Dilemma("q1", "m", "Vraag", "…", "Weet je het?",
                          Answer("choice", (Option("ja", "Ja"), Option("nee", "Nee")))),))
    return {"x": x, "y": y, "p": pulse}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_records, max_size=12, unique_by=lambda r: r.id), st.integers(1, 12),
       st.booleans())
def test_any_sessions_give_the_same_report(
    records: list[SessionRecord], k: int, with_notes: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder)) as store:
        store.import_records(records)
        for period in (Period("2025-01", "2026-12"), Period.year(2026),
                       Period("2026-02", "2026-05")):
            _same(store, {}, k, period, with_notes)
            _same(store, _small_decks(), k, period, with_notes)


def test_keys_that_sort_alike_fall_back_to_the_records(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "1" and "01" sort alike: their order is the order they were first played in, which
    # is not the order of the session ids the store reads the rounds in.
    for sid, month, first in (("1", "2026-02", {"01": 2, "2": 3}), ("2", "2026-01", {"1": 4})):
        store.import_records([SessionRecord(
            f"00000000-0000-4000-8000-00000000000{sid}", "team", month, None, 9, "x", "1",
            (Round("d", "t", "hands", first),),
        )])
    calls: list[object] = []
    listing = store.list_sessions

    def counted(*args: Any, **kwargs: Any) -> list[SessionRecord]:
        calls.append(args)
        return listing(*args, **kwargs)

    monkeypatch.setattr(store, "list_sessions", counted)
    fast = build_report_from_store(store, {}, k=1, period=Period.year(2026))
    assert calls  # the exact path was taken
    assert list(fast.dilemmas[0].counts or {}) == ["1", "01", "2"]
    monkeypatch.undo()
    _same(store, {}, 1, Period.year(2026))
