"""An *eigen casus* in and out of JSON (store and bundle), and its texts scrubbed."""

from __future__ import annotations

from typing import Any

from dilemmas.model import Answer, Dilemma, Option
from sessions.model import OwnCase, OwnOption
from sessions.scrub import scrub

OWN_KEYS = ("A", "B", "C", "D", "E")
"""Option keys of an eigen casus, in order: two to five options."""
MAX_OWN_TITLE = 80
MAX_OWN_TEXT = 900
OWN_THEME = "eigen-casus"
"""The theme of an eigen casus that the facilitator did not put under one of the deck's."""
OWN_THEME_TITLE = "Eigen casus"
OWN_GUIDANCE = (
    "Bij een eigen casus staat geen toelichting. Zoek samen op wat de gedragscode zegt, en "
    "vraag het na bij je leidinggevende of de vertrouwenspersoon als je twijfelt."
)


def own_to_json(case: OwnCase, *, situation: bool = False) -> dict[str, Any]:
    """The bundle shape of SPEC §7; the store also keeps the situation (``situation=True``)."""
    data: dict[str, Any] = {"title": case.title, "question": case.question, "kind": case.kind}
    data["options"] = [{"key": o.key, "text": o.text} for o in case.options]
    if situation and case.situation:
        data["situation"] = case.situation
    return data


def own_from_json(data: Any) -> OwnCase | None:
    """An eigen casus from the shape ``own_to_json`` wrote, or None when it is not that shape."""
    if type(data) is not dict:
        return None
    title, question, kind = data.get("title"), data.get("question"), data.get("kind")
    situation = data.get("situation", "")
    items = data.get("options", [])
    if not (type(title) is str and type(question) is str and type(situation) is str):
        return None
    if kind not in ("choice", "open") or type(items) is not list:
        return None
    options = []
    for item in items:
        if type(item) is not dict or type(item.get("key")) is not str or type(item.get("text")) is not str:
            return None
        options.append(OwnOption(item["key"], item["text"]))
    return OwnCase(title, question, kind, tuple(options), situation)


def _clean(text: str) -> str:
    return scrub(text).text.strip() if text else ""


def scrubbed_own(case: OwnCase) -> OwnCase:
    """The case with every text scrubbed of personal data (SPEC §8), as the store keeps it."""
    return OwnCase(
        _clean(case.title),
        _clean(case.question),
        case.kind,
        tuple(OwnOption(o.key, _clean(o.text)) for o in case.options),
        _clean(case.situation),
    )


def own_card(case_id: str, case: OwnCase, theme: str) -> Dilemma:
    """The eigen casus as a card, played like any other (no variations, no references)."""
    if case.kind == "choice":
        answer = Answer("choice", tuple(Option(o.key, o.text) for o in case.options))
    else:
        answer = Answer("open")
    return Dilemma(
        id=case_id,
        theme=theme,
        title=case.title,
        situation=case.situation or "(De situatie is mondeling verteld.)",
        question=case.question,
        answer=answer,
        guidance=OWN_GUIDANCE,
    )


def own_theme_title(theme: str, title: str) -> str:
    """The theme's title, with the eigen casus's own theme named in Dutch."""
    return OWN_THEME_TITLE if theme == OWN_THEME else title
