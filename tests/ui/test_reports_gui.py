"""The 报告 menu in the main window, as the app builds it: real SQLCipher stores, the real task
runner, pytest-qt offscreen; every exported file checked with pyHanko and poppler. The file choosers
are answered by monkeypatching; dialogs are opened non-blocking and driven by their widgets."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from rongcuo_desktop.reports import workflow
from rongcuo_desktop.reports.package import verify_package
from rongcuo_desktop.seal.verify import verify_pdf
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.reports import export_dialog, ops, package_export
from rongcuo_desktop.ui.reports.batch import ReportBatchDialog
from rongcuo_desktop.ui.reports.export_dialog import ReportExportDialog
from rongcuo_desktop.ui.shell.menus import MenuName
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.reports.test_reports import DIMENSIONS
from tests.ui import reports_scene as scene
from tests.ui.conftest import person_of, workspace_of
from tests.ui.reports_scene import (
    DECIDED,
    PINS,
    UNDECIDED,
    Opening,
    answer_save,
    audit_rows,
    checked,
    make_store,
    needs_pdfsig,
    pdfsig,
    poppler,
    select,
    trusted,
)

# The scene's fixtures, used by name below.
store = scene.store
root_pem = scene.root_pem
open_as = scene.open_as
sealed_pdf = scene.sealed_pdf


# -- one document, previewed then saved -----------------------------------------------------------


@needs_pdfsig
@pytest.mark.parametrize(
    ("kind", "public"),
    [("备案报告", False), ("认定意见书", False), ("反馈通知书", False), ("备案报告", True)],
)
def test_a_secretary_previews_and_saves_each_document_of_a_decided_case(
    open_as: Callable[[Store, str], Opening],
    store: Store,
    root_pem: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    public: bool,
) -> None:
    """Given 李秘书 with a decided case at hand, when 导出…… is chosen, then the dialog shows every page
    of the sealed document; after 保存… the file is exactly what was previewed, the save dialog
    suggested 备案报告-容错〔2026〕1号.pdf, pyHanko and pdfsig find it sealed and whole, and the export
    is audited under 李秘书."""
    o = open_as(store, "李秘书")
    select(o.window, [DECIDED], qtbot)
    checked(o.reports, qtbot)
    action = o.reports.document_actions[kind]
    assert action.isVisible() and action.isEnabled()

    action.trigger()
    dialog = o.reports.dialog
    assert isinstance(dialog, ReportExportDialog) and dialog.isVisible()
    if public:
        with qtbot.waitSignal(dialog.previewed, timeout=60000):
            dialog.ui.publicCheck.setChecked(True)
    else:
        qtbot.waitUntil(lambda: dialog.sealed is not None and bool(dialog.page_labels), timeout=60000)
    sealed = dialog.sealed
    assert sealed is not None
    assert len(dialog.page_labels) == sealed.pages >= 2
    for label in dialog.page_labels:
        pixmap = label.pixmap()
        assert not pixmap.isNull() and pixmap.height() > pixmap.width() > 100  # an upright A4 page
    assert f"共 {sealed.pages} 页" in dialog.ui.statusLabel.text()
    assert dialog.ui.saveButton.isEnabled()

    target = tmp_path / "out" / "saved.pdf"
    target.parent.mkdir()
    offered = answer_save(monkeypatch, export_dialog, target)
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        dialog.ui.saveButton.click()
    title = {"备案报告": "备案报告", "认定意见书": "认定意见书", "反馈通知书": "结果反馈通知书"}[kind]
    assert offered[0].name == f"{title}-{DECIDED}{'-公开版' if public else ''}.pdf"
    data = target.read_bytes()
    assert data == sealed.pdf  # what was looked at is what left
    verdict = verify_pdf(data, trusted(root_pem), target.name)
    assert verdict.ok, verdict.failures
    report = pdfsig(target)
    assert "Signature is Valid" in report and "Total document signed" in report
    assert not list(target.parent.glob("*.part"))
    events = audit_rows(store, "report_export")
    assert events and events[-1][0] == "李秘书" and ("公开版" in events[-1][1]) == public
    assert "已保存" in dialog.ui.statusLabel.text() and str(target) in dialog.ui.statusLabel.text()
    fonts = poppler("pdffonts", target).splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts  # embedded, subset, unicode
    assert not any("Helvetica" in line or "STSong" in line for line in fonts)
    assert "595.276 x 841.89 pts (A4)" in poppler("pdfinfo", target)
    shown = poppler("pdftotext", "-layout", target, "-")
    assert DECIDED in shown
    if kind == "备案报告":
        assert all(name in shown for name in DIMENSIONS)
    if public:
        assert "某某" in shown


def test_the_package_is_written_from_the_menu_and_verifies(
    open_as: Callable[[Store, str], Opening],
    store: Store,
    root_pem: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    o = open_as(store, "王主任")
    select(o.window, [DECIDED], qtbot)
    checked(o.reports, qtbot)
    target = tmp_path / "备案包"
    offered = answer_save(monkeypatch, package_export, target)
    o.reports.package_action.trigger()
    package = o.reports.dialog
    assert isinstance(package, package_export.PackageExport)
    with qtbot.waitSignal(package.done, timeout=60000):
        pass
    assert offered[0].name == f"备案包-{DECIDED}.zip"
    written = tmp_path / "备案包.zip"
    assert zipfile.is_zipfile(written)
    result = verify_package(written.read_bytes(), trusted(root_pem))
    assert result.ok and len(result.documents) == 6
    assert "已导出备案包" in package.last_message and str(written) in package.last_message


def test_cancelling_a_package_writes_and_records_nothing(
    open_as: Callable[[Store, str], Opening],
    store: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given 导出备案包… held while its second document is being sealed, when 取消 is pressed, then the
    progress says 正在取消…, no .zip (and no temporary file) is written and no export is audited."""
    o = open_as(store, "王主任")
    select(o.window, [DECIDED], qtbot)
    checked(o.reports, qtbot)
    before = audit_rows(store, "report_export")
    answer_save(monkeypatch, package_export, tmp_path / "备案包")
    sealing, go = threading.Event(), threading.Event()
    original = workflow.seal_document
    calls: list[int] = []

    def held(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            sealing.set()
            go.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(workflow, "seal_document", held)
    o.reports.package_action.trigger()
    package = o.reports.dialog
    assert isinstance(package, package_export.PackageExport)
    qtbot.waitUntil(sealing.is_set, timeout=60000)
    progress = package.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() == 1, timeout=20000)  # one of seven steps done
    with qtbot.waitSignal(package.cancelled, timeout=60000):
        button = progress.findChild(QPushButton)
        assert button is not None and button.text() == "取消"
        button.click()
        assert "正在取消" in progress.labelText()
        go.set()
    assert not [p.name for p in tmp_path.iterdir() if p.suffix in (".zip", ".part")]
    assert audit_rows(store, "report_export") == before
    assert "已取消" in package.last_message and len(calls) == 2  # nothing sealed after the cancel


