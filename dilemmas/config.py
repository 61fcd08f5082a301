"""The WIO's settings (SPEC §10): organisation, contacts, oath text, k, decks; never fatal."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dilemmas import paths
from dilemmas._yaml import Mapping, Node, Scalar, Sequence, compose, read_text
from dilemmas.errors import Problem, attach_excerpts


@dataclass(frozen=True)
class Contact:
    """Someone to go to with a question or a report: the role, a name, and how to reach them."""

    role: str
    name: str = ""
    reach: str = ""
    id: str = ""
    """A slug that deck cards use to name this contact (`contacts: [vertrouwenspersoon]`)."""


_REACH = "[hoe je deze persoon bereikt invullen]"

DEFAULT_CONTACTS: tuple[Contact, ...] = (
    Contact("Externe vertrouwenspersoon (integriteit en ongewenst gedrag)", "[naam invullen]",
            "[telefoonnummer of e-mailadres invullen]", id="vertrouwenspersoon"),
    Contact("Je leidinggevende", "", "", id="leidinggevende"),
    Contact("P&O (coördineert het integriteitsbeleid)", "", "[hoe je P&O bereikt invullen]",
            id="p-en-o"),
    Contact("Meldpunt — Regeling melding vermoeden misstand", "",
            "[waar de regeling staat invullen, bijvoorbeeld de pagina op intranet]",
            id="meldpunt"),
    Contact("Privacyteam (vragen over persoonsgegevens, datalekken melden)", "",
            "[hoe je een datalek meldt invullen]", id="privacy"),
    Contact("Huis voor Klokkenluiders", "", "huisvoorklokkenluiders.nl — ook voor advies",
            id="huis-voor-klokkenluiders"),
    Contact("Aandachtsfunctionaris agressie en veiligheid", "[naam invullen]", _REACH,
            id="agressie"),
    Contact("Team OOV / Bibob (ondermijning)", "", "[hoe je het team OOV bereikt invullen]",
            id="ondermijning"),
    Contact("Woo-contactpersoon", "[naam invullen]", _REACH, id="woo"),
    Contact("Toezichthouder Wmo (zorgfraude)", "", "[hoe je de toezichthouder bereikt invullen]",
            id="toezicht-wmo"),
    Contact("De regionale antidiscriminatievoorziening", "",
            "[naam en website van de voorziening in jullie regio invullen]",
            id="antidiscriminatie"),
    Contact("Landelijke Klachtencommissie Ongewenst Gedrag (formele klacht)", "",
            "[hoe je een formele klacht indient invullen]", id="klachtencommissie"),
    Contact("CISO / servicedesk voor beveiligingsincidenten", "",
            "[telefoonnummer of e-mailadres van de servicedesk invullen]",
            id="informatiebeveiliging"),
    Contact("Griffier", "[naam invullen]", _REACH, id="griffier"),
    Contact("Burgemeester", "[naam invullen]", "[via wie je de burgemeester bereikt invullen]",
            id="burgemeester"),
)

DEFAULT_OATH = (
    "[tekst van de eed of belofte van je eigen gemeente invullen]\n"
    "\n"
    "Hier komt de tekst die nieuwe collega's uitspreken als ze de eed of belofte afleggen, "
    "zoals jullie gemeente die gebruikt. De werkgroep integriteit zet die in de instellingen, "
    "onder 'eed'."
)
"""A neutral placeholder: the app puts no words in an organisation's mouth."""

MIN_K = 3
"""The smallest group whose votes a report may show: below three, a vote points at people."""

PLACEHOLDER = re.compile(r"\[[^\]\n]*invullen[^\]\n]*\]")
"""A text the WIO still has to fill in, such as "[naam invullen]"."""

OATH_MISSING = "'eed': de tekst van de eed of belofte van jullie gemeente is nog niet ingevuld"
"""How `placeholders` names the oath while it is still the default placeholder."""

FIX_COMMAND = "integer-spel config check"
"""The command that shows which file to edit and what is still missing."""

