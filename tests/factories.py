"""Shared test factories: decks, a store that keeps writes in memory, apps, sessions, bundles,
host apps and stores for pushing screens directly, and the screen's text."""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, RadioButton, Static

from dilemmas.config import Config, Contact, load_config
from dilemmas.discovery import DeckRegistry, discover
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.app import FIELD_KEYS, IntegerSpelApp
from game.context import AppContext, StartRequest
from game.dialogs.path_dialog import PathDialog
from game.dialogs.secret_vote import SecretVoteScreen
from game.rules.game import GameSetup, GameState
from game.rules.saving import Saver
from game.rules.session import GameSession
from game.screens.practice import PracticeScreen
from game.screens.report import ReportScreen
from game.screens.setup import SetupScreen
from game.screens.walkthrough import WalkthroughScreen
from game.widgets.timer import RoundTimer
from sessions.bundle import BUNDLE_FORMAT
from sessions.model import PulseAnswer, Revote, Round, SessionRecord
from sessions.store import Store


def long_card() -> Dilemma:
    """A choice card whose text is far longer than a small window."""
    return Dilemma(
        id="lang",
        theme="geschenken",
        title="Een lange kaart voor de achterste rij",
        situation=" ".join(["Een leverancier stuurt je kaartjes voor een concert."] * 8),
        question="Wat doe je met de kaartjes van de leverancier?",
        answer=Answer(kind="choice", options=(
            Option("A", "Ik neem ze aan en zeg niets"),
            Option("B", "Ik neem ze aan en meld het bij mijn leidinggevende"),
            Option("C", "Ik stuur ze beleefd terug met een briefje"),
        )),
        prompts=("Wat als het om een fles wijn van 20 euro gaat?",),
    )


def small_deck(*cards: Dilemma) -> Deck:
    """A deck of the given cards (the long card when none are given)."""
    return Deck(
        info=DeckInfo("spel", "Spel", "2026.1"),
        themes=(Theme("geschenken", "Geschenken en uitnodigingen"),),
        dilemmas=cards or (long_card(),),
    )


def bare_app(*decks: Deck) -> IntegerSpelApp:
    """The app on its menu, with these decks and no store."""
    registry = DeckRegistry(decks={d.info.id: d for d in decks})
    return IntegerSpelApp(AppContext(config=Config(), registry=registry, store=None))


def told(app: App[Any]) -> list[str]:
    """The messages of the notifications the app is showing now."""
    return [str(notification.message) for notification in app._notifications]


async def end_vote_early(pilot: Pilot[Any], *presses: str) -> None:
    """Start a secret vote (g), press ``presses`` as the voters, then end it with Escape and
    "Afronden" in the dialog."""
    await pilot.press("g", *presses, "escape")
    await pilot.pause()
    await pilot.click("#choice-finish")
    await pilot.pause()


