"""SetupScreen: choose deck, team label, participants, length, themes, order and vote mode."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    RadioSet,
    Select,
    SelectionList,
    Static,
)

from dilemmas.model import Deck
from game.messages import SetupDone
from game.rules.entry import control_refusal
from game.rules.game import (
    GameSetup,
    LimitKind,
    Order,
    PulseMoment,
    SetupError,
    clean_team_label,
    looks_like_name,
    parse_card_minutes,
    parse_limit,
    parse_participants,
    playable_cards,
)
from game.widgets.dutch_select import DutchSelect
from game.widgets.toggles import MarkedRadioButton, MarkedSelectionList
from sessions.model import VoteMode

if TYPE_CHECKING:
    from game.app import IntegerSpelApp
    from game.context import AppContext

ORDER_CHOICES: tuple[tuple[Order, str], ...] = (
    ("shuffled", "Geschud"),
    ("fixed", "Op volgorde van het deck"),
    ("board", "Kiezen op het themabord"),
)
VOTE_CHOICES: tuple[tuple[VoteMode, str], ...] = (
    ("hands", "Handen tellen"),
    ("secret", "Geheime stemming"),
    ("none", "Geen stemming"),
)
PULSE_CHOICES: tuple[tuple[PulseMoment, str], ...] = (
    ("begin", "Aan het begin"),  # the default (SPEC §4.4): before the cards talk about melden
    ("end", "Aan het eind"),
    ("none", "Geen peiling"),
)
LIMIT_CHOICES: tuple[tuple[LimitKind, str], ...] = (
    ("dilemmas", "Aantal dilemma's"),
    ("minutes", "Aantal minuten"),
)
DEFAULT_LIMIT: dict[str, str] = {"dilemmas": "6", "minutes": "60"}


class SetupScreen(Screen[None]):
    """The form before a team session. Pre-filled from `integer-spel play --deck --team
    --participants`."""

    CSS_PATH = "../styles/game.tcss"

    HELP: ClassVar[str] = """\
**Een teamsessie voorbereiden.** Vul in wat je weet; de rest mag zo blijven.

- **Deck**: welke dilemmakaartjes je speelt.
- **Team**: de naam van de afdeling of het team — nooit namen van mensen. Mag leeg blijven.
- **Deelnemers**: hoeveel mensen meedoen (1 tot en met 99). Er kunnen nooit meer stemmen zijn.
- **Lengte**: een aantal dilemma's, of een aantal minuten.
- **Tijd per kaart**: minuten voor het gesprek over één kaart. De timer telt dan per kaart af
  en geeft een signaal bij 0 (hij loopt daarna door). Leeg: de timer telt op.
- **Thema's**: niets aangevinkt betekent alle thema's.
- **Volgorde**: geschud, op volgorde, of zelf kiezen op het themabord.
- **Stemmen**: hoe er standaard gestemd wordt. Per kaart kun je altijd iets anders kiezen.
- **Meldklimaat-peiling**: een paar geheime vragen, standaard aan het begin (voordat de kaarten
  over melden gaan), of aan het eind, of niet.