# -- a case that cannot be reported ---------------------------------------------------------------


def test_a_case_without_a_decision_disables_the_exports_and_says_why(
    open_as: Callable[[Store, str], Opening], store: Store, qtbot: QtBot
) -> None:
    """Given a case with no conclusion at hand, when the 报告 menu opens, then the export actions are
    disabled and their tooltip says why; reached anyway, the dialog shows the workflow's refusal in
    Chinese and offers nothing to save."""
    o = open_as(store, "李秘书")
    select(o.window, [UNDECIDED], qtbot)
    checked(o.reports, qtbot)
    for action in o.reports.case_actions:
        assert not action.isEnabled()
        assert f"{UNDECIDED} 尚未记录认定结论" in action.toolTip()
    dialog = o.reports.export_document("备案报告")
    assert dialog is not None
    with qtbot.waitSignal(dialog.failed, timeout=30000) as failed:
        pass
    assert "尚未记录认定结论" in str(failed.args[0])
    assert dialog.ui.placeholderLabel.text() == dialog.error_text and not dialog.ui.saveButton.isEnabled()
    dialog.reject()

    select(o.window, [DECIDED], qtbot)  # and back on a decided case the actions come back
    checked(o.reports, qtbot)
    assert all(action.isEnabled() for action in o.reports.case_actions)


def test_without_a_signing_identity_the_preview_says_who_sets_one_up(
    data_dir: Path, runner: TaskRunner, qtbot: QtBot, open_as: Callable[[Store, str], Opening]
) -> None:
    bare = make_store(data_dir, signing=False)
    try:
        o = open_as(bare, "李秘书")
        select(o.window, [DECIDED], qtbot)
        checked(o.reports, qtbot)
        dialog = o.reports.export_document("认定意见书")
        assert dialog is not None
        with qtbot.waitSignal(dialog.failed, timeout=30000) as failed:
            pass
        assert "还没有签名证书" in failed.args[0] and "生成签名身份" in failed.args[0]
        dialog.reject()
    finally:
        qtbot.waitUntil(lambda: not runner.busy, timeout=30000)
        bare.close()


# -- many cases ----------------------------------------------------------------------------------


