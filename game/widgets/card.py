"""CardView: one dilemma card shown large and calm, as in a round of the team game."""

from __future__ import annotations

import re
import textwrap

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static

from dilemmas.model import Deck, Dilemma
from game.rules.own import is_own
from game.rules.text import reflow
from sessions.own import OWN_THEME_TITLE, own_theme_title

NBSP = "\u00a0"
_AMOUNT_PARTS = (
    re.compile(r"(?<=€) +(?=[\d.,-])"),  # "€ 8.000"
    re.compile(r"(?<=\d) +(?=(?:euro|cent|procent|uur|minuten|%)(?![\w]))"),  # "8.000 euro"
)


def keep_amounts(text: str) -> str:
    """Non-breaking spaces inside an amount ("€ 8.000", "50 euro", "20 %"), so a line never
    ends on "zo'n €" with "8.000" on the next."""
    for pattern in _AMOUNT_PARTS:
        text = pattern.sub(NBSP, text)
    return text


def wrap_kept(text: str, width: int) -> list[str]:
    """Lines of ``text`` at ``width``, breaking only at plain spaces (never inside an amount);
    a list item's later lines hang under its first word."""
    text = keep_amounts(text)
    lines: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            lines.append("")
            continue
        mark = next((m for m in ("• ", "- ") if line.lstrip().startswith(m)), "")
        indent = " " * (len(line) - len(line.lstrip()) + len(mark))
        lines.extend(textwrap.wrap(line, max(4, width), subsequent_indent=indent,
                                   break_on_hyphens=False) or [""])
    return lines


class CardText(Static):
    """A card's text: wrapped like a `Static`, but never inside an amount (Textual breaks at
    a no-break space too, so the lines are made here). ``content`` stays the text as given."""

    def _plain(self) -> str:
        content: VisualType = self.content
        return content.plain if isinstance(content, Content) else str(content)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap_kept(self._plain(), width)) if self._plain() else 0

    def render(self) -> Content:
        return Content("\n".join(wrap_kept(self._plain(), self.content_size.width)))


def row_text(key: str, text: str) -> str:
    """An option's text without a repeat of its key: a scale point "2" shows as "2" once, and
    "1 — Helemaal niet" under key 1 as "Helemaal niet"."""
    plain = text.strip()
    if plain.lower() == key.strip().lower():
        return ""
    for dash in (" — ", " - ", ": "):
        if plain.lower().startswith(key.strip().lower() + dash):
            return plain[len(key.strip()) + len(dash):].strip()
    return text


def options_content(dilemma: Dilemma) -> Content:
    """The answer options of a card as display content (choice, scale or open)."""
    answer = dilemma.answer
    if answer.kind == "choice":
        lines = [Content.assemble((f"{o.key}", "bold"), "  ", o.text) for o in answer.options]
        return Content("\n").join(lines)
    if answer.kind == "scale":
        points = "   ".join(str(i) for i in range(1, answer.points + 1))
        parts: list[Content] = [Content.styled(points, "bold")]
        ends = []
        if answer.low:
            ends.append(f"1 = {answer.low}")
        if answer.high:
            ends.append(f"{answer.points} = {answer.high}")
        if ends:
            parts.append(Content("   ·   ".join(ends)))
        return Content("\n").join(parts)
    return Content.styled("Open vraag — bespreek het samen.", "italic")


def option_rows(dilemma: Dilemma) -> tuple[list[tuple[str, str]], str]:
    """The options of a card as (key, text) rows, and a line under them (scale ends, open)."""
    answer = dilemma.answer
    if answer.kind == "choice":
        return [(o.key, o.text) for o in answer.options], ""
    if answer.kind == "scale":
        ends = []
        if answer.low:
            ends.append(f"1 = {answer.low}")
        if answer.high:
            ends.append(f"{answer.points} = {answer.high}")
        points = "   ".join(str(i) for i in range(1, answer.points + 1))
        return [("", points)], "   ·   ".join(ends)
    return [], "Open vraag — bespreek het samen."


def hanging_lines(rows: list[tuple[str, str]], width: int) -> list[Content]:
    """Rows as "A  text" wrapped to ``width`` with the text's later lines under its first
    word, so a long option reads as one block and the key stands out."""
    key_width = max((len(key) for key, _ in rows), default=0)
    indent = key_width + 2 if key_width else 0
    lines: list[Content] = []
    for key, text in rows:
        text = keep_amounts(row_text(key, text)) if key else keep_amounts(text)
        wrapped = textwrap.wrap(text, max(10, width - indent), break_on_hyphens=False) or [""]
        head = Content.styled(key.ljust(key_width), "bold") if key_width else Content("")
        lines.append(Content.assemble(head, " " * (indent - key_width), wrapped[0]))
        lines.extend(Content(" " * indent + more) for more in wrapped[1:])
    return lines


class HangingList(Widget):
    """Keyed rows ("A  text") with a hanging indent, and an optional line under them."""

    DEFAULT_CSS = """
    HangingList {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(
        self,
        rows: list[tuple[str, str]] | None = None,
        footer: str = "",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = rows or []
        self.footer = footer

    def set_rows(self, rows: list[tuple[str, str]], footer: str = "") -> None:
        """Show other rows."""
        if rows == self.rows and footer == self.footer:
            return
        self.rows, self.footer = rows, footer
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[Content]:
        lines = hanging_lines(self.rows, width)
        if self.footer:
            lines.extend(Content(line) for line in wrap_kept(self.footer, max(10, width)))
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))


class CardView(VerticalScroll, can_focus=False):
    """A dilemma card: theme, title, situation, question and options.

    The card scrolls when the terminal is small; `show()` swaps the card in place.
    """

    DEFAULT_CSS = """
    CardView {
        height: auto;
        max-height: 100%;
        padding: 1 2;
        border: round $primary;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    CardView > .card--theme {
        color: $text-muted;
        text-style: bold;
        width: 1fr;
    }
    CardView > .card--title {
        text-style: bold;
        color: $foreground;
        padding: 0 0 1 0;
        width: 1fr;
    }
    CardView > .card--situation {
        width: 1fr;
        padding: 0 0 1 0;
    }
    CardView > .card--question {
        text-style: bold;
        color: $accent;
        width: 1fr;
        padding: 0 0 1 0;
    }
    CardView > .card--options {
        width: 1fr;
        padding: 0 0 0 2;
    }
    CardView > .card--prompts {
        width: 1fr;
        padding: 1 0 0 0;
        color: $text-muted;
    }
    CardView.-compact {
        padding: 0 1;
    }
    CardView.-compact > .card--title,
    CardView.-compact > .card--situation,
    CardView.-compact > .card--question {
        padding: 0;
    }
    """

    def __init__(
        self,
        dilemma: Dilemma,
        deck: Deck | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.dilemma = dilemma
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Static(classes="card--theme")
        yield CardText(classes="card--title")
        yield CardText(classes="card--situation")
        yield CardText(classes="card--question")
        yield HangingList(classes="card--options")
        yield CardText(classes="card--prompts")

    def on_mount(self) -> None:
        self._fill()

    def show(self, dilemma: Dilemma, deck: Deck | None = None) -> None:
        """Show another card in place (cheap: updates five texts, no remount)."""
        self.dilemma = dilemma
        if deck is not None:
            self.deck = deck
        if self.is_mounted:
            self._fill()
            self.scroll_home(animate=False, immediate=True)

    def _fill(self) -> None:
        d = self.dilemma
        theme = own_theme_title(d.theme, self.deck.theme_title(d.theme) if self.deck else d.theme)
        if is_own(d.id):
            theme = "eigen casus" if theme == OWN_THEME_TITLE else f"{theme} · eigen casus"
        self.query_one(".card--theme", Static).update(Content(f"Thema: {theme}"))
        self.query_one(".card--title", Static).update(Content(d.title))
        self.query_one(".card--situation", Static).update(Content(reflow(d.situation)))
        self.query_one(".card--question", Static).update(Content(d.question.strip()))
        self.query_one(".card--options", HangingList).set_rows(*option_rows(d))
        prompts = self.query_one(".card--prompts", Static)
        prompts.display = bool(d.prompts)
        prompts.update(
            Content("Om over te praten:\n" + "\n".join(f"• {reflow(p)}" for p in d.prompts))
            if d.prompts
            else ""
        )
