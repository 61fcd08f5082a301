""""Omdat" and "ook al" get correct Dutch word order, or the argument stays as written."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from game.rules.decision import because_sentence, decision_sentence, despite_sentence

COLON = re.compile(r"\b(omdat|want|ook al|hoewel|ondanks|vanwege)\s*:", re.I)
DOUBLED = re.compile(r"\b(want|omdat|ook al|hoewel)\s+(want|omdat|ook al|hoewel)\b", re.I)


def test_an_argument_that_starts_with_an_adverb_is_not_inverted_wrongly() -> None:
    # Picked from step 5: the adverb comes first, the subject after the verb.
    argument = "Misschien voelt Iris zich overruled"
    against = despite_sentence(argument)
    assert "voelt misschien Iris" not in against
    assert against in (
        "Ook al voelt Iris zich misschien overruled.",
        "Misschien voelt Iris zich overruled, en dat neem ik op de koop toe.",
    )
    assert because_sentence(argument) in (
        "Omdat Iris zich misschien overruled voelt.",
        "Want misschien voelt Iris zich overruled.",
    )


def test_a_clause_that_starts_with_its_subject_is_inverted() -> None:
    assert despite_sentence("Iris voelt zich misschien overruled") == (
        "Ook al voelt Iris zich misschien overruled."
    )
    assert despite_sentence("het is wat extra papierwerk") == "Ook al is het wat extra papierwerk."
    assert despite_sentence("Gisteren zei de burgemeester nee") == (
        "Gisteren zei de burgemeester nee, en dat neem ik op de koop toe."
    )


def test_a_typed_connective_with_a_colon_is_not_doubled() -> None:
    sentence = decision_sentence(
        "Ik meld het",
        "Omdat: niemand mag twijfelen aan mij",
        "Ook al: het is wat extra papierwerk",
    )
    assert sentence == (
        "Mijn besluit: ik meld het. Want niemand mag twijfelen aan mij. "
        "Ook al is het wat extra papierwerk."
    )
    assert because_sentence("want: het hoort zo") == "Omdat het zo hoort."
    assert because_sentence("Omdat : de AVG het vraagt") == "Omdat de AVG het vraagt."
    assert despite_sentence("Hoewel: het kost tijd") == "Ook al kost het tijd."
    assert despite_sentence("ook al:het kost tijd") == "Ook al kost het tijd."


def test_a_typed_connective_without_a_colon_still_works() -> None:
    assert because_sentence("Omdat niemand aan mij mag twijfelen") == (
        "Omdat niemand aan mij mag twijfelen."
    )
    assert despite_sentence("Ook al is het wat extra papierwerk") == (
        "Ook al is het wat extra papierwerk."
    )
    assert despite_sentence("hoewel het tijd kost") == "Hoewel het tijd kost."
    assert because_sentence("want het hoort zo") == "Want het hoort zo."


def test_a_verb_is_not_moved_behind_words_that_follow_it() -> None:
    # "omdat niemand twijfelen aan mij mag" is not Dutch: keep the words, say "want".
    assert because_sentence("niemand mag twijfelen aan mij") == (
        "Want niemand mag twijfelen aan mij."
    )
    assert because_sentence("ik geef het door") == "Want ik geef het door."
    assert because_sentence("het kost geen tijd") == "Omdat het geen tijd kost."
    assert because_sentence("ik wil onafhankelijk blijven") == (
        "Omdat ik onafhankelijk wil blijven."
    )


BECAUSE = st.sampled_from(["", "Omdat", "omdat", "Want", "want"])
DESPITE = st.sampled_from(["", "Ook al", "ook al", "Hoewel", "hoewel"])
GLUE = st.sampled_from(["", ":", " :", ": ", " - "])
WORDS = st.sampled_from(
    ["het", "is", "kost", "tijd", "Misschien", "voelt", "Iris", "zich", "niemand", "mag",
     "twijfelen", "aan", "mij", "wat", "extra", "papierwerk", "de", "regels", "overruled"]
)


def typed(leads: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda lead, glue, words: f"{lead}{glue} {' '.join(words)}".strip(),
        leads, GLUE, st.lists(WORDS, min_size=1, max_size=7),
    )


@given(typed(BECAUSE), typed(DESPITE))
def test_no_colon_fragment_and_no_doubled_connective(because: str, despite: str) -> None:
    sentence = decision_sentence("Ik meld het", because, despite)
    for part in re.split(r"(?<=\.) ", sentence)[1:]:
        assert not COLON.match(part), sentence
        assert not DOUBLED.match(part), sentence
        assert part[:1].isupper() or part.startswith("…"), sentence


def test_a_reason_typed_after_the_label_omdat_keeps_omdat() -> None:
    """The field says "Omdat", so people type the rest of that clause: subject first and the
    verb later ("ik mijn geheimhoudingsplicht heb als boa"). Not "Want ik … heb"."""
    assert because_sentence("ik mijn geheimhoudingsplicht heb als boa") == (
        "Omdat ik mijn geheimhoudingsplicht heb als boa."
    )
    assert because_sentence("het mijn taak is") == "Omdat het mijn taak is."
    # A main clause stays one: "niemand mag …" keeps "Want".
    assert because_sentence("niemand mag twijfelen aan mij") == (
        "Want niemand mag twijfelen aan mij."
    )

