"""The state of one stappenplan walkthrough: answers per step, the decision, the summary."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dilemmas.config import Config
from dilemmas.model import Dilemma
from dilemmas.stappenplan import Stappenplan
from game.rules.decision import clause, decision_sentence
from game.rules.practice_recap import contact_line
from game.rules.text import md_escape
from sessions.figures import month_label
from sessions.summary import _CSS as SUMMARY_CSS  # the team summary's look, shared

if TYPE_CHECKING:
    from sessions.store import Store, WalkthroughInfo

FORMAT_VERSION = 1
ARGUMENT_FIELDS: tuple[str, ...] = (
    "for_rules",
    "against_rules",
    "for_consequences",
    "against_consequences",
    "good_official",
)
ARGUMENT_LABELS: dict[str, str] = {
    "for_rules": "Voor, volgens de regels",
    "against_rules": "Tegen, volgens de regels",
    "for_consequences": "Voor, door de gevolgen",
    "against_consequences": "Tegen, door de gevolgen",
    "good_official": "Wat zou een goed ambtenaar doen?",
}
# A scrubber takes a text and returns the cleaned text and the labels of what it removed.
Scrubber = Callable[[str], tuple[str, tuple[str, ...]]]


@dataclass(frozen=True)
class OwnDilemma:
    """A dilemma in the user's own words: a short title and a few lines."""

    title: str
    text: str

    @classmethod
    def of(cls, title: str, text: str) -> OwnDilemma:
        """Trimmed; without a title, the first words of the text stand in for one."""
        text = text.strip()
        title = " ".join(title.split())
        if not title:
            words = text.split()
            title = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
        return cls(title[:80], text)


def describe(info: WalkthroughInfo, done: bool = False) -> str:
    """ "Concertkaartjes — bij stap 3 van 7 (november 2026)" for lists and offers; a finished
    one reads "Concertkaartjes — klaar (november 2026)"."""
    when = f" ({month_label(info.month)})" if info.month else ""
    where = "klaar" if done else f"bij stap {info.step} van {info.steps}"
    return f"{info.title} — {where}{when}"


@dataclass(frozen=True)
class Listed:
    """A stored walkthrough as the stappenplan lists it."""

    info: WalkthroughInfo
    done: bool
    """Closed with "Klaar": listed to open, export again or delete, never offered."""
    crashed: bool
    """Still open on screen when the app last stopped without closing it (a crash)."""
    practice: bool
    """Part of a practice run: never listed (a shared laptop), removed with the run."""

    @property
    def text(self) -> str:
        return describe(self.info, self.done)


def list_walkthroughs(store: Store, dilemma_id: str | None = None) -> list[Listed]:
    """The stored walkthroughs with what the lists need to know (run in a thread)."""
    found = []
    for info in store.open_walkthroughs(dilemma_id):
        data = store.get_walkthrough(info.id) or {}
        found.append(
            Listed(
                info,
                done=data.get("done") is True,
                crashed=data.get("open") is True,
                practice=data.get("practice") is True,
            )
        )
    return found


def empty_steps_text(empty: list[int]) -> str:
    """ "Stap 3 is nog leeg." / "Stap 3, 5 en 7 zijn nog leeg." """
    if len(empty) == 1:
        return f"Stap {empty[0]} is nog leeg."
    numbers = ", ".join(str(n) for n in empty[:-1]) + f" en {empty[-1]}"
    return f"Stap {numbers} zijn nog leeg."


