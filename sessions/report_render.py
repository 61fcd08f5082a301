"""The WIO report as text: Markdown, printable HTML and CSV, one module per format.

The formats themselves are listed once, in ``game.commands.report.FORMATS``; this module only
gathers the renderers and the shared wording under the names callers import.
"""

from __future__ import annotations

from sessions.report_common import period_label, statement
from sessions.report_csv import CSV_COLUMNS, render_csv
from sessions.report_html import render_html
from sessions.report_markdown import render_markdown

__all__ = [
    "CSV_COLUMNS",
    "period_label",
    "render_csv",
    "render_html",
    "render_markdown",
    "statement",
]
