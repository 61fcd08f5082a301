"""RevealScroll: a vertical scroll that brings a newly shown child into view."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget


class RevealScroll(VerticalScroll, can_focus=False):
    """A `VerticalScroll` whose `reveal()` scrolls a just-shown child into view.

    A child that was hidden has no place yet: Textual's `scroll_to_widget` needs the layout
    that shows it, so the scroll waits for that refresh and then jumps (no animation), as
    little as possible; a child taller than the view shows its top.
    """

    # A panel whose text just changed may be laid out over more than one refresh (its own
    # height, then the scroll's virtual size): the scroll is done after each of these.
    PASSES = 3

    def reveal(self, widget: Widget) -> None:
        """Bring `widget` (a child) into view right after the layout that shows it."""
        self.call_after_refresh(self._scroll_into_view, widget, self.PASSES)

    def _scroll_into_view(self, widget: Widget, passes: int) -> None:
        if not (widget.is_attached and widget.display):
            return
        self.scroll_to_widget(widget, animate=False, immediate=True)
        if passes > 1:
            self.call_after_refresh(self._scroll_into_view, widget, passes - 1)
