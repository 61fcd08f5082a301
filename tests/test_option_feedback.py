"""Option feedback (SPEC §7): an optional text per option that tells a new hire what a choice
means, read by the loader, limited in length and described by the JSON Schema."""

from __future__ import annotations

import jsonschema
import yaml

from dilemmas.loader import MAX_FEEDBACK, parse_deck
from dilemmas.model import Option
from dilemmas.schema import deck_schema
from tests.test_deck_loader import BASE

WITH_FEEDBACK = BASE.replace(
    "        - {key: A, text: Aannemen}\n",
    "        - key: A\n          text: Aannemen\n"
    "          feedback: Dan lijkt het alsof je de leverancier iets verschuldigd bent.\n")


def test_feedback_is_read_into_the_option() -> None:
    deck, problems = parse_deck(WITH_FEEDBACK, "t.yaml")
    assert problems == [] and deck is not None
    a, b = deck.dilemmas[0].answer.options
    assert a.feedback == "Dan lijkt het alsof je de leverancier iets verschuldigd bent."
    assert b.feedback == ""


def test_feedback_is_optional_and_defaults_to_empty() -> None:
    assert Option("A", "Aannemen").feedback == ""
    deck, problems = parse_deck(BASE, "t.yaml")
    assert problems == [] and deck is not None


def test_feedback_over_the_limit_is_located() -> None:
    text = WITH_FEEDBACK.replace("Dan lijkt het", "x" * MAX_FEEDBACK + " Dan lijkt het")
    _, problems = parse_deck(text, "t.yaml")
    assert [(p.line, p.message) for p in problems if "feedback" in p.message] == [
        (19, f"'feedback' is te lang: {MAX_FEEDBACK + 62} tekens, hoogstens {MAX_FEEDBACK}")]


def test_feedback_that_is_not_a_text_is_refused() -> None:
    text = WITH_FEEDBACK.replace("feedback: Dan", "feedback: [Dan").replace("verschuldigd bent.", "x]")
    _, problems = parse_deck(text, "t.yaml")
    assert any("'feedback' moet een tekst zijn" in p.message for p in problems)


def test_the_schema_knows_feedback_and_its_limit() -> None:
    schema = deck_schema()
    data = yaml.safe_load(WITH_FEEDBACK)
    jsonschema.validate(data, schema)
    data["dilemmas"][0]["answer"]["options"][0]["feedback"] = "x" * (MAX_FEEDBACK + 1)
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema let a too long feedback through")


def test_every_bundled_card_for_new_hires_has_feedback_per_option() -> None:
    """SPEC §7: practice mode shows what each choice means; never a verdict, always a why."""
    import re
    from pathlib import Path

    from dilemmas.loader import load_deck

    decks = Path(__file__).resolve().parent.parent / "dilemmas" / "decks"
    verdict = re.compile(r"^(Goed|Fout|Juist|Onjuist|Klopt|Correct)\b|\b(is|was) (goed|fout)\b|"
                         r"\b(goede|foute|juiste) (keuze|antwoord)\b", re.IGNORECASE)
    checked = 0
    for path in sorted(decks.glob("*.yaml")):
        for card in load_deck(path).dilemmas:
            if "nieuw" not in card.audience or card.answer.kind != "choice":
                continue
            checked += 1
            for option in card.answer.options:
                assert option.feedback, (card.id, option.key)
                assert not verdict.search(option.feedback), (card.id, option.key, option.feedback)
                sentences = len(re.findall(r"[.!?](?=\s|$)", option.feedback))
                assert 1 <= sentences <= 2, (card.id, option.key, option.feedback)
    assert checked >= 45
