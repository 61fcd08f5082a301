"""VoteBars: the reveal of a vote as text bars with counts, percentages and how the room stands."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widget import Widget

from sessions.figures import room_phrase, shares

FULL = "█"
EMPTY = "·"


def bar_lines(
    counts: Mapping[str, int],
    labels: Mapping[str, str],
    width: int,
    *,
    previous: Mapping[str, int] | None = None,
) -> list[tuple[str, str, str, str]]:
    """The parts of each bar line: key, bar, figures, label.

    The bar is drawn with two shapes (filled and dotted) so it reads without colour.

    Args:
        counts: votes per option key.
        labels: option key → option text, in display order.
        width: the width available for the bar itself.
        previous: counts of the earlier vote, to show the shift as "3 → 5".
    """
    keys = list(labels) or list(counts)
    shown = {k: int(counts.get(k, 0)) for k in keys}
    pct = shares(shown)
    total = sum(shown.values())
    rows = []
    for key in keys:
        n = shown[key]
        filled = round(width * n / total) if total else 0
        bar = FULL * filled + EMPTY * (width - filled)
        figures = f"{n:>3}  {pct[key]:>3d}%"
        if previous is not None:
            figures = f"{int(previous.get(key, 0)):>3} → {n:<3} {pct[key]:>3d}%"
        rows.append((key, bar, figures, labels.get(key, key)))
    return rows


class VoteBars(Widget):
    """A bar per option with its count and percentage, and how the room stands in words."""

    DEFAULT_CSS = """
    VoteBars {
        height: auto;
        width: 1fr;
        padding: 0 1;
    }
    """

    def __init__(
        self,
        counts: Mapping[str, int],
        labels: Mapping[str, str],
        *,
        previous: Mapping[str, int] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.counts: dict[str, int] = dict(counts)
        self.labels: dict[str, str] = dict(labels)
        self.previous: dict[str, int] | None = dict(previous) if previous is not None else None

    def update_counts(
        self, counts: Mapping[str, int], previous: Mapping[str, int] | None = None
    ) -> None:
        """Show new counts (and optionally the earlier counts, for a shift)."""
        new_previous = dict(previous) if previous is not None else None
        if dict(counts) == self.counts and new_previous == self.previous:
            return
        self.counts = dict(counts)
        self.previous = new_previous
        self.refresh(layout=True)

    def update_labels(self, labels: Mapping[str, str]) -> None:
        """Show other options (another card)."""
        if dict(labels) == self.labels:
            return
        self.labels = dict(labels)
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return self._line_count(width)

    def _line_count(self, width: int) -> int:
        rows = self._label_rows(width)
        keys = list(self.labels) or list(self.counts)
        return sum(1 + (rows if self._says_more(k) else 0) for k in keys) + 1

    def _says_more(self, key: str) -> bool:
        """Whether an option's label adds to its key ("2" on a scale, "Ja" for ja do not):
        a label line that repeats the key costs a row the small screen needs."""
        label = self.labels.get(key, key).strip().lower()
        return bool(label) and label != key.strip().lower()

    def _label_rows(self, width: int) -> int:
        # Wide screens put the label on the bar line; narrow ones on a line of its own.
        return 0 if width >= 100 else 1

    def render(self) -> Content:
        width = max(self.content_size.width, 20)
        key_w = max((len(k) for k in self.labels or self.counts), default=1)
        fig_w = 16 if self.previous is not None else 10
        inline = self._label_rows(width) == 0
        label_w = min(40, width // 3) if inline else 0
        bar_w = max(5, width - key_w - fig_w - label_w - 6)
        lines: list[Content] = []
        for key, bar, figures, label in bar_lines(
            self.counts, self.labels, bar_w, previous=self.previous
        ):
            filled = bar.rstrip(EMPTY)
            line = Content.assemble(
                (key.ljust(key_w), "bold"),
                "  ",
                (filled, "$accent"),
                (bar[len(filled) :], "$text-muted"),
                "  ",
                (figures.ljust(fig_w), "bold"),
            )
            if inline:
                line = Content.assemble(line, "  ", _clip(label, label_w))
                lines.append(line)
            else:
                lines.append(line)
                if self._says_more(key):
                    lines.append(Content.assemble(
                        " " * (key_w + 2), (_clip(label, width - key_w - 2), "italic")))
        keys = list(self.labels) or list(self.counts)
        lines.append(Content.styled(room_phrase({k: int(self.counts.get(k, 0)) for k in keys}), "bold"))
        return Content("\n").join(lines)


def _clip(text: str, width: int) -> str:
    if width <= 1 or len(text) <= width:
        return text
    return text[: width - 1] + "…"
