"""What a second reader of the bundled cards found after the trainer's review: a card that did
not say how it fits the one line on addressing behaviour, routes and settings that did not fit
the card, wording that said more than the law does, and a doubled phrase."""

from __future__ import annotations

import pytest

from tests.test_bundled_deck_facts import card, option, supported


def test_the_werf_calendar_says_why_asking_her_comes_first() -> None:
    """One line over the cards: a remark of one colleague you address yourself (grapjes-over-
    afkomst, hoofddoek-van-de-stagiaire); where the whole group's culture is aimed at the only
    woman, anything said in the group points at her, so you ask her first (as on genegeerd-bij-
    de-lunch), and the leiding removes the calendar either way."""
    c = card("huizen-basis", "kalender-in-de-kantine")
    assert supported("huizen-basis")["kalender-in-de-kantine"] == "B"
    assert "onder vier ogen" in option(c, "B")
    assert "Een grap van één collega kun je zelf met hem bespreken" in c.guidance
    assert "wordt meteen aan haar gekoppeld" in c.guidance
    assert "De kalender hoort hoe dan ook niet op het werk" in c.guidance
    assert supported("omgangsvormen")["genegeerd-bij-de-lunch"] == "B"


def test_a_manager_does_more_than_refer_a_complaint() -> None:
    c = card("omgangsvormen", "klacht-over-de-topper")
    assert supported("omgangsvormen")["klacht-over-de-topper"] == "A"
    assert "alleen doorverwijzen (C) is te weinig" in c.guidance


@pytest.mark.parametrize(("deck", "card_id", "absent"), [
    ("huizen-basis", "loge-bij-de-voetbal", "partner"),  # the situation has no partner
    ("huizen-basis", "dossier-van-je-schoonzus", "niet meewerken aan een aanvraag"),  # she gave it back
    ("huizen-basis", "drie-facturen-net-onder-de-grens", "vaak ook tegen"),  # the law has thresholds
    ("huizen-basis", "lijkt-niet-op-de-foto", "is vaak het begin"),
    # the code binds every employee; the oath is a promise to keep it, not its legal ground
    ("huizen-basis", "ambtseed-afleggen", "de reden waarom die code voor jou geldt"),
    ("raad-en-college", "geheim-in-de-fractie", "de stukken kennis kreeg van de stukken"),
    ("raad-en-college", "geheim-in-de-fractie", "eigen belang"),  # the card has none
    ("raad-en-college", "commissaris-woningcorporatie", "wij weten"),
    ("omgangsvormen", "woord-tegen-woord", "sinds 2024 strafbaar"),  # a forced kiss could be before
])
def test_guidance_says_no_more_than_the_card_or_the_law(deck: str, card_id: str, absent: str) -> None:
    assert absent not in card(deck, card_id).guidance


def test_routes_and_settings_fit_the_card() -> None:
    griffie = card("huizen-basis", "wat-doen-de-andere-fracties")
    assert list(griffie.contacts) == ["griffier"]
    side_job = card("raad-en-college", "betaalde-adviesraad-voor-de-wethouder")
    # Health insurers do not hold the municipalities' Wmo and youth care contracts; providers do.
    assert "zorgverzekeraar" not in " ".join([side_job.situation, *side_job.prompts])
    assert "zorgaanbieder" in side_job.situation
    assert "Jeugdwet" not in card("huizen-basis", "bijles-aan-gezinnen-uit-je-wijk").references


def test_the_gift_and_bus_cards_have_a_variation_that_tips_the_other_way() -> None:
    gift = card("huizen-basis", "kerstpakket-op-de-stoep")
    assert any("zonder bon" in v for v in gift.variations)
    bus = card("huizen-basis", "bus-van-de-zaak-bij-de-verhuizing")
    assert any("regeling" in v for v in bus.variations)


def test_the_pulse_description_names_its_one_yes_no_question() -> None:
    from pathlib import Path

    from dilemmas.loader import load_deck

    pulse = load_deck(Path(__file__).resolve().parent.parent / "dilemmas" / "decks" / "pulse.yaml")
    kent = pulse.dilemma("kent-vertrouwenspersoon")
    assert kent is not None and [o.key for o in kent.answer.options] == ["ja", "nee"]
    assert "heeft ja of nee" in " ".join(pulse.info.description.split())
