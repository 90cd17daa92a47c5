"""Extract the UI strings into resources/translations/*.ts and compile them to .qm (pyside6-lupdate,
pyside6-lrelease).

The source language is Simplified Chinese (the strings in the code); each .ts holds one target
language. `lupdate` keeps the translations already made and drops strings the code no longer has;
no source locations are written, so moving code does not churn the file. Only the .ts is committed:
the .qm is build output, compiled by setup.py whenever the package is installed or built (pip
install ., the editable install of `make`, the bundles). `--check` fails when a .ts is stale, a
message is unfinished, or a translation lost a placeholder (%1, {name}) or an accelerator (&F).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "resources" / "translations"
CATALOGUE = "rongcuo_desktop"
SOURCE_LANGUAGE = "zh_CN"
TARGETS = ("en",)  # Chinese is the source: it needs no catalogue of its own
PLACEHOLDER = re.compile(r"%\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")
ACCELERATOR = re.compile(r"&(?=[^&\s])")


def sources() -> list[Path]:
    """Every file whose strings are shown: the UI modules and the Designer forms (not the generated
    ui_*.py, which repeat the forms' strings)."""
    ui = ROOT / "rongcuo_desktop" / "ui"
    modules = [p for p in ui.rglob("*.py") if (ui / "forms") not in p.parents]
    return sorted(modules) + sorted((ROOT / "forms").glob("*.ui"))


def tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if exe is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials into the venv")
    return exe


def ts_path(language: str) -> Path:
    return OUTPUT / f"{CATALOGUE}_{language}.ts"


def lupdate(ts_file: Path, language: str) -> None:
    files = [str(path.relative_to(ROOT)) for path in sources()]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            language,
            *files,
            "-ts",
            str(ts_file),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts_file), "-qm", str(qm_file)], check=True
    )


def problems_in(ts_file: Path) -> list[str]:
    """Unfinished or empty messages, and translations that dropped a placeholder or accelerator."""
    found = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            where = f"{name}: {source[:40]!r}"
            kind = "" if translation is None else translation.get("type", "")
            blank = not text or (not text.strip() and source.strip())  # a separator may be blank
            if kind in ("unfinished", "vanished", "obsolete") or blank:
                found.append(f"{where}: not translated ({kind or 'empty'})")
                continue
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                found.append(f"{where}: placeholders differ in {text[:40]!r}")
            if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
                found.append(f"{where}: accelerator lost in {text[:40]!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--check", action="store_true", help="fail when a .ts is stale or a message is unfinished"
    )
    args = parser.parse_args()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    for language in TARGETS:
        ts_file = ts_path(language)
        qm_file = ts_file.with_suffix(".qm")
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                fresh_ts = Path(tmp) / ts_file.name
                if ts_file.exists():
                    shutil.copyfile(ts_file, fresh_ts)
                lupdate(fresh_ts, language)
                if not ts_file.exists() or fresh_ts.read_bytes() != ts_file.read_bytes():
                    failures.append(
                        f"{ts_file.name} is stale: the UI strings changed (run `make translations`)"
                    )
                failures += [f"{ts_file.name}: {problem}" for problem in problems_in(fresh_ts)]
        else:
            lupdate(ts_file, language)
            lrelease(ts_file, qm_file)
            print(f"wrote {ts_file.relative_to(ROOT)} and {qm_file.name}")
            failures += [f"{ts_file.name}: {problem}" for problem in problems_in(ts_file)]
    if failures:
        print("\n".join(failures), file=sys.stderr)
        if not args.check:
            print(
                "translate these in the .ts (Qt Linguist: .venv/bin/pyside6-linguist), then run "
                "`make translations` again",
                file=sys.stderr,
            )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
