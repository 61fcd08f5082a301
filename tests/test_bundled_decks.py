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
from tests.test_bundled_deck_routes import AGREED_CONTACT_IDS

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
    known = {contact.id for contact in DEFAULT_CONTACTS} | set(AGREED_CONTACT_IDS)
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
    assert [s for s, n in situations.items() if n > 1 and s] == []  # a pulse question may have none
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
PERSON_NAMES = set(["Ahmed", "Anja", "Anouk", "Arjen", "Aylin", "Bart", "Bas", "Bram", "Carla", "Chantal", "Daan", "Demi", "Dewi", "Emre", "Erik", "Esra", "Esther", "Eva", "Fatima", "Femke", "Fleur", "Floor", "Gerrit", "Gert", "Gijs", "Hakan", "Hamid", "Hanna", "Hans", "Hatice", "Henk", "Hidde", "Ilse", "Ingrid", "Iris", "Jasper", "Jelle", "Jeroen", "Jolanda", "Joris", "Joyce", "Jurgen", "Karim", "Kees", "Kevin", "Kim", "Koen", "Lidia", "Lieke", "Linda", "Lisa", "Lotte", "Lucas", "Luuk", "Maaike", "Marco", "Marieke", "Marloes", "Mehmet", "Milan", "Mirjam", "Nadia", "Naima", "Nikki", "Nina", "Noor", "Olga", "Omar", "Petra", "Pieter", "Priya", "Rachid", "Ramon", "Romy", "Roos", "Ruben", "Ruud", "Samira", "Sanne", "Sarita", "Sem", "Sofie", "Stijn", "Sven", "Tarik", "Thijs", "Tim", "Tobias", "Ton", "Wendy", "Wim", "Wouter", "Yara", "Youssef", "Yusuf", "Annemiek", "Esmee", "Frank", "Ilona", "Jos", "Marek", "Marjolein", "Merel", "Sandra", "Stefan", "Inge", "Niels", "Saskia", "Rik", "Vera", "Mila"])


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


# The four Huizen regulations and the laws by their official short names. Every card cites from
# this list only, written this way, so a team never meets a paragraph name the code doesn't have.
HUIZEN_REGULATIONS = {
    "Gedragscode ambtenaren gemeente Huizen 2014",
    "Regeling melding vermoeden misstand",
    "Klachtenregeling ongewenst gedrag",
    "Protocol e-mail, internet en social media 2018",
    "Gedragscode raadsleden en lijstopvolgers gemeente Huizen 2022",
    "Gedragscode wethouders en burgemeester gemeente Huizen 2022",
    "Protocol vermoedens integriteitsschending politieke ambtsdragers Huizen 2022",
}
LAWS = {
    "Aanbestedingswet 2012", "Algemene verordening gegevensbescherming", "Algemene wet bestuursrecht",
    "Archiefwet", "Baseline Informatiebeveiliging Overheid", "Burgerlijk Wetboek", "Kieswet", "Paspoortwet", "Wet verplichte meldcode huiselijk geweld en kindermishandeling",
    "Algemene wet gelijke behandeling", "Ambtenarenwet 2017", "Arbeidsomstandighedenwet",
    "Gemeentewet", "Grondwet", "Jeugdwet", "Opiumwet", "Participatiewet", "Wet basisregistratie personen",
    "Wet bescherming klokkenluiders", "Wet Bibob",
    "Wet gelijke behandeling op grond van handicap of chronische ziekte",
    "Wet gelijke behandeling op grond van leeftijd bij de arbeid",
    "Wet maatschappelijke ondersteuning 2015", "Wet onderscheid arbeidsduur", "Wet open overheid",
    "Wet politiegegevens", "Wetboek van Strafrecht", "Woningwet",
}


def test_every_reference_is_from_the_one_list(decks: dict[str, Deck]) -> None:
    wrong = {f"{deck.id}/{card.id}: {ref}" for deck in decks.values() for card in deck.dilemmas
             for ref in card.references if ref not in HUIZEN_REGULATIONS | LAWS}
    assert wrong == set()
    for card in team_cards(decks):
        assert len(set(card.references)) == len(card.references), card.id


