"""The 报告 menu in the main window, as the app builds it: real SQLCipher stores, the real task
runner, pytest-qt offscreen; every exported file checked with pyHanko and poppler's pdfsig. The
file choosers are answered by monkeypatching; dialogs are opened non-blocking and driven by their
widgets."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.reports.package import verify_package
from rongcuo_desktop.reports.workflow import generate_identity
from rongcuo_desktop.seal.identity import generate
from rongcuo_desktop.seal.verify import verify_pdf
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.reports import export_dialog, identity, ops
from rongcuo_desktop.ui.reports.actions import ReportActions
from rongcuo_desktop.ui.reports.batch import ReportBatchDialog
from rongcuo_desktop.ui.reports.export_dialog import ReportExportDialog
from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import open_window, person_of, workspace_of

PASSPHRASE = "报告界面测试口令 egret"
PINS = {"王主任": "111186", "李秘书": "222286", "张委员": "333386"}
COMMITTEE = "某区容错免责委员会"
DECIDED = "容错〔2026〕1号"
UNDECIDED = "容错〔2026〕7号"
needs_pdfsig = pytest.mark.skipif(not shutil.which("pdfsig"), reason="poppler-utils: `make sysdeps`")


def make_store(folder: Path, *, signing: bool = True) -> Store:
    """The demo cases (four decided), 王主任 (主任), 李秘书 (秘书), 张委员 (委员); a signing identity."""
    keys = KeyManager(folder, kdf_target_seconds=0.05)
    store = Store.create(folder, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    store.login("王主任", PINS["王主任"])
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"])
    store.accounts.add("张委员", Role.MEMBER, PINS["张委员"])
    store.add_demo_cases()
    store.guard.actor = None
    if signing:
        chair = person_of(store, "王主任", PINS["王主任"])
        generate_identity(workspace_of(store), chair, COMMITTEE, addressee="中共某区纪委监委")
    return store


@pytest.fixture
def store(data_dir: Path, qtbot: QtBot, runner: TaskRunner) -> Iterator[Store]:
    opened = make_store(data_dir)
    yield opened
    qtbot.waitUntil(lambda: not runner.busy, timeout=30000)
    opened.close()


@pytest.fixture
def root_pem(store: Store, tmp_path: Path) -> Path:
    """The committee's root certificate, as the receiving authority gets it."""
    pem, _fingerprint = ops.root_certificate(workspace_of(store))
    path = tmp_path / "root.pem"
    path.write_bytes(pem)
    return path


@dataclasses.dataclass
class Opening:
    window: MainWindow
    reports: ReportActions


