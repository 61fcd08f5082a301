"""An export of the report that fails unexpectedly says so on the Rapportage screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static, TabbedContent
from textual.worker import WorkerFailed

from game.app import IntegerSpelApp
from game.widgets.report_export import ExportPanel
from sessions.store import Store
from tests.factories import open_report, report_store  # noqa: F401  (the store fixture)
from tests.factories import report_ctx as make_ctx


async def test_a_failed_export_says_so(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    def broken(self: ExportPanel, fmt: str, with_notes: bool) -> str:
        raise RuntimeError("stuk")

    monkeypatch.setattr(ExportPanel, "_export_data", broken)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        screen.show_tab("tab-export")
        await pilot.pause()
        assert screen.query_one(ExportPanel).export_report("md")
        with pytest.raises(WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        message = screen.query_one("#report-message", Static)
        assert message.display
        assert "Het rapport kon niet worden gemaakt" in str(message.render())
        assert not screen.query_one("#report-tabs", TabbedContent).loading
    assert not list(tmp_path.glob("wio-rapport-*"))
