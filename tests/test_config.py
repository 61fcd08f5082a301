"""Config (SPEC §10): defaults when missing, located notices and defaults when broken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dilemmas import paths
from dilemmas.config import DEFAULT_CONTACTS, Config, Contact, ReferenceFigure, load_config


def _write(text: str) -> Path:
    file = paths.config_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def test_missing_file_gives_defaults_without_notice() -> None:
    config, notices = load_config()
    assert notices == []
    assert config == Config()
    assert (config.organisation, config.k, config.practice_count) == ("Gemeente", 5, 6)
    ids = [c.id for c in config.contacts]
    assert ids[:6] == ["vertrouwenspersoon", "leidinggevende", "p-en-o", "meldpunt", "privacy",
                       "huis-voor-klokkenluiders"]
    assert config.contact("meldpunt") is not None and config.contact("nope") is None
    whistle = config.contact("huis-voor-klokkenluiders")
    assert whistle is not None and whistle.reach == "huisvoorklokkenluiders.nl — ook voor advies"
    assert "[" in config.contacts[0].name  # a placeholder to fill in, not a made-up person
    assert "eed" in config.oath and "belofte" in config.oath


def test_full_config_is_read() -> None:
    file = _write(
        "organisatie: Gemeente Huizen\n"
        "contactpersonen:\n"
        "  - rol: Vertrouwenspersoon\n"
        "    naam: A. de Vries\n"
        "    bereikbaar: 035 123 45 67\n"
        "eed: |\n"
        "  Ik beloof het.\n"
        "k: 7\n"
        "standaard_deck: huizen-basis\n"
        "deck_mappen: [eigen-decks, /srv/decks]\n"
        "stappenplan: mijn-stappen.yaml\n"
        "oefenen_aantal: 4\n"
    )
    config, notices = load_config()
    assert notices == []
    assert config == Config(
        organisation="Gemeente Huizen",
        contacts=(Contact("Vertrouwenspersoon", "A. de Vries", "035 123 45 67"),),
        oath="Ik beloof het.",
        k=7,
        default_deck="huizen-basis",
        deck_dirs=(file.parent / "eigen-decks", Path("/srv/decks")),
        stappenplan=file.parent / "mijn-stappen.yaml",
        practice_count=4,
    )


def test_unknown_key_and_wrong_types_fall_back_per_setting() -> None:
    file = _write("organisatie: Huizen\nkk: 3\nk: 1\noefenen_aantal: veel\ncontactpersonen: iemand\n")
    config, notices = load_config()
    assert config.organisation == "Huizen"
    assert (config.k, config.practice_count, config.contacts) == (5, 6, DEFAULT_CONTACTS)
    assert notices == [
        f"{file}:2:1: onbekende instelling 'kk' telt niet mee; bedoel je 'k'?",
        f"{file}:3:4: 'k' moet een geheel getal van 3 of meer zijn; de standaardwaarde geldt",
        f"{file}:4:17: 'oefenen_aantal' moet een geheel getal van 1 of meer zijn; de standaardwaarde geldt",
        f"{file}:5:18: 'contactpersonen' moet een lijst zijn met per persoon een regel die begint "
        "met '- ', met 'rol' en verder 'naam', 'bereikbaar' en 'id'; de standaardwaarde geldt",
    ]


@pytest.mark.parametrize(("text", "line"), [
    ('organisatie: "Huizen\nk: 3\n', 1),
    ("organisatie: Huizen\n\tk: 3\n", 2),
    ("k: &x 3\n", 1),
    ("k: !!python/object/apply:os.system [ls]\n", 1),
])
def test_broken_block_gives_its_defaults_and_names_the_line(text: str, line: int) -> None:
    file = _write(text)
    config, notices = load_config()
    assert config.organisation == "Gemeente" and config.k in (3, 5)
    assert len(notices) == 1
    assert notices[0].startswith(f"{file}:{line}:")
    assert "niet mee en geldt daar de standaardinstelling" in notices[0]


def test_non_utf8_and_non_mapping_never_crash() -> None:
    _write("")
    paths.config_file().write_bytes(b"organisatie: Gem\xe9ente\n")
    config, notices = load_config()
    assert config == Config() and ":1:17: het bestand is niet opgeslagen als UTF-8" in notices[0]
    _write("- een lijst\n")
    config, notices = load_config()
    assert config == Config() and "sleutel: waarde" in notices[0]


def test_teams_and_reference_figures_are_read() -> None:
    _write("teams:\n  - Publiekszaken\n  - Openbare Werken\n  - Publiekszaken\n"
                 "referentiecijfers:\n  - 'MTO 2022: 59 % weet niet wie de vertrouwenspersoon is'\n")
    config, notices = load_config()
    assert notices == []
    assert config.teams == ("Publiekszaken", "Openbare Werken")
    assert config.reference_figures == (
        ReferenceFigure("", "MTO 2022: 59 % weet niet wie de vertrouwenspersoon is"),)


def test_reference_figures_name_their_pulse_question_each_checked_on_its_own() -> None:
    _write("referentiecijfers:\n"
           "  - {vraag: kent-vertrouwenspersoon, tekst: 'MTO 2022: 59 % weet niet wie de "
           "vertrouwenspersoon is', antwoord: ja, percentage: 41}\n"
           "  - {vraag: veilig, tekst: 'MTO 2024: 71 % voelt zich veilig', percentage: 'veel'}\n"
           "  - {vraag: veilig}\n"
           "  - {vraag: veilig, tekts: 'tikfout'}\n")
    config, notices = load_config()
    assert config.reference_figures == (
        ReferenceFigure("kent-vertrouwenspersoon",
                        "MTO 2022: 59 % weet niet wie de vertrouwenspersoon is", "ja", 41.0),
        ReferenceFigure("veilig", "MTO 2024: 71 % voelt zich veilig"),
    )
    text = "\n".join(notices)
    assert "'percentage' van een referentiecijfer moet een getal" in text
    assert "'tekst' ontbreekt" in text
    assert "onbekende sleutel 'tekts'" in text and "tekst" in text
    assert all(":3:" in n or ":4:" in n or ":5:" in n for n in notices), notices


def test_contact_id_is_read() -> None:
    _write("contactpersonen:\n  - {id: vertrouwenspersoon, rol: VP, naam: X, bereikbaar: Y}\n")
    config, notices = load_config()
    assert notices == []
    assert config.contact("vertrouwenspersoon") == Contact("VP", "X", "Y", id="vertrouwenspersoon")


# --- issue 17, item 6: one rule for which file is read; every field on its own -------------


def _rule_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No config override: the data folder chosen, XDG_CONFIG_HOME pointing into tmp."""
    monkeypatch.delenv(paths.CONFIG_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "integer-spel" / "config.yaml"


def test_data_dir_without_its_own_config_reads_the_user_config(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    user = _rule_env(tmp_path, monkeypatch)
    user.parent.mkdir(parents=True)
    user.write_text("organisatie: Gemeente Xdg\n", encoding="utf-8")
    file, reason = paths.config_source()
    assert file == user and "geen config.yaml" in reason
    assert load_config()[0].organisation == "Gemeente Xdg"


def test_data_dir_with_its_own_config_reads_that(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _rule_env(tmp_path, monkeypatch)
    portable = paths.data_dir() / "config.yaml"
    portable.write_text("organisatie: Gemeente Stick\n", encoding="utf-8")
    assert paths.config_source()[0] == portable
    assert load_config()[0].organisation == "Gemeente Stick"


def test_config_option_wins(tmp_path: Path) -> None:
    chosen = tmp_path / "elders.yaml"
    chosen.write_text("organisatie: Gemeente Elders\n", encoding="utf-8")
    paths.set_config_file(chosen)
    assert paths.config_source() == (chosen, "gekozen met --config")


def test_one_bad_contact_keeps_the_others() -> None:
    file = _write("contactpersonen:\n"
                  "  - {rol: Vertrouwenspersoon, bereikbaar: 06-1, id: vertrouwenspersoon}\n"
                  "  - {naam: Zonder rol}\n"
                  "  - {rol: P&O, telefoon: 06-2}\n")
    config, notices = load_config()
    assert [c.role for c in config.contacts] == ["Vertrouwenspersoon", "P&O"]
    assert config.contact("vertrouwenspersoon") is not None
    assert notices[0].startswith(f"{file}:3:5: deze contactpersoon telt niet mee: 'rol' ontbreekt")
    assert notices[1].startswith(f"{file}:4:16: onbekende sleutel 'telefoon' bij een contactpersoon "
                                 "telt niet mee; bedoel je 'bereikbaar'?")
    assert not any("naam" in n and "moet" in n for n in notices)


def test_unknown_default_deck_and_key_id_and_empty_oath_are_named() -> None:
    file = _write("standaard_deck: huizen-basiss\need:\ntoetsen:\n  round.vote-handz: k\n  app.help: f1\n"
                  "eedtekst: Ik beloof\n")
    config, notices = load_config(deck_ids={"huizen-basis"}, binding_ids={"round.vote-hands", "app.help"})
    assert config.default_deck is None
    assert config.keymap == (("app.help", "f1"),)
    assert any(n.startswith(f"{file}:1:17: 'standaard_deck': er is geen deck 'huizen-basiss'; "
                            "bedoel je 'huizen-basis'?") for n in notices), notices
    assert any(n.startswith(f"{file}:2:5: 'eed' is leeg") for n in notices), notices
    assert any("onbekende actie 'round.vote-handz'" in n and "'round.vote-hands'" in n for n in notices)
    assert any("onbekende instelling 'eedtekst'" in n and "bedoel je 'eed'?" in n for n in notices)


def test_placeholders_are_listed_until_filled_in() -> None:
    from dilemmas.config import Config, placeholder_notice, placeholders

    found = placeholders(Config())
    assert any("'naam' is nog niet ingevuld" in line for line in found)
    notice = placeholder_notice(Config())
    assert len(notice) == 1 and "integer-spel config check" in notice[0]
    _write("contactpersonen:\n  - {rol: Vertrouwenspersoon, naam: Sanne, bereikbaar: 06-1}\n"
           "eed: Onze eigen eed.\n")
    assert placeholders(load_config()[0]) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_config_is_refused_at_once() -> None:
    file = paths.config_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(file)
    config, notices = load_config()
    assert config.organisation == "Gemeente" and "geen gewoon bestand" in notices[0]


def test_deeply_nested_stappenplan_gives_a_message(tmp_path: Path) -> None:
    from dilemmas.stappenplan import load_stappenplan_or_default

    deep = tmp_path / "plan.yaml"
    deep.write_text("stappen: " + "[" * 5000 + "\n", encoding="utf-8")
    plan, notices = load_stappenplan_or_default(deep)
    assert plan is not None and notices and "te diep genest" in notices[0]


def test_config_check_names_a_reference_figure_of_an_unknown_pulse_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from game.cli import main

    _write("referentiecijfers:\n"
           "  - {vraag: kent-vertrouwenspersoon, tekst: 'MTO: 59 %', antwoord: ja}\n"
           "  - {vraag: kent-vertrouwenspersoom, tekst: 'MTO: tikfout'}\n"
           "  - {vraag: veilig-vraag-stellen, tekst: 'MTO: 80 %', antwoord: misschien}\n")
    assert main(["config", "check"]) == 1
    out = capsys.readouterr().out
    assert "er is geen meldklimaatvraag 'kent-vertrouwenspersoom'" in out
    assert "kent-vertrouwenspersoon" in out
    assert "heeft geen antwoord 'misschien'" in out
    assert "'MTO: 59 %'" not in out
