"""An *eigen casus* in and out of JSON (store and bundle), and its texts scrubbed."""

from __future__ import annotations

from typing import Any

from sessions.model import OwnCase, OwnOption
from sessions.scrub import scrub

OWN_KEYS = ("A", "B", "C", "D", "E")
"""Option keys of an eigen casus, in order: two to five options."""
MAX_OWN_TITLE = 80
MAX_OWN_TEXT = 900


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
