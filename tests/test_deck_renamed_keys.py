"""Deck versions: `renamed_keys` maps an older version's option keys to today's, checked by
`decks check`, and the report sums the votes of older sessions by what they meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmas.discovery import BUNDLED_DIR
from dilemmas.loader import load_deck, parse_deck
from sessions.model import Revote, Round, SessionRecord
from sessions.report import Period, build_report, build_report_from_store, report_to_json
from sessions.store import Store
from tests.test_deck_loader import BASE

THREE = BASE.replace('version: "1"', 'version: "2"').replace(
    "        - {key: B, text: Terugsturen}\n",
    "        - {key: B, text: Terugsturen}\n        - {key: C, text: Melden}\n")
RENAMED = THREE.replace("themes:\n", 'renamed_keys:\n  "1":\n    kaartjes: {A: C, C: A}\nthemes:\n', 1)


def _problems(text: str) -> list[tuple[int, int, str]]:
    deck, problems = parse_deck(text, "t.yaml")
    return [(p.line, p.column, p.message) for p in problems]


def test_the_mapping_is_loaded_into_the_deck() -> None:
    deck, problems = parse_deck(RENAMED, "t.yaml")
    assert problems == [] and deck is not None
    assert deck.renamed_keys == {"1": {"kaartjes": {"A": "C", "C": "A"}}}
    assert deck.key_map("1", "kaartjes") == {"A": "C", "C": "A"}
    assert deck.key_map("2", "kaartjes") is None


@pytest.mark.parametrize(("block", "line", "column", "message"), [
    ('  "1":\n    kaartje: {A: C, C: A}\n', 7, 5,
     "dilemma 'kaartje' staat niet in dit deck; bedoel je 'kaartjes'?"),
    ('  "1":\n    kaartjes: {A: F, F: A}\n', 7, 19, "'F' is geen optie van 'kaartjes'"),
    ('  "1":\n    kaartjes: {A: C}\n', 7, 15, "moet een verwisseling zijn"),
    ('  "1":\n    kaartjes: {A: C, B: C}\n', 7, 15, "moet een verwisseling zijn"),
    ('  "2":\n    kaartjes: {A: C, C: A}\n', 6, 3, "de versie van dit deck zelf"),
    ('  "1": kaartjes\n', 6, 8, "per dilemma-id een verwisseling"),
], ids=["unknown dilemma", "unknown key", "not a permutation", "two to one", "own version",
        "not a mapping"])
def test_decks_check_says_where_a_mapping_is_wrong(block: str, line: int, column: int,
                                                   message: str) -> None:
    text = THREE.replace("themes:\n", f"renamed_keys:\n{block}themes:\n", 1)
    problems = _problems(text)
    assert any((pl, pc) == (line, column) and message in pm for pl, pc, pm in problems), problems


def test_the_bundled_decks_map_what_2026_2_reordered() -> None:
    deck = load_deck(BUNDLED_DIR / "huizen-basis.yaml")
    assert deck.info.version == "2026.4"
    assert deck.key_map("2026.1", "rijinstructeur-in-de-avond") == {"A": "C", "C": "A"}
    assert len(deck.renamed_keys["2026.1"]) >= 27 + 3  # and the cards 2026.4 replaced besides
    # Cards whose options or story 2026.3 rewrote: older votes can't be compared any more.
    assert deck.key_map("2026.1", "loge-bij-de-voetbal") == {}
    assert deck.key_map("2026.2", "roddels-bij-de-koffie") == {}
    for name, card, swap in (("omgangsvormen", "woord-tegen-woord", {"B": "D", "D": "B"}),
                             ("raad-en-college", "mand-na-werkbezoek", {})):
        assert load_deck(BUNDLED_DIR / f"{name}.yaml").key_map("2026.1", card) == swap


# Cards whose supported option or options changed in 2026.4: votes of every older version
# are left out of their figures.
REPLACED_IN_2026_4 = {
    "huizen-basis": ("vog-niet-binnen", "bus-van-de-zaak-bij-de-verhuizing", "wie-controleer-je-eerst",
                     "raadslid-wil-het-even-weten", "heggenschaar-mee-naar-huis", "grapjes-over-afkomst",
                     # options a reasonable colleague could defend, instead of one plain answer
                     "kerstpakket-op-de-stoep", "klik-hem-even-aan", "nieuw-rekeningnummer-per-mail",
                     "nevenwerk-bij-de-start", "verklaring-vakantiewerker", "ambtseed-afleggen",
                     "salaris-te-hoog", "oud-collega-dubbel-tarief", "zwanger-bij-sollicitatie",
                     "melding-over-jou", "signalen-zorgfraude", "thuiswerken-in-spanje",
                     "niets-gehoord-na-gesprek", "belegger-met-contant-geld"),
    "omgangsvormen": ("grap-van-de-teamleider",),
    "raad-en-college": ("mand-na-werkbezoek", "skybox-bij-de-derby", "commissaris-woningcorporatie",
                        "risico-uit-het-raadsvoorstel", "raadslid-bedreigd",
                        "vermoeden-over-een-collega-raadslid"),
}


@pytest.mark.parametrize("name", sorted(REPLACED_IN_2026_4))
def test_cards_2026_4_rewrote_are_replaced_for_every_older_version(name: str) -> None:
    deck = load_deck(BUNDLED_DIR / f"{name}.yaml")
    assert deck.info.version == "2026.4"
    for card in REPLACED_IN_2026_4[name]:
        for version in ("2026.1", "2026.2", "2026.3"):
            assert deck.key_map(version, card) == {}, (card, version)


def _records() -> list[SessionRecord]:
    old = Round("kaartjes", "geschenken", "hands", {"A": 5, "B": 1, "C": 0},
                (Revote(0, {"A": 1, "B": 0, "C": 5}),))
    new = Round("kaartjes", "geschenken", "hands", {"A": 0, "B": 2, "C": 6})
    return [SessionRecord("s1", "team", "2026-02", None, 6, "proef", "1", (old,), (), True),
            SessionRecord("s2", "team", "2026-03", None, 8, "proef", "2", (new,), (), True)]


def test_the_report_sums_older_votes_by_what_they_meant(tmp_path: Path) -> None:
    deck, _ = parse_deck(RENAMED, "t.yaml")
    assert deck is not None
    decks = {"proef": deck}
    report = build_report(_records(), decks, k=5, period=Period.year(2026))
    # Version 1's A ("Aannemen" then) is today's C: 5 + 6 for C, 0 + 0 for A.
    assert report.dilemmas[0].counts == {"A": 0, "B": 3, "C": 11}
    shift = report_to_json(report)["shifts"][0]
    assert shift["before"]["answers"] == 6
    with Store.open(tmp_path / "data") as store:
        store.import_records(_records())
        fast = build_report_from_store(store, decks, k=5, period=Period.year(2026))
    assert fast == report
    revote = build_report(_records()[:1], decks, k=5, period=Period.year(2026)).shifts[0]
    assert revote.before == {"A": 0, "B": 1, "C": 5} and revote.after == {"A": 5, "B": 0, "C": 1}


REPLACED = THREE.replace("themes:\n", 'renamed_keys:\n  "1":\n    kaartjes: vervangen\nthemes:\n', 1)


def test_a_card_whose_options_changed_meaning_leaves_older_votes_out(tmp_path: Path) -> None:
    """Version 2 gave the card other options under the same letters: summing version 1's
    votes with them would count votes for what nobody voted on."""
    deck, problems = parse_deck(REPLACED, "t.yaml")
    assert problems == [] and deck is not None
    assert deck.key_map("1", "kaartjes") == {}
    decks = {"proef": deck}
    report = build_report(_records(), decks, k=5, period=Period.year(2026))
    card = report.dilemmas[0]
    assert card.counts == {"A": 0, "B": 2, "C": 6}  # version 2's round only
    assert card.played == 2  # the older round still counts as played
    assert report_to_json(report)["shifts"] == []
    with Store.open(tmp_path / "data") as store:
        store.import_records(_records())
        fast = build_report_from_store(store, decks, k=5, period=Period.year(2026))
    assert fast == report


def test_decks_check_names_the_word_for_a_replaced_card() -> None:
    text = THREE.replace("themes:\n", 'renamed_keys:\n  "1":\n    kaartjes: weg\nthemes:\n', 1)
    assert any("'vervangen'" in message for _, _, message in _problems(text))
