"""The command line: Dutch help, exit codes, version."""

from __future__ import annotations

import pytest

from game.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "integer-spel" in capsys.readouterr().out


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: integer-spel")
    assert "opdrachten" in out and "toon deze hulp" in out


def test_usage_error_exits_2_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["decks"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "fout: deze argumenten ontbreken" in err
    assert "gebruik: gebruik:" not in err


def test_year_and_from_conflict(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", "--year", "2026", "--from", "2026-01"])
    assert exc.value.code == 2


def test_bad_month_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", "--from", "2026-13"])
    assert exc.value.code == 2
    assert "geen maand" in capsys.readouterr().err


def test_plain_start_skips_the_parser_but_gets_the_same_arguments() -> None:
    from game.cli import build_parser, plain_start_args

    assert vars(plain_start_args()) == vars(build_parser().parse_args([]))
