"""The phases of practice before the feedback: whose unfinished run it is, the start with a
choice of themes, and a card to answer."""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, SelectionList, Static, TextArea

from game.rules.practice import PracticeCard, PracticeRun, PracticeTheme, answer_hint, resume_place
from game.widgets.solo_card import SoloCardView

INTRO = (
    "Je krijgt een paar dilemma's uit het werk bij de gemeente. Kies eerst zelf wat je zou "
    "doen. Daarna zie je wat de gedragscode zegt, en hoe teams kozen. Eén dilemma werk je uit "
    "met het zeven-stappenplan. Aan het eind lees je de tekst van de eed of belofte. Er is "
    "geen standaardantwoord, maar er zijn wel grenzen. Je antwoorden komen nooit in een rapport."
)


def resume_widgets(run: PracticeRun, cards: list[PracticeCard]) -> list[Widget]:
    """Someone's unfinished run: whose is it? Nothing of its answers is shown; "Nee" first."""
    return [
        Static(
            f"Er is een oefenronde die nog niet klaar is, {resume_place(run, cards)}.\n\n"
            "Is dat jouw ronde? Kies Ja om verder te gaan waar je was. Is hij van iemand "
            "anders, kies dan Nee: die ronde wordt gewist, en je begint opnieuw.",
            classes="practice-text",
            markup=False,
        ),
        Horizontal(
            Button("Nee, begin opnieuw", id="practice-not-mine", variant="primary", compact=True),
            Button("Ja, verder waar ik was", id="practice-resume", compact=True),
            classes="practice-buttons",
        ),
    ]


def no_cards_widgets() -> list[Widget]:
    return [
        Static(
            "Er zijn nog geen oefenkaarten: kaarten voor nieuwe collega's (doelgroep "
            "'nieuw'). Vraag de werkgroep integriteit om ze toe te voegen.",
            classes="practice-text",
        ),
        Horizontal(Button("Terug", id="practice-back", compact=True), classes="practice-buttons"),
    ]


def intro_widgets(themes: list[PracticeTheme], estimate: str) -> list[Widget]:
    """The start: what happens, the themes to choose from (none: a mix), how long it takes."""
    widgets: list[Widget] = [Static(INTRO, classes="practice-text")]
    if themes:
        widgets += [
            Static(
                "Over welke onderwerpen wil je oefenen? Kies met de spatiebalk. Kies je niets, "
                "dan krijg je een mix (verras me).",
                classes="practice-hint",
            ),
            SelectionList[str](*[(f"{t.title} ({t.cards})", t.id) for t in themes],
                               id="practice-themes"),
        ]
    widgets.append(
        Horizontal(
            Button("Beginnen", id="practice-start", variant="primary", compact=True),
            Static(estimate, id="practice-estimate", markup=False),
            classes="practice-buttons",
        )
    )
    return widgets


def answer_widgets(card: PracticeCard) -> list[Widget]:
    """A card and the way to answer it: the option keys, or a few words of one's own."""
    answer = card.dilemma.answer
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
        return widgets
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
    return widgets