# Words a WIO member may reach for, and the setting meant.
_ALIASES = {
    "eedtekst": "eed", "eed_tekst": "eed", "ambtseed": "eed", "belofte": "eed", "oath": "eed",
    "contacten": "contactpersonen", "contacts": "contactpersonen", "contactpersoon": "contactpersonen",
    "gemeente": "organisatie", "organisation": "organisatie", "naam": "organisatie",
    "deck": "standaard_deck", "standaarddeck": "standaard_deck", "decks": "deck_mappen",
    "deckmappen": "deck_mappen", "aantal": "oefenen_aantal", "toets": "toetsen", "sneltoetsen": "toetsen",
    "afdelingen": "teams", "referentie": "referentiecijfers", "cijfers": "referentiecijfers",
}
_CONTACT_ALIASES = {"telefoon": "bereikbaar", "telefoonnummer": "bereikbaar", "email": "bereikbaar",
                    "e-mail": "bereikbaar", "mail": "bereikbaar", "functie": "rol", "role": "rol",
                    "name": "naam"}

KEYS = ("organisatie", "teams", "contactpersonen", "eed", "k", "standaard_deck", "deck_mappen",
        "stappenplan", "oefenen_aantal", "toetsen", "referentiecijfers")
CONTACT_KEYS = ("id", "rol", "naam", "bereikbaar")


@dataclass(frozen=True)
class ReferenceFigure:
    """A figure from elsewhere (an MTO, a survey) that the report shows beside a pulse
    question: YAML ``{vraag: kent-vertrouwenspersoon, tekst: "MTO 2022: …", antwoord: ja,
    percentage: 41}``; a plain text entry is tied to no question."""

    question: str
    """The pulse question's id ("" for a plain text entry)."""
    text: str
    answer: str | None = None
    """The answer key the percentage is of (e.g. "ja")."""
    percentage: float | None = None


REFERENCE_KEYS = ("vraag", "tekst", "antwoord", "percentage")


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
    reference_figures: tuple[ReferenceFigure, ...] = ()
    """Figures to compare the pulse with, each beside the pulse question it belongs to."""

    def contact(self, contact_id: str) -> Contact | None:
        """The contact with this id, or None."""
        for contact in self.contacts:
            if contact.id == contact_id:
                return contact
        return None


def load_config(path: Path | None = None, *, deck_ids: Collection[str] | None = None,
                binding_ids: Collection[str] | None = None) -> tuple[Config, list[str]]:
    """Read the config file; never raises.

    With ``deck_ids`` an unknown ``standaard_deck`` is named, with ``binding_ids`` an
    unknown action under ``toetsen`` (the ids live in the app; `dilemmas` knows no screens).

    A missing file gives the defaults and no notice. Anything wrong gives a Dutch notice
    naming file and line, and that setting keeps its default; a YAML syntax slip costs only
    the top-level block it is in (see `_read_blocks`), and those notices come first.

    Returns:
        The config and the notices.
    """
    file = paths.config_file() if path is None else path
    if not file.exists() and not file.is_symlink():
        return Config(), []
    config, problems = _load(file, deck_ids, binding_ids)
    return config, [str(problem) for problem in problems]


def check_config(path: Path, *, deck_ids: Collection[str] | None = None,
                 binding_ids: Collection[str] | None = None) -> tuple[Config, list[Problem]]:
    """Every problem of a config file, each located, with its line shown (`config check`);
    a block that was ignored is named first."""
    return _load(path, deck_ids, binding_ids, excerpts=True)


def _load(file: Path, deck_ids: Collection[str] | None, binding_ids: Collection[str] | None, *,
          excerpts: bool = False) -> tuple[Config, list[Problem]]:
    label = str(file)
    text, read_problems = read_text(file, label)
    if text is None:
        return Config(), read_problems
    # A character that is no text (ESC, or a byte that is not UTF-8) was replaced by U+FFFD:
    # the setting it stands in keeps its default, the others are read.
    problems = [replace(p, message=f"{p.message}; {_COSTS}") for p in read_problems]
    root, ignored = _read_blocks(text, label)
    problems = ignored + problems
    config = Config()
    if root is not None and not (isinstance(root, Scalar) and root.is_null):
        reader = _Reader(label, file.parent, deck_ids, binding_ids)
        config = reader.config(root)
        problems += reader.problems
    return config, (attach_excerpts(problems, text) if excerpts else problems)


