"""The summary export: home folder when there is no Downloads, private, the place named."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from game.app import IntegerSpelApp
from game.context import StartRequest
from tests.factories import SIZE, fill_setup, make_ctx


async def test_summary_export_without_downloads_goes_home_private_and_says_where(
    isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
    written = [p for p in home.iterdir() if p.suffix == ".md"]
    assert len(written) == 1
    assert stat.S_IMODE(written[0].stat().st_mode) == 0o600
    assert any(str(written[0]) in m for m in messages)
    assert not any("Errno" in m or "wordt opgeslagen" in m for m in messages)
