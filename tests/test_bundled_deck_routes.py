"""Routes on the bundled cards: every contact id is one the default config knows, and each
kind of problem sends people to its own route (misstand, agressie, ondermijning, Woo, zorg,
discriminatie, formele klacht; the raad to the griffier and the burgemeester)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmas.loader import load_deck
from dilemmas.model import Deck, Dilemma

DECKS_DIR = Path(__file__).resolve().parent.parent / "dilemmas" / "decks"

# The contact ids the default config offers (agreed for the config's DEFAULT_CONTACTS).
AGREED_CONTACT_IDS = (
    "vertrouwenspersoon", "leidinggevende", "p-en-o", "meldpunt", "privacy",
    "huis-voor-klokkenluiders", "agressie", "ondermijning", "woo", "toezicht-wmo",
    "antidiscriminatie", "klachtencommissie", "informatiebeveiliging", "griffier", "burgemeester",
)
MISSTAND = "Regeling melding vermoeden misstand"


@pytest.fixture(scope="module")
def decks() -> dict[str, Deck]:
    return {path.stem: load_deck(path, "ingebouwd") for path in sorted(DECKS_DIR.glob("*.yaml"))}


def _cards(decks: dict[str, Deck]) -> list[Dilemma]:
    return [card for deck in decks.values() for card in deck.dilemmas]


def _text(card: Dilemma) -> str:
    return " ".join([card.title, card.situation, card.question, card.guidance,
                     *(o.text for o in card.answer.options)])


def test_every_contact_id_is_one_the_config_knows(decks: dict[str, Deck]) -> None:
    unknown = {f"{card.id}: {cid}" for card in _cards(decks) for cid in card.contacts
               if cid not in AGREED_CONTACT_IDS}
    assert unknown == set()


def test_the_default_config_offers_them_once_it_has_them() -> None:
    from dilemmas.config import DEFAULT_CONTACTS

    ids = {contact.id for contact in DEFAULT_CONTACTS}
    if len(ids) < len(AGREED_CONTACT_IDS):
        pytest.skip("the default config does not list the new contact ids yet")
    assert set(AGREED_CONTACT_IDS) <= ids


def test_meldpunt_only_on_cards_about_a_misstand(decks: dict[str, Deck]) -> None:
    wrong = [card.id for card in _cards(decks)
             if "meldpunt" in card.contacts and MISSTAND not in card.references]
    assert wrong == []


@pytest.mark.parametrize(("contact", "words"), [
    ("ondermijning", ("Bibob", "ondermijning")),
    ("woo", ("Woo-verzoek",)),
    ("toezicht-wmo", ("zorgfraude", "toezichthouder Wmo")),
    ("agressie", ("agressie", "bedreig", "scheld")),
])
def test_each_problem_has_its_own_route(decks: dict[str, Deck], contact: str,
                                        words: tuple[str, ...]) -> None:
    """A card whose guidance is about this kind of problem names its route, and the route
    is not left to the meldpunt."""
    missing = [card.id for card in _cards(decks) if not decks_pulse(decks, card)
               and any(w.lower() in card.guidance.lower() for w in words)
               and contact not in card.contacts and "raad" not in card.audience]
    assert missing == []


def decks_pulse(decks: dict[str, Deck], card: Dilemma) -> bool:
    return any(deck.is_pulse and card in deck.dilemmas for deck in decks.values())


def test_discrimination_and_formal_complaints_have_their_routes(decks: dict[str, Deck]) -> None:
    for card in _cards(decks):
        if "antidiscriminatievoorziening" in card.guidance:
            assert "antidiscriminatie" in card.contacts, card.id
        if "Landelijke Klachtencommissie" in card.guidance:
            assert "klachtencommissie" in card.contacts, card.id
    assert "antidiscriminatiebureau" not in " ".join(_text(c) for c in _cards(decks))


def test_privacy_has_one_name(decks: dict[str, Deck]) -> None:
    for card in _cards(decks):
        text = _text(card)
        for other in (" FG", "(FG)", "Privacyteam", "functionaris gegevensbescherming",
                      "Functionaris Gegevensbescherming"):
            assert other not in text, (card.id, other)


def test_the_raad_deck_has_its_routes_and_huizens_codes(decks: dict[str, Deck]) -> None:
    raad = decks["raad-en-college"]
    for card in raad.dilemmas:
        assert {"griffier", "burgemeester"} & set(card.contacts), card.id
        assert any(ref.endswith("Huizen 2022") for ref in card.references), card.id
        text = _text(card) + " ".join(card.prompts + card.variations)
        assert "fractievolger" not in text and "commissielid" not in text, card.id
    assert "lijstopvolger" in raad.info.description


def test_the_pulse_has_one_scale_and_is_asked_at_the_start(decks: dict[str, Deck]) -> None:
    pulse = decks["pulse"]
    meaning: dict[str, set[str]] = {}
    for question in pulse.dilemmas:
        for o in question.answer.options:
            meaning.setdefault(o.key, set()).add(o.text)
    assert meaning == {"ja": {"Ja"}, "nee": {"Nee"}, "weet-niet": {"Weet ik niet zeker"}}
    assert "begin van de sessie" in pulse.info.description
    assert "aan het eind" not in pulse.info.description
    for question in pulse.dilemmas:
        text = " ".join([question.situation, question.question])
        for leading in ("kost moed", "bang", "vertrouwenspersoon voor integriteit"):
            assert leading not in text, (question.id, leading)
        assert "redelijke termijn" not in question.guidance
        assert "zonder dat jij dat weet" not in question.guidance
    ids = {q.id for q in pulse.dilemmas}
    assert "direct-ingegrepen" in ids
    opvolging = pulse.dilemma("vertrouwen-in-opvolging")
    assert opvolging is not None
    assert "7 dagen" in opvolging.guidance and "drie maanden" in opvolging.guidance


def test_older_pulse_answers_count_unless_their_scale_changed(decks: dict[str, Deck]) -> None:
    pulse = decks["pulse"]
    for version in ("2026.1", "2026.2"):
        assert pulse.key_map(version, "kent-vertrouwenspersoon") is None
        assert pulse.key_map(version, "weet-waar-melden") is None
        assert pulse.key_map(version, "veilig-vraag-stellen") == {}
        assert pulse.key_map(version, "vertrouwen-in-opvolging") == {}
