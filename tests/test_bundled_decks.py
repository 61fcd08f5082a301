"""The bundled cards: valid, enough of them, varied, and every card fits on screen."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from dilemmas.config import DEFAULT_CONTACTS
from dilemmas.discovery import discover
from dilemmas.loader import check_paths
from dilemmas.model import Deck, Dilemma
from game.widgets.card import CardView

DECKS_DIR = Path(__file__).resolve().parent.parent / "dilemmas" / "decks"
THEMES_BASIS = {
    "geschenken", "nevenwerkzaamheden", "belangenverstrengeling", "vertrouwelijk",
    "sociale-media", "middelen", "omgangsvormen", "discriminatie", "melden", "fraude",
    "ondermijning", "inwoners",
}


@pytest.fixture(scope="module")
def decks() -> dict[str, Deck]:
    registry = discover(())
    assert not registry.invalid, registry.invalid
    return {deck.id: deck for deck in registry.decks.values() if deck.source == "ingebouwd"}


def team_cards(decks: dict[str, Deck]) -> list[Dilemma]:
    return [d for deck in decks.values() if not deck.is_pulse for d in deck.dilemmas]


def test_every_bundled_deck_passes_check() -> None:
    assert check_paths([DECKS_DIR]) == []


def test_the_four_bundled_decks_are_there(decks: dict[str, Deck]) -> None:
    assert {"huizen-basis", "raad-en-college", "omgangsvormen", "meldklimaat-pulse"} <= set(decks)


def test_huizen_basis_covers_the_themes(decks: dict[str, Deck]) -> None:
    deck = decks["huizen-basis"]
    assert len(deck.dilemmas) >= 48
    per_theme = Counter(d.theme for d in deck.dilemmas)
    assert {t.id for t in deck.themes} >= THEMES_BASIS
    assert len(per_theme) >= 10
    assert min(per_theme.values()) >= 3


def test_raad_and_omgangsvormen(decks: dict[str, Deck]) -> None:
    raad = decks["raad-en-college"]
    assert len(raad.dilemmas) >= 12
    assert all("raad" in d.audience for d in raad.dilemmas)
    omgang = decks["omgangsvormen"]
    assert len(omgang.dilemmas) >= 12
    assert sum("leidinggevenden" in d.audience for d in omgang.dilemmas) >= 3


def test_pulse_deck(decks: dict[str, Deck]) -> None:
    pulse = decks["meldklimaat-pulse"]
    assert pulse.is_pulse
    assert 4 <= len(pulse.dilemmas) <= 8
    ids = {d.id for d in pulse.dilemmas}
    assert "kent-vertrouwenspersoon" in ids
    for question in pulse.dilemmas:
        assert question.answer.kind == "choice"
        for option in question.answer.options:
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", option.key), (question.id, option.key)
        assert "ons team" not in question.question.lower(), question.id
    raw = (DECKS_DIR / "pulse.yaml").read_text(encoding="utf-8")
    assert "bevroren" in raw.split("deck:")[0]  # the freeze note sits at the top


def _all_text(card: Dilemma) -> str:
    parts = [card.title, card.situation, card.question, card.guidance, *card.prompts,
             *card.variations, *card.references]
    if card.answer.kind == "choice":
        parts += [o.text for o in card.answer.options]
    return " ".join(parts)


@pytest.mark.parametrize("phrase", [
    "te goeder trouw", "integriteitscoördinator", "bibob-coördinator", "jouw gemeente afspreekt",
    "er is geen fout antwoord", "waar anderen bij zijn afbranden", "als nieuwe hoef",
    "terecht kan", "leveranciers die meedingt", "iets dat ",
])
def test_no_wrong_routes_or_slips(decks: dict[str, Deck], phrase: str) -> None:
    hits = [f"{deck.id}/{card.id}" for deck in decks.values() for card in deck.dilemmas
            if phrase in _all_text(card).lower()]
    assert hits == []


def test_contacts_exist_and_are_used(decks: dict[str, Deck]) -> None:
    known = {contact.id for contact in DEFAULT_CONTACTS}
    cards = team_cards(decks)
    for card in cards:
        assert set(card.contacts) <= known, (card.id, card.contacts)
    assert sum(bool(card.contacts) for card in cards) >= 20


def test_enough_dilemmas(decks: dict[str, Deck]) -> None:
    assert len(team_cards(decks)) >= 100


def test_one_theme_id_per_topic(decks: dict[str, Deck]) -> None:
    themes = {t.id for deck in decks.values() for t in deck.themes}
    assert not {"nevenfuncties", "belangen"} & themes
    assert {"nevenwerkzaamheden", "belangenverstrengeling"} <= {
        t.id for t in decks["raad-en-college"].themes}


def test_one_spelling(decks: dict[str, Deck]) -> None:
    for deck in decks.values():
        for card in deck.dilemmas:
            text = _all_text(card)
            assert "stagiaire" not in text, card.id
            assert "“" not in text, card.id


def test_every_card_has_what_a_conversation_needs(decks: dict[str, Deck]) -> None:
    cards = team_cards(decks)
    kinds = Counter(d.answer.kind for d in cards)
    assert set(kinds) == {"choice", "scale", "open"}
    assert kinds["choice"] > kinds["scale"] + kinds["open"]
    for card in cards:
        assert len(card.prompts) >= 2, card.id
        assert card.guidance.strip(), card.id
        assert card.references, card.id
    assert sum(bool(d.variations) for d in cards) >= 20
    assert sum("nieuw" in d.audience for d in cards) >= 12


def test_no_two_cards_share_a_situation(decks: dict[str, Deck]) -> None:
    def norm(text: str) -> str:
        return " ".join(text.lower().split())

    situations = Counter(norm(d.situation) for deck in decks.values() for d in deck.dilemmas)
    assert [s for s, n in situations.items() if n > 1] == []
    titles = Counter(d.title for d in team_cards(decks))
    assert [t for t, n in titles.items() if n > 1] == []


def test_no_invented_article_numbers(decks: dict[str, Deck]) -> None:
    import re

    pattern = re.compile(r"\b(artikel|art\.)\s*\d", re.IGNORECASE)
    for card in team_cards(decks):
        text = " ".join([card.guidance, *card.references])
        assert not pattern.search(text), card.id


class _CardApp(App[None]):
    def __init__(self, card: Dilemma, deck: Deck) -> None:
        super().__init__()
        self.card, self.deck = card, deck

    def compose(self) -> ComposeResult:
        yield CardView(self.card, self.deck)


async def test_every_card_fits_100_by_30(decks: dict[str, Deck]) -> None:
    too_tall: list[str] = []
    for deck in decks.values():
        for card in deck.dilemmas:
            app = _CardApp(card, deck)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                view = app.query_one(CardView)
                if view.max_scroll_y > 0 or view.size.height > 30:
                    too_tall.append(f"{deck.id}/{card.id}")
    assert too_tall == []


def test_scale_ends_agree_with_the_question(decks: dict[str, Deck]) -> None:
    for card in team_cards(decks):
        if card.answer.kind != "scale":
            continue
        assert "acceptabel" in card.question, card.id
        assert card.answer.low == "Helemaal niet acceptabel", card.id
        assert card.answer.high == "Helemaal acceptabel", card.id


def _steunt(path: Path) -> list[str]:
    return re.findall(r"^\s*# steunt: (\S+)\s*\n\s*answer:", path.read_text(encoding="utf-8"),
                      re.MULTILINE)


def test_supported_option_is_spread() -> None:
    for path in DECKS_DIR.glob("*.yaml"):
        marks = [m for m in _steunt(path) if m != "geen"]
        if len(marks) < 10:
            continue
        top, count = Counter(marks).most_common(1)[0]
        assert count <= 0.4 * len(marks), (path.name, top, count, len(marks))


def test_each_deck_says_what_to_check_before_first_use(decks: dict[str, Deck]) -> None:
    for deck in decks.values():
        assert "Voor eerste gebruik" in deck.info.description, deck.id


# First names used for people in the cards; a name belongs to one card only, so a team never
# mixes up two different people with the same name.
PERSON_NAMES = set(["Ahmed", "Anja", "Anouk", "Arjen", "Aylin", "Bart", "Bas", "Bram", "Carla", "Chantal", "Daan", "Demi", "Dewi", "Emre", "Erik", "Esra", "Esther", "Eva", "Fatima", "Femke", "Fleur", "Floor", "Gerrit", "Gert", "Gijs", "Hakan", "Hamid", "Hanna", "Hans", "Hatice", "Henk", "Hidde", "Ilse", "Ingrid", "Iris", "Jasper", "Jelle", "Jeroen", "Jolanda", "Joris", "Joyce", "Jurgen", "Karim", "Kees", "Kevin", "Kim", "Koen", "Lidia", "Lieke", "Linda", "Lisa", "Lotte", "Lucas", "Luuk", "Maaike", "Marco", "Marieke", "Marloes", "Mehmet", "Milan", "Mirjam", "Nadia", "Naima", "Nikki", "Nina", "Noor", "Olga", "Omar", "Petra", "Pieter", "Priya", "Rachid", "Ramon", "Romy", "Roos", "Ruben", "Ruud", "Samira", "Sanne", "Sarita", "Sem", "Sofie", "Stijn", "Sven", "Tarik", "Thijs", "Tim", "Tobias", "Ton", "Wendy", "Wim", "Wouter", "Yara", "Youssef", "Yusuf"])


def test_no_person_name_in_two_cards(decks: dict[str, Deck]) -> None:
    used: dict[str, set[str]] = {}
    for card in team_cards(decks):
        text = " ".join([card.situation, *card.prompts, *card.variations, card.guidance])
        for word in set(re.findall(r"\b([A-Z][a-z]+?)(?:'?s)?\b", text)) & PERSON_NAMES:
            used.setdefault(word, set()).add(card.id)
    assert {name: ids for name, ids in used.items() if len(ids) > 1} == {}


def test_heavy_cards_name_113(decks: dict[str, Deck]) -> None:
    card = next(c for c in team_cards(decks) if c.id == "melding-over-jou")
    assert "0800-0113" in card.guidance


def test_facts_the_review_found_wrong(decks: dict[str, Deck]) -> None:
    cards = {card.id: card for card in team_cards(decks)}
    assert "Wet politiegegevens" in cards["filmpje-van-de-boa"].guidance
    assert "burgemeester" in cards["bericht-over-festivalvergunning"].guidance
    assert "Het college beslist over de vergunning" not in cards[
        "bericht-over-festivalvergunning"].guidance
    for card in cards.values():
        assert "(FG)" not in _all_text(card).replace("niet de FG", ""), card.id
