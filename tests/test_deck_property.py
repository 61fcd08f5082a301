"""Property: any valid deck written as YAML loads, and the model holds exactly what was written."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dilemmas.loader import parse_deck
from dilemmas.model import AUDIENCES, Answer, Deck, DeckInfo, Dilemma, Option, Theme

BACKENDS = [False, True] if yaml.__with_libyaml__ else [True]

slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,15}", fullmatch=True)
_chars = st.characters(categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\ufeff“”‘’„‚")
# (A value wrapped in typographic quotes is refused on purpose: the author meant YAML quotes.)


def texts(limit: int) -> st.SearchStrategy[str]:
    return st.text(_chars, min_size=1, max_size=limit).map(str.strip).filter(bool)


def answers() -> st.SearchStrategy[dict[str, Any]]:
    choice = st.lists(texts(200), min_size=2, max_size=5).map(
        lambda options: {"kind": "choice",
                         "options": [{"key": "ABCDE"[i], "text": t} for i, t in enumerate(options)]})
    scale = st.builds(lambda points, low, high: {"kind": "scale", "points": points, "low": low, "high": high},
                      st.integers(2, 10), texts(40), texts(40))
    return st.one_of(choice, scale, st.just({"kind": "open"}))


@st.composite
def decks(draw: st.DrawFn) -> dict[str, Any]:
    theme_ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    card_ids = draw(st.lists(slugs, min_size=1, max_size=5, unique=True))
    cards = []
    for card_id in card_ids:
        card: dict[str, Any] = {
            "id": card_id,
            "theme": draw(st.sampled_from(theme_ids)),
            "title": draw(texts(80)),
            "situation": draw(texts(900)),
            "question": draw(texts(200)),
            "answer": draw(answers()),
            "guidance": draw(texts(1500)),
        }
        for key, limit in (("prompts", 300), ("variations", 300), ("references", 200)):
            if draw(st.booleans()):
                card[key] = draw(st.lists(texts(limit), max_size=3))
        if draw(st.booleans()):
            card["audience"] = draw(st.lists(st.sampled_from(AUDIENCES), min_size=1, max_size=4, unique=True))
        cards.append(card)
    header = {"id": draw(slugs), "title": draw(texts(80)), "version": draw(st.from_regex(r"20[0-9]{2}\.[0-9]{1,2}", fullmatch=True))}
    if draw(st.booleans()):
        header["description"] = draw(texts(1000))
    return {
        "deck": header,
        "themes": [{"id": t, "title": draw(texts(80))} for t in theme_ids],
        "dilemmas": cards,
    }


def expected_deck(data: dict[str, Any]) -> Deck:
    header = data["deck"]
    return Deck(
        info=DeckInfo(id=header["id"], title=header["title"], version=header["version"],
                      description=header.get("description", "")),
        source="map",
        themes=tuple(Theme(t["id"], t["title"]) for t in data["themes"]),
        dilemmas=tuple(
            Dilemma(
                id=c["id"], theme=c["theme"], title=c["title"], situation=c["situation"],
                question=c["question"],
                answer=Answer(kind=c["answer"]["kind"],
                              options=tuple(Option(o["key"], o["text"]) for o in c["answer"].get("options", [])),
                              points=c["answer"].get("points", 0), low=c["answer"].get("low", ""),
                              high=c["answer"].get("high", "")),
                prompts=tuple(c.get("prompts", ())), variations=tuple(c.get("variations", ())),
                guidance=c["guidance"], references=tuple(c.get("references", ())),
                audience=tuple(c.get("audience", ("team",))),
            )
            for c in data["dilemmas"]
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decks(), st.booleans())
def test_generated_valid_decks_load_and_match(data: dict[str, Any], block_style: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                          default_flow_style=False if block_style else None)
    for pure in BACKENDS:
        deck, problems = parse_deck(text, "gen.yaml", pure=pure)
        assert problems == []
        assert deck == expected_deck(data)
