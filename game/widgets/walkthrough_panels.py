"""The input panels of the stappenplan steps, each bound to the walkthrough state."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioSet,
    Select,
    Static,
    TextArea,
)
from textual.widgets._select import NoSelection

from dilemmas.stappenplan import Step
from game.rules.text import changed_stretch
from game.rules.walkthrough import (
    ARGUMENT_FIELDS,
    ARGUMENT_LABELS,
    OptionEntry,
    Stakeholder,
    WalkthroughState,
)
from game.widgets.dutch_select import DutchSelect
from game.widgets.toggles import WrappingCheckbox, WrappingRadioButton


def write_attr(target: object, name: str) -> Callable[[Any], None]:
    """A setter that writes an input's value into one attribute of the state."""
    return partial(setattr, target, name)


def short_area(text: str, placeholder: str, id: str) -> TextArea:
    """A small multi-line field for a sentence or two; Tab moves on, Enter starts a new line."""
    return TextArea(
        text,
        soft_wrap=True,
        show_line_numbers=False,
        placeholder=Content(placeholder),
        tab_behavior="focus",
        compact=True,
        id=id,
        classes="-short",
    )


def remove_button(label_id: str, tooltip: str, classes: str) -> Button:
    """A ✕ that the mouse can press but Tab skips, so Tab goes from field to field."""
    button = Button("✕", compact=True, id=label_id, classes=classes)
    button.can_focus = False
    button.tooltip = tooltip
    return button


class AddButton(Button):
    """ "+ … toevoegen": letters typed right after Enter, before the new row is there, are kept
    for that row instead of being lost on the button."""

    collected: list[str] | None = None

    def press(self) -> AddButton:
        if self.collected is None:
            self.collected = []
        super().press()
        return self

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            # The press itself runs after the keys already queued behind this one.
            self.collected = []
            return
        if self.collected is not None and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.collected.append(event.character)

    def hand_over(self, field: Input | TextArea) -> None:
        """Focus the new row's field and type into it what was collected meanwhile."""
        text = "".join(self.collected or [])
        self.collected = None
        field.focus()
        if not text:
            return
        if isinstance(field, Input):
            field.insert_text_at_cursor(text)
        else:
            field.insert(text)


class StepPanel(Vertical):
    """A step's inputs. Every edit is written into the state at once and announced."""

    DEFAULT_CSS = """
    StepPanel {
        height: auto;
        width: 1fr;
    }
    StepPanel .panel-label {
        text-style: bold;
        padding: 0;
        margin: 1 0 0 0;
        width: 1fr;
    }
    StepPanel .panel-sublabel {
        color: $text-muted;
        width: 1fr;
    }
    StepPanel TextArea {
        height: 5;
        width: 1fr;
    }
    StepPanel TextArea.-short {
        height: 3;
        margin: 0 0 1 0;
    }
    StepPanel .row > TextArea.-short {
        width: 1fr;
        margin: 0 1 1 0;
    }
    StepPanel Input {
        width: 1fr;
        margin: 0 0 1 0;
    }
    StepPanel .row {
        height: auto;
        width: 1fr;
    }
    StepPanel .row > Input {
        width: 1fr;
        margin: 0 1 1 0;
    }
    StepPanel Input.-textual-compact {
        background: $panel;
    }
    StepPanel .row > .field-name {
        width: 10;
        color: $text-muted;
    }
    StepPanel .group .row > Input {
        margin: 0 1 0 0;
    }
    StepPanel .row > .column-head {
        width: 1fr;
        margin: 0 1 0 0;
        color: $text-muted;
        text-style: bold;
    }
    StepPanel .row > Button {
        margin: 0;
        min-width: 5;
    }
    StepPanel .add-button {
        margin: 0 0 1 0;
    }
    StepPanel Checkbox, StepPanel RadioSet {
        width: 1fr;
        margin: 0 0 1 0;
    }
    StepPanel RadioButton, StepPanel Checkbox {
        width: 1fr;
        height: auto;
        text-wrap: wrap;
    }
    StepPanel .group {
        height: auto;
        width: 1fr;
        border-left: thick $primary;
        padding: 0 0 0 1;
        margin: 0 0 1 0;
    }
    StepPanel .option-title {
        text-style: bold;
        width: 1fr;
    }
    StepPanel .sentence {
        width: 1fr;
        padding: 1;
        background: $panel;
        text-style: bold;
    }
    """

    class Edited(Message):
        """Something in the state changed; the screen saves and repaints the rail."""

        def __init__(self, panel: StepPanel) -> None:
            super().__init__()
            self.panel = panel

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, StepPanel.Edited)

    def __init__(self, state: WalkthroughState, step: Step) -> None:
        super().__init__(classes="step-panel")
        self.state = state
        self.step = step
        self._setters: dict[int, Callable[[Any], None]] = {}

    def bound(self, widget: Widget, setter: Callable[[Any], None]) -> Widget:
        """Remember how an input writes into the state."""
        self._setters[id(widget)] = setter
        return widget

    def compose(self) -> ComposeResult:
        self._setters.clear()
        yield from self.build()

    def build(self) -> Iterator[Widget]:
        """The panel's widgets, filled from the state."""
        yield from ()

    def first_input(self) -> Widget | None:
        """The widget to focus when the step opens."""
        for widget in self.query("Input, TextArea, RadioSet, Checkbox"):
            return widget
        return None

    def _edited(self, control: Widget, value: Any) -> None:
        setter = self._setters.get(id(control))
        if setter is not None:
            setter(value)
            self.after_edit()
            self.post_message(self.Edited(self))

    def after_edit(self) -> None:
        """Hook for panels that show something derived from the inputs."""

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._edited(event.input, event.value)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._edited(event.text_area, event.text_area.text)

    @on(Checkbox.Changed)
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._edited(event.checkbox, event.value)

    @on(RadioSet.Changed)
    def _radio_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._edited(event.radio_set, event.pressed.name)