@pytest.fixture
def open_as(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> Callable[[Store, str], Opening]:
    def opening(store: Store, name: str) -> Opening:
        settings = QSettings(str(tmp_path / f"ui-{name}.ini"), QSettings.Format.IniFormat)
        opened = open_window(qtbot, runner, store, person_of(store, name, PINS[name]), settings=settings)
        return Opening(opened.window, opened.all.reports)

    return opening


def select(window: MainWindow, doc_nos: list[str], qtbot: QtBot) -> None:
    """Select these cases in the list (the first one current), as Ctrl-clicks would."""
    model, table = window.cases.model, window.cases.table
    qtbot.waitUntil(lambda: all(model.is_row_fetched(r) for r in range(model.rowCount())), timeout=20000)
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    chooser = table.selectionModel()
    chooser.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    chooser.setCurrentIndex(model.index(rows[doc_nos[0]], 0), flags)
    for doc_no in doc_nos[1:]:
        chooser.select(model.index(rows[doc_no], 0), flags)


def checked(reports: ReportActions, qtbot: QtBot) -> None:
    """Open-the-menu's check of the case at hand, waited for."""
    with qtbot.waitSignal(reports.checked, timeout=20000):
        reports.check_current()


def answer_save(monkeypatch: pytest.MonkeyPatch, module: Any, target: Path) -> list[Path]:
    """The module's save dialog answers `target`; returns the paths it suggested."""
    offered: list[Path] = []

    def chooser(
        _parent: object, _title: str, start: Path, _filter: str, then: Callable[[Path], None], **kw: Any
    ):
        offered.append(Path(start))
        then(target)

    monkeypatch.setattr(module, "choose_file", chooser)
    return offered


def audit_rows(store: Store, action: str) -> list[tuple[str, str]]:
    with store.read_session() as session:
        rows = session.execute(
            text("SELECT actor_name, summary FROM audit_events WHERE action = :a ORDER BY id"), {"a": action}
        ).all()
    return [(str(r[0]), str(r[1])) for r in rows]


def trusted(root: Path) -> list[x509.Certificate]:
    return [x509.load_pem_x509_certificate(root.read_bytes())]


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout


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
    if public:
        shown = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
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
    offered = answer_save(monkeypatch, export_dialog, target)
    o.reports.package_action.trigger()
    package = o.reports.dialog
    assert isinstance(package, export_dialog.PackageExport)
    with qtbot.waitSignal(package.done, timeout=60000):
        pass
    assert offered[0].name == f"备案包-{DECIDED}.zip"
    written = tmp_path / "备案包.zip"
    assert zipfile.is_zipfile(written)
    result = verify_package(written.read_bytes(), trusted(root_pem))
    assert result.ok and len(result.documents) == 6
    assert "已导出备案包" in package.last_message and str(written) in package.last_message


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


# -- 验证文件… -------------------------------------------------------------------------------------


@pytest.fixture
def sealed_pdf(store: Store, tmp_path: Path) -> Path:
    chair = person_of(store, "王主任", PINS["王主任"])
    ws = workspace_of(store)
    case_id = ws.store.cases.id_for_doc_no(DECIDED)
    assert case_id is not None
    path = tmp_path / "received" / "备案报告.pdf"
    path.parent.mkdir()
    ops.save_sealed(
        ws, chair, int(case_id), ops.seal_case_document(ws, chair, int(case_id), ops.Kind.FILING), path
    )
    return path


def verify_with(
    qtbot: QtBot, runner: TaskRunner, settings: QSettings, file: Path, root: Path | None
) -> VerifyDialog:
    dialog = VerifyDialog(runner, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.fileEdit.setText(str(file))
    dialog.ui.rootEdit.setText(str(root) if root else "")
    with qtbot.waitSignals([dialog.verified], timeout=60000):
        dialog.ui.verifyButton.click()
    return dialog


def test_verify_passes_a_good_file_check_by_check(
    qtbot: QtBot, runner: TaskRunner, sealed_pdf: Path, root_pem: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "receiver.ini"), QSettings.Format.IniFormat)
    dialog = verify_with(qtbot, runner, settings, sealed_pdf, root_pem)
    assert dialog.outcome is not None and dialog.outcome.ok
    assert dialog.verdict_text.startswith("通过：备案报告.pdf 自签名以来未被改动")
    shown = dialog.ui.resultView.toPlainText()
    for check in ("签名完好", "认证签名（不允许任何修改）", "签名覆盖整个文件", "证书链到受信任的根证书"):
        assert check in shown
    assert "未通过" not in shown and "签名人" in shown
    assert "[通过] 签名覆盖整个文件" in dialog.plain


@pytest.mark.parametrize("damage", ["one byte", "truncated", "untrusted root"])
def test_verify_names_what_failed(
    qtbot: QtBot,
    runner: TaskRunner,
    sealed_pdf: Path,
    root_pem: Path,
    tmp_path: Path,
    damage: str,
) -> None:
    data = sealed_pdf.read_bytes()
    root = root_pem
    if damage == "one byte":
        at = data.index(b"/Title") + 10  # inside the first signed range
        data = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]
        expected = "签名完好"
    elif damage == "truncated":
        data = data[: len(data) * 9 // 10]
        expected = ""
    else:
        other = generate("另一个委员会", retention_years=5)
        root = tmp_path / "other-root.pem"
        root.write_bytes(other.root_pem())
        expected = "证书链到受信任的根证书"
    changed = tmp_path / f"changed-{damage}.pdf"
    changed.write_bytes(data)
    settings = QSettings(str(tmp_path / "receiver.ini"), QSettings.Format.IniFormat)
    dialog = VerifyDialog(runner, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.fileEdit.setText(str(changed))
    dialog.ui.rootEdit.setText(str(root))
    with qtbot.waitSignals([dialog.verified], timeout=60000, raising=False) as got:
        dialog.ui.verifyButton.click()
    if damage == "truncated" and not got.signal_triggered:  # refused unread: says so
        assert dialog.verdict_text.startswith("无法验证")
        return
    assert dialog.outcome is not None and not dialog.outcome.ok
    assert dialog.verdict_text.startswith(f"未通过：{changed.name} 没有通过这些检查：")
    failed = [c.name for v in dialog.outcome.verdicts for c in v.failures]
    assert failed
    if expected:
        assert expected in failed and expected in dialog.verdict_text
    assert "未通过" in dialog.ui.resultView.toPlainText()


def test_the_root_is_remembered_and_its_fingerprint_shown(
    qtbot: QtBot, runner: TaskRunner, sealed_pdf: Path, root_pem: Path, tmp_path: Path, store: Store
) -> None:
    _pem, fingerprint = ops.root_certificate(workspace_of(store))
    settings = QSettings(str(tmp_path / "receiver.ini"), QSettings.Format.IniFormat)
    first = verify_with(qtbot, runner, settings, sealed_pdf, root_pem)
    first.set_root(root_pem)
    qtbot.waitUntil(lambda: "SHA-256 指纹" in first.ui.rootPrintLabel.text(), timeout=20000)
    assert fingerprint.split(":")[0] in first.ui.rootPrintLabel.text()
    first.close()
    again = VerifyDialog(runner, settings, file=sealed_pdf)  # opened with the file: verifies at once
    qtbot.addWidget(again)
    assert again.ui.rootEdit.text() == str(root_pem)
    qtbot.waitUntil(lambda: again.outcome is not None, timeout=60000)
    assert again.outcome is not None and again.outcome.ok


def test_a_package_is_verified_document_by_document(
    qtbot: QtBot, runner: TaskRunner, store: Store, root_pem: Path, tmp_path: Path
) -> None:
    chair = person_of(store, "王主任", PINS["王主任"])
    ws = workspace_of(store)
    case_id = int(ws.store.cases.id_for_doc_no(DECIDED) or 0)
    package = tmp_path / "pkg.zip"
    ops.save_package(ws, chair, case_id, package)
    settings = QSettings(str(tmp_path / "receiver.ini"), QSettings.Format.IniFormat)
    dialog = verify_with(qtbot, runner, settings, package, root_pem)
    assert dialog.outcome is not None and dialog.outcome.ok and len(dialog.outcome.verdicts) == 7
    shown = dialog.ui.resultView.toPlainText()
    assert "清单签名完好" in shown and "认定意见书-公开版.pdf" in shown


def test_verify_needs_no_store_and_is_offered_at_first_start(
    qtbot: QtBot, data_dir: Path, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a freshly installed app (no store), when the setup dialog shows, then it has
    只验证收到的文件…, which opens 验证文件… over it; nothing is created in the data folder."""
    from rongcuo_desktop.ui.startup.flow import Startup

    monkeypatch.setattr("rongcuo_desktop.services.unlock.credential_store_status", _no_credential_store)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    startup = Startup(data_dir, runner, settings)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, QDialog) and startup.dialog.isVisible(), timeout=30000)
    setup = startup.dialog
    assert isinstance(setup, QDialog)
    button = setup.findChild(QPushButton, "verifyOnlyButton")
    assert button is not None and button.text() == "只验证收到的文件…"
    button.click()
    opened = button.dialog
    assert isinstance(opened, VerifyDialog) and opened.isVisible()
    opened.reject()
    setup.reject()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
    assert not (data_dir / "rongcuo.db").exists()


def _no_credential_store(_data_dir: Path) -> Any:
    from rongcuo_desktop.store.keys import CredentialStoreStatus

    return CredentialStoreStatus(False, None, "（测试：没有系统凭据库）")


def test_the_verify_start_option_is_parsed() -> None:
    from rongcuo_desktop.ui.app import build_parser

    assert build_parser().parse_args(["--verify", "a.pdf"]).verify == "a.pdf"
    assert build_parser().parse_args(["--verify"]).verify == ""
    assert build_parser().parse_args([]).verify is None


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


# -- the signing identity -------------------------------------------------------------------------


def test_the_chair_generates_an_identity_and_exports_its_root_with_the_fingerprint(
    data_dir: Path,
    runner: TaskRunner,
    qtbot: QtBot,
    open_as: Callable[[Store, str], Opening],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bare = make_store(data_dir, signing=False)
    try:
        o = open_as(bare, "王主任")
        o.reports.generate_action.trigger()
        qtbot.waitUntil(
            lambda: isinstance(o.reports.identity.dialog, identity.IdentityGenerateDialog), timeout=20000
        )
        dialog = o.reports.identity.dialog
        assert isinstance(dialog, identity.IdentityGenerateDialog)
        assert "还没有签名身份" in dialog.ui.currentLabel.text() and dialog.ui.yearsSpin.value() == 30
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        assert "委员会名称" in dialog.ui.errorLabel.text() and dialog.isVisible()  # the field is named
        dialog.ui.committeeEdit.setText("某区容错免责委员会")
        with qtbot.waitSignal(o.reports.identity.changed, timeout=30000) as made:
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        summary = made.args[0]
        years = (summary.not_after - dt.datetime.now(dt.UTC)).days / 365.25
        assert 29.9 < years < 30.2 and not summary.problem

        target = tmp_path / "根证书.pem"
        offered = answer_save(monkeypatch, identity, target)
        with qtbot.waitSignal(o.reports.identity.root_exported, timeout=30000) as exported:
            o.reports.root_action.trigger()
        assert offered[0].name == "根证书-某区容错免责委员会.pem"
        root = x509.load_pem_x509_certificate(target.read_bytes())
        from rongcuo_desktop.seal.identity import fingerprint

        assert exported.args[0] == fingerprint(root) == summary.root_fingerprint
        shown = o.reports.identity.dialog
        assert isinstance(shown, identity.IdentityRootDialog)
        assert shown.ui.fingerprintLabel.text().replace("\n", ":") == summary.root_fingerprint
    finally:
        qtbot.waitUntil(lambda: not runner.busy, timeout=30000)
        bare.close()


def expired_pkcs12(tmp_path: Path) -> Path:
    old = generate("某区容错免责委员会", retention_years=1, now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    data = pkcs12.serialize_key_and_certificates(
        b"old", old.key, old.certificate, list(old.chain), serialization.BestAvailableEncryption(b"pw")
    )
    path = tmp_path / "old.p12"
    path.write_bytes(data)
    return path


def test_an_expired_pkcs12_is_refused_in_words_and_changes_nothing(
    open_as: Callable[[Store, str], Opening], store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    before = ops.identity_summary(workspace_of(store))
    o = open_as(store, "王主任")
    o.reports.import_action.trigger()
    qtbot.waitUntil(
        lambda: isinstance(o.reports.identity.dialog, identity.IdentityImportDialog), timeout=20000
    )
    dialog = o.reports.identity.dialog
    assert isinstance(dialog, identity.IdentityImportDialog)
    assert "当前" not in dialog.ui.introLabel.text()
    dialog.ui.fileEdit.setText(str(expired_pkcs12(tmp_path)))
    dialog.ui.passwordEdit.setText("wrong")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(dialog.ui.errorLabel.text()), timeout=20000)
    assert "密码不正确" in dialog.ui.errorLabel.text() and dialog.isVisible()
    dialog.ui.passwordEdit.setText("pw")
    dialog.ui.errorLabel.clear()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(dialog.ui.errorLabel.text()), timeout=20000)
    assert "过期" in dialog.ui.errorLabel.text()
    assert dialog.ui.fileEdit.text() and dialog.isVisible()  # nothing lost
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert ops.identity_summary(workspace_of(store)) == before


def test_a_member_cannot_reach_an_export_below_the_ui(store: Store, tmp_path: Path) -> None:
    """The role table hides the actions; the workflow refuses the same in words."""
    member = person_of(store, "张委员", PINS["张委员"])
    ws = workspace_of(store)
    case_id = int(ws.store.cases.id_for_doc_no(DECIDED) or 0)
    with pytest.raises(Exception, match="委员无权"):
        ops.seal_for_preview(ws, member, case_id, ops.Kind.FILING, False)
