"""Deck validation (SPEC §7): each rule with a deck that breaks it, located by line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dilemmas.errors import DeckError
from dilemmas.loader import check_file, load_deck, parse_deck

FIXTURES = Path(__file__).parent / "fixtures" / "decks"

BACKENDS = [False, True] if yaml.__with_libyaml__ else [True]

BASE = """\
deck:
  id: proef
  title: Proef
  version: "1"
themes:
  - id: geschenken
    title: Geschenken
dilemmas:
  - id: kaartjes
    theme: geschenken
    title: Kaartjes
    situation: Een leverancier stuurt kaartjes.
    question: Wat doe je?
    answer:
      kind: choice
      options:
        - {key: A, text: Aannemen}
        - {key: B, text: Terugsturen}
    guidance: Neem niets aan.
"""

SECOND = """\
  - id: kaartjes
    theme: geschenken
    title: Nog een
    situation: Tekst.
    question: Vraag?
    answer: {kind: open}
    guidance: Uitleg.
"""

CHOICE = "      kind: choice\n      options:\n        - {key: A, text: Aannemen}\n        - {key: B, text: Terugsturen}\n"

# (rule, text replaced, replacement, line, column, part of the message)
RULES = [
    ("unknown key, nearest suggested", "    situation: Een", "    situatoin: Een", 12, 5,
     "onbekende sleutel 'situatoin'; bedoel je 'situation'?"),
    ("Dutch key, English one suggested", "    title: Kaartjes", "    titel: Kaartjes", 11, 5,
     "onbekende sleutel 'titel'; bedoel je 'title'?"),
    ("missing key", "    question: Wat doe je?\n", "", 9, 5, "in dit dilemma ontbreekt 'question'"),
    ("missing guidance on a team card", "    guidance: Neem niets aan.\n", "", 9, 5, "ontbreekt 'guidance'"),
    ("wrong type", "    title: Kaartjes", "    title: [a, b]", 11, 12, "'title' moet een tekst zijn"),
    ("empty required text", "    question: Wat doe je?", "    question:", 13, 14, "'question' is leeg"),
    ("duplicate key", "    title: Kaartjes\n", "    title: Kaartjes\n    title: Nog eens\n", 12, 5,
     "sleutel 'title' staat hier twee keer (eerst op regel 11)"),
    ("duplicate theme id", "    title: Geschenken\n",
     "    title: Geschenken\n  - id: geschenken\n    title: Dubbel\n", 8, 9,
     "thema 'geschenken' staat er twee keer (eerst op regel 6)"),
    ("duplicate dilemma id", "    guidance: Neem niets aan.\n", "    guidance: Neem niets aan.\n" + SECOND,
     20, 9, "dilemma 'kaartjes' staat er twee keer (eerst op regel 9)"),
    ("unknown theme", "    theme: geschenken", "    theme: geschenk", 10, 12,
     "thema 'geschenk' staat niet onder 'themes'; bedoel je 'geschenken'?"),
    ("bad slug", "  id: proef", "  id: Proef Deck", 2, 7, "alleen kleine letters, cijfers en '-'"),
    ("situation too long", "Een leverancier stuurt kaartjes.", "x" * 901, 12, 16,
     "'situation' is te lang: 901 tekens, hoogstens 900"),
    ("title too long", "    title: Kaartjes", "    title: " + "t" * 81, 11, 12, "hoogstens 80"),
    ("question too long", "    question: Wat doe je?", "    question: " + "v" * 201, 13, 15, "hoogstens 200"),
    ("option text too long", "text: Aannemen}", "text: " + "o" * 201 + "}", 17, 26, "hoogstens 200"),
    ("too few options", "        - {key: B, text: Terugsturen}\n", "", 17, 9, "2 tot 5 opties, niet 1"),
    ("too many options", "        - {key: B, text: Terugsturen}\n",
     "".join(f"        - {{key: {k}, text: {k}}}\n" for k in "BCDEF"), 17, 9, "2 tot 5 opties, niet 6"),
    ("option key outside A-E", "{key: A,", "{key: Z,", 17, 17, "een optiesleutel is A, B, C, D of E (niet 'Z')"),
    ("duplicate option key", "{key: B,", "{key: A,", 18, 17, "optie 'A' staat er twee keer (eerst op regel 17)"),
    ("choice without options", CHOICE, "      kind: choice\n", 15, 13, "bij kind: choice horen 'options'"),
    ("scale points out of range", CHOICE, "      kind: scale\n      points: 11\n      low: Goed\n      high: Fout\n",
     16, 15, "'points' moet een getal van 2 tot 10 zijn"),
    ("scale points not a number", CHOICE, "      kind: scale\n      points: vijf\n      low: Goed\n      high: Fout\n",
     16, 15, "'points' moet een getal van 2 tot 10 zijn"),
    ("scale without low and high", CHOICE, "      kind: scale\n      points: 5\n", 15, 7,
     "bij kind: scale horen ook 'low' en 'high'"),
    ("open with options", "      kind: choice\n", "      kind: open\n", 17, 9, "'options' hoort niet bij kind: open"),
    ("unknown answer kind", "      kind: choice", "      kind: choise", 15, 13,
     "'kind' moet choice, scale of open zijn, niet 'choise'; bedoel je 'choice'?"),
    ("unknown audience", "    guidance: Neem niets aan.\n", "    guidance: Neem niets aan.\n    audience: [team, niew]\n",
     20, 22, "doelgroep 'niew' bestaat niet; kies uit team, nieuw, raad of leidinggevenden; bedoel je 'nieuw'?"),
    ("bad language", '  version: "1"\n', '  version: "1"\n  language: Nederlands\n', 5, 13,
     "'language' moet een taalcode zijn"),
    ("bad deck kind", '  version: "1"\n', '  version: "1"\n  kind: puls\n', 5, 9,
     "'kind' moet dilemmas of pulse zijn, niet 'puls'; bedoel je 'pulse'?"),
    ("pulse option keys are slugs", '  version: "1"\n', '  version: "1"\n  kind: pulse\n', 18, 17,
     "in een peilingdeck is een optiesleutel een kort woord"),
    ("no themes", "themes:\n  - id: geschenken\n    title: Geschenken\n", "themes: []\n", 5, 9,
     "'themes' heeft minstens één thema nodig"),
    ("no dilemmas", BASE[BASE.index("  - id: kaartjes"):], "", 8, 10, "'dilemmas' heeft minstens één dilemma nodig"),
    ("list given as text", "    guidance: Neem niets aan.\n", "    guidance: Neem niets aan.\n    prompts: Waarom?\n",
     20, 14, "'prompts' moet een lijst zijn"),
    ("missing deck header key", "  title: Proef\n", "", 2, 3, "in 'deck' ontbreekt 'title'"),
    ("card id of an eigen casus", "  - id: kaartjes", "  - id: eigen-kaartjes", 9, 9,
     "'id' mag niet met 'eigen-' beginnen"),
]


def _problems(text: str, pure: bool) -> list[tuple[int, int, str]]:
    deck, problems = parse_deck(text, "t.yaml", pure=pure)
    assert deck is None or not problems
    return [(p.line, p.column, p.message) for p in problems]


def test_base_deck_is_valid() -> None:
    deck, problems = parse_deck(BASE, "t.yaml")
    assert problems == []
    assert deck is not None and deck.dilemmas[0].answer.keys == ("A", "B")


@pytest.mark.parametrize("pure", BACKENDS, ids=lambda p: "pure" if p else "libyaml")
@pytest.mark.parametrize(("rule", "old", "new", "line", "column", "message"), RULES, ids=[r[0] for r in RULES])
def test_rule_is_reported_at_its_place(rule: str, old: str, new: str, line: int, column: int,
                                       message: str, pure: bool) -> None:
    assert old in BASE
    problems = _problems(BASE.replace(old, new, 1), pure)
    assert any((pl, pc) == (line, column) and message in pm for pl, pc, pm in problems), problems


def test_every_problem_is_reported_not_only_the_first() -> None:
    text = (BASE.replace("  id: proef", "  id: Proef")
            .replace("    theme: geschenken", "    theme: onbekend")
            .replace("{key: B,", "{key: Q,"))
    problems = _problems(text, pure=False)
    assert [(line, column) for line, column, _ in problems] == [(2, 7), (10, 12), (18, 17)]


def test_pulse_deck_needs_no_guidance_or_situation() -> None:
    deck = load_deck(FIXTURES / "valid" / "pulse.yaml")
    assert deck.is_pulse
    assert deck.dilemmas[0].guidance == "" and deck.dilemmas[0].situation == ""
    assert deck.dilemmas[0].answer.keys == ("ja", "nee", "weet-niet")


def test_plain_number_version_is_kept_as_written() -> None:
    deck, problems = parse_deck(BASE.replace('version: "1"', "version: 2026.10"), "t.yaml")
    assert problems == [] and deck is not None
    assert deck.info.version == "2026.10"


def test_model_of_the_team_fixture() -> None:
    deck = load_deck(FIXTURES / "valid" / "team.yaml", source="gebruiker")
    assert (deck.id, deck.info.title, deck.info.version, deck.source) == (
        "proef-team", "Proefdeck voor de tests", "2026.1", "gebruiker")
    card = deck.dilemma("concertkaartjes")
    assert card is not None
    assert card.situation.startswith("Een leverancier") and card.situation.endswith("concert.")
    assert card.answer.label("B") == "Ik stuur ze terug."
    assert card.audience == ("team", "nieuw")
    assert card.references == ("Gedragscode ambtenaren — geschenken",)
    scale = deck.dilemma("bijbaan")
    assert scale is not None and scale.answer.keys == ("1", "2", "3", "4", "5")
    assert scale.audience == ("team",)


def test_load_deck_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text(BASE.replace("  id: proef", "  id: Proef").replace("{key: B,", "{key: Q,"), encoding="utf-8")
    with pytest.raises(DeckError) as exc:
        load_deck(path)
    assert [str(p) for p in exc.value.problems] == [
        f"{path}:2:7: 'id' mag alleen kleine letters, cijfers en '-' bevatten (bijvoorbeeld 'proef')",
        f"{path}:18:17: een optiesleutel is A, B, C, D of E (niet 'Q')",
    ]


@pytest.mark.parametrize("name", ["team.yaml", "pulse.yaml"])
def test_libyaml_and_pure_python_give_the_same_deck(name: str) -> None:
    path = FIXTURES / "valid" / name
    fast, _ = check_file(path)
    slow, _ = check_file(path, pure=True)
    assert fast is not None and fast == slow


# A deck as the app reads it from a file: UTF-8 bytes straight to the parser, never a str.
NON_ASCII = BASE.replace("Een leverancier stuurt kaartjes.", "Een leverancier — één keer — stuurt\n"
                         "      kaartjes à € 80.").replace("situation: Een", "situation: |\n      Een")


@pytest.mark.parametrize("pure", BACKENDS)
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(NON_ASCII, id="valid"),
        pytest.param(NON_ASCII.replace("      kind: choice", "      kind: keuze"), id="bad-value"),
        pytest.param(NON_ASCII.replace("    question: Wat", "    question: Wat: doe\n  - x"),
                     id="syntax-error"),
        pytest.param(NON_ASCII.replace("    title: Kaartjes", "    title: Kaartjes\t"), id="tab"),
    ],
)
def test_a_file_read_as_bytes_gives_what_its_text_gives(
    tmp_path: Path, text: str, pure: bool
) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    from_file, file_problems = check_file(path, pure=pure)
    from_text, text_problems = parse_deck(text, str(path), path=str(path), pure=pure)
    assert from_file == from_text
    assert [str(p) for p in file_problems] == [str(p) for p in sorted(
        text_problems, key=lambda p: (p.line, p.column))]
    if from_file is not None:
        assert from_file.dilemmas[0].situation.startswith("Een leverancier — één keer — stuurt\n")


def test_bad_bytes_and_control_characters_are_still_reported_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    body = NON_ASCII.replace("Wat doe je?", "Wat \x07doe je?").encode("utf-8")
    path.write_bytes(body.replace(b"Neem niets", b"Neem \xff niets"))
    deck, problems = check_file(path)
    assert deck is None
    assert [(p.line, p.message[:20]) for p in problems] == [
        (15, "onzichtbaar stuurtek"),
        (21, "het bestand is niet "),
    ]


def test_dilemma_contacts_are_ids() -> None:
    text = """deck: {id: t, title: T, version: "1"}
themes: [{id: a, title: A}]
dilemmas:
  - id: x
    theme: a
    title: X
    situation: S
    question: Q?
    answer: {kind: open}
    guidance: G
    contacts: [vertrouwenspersoon, "Niet Goed"]
"""
    deck, problems = parse_deck(text, "d.yaml")
    assert deck is None and [p.line for p in problems] == [11]
    assert "id" in problems[0].message
    good, problems = parse_deck(text.replace(', "Niet Goed"', ""), "d.yaml")
    assert problems == [] and good is not None
    assert good.dilemmas[0].contacts == ("vertrouwenspersoon",)
