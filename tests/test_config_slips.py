"""A slip in the config costs only its block (SPEC §10); the defaults put no words in the
organisation's mouth; start-up says the config's problems in one notice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dilemmas import paths
from dilemmas.config import (
    DEFAULT_CONTACTS,
    DEFAULT_OATH,
    Config,
    load_config,
    placeholder_notice,
    placeholders,
)
from game.cli import main
from game.context import AppContext

GOOD = """organisatie: Gemeente Dijkstede
teams:
  - Burgerzaken
  - Handhaving
contactpersonen:
  - id: vertrouwenspersoon
    rol: Vertrouwenspersoon
    naam: Sanne de Wit
    bereikbaar: 06-1
  - id: p-en-o
    rol: P&O
    naam: Piet
eed: |
  Ik zweer dat ik eerlijk werk.
  Zo waarlijk helpe mij God almachtig.
k: 10
"""


def _write(text: str) -> Path:
    file = paths.config_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def test_a_mis_indented_contact_costs_only_the_contacts() -> None:
    file = _write(GOOD.replace("    rol: P&O", "     rol: P&O"))
    config, notices = load_config()
    assert config.organisation == "Gemeente Dijkstede"
    assert (config.k, config.teams) == (10, ("Burgerzaken", "Handhaving"))
    assert config.oath.startswith("Ik zweer")
    assert config.contacts == DEFAULT_CONTACTS
    assert len(notices) == 1
    assert notices[0].startswith(f"{file}:11:")
    assert "het blok 'contactpersonen' (regels 5–12) niet mee" in notices[0]


def test_an_unindented_oath_gets_the_indent_advice_and_costs_only_the_oath() -> None:
    file = _write(GOOD.replace("  Ik zweer dat ik eerlijk werk.\n  Zo waarlijk",
                               "Ik zweer dat ik eerlijk werk.\nWie de eed aflegt, zegt: Zo waarlijk"))
    config, notices = load_config()
    assert config.oath == DEFAULT_OATH
    assert [c.name for c in config.contacts] == ["Sanne de Wit", "Piet"]
    assert config.k == 10
    assert len(notices) == 1 and notices[0].startswith(f"{file}:14:1: ")
    assert "moet inspringen" in notices[0] and "blok 'eed'" in notices[0]
    assert "ontbreekt een ':'" not in notices[0]


def test_curly_quotes_around_a_value_get_the_quote_advice_and_the_value_counts() -> None:
    _write(GOOD.replace("organisatie: Gemeente Dijkstede", "organisatie: “Gemeente Dijkstede”"))
    config, notices = load_config()
    assert config.organisation == "Gemeente Dijkstede"
    assert len(config.contacts) == 2 and config.k == 10
    assert len(notices) == 1 and "typografische aanhalingstekens" in notices[0]
    assert "rechte" in notices[0]


def test_one_esc_byte_costs_one_field() -> None:
    file = _write(GOOD.replace("naam: Sanne de Wit", "naam: Sanne\x1b de Wit"))
    config, notices = load_config()
    assert config.k == 10 and config.organisation == "Gemeente Dijkstede"
    assert [(c.id, c.name, c.reach) for c in config.contacts] == [
        ("vertrouwenspersoon", "", "06-1"), ("p-en-o", "Piet", "")]
    assert len(notices) == 1 and notices[0].startswith(f"{file}:8:")
    assert "stuurteken" in notices[0]


@pytest.mark.parametrize("value", ["0", "1", "2"])
def test_k_below_three_is_refused_with_a_located_message(value: str) -> None:
    file = _write(GOOD.replace("k: 10", f"k: {value}"))
    config, notices = load_config()
    assert config.k == 5
    assert notices == [f"{file}:16:4: 'k' moet een geheel getal van 3 of meer zijn; "
                       "de standaardwaarde geldt"]


def test_k_of_three_is_accepted() -> None:
    _write(GOOD.replace("k: 10", "k: 3"))
    assert load_config() == (load_config()[0], []) and load_config()[0].k == 3


def test_config_check_names_the_ignored_block_first(capsys: pytest.CaptureFixture[str]) -> None:
    _write(GOOD.replace("    rol: P&O", "     rol: P&O"))
    assert main(["config", "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Instellingen: ")
    assert "het blok 'contactpersonen'" in out[1] and "niet mee" in out[1]
    assert out.index(next(line for line in out if line.startswith("Nog niet ingevuld"))) > 1


def test_default_contacts_hold_the_agreed_ids_with_placeholders() -> None:
    ids = [contact.id for contact in DEFAULT_CONTACTS]
    assert ids == ["vertrouwenspersoon", "leidinggevende", "p-en-o", "meldpunt", "privacy",
                   "huis-voor-klokkenluiders", "agressie", "ondermijning", "woo", "toezicht-wmo",
                   "antidiscriminatie", "klachtencommissie", "informatiebeveiliging", "griffier",
                   "burgemeester"]
    found = placeholders(Config())
    for contact in DEFAULT_CONTACTS[6:]:
        assert "invullen]" in contact.name + contact.reach, contact
    assert sum("Landelijke Klachtencommissie" in line for line in found) == 1
    assert len({contact.role for contact in DEFAULT_CONTACTS if contact.id == "privacy"}) == 1


def test_default_oath_is_a_placeholder_pointed_out_by_check_and_notice(capsys: pytest.CaptureFixture[str]) -> None:
    assert "Zo waarlijk" not in DEFAULT_OATH and "geschenk" not in DEFAULT_OATH
    assert "invullen]" in DEFAULT_OATH
    assert any("eed of belofte" in line for line in placeholders(Config()))
    assert "de tekst van de eed of belofte" in placeholder_notice(Config())[0]
    _write("organisatie: Huizen\n")
    main(["config", "check"])
    assert "'eed': de tekst van de eed of belofte" in capsys.readouterr().out


def test_start_up_says_the_config_problems_in_one_notice() -> None:
    file = _write("organisatie: [x\nk: 1\noefenen_aantal: veel\nkk: 3\nteams: iemand\n")
    config, notices = load_config()
    assert len(notices) == 5
    ctx = AppContext(config, config_notices=notices, setup_notices=placeholder_notice(config))
    from dilemmas.discovery import DeckRegistry

    ctx.registry = DeckRegistry()
    out = ctx.start_notices()
    assert len(out) == 1
    assert out[0].startswith(f"De instellingen in {file} (6 punten):")
    assert "• regel 2: 'k'" in out[0] and "integer-spel config check" in out[0]
    assert str(file) + ":" not in out[0]


def test_config_path_prints_every_folder_also_on_windows(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    windows_data = Path("C:/Users/anna/AppData/Local/integer-spel")
    windows_config = Path("C:/Users/anna/AppData/Local/integer-spel/config")
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.delenv(paths.CONFIG_DIR_ENV)
    monkeypatch.setattr(paths, "user_data_path", lambda **_: windows_data)
    monkeypatch.setattr(paths, "user_config_path", lambda **_: windows_config)
    monkeypatch.setattr("sessions.files.export_folder", lambda: Path("C:/Users/anna/Downloads"))
    assert main(["config", "path"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == str(windows_config / "config.yaml")
    assert f"Gegevensmap (de bewaarde sessies en oefenrondes): {windows_data}\n" in out
    assert f"Map voor eigen decks: {windows_data / 'decks'}\n" in out
    assert "Exports (samenvattingen en rapporten uit de app): C:" in out and "Downloads" in out
    assert "standaardmap voor gegevens" in out


def test_decks_new_names_the_own_decks_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "new", str(tmp_path / "mijn.yaml")]) == 0
    assert f"map voor eigen decks: {paths.user_decks_dir()}" in capsys.readouterr().out


BLOCKS = {
    "organisatie": ("organisatie: Gemeente Dijkstede\n", "organisation", "Gemeente Dijkstede"),
    "teams": ("teams:\n  - Burgerzaken\n  - Handhaving\n", "teams", ("Burgerzaken", "Handhaving")),
    "eed": ("eed: |\n  Ik beloof het.\n", "oath", "Ik beloof het."),
    "k": ("k: 10\n", "k", 10),
    "oefenen_aantal": ("oefenen_aantal: 4\n", "practice_count", 4),
}
SLIPS = ["   verkeerd: [\n", "\tmet: tab\n", "  - {a: b\n", "  “x”: y: z\n", "  a: b\n  - c\n"]


@pytest.mark.parametrize("broken", [name for name in BLOCKS if name != "eed"])  # eed: more text
@pytest.mark.parametrize("slip", SLIPS)
def test_a_slip_in_one_block_leaves_every_other_block_read(broken: str, slip: str) -> None:
    _write("".join(text + (slip if name == broken else "") for name, (text, _, _) in BLOCKS.items()))
    config, notices = load_config()
    for name, (_, field, value) in BLOCKS.items():
        if name != broken:
            assert getattr(config, field) == value, (name, notices)
    assert notices and f"blok '{broken}'" in notices[0], notices


def test_a_slip_in_a_windows_file_costs_only_its_block() -> None:
    file = paths.config_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    text = GOOD.replace("    rol: P&O", "     rol: P&O")
    file.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    config, notices = load_config()
    assert (config.organisation, config.k) == ("Gemeente Dijkstede", 10)
    assert config.oath.startswith("Ik zweer") and config.teams == ("Burgerzaken", "Handhaving")
    assert len(notices) == 1 and "blok 'contactpersonen'" in notices[0]


_PIECES = ["\t", ":", ": ", "- ", "[", "{", "\"", "'", "“", "\u00a0", "\x1b", "&a ", "*a", "---\n",
           "\n", "   ", "|", "#", "eed: |\n", "\nx\n"]


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = GOOD
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(_PIECES)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 15)):]
    return text


@settings(max_examples=150, deadline=None)
@given(text=_mutated())
def test_any_slip_gives_located_notices_and_never_raises(text: str) -> None:
    file = _write(text)
    config, notices = load_config()
    assert isinstance(config, Config) and config.k >= 3
    assert all(notice.startswith(f"{file}:") for notice in notices)
    assert all(re.match(rf"{re.escape(str(file))}:\d+:\d+: ", notice) for notice in notices)