_COSTS = "een instelling met zo'n teken telt niet mee"

_TOP_KEY = re.compile(r"(?P<key>[^\s#\-\[{\"'][^:\n]*?|\"[^\"\n]*\"|'[^'\n]*'):(?:[ \t\r]|$)")
"""A line that starts a top-level setting: a key at the first column, then ':'."""
_BLOCK_TEXT = re.compile(r":[ \t]*[|>][0-9+-]*[ \t]*(?:#.*)?$")
"""A key whose value is a text on the lines below (`eed: |`)."""
_CURLY = "“”‘’„‚"


def _blocks(text: str) -> list[tuple[int, str, list[str]]]:
    """The file cut into top-level blocks: (first line number, key, lines). Lines before the
    first key form a block with key ''. A line at the first column that is no setting
    (an oath text not indented under `eed: |`) stays with the block above it."""
    blocks: list[tuple[int, str, list[str]]] = [(1, "", [])]
    for number, line in enumerate(text.split("\n"), start=1):
        match = _TOP_KEY.match(line)
        if match and not line.startswith(("---", "...")):
            key = match.group("key").strip("\"'")
            lines = blocks[-1][2]
            in_text = bool(lines) and bool(_BLOCK_TEXT.search(lines[0].rstrip()))
            if not in_text or key in KEYS or key.lower() in _ALIASES:
                blocks.append((number, key, [line]))
                continue
        blocks[-1][2].append(line)
    return blocks


def _read_blocks(text: str, label: str) -> tuple[Node | None, list[Problem]]:
    """The tree of the whole file; after a YAML slip, the tree of every top-level block that
    reads on its own, with one problem per block left out (SPEC §10: a slip costs only its
    block). Typographic quotes around a value are named and the value is read without them."""
    root, problems = compose(text, label)
    if not problems:
        return root, []
    merged = Mapping(1, 1)
    ignored: list[Problem] = []
    notes: list[Problem] = []
    for first, key, lines in _blocks(text):
        if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
            continue
        block_root, block_problems = compose("\n" * (first - 1) + "\n".join(lines), label)
        curly_only = block_root is not None and all(
            p.message.startswith("typografische aanhalingstekens") for p in block_problems)
        if block_problems and not curly_only:
            ignored.append(_ignored(label, key, first, lines, block_problems[0]))
            continue
        notes += [replace(p, message=f"{p.message}; de tekst telt zonder die tekens")
                  for p in block_problems]
        if isinstance(block_root, Mapping):
            merged.flat.extend(block_root.flat)
        elif block_root is not None and not (isinstance(block_root, Scalar) and block_root.is_null):
            if key:
                ignored.append(_ignored(label, key, first, lines, Problem(
                    label, block_root.line, block_root.column, "dit is geen regel 'sleutel: waarde'")))
            else:
                return block_root, ignored + notes  # the whole file is no mapping (`- een lijst`)
    return merged, ignored + notes


def _ignored(label: str, key: str, first: int, lines: list[str], problem: Problem) -> Problem:
    """The problem that made a block unreadable, saying that the block was left out."""
    last = first + max(i for i, line in enumerate(lines) if line.strip())
    span = f"regel {first}" if last == first else f"regels {first}–{last}"
    name = f"'{key}'" if key else "vóór de eerste instelling"
    reason = problem.message.removeprefix("ongeldige YAML: ")
    line, column = problem.line, problem.column
    if line > last:  # the parser ran off the end of the block (`k: [`): the slip is in it
        line, column = last, len(lines[last - first].rstrip()) + 1
    if lines and _BLOCK_TEXT.search(lines[0].rstrip()):
        body = [(i, text) for i, text in enumerate(lines[1:], start=1) if text.strip()]
        unindented = [i for i, text in body if not text[:1].isspace()]
        if unindented:
            line, column = first + unindented[0], 1
            reason = (f"de tekst onder '{key}: |' moet inspringen: zet twee spaties voor elke "
                      "regel van de tekst")
    return Problem(label, line, column, f"{reason}. Daarom telt het blok {name} ({span}) niet mee "
                                        "en geldt daar de standaardinstelling")


