"""The attachments of one case: list, 添加…, 打开 (in the viewer, from memory), 导出….

All store work runs on the database worker; adding 100 MB takes a second or two and must not freeze
the window. The dialog reads the workspace and the person from the window's context when it acts,
so after a lock and an unlock it carries on with the new workspace.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QListWidgetItem,
    QWidget,
)

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.services import attachments
from rongcuo_desktop.ui.data import ops
from rongcuo_desktop.ui.data.attachment_viewer import AttachmentViewer, warn_before_export
from rongcuo_desktop.ui.forms.ui_attachments_dialog import Ui_AttachmentsDialog
from rongcuo_desktop.ui.shell.context import WindowContext
from rongcuo_desktop.ui.shell.messages import choose_file, choose_folder, tell

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.ui.data.ops import AttachmentInfo

MAX_ATTACHMENT_MB_KEY = "safety/max_attachment_mb"
DEFAULT_MAX_MB = 100


@dataclass(frozen=True)
class AttachmentCopy:
    """Writes a plaintext copy of one attachment (the viewer's 导出…, on the database thread)."""

    workspace: Workspace
    by: Credential
    attachment_id: int

    def to(self, folder: Path) -> Path:
        return attachments.export(self.workspace, self.by, self.attachment_id, folder)


class AttachmentsDialog(QDialog):
    """The attachments of one case. Layout: forms/attachments_dialog.ui."""

    def __init__(
        self, ctx: WindowContext, case_id: int, case_title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or ctx.window)  # the case window opens it over itself
        self._ctx = ctx
        self._case_id = case_id
        self.ui = Ui_AttachmentsDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("附件 — %1").replace("%1", case_title))
        self.viewers: list[AttachmentViewer] = []
        self.message: QWidget | None = None  # the question or message shown last (tests answer it)
        self.max_mb = int(ctx.settings.value(MAX_ATTACHMENT_MB_KEY, DEFAULT_MAX_MB))  # type: ignore[call-overload]
        self.ui.attachmentList.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self._status(
            self.tr(
                "附件加密保存在数据库内，上限 %1 MB；PDF 和图片在程序内打开，不会在磁盘上留下明文。"
            ).replace("%1", str(self.max_mb))
        )
        # Adding is offered to roles that may add (秘书, 主任), and disabled while the store is read-only.
        self.ui.addButton.setVisible(ctx.may(Action.ATTACHMENT_ADD))
        self._may_add = ctx.may_change(Action.ATTACHMENT_ADD)
        self.ui.addButton.setEnabled(self._may_add)
        if ctx.read_only:
            self.ui.addButton.setToolTip(self.tr("只读：审计记录异常，待主任确认"))
        self.ui.addButton.clicked.connect(self.choose_and_add)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.exportButton.clicked.connect(self.export_selected)
        self.ui.closeButton.clicked.connect(self.close)
        self.refresh()

    def _status(self, text: str) -> None:
        self.ui.statusLabel.setText(text)

    def _acting(self) -> tuple[Workspace, Credential] | None:
        workspace, person = self._ctx.workspace, self._ctx.person
        return None if workspace is None or person is None else (workspace, person)

    # -- list ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        acting = self._acting()
        if acting is not None:
            self._ctx.runner.run_db(
                attachments.list_for_case,
                *acting,
                self._case_id,
                receiver=self,
                done=self._show,
                failed=self._fail,
            )

    def _show(self, infos: list[AttachmentInfo]) -> None:
        self.ui.attachmentList.clear()
        for info in infos:
            added = info.added_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{info.file_name}    {info.size_text}    {added}    {info.added_by}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.ui.attachmentList.addItem(item)
        if infos:
            self.ui.attachmentList.setCurrentRow(0)
        has_any = bool(infos)
        self.ui.openButton.setEnabled(has_any)
        self.ui.exportButton.setEnabled(has_any)

    def _selected_id(self) -> int | None:
        item = self.ui.attachmentList.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _fail(self, error: BaseException) -> None:
        self._status(str(error) or self.tr("操作失败。"))
        self.message = tell(self, self.tr("附件"), str(error) or self.tr("操作失败。"))

    # -- add -------------------------------------------------------------------------------------

    def choose_and_add(self) -> None:
        self.message = choose_file(self, self.tr("选择要添加的证据文件"), "", "", self.add_path)

    def add_path(self, path: Path) -> None:
        acting = self._acting()
        if acting is None:
            return
        self._status(self.tr("正在加密保存…"))
        self.ui.addButton.setEnabled(False)
        self._ctx.runner.run_db(
            functools.partial(attachments.add_file, max_bytes=self.max_mb * 1024 * 1024),
            *acting,
            self._case_id,
            path,
            receiver=self,
            done=self._added,
            failed=self._add_failed,
        )

    def _added(self, info: AttachmentInfo) -> None:
        self.ui.addButton.setEnabled(self._may_add)
        self._status(self.tr("已添加：%1").replace("%1", info.file_name))
        self.refresh()

    def _add_failed(self, error: BaseException) -> None:
        self.ui.addButton.setEnabled(self._may_add)
        self._fail(error)

    # -- open / export ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        attachment_id, acting = self._selected_id(), self._acting()
        if attachment_id is None or acting is None:
            return
        self._ctx.runner.run_db(
            ops.open_attachment,
            *acting,
            attachment_id,
            receiver=self,
            done=self._open_viewer,
            failed=self._fail,
        )

    def _open_viewer(self, result: tuple[AttachmentInfo, bytes]) -> None:
        info, data = result
        acting = self._acting()
        copy = AttachmentCopy(*acting, info.id) if acting is not None else None
        viewer = AttachmentViewer(
            info.file_name, data, export=copy.to if copy else None, runner=self._ctx.runner, parent=self
        )
        self.viewers.append(viewer)
        viewer.destroyed.connect(lambda *_: self.viewers.remove(viewer) if viewer in self.viewers else None)
        viewer.show()

    def export_selected(self) -> None:
        if self._selected_id() is not None:
            self.message = warn_before_export(self, self._choose_folder)

    def _choose_folder(self) -> None:
        self.message = choose_folder(self, self.tr("选择导出到的文件夹"), "", self._export_to)

    def _export_to(self, folder: Path) -> None:
        attachment_id, acting = self._selected_id(), self._acting()
        if attachment_id is None or acting is None:
            return
        self._ctx.runner.run_db(
            attachments.export,
            *acting,
            attachment_id,
            folder,
            receiver=self,
            done=lambda path: self._status(self.tr("已导出到：%1").replace("%1", str(path))),
            failed=self._fail,
        )
