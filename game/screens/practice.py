"""Practice mode for new hires: own answer first, then guidance and team figures, then the steps."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Markdown, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from dilemmas.config import Config
from dilemmas.model import Deck
from game.context import AppContext
from game.export import deliver_file
from game.rules import practice_recap as recaps
from game.rules.practice import (
    DEFAULT_COUNT,
    PracticeCard,
    PracticeRun,
    TeamFigures,
    draw_cards,
    estimate_minutes,
    practice_themes,
    read_team_counts,
    team_figures,
)
from game.rules.practice_recap import Recap
from game.rules.text import removed_message
from game.rules.walkthrough import WalkthroughState, slug
from game.store_link import StoreLink, context_of, load_plan
from game.walkthrough_open import open_walkthrough
from game.widgets.practice_feedback import feedback_widgets, team_bars
from game.widgets.practice_phases import (
    answer_widgets,
    intro_widgets,
    no_cards_widgets,
    resume_widgets,
)
from sessions.model import Round
from sessions.scrub import scrub_text
from sessions.store import OPEN_ELSEWHERE, Store, current_month

CSS_FILE = "../styles/walkthrough.tcss"
QUIT_WAIT = 1.0  # seconds a closing end screen waits for the run's removal
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
        # On the end screen Escape is Klaar (the run is then removed, after the offer to
        # take the recap along): the footer says so.
        Binding("escape", "finish", "Klaar", id="practice.finish", tooltip="Klaar met oefenen"),
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
        self._notice = ""  # what scrubbing took out of the open answer, told in the feedback
        self._recap: Recap | None = None
        self._taken = False

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
        yield Footer(compact=True, show_command_palette=False)

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
            try:
                run = PracticeRun.from_dict(state if isinstance(state, dict) else {})
            except (ValueError, TypeError, KeyError, OverflowError):
                # A damaged run is nobody's to continue: removed, and said so.
                self._write(lambda s: s.delete_session(record.id))
                self.app.notify(
                    "Een oefenronde op deze computer was beschadigd en is gewist.",
                    severity="warning",
                    markup=False,
                )
                run = None
            cards = self._resolve(run) if run is not None and run.cards else None
            if run is not None and cards:
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
            # The files noted meanwhile (a walkthrough's summary) stay in the saved state.
            run.exported = list(dict.fromkeys(
                [*run.exported, *(str(p) for p in self.link.exports(sid))]))
            state = run.to_dict()
            self._write(lambda s: s.save_state(sid, state), "state")

    # -- intro ------------------------------------------------------------------------------------

    async def show_intro(self) -> None:
        """Someone's unfinished run first (nothing of it shown before "Ja"), else the start:
        a choice of themes (none chosen: "verras me") and how long it takes."""
        self._progress("Oefenen voor nieuwe collega's")
        if self._resumable is not None:
            _, run, cards = self._resumable
            await self._fill(*resume_widgets(run, cards), focus="#practice-not-mine")
            return
        themes = practice_themes(self._decks())
        if not themes:
            await self._fill(*no_cards_widgets(), focus="#practice-back")
            return
        many = len(themes) > 1
        await self._fill(
            *intro_widgets(themes if many else [], self._estimate()),
            focus="#practice-themes" if many else "#practice-start",
        )

    def _chosen_themes(self) -> list[str]:
        found = self.query("#practice-themes")
        return list(found.first(SelectionList).selected) if found else []

    def _estimate(self) -> str:
        wanted = self.config.practice_count or DEFAULT_COUNT
        count = len(draw_cards(self._decks(), wanted, themes=self._chosen_themes()))
        amount = "1 dilemma" if count == 1 else f"{count} dilemma's"
        fewer = f" (er zijn er niet meer dan {count} bij deze keuze)" if count < wanted else ""
        return f"Je krijgt {amount}{fewer}. Dat duurt ongeveer {estimate_minutes(count)} minuten."

    @on(SelectionList.SelectedChanged, "#practice-themes")
    def _themes_changed(self) -> None:
        self.query_one("#practice-estimate", Static).update(self._estimate())

    @on(Button.Pressed, "#practice-back")
    def _back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#practice-start")
    def _start_pressed(self) -> None:
        self.run_worker(self.start(), exclusive=True, group="practice-start")

    @on(Button.Pressed, "#practice-not-mine")
    async def _not_mine(self) -> None:
        self._discard_other_run()
        await self.show_intro()

    def _discard_other_run(self) -> None:
        """Remove the unfinished run someone left on this laptop, with its walkthrough.

        Not set aside: a practice run is never reported or exported (SPEC §6), the answers
        in it are that person's alone, and a run that stays would be offered, and its
        walkthrough listed, to whoever practises next (SPEC §8 keeps nothing superseded).
        """
        if self._resumable is not None:
            old, run, _cards = self._resumable
            self._resumable = None
            self._remove(old, run.walkthrough_id)

    def _remove(self, session_id: str | None, walkthrough_id: str | None) -> None:
        """Queue the removal of a run and its walkthrough, in this order."""
        if walkthrough_id:
            self._write(lambda s: s.delete_walkthrough(walkthrough_id))
        if session_id:
            self._write(lambda s: s.delete_session(session_id))

    async def start(self) -> None:
        """A new run: draw the cards and open a practice session (never reported)."""
        self._discard_other_run()
        count = self.config.practice_count or DEFAULT_COUNT
        self.cards = draw_cards(self._decks(), count, self.rng, self._chosen_themes())
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
        sid = self._resumable[0]
        if await self._read(lambda s: s.claim(sid)) is False:  # resumed elsewhere first
            self.notify(OPEN_ELSEWHERE, severity="warning", markup=False)
            return
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
        self._card_progress("wat zou jij doen?")
        open_card = card.dilemma.answer.kind == "open"
        await self._fill(*answer_widgets(card), focus="#practice-open" if open_card else None)

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
        self._notice = removed_message(removed) if removed else ""
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
        widgets = feedback_widgets(dilemma, mine, self.config, self._notice)
        self._notice = ""
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
        await self.query_one("#practice-body", VerticalScroll).mount(
            team_bars(figures, mine), after=teams
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
            practice=True,
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
        """The end: the recap (teams' figures and the decision added once read), the oath,
        where to go; take it along, then leave (the run is removed) or wipe it now."""
        self._progress("Klaar met oefenen")
        self._recap = self._build_recap({}, None)
        await self._fill(
            Markdown(recaps.recap_markdown(self._recap, done=self._walked), id="practice-end"),
            Horizontal(
                Button("Meenemen", id="practice-take", variant="primary", compact=True),
                Button("Klaar", id="practice-done", compact=True),
                Button("Wis mijn oefenronde", id="practice-wipe", compact=True),
                classes="practice-buttons",
            ),
            focus="#practice-take",
        )
        self.refresh_bindings()
        self.run_worker(self._complete_recap(), group="practice-figures", exclusive=True)

    @property
    def _walked(self) -> bool:
        return bool(self.run and self.run.walkthrough_done)

    def _build_recap(self, figures: dict[str, TeamFigures], walk: WalkthroughState | None) -> Recap:
        decision = walk.decision_sentence() if walk is not None and walk.chosen_text() else ""
        title = walk.title if walk is not None else ""
        return recaps.build_recap(
            self.config, self.run, self.cards, figures, current_month(), decision, title
        )

    async def _complete_recap(self) -> None:
        figures = await self._team_figures(self.cards)
        walk = await self._walkthrough(self.run.walkthrough_id if self.run else None)
        self._recap = self._build_recap(figures, walk)
        found = self.query("#practice-end")
        if found:
            await found.first(Markdown).update(recaps.recap_markdown(self._recap, done=self._walked))

    @on(Button.Pressed, "#practice-take")
    def take_along(self) -> None:
        """Save the recap as one printable A4 page (HTML) and as Markdown."""
        recap = self._recap or self._build_recap({}, None)
        name = f"oefenronde-{slug(recap.organisation)}-{recap.month or 'overzicht'}"
        for filename, data in (
            (f"{name}.html", recaps.recap_html(recap, done=self._walked)),
            (f"{name}.md", recaps.recap_markdown(recap, done=self._walked)),
        ):
            self.link.note_export(self.session_id,
                                  deliver_file(self.app, filename, data, "Je overzicht"))
        self._taken = True

    @on(Button.Pressed, "#practice-done")
    def finish(self) -> None:
        """Leave the end: the run is removed from this laptop, after the chance to take the
        recap along; after "Meenemen", with the offer to remove the files still on it."""
        from game.dialogs.choice import ChoiceDialog

        files = [p for p in self._exports() if p.exists()] if self._taken else []
        if self._taken and not files:
            self._forget_and_close()
            return

        def answered(answer: str | None) -> None:
            if answer == "take":
                self.take_along()
            if answer == "remove":
                self.wipe(files)
            elif answer in ("take", "done", "keep"):
                self._forget_and_close()

        offer = (recaps.files_left_offer(files) if self._taken
                 else (recaps.TAKE_ALONG, recaps.TAKE_ALONG_ANSWERS))
        self.app.push_screen(ChoiceDialog(*offer), answered)

    def _forget(self) -> None:
        """Remove this run and its walkthrough from the store (queued, in order)."""
        self._remove(self.session_id, self.run.walkthrough_id if self.run else None)
        self.link.saver.lease_session = None
        self.session_id = None
        self.run = None

    def _forget_and_close(self) -> None:
        self._forget()
        self.dismiss(None)

    @on(Button.Pressed, "#practice-wipe")
    def _wipe_pressed(self) -> None:
        from game.dialogs.choice import ChoiceDialog

        files = [p for p in self._exports() if p.exists()]

        def answered(answer: str | None) -> None:
            if answer in ("wipe", "wipe-files"):
                self.wipe(files if answer == "wipe-files" else [])

        self.app.push_screen(ChoiceDialog(*recaps.wipe_offer(files)), answered)

    def _exports(self) -> list[Path]:
        """The files this run exported: its take-away and its walkthrough's summaries (also
        those of before a restart, kept in the run's state)."""
        found = [Path(p) for p in self.run.exported] if self.run is not None else []
        if self.session_id:
            found += self.link.exports(self.session_id)
        return list(dict.fromkeys(found))

    def wipe(self, files: list[Path] | None = None) -> None:
        """Remove this run (and the files named) from this laptop, say so, and go back."""
        removed = 0
        for path in files or []:
            with suppress(OSError):
                path.unlink()
                removed += 1
        self._forget()
        more = f" Ook {removed} bestand{'en' if removed != 1 else ''} verwijderd." if removed else ""
        self.app.notify(f"Je oefenronde is gewist.{more}", timeout=6, markup=False)
        self.dismiss(None)

    def on_unmount(self) -> None:
        # The app closes on the end screen (ctrl+q, a closed window): the run goes all the same.
        if self.run is not None and self.run.phase == "end":
            self._forget()
            self.link.settle(QUIT_WAIT)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        at_end = self.run is not None and self.run.phase == "end"
        if action == "leave":
            return not at_end
        if action == "finish":
            return at_end
        return True

    def action_finish(self) -> None:
        self.finish()

    def action_leave(self) -> None:
        """Stop for now; an unfinished run is offered again next time. On the end: Klaar."""
        if self.run is not None and self.run.phase == "end":
            self.finish()
            return
        self._save_state()
        self.dismiss(None)
