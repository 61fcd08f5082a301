"""The WIO's settings (SPEC §10): organisation, contacts, oath text, k, decks; never fatal."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dilemmas import paths
from dilemmas._yaml import Mapping, Node, Scalar, Sequence, compose, read_text
from dilemmas.errors import Problem


@dataclass(frozen=True)
class Contact:
    """Someone to go to with a question or a report: the role, a name, and how to reach them."""

    role: str
    name: str = ""
    reach: str = ""
    id: str = ""
    """A slug that deck cards use to name this contact (`contacts: [vertrouwenspersoon]`)."""


DEFAULT_CONTACTS: tuple[Contact, ...] = (
    Contact("Externe vertrouwenspersoon (integriteit en ongewenst gedrag)", "[naam invullen]",
            "[telefoonnummer of e-mailadres invullen]", id="vertrouwenspersoon"),
    Contact("Je leidinggevende", "", "", id="leidinggevende"),
    Contact("P&O (coördineert het integriteitsbeleid)", "", "[hoe je P&O bereikt invullen]",
            id="p-en-o"),
    Contact("Meldpunt — Regeling melding vermoeden misstand", "",
            "[waar de regeling staat invullen, bijvoorbeeld de pagina op intranet]",
            id="meldpunt"),
    Contact("Privacyteam (datalekken melden)", "", "[hoe je een datalek meldt invullen]",
            id="privacy"),
    Contact("Huis voor Klokkenluiders", "", "huisvoorklokkenluiders.nl — ook voor advies",
            id="huis-voor-klokkenluiders"),
)

DEFAULT_OATH = (
    "Als ambtenaar werk je voor de samenleving. Daarom beloof je:\n"
    "\n"
    "- dat je je werk eerlijk, zorgvuldig en onpartijdig doet;\n"
    "- dat je de wet en de regels van de gemeente naleeft;\n"
    "- dat je geheimhoudt wat je in vertrouwen hoort of wat geheim moet blijven;\n"
    "- dat je geen geschenken, diensten of beloften aanneemt die je werk kunnen beïnvloeden;\n"
    "- dat je je gedraagt zoals het een goed ambtenaar past, ook als niemand meekijkt.\n"
    "\n"
    "Wie de eed aflegt, sluit af met: \"Zo waarlijk helpe mij God almachtig.\"\n"
    "Wie de belofte aflegt, sluit af met: \"Dat verklaar en beloof ik.\"\n"
    "\n"
    "[Pas deze tekst aan naar de eed of belofte van je eigen gemeente.]"
)

KEYS = ("organisatie", "teams", "contactpersonen", "eed", "k", "standaard_deck", "deck_mappen",
        "stappenplan", "oefenen_aantal", "toetsen", "referentiecijfers")
CONTACT_KEYS = ("id", "rol", "naam", "bereikbaar")


@dataclass(frozen=True)
class Config:
    """The settings, with Dutch defaults for everything that is missing or broken."""

    organisation: str = "Gemeente"
    contacts: tuple[Contact, ...] = DEFAULT_CONTACTS
    oath: str = DEFAULT_OATH
    k: int = 5
    default_deck: str | None = None
    deck_dirs: tuple[Path, ...] = field(default_factory=tuple)
    stappenplan: Path | None = None
    practice_count: int = 6
    keymap: tuple[tuple[str, str], ...] = ()
    """Own keys for the app's actions: (binding id, keys), e.g. ("round.vote-hands", "k")."""
    teams: tuple[str, ...] = ()
    """The organisation's teams, spelled as the WIO wants them shown (setup and report reach)."""
    reference_figures: tuple[str, ...] = ()
    """Figures to compare the pulse with, e.g. "MTO 2022: 59 % weet niet wie ...", as written."""

    def contact(self, contact_id: str) -> Contact | None:
        """The contact with this id, or None."""
        for contact in self.contacts:
            if contact.id == contact_id:
                return contact
        return None


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """Read the config file; never raises.

    A missing file gives the defaults and no notice. Anything wrong gives a Dutch notice
    naming file and line, and that setting (or, for a YAML syntax error, every setting)
    keeps its default.

    Returns:
        The config and the notices.
    """
    file = paths.config_file() if path is None else path
    if not file.exists():
        return Config(), []
    text, problems = read_text(file, str(file))
    root: Node | None = None
    if text is not None and not problems:
        root, problems = compose(text, str(file))
    if problems:
        first = problems[0]
        return Config(), [f"{first}. Daarom gelden alle standaardinstellingen."]
    if root is None or (isinstance(root, Scalar) and root.is_null):
        return Config(), []
    reader = _Reader(str(file), file.parent)
    return reader.config(root), reader.notices


