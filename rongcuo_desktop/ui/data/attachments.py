"""数据 → 案件附件…: the attachments of the case selected in the list (the dialog: attachments_dialog.py,
imported when first opened, off the start path).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.shell.messages import tell


class AttachmentActions(QObject):
    """The menu item: the attachments of the case selected in the list."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.dialog: QWidget | None = None
        self.action = QAction(self.tr("案件附件…"), ctx.window)
        self.action.setObjectName("attachmentsAction")
        self.action.triggered.connect(self.show_attachments)
        ctx.offer(MenuName.DATA, self.action, Action.ATTACHMENT_OPEN, Action.ATTACHMENT_ADD)

    def show_attachments(self) -> None:
        selected = self._ctx.cases.current_case()
        if selected is None or self._ctx.workspace is None:
            self.dialog = tell(
                self._ctx.window,
                self.tr("案件附件"),
                self.tr("请先在列表中选择一个案件。"),
                icon=QMessageBox.Icon.Information,
            )
            return
        from rongcuo_desktop.ui.data.attachments_dialog import AttachmentsDialog  # off the start path

        dialog = AttachmentsDialog(self._ctx, *selected)
        self.dialog = dialog
        dialog.show()