class TextPanel(StepPanel):
    """A few lines of free text."""

    def build(self) -> Iterator[Widget]:
        step_id = self.step.id
        yield Label(self.step.input.label, classes="panel-label", markup=False)
        area = TextArea(
            self.state.texts.get(step_id, ""),
            soft_wrap=True,
            show_line_numbers=False,
            placeholder=Content(self.step.input.placeholder),
            tab_behavior="focus",
            id=f"text-{step_id}",
        )

        def write(value: str) -> None:
            self.state.texts[step_id] = value

        yield self.bound(area, write)


class StakeholdersPanel(StepPanel):
    """A list of stakeholders: who (a role), their rights, their interests."""

    def build(self) -> Iterator[Widget]:
        yield Label(self.step.input.label, classes="panel-label", markup=False)
        for index, person in enumerate(self.state.stakeholders):
            yield self._group(index, person)
        yield AddButton(
            "+ Betrokkene toevoegen", compact=True, id="add-stakeholder", classes="add-button"
        )

    def _group(self, index: int, person: Stakeholder) -> Widget:
        who = Input(
            person.who, placeholder="Bijvoorbeeld: inwoners", compact=True, id=f"sh-{index}-who"
        )
        rights = Input(
            person.rights,
            placeholder="Waar ze recht op hebben",
            compact=True,
            id=f"sh-{index}-rights",
        )
        interests = Input(
            person.interests,
            placeholder="Wat ze willen of nodig hebben",
            compact=True,
            id=f"sh-{index}-interests",
        )
        self.bound(who, write_attr(person, "who"))
        self.bound(rights, write_attr(person, "rights"))
        self.bound(interests, write_attr(person, "interests"))
        remove = remove_button(
            f"sh-{index}-remove", "Deze betrokkene weghalen", "remove-stakeholder"
        )
        return Vertical(
            Horizontal(Static("Wie", classes="field-name"), who, remove, classes="row"),
            Horizontal(Static("Rechten", classes="field-name"), rights, classes="row"),
            Horizontal(Static("Belangen", classes="field-name"), interests, classes="row"),
            classes="group",
        )

    @on(Button.Pressed, "#add-stakeholder")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        self.state.add_stakeholder()
        # Only the new row is mounted: the other fields keep their text, focus and cursor.
        button = self.query_one("#add-stakeholder", AddButton)
        index = len(self.state.stakeholders) - 1
        await self.mount(self._group(index, self.state.stakeholders[index]), before=button)
        button.hand_over(self.query_one(f"#sh-{len(self.state.stakeholders) - 1}-who", Input))
        self.post_message(self.Edited(self))

    @on(Button.Pressed, ".remove-stakeholder")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        index = int((event.button.id or "sh-0").split("-")[1])
        self.state.remove_stakeholder(index)
        await self.recompose()
        self.post_message(self.Edited(self))


