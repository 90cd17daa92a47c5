"""Build step: compile the UI translations (resources/translations/*.ts -> .qm) with Qt's lrelease.

A .qm is build output, so it is not committed. Every way the app is installed runs this step:
`make` (pip install -e .), a plain `pip install .`, and the PyInstaller bundles (pip install
--no-build-isolation inside their venv). lrelease comes from the PySide6-Essentials wheel, which
pyproject.toml lists among the build requirements.

It also lists the packages: the code packages, and every folder under resources/ as a subpackage of
rongcuo_desktop.resources. setuptools warns (about 200 lines on a fresh install) for any folder of
package data that is not a listed package, so the list is computed rather than kept by hand: a new
resources subfolder is installed without a warning. Everything else is configured in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import warnings
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

# The package-dir mapping (resources/ -> rongcuo_desktop.resources) makes an editable install use a
# meta path finder, after which setuptools prints an "InformationOnly" note asking to be careful with
# folders named like the package in the working directory. Here that folder IS the package, so the
# note only alarms a newcomer; nothing else is silenced.
warnings.filterwarnings("ignore", message=r"(?s).*Editable installation", category=UserWarning)

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
TRANSLATIONS = RESOURCES / "translations"


def lrelease_tool() -> str:
    import PySide6  # the build requirement; its wheel carries lrelease beside the package

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    raise RuntimeError(f"PySide6 at {folder} has no lrelease: cannot compile the UI translations")


def compile_translations() -> None:
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        return
    tool = lrelease_tool()
    for ts_file in sources:
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run([tool, "-silent", "-nounfinished", str(ts_file), "-qm", str(qm_file)], check=True)


class BuildPyWithTranslations(build_py):
    """Compile the .qm files into the source tree first: package data and editable installs carry them."""

    def run(self) -> None:
        compile_translations()
        super().run()


def packages() -> list[str]:
    """rongcuo_desktop and its subpackages, then rongcuo_desktop.resources and each folder in it."""
    code = find_packages(where=str(ROOT), include=["rongcuo_desktop", "rongcuo_desktop.*"])
    folders = sorted(
        p
        for p in RESOURCES.rglob("*")
        if p.is_dir() and "__pycache__" not in p.parts and not p.name.startswith(".")
    )
    data = ["rongcuo_desktop.resources"]
    data += ["rongcuo_desktop.resources." + ".".join(p.relative_to(RESOURCES).parts) for p in folders]
    return sorted(code) + data


setup(cmdclass={"build_py": BuildPyWithTranslations}, packages=packages())
