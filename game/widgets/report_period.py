"""PeriodBar: the year and the months "van" and "t/m" above the Rapportage screen's tabs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Select

from game.widgets.dutch_select import DutchSelect
from sessions.report import Period

MONTH_RE = re.compile(r"(\d{4})-(\d{1,2})")


def parse_month(text: str) -> str | None:
    """ "2026-3" or "2026-03" → "2026-03"; None when it is not a month."""
    m = MONTH_RE.fullmatch(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}"


class PeriodBar(Horizontal):
    """A year to pick, or the first and last month typed; says when the months are no period."""

    @dataclass
    class Changed(Message):
        """The user picked a year or typed months."""

        problem: str
        """Why the typed months are no period; empty when they are one."""
        period: Period | None = None
        """The new period to report on; None when it stays as it is."""

    def __init__(self, years: Callable[[], list[int]], *, id: str | None = None) -> None:
        """Args:
        years: the years to offer (those with sessions, and this year), newest first.
        """
        super().__init__(id=id)
        self.years = years
        self.period = Period.current_year()
        """The period shown."""

    def compose(self) -> ComposeResult:
        yield Label("Jaar", classes="filter-label")
        yield DutchSelect[int]([], prompt="kies", id="report-year", compact=True)
        yield Label("van", classes="filter-label")
        yield Input(placeholder="JJJJ-MM", id="report-from", compact=True)
        yield Label("t/m", classes="filter-label")
        yield Input(placeholder="JJJJ-MM", id="report-to", compact=True)

    def offer_years(self) -> None:
        """Offer the years anew, keeping the one chosen."""
        select: Select[int] = self.query_one("#report-year", Select)
        current = select.value
        years = self.years()
        with self.prevent(Select.Changed):
            select.set_options([(str(year), year) for year in years])
            if current in years:
                select.value = current

    def show(self, period: Period) -> None:
        """Show `period` in the fields (and as its year, when it is one whole year)."""
        self.period = period
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#report-from", Input).value = period.start
            self.query_one("#report-to", Input).value = period.end
            self._show_year(period.start, period.end)

    def _show_year(self, start: str, end: str) -> None:
        select: Select[int] = self.query_one("#report-year", Select)
        year = int(start[:4])
        if (start, end) == (f"{year:04d}-01", f"{year:04d}-12") and year in self.years():
            select.value = year
        else:
            select.clear()

    @on(Select.Changed, "#report-year")
    def _year_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self.show(Period.year(event.value))
            self.post_message(self.Changed("", self.period))

    @on(Input.Changed, "#report-from")
    @on(Input.Changed, "#report-to")
    def _months_typed(self) -> None:
        start = parse_month(self.query_one("#report-from", Input).value)
        end = parse_month(self.query_one("#report-to", Input).value)
        if start is None or end is None:
            self.post_message(
                self.Changed("Typ de maanden als JJJJ-MM, bijvoorbeeld 2026-01 en 2026-12.")
            )
            return
        if start > end:
            self.post_message(self.Changed("De maand bij 'van' ligt na de maand bij 't/m'."))
            return
        if (start, end) == (self.period.start, self.period.end):
            self.post_message(self.Changed(""))
            return
        self.period = Period(start, end)
        with self.prevent(Select.Changed):
            self._show_year(start, end)
        self.post_message(self.Changed("", self.period))


__all__ = ["PeriodBar", "parse_month"]
