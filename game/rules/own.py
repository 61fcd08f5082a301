"""An *eigen casus* (SPEC §4): a dilemma the room brings in, checked and turned into a card."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sessions.model import OWN_PREFIX, OwnCase, OwnOption
from sessions.own import MAX_OWN_TEXT, MAX_OWN_TITLE, OWN_KEYS
from sessions.text import control_characters

MAX_OWN_QUESTION = 300
MAX_OWN_OPTION = 200


class OwnCaseError(ValueError):
    """A field of the eigen casus that can't be used; ``field`` names it, the text is Dutch."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def _text(value: str, field: str, what: str, limit: int, *, required: bool) -> str:
    text = value.strip()
    if required and not text:
        raise OwnCaseError(f"Vul {what} in.", field)
    if len(text) > limit:
        raise OwnCaseError(
            f"{what[0].upper()}{what[1:]} is {len(text)} tekens lang; hoogstens {limit}.", field
        )
    if control_characters(text, newlines=True):
        raise OwnCaseError(f"In {what} staat een teken dat niet getoond kan worden.", field)
    return text


def parse_own_case(
    title: str, situation: str, question: str, options: Sequence[str]
) -> OwnCase:
    """The case as typed in the dialog, or OwnCaseError. Empty option lines are left out:
    no options makes an open question, otherwise 2 to 5 options (A–E)."""
    clean_title = " ".join(_text(title, "title", "een titel", MAX_OWN_TITLE, required=True).split())
    clean_situation = _text(situation, "situation", "de situatie", MAX_OWN_TEXT, required=False)
    clean_question = _text(question, "question", "de vraag", MAX_OWN_QUESTION, required=True)
    texts = []
    for i, option in enumerate(options):
        text = _text(option, f"option-{i}", "een antwoord", MAX_OWN_OPTION, required=False)
        if text:
            texts.append(" ".join(text.split()))
    if len(texts) == 1:
        raise OwnCaseError(
            "Eén antwoord is geen keuze: typ er minstens twee, of geen voor een open vraag.",
            "option-1",
        )
    if len(texts) > len(OWN_KEYS):
        raise OwnCaseError(f"Hoogstens {len(OWN_KEYS)} antwoorden.", f"option-{len(OWN_KEYS)}")
    return OwnCase(
        title=clean_title,
        question=clean_question,
        kind="choice" if texts else "open",
        options=tuple(OwnOption(key, text) for key, text in zip(OWN_KEYS, texts, strict=False)),
        situation=clean_situation,
    )


def own_case_id(taken: Mapping[str, object] | Sequence[str]) -> str:
    """A dilemma id for the next eigen casus of a session: eigen-1, eigen-2, …"""
    n = 1
    while f"{OWN_PREFIX}{n}" in taken:
        n += 1
    return f"{OWN_PREFIX}{n}"


def is_own(dilemma_id: str) -> bool:
    return dilemma_id.startswith(OWN_PREFIX)
