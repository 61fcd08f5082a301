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

    def reveal(self, widget: Widget) -> None:
        """Bring `widget` (a child) into view right after the next layout."""
        self.call_after_refresh(self._scroll_into_view, widget)

    def _scroll_into_view(self, widget: Widget) -> None:
        if widget.is_attached and widget.display:
            self.scroll_to_widget(widget, animate=False, immediate=True)
