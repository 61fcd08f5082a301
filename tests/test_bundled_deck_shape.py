"""How the bundled deck files are written and what their cards give away: options in block
style, the supported option not guessable from its length or shape, routes from the config,
feedback for new hires."""

from __future__ import annotations

import re
from pathlib import Path

DECKS_DIR = Path(__file__).resolve().parent.parent / "dilemmas" / "decks"


def test_options_are_written_in_block_style() -> None:
    for path in sorted(DECKS_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"-\s*\{\s*key:", text), path.name
        assert re.search(r"^\s+- key: \S+\n\s+text: ", text, re.MULTILINE), path.name


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?…](?=\s|$)", text.strip())) or 1


def _supported_choices() -> list[tuple[str, str, dict[str, str]]]:
    """(card id, supported key, option texts by key) of every choice card in the card decks
    whose `# steunt:` mark names an option."""
    from dilemmas.loader import load_deck
    from tests.test_bundled_deck_facts import supported

    found = []
    for path in sorted(DECKS_DIR.glob("*.yaml")):
        deck = load_deck(path)
        if deck.is_pulse:
            continue
        marks = supported(path.stem)
        for card in deck.dilemmas:
            key = marks.get(card.id)
            if card.answer.kind == "choice" and key and key != "geen":
                found.append((card.id, key, {o.key: o.text for o in card.answer.options}))
    return found


def test_the_supported_option_is_not_given_away_by_its_length() -> None:
    cards = _supported_choices()
    assert len(cards) >= 80
    longest = [cid for cid, key, texts in cards
               if len(texts[key]) == max(len(t) for t in texts.values())]
    shortest = [cid for cid, key, texts in cards
                if len(texts[key]) == min(len(t) for t in texts.values())]
    assert len(longest) <= len(cards) / 3, (len(longest), len(cards))
    assert len(shortest) <= len(cards) / 3, (len(shortest), len(cards))


def test_the_supported_option_is_not_given_away_by_its_shape() -> None:
    """Options of one sentence and of two ("claim. reason.") are each the supported one about
    as often as options in general are."""
    cards = _supported_choices()
    counts = {1: [0, 0], 2: [0, 0]}  # shape → [supported, all]
    for _, key, texts in cards:
        for option_key, text in texts.items():
            shape = min(_sentences(text), 2)
            counts[shape][0] += option_key == key
            counts[shape][1] += 1
    overall = len(cards) / sum(total for _, total in counts.values())
    for shape, (hits, total) in counts.items():
        assert total >= 20, (shape, total)
        assert 0.6 * overall <= hits / total <= 1.4 * overall, (shape, hits, total, overall)