def screen_text(app: App[Any]) -> str:
    """What the terminal shows now, as plain lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


ScreenT = TypeVar("ScreenT", bound=Screen[Any])


def screen_as(app: App[Any], kind: type[ScreenT]) -> ScreenT:
    """The app's current screen, checked to be a ``kind`` (without narrowing ``app.screen``
    itself, which the next key press may change)."""
    screen = app.screen
    assert isinstance(screen, kind), f"{type(screen).__name__} is not a {kind.__name__}"
    return screen


def crash(store: Store) -> None:
    """Leave a store as a crash of its process would: its connection gone without ``close``
    (the sessions it holds stay held) and its lock let go, its lock file left behind."""
    store._conn.close()
    if store._sign is not None:
        store._sign.close()


# Session bundles
UUID_A = "7d0c0b8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f"


def bundle_session(**kw: Any) -> dict[str, Any]:
    s: dict[str, Any] = {
        "id": UUID_A,
        "kind": "team",
        "month": "2026-11",
        "team": "Publiekszaken",
        "participants": 9,
        "deck": {"id": "huizen-basis", "version": "2026.1"},
        "rounds": [
            {"dilemma": "concertkaartjes", "theme": "geschenken", "vote": "secret",
             "counts": {"A": 3, "B": 5, "C": 1},
             "revotes": [{"variation": 0, "counts": {"A": 1, "B": 7, "C": 1}}],
             "minutes": 7, "note": "Goed gesprek"},
            {"dilemma": "open-vraag", "theme": "melden", "vote": "none", "minutes": None, "note": None},
        ],
        "pulse": [{"question": "kent-vertrouwenspersoon", "counts": {"ja": 4, "nee": 5}}],
        "completed": True,
    }
    s.update(kw)
    return s


def bundle_doc(*sessions: dict[str, Any], **kw: Any) -> dict[str, Any]:
    b: dict[str, Any] = {"format": BUNDLE_FORMAT, "version": 1,
                         "exported_at": "2026-11-01T00:00:00Z", "sessions": list(sessions)}
    b.update(kw)
    return b



# The whole app
def make_app(data_dir: Path, start: StartRequest | None = None) -> IntegerSpelApp:
    config, notices = load_config()
    ctx = AppContext(config, registry=discover((), config), store=Store.open(data_dir),
                     config_notices=notices)
    return IntegerSpelApp(ctx, start)



# The team game rules
RULES_CHOICE = Answer(kind="choice", options=(Option("A", "ja"), Option("B", "nee"), Option("C", "?")))


def rules_deck(n_per_theme: int = 3) -> Deck:
    themes = (
        Theme("geschenken", "Geschenken"),
        Theme("nevenwerk", "Nevenwerk"),
        Theme("social", "Sociale media"),
    )
    cards = []
    for t in themes:
        for i in range(n_per_theme):
            cards.append(
                Dilemma(
                    id=f"{t.id}-{i}",
                    theme=t.id,
                    title=f"{t.title} {i}",
                    situation="…",
                    question="Wat doe je?",
                    answer=RULES_CHOICE,
                    variations=("Als het een collega is?", "Als niemand het ziet?"),
                )
            )
    cards.append(
        Dilemma(
            id="open-1",
            theme="social",
            title="Open",
            situation="…",
            question="?",
            answer=Answer(kind="open"),
        )
    )
    return Deck(info=DeckInfo("test", "Test", "1"), themes=themes, dilemmas=tuple(cards))


def rules_setup(**kw: Any) -> GameSetup:
    """A setup of the rules deck for Publiekszaken (nine people, four cards), changed by ``kw``."""
    base = GameSetup(
        deck_id="test", deck_version="1", team="Publiekszaken", participants=9, limit=4, seed=7
    )
    return replace(base, **kw)



# Practice
PRACTICE_CHOICE = Answer(kind="choice", options=(Option("A", "Aannemen"), Option("B", "Weigeren")))


def practice_card(i: int, audience: tuple[str, ...] = ("team", "nieuw"), answer: Answer = PRACTICE_CHOICE) -> Dilemma:
    return Dilemma(
        id=f"kaart-{i}",
        theme="geschenken",
        title=f"Kaart {i}",
        situation=f"Situatie {i}.",
        question="Wat doe je?",
        answer=answer,
        guidance=f"Uitleg bij kaart {i}.",
        references=(f"Gedragscode artikel {i}",),
        audience=audience,
    )


def practice_deck() -> Deck:
    cards = [practice_card(i) for i in range(1, 4)]
    cards.append(practice_card(9, audience=("team",)))  # not for new hires
    cards.append(practice_card(4, answer=Answer(kind="scale", points=5, low="nooit", high="altijd")))
    return Deck(
        info=DeckInfo(id="oefendeck", title="Oefendeck", version="2"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=tuple(cards),
    )


class PracticeHost(App[None]):
    BINDINGS = [*FIELD_KEYS]  # as the real app has them

    def __init__(self, ctx: AppContext, rng: random.Random) -> None:
        super().__init__()
        self.ctx = ctx
        self.rng = rng
        self.closed = 0

    def compose(self) -> ComposeResult:
        yield Static("menu", id="below")

    def on_mount(self) -> None:
        self.push_screen(PracticeScreen(rng=self.rng), lambda _: self.note_closed())

    def note_closed(self) -> None:
        self.closed += 1


@pytest.fixture(name="store")
def temp_store(tmp_path: Path) -> Store:
    """A store of its own in the test's temporary folder."""
    return Store.open(tmp_path / "data")


