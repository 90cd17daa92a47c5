"""No nested event loops in the GUI: dialogs and messages open with open() and answer by signal.

Why: a blocking exec() or a static QMessageBox/QFileDialog/QInputDialog runs an event loop inside the
one that is running; a late answer from the database thread delivered inside it (the store closed
meanwhile, a lock) re-enters Qt. The only exec() there is: the application's own loop (`app.exec()`
in an entry point: ui/app.py's main(), the --verify program), and in ui/app.py, before that loop
ever runs, the one `loop` that waits for the unwritable-data-folder message (no loop runs around it).

Given every module under ui/ (the compiled forms aside), when its calls are read, then none is an
exec() other than the application's, and none is a static message box, file chooser or input box.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "rongcuo_desktop" / "ui"
STATIC = {
    "QMessageBox": {"information", "warning", "critical", "question", "about", "aboutQt"},
    "QFileDialog": {"getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"},
    "QInputDialog": {"getText", "getInt", "getDouble", "getItem", "getMultiLineText"},
}


def modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "forms" not in p.relative_to(UI).parts)


def nested_loops(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner, name = node.func.value, node.func.attr
        if name in ("exec", "exec_"):
            allowed = ("app", "loop") if path.name == "app.py" else ("app",)
            if not (isinstance(owner, ast.Name) and owner.id in allowed):
                found.append(f"line {node.lineno}: {ast.unparse(node.func)}()")
        elif isinstance(owner, ast.Name) and name in STATIC.get(owner.id, set()):
            found.append(f"line {node.lineno}: {owner.id}.{name}()")
    return found


@pytest.mark.parametrize("module", modules(), ids=lambda p: p.relative_to(UI).as_posix())
def test_no_blocking_dialog(module: Path) -> None:
    assert nested_loops(module) == []


def test_the_check_sees_a_blocking_call(tmp_path: Path) -> None:
    """The scan is not blind: a static box and a dialog's exec() are both named."""
    sample = tmp_path / "sample.py"
    sample.write_text("QMessageBox.warning(None, 't', 'x')\ndialog.exec()\n", encoding="utf-8")
    assert nested_loops(sample) == ["line 1: QMessageBox.warning()", "line 2: dialog.exec()"]
