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


def test_the_menu_module_loads_none_and_its_warm_up_loads_all() -> None:
    """The 报告 menu comes with the window and loads nothing heavy; its warm-up (run on a slow thread
    as the menu opens) loads everything a first export needs, so the click does not wait for it."""
    probe = (
        "import json, sys\n"
        "import rongcuo_desktop.ui.reports.actions\n"
        "before = sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:]))\n"
        "from rongcuo_desktop.ui.reports.state import load_export_code\n"
        "load_export_code()\n"
        "from rongcuo_desktop.reports.fonts import faces\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "registered = all(f.name in pdfmetrics.getRegisteredFontNames() for f in faces().values())\n"
        "after = sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:]))\n"
        "print(json.dumps([before, after, registered]))\n"
    )
    heavy = [*HEAVY, "pypdfium2"]
    got = subprocess.run(
        [sys.executable, "-c", probe, *heavy], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert got.returncode == 0, got.stderr[-2000:]
    before, after, registered = json.loads(got.stdout.strip().splitlines()[-1])
    assert before == [] and after == sorted(heavy) and registered