def practice_ctx(store: Store, *, count: int = 3, k: int = 5) -> AppContext:
    deck = practice_deck()
    config = Config(
        oath="Ik beloof dat ik eerlijk werk.",
        contacts=(Contact("Vertrouwenspersoon", "Vera", "intranet/vp"),),
        k=k,
        practice_count=count,
    )
    return AppContext(config=config, registry=DeckRegistry(decks={deck.id: deck}), store=store)


def team_session(store: Store, dilemma: str, counts: dict[str, int]) -> None:
    sid = store.start_session(
        kind="team", team="Burgerzaken", participants=9, deck_id="oefendeck", deck_version="2"
    )
    store.save_round(
        sid, 0, Round(dilemma=dilemma, theme="geschenken", vote="hands", counts=counts)
    )



# Walkthrough
def walkthrough_deck() -> Deck:
    card = Dilemma(
        id="concertkaartjes",
        theme="geschenken",
        title="Concertkaartjes",
        situation="Een leverancier biedt je twee kaartjes aan voor een uitverkocht concert.",
        question="Wat doe je?",
        answer=Answer(
            kind="choice",
            options=(Option("A", "Je neemt ze aan"), Option("B", "Je weigert beleefd")),
        ),
        guidance="Geschenken boven de 50 euro weiger je.",
        references=("Gedragscode, paragraaf 3",),
        audience=("team", "nieuw"),
    )
    other = Dilemma(
        id="sleutel",
        theme="omgang",
        title="De sleutel",
        situation="Een collega vraagt je sleutelpas te lenen.",
        question="Leen je hem uit?",
        answer=Answer(kind="scale", points=5, low="nooit", high="altijd"),
    )
    return Deck(
        info=DeckInfo(id="test-deck", title="Testdeck", version="1"),
        themes=(Theme("geschenken", "Geschenken"), Theme("omgang", "Omgang")),
        dilemmas=(card, other),
    )


class WalkthroughHost(App[None]):
    """A bare app with the context the screens expect; the pushed screen's result is kept."""

    BINDINGS = [*FIELD_KEYS]  # as the real app has them

    def __init__(self, walkthrough_ctx: AppContext, screen_factory: Any) -> None:
        super().__init__()
        self.ctx = walkthrough_ctx
        self.factory = screen_factory
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("onder", id="below")

    def on_mount(self) -> None:
        self.push_screen(self.factory(), self.results.append)


@pytest.fixture(name="ctx")
def walkthrough_ctx(store: Store) -> AppContext:
    deck = walkthrough_deck()
    return AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)


def screen_of(app: App[Any]) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    return screen


