"""The person at the keyboard picks themselves and types their PIN (at start-up, or 切换使用人).

Self-contained: it gets the accounts as plain data and emits `submitted(name, pin)`; the owner
checks the PIN off the GUI thread (Argon2id, ~80 ms; wrong ones slowed down) and calls `accept()`
or `show_failure(message)`. So the dialog never touches the store. Layout: forms/account_picker_dialog.ui.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from rongcuo_desktop.domain.roles import AccountInfo
from rongcuo_desktop.ui.forms.ui_account_picker_dialog import Ui_AccountPickerDialog
from rongcuo_desktop.ui.labels import person


class AccountPickerDialog(QDialog):
    submitted = Signal(str, str)  # account name, PIN

    def __init__(
        self, accounts: Sequence[AccountInfo], parent: QWidget | None = None, *, switching: bool = False
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountPickerDialog()
        self.ui.setupUi(self)
        if switching:  # 切换使用人 hands the keyboard to another person
            self.setWindowTitle(self.tr("切换使用人"))
        for account in accounts:
            item = QListWidgetItem(person(account.name, account.role.label))
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            self.ui.accountList.addItem(item)
        if accounts:
            self.ui.accountList.setCurrentRow(0)
        buttons = self.ui.buttonBox
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.ui.accountList.itemDoubleClicked.connect(lambda _item: self.ui.pinEdit.setFocus())
        self.ui.errorLabel.hide()
        self.ui.pinEdit.setFocus()

    def selected_name(self) -> str | None:
        item = self.ui.accountList.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, name: str) -> None:
        for row in range(self.ui.accountList.count()):
            if self.ui.accountList.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.ui.accountList.setCurrentRow(row)

    def _submit(self) -> None:
        name = self.selected_name()
        if name is None:
            self.show_failure(self.tr("请先选择一个账户。"))
            return
        if not self.ui.pinEdit.text():
            self.show_failure(self.tr("请输入个人口令。"))
            return
        self.set_busy(True)
        self.submitted.emit(name, self.ui.pinEdit.text())

    def set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.setEnabled(not busy)
        self.ui.pinEdit.setEnabled(not busy)
        self.ui.accountList.setEnabled(not busy)
        if busy:
            self._say(self.tr("正在核对……"))

    def show_failure(self, message: str) -> None:
        """The PIN was wrong (or the account is disabled, or must wait): say so, clear, try again."""
        self.set_busy(False)
        self._say(message)
        self.ui.pinEdit.clear()
        self.ui.pinEdit.setFocus()

    def _say(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    @property
    def message(self) -> str:
        return self.ui.errorLabel.text()