def slug(text: str) -> str:
    """A safe file-name part."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "dilemma"


@dataclass
class Stakeholder:
    """Someone the decision touches (a role, not a name), their rights and their interests."""

    who: str = ""
    rights: str = ""
    interests: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.who.strip() or self.rights.strip() or self.interests.strip())


@dataclass
class OptionEntry:
    """One course of action with its arguments; `key` stays stable while the text is edited."""

    key: str
    text: str = ""
    for_rules: str = ""
    against_rules: str = ""
    for_consequences: str = ""
    against_consequences: str = ""
    good_official: str = ""

    def argument(self, name: str) -> str:
        return str(getattr(self, name))

    def set_argument(self, name: str, value: str) -> None:
        if name not in ARGUMENT_FIELDS:
            raise KeyError(name)
        setattr(self, name, value)


@dataclass
class Decision:
    """ "Mijn besluit: X. Omdat: Y. Ook al: Z.": the chosen option (or own words), why, despite what."""

    option: str = ""
    own: str = ""
    because: str = ""
    despite: str = ""


@dataclass
class Justification:
    """Which explanation checks the user ticked, and how harm is limited."""

    checked: list[str] = field(default_factory=list)
    harm: str = ""


@dataclass
class WalkthroughState:
    """Everything typed in one walkthrough; plain data, saved as a dict after every change."""

    plan: Stappenplan
    title: str = ""
    situation: str = ""
    question: str = ""
    guidance: str = ""
    month: str = ""
    dilemma_id: str | None = None
    deck_id: str | None = None
    current: int = 0
    finished: bool = False
    """Kept false: a walkthrough closed with "Klaar" is `done` and stays listed."""
    done: bool = False
    texts: dict[str, str] = field(default_factory=dict)
    stakeholders: list[Stakeholder] = field(default_factory=lambda: [Stakeholder()])
    options: list[OptionEntry] = field(default_factory=list)
    decision: Decision = field(default_factory=Decision)
    justification: Justification = field(default_factory=Justification)
    card_texts: tuple[str, ...] = ()
    """The card's own words (title, situation, question, guidance, options as written in the
    deck): not typed by the user, so never scrubbed. Empty for an own dilemma."""
    contacts: tuple[str, ...] = ()
    """Ids of the card's contacts in the config, listed under the guidance in the summary."""
    _next_key: int = 1

    @classmethod
    def for_dilemma(
        cls, plan: Stappenplan, dilemma: Dilemma, deck_id: str | None = None
    ) -> WalkthroughState:
        """A fresh walkthrough of a card, its choice options pre-filled."""
        state = cls(
            plan=plan,
            title=dilemma.title,
            situation=dilemma.situation,
            question=dilemma.question,
            guidance=dilemma.guidance,
            dilemma_id=dilemma.id,
            deck_id=deck_id,
        )
        if dilemma.answer.kind == "choice":
            state.options = [OptionEntry(key=o.key, text=o.text) for o in dilemma.answer.options]
        state.adopt_card(dilemma)
        return state

    def adopt_card(self, dilemma: Dilemma) -> None:
        """Take the card's own words as they are in the deck (also over a walkthrough saved
        before they were kept apart, whose card text the store may have scrubbed)."""
        self.title = dilemma.title
        self.situation = dilemma.situation
        self.question = dilemma.question
        self.guidance = dilemma.guidance
        options = dilemma.answer.options if dilemma.answer.kind == "choice" else ()
        texts = [dilemma.title, dilemma.situation, dilemma.question, dilemma.guidance]
        self.card_texts = tuple(dict.fromkeys(t for t in [*texts, *(o.text for o in options)] if t))
        self.contacts = tuple(dilemma.contacts)

    @classmethod
    def for_own_text(cls, plan: Stappenplan, text: str, title: str = "") -> WalkthroughState:
        """A fresh walkthrough of a dilemma described in the user's own words."""
        own = OwnDilemma.of(title, text)
        return cls(plan=plan, title=own.title, situation=own.text)

    # Navigation -----------------------------------------------------------------------

    @property
    def step_count(self) -> int:
        return len(self.plan.steps)

    def go(self, index: int) -> int:
        """Move to a step (clamped); returns the new index."""
        self.current = max(0, min(index, self.step_count - 1))
        return self.current

    def is_done(self, index: int) -> bool:
        """Whether a step has an answer (shown as ticked on the rail)."""
        kind = self.plan.steps[index].input.kind
        step_id = self.plan.steps[index].id
        if kind == "text":
            return bool(self.texts.get(step_id, "").strip())
        if kind == "stakeholders":
            return any(not s.is_empty for s in self.stakeholders)
        if kind == "options":
            return any(o.text.strip() for o in self.options)
        if kind == "arguments":
            return any(o.argument(f).strip() for o in self.options for f in ARGUMENT_FIELDS)
        if kind == "decision":
            return bool(self.chosen_text() and self.decision.because.strip())
        if kind == "justification":
            return bool(self.justification.checked or self.justification.harm.strip())
        return False

    # Options ----------------------------------------------------------------------------

    def add_option(self, text: str = "") -> OptionEntry:
        """Add an option with a new stable key."""
        used = {o.key for o in self.options}
        while f"eigen-{self._next_key}" in used:
            self._next_key += 1
        entry = OptionEntry(key=f"eigen-{self._next_key}", text=text)
        self._next_key += 1
        self.options.append(entry)
        return entry

    def remove_option(self, key: str) -> None:
        """Remove an option and its arguments; a decision for it is cleared."""
        self.options = [o for o in self.options if o.key != key]
        if self.decision.option == key:
            self.decision.option = ""

    def option(self, key: str) -> OptionEntry | None:
        for o in self.options:
            if o.key == key:
                return o
        return None

    def add_stakeholder(self) -> Stakeholder:
        stakeholder = Stakeholder()
        self.stakeholders.append(stakeholder)
        return stakeholder

    def remove_stakeholder(self, index: int) -> None:
        if 0 <= index < len(self.stakeholders):
            del self.stakeholders[index]

    # The decision ---------------------------------------------------------------------------

    def chosen_text(self) -> str:
        """X in "Ik doe X": the chosen option's text, or the user's own words."""
        if self.decision.own.strip():
            return self.decision.own.strip()
        chosen = self.option(self.decision.option)
        return chosen.text.strip() if chosen else ""

    def decision_sentence(self) -> str:
        """ "Mijn besluit: ik meld het. Omdat … Ook al …" in the first person, whatever the
        option's wording ("…" where something is still missing)."""
        return decision_sentence(self.chosen_text(), self.decision.because, self.decision.despite)

    def argument_choices(self) -> tuple[list[str], list[str]]:
        """Step 5's arguments to pick "omdat" from (for) and "ook al" from (against)."""
        chosen = self.option(self.decision.option)
        options = [chosen] if chosen else list(self.options)
        pros: list[str] = []
        cons: list[str] = []
        for o in options:
            for name in ARGUMENT_FIELDS:
                for line in o.argument(name).splitlines():
                    text = clause(line.lstrip("-• "))
                    if text:
                        (cons if name.startswith("against") else pros).append(text)
        return list(dict.fromkeys(pros)), list(dict.fromkeys(cons))

    def empty_steps(self) -> list[int]:
        """The 1-based numbers of the steps that have nothing filled in."""
        return [i + 1 for i in range(self.step_count) if not self.is_done(i)]

    # Scrubbing ------------------------------------------------------------------------------

    def scrub(self, scrubber: Scrubber) -> tuple[str, ...]:
        """Clean every text the user typed in place; returns the labels of what was removed.

        The card's own words (a situation, an option left as the deck wrote it) are deck
        text, not the user's: they stay as written, names in the story included.
        """
        removed: list[str] = []
        card = frozenset(self.card_texts)

        def clean(text: str) -> str:
            if text in card:
                return text
            cleaned, labels = scrubber(text)
            removed.extend(labels)
            return cleaned

        # An eigen dilemma's title and question are typed too (a card's are in card_texts).
        self.title, self.question = clean(self.title), clean(self.question)
        self.situation = clean(self.situation)
        self.texts = {k: clean(v) for k, v in self.texts.items()}
        for s in self.stakeholders:
            s.who, s.rights, s.interests = clean(s.who), clean(s.rights), clean(s.interests)
        for o in self.options:
            o.text = clean(o.text)
            for name in ARGUMENT_FIELDS:
                o.set_argument(name, clean(o.argument(name)))
        d = self.decision
        d.own, d.because, d.despite = clean(d.own), clean(d.because), clean(d.despite)
        self.justification.harm = clean(self.justification.harm)
        return tuple(dict.fromkeys(removed))

    # Persistence --------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (no names are asked for; free text is scrubbed by the store)."""
        return {
            "version": FORMAT_VERSION,
            "title": self.title,
            "situation": self.situation,
            "question": self.question,
            "guidance": self.guidance,
            "month": self.month,
            "dilemma": self.dilemma_id,
            "deck": self.deck_id,
            "current": self.current,
            "finished": self.finished,
            "done": self.done,
            "steps": [s.id for s in self.plan.steps],
            "texts": dict(self.texts),
            "stakeholders": [
                {"who": s.who, "rights": s.rights, "interests": s.interests}
                for s in self.stakeholders
            ],
            "options": [
                {"key": o.key, "text": o.text, **{f: o.argument(f) for f in ARGUMENT_FIELDS}}
                for o in self.options
            ],
            "decision": {
                "option": self.decision.option,
                "own": self.decision.own,
                "because": self.decision.because,
                "despite": self.decision.despite,
            },
            "justification": {
                "checked": list(self.justification.checked),
                "harm": self.justification.harm,
            },
            "decision_sentence": self.decision_sentence(),
            # The store keeps these strings as written (deck text; see `card_texts`).
            "card_texts": list(self.card_texts),
            "contacts": list(self.contacts),
        }

    @classmethod
    def from_dict(cls, plan: Stappenplan, data: Mapping[str, Any]) -> WalkthroughState:
        """Rebuild a state saved with to_dict (unknown or missing parts are left empty)."""
        state = cls(
            plan=plan,
            title=str(data.get("title", "")),
            situation=str(data.get("situation", "")),
            question=str(data.get("question", "")),
            guidance=str(data.get("guidance", "")),
            month=str(data.get("month", "")),
            dilemma_id=_opt_str(data.get("dilemma")),
            deck_id=_opt_str(data.get("deck")),
        )
        state.card_texts = _strings(data.get("card_texts"))
        state.contacts = _strings(data.get("contacts"))
        state.current = max(0, min(_int(data.get("current")), state.step_count - 1))
        state.finished = data.get("finished") is True
        state.done = data.get("done") is True or state.finished
        texts = data.get("texts")
        if isinstance(texts, Mapping):
            state.texts = {str(k): str(v) for k, v in texts.items()}
        stakeholders = [
            Stakeholder(
                str(item.get("who", "")),
                str(item.get("rights", "")),
                str(item.get("interests", "")),
            )
            for item in _dicts(data.get("stakeholders"))
        ]
        if stakeholders:
            state.stakeholders = stakeholders
        for item in _dicts(data.get("options")):
            entry = OptionEntry(key=str(item.get("key", "")), text=str(item.get("text", "")))
            for name in ARGUMENT_FIELDS:
                entry.set_argument(name, str(item.get(name, "")))
            if entry.key and state.option(entry.key) is None:
                state.options.append(entry)
        decision = data.get("decision")
        if isinstance(decision, Mapping):
            state.decision = Decision(
                option=str(decision.get("option", "")),
                own=str(decision.get("own", "")),
                because=str(decision.get("because", "")),
                despite=str(decision.get("despite", "")),
            )
        justification = data.get("justification")
        if isinstance(justification, Mapping):
            checked = justification.get("checked")
            state.justification = Justification(
                checked=[str(c) for c in checked] if isinstance(checked, list) else [],
                harm=str(justification.get("harm", "")),
            )
        return state

    # Summary ------------------------------------------------------------------------------

    def contact_lines(self, config: Config | None) -> tuple[str, ...]:
        """The card's contacts from the config, one line each ("Vertrouwenspersoon — …")."""
        if config is None:
            return ()
        found = (config.contact(contact_id) for contact_id in self.contacts)
        return tuple(contact_line(c) for c in found if c is not None)

    def summary_markdown(
        self, *, sentence: bool = True, contacts: Sequence[str] = ()
    ) -> str:
        """The walkthrough as Markdown: title, month, the decision once, then the steps.

        Everything typed and every deck text is escaped: it reads as typed in any Markdown
        viewer, and no HTML, link or image in it is run or loaded.

        Args:
            sentence: include the decision sentence (the screen shows it apart, as typed).
            contacts: the card's contacts (`contact_lines`), listed under the guidance, as
                the screen shows them below it.
        """
        title = self.title or "zonder titel"
        lines = [f"# {md_escape(self.plan.title)}: {md_escape(title)}", ""]
        if self.month:
            lines += [f"*{month_label(self.month)}*", ""]
        if sentence:
            lines += [f"**{md_escape(self.decision_sentence())}**", ""]
        lines += ["## Het dilemma", ""]
        if self.situation:
            lines += [md_escape(self.situation), ""]
        if self.question:
            lines += [f"**De vraag:** {md_escape(self.question)}", ""]
        empty = self.empty_steps()
        for number, step in enumerate(self.plan.steps, start=1):
            if number in empty:
                continue
            lines += [f"## {number}. {md_escape(step.title)}", ""]
            lines += self._step_markdown(step.id, step.input.kind, step.input.checklist)
            lines.append("")
        if empty:
            names = ", ".join(f"{n}. {md_escape(self.plan.steps[n - 1].title)}" for n in empty)
            lines += [f"*Niet ingevuld: {names}.*", ""]
        if self.guidance:
            lines += ["## Wat zegt de code?", "", md_escape(self.guidance), ""]
        if contacts:
            lines += ["## Contacten", ""]
            lines += [f"- {md_escape(line)}" for line in contacts]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def summary_html(self, organisation: str = "", contacts: Sequence[str] = ()) -> str:
        """The same summary as one printable HTML page in the team summary's look."""
        return markdown_to_html(
            self.summary_markdown(contacts=contacts),
            f"{self.plan.title}: {self.title}",
            organisation,
        )

    def _step_markdown(self, step_id: str, kind: str, checklist: tuple[str, ...]) -> list[str]:
        empty = ["*(niet ingevuld)*"]
        if kind == "text":
            text = self.texts.get(step_id, "").strip()
            return [md_escape(text)] if text else empty
        if kind == "stakeholders":
            rows = [s for s in self.stakeholders if not s.is_empty]
            if not rows:
                return empty
            out = ["| Betrokkene | Rechten | Belangen |", "|---|---|---|"]
            out += [f"| {_cell(s.who)} | {_cell(s.rights)} | {_cell(s.interests)} |" for s in rows]
            return out
        if kind == "options":
            rows_o = [o for o in self.options if o.text.strip()]
            if not rows_o:
                return empty
            return ["| Mogelijkheid |", "|---|", *[f"| {_cell(o.text)} |" for o in rows_o]]
        if kind == "arguments":
            out = []
            for o in self.options:
                filled = [
                    (f, o.argument(f).strip()) for f in ARGUMENT_FIELDS if o.argument(f).strip()
                ]
                if not filled:
                    continue  # no header over an empty table
                out += [f"**{_cell(o.text) if o.text.strip() else 'Optie zonder naam'}**", ""]
                out += ["| Argument | Wat je schreef |", "|---|---|"]
                out += [f"| {ARGUMENT_LABELS[f]} | {_cell(text)} |" for f, text in filled]
                out.append("")
            return out[:-1] if out else empty
        if kind == "decision":
            return ["Je besluit staat bovenaan."]
        if kind == "justification":
            out = [
                f"- {'☑' if item in self.justification.checked else '☐'} {md_escape(item)}"
                for item in checklist
            ]
            harm = self.justification.harm.strip()
            out += [
                "",
                f"**Nadelen beperken:** {md_escape(harm)}"
                if harm
                else "**Nadelen beperken:** *(niet ingevuld)*",
            ]
            return out
        return empty