async def type_into(pilot: Any, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    await pilot.press(*list(text))



# Report screen (k = 5)
FIXTURE_DECKS = Path(__file__).parent / "fixtures" / "report"


def report_records() -> list[SessionRecord]:
    """Four team sessions and one practice run with figures checked by hand (k = 5).

    2026: 3 sessions, 2 teams, 23 participants, 5 rounds. `concert` 23 answers
    (A 6, B 13, C 4): shown. `klus` 4 answers: suppressed. Pulse `kent-vp` Q1 17 / Q2 3
    answers: Q2 is below k, so Q1 is hidden as well (complementary suppression).
    """

    def team(
        i: int,
        month: str,
        label: str | None,
        n: int,
        rounds: tuple[Round, ...],
        pulse: tuple[PulseAnswer, ...] = (),
        completed: bool = True,
    ) -> SessionRecord:
        return SessionRecord(
            id=f"0000000{i}-0000-4000-8000-00000000000{i}",
            kind="team",
            month=month,
            team=label,
            participants=n,
            deck_id="testdeck",
            deck_version="2026.1",
            rounds=rounds,
            pulse=pulse,
            completed=completed,
        )

    return [
        team(
            1,
            "2026-02",
            "Publiekszaken",
            9,
            (
                Round(
                    "concert",
                    "geschenken",
                    "secret",
                    {"A": 3, "B": 5, "C": 1},
                    (Revote(0, {"A": 1, "B": 7, "C": 1}),),
                    7,
                ),
                Round("klus", "nevenwerk", "hands", {"1": 1, "2": 2}, (), 5),
            ),
            (PulseAnswer("kent-vp", {"ja": 4, "nee": 5}),),
        ),
        team(
            2,
            "2026-03",
            "Burgerzaken",
            8,
            (
                Round("concert", "geschenken", "hands", {"A": 1, "B": 6, "C": 1}),
                Round("klus", "nevenwerk", "hands", {"3": 1}),
            ),
            (PulseAnswer("kent-vp", {"ja": 6, "nee": 2}),),
        ),
        team(
            3,
            "2026-05",
            None,
            6,
            (Round("concert", "geschenken", "secret", {"A": 2, "B": 2, "C": 2}),),
            (PulseAnswer("kent-vp", {"ja": 1, "nee": 2}),),
            completed=False,
        ),
        team(4, "2025-11", "ICT", 5, (Round("concert", "geschenken", "hands", {"A": 5}),)),
        SessionRecord(
            id="00000009-0000-4000-8000-000000000009",
            kind="practice",
            month="2026-04",
            team=None,
            participants=1,
            deck_id="testdeck",
            deck_version="2026.1",
            rounds=(Round("borrel", "geschenken", "hands", {"A": 1}),),
            completed=True,
        ),
    ]


def fill(store: Store) -> None:
    added, _skipped = store.import_records(report_records())
    assert added == 5
    # The unfinished session must not be offered for resumption over the screen under test.
    store.abandon("00000003-0000-4000-8000-000000000003")


def report_ctx(store: Store | None, store_error: str | None = None) -> AppContext:
    config, notices = load_config()
    registry = discover([FIXTURE_DECKS], config)
    return AppContext(
        config=config,
        registry=registry,
        store=store,
        store_error=store_error,
        config_notices=list(notices),
        extra_deck_dirs=(FIXTURE_DECKS,),
    )


@pytest.fixture(name="store")
def report_store(isolated_dirs: Path) -> Iterator[Store]:
    opened = Store.open()
    fill(opened)
    yield opened
    opened.close()


async def open_report(app: IntegerSpelApp, pilot: Pilot[Any], save_dir: Path) -> ReportScreen:
    screen = ReportScreen(save_directory=save_dir)
    await app.push_screen(screen)
    await pilot.pause()
    await app.workers.wait_for_complete()  # the report is built in a thread
    await pilot.pause()
    return screen


def static_text(widget: Static) -> str:
    return str(widget.render())


async def import_via_dialog(app: IntegerSpelApp, pilot: Pilot[Any], path: Path) -> None:
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, PathDialog)
    app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


class MemoryStore:
    """A store that keeps what the game writes in memory (no disk), for screens pushed alone."""

    def __init__(self) -> None:
        self.rounds: dict[int, Round] = {}
        self.pulse: list[PulseAnswer] = []
        self.state: dict[str, Any] = {}
        self.completed = False
        self.walkthroughs: dict[str, dict[str, Any]] = {}

    def start_session(self, **kwargs: Any) -> str:
        return str(kwargs.get("session_id") or "memory")

    def save_round(self, session_id: str, index: int, rnd: Round) -> None:
        self.rounds[index] = rnd

    def delete_round(self, session_id: str, index: int) -> None:
        self.rounds.pop(index, None)

    def make_room(self, session_id: str, index: int) -> None:
        self.rounds = {(i + 1 if i >= index else i): r for i, r in self.rounds.items()}

    def save_pulse(self, session_id: str, pulse: Sequence[PulseAnswer]) -> None:
        self.pulse = list(pulse)

    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None:
        self.state = dict(state)

    def set_participants(self, session_id: str, participants: int) -> None:
        pass

    def renew_lease(self, session_id: str) -> None:
        pass

    def complete(self, session_id: str) -> None:
        self.completed = True

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        return self.walkthroughs.get(walkthrough_id)

    def unfinished(self, kind: str = "team") -> None:
        return None  # nothing to offer for resuming

    def open_walkthroughs(self, dilemma_id: str | None = None) -> list[Any]:
        return []