def reference_problems(config: Config, questions: AbcMapping[str, Collection[str]]
                       ) -> list[str]:
    """Reference figures whose pulse question (or answer) the installed pulse decks do not
    have, one Dutch line each, for `config check`. ``questions``: question id → answer keys."""
    found = []
    for figure in config.reference_figures:
        if not figure.question:
            continue
        if figure.question not in questions:
            known = ", ".join(sorted(questions)) or "(geen)"
            found.append(f"referentiecijfer '{figure.text}': er is geen meldklimaatvraag "
                         f"'{figure.question}'{_then(_suggest(figure.question, questions, {}))}"
                         f"De vragen: {known}")
        elif figure.answer and figure.answer not in questions[figure.question]:
            keys = ", ".join(questions[figure.question])
            found.append(f"referentiecijfer '{figure.text}': vraag '{figure.question}' heeft "
                         f"geen antwoord '{figure.answer}' (wel: {keys})")
    return found


def placeholders(config: Config) -> list[str]:
    """What the WIO has not filled in yet ("[naam invullen]"), one Dutch line each, for every
    screen that shows contacts or the oath to say so once, with `FIX_COMMAND`."""
    found: list[str] = []
    for contact in config.contacts:
        for what, text in (("naam", contact.name), ("bereikbaar", contact.reach), ("rol", contact.role)):
            if PLACEHOLDER.search(text):
                found.append(f"contactpersoon '{PLACEHOLDER.sub('', contact.role).strip() or contact.id}': "
                             f"'{what}' is nog niet ingevuld")
    if PLACEHOLDER.search(config.oath) or "[Pas deze tekst aan" in config.oath:
        found.append(OATH_MISSING)
    return found


def placeholder_notice(config: Config) -> list[str]:
    """One start-up notice when something is still to be filled in (else none); the oath is
    named by itself, since the default text is only a placeholder."""
    found = placeholders(config)
    if not found:
        return []
    example = "de tekst van de eed of belofte" if OATH_MISSING in found else found[0]
    return [f"Nog niet ingevuld door de WIO: {_count(len(found))} (zoals {example}). "
            f"Zie wat en in welk bestand met: {FIX_COMMAND}"]


def _count(n: int) -> str:
    return "1 gegeven" if n == 1 else f"{n} gegevens"


def _suggest(name: str, known: Collection[str], aliases: dict[str, str]) -> str:
    guess: str | None = aliases.get(name.lower())
    if guess not in known:
        matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
        guess = matches[0] if matches else None
    return f"; bedoel je '{guess}'?" if guess else ""


def _then(hint: str) -> str:
    """A hint ending in '?' and then a next sentence."""
    return f"{hint} " if hint else ". "