def test_a_batch_writes_every_decided_case_and_names_what_it_skipped(
    open_as: Callable[[Store, str], Opening],
    store: Store,
    root_pem: Path,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    o = open_as(store, "李秘书")
    chosen = ["容错〔2026〕1号", "容错〔2026〕2号", "容错〔2026〕3号", UNDECIDED]
    select(o.window, chosen, qtbot)
    folder = tmp_path / "U盘"
    folder.mkdir()
    (folder / f"备案报告-{DECIDED}.pdf").write_bytes(b"an older file that must stay")
    dialog = o.reports.export_batch()
    assert isinstance(dialog, ReportBatchDialog) and "4 件案件" in dialog.ui.introLabel.text()
    dialog.ui.folderEdit.setText(str(folder))
    dialog.ui.packageCheck.setChecked(True)
    with qtbot.waitSignal(dialog.finished_batch, timeout=120000) as finished:
        dialog.ui.startButton.click()
    report = finished.args[0]
    assert not report.cancelled and not report.stopped
    assert len(report.written) == 6  # three decided cases: 备案报告 and 备案包 each
    assert [line.doc_no for line in report.skipped] == [UNDECIDED]
    assert (folder / f"备案报告-{DECIDED}.pdf").read_bytes() == b"an older file that must stay"
    assert (folder / f"备案报告-{DECIDED}-2.pdf").is_file()  # never replaced: a new name
    roots = trusted(root_pem)
    for line in report.written:
        data = line.path.read_bytes()
        ok = verify_package(data, roots).ok if line.path.suffix == ".zip" else verify_pdf(data, roots).ok
        assert ok, line.path
    summary = dialog.ui.summaryEdit.toPlainText()
    assert str(folder) in summary and f"备案报告-{DECIDED}-2.pdf" in summary
    assert f"{UNDECIDED}（全部）：尚未记录认定结论" in summary
    assert "6 份文件已写到" in dialog.ui.statusLabel.text()
    assert not list(folder.glob("*.part"))


def test_cancelling_a_batch_leaves_only_whole_sealed_files(
    open_as: Callable[[Store, str], Opening],
    store: Store,
    root_pem: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given a batch of four decided cases held while its second document is being sealed, when 取消
    is pressed, then the dialog says 正在取消…, the sealed second document is never written, the
    folder holds the first file only (whole and sealed), no temporary file, and the summary says so."""
    o = open_as(store, "王主任")
    select(o.window, ["容错〔2026〕1号", "容错〔2026〕2号", "容错〔2026〕3号", "容错〔2026〕4号"], qtbot)
    folder = tmp_path / "batch"
    folder.mkdir()
    sealing = threading.Event()
    go = threading.Event()
    original = ops.seal_case_document
    calls: list[int] = []

    def held(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            sealing.set()
            go.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(ops, "seal_case_document", held)
    dialog = o.reports.export_batch()
    assert dialog is not None
    dialog.ui.folderEdit.setText(str(folder))
    dialog.ui.startButton.click()
    qtbot.waitUntil(sealing.is_set, timeout=60000)
    assert dialog.ui.cancelButton.text() == "取消"
    with qtbot.waitSignal(dialog.finished_batch, timeout=60000) as finished:
        dialog.ui.cancelButton.click()
        assert "正在取消" in dialog.ui.statusLabel.text() and not dialog.ui.cancelButton.isEnabled()
        go.set()
    report = finished.args[0]
    assert report.cancelled and len(report.written) == 1
    files = sorted(folder.iterdir())
    assert files == [report.written[0].path]  # nothing else: no .part, no half-written second
    assert verify_pdf(files[0].read_bytes(), trusted(root_pem)).ok
    assert "已取消" in dialog.ui.statusLabel.text() and "没有不完整的文件" in dialog.ui.statusLabel.text()
    assert dialog.ui.cancelButton.text() == "关闭" and dialog.ui.cancelButton.isEnabled()


# -- the first click ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "warms"), [("李秘书", True), ("张委员", False)])
def test_opening_the_menu_loads_the_export_code_off_the_gui_thread(
    open_as: Callable[[Store, str], Opening], store: Store, qtbot: QtBot, name: str, warms: bool
) -> None:
    """Given a person who may export, when the 报告 menu opens, then the export code is loaded once on a
    slow thread (the window stays free); a member, who only verifies, loads nothing."""
    o = open_as(store, name)
    menu = o.window.context.menu(MenuName.REPORTS)
    menu.aboutToShow.emit()
    assert o.reports.warming is warms
    jobs = o.window.context.runner
    qtbot.waitUntil(lambda: not jobs.busy, timeout=60000)
    menu.aboutToShow.emit()  # once is enough
    assert o.reports.warming is warms


# -- who sees what ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "exports", "signing"),
    [("张委员", False, False), ("李秘书", True, False), ("王主任", True, True)],
)
def test_each_role_sees_only_its_report_actions(
    open_as: Callable[[Store, str], Opening], store: Store, name: str, exports: bool, signing: bool
) -> None:
    o = open_as(store, name)
    reports = o.reports
    for action in [*reports.case_actions, reports.batch_action]:
        assert action.isVisible() is exports, action.objectName()
    for action in (reports.generate_action, reports.import_action, reports.root_action):
        assert action.isVisible() is signing, action.objectName()
    assert reports.verify_action.isVisible()  # everyone may check a file


def test_a_member_cannot_reach_an_export_below_the_ui(store: Store, tmp_path: Path) -> None:
    """The role table hides the actions; the workflow refuses the same in words."""
    member = person_of(store, "张委员", PINS["张委员"])
    ws = workspace_of(store)
    case_id = int(ws.store.cases.id_for_doc_no(DECIDED) or 0)
    with pytest.raises(Exception, match="委员无权"):
        ops.seal_for_preview(ws, member, case_id, ops.Kind.FILING, False)