def pulse_question_deck() -> Deck:
    """A pulse deck of two questions; the second has an answer whose key differs from its words."""
    return Deck(
        info=DeckInfo("pulse", "Pulse", "1", kind="pulse"),
        themes=(Theme("meldklimaat", "Meldklimaat"),),
        dilemmas=(
            Dilemma(
                id="kent-vertrouwenspersoon",
                theme="meldklimaat",
                title="VP",
                situation="Huizen heeft een externe vertrouwenspersoon.",
                question="Weet je wie de vertrouwenspersoon is?",
                answer=Answer(kind="choice", options=(Option("ja", "Ja"), Option("nee", "Nee"))),
                guidance="De naam staat op intranet.",
                contacts=("vertrouwenspersoon",),
            ),
            Dilemma(
                id="weet-hoe-bereiken",
                theme="meldklimaat",
                title="Bereiken",
                situation="Weten wie het is, is één ding.",
                question="Weet je hoe je de vertrouwenspersoon bereikt?",
                answer=Answer(
                    kind="choice",
                    options=(
                        Option("ja", "Ja"),
                        Option("weet-niet", "Niet precies"),
                        Option("nee", "Nee"),
                    ),
                ),
            ),
        ),
    )


def room_config() -> Config:
    """A config with a named vertrouwenspersoon."""
    return Config(
        contacts=(
            Contact(role="Vertrouwenspersoon", name="Anna de Vries", reach="06 1234 5678",
                    id="vertrouwenspersoon"),
        )
    )


def memory_session(deck: Deck, *, participants: int = 12, **setup: Any) -> GameSession:
    """A team session on ``deck`` written to a MemoryStore (``session.store``)."""
    game = GameState.start(
        deck,
        GameSetup(deck_id=deck.id, deck_version=deck.info.version, team="Team",
                  participants=participants, **setup),
    )
    session = GameSession(game, deck, Saver(MemoryStore()))  # type: ignore[arg-type]
    session.begin()
    return session


def room_app(*decks: Deck, config: Config | None = None) -> IntegerSpelApp:
    """An app on these decks, without a store on disk (screens are pushed by the test)."""
    registry = DeckRegistry(decks={d.id: d for d in decks})
    return IntegerSpelApp(AppContext(config=config or room_config(), registry=registry))


