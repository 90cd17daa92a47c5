"""Build step: compile the UI translations (resources/translations/*.ts -> .qm) with Qt's lrelease.

A .qm is build output, so it is not committed. Every way the app is installed runs this step:
`make` (pip install -e .), a plain `pip install .`, and the PyInstaller bundles (pip install
--no-build-isolation inside their venv). lrelease comes from the PySide6-Essentials wheel, which
pyproject.toml lists among the build requirements. Everything else is configured in pyproject.toml.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"


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


setup(cmdclass={"build_py": BuildPyWithTranslations})
