"""Compile forms/*.ui into rongcuo_desktop/ui/forms/ui_*.py with pyside6-uic.

The .ui files are the source of dialog layouts; the generated modules are committed so that
a plain `pip install .` needs no Qt tools. `--check` fails when a generated module is stale.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
OUTPUT = ROOT / "rongcuo_desktop" / "ui" / "forms"
HEADER = "# Generated from forms/{name} by packaging/build_forms.py. Do not edit: edit the .ui file.\n"


def uic_command() -> list[str]:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if exe is None:
        raise SystemExit("pyside6-uic not found: install PySide6-Essentials into the venv")
    return [exe]


def compile_form(ui_file: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.py"
        subprocess.run([*uic_command(), "--from-imports", "-o", str(out), str(ui_file)], check=True)
        body = out.read_text(encoding="utf-8")
    # Drop uic's own banner (it names the Qt version and would churn on every upgrade).
    lines = body.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return HEADER.format(name=ui_file.name) + "".join(lines)


def target_for(ui_file: Path) -> Path:
    return OUTPUT / f"ui_{ui_file.stem}.py"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="fail when a generated module is stale")
    args = parser.parse_args()
    stale = []
    for ui_file in sorted(FORMS.glob("*.ui")):
        generated = compile_form(ui_file)
        target = target_for(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == generated:
            continue
        if args.check:
            stale.append(target.name)
        else:
            target.write_text(generated, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("stale generated forms (run `make forms`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
