"""CardBrowser: find cards by text, theme and audience, and see one as it appears in a round."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from dilemmas.model import AUDIENCES, Deck, Dilemma
from game.rules.text import reflow
from game.widgets.card import CardView
from game.widgets.dutch_select import DutchSelect

MAX_LISTED = 200
"""Cards listed at most: a list of a thousand titles is slow to build and to read."""

AUDIENCE_LABELS: dict[str, str] = {
    "team": "Teams",
    "nieuw": "Nieuwe collega's",
    "raad": "Raad en college",
    "leidinggevenden": "Leidinggevenden",
}


@dataclass(frozen=True)
class CardHit:
    """A card found by the browser, with the deck it belongs to."""

    deck: Deck
    dilemma: Dilemma

    @property
    def key(self) -> str:
        return f"{self.deck.id}/{self.dilemma.id}"


def searchable_text(dilemma: Dilemma) -> str:
    """The text a search looks through: id, title, situation, question and options."""
    parts = [dilemma.id, dilemma.title, dilemma.situation, dilemma.question]
    parts.extend(o.text for o in dilemma.answer.options)
    parts.extend((dilemma.answer.low, dilemma.answer.high))
    return " ".join(parts).casefold()


def find_cards(
    decks: Iterable[Deck],
    text: str = "",
    theme: str | None = None,
    audience: str | None = None,
    deck_id: str | None = None,
) -> list[CardHit]:
    """The cards whose text holds every word of `text`, of `theme`, for `audience`, in a deck.

    Decks keep their order; cards keep their order in the deck.
    """
    words = text.casefold().split()
    hits: list[CardHit] = []
    for deck in decks:
        if deck_id is not None and deck.id != deck_id:
            continue
        for dilemma in deck.dilemmas:
            if theme is not None and dilemma.theme != theme:
                continue
            if audience is not None and audience not in dilemma.audience:
                continue
            if words:
                haystack = searchable_text(dilemma)
                if not all(word in haystack for word in words):
                    continue
            hits.append(CardHit(deck, dilemma))
    return hits


def theme_choices(decks: Iterable[Deck]) -> list[tuple[str, str]]:
    """(title, id) of every theme in the decks, first title wins, sorted by title."""
    titles: dict[str, str] = {}
    for deck in decks:
        for theme in deck.themes:
            titles.setdefault(theme.id, theme.title)
    return sorted(
        ((title, theme_id) for theme_id, title in titles.items()),
        key=lambda pair: pair[0].casefold(),
    )


def plain_choices(choices: Iterable[tuple[str, str]]) -> list[tuple[Text, str]]:
    """Select options whose titles show as typed (a str prompt would be read as markup)."""
    return [(Text(title), value) for title, value in choices]


def card_details(hit: CardHit, *, guidance: bool = True) -> Content:
    """What is under a card in the browser: guidance, references, variations, prompts.

    Args:
        hit: the card and its deck.
        guidance: show "Wat zegt de code?" and the sources (not before a walkthrough starts).
    """
    d = hit.dilemma
    sections: list[Content] = [
        Content.assemble(
            ("Deck ", "$text-muted"),
            (hit.deck.id, "bold"),
            ("  ·  kaart ", "$text-muted"),
            (d.id, "bold"),
            ("  ·  voor ", "$text-muted"),
            ", ".join(AUDIENCE_LABELS.get(a, a) for a in d.audience) or "—",
        )
    ]

    def section(title: str, lines: list[str]) -> None:
        if lines:
            body = Content("\n").join(Content(line) for line in lines)
            sections.append(Content.assemble((title, "bold $primary"), "\n", body))

    if guidance:
        section("Wat zegt de code?", [reflow(d.guidance)] if d.guidance.strip() else [])
        section("Bronnen", [f"• {r}" for r in d.references])
    section("Maar wat als…?", [f"{i}. {v}" for i, v in enumerate(d.variations, 1)])
    section("Vragen voor het gesprek", [f"• {p}" for p in d.prompts])
    return Content("\n\n").join(sections)


class CardBrowser(Widget):
    """Search box, theme and audience filters, the matching cards, and the chosen card."""

    DEFAULT_CSS = """
    CardBrowser {
        height: 1fr;
        layout: vertical;
    }
    CardBrowser #browser-filters {
        height: auto;
        padding: 0 0 1 0;
    }
    CardBrowser #browser-filters > * {
        margin: 0 1 0 0;
    }
    CardBrowser #card-search {
        width: 1fr;
        min-width: 16;
    }
    CardBrowser #card-deck {
        width: 18;
    }
    CardBrowser #card-theme {
        width: 22;
    }
    CardBrowser #card-audience {
        width: 20;
    }
    CardBrowser #browser-body {
        height: 1fr;
    }
    CardBrowser #browser-left {
        width: 30;
        height: 1fr;
    }
    CardBrowser #card-count {
        color: $text-muted;
        padding: 0 1;
    }
    CardBrowser #card-list {
        height: 1fr;
    }
    CardBrowser #card-detail {
        width: 1fr;
        height: 1fr;
        padding: 0 0 0 1;
    }
    CardBrowser #card-detail CardView {
        max-height: 500;
        overflow-y: hidden;
    }
    CardBrowser #card-extra {
        padding: 1 1;
        width: 1fr;
    }
    CardBrowser #card-empty {
        color: $text-muted;
        padding: 1 1;
    }
    """

    def __init__(
        self,
        decks: Mapping[str, Deck],
        *,
        id: str | None = None,
        classes: str | None = None,
        show_guidance: bool = True,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.show_guidance = show_guidance
        self._decks: list[Deck] = list(decks.values())
        self._hits: dict[str, CardHit] = {}

    @property
    def hits(self) -> list[CardHit]:
        """The cards now in the list, in order (at most MAX_LISTED)."""
        return list(self._hits.values())

    def compose(self) -> ComposeResult:
        with Horizontal(id="browser-filters"):
            yield Input(placeholder="Zoek…", id="card-search", compact=True)
            yield DutchSelect(
                plain_choices(self._deck_choices()),
                prompt="Alle decks",
                id="card-deck",
                compact=True,
            )
            yield DutchSelect(
                plain_choices(theme_choices(self._decks)),
                prompt="Alle thema's",
                id="card-theme",
                compact=True,
            )
            yield DutchSelect(
                [(label, key) for key, label in AUDIENCE_LABELS.items() if key in AUDIENCES],
                prompt="Alle doelgroepen",
                id="card-audience",
                compact=True,
            )
        with Horizontal(id="browser-body"):
            with Vertical(id="browser-left"):
                yield Static(id="card-count")
                yield OptionList(id="card-list", markup=False)
            with VerticalScroll(id="card-detail"):
                yield Static("Kies links een kaart.", id="card-empty")
                yield Static(id="card-extra")

    def _deck_choices(self) -> list[tuple[str, str]]:
        return [(deck.id, deck.id) for deck in self._decks]

    def on_mount(self) -> None:
        self.refilter()

    def set_decks(self, decks: Mapping[str, Deck]) -> None:
        """Browse other decks (after reloading); filters stay as they are where possible."""
        self._decks = list(decks.values())
        self._reset_options("#card-deck", self._deck_choices())
        self._reset_options("#card-theme", theme_choices(self._decks))
        self.refilter()

    def _reset_options(self, selector: str, choices: list[tuple[str, str]]) -> None:
        select: Select[str] = self.query_one(selector, Select)
        current = select.value
        with self.prevent(Select.Changed):
            select.set_options(plain_choices(choices))
            if current is not Select.NULL and any(value == current for _t, value in choices):
                select.value = current

    def show_deck(self, deck_id: str) -> None:
        """Show only the cards of one deck, and put the cursor in the card list."""
        select: Select[str] = self.query_one("#card-deck", Select)
        with self.prevent(Select.Changed):
            select.value = deck_id
        self.refilter()
        self.query_one("#card-list", OptionList).focus()

    def _filters(self) -> tuple[str, str | None, str | None, str | None]:
        text = self.query_one("#card-search", Input).value
        values = [
            self.query_one(selector, Select).value
            for selector in ("#card-theme", "#card-audience", "#card-deck")
        ]
        theme, audience, deck = (v if isinstance(v, str) else None for v in values)
        return text, theme, audience, deck

    def refilter(self) -> None:
        """Fill the list with the cards that match the filters; keep the chosen card if shown."""
        option_list = self.query_one("#card-list", OptionList)
        previous = option_list.highlighted_option.id if option_list.highlighted_option else None
        found = find_cards(self._decks, *self._filters())
        hits = found[:MAX_LISTED]
        self._hits = {hit.key: hit for hit in hits}
        option_list.clear_options()
        option_list.add_options(Option(hit.dilemma.title, id=hit.key) for hit in hits)
        count = len(found)
        text = (
            "Geen kaarten gevonden"
            if count == 0
            else "1 kaart"
            if count == 1
            else f"{count} kaarten"
        )
        if count > len(hits):
            text += f", de eerste {len(hits)} staan hier"
        self.query_one("#card-count", Static).update(text)
        if previous in self._hits:
            option_list.highlighted = option_list.get_option_index(previous)
        elif hits:
            option_list.highlighted = 0
        else:
            self._show(None)

    @on(Input.Changed, "#card-search")
    @on(Select.Changed, "#card-theme")
    @on(Select.Changed, "#card-audience")
    @on(Select.Changed, "#card-deck")
    def _filter_changed(self) -> None:
        self.refilter()

    @on(OptionList.OptionHighlighted, "#card-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id
        self._show(self._hits.get(key) if key else None)

    def _show(self, hit: CardHit | None) -> None:
        detail = self.query_one("#card-detail", VerticalScroll)
        empty = self.query_one("#card-empty", Static)
        extra = self.query_one("#card-extra", Static)
        views = detail.query(CardView)
        if hit is None:
            empty.display = True
            extra.update("")
            for view in views:
                view.display = False
            return
        empty.display = False
        if views:
            view = views.first()
            view.display = True
            view.show(hit.dilemma, hit.deck)
        else:
            detail.mount(CardView(hit.dilemma, hit.deck, id="card-view"), before=extra)
        extra.update(card_details(hit, guidance=self.show_guidance))
        detail.scroll_home(animate=False)

    @property
    def shown(self) -> CardHit | None:
        """The card on the right, if any."""
        option_list = self.query_one("#card-list", OptionList)
        option = option_list.highlighted_option
        return self._hits.get(option.id) if option is not None and option.id else None