`Tab` gaat naar het volgende veld. `ctrl+s` of de knop **Beginnen** start de sessie.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "begin",
            "Beginnen",
            id="setup.begin",
            priority=True,
            tooltip="Start de sessie",
        ),
        Binding("escape", "back", "Terug", id="setup.back", tooltip="Terug naar het hoofdmenu"),
    ]

    def __init__(
        self,
        deck: str | None = None,
        team: str | None = None,
        participants: int | None = None,
    ) -> None:
        super().__init__()
        self.pre_deck = deck
        self.pre_team = team
        self.pre_participants = participants

    # -- helpers -------------------------------------------------------------------------

    @property
    def ctx(self) -> AppContext:
        return cast("IntegerSpelApp", self.app).ctx

    def _decks(self) -> list[Deck]:
        return list(self.ctx.registry.team_decks())

    def _initial_deck(self) -> str | None:
        ids = [d.id for d in self._decks()]
        for wanted in (self.pre_deck, getattr(self.ctx.config, "default_deck", None)):
            if wanted in ids:
                return wanted
        return ids[0] if ids else None

    def _deck(self) -> Deck | None:
        value = self.query_one("#setup-deck", Select).value
        if value is Select.NULL or value is None:
            return None
        return self.ctx.registry.get(str(value))

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        decks = self._decks()
        with VerticalScroll(id="setup-scroll"), Vertical(id="setup-form"):
            yield Static("Teamspel — nieuwe sessie", id="setup-title")
            if not decks:
                yield Static(
                    "Er is geen deck met dilemma's gevonden. Kijk bij Decks wat er mis is.",
                    classes="setup-error",
                )
            yield Label("Deck", classes="setup-label")
            yield DutchSelect(
                [(Text(f"{d.info.title} ({len(d.dilemmas)} kaarten)"), d.id) for d in decks],
                value=self._initial_deck() or Select.NULL,
                allow_blank=not decks,
                prompt="Kies een deck",
                id="setup-deck",
            )
            yield Static(markup=False, id="setup-deck-info", classes="setup-hint")
            yield Label("Team (optioneel)", classes="setup-label")
            yield Input(
                value=self.pre_team or "",
                placeholder="afdeling of team, geen namen",
                id="setup-team",
                max_length=60,
                suggester=SuggestFromList(self.ctx.config.teams, case_sensitive=False)
                if self.ctx.config.teams
                else None,
            )
            yield Static(markup=False, id="setup-team-error", classes="setup-error")
            yield Label("Deelnemers", classes="setup-label")
            yield Input(
                value=str(self.pre_participants) if self.pre_participants else "",
                placeholder="bijvoorbeeld 9",
                id="setup-participants",
                type="integer",
            )
            yield Static(markup=False, id="setup-participants-error", classes="setup-error")
            yield Label("Lengte", classes="setup-label")
            with Horizontal(classes="setup-row"):
                with RadioSet(id="setup-limit-kind"):
                    for n, (kind, text) in enumerate(LIMIT_CHOICES):
                        yield MarkedRadioButton(text, value=n == 0, id=f"limit-{kind}")
                # No max_length on the numbers: too long is refused with a message, never cut.
                yield Input(value=DEFAULT_LIMIT["dilemmas"], id="setup-limit", type="integer")
            yield Static(markup=False, id="setup-limit-error", classes="setup-error")
            yield Label("Tijd per kaart (minuten, optioneel)", classes="setup-label")
            with Horizontal(classes="setup-row"):
                # No max_length: a number too long is refused with a message, never cut.
                yield Input(placeholder="geen", id="setup-card-minutes")
                yield Static(
                    "leeg: de timer telt op · ingevuld: telt per kaart af, signaal bij 0",
                    classes="setup-hint setup-row-hint",
                )
            yield Static(markup=False, id="setup-card-minutes-error", classes="setup-error")
            yield Label("Thema's (niets aangevinkt: alle thema's)", classes="setup-label")
            yield MarkedSelectionList[str](id="setup-themes")
            yield Static(markup=False, id="setup-themes-error", classes="setup-error")
            with Horizontal(classes="setup-row"):
                with Vertical(classes="setup-column"):
                    yield Label("Volgorde", classes="setup-label")
                    with RadioSet(id="setup-order"):
                        for n, (order, text) in enumerate(ORDER_CHOICES):
                            yield MarkedRadioButton(text, value=n == 0, id=f"order-{order}")
                with Vertical(classes="setup-column"):
                    yield Label("Stemmen", classes="setup-label")
                    with RadioSet(id="setup-vote"):
                        for n, (mode, text) in enumerate(VOTE_CHOICES):
                            yield MarkedRadioButton(text, value=n == 0, id=f"vote-{mode}")
            # Its own row: a third column would cut the order labels at 80 columns.
            yield Label("Meldklimaat-peiling", classes="setup-label")
            with RadioSet(id="setup-pulse"):
                for n, (moment, text) in enumerate(PULSE_CHOICES):
                    yield MarkedRadioButton(text, value=n == 0, id=f"pulse-{moment}")
            yield Static(markup=False, id="setup-form-error", classes="setup-error")
            with Horizontal(id="setup-buttons"):
                yield Button("Beginnen", variant="primary", id="setup-begin")
                yield Button("Terug", id="setup-back")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        for error in self.query(".setup-error"):
            if error.id is not None:  # the field messages; the no-deck notice stays
                error.display = False
        self._fill_themes()
        self.query_one("#setup-deck").focus()

    @on(Select.Changed, "#setup-deck")
    def _deck_changed(self) -> None:
        self._fill_themes()

    def _fill_themes(self) -> None:
        deck = self._deck()
        themes = self.query_one("#setup-themes", SelectionList)
        themes.clear_options()
        info = self.query_one("#setup-deck-info", Static)
        if deck is None:
            info.update("")
            return
        counts: dict[str, int] = {}
        for card in deck.dilemmas:
            counts[card.theme] = counts.get(card.theme, 0) + 1
        themes.add_options(
            [(Content(f"{t.title} ({counts.get(t.id, 0)})"), t.id) for t in deck.themes]
        )
        info.update(
            f"{len(deck.dilemmas)} kaarten in {len(deck.themes)} thema's · versie "
            f"{deck.info.version}"
        )

    @on(RadioSet.Changed, "#setup-limit-kind")
    def _limit_kind_changed(self) -> None:
        kind = self._limit_kind()
        self.query_one("#setup-limit", Input).value = DEFAULT_LIMIT[kind]

    @on(Input.Changed, "#setup-team")
    def _team_changed(self, event: Input.Changed) -> None:
        label = clean_team_label(event.value)
        warning = control_refusal(event.value) or ""
        if not warning and label and looks_like_name(label):
            warning = "Dit lijkt op de naam van een persoon. Gebruik de naam van het team."
        self._say("team", warning)

    def _limit_kind(self) -> LimitKind:
        pressed = self.query_one("#setup-limit-kind", RadioSet).pressed_index
        return LIMIT_CHOICES[max(pressed, 0)][0]

    def _choice(self, radio_id: str, choices: tuple[tuple[str, str], ...]) -> str:
        pressed = self.query_one(radio_id, RadioSet).pressed_index
        return choices[max(pressed, 0)][0]

    # -- begin ---------------------------------------------------------------------------

    def _say(self, field: str, message: str) -> None:
        error = self.query_one(f"#setup-{field}-error", Static)
        error.update(message)
        error.display = bool(message)

    def read_setup(self) -> GameSetup | None:
        """The setup from the form, or None after showing what is wrong next to the fields."""
        for field in ("participants", "limit", "card-minutes", "themes"):
            self._say(field, "")
        self._say("form", "")
        deck = self._deck()
        if deck is None:
            self._say("form", "Kies eerst een deck.")
            return None
        problems = False
        participants = 0
        limit = 0
        card_minutes: int | None = None
        kind = self._limit_kind()
        try:
            participants = parse_participants(self.query_one("#setup-participants", Input).value)
        except SetupError as exc:
            self._say(exc.field, str(exc))
            problems = True
        try:
            limit = parse_limit(self.query_one("#setup-limit", Input).value, kind)
        except SetupError as exc:
            self._say(exc.field, str(exc))
            problems = True
        try:
            card_minutes = parse_card_minutes(self.query_one("#setup-card-minutes", Input).value)
        except SetupError as exc:
            self._say(exc.field, str(exc))
            problems = True
        team = self.query_one("#setup-team", Input).value
        refusal = control_refusal(team)
        if refusal is not None:
            self._say("team", refusal)
            problems = True
        themes = tuple(self.query_one("#setup-themes", SelectionList).selected)
        if not playable_cards(deck, themes):
            self._say("themes", "In deze thema's staan geen kaarten. Kies andere thema's.")
            problems = True
        if problems:
            return None
        return GameSetup(
            deck_id=deck.id,
            deck_version=deck.info.version,
            team=clean_team_label(team),
            participants=participants,
            limit_kind=kind,
            limit=limit,
            themes=themes,
            order=cast("Order", self._choice("#setup-order", ORDER_CHOICES)),
            vote=cast("VoteMode", self._choice("#setup-vote", VOTE_CHOICES)),
            seed=random.SystemRandom().randrange(1 << 30),
            pulse=cast("PulseMoment", self._choice("#setup-pulse", PULSE_CHOICES)),
            card_minutes=card_minutes,
        )

    @on(Button.Pressed, "#setup-begin")
    def action_begin(self) -> None:
        """Check the form and start the session."""
        setup = self.read_setup()
        if setup is None:
            self.notify("Nog niet alles klopt. Kijk bij de rode regels.", severity="warning")
            return
        deck = self._deck()
        assert deck is not None
        # What the form said is done with; it must not stay over the first card.
        self.app.clear_notifications()
        available = len(playable_cards(deck, setup.themes))
        if setup.limit_kind == "dilemmas" and setup.limit > available:
            # Not cut off without a word: the session plays every card there is.
            where = "met deze thema's" if setup.themes else "in dit deck"
            self.notify(f"Er zijn {available} kaarten {where}: je speelt ze alle {available}.",
                        markup=False)
        self.post_message(SetupDone(deck, setup))

    @on(Button.Pressed, "#setup-back")
    def action_back(self) -> None:
        self.app.pop_screen()