class OptionsPanel(StepPanel):
    """The courses of action: the card's options pre-filled, editable, more can be added."""

    _confirm_remove: str | None = None

    def build(self) -> Iterator[Widget]:
        yield Label(self.step.input.label, classes="panel-label", markup=False)
        if not self.state.options:
            yield Static("Nog geen opties. Voeg er een toe.", classes="panel-sublabel")
        for index, option in enumerate(self.state.options):
            yield self._row(index, option)
        yield AddButton("+ Optie toevoegen", compact=True, id="add-option", classes="add-button")

    def _row(self, index: int, option: OptionEntry) -> Widget:
        field = short_area(option.text, "Wat zou je kunnen doen?", f"opt-{index}")
        self.bound(field, write_attr(option, "text"))
        remove = remove_button(f"opt-{index}-remove", "Deze optie weghalen", "remove-option")
        return Horizontal(field, remove, classes="row")

    @on(Button.Pressed, "#add-option")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        self.state.add_option()
        button = self.query_one("#add-option", AddButton)
        for empty in self.query(".panel-sublabel"):
            await empty.remove()
        index = len(self.state.options) - 1
        await self.mount(self._row(index, self.state.options[index]), before=button)
        button.hand_over(self.query_one(f"#opt-{len(self.state.options) - 1}", TextArea))
        self.post_message(self.Edited(self))

    @on(Button.Pressed, ".remove-option")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        index = int((event.button.id or "opt-0").split("-")[1])
        if not 0 <= index < len(self.state.options):
            return
        option = self.state.options[index]
        has_arguments = any(option.argument(name).strip() for name in ARGUMENT_FIELDS)
        if has_arguments and self._confirm_remove != option.key:
            # The arguments of step 5 go with the option: ask for a second press first.
            self._confirm_remove = option.key
            self.app.notify(
                "Deze optie heeft argumenten in stap 5. Die gaan mee als je haar weghaalt. "
                "Druk nog een keer op ✕ om de optie met haar argumenten weg te halen.",
                title="Optie met argumenten",
                severity="warning",
                timeout=10,
            )
            return
        self._confirm_remove = None
        self.state.remove_option(option.key)
        await self.recompose()
        self.post_message(self.Edited(self))


PLACEHOLDERS: dict[str, str] = {
    "for_rules": "Wat zeggen de gedragscode, de wet, je plichten ervoor?",
    "against_rules": "Welke regel of plicht staat het in de weg?",
    "for_consequences": "Wat gaat er beter, en voor wie?",
    "against_consequences": "Wie heeft er last van?",
    "good_official": "Zou een goed ambtenaar dit doen? Waarom (niet)?",
}


class ArgumentsPanel(StepPanel):
    """For and against each option, by the rules and by the consequences."""

    def build(self) -> Iterator[Widget]:
        yield Label(self.step.input.label, classes="panel-label", markup=False)
        options = [o for o in self.state.options if o.text.strip()]
        if not options:
            yield Static(
                "Er zijn nog geen opties. Ga terug naar de stap met opties (PgUp).",
                classes="panel-sublabel",
            )
            return
        for index, option in enumerate(options):
            fields: list[Widget] = [
                Static(Content(option.text.strip()), classes="option-title"),
            ]
            for name in ARGUMENT_FIELDS:
                side, _, basis = name.partition("_")
                field = short_area(
                    option.argument(name),
                    PLACEHOLDERS[name],
                    f"arg-{index}-{side}-{basis}",
                )
                field.tooltip = ARGUMENT_LABELS[name]
                self.bound(field, partial(option.set_argument, name))
                fields += [Static(ARGUMENT_LABELS[name], classes="panel-sublabel"), field]
            yield Vertical(*fields, classes="group")