@pytest.mark.parametrize("phrase", [
    "veel gemeenten", "jouw gemeente", "je gemeente", "elke gemeente", "bijna elke gemeente",
    "wat bij jou geldt", "wie het bij jou is", "veel gedragscodes", "vertrouwenspersoon integriteit",
    "meldregeling vermoeden", "meldregeling integriteit", "de meldregeling", "beleid agressie en geweld",
    "(datalekken; dat is niet de fg)", "personeelsadviseur", "doet niets zonder",
    "vaak strenger",
])
def test_routes_name_huizen_not_any_municipality(decks: dict[str, Deck], phrase: str) -> None:
    hits = [f"{deck.id}/{card.id}" for deck in decks.values() for card in deck.dilemmas
            if phrase in _all_text(card).lower()]
    assert hits == []


def test_no_strawman_options(decks: dict[str, Deck]) -> None:
    for card in team_cards(decks):
        if card.answer.kind != "choice":
            continue
        for option in card.answer.options:
            assert not re.match(r"(Niets|Ik doe niets)\b", option.text), (card.id, option.key)


def test_one_style_of_quotes(decks: dict[str, Deck]) -> None:
    for deck in decks.values():
        for card in deck.dilemmas:
            text = _all_text(card)
            assert '"' not in text, card.id
            assert not re.search(r"(^|[\s(])'(?!s\b)", text), card.id
            assert not re.search(r"[b-df-hj-np-tv-xz]'s\b", text), card.id  # Mirjams, but collega's


def _content_words(card: Dilemma) -> set[str]:
    stop = {"deze", "door", "haar", "heeft", "hebben", "niet", "maar", "naar", "zijn", "over",
            "voor", "wordt", "zegt", "tegen", "jouw", "jullie", "team", "collega", "collega's"}
    text = " ".join([card.title, card.situation, card.question]).lower()
    return {w for w in re.findall(r"[a-zà-ü']+", text) if len(w) > 3 and w not in stop}


# Scenes the review found twice across the decks; each pair must now tell its own situation.
NEAR_DUPLICATES = [
    ("niet-door-haar-geholpen", "racisme-aan-de-balie"),
    ("past-niet-in-het-team", "past-hij-wel-in-het-team"),
    ("roddels-bij-de-koffie", "roddel-na-burn-out"),
    ("niemand-vraagt-haar-mee", "genegeerd-bij-de-lunch"),
    ("penningmeester-van-de-club", "subsidie-eigen-sportclub"),
    ("waar-kan-ik-terecht", "in-vertrouwen-verteld"),
    ("loge-bij-de-voetbal", "skybox-bij-de-derby"),
]


@pytest.mark.parametrize(("first", "second"), NEAR_DUPLICATES)
def test_near_duplicate_scenes_now_differ(decks: dict[str, Deck], first: str, second: str) -> None:
    cards = {card.id: card for card in team_cards(decks)}
    a, b = _content_words(cards[first]), _content_words(cards[second])
    assert len(a & b) / len(a | b) < 0.1, sorted(a & b)
    for marker in ("nederlander", "past", "burn", "lunch", "kunstgras", "appjes", "berichtjes",
                   "stadion", "voetbal"):
        assert not (marker in " ".join(a) and marker in " ".join(b)), (first, second, marker)


# Capitalised words in the middle of a sentence that are not people.
NOT_NAMES = {
    "Algemene", "Ambtenarenwet", "Arbowet", "Barcelona", "Belastingen", "Bibob", "Bureau", "College",
    "Financiën", "Gedragscode", "Gemeentewet", "Grondwet", "Huis", "Huizen", "Inkomen", "Justis",
    "Klachtenregeling", "Klokkenluiders", "Landelijk", "Limburgse", "Mens", "Nederlander", "Nederlands",
    "Openbare", "Polen", "Publiekszaken", "Rechten", "Regeling", "Ruimte", "Spanje", "Thuis", "Turkije",
    "Veilig", "Werk", "Werken", "Wet", "Whats", "Wmo", "Woningwet", "Woo", "Zelfmoordpreventie",
    "Protocol", "Wetboek", "Strafrecht", "Gooimeer",
    "Hof", "Justitie", "Autoriteit", "Persoonsgegevens", "Landelijke", "Klachtencommissie", "Ongewenst",
    "Gedrag", "Orde", "Veiligheid", "Netwerk", "Weerbaar", "Bestuur", "Burgerlijk",
    "Teams", "Baseline", "Informatiebeveiliging", "Overheid", "Kieswet", "Archiefwet", "Vergunningen",
}