_MARKDOWN: list[Any] = []


def markdown_to_html(markdown: str, title: str, organisation: str = "") -> str:
    """Our escaped Markdown as one printable HTML page (markdown-it, raw HTML off), styled
    as the team summary."""
    if not _MARKDOWN:
        from markdown_it import MarkdownIt

        _MARKDOWN.append(MarkdownIt("commonmark", {"html": False}).enable("table"))
    body = str(_MARKDOWN[0].render(markdown))
    org = f'<p class="org">{html.escape(organisation)}</p>\n' if organisation else ""
    if org and "</h1>" in body:
        body = body.replace("</h1>\n", "</h1>\n" + org, 1)
    elif org:
        body = org + body
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{SUMMARY_CSS}{_EXTRA_CSS}</style>"
        "</head><body>\n" + body + "</body></html>\n"
    )


# Beside the team summary's stylesheet: closer list items, cells aligned at the top.
_EXTRA_CSS = """
li { margin: .15rem 0; } ul { padding-left: 1.2rem; }
td { vertical-align: top; } td:first-child { width: 30%; }
"""


def _cell(text: str) -> str:
    """Text in a Markdown table cell: escaped, on one line, "—" when empty."""
    return md_escape(" ".join(text.split())) or "—"


def _opt_str(value: Any) -> str | None:
    return str(value) if value else None


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _dicts(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []
