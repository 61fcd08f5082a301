"""DecksScreen: the decks found, the problems in broken ones, and a browser for the cards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Static, TabbedContent, TabPane

from dilemmas.discovery import SOURCE_LABELS
from dilemmas.model import Deck
from game.dialogs.path_dialog import PathDialog
from game.widgets.card_browser import CardBrowser

if TYPE_CHECKING:
    from dilemmas.discovery import DeckRegistry
    from dilemmas.errors import Problem
    from game.app import IntegerSpelApp



def theme_counts(deck: Deck) -> list[tuple[str, int]]:
    """(theme title, number of cards) for every theme of the deck, in deck order."""
    counts = Counter(d.theme for d in deck.dilemmas)
    return [(theme.title, counts.get(theme.id, 0)) for theme in deck.themes]


def theme_summary(deck: Deck) -> str:
    """The counts per theme on one line, e.g. "Geschenken 4 · Nevenwerk 3"."""
    return " · ".join(f"{title} {n}" for title, n in theme_counts(deck))


MAX_SHOWN_PROBLEMS = 20
"""Problems listed per file on the screen; the count says how many more `decks check` prints."""


def shown_problems(path: str, problems: Sequence[Problem],
                   count: int | None = None) -> tuple[list[str], str]:
    """The first problems of one file as shown (each with its line and caret), and a line
    with how many more there are ('' when all are shown). A file with tens of thousands of
    problems is never laid out whole. ``count``: all problems, where fewer were kept."""
    lines = [problem.detail() for problem in problems[:MAX_SHOWN_PROBLEMS]]
    count = len(problems) if count is None else count
    rest = count - len(lines)
    more = ""
    if rest > 0:
        total = f"{count:,}".replace(",", ".")
        more = (f"… en nog {f'{rest:,}'.replace(',', '.')} (in totaal {total} problemen). "
                f"Alle problemen zie je met: integer-spel decks check {path}")
    return lines, more


def problem_lines(registry: DeckRegistry) -> list[str]:
    """Every problem of every invalid deck as `PATH:LINE:COL: melding`."""
    return [problem.detail() for _path, problems in registry.invalid for problem in problems]


class ProblemsDialog(ModalScreen[None]):
    """The outcome of checking one file or folder: its problems, or that it is fine."""

    HELP: ClassVar[str] = """\
**De controle van een deck.** Elk probleem staat op een eigen regel: bestand, regel,
kolom en wat er mis is. Pas het deck aan, sla het op en kies in het scherm Decks opnieuw
laden. `Escape` sluit.
"""

    DEFAULT_CSS = """
    ProblemsDialog { align: center middle; }
    ProblemsDialog > Vertical {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    ProblemsDialog #problems-title { text-style: bold; padding: 0 0 1 0; }
    ProblemsDialog #problems-scroll { height: auto; max-height: 20; }
    ProblemsDialog .-ok { color: $success; text-style: bold; }
    ProblemsDialog #problems-close { margin: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluiten", id="problems.close"),
    ]

    def __init__(self, path: Path, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.path = path
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Controle van {self.path}", id="problems-title", markup=False)
            with VerticalScroll(id="problems-scroll"):
                if self.problems:
                    count = len(self.problems)
                    noun = "probleem" if count == 1 else "problemen"
                    shown, more = shown_problems(str(self.path), self.problems)
                    first = f" (de eerste {len(shown)} staan hier)" if more else ""
                    yield Static(f"{count:,} {noun} gevonden{first}:".replace(",", "."),
                                 id="problems-summary")
                    yield Static(Content("\n").join(Content(line) for line in shown),
                                 id="problems-list")
                    if more:
                        yield Static(Content(more), id="problems-more")
                else:
                    yield Static(
                        "Geen problemen gevonden. Dit deck is in orde.",
                        id="problems-summary",
                        classes="-ok",
                    )
            yield Button("Sluiten", id="problems-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#problems-close", Button).focus()

    @on(Button.Pressed, "#problems-close")
    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)


