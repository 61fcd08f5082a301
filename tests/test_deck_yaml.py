"""Hostile and malformed deck files: refused with a located problem, never run, never a crash."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from dilemmas._yaml import MAX_BYTES
from dilemmas.loader import check_file, parse_deck

FIXTURES = Path(__file__).parent / "fixtures" / "decks"
BACKENDS = [False, True] if yaml.__with_libyaml__ else [True]
TEAM = (FIXTURES / "valid" / "team.yaml").read_bytes()


def _check(tmp_path: Path, data: bytes, pure: bool = False) -> list[tuple[int, int, str]]:
    path = tmp_path / "deck.yaml"
    path.write_bytes(data)
    deck, problems = check_file(path, pure=pure)
    assert deck is None or not problems
    return [(p.line, p.column, p.message) for p in problems]


@pytest.mark.parametrize("pure", BACKENDS)
def test_python_tag_is_refused_and_never_run(tmp_path: Path, pure: bool) -> None:
    marker = tmp_path / "ran"
    data = f'deck: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    problems = _check(tmp_path, data, pure)
    assert (1, 7, "tags zoals '!!python/object/apply:os.system' zijn niet toegestaan; "
                  "haal de tag weg") in problems
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!foo", "!!set", "!!binary", "!<tag:example.com:x>"])
def test_non_standard_tags_are_refused(tmp_path: Path, tag: str) -> None:
    problems = _check(tmp_path, TEAM.replace(b"title: Proefdeck", f"title: {tag} Proefdeck".encode()))
    assert any(line == 3 and "niet toegestaan" in message for line, _, message in problems), problems


def test_standard_str_tag_is_accepted(tmp_path: Path) -> None:
    assert _check(tmp_path, TEAM.replace(b'version: "2026.1"', b"version: !!str 2026.1")) == []


@pytest.mark.parametrize("pure", BACKENDS)
def test_anchors_and_aliases_are_refused(tmp_path: Path, pure: bool) -> None:
    data = TEAM.replace(b"title: Proefdeck voor de tests", b"title: &t Proefdeck").replace(
        b"    title: Nevenwerkzaamheden", b"    title: *t")
    problems = _check(tmp_path, data, pure)
    assert (3, 10, "ankers (&naam) zijn niet toegestaan; schrijf de tekst voluit") in problems
    assert (11, 12, "verwijzingen (*t) zijn niet toegestaan; schrijf de tekst voluit") in problems


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    problems = _check(tmp_path, ("\n".join(lines) + "\n").encode())
    assert sum("ankers" in m for _, _, m in problems) == 10
    assert sum("verwijzingen" in m for _, _, m in problems) == 81


def test_file_over_2_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    problems = _check(tmp_path, b"[" * (MAX_BYTES + 1))
    assert problems == [(1, 1, "het bestand is te groot (2,1 MB); het mag hoogstens 2 MB zijn")]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert _check(tmp_path, b"\xef\xbb\xbf" + TEAM) == []


@pytest.mark.parametrize("pure", BACKENDS)
def test_non_utf8_bytes_are_reported_at_their_line_and_checking_goes_on(tmp_path: Path, pure: bool) -> None:
    data = TEAM.replace(b"title: Proefdeck voor de tests", "title: Café".encode("latin-1")).replace(
        b"  - id: bijbaan", b"  - id: Bijbaan")
    problems = _check(tmp_path, data, pure)
    assert problems[0][:2] == (3, 13)
    assert "(byte 0xE9)" in problems[0][2] and "sla het op als UTF-8" in problems[0][2]
    assert any((line, column) == (34, 9) and "kleine letters" in message for line, column, message in problems), problems


def test_control_character_is_reported_at_its_place(tmp_path: Path) -> None:
    problems = _check(tmp_path, TEAM.replace(b"Proefdeck voor", b"Proefdeck\x07voor"))
    assert problems == [(3, 19, "onzichtbaar stuurteken (U+0007) mag niet in de tekst staan")]


@pytest.mark.parametrize("pure", BACKENDS)
@pytest.mark.parametrize("text", ["[" * 10_000 + "]" * 10_000, "{a: " * 10_000, "- " * 10_000 + "x"])
def test_deep_nesting_is_refused_not_recursed(tmp_path: Path, text: str, pure: bool) -> None:
    problems = _check(tmp_path, text.encode(), pure)
    assert len(problems) == 1
    assert problems[0][2].startswith("te diep genest") or problems[0][2].startswith("ongeldige YAML")


@pytest.mark.parametrize(("text", "expected"), [
    ("", (1, 1, "het bestand is leeg")),
    ("# alleen uitleg\n", (1, 1, "het bestand is leeg")),
    ("- een\n- lijst\n", (1, 1, "een deck begint met 'deck:', 'themes:' en 'dilemmas:'")),
    ("zomaar tekst\n", (1, 1, "een deck begint met 'deck:', 'themes:' en 'dilemmas:'")),
    ("deck: {}\n---\ndeck: {}\n", (2, 1, "hier begint een tweede YAML-document")),
    ("deck:\n\tid: x\n", (2, 1, "ongeldige YAML: spring in met spaties, niet met tabs")),
    ('deck: "open\n', (2, 1, "ongeldige YAML: het bestand houdt op midden in een tekst")),
    ("? [a]\n: b\n", (1, 3, "een sleutel moet een gewoon woord zijn")),
])
def test_shapes_and_syntax_errors_are_located(text: str, expected: tuple[int, int, str]) -> None:
    _, problems = parse_deck(text, "t.yaml")
    assert any((p.line, p.column) == expected[:2] and expected[2] in p.message for p in problems), problems


def test_missing_file_and_folder_given_as_file(tmp_path: Path) -> None:
    assert [str(p) for p in check_file(tmp_path / "weg.yaml")[1]] == [f"{tmp_path / 'weg.yaml'}:1:1: bestand niet gevonden"]
    assert check_file(tmp_path)[1][0].message == "dit is een map, geen bestand"


@pytest.mark.parametrize("seed", range(40))
def test_random_bytes_give_located_problems_and_no_crash(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
    for pure in BACKENDS:
        problems = _check(tmp_path, data, pure)
        assert problems and all(line >= 1 and column >= 1 for line, column, _ in problems)


@pytest.mark.parametrize("seed", range(40))
def test_mutated_decks_never_crash(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    data = bytearray(TEAM)
    for _ in range(rng.randrange(1, 6)):
        data[rng.randrange(len(data))] = rng.choice(b"-:[]{}&*!|>#'\"\t\n ?,%@`")
    for pure in BACKENDS:
        _check(tmp_path, bytes(data), pure)
