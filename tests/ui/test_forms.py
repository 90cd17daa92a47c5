"""The committed ui_*.py modules match forms/*.ui (a stale generated form fails here)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_generated_forms_are_up_to_date() -> None:
    """Given the .ui sources, when they are compiled again, then the committed modules are identical."""
    ui_files = sorted((REPO_ROOT / "forms").glob("*.ui"))
    assert ui_files, "no Qt Designer forms found"
    for ui_file in ui_files:
        assert (REPO_ROOT / "rongcuo_desktop" / "ui" / "forms" / f"ui_{ui_file.stem}.py").is_file()
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "build_forms.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
