"""Generate a valid deck of N dilemmas (default 1,000) written the way deck authors write them."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = [
    "leverancier",
    "aanbesteding",
    "collega",
    "leidinggevende",
    "gemeente",
    "burger",
    "vergunning",
    "geschenk",
    "uitnodiging",
    "nevenwerk",
    "informatie",
    "vertrouwelijk",
    "dossier",
    "wethouder",
    "raadslid",
    "afspraak",
    "belangen",
    "familie",
    "vriend",
    "subsidie",
    "melding",
    "integriteit",
    "gedragscode",
    "team",
    "afdeling",
]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, chars: int) -> list[str]:
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < chars - 80:
        lines.append(sentence(rng, rng.randrange(6, 11)))
    return lines


def generate(count: int, seed: int = 1) -> str:
    """The YAML text of a valid deck with `count` dilemmas over 12 themes."""
    rng = random.Random(seed)
    themes = [f"thema-{i}" for i in range(12)]
    out = [
        "deck:",
        "  id: benchmark",
        "  title: Deck voor de benchmark",
        '  version: "2026.1"',
        "  language: nl",
        "  description: Een gegenereerd deck met veel dilemma's.",
        "themes:",
    ]
    for theme in themes:
        out += [f"  - id: {theme}", f"    title: Thema {theme[-1]}"]
    out.append("dilemmas:")
    for i in range(count):
        kind = ("choice", "choice", "scale", "open")[i % 4]
        out += [
            f"  - id: dilemma-{i}",
            f"    theme: {rng.choice(themes)}",
            f"    title: {sentence(rng, 4)[:70]}",
            "    situation: |",
            *(f"      {line}" for line in paragraph(rng, 600)),
            f"    question: {sentence(rng, 8)}",
            "    answer:",
            f"      kind: {kind}",
        ]
        if kind == "choice":
            out.append("      options:")
            for key in "ABCD"[: rng.randrange(2, 5)]:
                out.append(f"        - {{key: {key}, text: {sentence(rng, 9)}}}")
        elif kind == "scale":
            out += ["      points: 5", "      low: Acceptabel", "      high: Onacceptabel"]
        out += [
            "    prompts:",
            *(f"      - {sentence(rng, 10)}" for _ in range(2)),
            "    variations:",
            *(f"      - Maar wat als {sentence(rng, 8).lower()}" for _ in range(2)),
            "    guidance: |",
            *(f"      {line}" for line in paragraph(rng, 350)),
            f'    references: ["Gedragscode — {rng.choice(WORDS)}"]',
            "    audience: [team, nieuw]",
        ]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    args.output.write_text(generate(args.count), encoding="utf-8")
    print(f"{args.output}: {args.count} dilemmas, {args.output.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
