"""Toggles whose on/off state shows as a mark (●, ✓), not by colour alone.

Textual's `RadioButton`, `Checkbox` and `SelectionList` draw the same glyph whether they are
on or off and only change its colour: unreadable on a washed-out beamer or for someone who is
colour-blind. These subclasses draw a mark when on and a blank when off; everything else
(keys, messages, CSS type names) is Textual's own.
"""

from __future__ import annotations

from typing import cast

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

RADIO_ON = "●"
CHECK_ON = "✓"
OFF = " "


class MarkedRadioButton(RadioButton):
    """A radio button that shows ● when chosen and an empty box when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return RADIO_ON if self.value else OFF


class MarkedCheckbox(Checkbox):
    """A checkbox that shows ✓ when ticked and an empty box when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return CHECK_ON if self.value else OFF


class MarkedSelectionList(SelectionList[SelectionType]):
    """A selection list whose selected items show ✓ in their box."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        # SelectionList draws [left side, inner glyph, right side, space, prompt…].
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return line
        mark = CHECK_ON if selection.value in self._selected else OFF
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, line.cell_length)


class WrappingToggle:
    """Lets a toggle's long label wrap onto more lines (Textual keeps toggles one line high),
    with a hanging indent: the next lines start under the label, not under the mark."""

    def _lines(self, width: int) -> list[Content]:
        toggle = cast(ToggleButton, self)
        button = toggle._button
        style = toggle.get_visual_style("toggle--label")
        wrapped = toggle.label.wrap(max(1, width - button.cell_length - 2)) or [Content()]
        # Each line padded and styled as Textual styles its one line (the focus highlight).
        lines = [line.pad(1, 1).stylize_before(style) for line in wrapped]
        return [Content.assemble(button, lines[0])] + [
            Content.assemble(" " * button.cell_length, line) for line in lines[1:]
        ]

    def render(self) -> Content:
        toggle = cast(ToggleButton, self)
        return Content("\n").join(self._lines(toggle.content_region.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))


class WrappingRadioButton(WrappingToggle, MarkedRadioButton):
    """A marked radio button whose label may take more than one line."""


class WrappingCheckbox(WrappingToggle, MarkedCheckbox):
    """A marked checkbox whose label may take more than one line."""


__all__ = [
    "CHECK_ON",
    "OFF",
    "RADIO_ON",
    "MarkedCheckbox",
    "MarkedRadioButton",
    "MarkedSelectionList",
    "WrappingCheckbox",
    "WrappingRadioButton",
]