def test_every_name_in_the_cards_is_on_the_name_list(decks: dict[str, Deck]) -> None:
    """A new first name can't slip past the one-card check by being missing from the list."""
    unknown: set[str] = set()
    for card in team_cards(decks):
        parts = [card.situation, card.question, card.guidance, *card.prompts, *card.variations]
        if card.answer.kind == "choice":
            parts += [o.text for o in card.answer.options]
        for part in parts:
            for word in re.findall(r"(?<=[a-zà-ü,;:] )([A-Z][a-zà-ü]+)", part):
                base = word[:-1] if word.endswith("s") and word[:-1] in PERSON_NAMES else word
                if base not in PERSON_NAMES | NOT_NAMES:
                    unknown.add(f"{card.id}: {word}")
    assert unknown == set()


# Who does the thing the card questions, and who it is done to, on the cards about jokes,
# harassment and prejudice. The review found the jokers always Dutch-named men and the targets
# always migrant-named; this keeps the mix honest when cards change.
PROBLEM_PERSON = {
    "grapjes-over-afkomst": "Sandra", "grap-over-accent": "Ilona", "mop-op-de-borrel": "Wouter",
    "kalender-in-de-kantine": "Gert", "teamleider-valt-uit": "Annemiek", "hand-op-haar-rug": "Frank",
    "homo-als-scheldwoord": "Maaike", "de-oude-naam": "Gerrit", "alleenstaand-dus-de-avonden": "Hatice",
    "partijlid-solliciteert": "Jolanda", "onderbroken-in-het-overleg": "Ruud",
    "schreeuwende-leidinggevende": "Hans", "klacht-over-de-topper": "Erik", "woord-tegen-woord": "Sven",
}
TARGET = {
    "grapjes-over-afkomst": "Marek", "grap-over-accent": "Jos", "mop-op-de-borrel": "Merel",
    "kalender-in-de-kantine": "Demi", "teamleider-valt-uit": "Esther", "hand-op-haar-rug": "Roos",
    "homo-als-scheldwoord": "Jelle", "de-oude-naam": "Anja", "alleenstaand-dus-de-avonden": "Lucas",
    "partijlid-solliciteert": "Arjen", "onderbroken-in-het-overleg": "Nina",
    "schreeuwende-leidinggevende": "Joyce", "woord-tegen-woord": "Romy", "niet-door-haar-geholpen": "Fatima", "past-niet-in-het-team": "Yara",
    "hoofddoek-van-de-stagiaire": "Samira", "niemand-vraagt-haar-mee": "Esmee",
    "genegeerd-bij-de-lunch": "Wendy", "roddels-bij-de-koffie": "Marloes",
    "chronisch-ziek-en-het-rooster": "Sarita", "zwanger-bij-sollicitatie": "Eva",
}
WOMEN = {"Sandra", "Ilona", "Annemiek", "Maaike", "Hatice", "Jolanda"}
MIGRANT_NAMED = {"Marek", "Fatima", "Yara", "Samira", "Sarita", "Priya", "Hatice", "Karim"}


def test_names_and_roles_are_mixed(decks: dict[str, Deck]) -> None:
    cards = {card.id: card for card in team_cards(decks)}
    for table in (PROBLEM_PERSON, TARGET):
        for card_id, name in table.items():
            assert name in cards[card_id].situation, (card_id, name)
    people = set(PROBLEM_PERSON.values())
    assert len(people & WOMEN) >= 4
    assert len(people & MIGRANT_NAMED) >= 1
    targets = list(TARGET.values())
    assert sum(name in MIGRANT_NAMED for name in targets) <= len(targets) // 3


ROUTES = {"privacyfunctionaris": "privacy", "vertrouwenspersoon": "vertrouwenspersoon",
          "Huis voor Klokkenluiders": "huis-voor-klokkenluiders", "P&O": "p-en-o"}


def test_a_route_in_the_guidance_is_a_contact_on_the_card(decks: dict[str, Deck]) -> None:
    """Whoever the guidance sends you to is on the card with a name and a number from the config."""
    for deck in decks.values():
        if deck.is_pulse or deck.id == "raad-en-college":
            continue
        for card in deck.dilemmas:
            missing = [cid for word, cid in ROUTES.items()
                       if word in card.guidance and cid not in card.contacts]
            assert missing == [], (card.id, missing)