class DecisionPanel(StepPanel):
    """ "Mijn besluit: X. Omdat: Y. Ook al: Z.": an option (or own words), why, despite what."""

    def build(self) -> Iterator[Widget]:
        decision = self.state.decision
        yield Label("Mijn besluit", classes="panel-label")
        options = [o for o in self.state.options if o.text.strip()]
        if options:
            buttons = [
                WrappingRadioButton(
                    Content(o.text.strip()),
                    value=decision.option == o.key and not decision.own,
                    name=o.key,
                )
                for o in options
            ]
            radio = RadioSet(*buttons, id="decision-option")
            self.bound(radio, self._choose)
            yield radio
        own = short_area(decision.own, "Of zeg het in je eigen woorden", "decision-own")
        self.bound(own, write_attr(decision, "own"))
        yield own
        pros, cons = self.state.argument_choices()
        yield Label("Omdat", classes="panel-label")
        if pros:
            yield DutchSelect[str](
                [(p, p) for p in pros],
                prompt="Kies een argument uit stap 5…",
                compact=True,
                id="decision-pick-because",
                value=_picked_before(decision.because, pros),
            )
        because = short_area(decision.because, "Je belangrijkste reden", "decision-because")
        self.bound(because, write_attr(decision, "because"))
        yield because
        yield Label("Ook al", classes="panel-label")
        if cons:
            yield DutchSelect[str](
                [(c, c) for c in cons],
                prompt="Kies een tegenargument uit stap 5…",
                compact=True,
                id="decision-pick-despite",
                value=_picked_before(decision.despite, cons),
            )
        despite = short_area(decision.despite, "Het sterkste tegenargument", "decision-despite")
        self.bound(despite, write_attr(decision, "despite"))
        yield despite
        yield Static(
            self.state.decision_sentence(),
            id="decision-sentence",
            classes="sentence",
            markup=False,
        )

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        if not isinstance(event.value, str):
            return
        target = "#decision-because" if event.select.id == "decision-pick-because" else (
            "#decision-despite"
        )
        area = self.query_one(target, TextArea)
        if area.text != event.value:  # not again for the pick shown when coming back
            # Loading the text fires TextArea.Changed, which writes it into the state.
            area.load_text(event.value)

    def _choose(self, key: str | None) -> None:
        self.state.decision.option = key or ""

    def after_edit(self) -> None:
        self.query_one("#decision-sentence", Static).update(self.state.decision_sentence())


def _picked_before(text: str, choices: list[str]) -> str | NoSelection:
    """The argument picked earlier, shown again when the step is opened again (the reason
    below it still holds it as picked); no pick when it was typed or changed since."""
    return text if text in choices else Select.NULL


class JustificationPanel(StepPanel):
    """Could you explain it to an inhabitant, your manager, the paper? And how to limit harm."""

    def build(self) -> Iterator[Widget]:
        justification = self.state.justification
        yield Label(self.step.input.label, classes="panel-label", markup=False)
        for index, item in enumerate(self.step.input.checklist):
            box = WrappingCheckbox(
                Content(item), value=item in justification.checked, id=f"check-{index}"
            )
            self.bound(box, partial(self._tick, item))
            yield box
        yield Label(self.step.input.harm, classes="panel-label", markup=False)
        area = TextArea(
            justification.harm,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            id="harm",
        )
        self.bound(area, write_attr(justification, "harm"))
        yield area

    def _tick(self, item: str, value: bool) -> None:
        checked = self.state.justification.checked
        if value and item not in checked:
            checked.append(item)
        elif not value and item in checked:
            checked.remove(item)


PANELS: dict[str, type[StepPanel]] = {
    "text": TextPanel,
    "stakeholders": StakeholdersPanel,
    "options": OptionsPanel,
    "arguments": ArgumentsPanel,
    "decision": DecisionPanel,
    "justification": JustificationPanel,
}


def panel_for(state: WalkthroughState, step: Step) -> StepPanel:
    """The input panel for a step's kind."""
    return PANELS[step.input.kind](state, step)


def replace_changed(area: TextArea, old: str, new: str) -> None:
    """Turn the area's text `old` into `new` by replacing only the stretch that differs
    (one edit: the cursor stays where it was, and undo works)."""
    head, tail = changed_stretch(old, new)

    def location(offset: int) -> tuple[int, int]:
        return old.count("\n", 0, offset), offset - (old.rfind("\n", 0, offset) + 1)

    area.replace(new[head : len(new) - tail], location(head), location(len(old) - tail))
