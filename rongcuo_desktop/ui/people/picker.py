"""After the store is unlocked, the person at the keyboard picks themselves and types their PIN.

Self-contained: it gets the accounts as plain data and emits `submitted(name, pin)`; the owner
checks the PIN off the GUI thread (Argon2id takes ~80 ms) and calls `accept()` or
`show_failure(message)`. So the dialog never touches the store.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.roles import AccountInfo
from rongcuo_desktop.ui.labels import person


class AccountPickerDialog(QDialog):
    submitted = Signal(str, str)  # account name, PIN or passphrase

    def __init__(
        self, accounts: Sequence[AccountInfo], parent: QWidget | None = None, *, switching: bool = False
    ) -> None:
        super().__init__(parent)
        # At start-up the person picks themselves; 切换使用人 hands the keyboard to another person.
        self.setWindowTitle(self.tr("切换使用人") if switching else self.tr("选择使用人"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请选择您本人的账户，并输入个人口令（PIN）：")))
        self.account_list = QListWidget()
        for account in accounts:
            item = QListWidgetItem(person(account.name, account.role.label))
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            self.account_list.addItem(item)
        if accounts:
            self.account_list.setCurrentRow(0)
        layout.addWidget(self.account_list)
        form = QFormLayout()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("个人口令："), self.pin_edit)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.account_list.itemDoubleClicked.connect(lambda _item: self.pin_edit.setFocus())
        self.pin_edit.setFocus()

    def selected_name(self) -> str | None:
        item = self.account_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _submit(self) -> None:
        name = self.selected_name()
        if name is None:
            self.show_failure(self.tr("请先选择一个账户。"))
            return
        if not self.pin_edit.text():
            self.show_failure(self.tr("请输入个人口令。"))
            return
        self.set_busy(True)
        self.submitted.emit(name, self.pin_edit.text())

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.pin_edit.setEnabled(not busy)
        self.account_list.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("正在核对……"))

    def show_failure(self, message: str) -> None:
        """The PIN was wrong (or the account is disabled): say so, clear the field, try again."""
        self.set_busy(False)
        self.message.setText(message)
        self.pin_edit.clear()
        self.pin_edit.setFocus()