def game_deck_for_pulse() -> Deck:
    """A small team deck of one theme and three choice cards."""
    options = (Option("A", "Ja"), Option("B", "Nee"))
    return Deck(
        info=DeckInfo("spel", "Spel", "1"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=tuple(
            Dilemma(id=f"kaart-{n}", theme="geschenken", title=f"Kaart {n}", situation="S",
                    question="Wat doe je?", answer=Answer(kind="choice", options=options))
            for n in range(1, 4)
        ),
    )


SIZE = (120, 36)
"""The window every flow test runs in."""


def game_deck() -> Deck:
    """The team deck of the flow tests: a choice card, a scale card and an open card."""
    themes = (
        Theme("geschenken", "Geschenken en uitnodigingen"),
        Theme("nevenwerk", "Nevenwerkzaamheden"),
        Theme("informatie", "Omgaan met informatie"),
    )
    abc = Answer(
        kind="choice",
        options=(
            Option("A", "Ik neem het aan en zeg niets"),
            Option("B", "Ik neem het aan en meld het"),
            Option("C", "Ik stuur het beleefd terug"),
        ),
    )
    cards = (
        Dilemma(
            id="concertkaartjes",
            theme="geschenken",
            title="Kaartjes na de aanbesteding",
            situation="Een leverancier die net een aanbesteding won, stuurt je twee kaartjes "
            "voor een uitverkocht concert.",
            question="Wat doe je?",
            answer=abc,
            variations=(
                "Het zijn kaartjes voor een voetbalwedstrijd van 20 euro.",
                "De leverancier is een oud-collega.",
            ),
            guidance="Geschenken boven de 50 euro neem je niet aan. Meld het altijd.",
            references=("Gedragscode — geschenken",),
        ),
        Dilemma(
            id="bijbaan",
            theme="nevenwerk",
            title="De bijbaan in het weekend",
            situation="Je geeft in het weekend advies aan bedrijven in je eigen gemeente.",
            question="Hoe acceptabel is dit?",
            answer=Answer(kind="scale", points=5, low="Acceptabel", high="Onacceptabel"),
            guidance="Meld nevenwerk altijd vooraf.",
        ),
        Dilemma(
            id="dossier",
            theme="informatie",
            title="Het dossier van de buurman",
            situation="Je ziet dat je buurman een aanvraag heeft gedaan.",
            question="Wat doe je?",
            answer=Answer(kind="open"),
        ),
    )
    return Deck(info=DeckInfo("spel", "Spel — testset", "2026.1"), themes=themes, dilemmas=cards)


def pulse_deck() -> Deck:
    """A pulse deck of one yes/no/don't-know question."""
    yn = Answer(
        kind="choice",
        options=(Option("ja", "Ja"), Option("nee", "Nee"), Option("weet-niet", "Weet ik niet")),
    )
    return Deck(
        info=DeckInfo("pulse", "Pulse", "1", kind="pulse"),
        themes=(Theme("meldklimaat", "Meldklimaat"),),
        dilemmas=(
            Dilemma(
                id="kent-vertrouwenspersoon",
                theme="meldklimaat",
                title="VP",
                situation="",
                question="Weet je wie de vertrouwenspersoon is?",
                answer=yn,
            ),
        ),
    )


def make_ctx(data: Path, *, store: bool = True, pulse: bool = True) -> AppContext:
    """A context on the flow decks with a store in ``data`` (or none, and why not)."""
    decks = {"spel": game_deck()}
    if pulse:
        decks["pulse"] = pulse_deck()
    return AppContext(
        config=Config(),
        registry=DeckRegistry(decks=decks),
        store=Store.open(data) if store else None,
        store_error=None if store else "Je mag niet schrijven in de map /nergens.",
    )


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Timers tick only when a test says so; the secret vote passes on at once."""
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


async def fill_setup(
    pilot: Pilot[Any],
    *,
    participants: str = "9",
    order: str = "fixed",
    vote: str = "hands",
    pulse: str = "end",
    card_minutes: str = "",
) -> None:
    """Fill the setup and begin. The pulse is asked at the end here unless a test says
    otherwise (the setup's default is the start; `test_pulse_at_the_start_by_default`)."""
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, SetupScreen)
    screen.query_one("#setup-participants", Input).value = participants
    screen.query_one("#setup-team", Input).value = "Publiekszaken"
    screen.query_one(f"#order-{order}", RadioButton).value = True
    screen.query_one(f"#vote-{vote}", RadioButton).value = True
    screen.query_one(f"#pulse-{pulse}", RadioButton).value = True
    screen.query_one("#setup-card-minutes", Input).value = card_minutes
    await pilot.pause()
    screen.action_begin()
    await pilot.pause()
    # The app starts the session in a worker (it may ask for a theme first).
    for _ in range(20):
        if app.screen is not screen:
            break
        await pilot.pause()
    await pilot.pause()


def summed_votes(store: Store, dilemma_id: str, deck_id: str | None = None) -> dict[str, int]:
    """The first votes of a dilemma's team rounds in the store, summed per key."""
    totals: dict[str, int] = {}
    for _version, counts in store.dilemma_round_votes(dilemma_id, deck_id):
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    return totals
