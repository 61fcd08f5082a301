"""Practice mode for new hires: own answer first, then guidance and team figures, then the steps."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Markdown, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from dilemmas.config import Config
from dilemmas.model import Deck, Dilemma
from game.context import AppContext
from game.rules.practice import (
    DEFAULT_COUNT,
    PracticeCard,
    PracticeRun,
    TeamFigures,
    answer_hint,
    answer_text,
    contacts_markdown,
    draw_cards,
    heavy_line,
    is_heavy,
    read_team_counts,
    resume_place,
    team_figures,
)
from game.rules.text import reflow, removed_message
from game.rules.walkthrough import WalkthroughState
from game.store_link import StoreLink, context_of, load_plan
from game.walkthrough_open import open_walkthrough
from game.widgets.solo_card import SoloCardView
from sessions.model import Round
from sessions.scrub import scrub_text
from sessions.store import Store
from sessions.summary import md_inline

CSS_FILE = "../styles/walkthrough.tcss"
QUESTIONS_LINE = (
    "Vragen? Je kunt altijd terecht bij de vertrouwenspersoon of je leidinggevende. "
    "Twijfel je, vraag het dan. Dat is altijd goed."
)


T = TypeVar("T")


class PracticeScreen(Screen[None]):
    """A short practice run: a few cards, one of them through the stappenplan, then the oath."""

    TITLE = "Oefenen"
    CSS_PATH = CSS_FILE
    HELP: ClassVar[str] = """\
**Oefenen** is voor nieuwe collega's, voordat je de eed of belofte aflegt.

- Je krijgt een paar dilemma's. Kies eerst zelf wat je zou doen: druk op de letter of het cijfer,
  of klik op je keuze.
- Daarna zie je wat de gedragscode zegt, waar je meer leest, en hoe teams kozen
  (alleen als genoeg teams de kaart speelden).
