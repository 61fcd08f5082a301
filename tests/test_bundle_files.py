"""What a bundle file may be: a regular file within the size limit, read only then; texts
with control characters are cleaned and counted, never a reason to refuse the bundle."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli import main
from sessions.bundle import BundleError, import_bundles, load_bundle
from sessions.store import Store
from tests.factories import bundle_doc as _bundle
from tests.factories import bundle_session as _session

ROOT = Path(__file__).resolve().parent.parent
posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


def _refused_in_time(path: Path, *expected: str) -> str:
    start = time.monotonic()
    with pytest.raises(BundleError) as exc:
        load_bundle(path)
    assert time.monotonic() - start < 5
    message = str(exc.value)
    for part in expected:
        assert part in message
    assert "Is a directory" not in message and "symbolic" not in message
    return message


@posix
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "bundel.json"
    os.mkfifo(fifo)
    _refused_in_time(fifo, "geen gewoon bestand")


@posix
def test_a_symlink_to_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "bundel.json"
    link.symlink_to("/dev/zero")
    _refused_in_time(link, "geen gewoon bestand")


def test_a_directory_and_a_symlink_loop_get_dutch_reasons(tmp_path: Path) -> None:
    _refused_in_time(tmp_path, "dit is een map")
    loop = tmp_path / "a.json"
    loop.symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(loop)
    _refused_in_time(loop, "in een kring")
    _refused_in_time(tmp_path / ("x" * 300 + ".json"), "te lang")


@posix
def test_the_cli_refuses_a_fifo_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "bundel.json"
    os.mkfifo(fifo)
    env = dict(os.environ, INTEGER_SPEL_DATA_DIR=str(tmp_path / "data"),
               INTEGER_SPEL_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-m", "game", "bundle", "import", str(fifo)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "geen gewoon bestand" in result.stderr and "Traceback" not in result.stderr


def test_control_characters_are_removed_on_import_and_counted(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = _session(team="T\x1b]0;PWNED\x07\x1b[2J")
    s["rounds"][0]["note"] = "goed\x07 gesprek"
    path = tmp_path / "b.json"
    path.write_text(json.dumps(_bundle(s)), encoding="utf-8")
    store = Store.open()
    result = import_bundles(store, [path])
    assert (result.added, result.removed) == (1, 4)
    record = store.list_sessions()[0]
    assert record.team == "T]0;PWNED[2J" and record.rounds[0].note == "goed gesprek"
    store.close()
    other = tmp_path / "c.json"
    s["id"] = "9d0c0b8e-0000-4000-8000-000000000009"
    other.write_text(json.dumps(_bundle(s)), encoding="utf-8")
    assert main(["bundle", "import", str(other)]) == 0
    assert "4 stuurtekens uit de teksten weggehaald" in capsys.readouterr().out


@posix
async def test_the_apps_import_refuses_a_fifo_without_freezing(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    import asyncio

    from textual.widgets import Static

    from game.app import IntegerSpelApp
    from game.dialogs.path_dialog import PathDialog
    from tests.factories import fill, import_via_dialog, open_report
    from tests.factories import report_ctx as make_ctx
    from tests.factories import static_text as text_of

    store = Store.open()
    fill(store)
    fifo = tmp_path / "bundel.json"
    os.mkfifo(fifo)
    app = IntegerSpelApp(make_ctx(store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, tmp_path)
        await asyncio.wait_for(import_via_dialog(app, pilot, fifo), timeout=20)
        # The file dialog itself refuses it, before anything is read, and stays open.
        assert isinstance(app.screen, PathDialog)
        assert "geen gewoon bestand" in text_of(app.screen.query_one("#path-message", Static))
        assert text_of(screen.query_one("#bundle-result", Static)) == ""
    store.close()
