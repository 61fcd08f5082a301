"""Facts on the bundled cards that a trainer found wrong against the law or Huizen's own
documents, and cards whose supported option contradicted their own guidance."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from dilemmas.loader import load_deck
from dilemmas.model import Dilemma

DECKS_DIR = Path(__file__).resolve().parent.parent / "dilemmas" / "decks"


def supported(deck: str) -> dict[str, str]:
    """Card id → the option key its `# steunt:` mark names."""
    text = (DECKS_DIR / f"{deck}.yaml").read_text(encoding="utf-8")
    marks: dict[str, str] = {}
    for block in re.split(r"^  - id: ", text, flags=re.MULTILINE)[1:]:
        card_id = block.split("\n", 1)[0].strip()
        found = re.search(r"^\s*# steunt: (\S+)", block, re.MULTILINE)
        if found:
            marks[card_id] = found.group(1)
    return marks


def card(deck: str, card_id: str) -> Dilemma:
    found = load_deck(DECKS_DIR / f"{deck}.yaml").dilemma(card_id)
    assert found is not None, card_id
    return replace(found, guidance=" ".join(found.guidance.split()))


def option(c: Dilemma, key: str) -> str:
    return next(o.text for o in c.answer.options if o.key == key)


def test_the_oath_is_taken_as_huizen_does_it() -> None:
    c = card("huizen-basis", "ambtseed-afleggen")
    assert "wethouder personeelszaken" in c.situation
    assert "geschenken aannemen" not in c.situation
    assert "gemeentesecretaris" not in c.situation
    assert "integriteitsverklaring" in c.guidance  # the variation about hired staff is answered


def test_the_vog_comes_before_the_appointment() -> None:
    c = card("huizen-basis", "vog-niet-binnen")
    assert supported("huizen-basis")["vog-niet-binnen"] == "B"
    assert "schuift op" in option(c, "B")
    assert "vóór je wordt aangesteld" in c.guidance
    assert "Justis" not in c.guidance


def test_bodycam_images_rest_on_the_avg_and_the_wpg_for_opsporing() -> None:
    c = card("huizen-basis", "filmpje-van-de-boa")
    assert "niet onder de AVG" not in c.guidance
    assert "bodycamregeling" in c.guidance and "opsporing" in c.guidance


@pytest.mark.parametrize(("deck", "card_id", "key", "phrase"), [
    ("huizen-basis", "bus-van-de-zaak-bij-de-verhuizing", "A", "lost dat niet op"),
    ("huizen-basis", "wie-controleer-je-eerst", "C", "privacyfunctionaris en een jurist"),
    ("huizen-basis", "raadslid-wil-het-even-weten", "D", "Vertel je leidinggevende"),
    ("huizen-basis", "heggenschaar-mee-naar-huis", "C", "geen regel"),
    ("huizen-basis", "grapjes-over-afkomst", "B", "zelf aanspreken"),
    ("omgangsvormen", "grap-van-de-teamleider", "B", "onder vier ogen"),
    ("raad-en-college", "mand-na-werkbezoek", "C", "weiger vriendelijk"),
])
def test_the_supported_option_agrees_with_the_guidance(deck: str, card_id: str, key: str,
                                                       phrase: str) -> None:
    assert supported(deck)[card_id] == key
    assert phrase in card(deck, card_id).guidance


def test_the_guidance_matches_the_option_it_describes() -> None:
    raadslid = card("huizen-basis", "raadslid-wil-het-even-weten")
    assert "leidinggevende" in option(raadslid, "D") and "griffier" not in raadslid.guidance
    assert "privacy" not in raadslid.contacts
    heg = card("huizen-basis", "heggenschaar-mee-naar-huis")
    assert "voorman" in option(heg, "A") and "voorman" not in option(heg, "C")


@pytest.mark.parametrize(("card_id", "present", "absent"), [
    ("dossier-van-je-schoonzus", "niet geheim kan houden", "Bespreek in vertrouwen met je leidinggevende"),
    ("waar-kan-ik-terecht", "Landelijke Klachtencommissie Ongewenst Gedrag", "één externe vertrouwenspersoon"),
    ("melden-en-dan", "tijdelijk contract niet verlengen", ""),
    ("melding-over-jou", "vakbond", "hulp van een vertrouwenspersoon"),
    ("collega-zocht-haar-ex-op", "72 uur", ""),
    ("zwanger-bij-sollicitatie", "tijdelijke baan", ""),
    ("kerstpakket-op-de-stoep", "tegoedbon telt als geld", ""),
])
def test_basis_guidance_says_what_the_review_asked(card_id: str, present: str, absent: str) -> None:
    c = card("huizen-basis", card_id)
    assert present in c.guidance
    if absent:
        assert absent not in c.guidance


@pytest.mark.parametrize(("deck", "card_id", "present", "absent"), [
    ("omgangsvormen", "woord-tegen-woord", "Wet seksuele misdrijven", ""),
    ("omgangsvormen", "thuiswerker-buiten-de-boot", "7:648", "valt daar niet letterlijk onder"),
    ("raad-en-college", "raadslid-bedreigd", "coördinerende rol", "verantwoordelijk voor de veiligheid"),
    ("raad-en-college", "geheim-in-de-fractie", "schendt zij de geheimhouding", "Wie iets hoort, is daarna"),
    ("raad-en-college", "commissaris-woningcorporatie", "Autoriteit woningcorporaties", "botst al snel"),
    ("raad-en-college", "opdrachtgever-niet-in-register", "verboden handeling", ""),
])
def test_other_decks_say_what_the_review_asked(deck: str, card_id: str, present: str,
                                               absent: str) -> None:
    c = card(deck, card_id)
    assert present in c.guidance
    if absent:
        assert absent not in c.guidance


def test_no_stadium_in_huizen() -> None:
    c = card("raad-en-college", "skybox-bij-de-derby")
    assert "stadion" not in c.situation and "derby" not in c.title.lower()
    festival = card("raad-en-college", "bericht-over-festivalvergunning")
    assert "mening kunnen geven" not in " ".join(o.text for o in festival.answer.options)


# The gaps a trainer found, each covered by a card of its own.
NEW_CARDS = {
    "huizen-basis": (
        "link-in-een-nepmail", "wachtwoord-van-een-zieke-collega", "usb-stick-op-de-parkeerplaats",
        "bijlage-naar-de-verkeerde-inwoner", "advies-wat-zachter", "campagne-over-je-eigen-plan",
        "notitie-voor-de-krant", "hulp-in-het-stemhokje", "appjes-wissen-na-het-woo-verzoek",
        "het-hele-dossier-in-het-overleg", "blauwe-plekken-bij-het-huisbezoek", "lijkt-niet-op-de-foto",
        "je-zus-aan-je-balie", "duw-in-het-park", "huisbezoek-achter-een-dichte-deur",
        "berichten-van-een-inwoner", "relatie-met-iemand-uit-je-team", "biertje-in-de-lunchpauze",
    ),
    "raad-en-college": (
        "opdracht-voor-je-eigen-bedrijf", "betaalde-adviesraad-voor-de-wethouder",
        "even-achter-het-dossier-aan",
    ),
}


def test_the_card_decks_cover_the_gaps_with_at_least_130_cards() -> None:
    total = 0
    for name in ("huizen-basis", "omgangsvormen", "raad-en-college"):
        deck = load_deck(DECKS_DIR / f"{name}.yaml")
        total += len(deck.dilemmas)
        for card_id in NEW_CARDS.get(name, ()):
            assert deck.dilemma(card_id) is not None, card_id
    assert total >= 130
    basis = load_deck(DECKS_DIR / "huizen-basis.yaml")
    per_theme = {t.id: sum(d.theme == t.id for d in basis.dilemmas) for t in basis.themes}
    assert per_theme["informatiebeveiliging"] >= 4 and per_theme["politiek"] >= 3