class _Reader:
    def __init__(self, label: str, base: Path) -> None:
        self.label = label
        self.base = base
        self.notices: list[str] = []

    def notice(self, node: Node, message: str) -> None:
        self.notices.append(str(Problem(self.label, node.line, node.column, message)))

    def config(self, root: Node) -> Config:
        if not isinstance(root, Mapping):
            self.notice(root, "de instellingen moeten regels 'sleutel: waarde' zijn; "
                              "daarom gelden alle standaardinstellingen")
            return Config()
        values: dict[str, Any] = {}
        seen: set[str] = set()
        for key, node in root.pairs:
            name = key.value if isinstance(key, Scalar) else ""
            if name in seen:
                self.notice(key, f"'{name}' staat er twee keer; de eerste telt")
                continue
            seen.add(name)
            if name not in KEYS:
                guess = difflib.get_close_matches(name, KEYS, n=1, cutoff=0.6)
                hint = f"; bedoel je '{guess[0]}'?" if guess else ""
                self.notice(key, f"onbekende instelling '{name}' telt niet mee{hint}")
                continue
            value = self.value(name, node)
            if value is not None:
                values[name] = value
        return replace(
            Config(),
            **{field_name: values[key] for key, field_name in _FIELDS.items() if key in values},
        )

    def value(self, name: str, node: Node) -> object | None:
        """The value of one setting, or None (with a notice) to keep its default."""
        if isinstance(node, Scalar) and node.is_null:
            return None
        if name in ("k", "oefenen_aantal"):
            low = 2 if name == "k" else 1
            number = node.as_int() if isinstance(node, Scalar) else None
            if number is None or number < low:
                self.fallback(node, name, f"moet een geheel getal van {low} of meer zijn")
                return None
            return number
        if name == "contactpersonen":
            return self.contacts(node)
        if name == "toetsen":
            return self.keymap(node)
        if name in ("teams", "referentiecijfers"):
            items = node.items if isinstance(node, Sequence) else None
            texts = [self.text(item) for item in items] if items is not None else None
            if texts is None or any(text is None for text in texts):
                self.fallback(node, name, "moet een lijst zijn, met elk op een eigen regel "
                                          "die begint met '- '")
                return None
            return tuple(dict.fromkeys(text for text in texts if text))
        if name == "deck_mappen":
            items = node.items if isinstance(node, Sequence) else [node]
            folders = [self.text(item) for item in items]
            if any(folder is None for folder in folders):
                self.fallback(node, name, "moet een lijst met mappen zijn")
                return None
            return tuple(self.path(folder) for folder in folders if folder)
        text = self.text(node)
        if text is None:
            self.fallback(node, name, "moet een tekst zijn")
            return None
        if name == "stappenplan":
            return self.path(text)
        return text

    def contacts(self, node: Node) -> tuple[Contact, ...] | None:
        if not isinstance(node, Sequence):
            self.fallback(node, "contactpersonen",
                          "moet een lijst zijn met per persoon 'rol', 'naam' en 'bereikbaar'")
            return None
        contacts: list[Contact] = []
        for item in node.items:
            fields = self.contact_fields(item)
            if fields is None:
                self.fallback(item, "contactpersonen",
                              "moet per persoon 'rol', 'naam' en 'bereikbaar' hebben")
                return None
            contacts.append(Contact(role=fields.get("rol", ""), name=fields.get("naam", ""),
                                    reach=fields.get("bereikbaar", ""), id=fields.get("id", "")))
        return tuple(contacts)

    def keymap(self, node: Node) -> tuple[tuple[str, str], ...] | None:
        pairs = node.pairs if isinstance(node, Mapping) else None
        keymap: list[tuple[str, str]] = []
        for key, value in pairs or []:
            binding_id, keys = self.text(key), self.text(value)
            if not binding_id or not keys:
                pairs = None
                break
            keymap.append((binding_id, keys))
        if pairs is None:
            self.fallback(node, "toetsen", "moet regels 'actie: toets' zijn, "
                                           "zoals 'round.vote-hands: k'")
            return None
        return tuple(keymap)

    def contact_fields(self, item: Node) -> dict[str, str] | None:
        if not isinstance(item, Mapping):
            return None
        fields: dict[str, str] = {}
        for key, value in item.pairs:
            name = key.value if isinstance(key, Scalar) else ""
            text = self.text(value)
            if name not in CONTACT_KEYS or text is None:
                return None
            fields[name] = text
        return fields if fields.get("rol") else None

    def fallback(self, node: Node, name: str, reason: str) -> None:
        self.notice(node, f"'{name}' {reason}; de standaardwaarde geldt")

    @staticmethod
    def text(node: Node) -> str | None:
        if not isinstance(node, Scalar):
            return None
        return "" if node.is_null else node.value.strip()

    def path(self, text: str) -> Path:
        folder = Path(text).expanduser()
        return folder if folder.is_absolute() else self.base / folder


_FIELDS = {
    "organisatie": "organisation",
    "contactpersonen": "contacts",
    "eed": "oath",
    "k": "k",
    "standaard_deck": "default_deck",
    "deck_mappen": "deck_dirs",
    "stappenplan": "stappenplan",
    "oefenen_aantal": "practice_count",
    "toetsen": "keymap",
    "teams": "teams",
    "referentiecijfers": "reference_figures",
}
