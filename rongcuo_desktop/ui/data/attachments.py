"""The attachments of one case: list, 添加…, 打开 (in the viewer, from memory), 导出… (with a warning).

All store work runs on the database worker (`TaskRunner.run_db`); adding 100 MB takes a second or
two and must not freeze the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.store.attachments import AttachmentInfo, AttachmentRepository
from rongcuo_desktop.ui.data.attachment_viewer import AttachmentViewer
from rongcuo_desktop.ui.shell.permissions import gate_of
from rongcuo_desktop.ui.tasks import TaskRunner


class AttachmentsDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        repo: AttachmentRepository,
        case_id: int,
        case_title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("附件 — %1").replace("%1", case_title))
        self.resize(560, 380)
        self._runner = runner
        self._repo = repo
        self._case_id = case_id
        self.viewers: list[AttachmentViewer] = []
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.status = QLabel(
            self.tr(
                "附件加密保存在数据库内，上限 %1 MB；PDF 和图片在程序内打开，不会在磁盘上留下明文。"
            ).replace("%1", str(repo.max_bytes // (1024 * 1024))),
            self,
        )
        self.status.setWordWrap(True)
        self.add_button = QPushButton(self.tr("添加…"), self)
        # Adding is offered to roles that may add (秘书, 主任), and disabled while the store is read-only.
        gate = gate_of(parent)
        self.add_button.setVisible(gate is None or gate.may(Action.ATTACHMENT_ADD))
        self._may_add = gate is None or gate.may_change(Action.ATTACHMENT_ADD)
        self.add_button.setEnabled(self._may_add)
        if gate is not None and gate.read_only:
            self.add_button.setToolTip(self.tr("只读：审计记录异常，待主任确认"))
        self.open_button = QPushButton(self.tr("打开"), self)
        self.export_button = QPushButton(self.tr("导出…"), self)
        close = QPushButton(self.tr("关闭"), self)
        self.add_button.clicked.connect(self.choose_and_add)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.export_selected)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    # -- list ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        repo, case_id = self._repo, self._case_id
        self._runner.run_db(
            lambda: repo.list_for_case(case_id), receiver=self, on_success=self._show, on_failure=self._fail
        )

    def _show(self, infos: list[AttachmentInfo]) -> None:
        self.list.clear()
        for info in infos:
            added = info.added_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{info.file_name}    {info.size_text}    {added}    {info.added_by}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        if infos:
            self.list.setCurrentRow(0)
        has_any = bool(infos)
        self.open_button.setEnabled(has_any)
        self.export_button.setEnabled(has_any)

    def _selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _fail(self, error: BaseException) -> None:
        self.status.setText(str(error) or self.tr("操作失败。"))
        QMessageBox.warning(self, self.tr("附件"), str(error) or self.tr("操作失败。"))

    # -- add -------------------------------------------------------------------------------------

    def choose_and_add(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("选择要添加的证据文件"))
        if chosen:
            self.add_path(Path(chosen))

    def add_path(self, path: Path) -> None:
        repo, case_id = self._repo, self._case_id
        self.status.setText(self.tr("正在加密保存…"))
        self.add_button.setEnabled(False)

        def done(info: AttachmentInfo) -> None:
            self.add_button.setEnabled(self._may_add)
            self.status.setText(self.tr("已添加：%1").replace("%1", info.file_name))
            self.refresh()

        def failed(error: BaseException) -> None:
            self.add_button.setEnabled(self._may_add)
            self._fail(error)

        self._runner.run_db(
            lambda: repo.add_file(case_id, path), receiver=self, on_success=done, on_failure=failed
        )

    # -- open / export ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        attachment_id = self._selected_id()
        if attachment_id is None:
            return
        repo = self._repo

        def work() -> tuple[AttachmentInfo, bytes]:
            return repo.info(attachment_id), repo.read(attachment_id)

        self._runner.run_db(work, receiver=self, on_success=self._open_viewer, on_failure=self._fail)

    def _open_viewer(self, result: tuple[AttachmentInfo, bytes]) -> None:
        info, data = result
        repo = self._repo
        viewer = AttachmentViewer(
            info.file_name,
            data,
            export=lambda folder: repo.export(info.id, folder),
            runner=self._runner,
            parent=self,
        )
        self.viewers.append(viewer)
        viewer.destroyed.connect(lambda *_: self.viewers.remove(viewer) if viewer in self.viewers else None)
        viewer.show()

    def export_selected(self) -> None:
        attachment_id = self._selected_id()
        if attachment_id is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("导出附件"),
            self.tr(
                "导出的文件是未加密的明文副本，任何能访问该文件夹的人都能打开它。"
                "请只导出到您能控制的位置，用完后及时删除。是否继续？"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择导出到的文件夹"))
        if not folder:
            return
        repo = self._repo
        self._runner.run_db(
            lambda: repo.export(attachment_id, Path(folder)),
            receiver=self,
            on_success=lambda path: self.status.setText(self.tr("已导出到：%1").replace("%1", str(path))),
            on_failure=self._fail,
        )
