"""验证文件… (the receiving authority's check, with no store) and the signing identity (生成签名身份…,
导入 PKCS#12…, 导出根证书…) in the GUI: real stores, real files, the real task runner offscreen."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from rongcuo_desktop.seal.identity import generate
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.ui.reports import identity, ops
from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.reports.test_reports import append_annotation
from tests.ui import reports_scene as scene
from tests.ui.conftest import person_of, workspace_of
from tests.ui.reports_scene import (
    DECIDED,
    PINS,
    Opening,
    answer_save,
    make_store,
    verify_with,
)

# The scene's fixtures, used by name below.
store = scene.store
root_pem = scene.root_pem
open_as = scene.open_as
sealed_pdf = scene.sealed_pdf


# -- 验证文件… -------------------------------------------------------------------------------------


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


@pytest.mark.parametrize("damage", ["one byte", "truncated", "appended annotation", "untrusted root"])
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
    elif damage == "appended annotation":  # an incremental update: pdfsig still says "valid"
        data = append_annotation(data)
        expected = "签名覆盖整个文件"
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


def unsigned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 700, "not sealed")
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.mark.parametrize("what", ["not a pdf", "unsigned", "extra file in the package"])
def test_foreign_input_is_refused_or_failed_in_words(
    qtbot: QtBot, runner: TaskRunner, store: Store, root_pem: Path, tmp_path: Path, what: str
) -> None:
    """A file that is not ours, a PDF with no signature, a 备案包 with a file added: a verdict in
    Chinese naming what is wrong, never 通过 and never a traceback."""
    if what == "not a pdf":
        path = tmp_path / "报告.pdf"
        path.write_text("这不是 PDF", encoding="utf-8")
    elif what == "unsigned":
        path = tmp_path / "unsigned.pdf"
        path.write_bytes(unsigned_pdf())
    else:
        chair = person_of(store, "王主任", PINS["王主任"])
        path = tmp_path / "pkg.zip"
        ops.save_package(workspace_of(store), chair, int(store.cases.id_for_doc_no(DECIDED) or 0), path)
        with zipfile.ZipFile(path, "a") as package:
            package.writestr("说明.txt", "added later")
    settings = QSettings(str(tmp_path / "receiver.ini"), QSettings.Format.IniFormat)
    dialog = VerifyDialog(runner, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.fileEdit.setText(str(path))
    dialog.ui.rootEdit.setText(str(root_pem))
    answered: list[object] = []
    dialog.verified.connect(answered.append)
    dialog.refused.connect(answered.append)
    dialog.ui.verifyButton.click()
    qtbot.waitUntil(lambda: bool(answered), timeout=60000)
    shown = dialog.verdict_text
    assert not shown.startswith("通过") and "Traceback" not in dialog.plain
    if what == "not a pdf":
        assert shown == f"无法验证：{path.name} 既不是 PDF 文件，也不是备案包（zip）。"
    elif what == "unsigned":
        assert dialog.outcome is not None and not dialog.outcome.ok
        assert "签名" in [c.name for v in dialog.outcome.verdicts for c in v.failures]
    else:
        assert dialog.outcome is not None and not dialog.outcome.ok
        assert "没有清单以外的文件" in shown and "说明.txt" in dialog.ui.resultView.toPlainText()


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
