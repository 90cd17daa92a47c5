"""Messages, questions and file choosers that never start a nested event loop.

Why: a static QMessageBox.warning() or QFileDialog.getOpenFileName() runs its own event loop; a
late answer from the database thread delivered inside it (the store closed meanwhile, a lock) re-
enters Qt and once aborted the process. These open the dialog window-modal with open() and call
back with the answer. Each returns the dialog it opened, so a test can answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def tell(
    parent: QWidget | None,
    title: str,
    text: str,
    informative: str = "",
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """Say something; the box goes away by itself when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Messages", "确定"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: str,
    on_yes: Callable[[], None],
    *,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """Ask before doing something that cannot be taken back (取消 is the default button)."""
    box = QMessageBox(
        icon, title, text, QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, parent
    )
    if informative:
        box.setInformativeText(informative)
    box.button(QMessageBox.StandardButton.Ok).setText(yes)
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("Messages", "取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda result: on_yes() if result == QMessageBox.StandardButton.Ok else None)
    box.open()
    return box


def _file_dialog(parent: QWidget | None, caption: str, start: Path | str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, str(start), name_filter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    return dialog


def choose_file(
    parent: QWidget | None,
    caption: str,
    start: Path | str,
    name_filter: str,
    on_chosen: Callable[[Path], None],
    *,
    save: bool = False,
) -> QFileDialog:
    """An existing file to open (or, with `save`, where to write one; the dialog asks before
    replacing a file it shows)."""
    dialog = _file_dialog(parent, caption, start, name_filter)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if Path(start).suffix:
        dialog.selectFile(str(start))
    dialog.fileSelected.connect(lambda chosen: on_chosen(Path(chosen)) if chosen else None)
    dialog.open()
    return dialog


def choose_folder(
    parent: QWidget | None, caption: str, start: Path | str, on_chosen: Callable[[Path], None]
) -> QFileDialog:
    dialog = _file_dialog(parent, caption, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(lambda chosen: on_chosen(Path(chosen)) if chosen else None)
    dialog.open()
    return dialog


def ask_number(
    parent: QWidget | None,
    title: str,
    label: str,
    value: int,
    bounds: tuple[int, int],
    on_answer: Callable[[int], None],
) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(*bounds)
    dialog.setIntValue(value)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.intValueSelected.connect(on_answer)
    dialog.open()
    return dialog


def ask_secret(
    parent: QWidget | None, title: str, label: str, on_answer: Callable[[str], None]
) -> QInputDialog:
    """A passphrase (shown as dots); an empty answer is no answer."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(lambda text: on_answer(text) if text else None)
    dialog.open()
    return dialog