class _Reader:
    def __init__(self, label: str, base: Path, deck_ids: Collection[str] | None = None,
                 binding_ids: Collection[str] | None = None) -> None:
        self.label = label
        self.base = base
        self.deck_ids = deck_ids
        self.binding_ids = binding_ids
        self.notices: list[str] = []
        self.problems: list[Problem] = []

    def notice(self, node: Node, message: str) -> None:
        problem = Problem(self.label, node.line, node.column, message)
        self.problems.append(problem)
        self.notices.append(str(problem))

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
                self.notice(key, f"onbekende instelling '{name}' telt niet mee"
                                 f"{_suggest(name, KEYS, _ALIASES)}")
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
        if _replaced(node):
            return None
        if isinstance(node, Scalar) and (node.is_null or not node.value.strip()):
            if name == "eed":
                self.notice(node, "'eed' is leeg; de standaardtekst van de eed geldt. Zet de tekst "
                                  "op de regels eronder, na 'eed: |'")
            return None
        if name in ("k", "oefenen_aantal"):
            low = MIN_K if name == "k" else 1
            number = node.as_int() if isinstance(node, Scalar) else None
            if number is None or number < low:
                self.fallback(node, name, f"moet een geheel getal van {low} of meer zijn")
                return None
            return number
        if name == "contactpersonen":
            return self.contacts(node)
        if name == "toetsen":
            return self.keymap(node)
        if name == "referentiecijfers":
            return self.reference_figures(node)
        if name == "teams":
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
        if name == "standaard_deck" and self.deck_ids is not None and text not in self.deck_ids:
            known = ", ".join(sorted(self.deck_ids)) or "(geen)"
            self.notice(node, f"'standaard_deck': er is geen deck '{text}'"
                              f"{_then(_suggest(text, self.deck_ids, {}))}De decks: {known}")
            return None
        return text

    def contacts(self, node: Node) -> tuple[Contact, ...] | None:
        """The contacts, each checked on its own: a broken one is named and left out."""
        if not isinstance(node, Sequence):
            self.fallback(node, "contactpersonen",
                          "moet een lijst zijn met per persoon een regel die begint met '- ', "
                          "met 'rol' en verder 'naam', 'bereikbaar' en 'id'")
            return None
        contacts: list[Contact] = []
        for item in node.items:
            contact = self.contact(item)
            if contact is not None:
                contacts.append(contact)
        return tuple(contacts) if contacts else None

    def contact(self, item: Node) -> Contact | None:
        if not isinstance(item, Mapping):
            self.notice(item, "deze contactpersoon telt niet mee: schrijf 'rol:', en eventueel "
                              "'naam:', 'bereikbaar:' en 'id:', elk op een eigen regel")
            return None
        fields = self.fields(item, CONTACT_KEYS, "een contactpersoon", _CONTACT_ALIASES,
                             "'rol', 'naam', 'bereikbaar' en 'id'")
        if not fields.get("rol"):
            self.notice(item, "deze contactpersoon telt niet mee: 'rol' ontbreekt (bijvoorbeeld "
                              "'rol: Vertrouwenspersoon integriteit')")
            return None
        contact_id = fields.get("id", "")
        if contact_id and not re.fullmatch(r"[a-z0-9-]+", contact_id):
            self.notice(item, f"'id' van een contactpersoon mag alleen kleine letters, cijfers en '-' "
                              f"bevatten (niet '{contact_id}'); de kaarten verwijzen ernaar")
            contact_id = ""
        return Contact(role=fields["rol"], name=fields.get("naam", ""),
                       reach=fields.get("bereikbaar", ""), id=contact_id)

    def fields(self, item: Mapping, keys: Collection[str], what: str,
               aliases: dict[str, str], listed: str) -> dict[str, str]:
        """The text fields of one item of a list (a contact, a reference figure); a key that
        does not belong, or a value that is no text, is named and left out."""
        fields: dict[str, str] = {}
        for key, value in item.pairs:
            name = key.value if isinstance(key, Scalar) else ""
            if name not in keys:
                self.notice(key, f"onbekende sleutel '{name}' bij {what} telt niet mee"
                                 f"{_then(_suggest(name, keys, aliases))}Bij {what} horen {listed}")
                continue
            text = self.text(value)
            if text is None:
                if not _replaced(value):
                    self.notice(value, f"'{name}' bij {what} moet een tekst zijn")
                continue
            fields[name] = text
        return fields

    def reference_figures(self, node: Node) -> tuple[ReferenceFigure, ...] | None:
        """The reference figures, each checked on its own: a broken one is named and left
        out, a plain text is kept without a question."""
        if not isinstance(node, Sequence):
            self.fallback(node, "referentiecijfers",
                          "moet een lijst zijn met per cijfer een regel die begint met '- ', "
                          "met 'vraag', 'tekst' en eventueel 'antwoord' en 'percentage'")
            return None
        figures: list[ReferenceFigure] = []
        for item in node.items:
            figure = self.reference_figure(item)
            if figure is not None and figure not in figures:
                figures.append(figure)
        return tuple(figures)

    def reference_figure(self, item: Node) -> ReferenceFigure | None:
        if isinstance(item, Scalar):
            text = self.text(item)
            return ReferenceFigure("", text) if text else None
        if not isinstance(item, Mapping):
            self.notice(item, "dit referentiecijfer telt niet mee: schrijf 'vraag:', 'tekst:' "
                              "en eventueel 'antwoord:' en 'percentage:'")
            return None
        fields = self.fields(item, REFERENCE_KEYS, "een referentiecijfer", {},
                             "'vraag', 'tekst', 'antwoord' en 'percentage'")
        if not fields.get("tekst"):
            self.notice(item, "dit referentiecijfer telt niet mee: 'tekst' ontbreekt (bijvoorbeeld "
                              "'tekst: \"MTO 2022: 59 % weet niet wie de vertrouwenspersoon "
                              "is\"')")
            return None
        percentage: float | None = None
        if fields.get("percentage"):
            try:
                percentage = float(fields["percentage"].replace(",", ".").rstrip("% "))
            except ValueError:
                percentage = None
            if percentage is None or not 0 <= percentage <= 100:
                self.notice(item, f"'percentage' van een referentiecijfer moet een getal van 0 "
                                  f"tot en met 100 zijn (niet '{fields['percentage']}'); het "
                                  "cijfer staat er zonder")
                percentage = None
        if not fields.get("vraag"):
            self.notice(item, "bij dit referentiecijfer ontbreekt 'vraag' (de meldklimaatvraag "
                              "waar het bij hoort, zoals 'kent-vertrouwenspersoon'); het staat "
                              "los in het rapport")
        return ReferenceFigure(fields.get("vraag", ""), fields["tekst"],
                               fields.get("antwoord") or None, percentage)

    def keymap(self, node: Node) -> tuple[tuple[str, str], ...] | None:
        """Own keys by action id, each checked on its own."""
        if not isinstance(node, Mapping):
            self.fallback(node, "toetsen", "moet regels 'actie: toets' zijn, "
                                           "zoals 'round.vote-hands: k'")
            return None
        keymap: list[tuple[str, str]] = []
        for key, value in node.pairs:
            binding_id, keys = self.text(key), self.text(value)
            if not binding_id or not keys:
                self.notice(key, "elke regel onder 'toetsen' is 'actie: toets', zoals "
                                 "'round.vote-hands: k'; deze telt niet mee")
                continue
            if self.binding_ids is not None and binding_id not in self.binding_ids:
                self.notice(key, f"onbekende actie '{binding_id}' onder 'toetsen' telt niet mee"
                                 f"{_then(_suggest(binding_id, self.binding_ids, {}))}"
                                 "F1 in de app toont de naam van elke actie")
                continue
            keymap.append((binding_id, keys))
        return tuple(keymap) if keymap else None

    def fallback(self, node: Node, name: str, reason: str) -> None:
        self.notice(node, f"'{name}' {reason}; de standaardwaarde geldt")

    @staticmethod
    def text(node: Node) -> str | None:
        if not isinstance(node, Scalar):
            return None
        value = "" if node.is_null else node.value.strip()
        if "\ufffd" in value:
            return None  # a character that is no text stood here; named when the file was read
        if len(value) > 1 and node.plain and value[0] in _CURLY and value[-1] in _CURLY:
            value = value[1:-1].strip()  # named by `compose`; the text counts without them
        return value

    def path(self, text: str) -> Path:
        folder = Path(text).expanduser()
        return folder if folder.is_absolute() else self.base / folder


def _replaced(node: Node) -> bool:
    """Whether a text holds a character that was no text (named when the file was read)."""
    return isinstance(node, Scalar) and "\ufffd" in node.value


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
