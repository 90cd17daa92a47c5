"""pyHanko and reportlab stay off the start-up path: they load when a report is first made.

Given a fresh interpreter, when the GUI's entry module and the CLI's parser are imported (what the
app and `rongcuo --help` load at start), then neither pyHanko, reportlab nor asn1crypto is loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO_ROOT

HEAVY = ("pyhanko", "pyhanko_certvalidator", "reportlab", "asn1crypto")
PROBE = """
import json, sys
import rongcuo_desktop.ui.app
from rongcuo_desktop.cli.main import build_parser
build_parser()
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[1:]))))
"""


def test_startup_imports_neither_pyhanko_nor_reportlab() -> None:
    got = subprocess.run(
        [sys.executable, "-c", PROBE, *HEAVY], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert got.returncode == 0, got.stderr[-2000:]
    assert json.loads(got.stdout.strip().splitlines()[-1]) == []


def test_a_report_does_load_them() -> None:
    """The probe would see them: making a document imports reportlab (so the check above means something)."""
    probe = (
        "import sys\n"
        "from rongcuo_desktop.reports.stamp import qr_payload\n"
        "from rongcuo_desktop.reports.fonts import faces\n"
        "faces()\n"
        "print('reportlab' in sys.modules)\n"
    )
    got = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert got.stdout.strip() == "True", got.stderr[-2000:]
