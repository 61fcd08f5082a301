"""RevealScroll: a vertical scroll that brings a newly shown child into view in the same frame."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Size, clamp
from textual.layout import DockArrangeResult
from textual.scrollbar import ScrollBar
from textual.widget import Widget


class RevealScroll(VerticalScroll, can_focus=False):
    """A `VerticalScroll` whose `reveal()` scrolls a child into view as part of the layout.

    `scroll_to_widget` needs the child's new place, so it can only run after the layout that
    shows the child: the room would first see a frame at the old scroll position, and the
    scroll costs a second layout and frame. Here the scroll position is set while this
    container arranges its children — where Textual itself keeps an anchored log at its
    bottom — so the first frame that shows the child already shows it in view.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._reveal: Widget | None = None

    def reveal(self, widget: Widget) -> None:
        """Bring `widget` (a child) into view with the next layout, scrolling as little as
        possible; a child taller than the view shows its top."""
        self._reveal = widget
        self.refresh(layout=True)

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        result = super().arrange(size, optimal)
        target, self._reveal = self._reveal, None
        if target is None:
            return result
        for placement in result.placements:
            if placement.widget is target:
                box = placement.region.grow(placement.margin)
                y = self.scroll_y
                if box.bottom > y + size.height:
                    y = box.bottom - size.height
                if box.y < y:
                    y = box.y
                y = clamp(y, 0, max(0, result.total_region.bottom - size.height))
                if y != self.scroll_y:
                    # Set without watchers: the compositor places the children with this
                    # offset right after this call; a watcher would ask for another frame.
                    self.set_reactive(Widget.scroll_y, y)
                    self.set_reactive(Widget.scroll_target_y, y)
                    self.vertical_scrollbar.set_reactive(ScrollBar.position, y)
                break
        return result
