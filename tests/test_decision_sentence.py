"""The decision sentence is first-person Dutch for every bundled option and for typed text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dilemmas.loader import load_deck
from game.rules.decision import (
    FIRST_PERSON,
    because_sentence,
    decision_sentence,
    despite_sentence,
    first_person,
)

DECKS = Path(__file__).parent.parent / "dilemmas" / "decks"
OPTIONS = sorted(
    {
        o.text
        for path in DECKS.glob("*.yaml")
        for d in load_deck(path).dilemmas
        if d.answer.kind == "choice"
        for o in d.answer.options
    }
)
SUBJECTS = ("je", "jij", "hij", "ze", "zij", "u")
COLON_FRAGMENT = re.compile(r"\b(Omdat|Want|Ook al|Hoewel|Ondanks|Vanwege):")


def check(option: str, sentence: str) -> None:
    assert sentence.startswith("Mijn besluit: ik "), sentence
    assert not COLON_FRAGMENT.search(sentence), sentence
    rest = sentence.removeprefix("Mijn besluit: ")
    what = re.split(r"\.? (?:Omdat|Want|Vanwege) ", rest, maxsplit=1)[0]
    bare = " ".join(option.split()).rstrip(".!? ")
    if what.startswith("ik kies voor „"):
        assert bare in what, sentence  # quoted as written
        return
    words = what.split(" ")
    assert words[0] == "ik"
    verb = words[1].strip(",.")
    # "ik meldt", "ik zegt": never a second or third person verb after ik.
    assert FIRST_PERSON.get(verb.casefold(), verb.casefold()) == verb.casefold(), sentence
    first = option.split(" ")[0].casefold()
    if first in SUBJECTS:
        assert not re.search(r"\b(hij|zijn|haar|zich|jouw)\b", what), sentence


def test_there_are_many_bundled_options() -> None:
    assert len(OPTIONS) > 200


def test_every_bundled_option_gives_a_first_person_sentence() -> None:
    for option in OPTIONS:
        check(option, decision_sentence(option, "het is eerlijk", "het kost tijd"))


def test_the_examples_of_the_complaint() -> None:
    assert decision_sentence(
        "Je meldt het als mogelijke integriteitsschending bij P&O.", "", ""
    ).startswith("Mijn besluit: ik meld het als mogelijke integriteitsschending bij P&O. ")
    told = decision_sentence("Hij zegt dat hij daar niets over vertelt, en meldt het gesprek.", "", "")
    assert told.startswith("Mijn besluit: ik kies voor „Hij zegt dat hij daar niets over vertelt")
    assert first_person("Hij zegt nee en huurt zelf een bus.") == "ik zeg nee en huur zelf een bus"
    assert first_person("Ze vraagt eerst aan de griffier wat mag, en wacht tot die antwoordt.") == (
        "ik vraag eerst aan de griffier wat mag, en wacht tot die antwoordt"
    )
    assert because_sentence("Omdat: niemand alleen mag staan") != "Omdat: niemand alleen mag staan."
    assert because_sentence("niemand alleen mag staan") == "Omdat niemand alleen mag staan."
    assert because_sentence("De gedragscode verbiedt geschenken") == (
        "Omdat de gedragscode geschenken verbiedt."
    )
    assert because_sentence("Hamid moet niet alleen staan").startswith("Omdat Hamid ")
    assert despite_sentence("het kost tijd") == "Ook al kost het tijd."
    assert despite_sentence("ondanks dat het tijd kost") == "Hoewel het tijd kost."
    assert despite_sentence("de extra tijd") == "Ondanks de extra tijd."
    assert decision_sentence("", "", "") == "Mijn besluit: … Omdat …"


WORDS = st.sampled_from(
    ["ik", "je", "jij", "hij", "ze", "zij", "meldt", "meld", "zegt", "geeft", "het", "de", "een", "aanvraag", "collega", "niet", "wel", "Hamid", "P&O", "omdat", "want", "ondanks", "ook", "al", ",", ".", ":", "en", "maar", "dat", "zijn", "haar", "bij"]
)


@given(st.lists(WORDS, max_size=10), st.lists(WORDS, max_size=8), st.lists(WORDS, max_size=8))
def test_typed_text_never_breaks_the_sentence(what: list[str], why: list[str], but: list[str]) -> None:
    option, because, despite = (" ".join(w) for w in (what, why, but))
    sentence = decision_sentence(option, because, despite)
    assert sentence.startswith("Mijn besluit: ")
    assert not COLON_FRAGMENT.search(sentence.replace(because, "").replace(despite, ""))
    if option.strip(" .,:"):
        check(option, sentence)
