"""验证文件… without a store: how a receiving authority reaches it.

The people who receive 备案 install the app only to check what a committee sent them; they have no
case store and should not be made to create one. Three doors lead to the same dialog:

- the first start's setup dialog (what anyone who opens the freshly installed app sees) has a
  button 只验证收到的文件…, which opens the check over it and creates nothing;
- `rongcuo-desktop --verify [FILE]` opens the check alone (the desktop entry and the Windows start
  menu have a shortcut "验证备案文件" for it);
- in the main window, 报告 → 验证文件… (every role).

Light on purpose (Qt only): the dialog and pyHanko load when the button is pressed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog
    from rongcuo_desktop.ui.tasks import TaskRunner

SETTINGS_FILE = "ui.ini"


def open_verify(
    runner: TaskRunner, settings: QSettings, parent: QWidget | None = None, file: Path | None = None
) -> VerifyDialog:
    from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog

    dialog = VerifyDialog(runner, settings, file=file, parent=parent)
    if parent is not None:
        dialog.open()
    else:
        dialog.show()
    return dialog


def add_verify_button(
    parent: QWidget, buttons: QDialogButtonBox, runner: TaskRunner, settings: QSettings
) -> QPushButton:
    """A button on a start-up dialog that opens 验证文件… over it (no store is made or opened)."""
    button = QPushButton(QCoreApplication.translate("VerifyEntry", "只验证收到的文件…"), parent)
    button.setObjectName("verifyOnlyButton")
    button.setToolTip(
        QCoreApplication.translate(
            "VerifyEntry", "接收备案的机关：不建案件库，只用委员会的根证书验证收到的 PDF 或备案包"
        )
    )
    button.setAutoDefault(False)
    buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    # Kept on the button, so a test (and the garbage collector) finds the dialog it opened.
    button.clicked.connect(lambda: setattr(button, "dialog", open_verify(runner, settings, parent)))
    return button


def run_verify_only(app: QApplication, data_dir: Path, file: Path | None) -> int:
    """`rongcuo-desktop --verify [FILE]`: the check alone; the store is never opened (nor made)."""
    from rongcuo_desktop.ui.tasks import TaskRunner

    settings = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    runner = TaskRunner()
    app.setQuitOnLastWindowClosed(True)
    dialog = open_verify(runner, settings, None, file)
    dialog.finished.connect(app.quit)
    try:
        return app.exec()
    finally:
        settings.sync()
        runner.shutdown()
