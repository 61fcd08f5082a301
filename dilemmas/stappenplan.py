"""The zeven-stappenplan as data: loading and validating the stappenplan YAML file."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dilemmas._yaml import compose as safe_compose
from dilemmas.errors import DeckError, Problem

InputKind = Literal["text", "stakeholders", "options", "arguments", "decision", "justification"]

INPUT_KINDS: tuple[str, ...] = (
    "text",
    "stakeholders",
    "options",
    "arguments",
    "decision",
    "justification",
)
# Kinds that hold one part of the walkthrough each; a plan may have them at most once.
SINGLE_KINDS: tuple[str, ...] = (
    "stakeholders",
    "options",
    "arguments",
    "decision",
    "justification",
)
MIN_STEPS = 3
MAX_STEPS = 12

DEFAULT_CHECKLIST: tuple[str, ...] = (
    "Kun je dit uitleggen aan een inwoner?",
    "Kun je dit uitleggen aan je leidinggevende?",
    "Kun je dit uitleggen aan de lokale krant?",
)
DEFAULT_HARM = "Hoe beperk je de nadelen?"


class StappenplanError(DeckError):
    """The stappenplan file could not be loaded; carries every located problem (Dutch)."""


@dataclass(frozen=True)
class StepInput:
    """What a step asks the user to fill in."""

    kind: InputKind
    label: str
    placeholder: str = ""
    checklist: tuple[str, ...] = ()
    harm: str = ""


@dataclass(frozen=True)
class Step:
    """One step of the plan: its guiding questions, short hints and input."""

    id: str
    title: str
    questions: tuple[str, ...]
    hints: tuple[str, ...]
    input: StepInput


@dataclass(frozen=True)
class Stappenplan:
    """The steps of moral judgement, in order, and where they were read from."""

    title: str
    intro: str
    steps: tuple[Step, ...]
    path: str = ""

    def step(self, step_id: str) -> Step | None:
        """The step with this id, or None."""
        for s in self.steps:
            if s.id == step_id:
                return s
        return None

    def step_of_kind(self, kind: str) -> Step | None:
        """The first step whose input has this kind, or None."""
        for s in self.steps:
            if s.input.kind == kind:
                return s
        return None


def bundled_path() -> Path:
    """The stappenplan file shipped with the app."""
    return Path(str(resources.files("dilemmas") / "data" / "stappenplan.yaml"))


def load_stappenplan(path: Path | None = None) -> Stappenplan:
    """Read and validate a stappenplan file (default: the bundled one).

    Raises:
        StappenplanError: with every problem located by line and column, in Dutch.
    """
    path = path or bundled_path()
    shown = str(path)
    if path.exists() and not path.is_dir() and not path.is_file():
        # A FIFO or a device: reading it could wait forever.
        raise StappenplanError([Problem(shown, 1, 1, "dit is geen gewoon bestand (maar bijvoorbeeld "
                                                     "een pijp of apparaat); geef een .yaml-bestand.")])
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise StappenplanError(
            [Problem(shown, 1, 1, f"het bestand kan niet worden gelezen ({exc.strerror or exc}).")]
        ) from None
    except UnicodeDecodeError:
        raise StappenplanError([Problem(shown, 1, 1, "het bestand is geen UTF-8-tekst.")]) from None
    return parse_stappenplan(text, shown)


def load_stappenplan_or_default(path: Path | None) -> tuple[Stappenplan, list[str]]:
    """The configured stappenplan, or the bundled one with Dutch notices when it is broken."""
    if path is None:
        return load_stappenplan(), []
    try:
        return load_stappenplan(path), []
    except StappenplanError as exc:
        notices = [
            f"Het stappenplan uit de config is niet bruikbaar; je ziet het standaardplan. {p}"
            for p in exc.problems
        ]
        return load_stappenplan(), notices


def parse_stappenplan(text: str, path: str = "<stappenplan>") -> Stappenplan:
    """Validate stappenplan YAML text; see load_stappenplan."""
    # First the safe composer: deep nesting (5,000 '['), anchors and tags become located
    # problems without recursion; only a document that passes is composed into nodes.
    _tree, problems = safe_compose(text, path)
    deep = [p for p in problems if "te diep genest" in p.message]
    if deep:
        raise StappenplanError(deep[:1])
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise StappenplanError(
            [
                Problem(
                    path,
                    line,
                    col,
                    f"dit is geen geldige YAML ({exc.problem or 'onbekende fout'}).",
                )
            ]
        ) from None
    except (yaml.YAMLError, RecursionError):
        raise StappenplanError(
            [Problem(path, 1, 1, "dit is geen geldige YAML.")]
        ) from None
    return _Parser(path).plan(root)


class _Parser:
    """Walks the composed YAML nodes so that every problem keeps its location."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: Node | None, message: str) -> None:
        if node is None:
            self.problems.append(Problem(self.path, 1, 1, message))
        else:
            mark = node.start_mark
            self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def mapping(
        self, node: Node | None, what: str, allowed: tuple[str, ...]
    ) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} moet een lijst van sleutels en waarden zijn.")
            return None
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str) or key not in allowed:
                self.problem(
                    key_node,
                    f"onbekende sleutel '{key}' in {what}; toegestaan: {', '.join(allowed)}.",
                )
                continue
            if key in out:
                self.problem(key_node, f"de sleutel '{key}' staat twee keer in {what}.")
                continue
            out[key] = value_node
        return out

    def text(
        self, node: Node | None, what: str, parent: Node | None, *, required: bool = True
    ) -> str:
        if node is None:
            if required:
                self.problem(parent, f"{what} ontbreekt.")
            return ""
        if not isinstance(node, ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.problem(node, f"{what} moet tekst zijn.")
            return ""
        value = str(node.value).strip()
        if required and not value:
            self.problem(node, f"{what} is leeg.")
        return value

    def texts(
        self, node: Node | None, what: str, parent: Node | None, *, required: bool
    ) -> tuple[str, ...]:
        if node is None:
            if required:
                self.problem(parent, f"{what} ontbreekt.")
            return ()
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{what} moet een lijst zijn (regels die beginnen met '- ').")
            return ()
        items = tuple(self.text(item, f"een regel van {what}", node) for item in node.value)
        if required and not items:
            self.problem(node, f"{what} is leeg.")
        return items

    def plan(self, root: Node | None) -> Stappenplan:
        top = self.mapping(root, "het stappenplan", ("stappenplan", "steps"))
        if top is None:
            raise StappenplanError(self.problems)
        header = top.get("stappenplan")
        title, intro = "Zeven-stappenplan morele oordeelsvorming", ""
        if header is not None:
            fields = self.mapping(header, "'stappenplan'", ("title", "intro"))
            if fields is not None:
                title = self.text(fields.get("title"), "'title'", header) or title
                intro = self.text(fields.get("intro"), "'intro'", header, required=False)
        steps_node = top.get("steps")
        steps: list[Step] = []
        step_nodes: list[Node] = []
        if steps_node is None:
            self.problem(root, "'steps' ontbreekt: de lijst met stappen.")
        elif not isinstance(steps_node, SequenceNode):
            self.problem(steps_node, "'steps' moet een lijst van stappen zijn.")
        else:
            for node in steps_node.value:
                step = self.step(node)
                if step is not None:
                    steps.append(step)
                    step_nodes.append(node)
            self.check_plan(steps_node, steps, step_nodes)
        if self.problems:
            raise StappenplanError(self.problems)
        return Stappenplan(title=title, intro=intro, steps=tuple(steps), path=self.path)

    def step(self, node: Node) -> Step | None:
        fields = self.mapping(node, "een stap", ("id", "title", "questions", "hints", "input"))
        if fields is None:
            return None
        before = len(self.problems)
        step_id = self.text(fields.get("id"), "'id' van de stap", node)
        title = self.text(fields.get("title"), "'title' van de stap", node)
        questions = self.texts(fields.get("questions"), "'questions'", node, required=True)
        hints = self.texts(fields.get("hints"), "'hints'", node, required=False)
        step_input = self.step_input(fields.get("input"), node)
        if step_input is None or len(self.problems) > before:
            return None
        return Step(step_id, title, questions, hints, step_input)

    def step_input(self, node: Node | None, parent: Node) -> StepInput | None:
        if node is None:
            self.problem(parent, "'input' van de stap ontbreekt.")
            return None
        fields = self.mapping(
            node, "'input'", ("kind", "label", "placeholder", "checklist", "harm")
        )
        if fields is None:
            return None
        kind = self.text(fields.get("kind"), "'kind'", node)
        if kind and kind not in INPUT_KINDS:
            self.problem(
                fields["kind"], f"onbekende kind '{kind}'; kies uit: {', '.join(INPUT_KINDS)}."
            )
            return None
        label = self.text(fields.get("label"), "'label'", node)
        placeholder = self.text(fields.get("placeholder"), "'placeholder'", node, required=False)
        checklist: tuple[str, ...] = ()
        harm = ""
        if kind == "justification":
            checklist = self.texts(fields.get("checklist"), "'checklist'", node, required=False)
            checklist = checklist or DEFAULT_CHECKLIST
            harm = self.text(fields.get("harm"), "'harm'", node, required=False) or DEFAULT_HARM
        else:
            for key in ("checklist", "harm"):
                if key in fields:
                    self.problem(fields[key], f"'{key}' hoort alleen bij kind 'justification'.")
        if not kind:
            return None
        return StepInput(cast(InputKind, kind), label, placeholder, checklist, harm)

    def check_plan(self, node: SequenceNode, steps: list[Step], step_nodes: list[Node]) -> None:
        if len(node.value) < MIN_STEPS or len(node.value) > MAX_STEPS:
            self.problem(
                node,
                f"een stappenplan heeft {MIN_STEPS} tot {MAX_STEPS} stappen; dit heeft er {len(node.value)}.",
            )
        seen: set[str] = set()
        for step_node, step in zip(step_nodes, steps, strict=True):
            if step.id in seen:
                self.problem(step_node, f"de stap-id '{step.id}' komt twee keer voor.")
            seen.add(step.id)
        kinds: list[str] = [s.input.kind for s in steps]
        for kind in SINGLE_KINDS:
            if kinds.count(kind) > 1:
                self.problem(node, f"kind '{kind}' mag maar één keer voorkomen.")
        if len(steps) == len(node.value) and "decision" not in kinds:
            self.problem(node, "er ontbreekt een stap met kind 'decision' (het besluit).")
        if "arguments" in kinds and (
            "options" not in kinds or kinds.index("options") > kinds.index("arguments")
        ):
            self.problem(
                node, "een stap met kind 'arguments' moet na een stap met kind 'options' komen."
            )
