"""Generate a realistic session bundle (SPEC §7) for benchmarks: ``python -m benchmarks.gen_bundle``."""

from __future__ import annotations

import argparse
import json
import random
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_DECKS_DIR = Path(__file__).resolve().parent.parent / "dilemmas" / "decks"


@dataclass(frozen=True)
class _Card:
    id: str
    theme: str
    keys: tuple[str, ...]
    variations: int


@dataclass(frozen=True)
class _Deck:
    id: str
    version: str
    cards: tuple[_Card, ...]


def _answer_keys(answer: Any) -> tuple[str, ...]:
    if not isinstance(answer, dict):
        return ()
    if answer.get("kind") == "choice":
        return tuple(str(o.get("key")) for o in answer.get("options") or [] if isinstance(o, dict))
    if answer.get("kind") == "scale":
        return tuple(str(i) for i in range(1, int(answer.get("points") or 5) + 1))
    return ()


def _bundled_decks() -> tuple[list[_Deck], list[_Card]]:
    """Team decks and pulse questions from the bundled YAML files, if they can be read."""
    teams: list[_Deck] = []
    pulse: list[_Card] = []
    try:
        import yaml
    except ImportError:  # pragma: no cover - pyyaml is a runtime dependency
        return teams, pulse
    for path in sorted(_DECKS_DIR.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            info = data["deck"]
            cards = tuple(
                _Card(
                    id=str(d["id"]),
                    theme=str(d.get("theme") or ""),
                    keys=_answer_keys(d.get("answer")),
                    variations=len(d.get("variations") or []),
                )
                for d in data.get("dilemmas") or []
            )
        except Exception:  # a broken deck only means fewer real ids
            continue
        if not cards:
            continue
        if info.get("kind") == "pulse":
            pulse.extend(c for c in cards if c.keys)
        else:
            teams.append(_Deck(str(info["id"]), str(info.get("version") or "1"), cards))
    return teams, pulse


def _synthetic_decks(rng: random.Random) -> tuple[list[_Deck], list[_Card]]:
    themes = ["geschenken", "nevenwerkzaamheden", "informatie", "omgangsvormen",
              "belangenverstrengeling", "social-media", "melden", "macht"]
    cards = []
    for i in range(48):
        n = rng.choice((2, 3, 3, 4, 5))
        keys = tuple("ABCDE"[:n]) if i % 6 else tuple(str(p) for p in range(1, 6))
        cards.append(_Card(f"dilemma-{i:03d}", themes[i % len(themes)], keys, rng.randint(0, 3)))
    pulse = [
        _Card("kent-vertrouwenspersoon", "", ("ja", "nee", "weet-niet"), 0),
        _Card("durft-te-melden", "", ("ja", "nee", "weet-niet"), 0),
        _Card("weet-meldregeling", "", ("ja", "nee"), 0),
        _Card("veilig-aanspreken", "", ("1", "2", "3", "4", "5"), 0),
    ]
    return [_Deck("huizen-basis", "2026.1", tuple(cards))], pulse


def _tally(rng: random.Random, keys: tuple[str, ...], voters: int) -> dict[str, int]:
    weights = [rng.random() ** 2 + 0.05 for _ in keys]
    counts = dict.fromkeys(keys, 0)
    for key in rng.choices(keys, weights=weights, k=voters):
        counts[key] += 1
    return counts


_NOTES = [
    "Veel herkenning; de groep wil de gedragscode vaker bespreken.",
    "Discussie over de grens tussen attentie en geschenk (richtbedrag 50 euro).",
    "Twijfel bij de variant met de wethouder erbij.",
    "Afgesproken dit in het werkoverleg van volgende maand terug te laten komen.",
    "Meningen liepen uiteen; leidinggevende gaf het voorbeeld uit 2024.",
]


def generate(sessions: int, seed: int = 1) -> dict[str, Any]:
    """A bundle dict with ``sessions`` team sessions, reproducible for a given seed."""
    rng = random.Random(seed)
    decks, pulse_cards = _bundled_decks()
    if not decks:
        decks, synthetic_pulse = _synthetic_decks(rng)
        pulse_cards = pulse_cards or synthetic_pulse
    teams = [f"Team {rng.choice(['Publiekszaken', 'Financien', 'Ruimte', 'Sociaal Domein', 'ICT', 'Belastingen', 'Handhaving', 'Griffie', 'Communicatie', 'Inkoop'])} {i}" for i in range(300)]
    months = [f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13)]
    out: list[dict[str, Any]] = []
    for _ in range(sessions):
        deck = rng.choice(decks)
        participants = rng.randint(5, 20)
        rounds = []
        for card in rng.sample(deck.cards, k=min(len(deck.cards), rng.randint(5, 11))):
            vote = rng.choices(("secret", "hands", "none"), weights=(5, 4, 1))[0]
            rnd: dict[str, Any] = {"dilemma": card.id, "theme": card.theme, "vote": vote}
            if vote != "none" and card.keys:
                voters = rng.randint(max(1, participants - 3), participants)
                rnd["counts"] = _tally(rng, card.keys, voters)
                if card.variations and rng.random() < 0.25:
                    rnd["revotes"] = [
                        {"variation": v, "counts": _tally(rng, card.keys, voters)}
                        for v in range(rng.randint(1, card.variations))
                    ]
            else:
                rnd["vote"] = "none"
            rnd.setdefault("revotes", [])
            rnd["minutes"] = rng.randint(3, 15)
            rnd["note"] = rng.choice(_NOTES) if rng.random() < 0.15 else None
            rounds.append(rnd)
        pulse = []
        if pulse_cards and rng.random() < 0.4:
            for q in rng.sample(pulse_cards, k=min(len(pulse_cards), rng.randint(2, 4))):
                pulse.append({"question": q.id, "counts": _tally(rng, q.keys, participants)})
        out.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "kind": "team",
            "month": rng.choice(months),
            "team": rng.choice(teams) if rng.random() < 0.9 else None,
            "participants": participants,
            "deck": {"id": deck.id, "version": deck.version},
            "rounds": rounds,
            "pulse": pulse,
            "completed": rng.random() < 0.93,
        })
    return {
        "format": "integer-spel-bundle",
        "version": 1,
        "exported_at": "2026-11-22T10:00:00Z",
        "sessions": out,
    }


def main(argv: list[str] | None = None) -> int:
    """Write a generated bundle to ``-o FILE`` (or stdout)."""
    parser = argparse.ArgumentParser(description="Generate a session bundle for benchmarks.")
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    text = json.dumps(generate(args.sessions, args.seed), ensure_ascii=False)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text + "\n")
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
