"""Writing a file for the user: only regular files or new paths, one Dutch sentence per OS failure,
no leftovers from a write that was killed.

Devices are stood in for by a node made in the test folder (never /dev itself).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.cli import main
from game.dialogs.path_dialog import read_problem, save_text
from sessions.files import (
    NAME_MAX,
    TMP_MAX_AGE,
    WriteError,
    clean_leftovers,
    os_error_text,
    write_private,
    write_problem,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and device nodes are POSIX")


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def make_device(path: Path) -> Path:
    """A character device like /dev/null, made in the test folder (needs root)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"no device nodes here: {exc.errno}")
    return path


def make_loop(folder: Path) -> Path:
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    return folder / "a"


def english(text: str) -> bool:
    return any(os.strerror(code) in text for code in errno.errorcode if os.strerror(code))


# -- the writer -------------------------------------------------------------------------------


@posix_only
def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path / "pijp")
    with pytest.raises(WriteError) as refused:
        write_private(fifo, "rapport")
    assert "geen gewoon bestand" in refused.value.message
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pijp"]  # no temporary file left either


@posix_only
def test_a_device_is_refused_and_stays_a_device(tmp_path: Path) -> None:
    device = make_device(tmp_path / "nul")
    link = tmp_path / "link-naar-nul"
    link.symlink_to(device)
    for target in (device, link):
        with pytest.raises(WriteError) as refused:
            write_private(target, "rapport")
        assert "geen gewoon bestand" in refused.value.message
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert write_problem(Path(os.devnull)) is not None  # the real one is only looked at


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as refused:
        write_private(tmp_path, "x")
    assert "is een map" in refused.value.message
    assert tmp_path.is_dir()


def test_a_symlink_loop_is_a_dutch_message(tmp_path: Path) -> None:
    loop = make_loop(tmp_path)
    with pytest.raises(WriteError) as refused:
        write_private(loop, "x")
    assert "symlink" in refused.value.message and "kring" in refused.value.message
    assert os.path.islink(loop)


def test_a_name_too_long_is_a_dutch_message(tmp_path: Path) -> None:
    long_name = tmp_path / ("r" * (NAME_MAX + 45) + ".md")
    with pytest.raises(WriteError) as refused:
        write_private(long_name, "x")
    assert "te lang" in refused.value.message
    assert len(refused.value.message) < 300  # the name is shortened in the message
    # A name just at the limit is still written (its temporary file has a shorter name).
    at_limit = tmp_path / ("r" * (NAME_MAX - 3) + ".md")
    assert write_private(at_limit, "x") == at_limit
    assert at_limit.read_text() == "x"


def test_a_regular_file_through_a_symlink_is_still_written(tmp_path: Path) -> None:
    real = tmp_path / "echt.md"
    real.write_text("oud")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_private(link, "nieuw")
    assert os.path.islink(link) and real.read_text() == "nieuw"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


# -- leftovers --------------------------------------------------------------------------------


def test_a_leftover_of_a_killed_write_goes_at_the_next_write(tmp_path: Path) -> None:
    old = tmp_path / ".r.json.v7q_9f8g.tmp"
    old.write_text("half")
    past = time.time() - TMP_MAX_AGE - 5
    os.utime(old, (past, past))
    busy = tmp_path / ".s.md.abcd1234.tmp"  # another instance's write in progress
    busy.write_text("bezig")
    own = tmp_path / "notities.tmp"  # the user's own file
    own.write_text("van mij")
    os.utime(own, (past, past))
    write_private(tmp_path / "rapport.md", "x")
    assert not old.exists()
    assert busy.exists() and own.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".s.md.abcd1234.tmp", "notities.tmp", "rapport.md"]


def test_clean_leftovers_leaves_folders_and_links(tmp_path: Path) -> None:
    folder = tmp_path / ".x.md.abcdefgh.tmp"
    folder.mkdir()
    link = tmp_path / ".y.md.abcdefgh.tmp"
    link.symlink_to(tmp_path / "elders")
    assert clean_leftovers(tmp_path, now=time.time() + 3600) == 0
    assert folder.is_dir() and os.path.islink(link)


# -- one Dutch sentence per kind of OS failure ------------------------------------------------


@given(st.sampled_from(sorted(errno.errorcode)))
def test_every_os_failure_reads_in_dutch(code: int) -> None:
    text = os_error_text(OSError(code, os.strerror(code)), Path("/map/rapport.md"))
    assert text and not english(text)
    assert "/map/rapport.md" in text


def test_each_kind_has_its_own_sentence() -> None:
    kinds = [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.ENOENT, errno.ENOTDIR, errno.EISDIR,
             errno.ENAMETOOLONG, errno.ELOOP, errno.ENXIO, errno.EBUSY, errno.EMFILE, errno.EIO,
             errno.EINVAL, errno.EEXIST, errno.EFBIG]
    texts = [os_error_text(code, Path("x")) for code in kinds]
    assert len(set(texts)) == len(kinds)
    assert os_error_text(errno.EDQUOT, Path("x")) == os_error_text(errno.ENOSPC, Path("x"))
    assert os_error_text(errno.EPERM, Path("x")) == os_error_text(errno.EACCES, Path("x"))


# -- the command line (-o) --------------------------------------------------------------------


def _report(tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--data-dir", str(tmp_path / "data"), "report", "-o", str(target)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@posix_only
def test_report_to_a_fifo_or_device_exits_1_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = make_fifo(tmp_path / "pijp")
    code, said = _report(tmp_path, fifo, capsys)
    assert code == 1 and "geen gewoon bestand" in said and "Rapport geschreven" not in said
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    device = make_device(tmp_path / "vol")
    code, said = _report(tmp_path, device, capsys)
    assert code == 1 and "geen gewoon bestand" in said
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.mark.parametrize("kind", ["loop", "long", "folder"])
def test_report_to_a_loop_long_name_or_folder_exits_1_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    target = {
        "loop": lambda: make_loop(tmp_path),
        "long": lambda: tmp_path / ("r" * 300 + ".md"),
        "folder": lambda: tmp_path,
    }[kind]()
    code, said = _report(tmp_path, target, capsys)
    assert code == 1, said
    assert "Traceback" not in said and "Errno" not in said and not english(said)
    assert {"loop": "kring", "long": "te lang", "folder": "is een map"}[kind] in said


# -- the app's file dialogs -------------------------------------------------------------------


@posix_only
def test_dialog_checks_refuse_special_files(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path / "pijp")
    assert "geen gewoon bestand" in (read_problem(fifo) or "")  # reading a FIFO would hang
    assert "geen gewoon bestand" in (save_text(fifo, "x") or "")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert "kring" in (read_problem(make_loop(tmp_path)) or "")
    assert "te lang" in (read_problem(tmp_path / ("r" * 300)) or "")


async def test_path_dialog_says_a_long_name_is_too_long_and_stays_open(tmp_path: Path) -> None:
    from textual.app import App
    from textual.widgets import Input, Static

    from game.dialogs.path_dialog import PathDialog

    results: list[Path | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(PathDialog("Rapport opslaan als", tmp_path / "r.md"), results.append)

    app = Host()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        dialog = app.screen
        for target in (tmp_path / ("r" * 300 + ".md"), make_loop(tmp_path)):
            dialog.query_one("#path-input", Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog and results == []
            message = str(dialog.query_one("#path-message", Static).render())
            assert "te lang" in message or "kring" in message