class DecksScreen(Screen[None]):
    """For the deck author: which decks were found, what is wrong, and every card."""

    TITLE = "Decks"
    CSS_PATH = "../styles/decks.tcss"
    HELP: ClassVar[str] = """\
Hier zie je welke decks de app gevonden heeft, en wat er mis is met een deck dat niet
geladen kon worden.

- **Decks** — elk deck met zijn bron, versie en het aantal kaarten per thema. Daaronder
  staat bij elk deck met fouten precies waar het fout gaat: `BESTAND:REGEL:KOLOM: melding`.
- **Kaarten** — zoek een kaart op tekst, thema of doelgroep. Je ziet de kaart zoals in een
  ronde van het teamspel, met daaronder wat de code zegt en de "Maar wat als…?"-vragen.

Pas je een deck aan in je teksteditor? Druk dan op `F5` om de decks opnieuw te laden.
Met `ctrl+o` controleer je één bestand of map, ook als die niet in een deckmap staat.
Met `p` bewaar je het gekozen deck als dilemmakaartjes: een HTML-bestand dat je in de browser
opent en dubbelzijdig print (omslaan langs de lange kant), vier kaarten per vel, om te knippen.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="decks.back", tooltip="Terug naar het hoofdmenu"),
        Binding(
            "f5",
            "reload",
            "Opnieuw laden",
            id="decks.reload",
            tooltip="Zoek de decks opnieuw, na een wijziging in een bestand",
        ),
        Binding("ctrl+r", "reload", "Opnieuw laden", id="decks.reload_alt", show=False),
        Binding(
            "ctrl+o",
            "check_file",
            "Controleren…",
            id="decks.check",
            tooltip="Controleer één deckbestand of map en toon elk probleem",
        ),
        Binding(
            "p",
            "print_deck",
            "Kaartjes printen",
            id="decks.print",
            tooltip="Bewaar het gekozen deck als dilemmakaartjes om te printen (A4, dubbelzijdig)",
        ),
        Binding(
            "ctrl+g",
            "switch_tab",
            "Decks/Kaarten",
            id="decks.tab",
            tooltip="Wissel tussen de lijst met decks en de kaarten",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        from dilemmas.discovery import DeckRegistry

        self.registry: DeckRegistry = DeckRegistry()
        """The decks as last shown (the context's may be being read again in a worker)."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="decks-tabs", initial="tab-decks"):
            with TabPane("Decks", id="tab-decks"), Vertical(id="decks-pane"):
                yield DataTable(id="deck-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="deck-detail")
                with VerticalScroll(id="deck-problems"):
                    yield Static(id="deck-problems-text")
            with TabPane("Kaarten", id="tab-cards"):
                yield CardBrowser({}, id="card-browser")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#deck-table", DataTable)
        table.add_column("id", key="id")
        table.add_column("titel", key="title")
        table.add_column("versie", key="version")
        table.add_column("bron", key="source")
        table.add_column("kaarten", key="cards")
        table.add_column("per thema", key="themes")
        self.query_one("#deck-problems", VerticalScroll).border_title = "Fouten en meldingen"
        table.focus()
        self._load(reload=False)

    @work(thread=True, exclusive=True, group="decks-load", exit_on_error=False)
    def _load(self, reload: bool) -> None:
        """Find (or find again) and validate the decks away from the screen, so that a deck
        with thousands of problems never holds up a key press; then show what was found."""
        self.app.call_from_thread(self._set_loading, True)
        ctx = cast("IntegerSpelApp", self.app).ctx
        registry = ctx.reload_decks() if reload else ctx.registry
        problems = self._problems_content(registry)
        self.app.call_from_thread(self._show_loaded, registry, problems, reload)

    def _set_loading(self, loading: bool) -> None:
        if self.is_attached:
            self.query_one("#decks-pane").loading = loading

    def _show_loaded(self, registry: DeckRegistry, problems: Content, reload: bool) -> None:
        if not self.is_attached:
            return  # left while the decks were being read
        self._set_loading(False)
        self.registry = registry
        self._fill(registry, problems)
        self.query_one(CardBrowser).set_decks(registry.decks)
        if reload:
            found, broken = len(registry.decks), len(registry.invalid)
            message = f"{found} {'deck' if found == 1 else 'decks'} gevonden"
            if broken:
                message += f", {broken} met fouten"
            self.notify(message + ".", title="Opnieuw geladen",
                        severity="warning" if broken else "information")

    def _fill(self, registry: DeckRegistry, problems: Content) -> None:
        table = self.query_one("#deck-table", DataTable)
        table.clear()
        for deck in registry.decks.values():
            kind = " (peiling)" if deck.is_pulse else ""
            # Deck texts are shown as typed: a str cell would be read as Rich markup.
            table.add_row(
                Text(deck.id),
                Text(deck.info.title + kind),
                Text(deck.info.version),
                Text(SOURCE_LABELS.get(deck.source, deck.source)),
                Text(str(len(deck.dilemmas))),
                Text(theme_summary(deck)),
                key=deck.id,
            )
        self._show_detail()
        self.query_one("#deck-problems-text", Static).update(problems)

    @staticmethod
    def _problems_content(registry: DeckRegistry) -> Content:
        parts: list[Content] = []
        if registry.invalid:
            count = len(registry.invalid)
            noun = "deck kon" if count == 1 else "decks konden"
            parts.append(Content.styled(f"{count} {noun} niet geladen worden:", "bold $error"))
            for path, problems in registry.invalid:
                parts.append(Content.assemble(("\n", ""), (str(path), "bold")))
                shown, more = shown_problems(str(path), problems, registry.problem_count(path))
                parts.extend(Content("  " + line.replace("\n", "\n  ")) for line in shown)
                if more:
                    parts.append(Content.styled("  " + more, "$text-muted"))
        else:
            parts.append(Content.styled("Alle decks zijn in orde.", "bold $success"))
        # The start-up notice for a skipped deck repeats its first problem, shown above.
        skipped = tuple(f"Het deck {path} is overgeslagen" for path, _problems in registry.invalid)
        notices = [n for n in registry.notices if n and not n.startswith(skipped)]
        if notices:
            parts.append(Content.styled("\nMeldingen", "bold"))
            parts.extend(Content(f"• {notice}") for notice in notices)
        return Content("\n").join(parts)

    @on(DataTable.RowHighlighted, "#deck-table")
    def _row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one("#deck-table", DataTable)
        detail = self.query_one("#deck-detail", Static)
        deck: Deck | None = None
        if table.row_count:
            row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            deck = self.registry.decks.get(str(row_key.value))
        if deck is None:
            detail.update("Geen decks gevonden." if not table.row_count else "")
            return
        themes = ", ".join(f"{title} ({n})" for title, n in theme_counts(deck)) or "geen thema's"
        where = deck.path or "ingebouwd in de app"
        detail.update(
            Content.assemble(
                (deck.info.title, "bold"),
                ("\n", ""),
                ("Bestand: ", "$text-muted"),
                where,
                ("\n", ""),
                ("Per thema: ", "$text-muted"),
                themes,
            )
        )

    @on(DataTable.RowSelected, "#deck-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        # Enter on a deck: browse its cards, filtered to that deck by its id.
        self._show_tab("tab-cards")
        self.query_one(CardBrowser).show_deck(str(event.row_key.value))

    def action_back(self) -> None:
        """Back to where the screen was opened from."""
        self.dismiss(None)

    def action_switch_tab(self) -> None:
        """Switch between the decks and the cards."""
        tabs = self.query_one("#decks-tabs", TabbedContent)
        self._show_tab("tab-cards" if tabs.active == "tab-decks" else "tab-decks")

    def _show_tab(self, tab: str) -> None:
        # Focus moves with the tab: a focused widget left behind in the hidden pane would
        # make TabbedContent switch straight back to it.
        self.query_one("#decks-tabs", TabbedContent).active = tab
        target = "#card-search" if tab == "tab-cards" else "#deck-table"
        self.query_one(target).focus()

    def action_reload(self) -> None:
        """Run discovery again (after the author edited a deck) and show what was found."""
        self._load(reload=True)

    def action_print_deck(self) -> None:
        """Save the highlighted deck as printable dilemmakaartjes (Downloads, or a download)."""
        from dilemmas.print import deck_cards_html
        from game.export import deliver_file

        table = self.query_one("#deck-table", DataTable)
        deck: Deck | None = None
        if table.row_count:
            row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            deck = self.registry.decks.get(str(row_key.value))
        if deck is None:
            self.notify("Kies eerst een deck in de lijst.", title="Kaartjes printen", markup=False)
            return
        config = cast("IntegerSpelApp", self.app).ctx.config
        deliver_file(self.app, f"dilemmakaartjes-{deck.id}.html", deck_cards_html(deck, config),
                     "Het bestand met de dilemmakaartjes")

    def action_check_file(self) -> None:
        """Ask for a deck file or folder, check it and show every problem."""
        default = self._default_check_path()

        def checked(path: Path | None) -> None:
            if path is not None:
                self._check(path)

        self.app.push_screen(
            PathDialog(
                "Welk deck wil je controleren?",
                default,
                must_exist=True,
                allow_dir=True,
                hint="Typ het pad van een deckbestand (.yaml) of een map met decks.",
            ),
            checked,
        )

    @work(thread=True, exclusive=True, group="decks-check", exit_on_error=False)
    def _check(self, path: Path) -> None:
        """Check one file or folder away from the screen; then show its problems."""
        from dilemmas.loader import check_paths

        self.app.call_from_thread(self._set_loading, True)
        problems = check_paths([path])
        self.app.call_from_thread(self._show_checked, path, problems)

    def _show_checked(self, path: Path, problems: list[Problem]) -> None:
        if self.is_attached:
            self._set_loading(False)
            if self.app.screen is self:
                self.app.push_screen(ProblemsDialog(path, problems))

    def _default_check_path(self) -> str:
        invalid = self.registry.invalid
        if invalid:
            return str(invalid[0][0])
        from dilemmas import paths

        return str(paths.user_decks_dir()) + "/"
