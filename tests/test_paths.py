from __future__ import annotations

from pathlib import Path

import pytest

from rongcuo_desktop import paths


def test_resources_are_found_from_the_checkout() -> None:
    assert (paths.fonts_dir() / "wqy-microhei.ttc").is_file()
    assert paths.rulebooks_dir().is_dir()


def test_data_dir_override(data_dir: Path) -> None:
    assert paths.default_data_dir() == data_dir


def test_explicit_data_dir_wins(tmp_path: Path, data_dir: Path) -> None:
    assert paths.resolve_data_dir(tmp_path / "x") == (tmp_path / "x").resolve()


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    from rongcuo_desktop.cli.main import main

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "rongcuo 0.1.0" in capsys.readouterr().out