- Eén dilemma werk je uit met het stappenplan.
- Aan het eind lees je de tekst van de eed of belofte, en waar je met vragen terechtkunt.
- Je antwoorden zijn alleen voor jou. Ze komen nooit in een rapport.
- Stop je halverwege (Esc), dan kun je later verdergaan.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "Later verder",
            id="practice.leave",
            tooltip="Stop met oefenen; je kunt later verdergaan",
        ),
        # With the focus on a button, the arrows and page keys scroll the text above it: at
        # 80x24 "Zo kozen teams" is below the fold.
        Binding("down", "scroll_body('down')", "Omlaag", show=False),
        Binding("up", "scroll_body('up')", "Omhoog", show=False),
        Binding("pagedown", "scroll_body('page_down')", "Pagina omlaag", show=False),
        Binding("pageup", "scroll_body('page_up')", "Pagina omhoog", show=False),
    ]

    def __init__(self, *, rng: random.Random | None = None) -> None:
        """Args:
        rng: the shuffle's random source (tests pass a seeded one).
        """
        super().__init__()
        self.rng = rng or random.Random()
        self.run: PracticeRun | None = None
        self.cards: list[PracticeCard] = []
        self.session_id: str | None = None
        self._resumable: tuple[str, PracticeRun, list[PracticeCard]] | None = None
        self._told_damaged = False

    # -- context ----------------------------------------------------------------------------

    @property
    def link(self) -> StoreLink:
        return StoreLink.of(self.app)

    @property
    def ctx(self) -> AppContext | None:
        return context_of(self.app)

    @property
    def config(self) -> Config:
        ctx = self.ctx
        return ctx.config if ctx is not None else Config()

    def _decks(self) -> list[Deck]:
        registry = self.ctx.registry if self.ctx is not None else None
        return list(registry.team_decks()) if registry is not None else []

    def _resolve(self, run: PracticeRun) -> list[PracticeCard] | None:
        """The cards of a saved run, or None when one is no longer installed."""
        registry = self.ctx.registry if self.ctx is not None else None
        if registry is None:
            return None
        cards = []
        for deck_id, dilemma_id in run.cards:
            found = registry.find_dilemma(dilemma_id, deck_id)
            if found is None:
                return None
            cards.append(PracticeCard(*found))
        return cards

    def _write(self, call: Callable[[Store], object], key: str = "") -> None:
        """Queue one write; a missing or failing store is told once and the run goes on."""
        self.link.write(call, key)

    async def _read(self, call: Callable[[Store], T]) -> T | None:
        """One read in a thread (the event loop never waits for the store)."""
        return await asyncio.to_thread(self.link.read, call)

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="practice-progress", markup=False)
        yield VerticalScroll(id="practice-body")
        yield Horizontal(id="practice-actions")
        yield Footer()

    def on_mount(self) -> None:
        self._progress("Oefenen voor nieuwe collega's")
        self.query_one("#practice-body", VerticalScroll).mount(
            Static("Even kijken of er een oefenronde openstaat…", classes="practice-text")
        )
        self.run_worker(self._open(), group="practice-open", exclusive=True)

    async def _open(self) -> None:
        saved = await self._read(lambda s: s.unfinished("practice"))
        if saved:
            record, state = saved
            run = PracticeRun.from_dict(state or {})
            cards = self._resolve(run) if run.cards else None
            if cards:
                self._resumable = (record.id, run, cards)
        await self.show_intro()

    async def _fill(self, *widgets: Widget, focus: str | None = None) -> None:
        """Show a phase: its content scrolls; its row of buttons stays at the bottom."""
        body = self.query_one("#practice-body", VerticalScroll)
        actions = self.query_one("#practice-actions", Horizontal)
        await body.remove_children()
        await actions.remove_children()
        await body.mount_all([w for w in widgets if not w.has_class("practice-buttons")])
        await actions.mount_all([w for w in widgets if w.has_class("practice-buttons")])
        body.scroll_home(animate=False)
        if focus:
            self.query_one(focus).focus(scroll_visible=False)

    def action_scroll_body(self, how: str) -> None:
        body = self.query_one("#practice-body", VerticalScroll)
        scroll = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
        }[how]
        scroll(animate=False)

    def _progress(self, text: str) -> None:
        self.query_one("#practice-progress", Static).update(text)

    def _save_state(self) -> None:
        sid, run = self.session_id, self.run
        if sid and run:
            state = run.to_dict()
            self._write(lambda s: s.save_state(sid, state), "state")

    # -- intro ------------------------------------------------------------------------------------

    async def show_intro(self) -> None:
        wanted = self.config.practice_count or DEFAULT_COUNT
        count = min(wanted, len(draw_cards(self._decks(), wanted)))
        self._progress("Oefenen voor nieuwe collega's")
        if not count and self._resumable is None:
            await self._fill(
                Static(
                    "Er zijn nog geen oefenkaarten: kaarten voor nieuwe collega's "
                    "(doelgroep 'nieuw'). Vraag de werkgroep integriteit om ze toe te voegen.",
                    classes="practice-text",
                ),
                Horizontal(
                    Button("Terug", id="practice-back", compact=True), classes="practice-buttons"
                ),
                focus="#practice-back",
            )
            return
        amount = "1 dilemma" if count == 1 else f"{count} dilemma's"
        fewer = (
            f"Er zijn {count} oefenkaarten, minder dan de {wanted} die zijn ingesteld; "
            "je krijgt ze allemaal.\n\n"
            if count < wanted
            else ""
        )
        text = (
            f"{fewer}Je krijgt {amount} uit het werk "
            "bij de gemeente. Kies eerst zelf wat je zou doen. "
            "Daarna zie je wat de gedragscode zegt, en hoe teams kozen.\n\n"
            "Eén dilemma werk je daarna uit met het zeven-stappenplan. "
            "Aan het eind lees je de tekst van de eed of belofte.\n\n"
            "Er is geen standaardantwoord, maar er zijn wel grenzen. Je antwoorden komen "
            "nooit in een rapport."
        )
        if self._resumable is not None:
            _, run, cards = self._resumable
            where = resume_place(run, cards)
            text = (
                f"Er is een oefenronde die nog niet klaar is, {where}.\n\n"
                "Is dat jouw ronde? Kies Ja om verder te gaan waar je was. Kies Nee als hij "
                "van iemand anders is, of als je opnieuw wilt beginnen: die ronde wordt dan "
                "gewist, en je krijgt een nieuwe.\n\n" + text
            )
        buttons: list[Widget] = []
        if self._resumable is not None:
            buttons += [
                Button("Ja, verder waar ik was", id="practice-resume", variant="primary",
                       compact=True),
                Button("Nee, een nieuwe ronde", id="practice-not-mine", compact=True),
            ]
        else:
            buttons.append(Button("Beginnen", id="practice-start", variant="primary", compact=True))
        await self._fill(
            Static(text, classes="practice-text"),
            Horizontal(*buttons, classes="practice-buttons"),
            focus="#practice-resume" if self._resumable else "#practice-start",
        )

    @on(Button.Pressed, "#practice-back")
    def _back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#practice-start")
    @on(Button.Pressed, "#practice-not-mine")
    def _start_pressed(self) -> None:
        self.run_worker(self.start(), exclusive=True, group="practice-start")

    def _discard_other_run(self) -> None:
        """Remove the unfinished run someone left on this laptop, with its walkthrough.

        Not set aside: a practice run is never reported or exported (SPEC §6), the answers
        in it are that person's alone, and a run that stays would be offered, and its
        walkthrough listed, to whoever practises next (SPEC §8 keeps nothing superseded).
        """
        if self._resumable is None:
            return
        old, run, _cards = self._resumable
        self._resumable = None
        wid = run.walkthrough_id
        if wid:
            self._write(lambda s: s.delete_walkthrough(wid))
        self._write(lambda s: s.delete_session(old))

    async def start(self) -> None:
        """A new run: draw the cards and open a practice session (never reported)."""
        self._discard_other_run()
        count = self.config.practice_count or DEFAULT_COUNT
        self.cards = draw_cards(self._decks(), count, self.rng)
        self.run = PracticeRun.new(self.cards)
        first = self.cards[0].deck
        state = self.run.to_dict()
        sid = str(uuid.uuid4())
        self.session_id = sid
        self.link.saver.lease_session = sid
        self._write(
            lambda s: s.start_session(
                kind="practice",
                team=None,
                participants=1,
                deck_id=first.id,
                deck_version=first.info.version,
                state=state,
                session_id=sid,
            )
        )
        await self.show_phase()

    @on(Button.Pressed, "#practice-resume")
    async def resume(self) -> None:
        """Continue the unfinished run where it was."""
        assert self._resumable is not None
        self.session_id, self.run, self.cards = self._resumable
        self.link.saver.lease_session = self.session_id
        self._resumable = None
        await self.show_phase()

    async def show_phase(self) -> None:
        run = self.run
        assert run is not None
        if run.phase == "answer":
            await self.show_answer()
        elif run.phase == "feedback":
            await self.show_feedback()
        elif run.phase == "walkthrough":
            await self.show_walkthrough_pick()
        else:
            await self.show_end()

    # -- a card -----------------------------------------------------------------------------------

    @property
    def card(self) -> PracticeCard:
        assert self.run is not None
        return self.cards[self.run.position]

    def _card_progress(self, suffix: str) -> None:
        assert self.run is not None
        self._progress(f"Dilemma {self.run.position + 1} van {len(self.cards)} · {suffix}")

    async def show_answer(self) -> None:
        card = self.card
        answer = card.dilemma.answer
        self._card_progress("wat zou jij doen?")
        widgets: list[Widget] = [SoloCardView(card.dilemma, card.deck, id="practice-card")]
        if answer.kind == "open":
            widgets.append(
                Vertical(
                    Static(
                        "Je oefent alleen: schrijf in een paar woorden wat jij zou doen. "
                        "Enter begint een nieuwe regel; met Tab ga je naar Klaar.",
                        classes="practice-hint",
                    ),
                    TextArea(
                        id="practice-open",
                        soft_wrap=True,
                        show_line_numbers=False,
                        tab_behavior="focus",
                        compact=True,
                    ),
                    Button("Klaar", id="practice-open-done", variant="primary", compact=True),
                    classes="practice-buttons",
                )
            )
            await self._fill(*widgets, focus="#practice-open")
            return
        choices: list[Widget] = [Static("Jouw keuze:", classes="practice-choose")]
        for key in answer.keys:
            button = Button(
                Content(key), id=f"answer-{key}", name=key, classes="practice-choice", compact=True
            )
            button.tooltip = Content(answer.label(key))
            choices.append(button)
        widgets.append(
            Vertical(
                Static(answer_hint(card.dilemma), classes="practice-hint"),
                Horizontal(*choices, classes="practice-choice-row"),
                classes="practice-buttons",
            )
        )
        await self._fill(*widgets)

    def on_key(self, event: events.Key) -> None:
        """Answer a card with its option key (a–e, or 1–N on a scale)."""
        if self.run is None or self.run.phase != "answer" or isinstance(self.focused, TextArea):
            return
        keys = self.card.dilemma.answer.keys
        pressed = (event.character or "").upper()
        if pressed in keys:
            event.stop()
            self.run_worker(self.answer(pressed), exclusive=True)

    @on(Button.Pressed, ".practice-choice")
    async def _choice_pressed(self, event: Button.Pressed) -> None:
        if event.button.name:
            await self.answer(event.button.name)

    @on(Button.Pressed, "#practice-open-done")
    async def _open_done(self) -> None:
        text = self.query_one("#practice-open", TextArea).text.strip()
        if not text:
            self.app.notify("Schrijf eerst een paar woorden.", severity="warning")
            return
        text, removed = await asyncio.to_thread(scrub_text, text)  # a paste can be long
        if removed:
            self.app.notify(removed_message(removed), severity="warning", timeout=10)
        await self.answer(text)

    async def answer(self, value: str) -> None:
        """Keep the new hire's answer (as a tally of one) and show the feedback."""
        run = self.run
        if run is None or run.phase != "answer":
            return
        dilemma = self.card.dilemma
        run.answer(dilemma.id, value)
        is_vote = value in dilemma.answer.keys
        sid, index = self.session_id, run.position
        if sid:
            rnd = Round(
                dilemma=dilemma.id,
                theme=dilemma.theme,
                vote="hands" if is_vote else "none",
                counts={value: 1} if is_vote else None,
            )
            self._write(lambda s: s.save_round(sid, index, rnd), f"round-{index}")
        self._save_state()
        await self.show_feedback()

    async def show_feedback(self) -> None:
        assert self.run is not None
        card = self.card
        dilemma = card.dilemma
        mine = self.run.answers.get(dilemma.id, "")
        self._card_progress("wat zegt de code?")
        mine_text = answer_text(dilemma, mine)
        widgets: list[Widget] = [
            Static(Content.styled(dilemma.title, "bold"), classes="practice-title"),
            Static(
                Content.assemble(
                    ("Jouw antwoord: ", "bold"),
                    mine_text,
                ),
                id="practice-mine",
                classes="practice-section",
            ),
            Static(
                Content.styled("Wat zegt de code?", "bold $primary"), classes="practice-heading"
            ),
            Static(
                reflow(dilemma.guidance) or "Bij deze kaart staat geen toelichting.",
                id="practice-guidance",
                markup=False,
            ),
        ]
        if dilemma.references:
            widgets += [
                Static(Content.styled("Lees meer", "bold $primary"), classes="practice-heading"),
                Static(
                    "\n".join(f"• {r}" for r in dilemma.references),
                    id="practice-references",
                    markup=False,
                ),
            ]
        if dilemma.variations:
            widgets += [
                Static(
                    Content.styled("Denk ook na over…", "bold $primary"),
                    classes="practice-heading",
                ),
                Static(
                    "\n".join(f"• {v}" for v in dilemma.variations),
                    id="practice-variations",
                    markup=False,
                ),
            ]
        if is_heavy(dilemma):
            widgets.append(
                Static(
                    heavy_line(self.config),
                    id="practice-heavy",
                    classes="practice-section",
                    markup=False,
                )
            )
        widgets += self._team_widgets(dilemma)
        last = self.run.position + 1 >= len(self.cards)
        widgets.append(
            Horizontal(
                Button(
                    "Naar het stappenplan ▶" if last else "Volgende dilemma ▶",
                    id="practice-next",
                    variant="primary",
                    compact=True,
                ),
                classes="practice-buttons",
            )
        )
        await self._fill(*widgets, focus="#practice-next")
        if dilemma.answer.kind != "open":
            self.run_worker(self._show_team_figures(card), group="practice-figures", exclusive=True)

    async def _team_figures(self, cards: list[PracticeCard]) -> dict[str, TeamFigures]:
        """How teams chose, per card with choices, read in a thread; damaged votes skipped."""
        k = self.config.k or 5
        read = await self._read(lambda store: read_team_counts(store, cards, k))
        if read is not None and read.damaged and not self._told_damaged:
            self._told_damaged = True
            self.app.notify(
                "Een deel van de teamcijfers is beschadigd en slaan we over.",
                title="Teamcijfers",
                severity="warning",
                markup=False,
            )
        counts = read.counts if read is not None else {}
        return {
            c.dilemma.id: team_figures(c.dilemma, counts.get(c.dilemma.id), k)
            for c in cards
            if c.dilemma.answer.kind != "open"
        }

    def _team_widgets(self, dilemma: Dilemma) -> list[Widget]:
        """The "Zo kozen teams" heading and a line that the figures fill in when read."""
        if dilemma.answer.kind == "open":
            return []
        heading = Static(
            Content.styled("Zo kozen teams", "bold $primary"), classes="practice-heading"
        )
        waiting = Static(
            "Even de cijfers van teams ophalen…", id="practice-teams", name=dilemma.id,
            markup=False,
        )
        return [heading, waiting]

    async def _show_team_figures(self, card: PracticeCard) -> None:
        dilemma = card.dilemma
        figures = (await self._team_figures([card])).get(dilemma.id)
        found = self.query("#practice-teams")
        if figures is None or not found or found.first().name != dilemma.id:
            return  # the new hire went on meanwhile
        teams = found.first(Static)
        teams.update(figures.message)
        if not figures.shown:
            return
        mine = self.run.answers.get(dilemma.id, "") if self.run else ""
        lines = [
            Content.assemble(
                (f"{row.key}  ", "bold"),
                (f"{row.percent:>3} %  ", "bold"),
                row.label,
                ("  ◀ jouw keuze", "bold $accent") if row.key == mine else "",
            )
            for row in figures.rows
        ]
        await self.query_one("#practice-body", VerticalScroll).mount(
            Static(Content("\n").join(lines), id="practice-bars"), after=teams
        )

    @on(Button.Pressed, "#practice-next")
    async def next_card(self) -> None:
        assert self.run is not None
        self.run.next()
        self._save_state()
        await self.show_phase()

    # -- the stappenplan ------------------------------------------------------------------------

    async def show_walkthrough_pick(self) -> None:
        run = self.run
        assert run is not None
        self._progress("Eén dilemma uitwerken met het stappenplan")
        options = OptionList(
            *[Option(c.dilemma.title, id=str(i)) for i, c in enumerate(self.cards)],
            id="practice-walk-list",
            markup=False,
        )
        text = (
            "Kies één van de dilemma's en werk het uit met het zeven-stappenplan. "
            "Zo oefen je hoe je tot een besluit komt dat je kunt uitleggen. "
            "Kies met de pijltjes en Enter."
        )
        widgets: list[Widget] = []
        if run.walkthrough_id and run.walkthrough_card is not None:
            title = self.cards[run.walkthrough_card].dilemma.title
            text = (
                f"Je bent al begonnen met '{title}', maar je besluit is nog niet af. "
                "Kies het dilemma opnieuw om verder te gaan; wat je invulde staat er nog."
            )
            widgets.append(
                Horizontal(
                    Button("Afronden zonder besluit", id="practice-skip-walk", compact=True),
                    classes="practice-buttons",
                )
            )
        await self._fill(
            Static(text, id="practice-walk-text", classes="practice-text", markup=False),
            options,
            *widgets,
            focus="#practice-walk-list",
        )
        if run.walkthrough_card is not None:
            options.highlighted = run.walkthrough_card

    @on(OptionList.OptionSelected, "#practice-walk-list")
    def _walk(self, event: OptionList.OptionSelected) -> None:
        run = self.run
        assert run is not None
        index = int(event.option.id or 0)
        card = self.cards[index]
        if run.walkthrough_card != index:
            run.walkthrough_card, run.walkthrough_id = index, None
        if run.walkthrough_id is None:
            # The run points at its walkthrough before the first letter is typed: a crash
            # mid-way leaves the walkthrough findable from the run.
            run.walkthrough_id = str(uuid.uuid4())
        self._save_state()

        async def done(walkthrough_id: str | None) -> None:
            run.walkthrough_id = walkthrough_id or run.walkthrough_id
            if await self._walkthrough_decided(run.walkthrough_id):
                run.walkthrough_done = True
                run.next()
            self._save_state()
            await self.show_phase()

        open_walkthrough(
            self.app,
            dilemma=card.dilemma,
            deck=card.deck,
            session_id=self.session_id,
            walkthrough_id=run.walkthrough_id,
            done=done,
        )

    async def _walkthrough(self, walkthrough_id: str | None) -> WalkthroughState | None:
        """The run's walkthrough as stored (read in a thread), or None."""
        if not walkthrough_id:
            return None
        data = await self._read(lambda s: s.get_walkthrough(walkthrough_id))
        if not data:
            return None
        return WalkthroughState.from_dict(load_plan(self.app)[0], data)

    async def _walkthrough_decided(self, walkthrough_id: str | None) -> bool:
        state = await self._walkthrough(walkthrough_id)
        return bool(state and state.chosen_text() and state.decision.because.strip())

    @on(Button.Pressed, "#practice-skip-walk")
    async def _skip_walk(self) -> None:
        assert self.run is not None
        self.run.next()
        self._save_state()
        await self.show_phase()

    # -- the end ----------------------------------------------------------------------------------

    async def show_end(self) -> None:
        """The end: the recap (teams' figures added once read), the oath, where to go."""
        self._progress("Klaar met oefenen")
        await self._fill(
            Markdown(self._end_markdown({}), id="practice-end"),
            Horizontal(
                Button("Klaar", id="practice-done", variant="primary", compact=True),
                Button("Wis mijn oefenronde", id="practice-wipe", compact=True),
                classes="practice-buttons",
            ),
            focus="#practice-done",
        )
        self.run_worker(self._add_team_figures_to_recap(), group="practice-figures", exclusive=True)

    async def _add_team_figures_to_recap(self) -> None:
        figures = await self._team_figures(self.cards)
        found = self.query("#practice-end")
        if found and any(f.shown for f in figures.values()):
            await found.first(Markdown).update(self._end_markdown(figures))

    def _end_markdown(self, figures: dict[str, TeamFigures]) -> str:
        config = self.config
        oath = config.oath or ""
        done = bool(self.run and self.run.walkthrough_done)
        return "\n\n".join(
            [
                "# Goed gedaan" if done else "# Klaar met oefenen",
                "Je hebt de dilemma's geoefend en er één uitgewerkt met het stappenplan."
                if done
                else "Je hebt de dilemma's geoefend. Het stappenplan kun je later nog eens doen, "
                "via Stappenplan in het menu.",
                "## Wat jij koos",
                self._recap(figures),
                "## De eed of belofte",
                "  \n".join(md_inline(line) for line in oath.strip().splitlines()),
                "## Waar kun je terecht?",
                contacts_markdown(config.contacts),
                QUESTIONS_LINE,
            ]
        )

    def _recap(self, figures: dict[str, TeamFigures]) -> str:
        """Per card the new hire's own answer, and how teams chose where that may be shown."""
        run = self.run
        lines: list[str] = []
        for card in self.cards:
            dilemma = card.dilemma
            mine = run.answers.get(dilemma.id, "") if run else ""
            line = f"- **{md_inline(dilemma.title)}**: jij koos {md_inline(answer_text(dilemma, mine))}"
            shown = figures.get(dilemma.id)
            if shown is not None and shown.shown:
                teams = ", ".join(f"{row.key} {row.percent} %" for row in shown.rows)
                line += f"; teams kozen {teams}"
            lines.append(line)
        return "\n".join(lines) or "Je hebt geen dilemma's beantwoord."

    @on(Button.Pressed, "#practice-done")
    def finish(self) -> None:
        """Mark the practice session complete and go back."""
        sid = self.session_id
        if sid:
            self._write(lambda s: s.complete(sid))
        self.link.saver.lease_session = None
        self.dismiss(None)

    @on(Button.Pressed, "#practice-wipe")
    def _wipe_pressed(self) -> None:
        from game.dialogs.choice import ChoiceDialog

        def answered(answer: str | None) -> None:
            if answer == "wipe":
                self.wipe()

        self.app.push_screen(
            ChoiceDialog(
                "Je oefenronde wissen? Je antwoorden en je uitwerking met het stappenplan "
                "worden dan van deze computer verwijderd.",
                [("wipe", "Wissen"), ("keep", "Terug")],
            ),
            answered,
        )

    def wipe(self) -> None:
        """Remove this run and its walkthrough from the store, say so, and go back."""
        run = self.run
        wid, sid = run.walkthrough_id if run else None, self.session_id
        if wid:
            self._write(lambda s: s.delete_walkthrough(wid))
        if sid:
            self._write(lambda s: s.delete_session(sid))
        self.link.saver.lease_session = None
        self.session_id = None
        self.run = None
        self.app.notify("Je oefenronde is gewist.", timeout=6)
        self.dismiss(None)

    def action_leave(self) -> None:
        """Stop for now; an unfinished run is offered again next time."""
        self._save_state()
        self.dismiss(None)
