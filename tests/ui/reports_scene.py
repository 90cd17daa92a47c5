"""What the 报告 menu's GUI tests share: a real SQLCipher store with the demo cases (four decided),
the chair, a secretary and a member, a signing identity; the main window opened as one of them; the
file choosers answered; the exported files checked with pyHanko and poppler."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from PySide6.QtCore import QItemSelectionModel, QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.reports.workflow import generate_identity
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.reports import ops
from rongcuo_desktop.ui.reports.actions import ReportActions
from rongcuo_desktop.ui.reports.verify_dialog import VerifyDialog
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import open_window, person_of, workspace_of

PASSPHRASE = "报告界面测试口令 egret"
PINS = {"王主任": "111186", "李秘书": "222286", "张委员": "333386"}
COMMITTEE = "某区容错免责委员会"
DECIDED = "容错〔2026〕1号"
UNDECIDED = "容错〔2026〕7号"
needs_pdfsig = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfsig", "pdffonts", "pdfinfo", "pdftotext")),
    reason="poppler-utils: `make sysdeps`",
)


def make_store(folder: Path, *, signing: bool = True) -> Store:
    """The demo cases (four decided), 王主任 (主任), 李秘书 (秘书), 张委员 (委员); a signing identity."""
    keys = KeyManager(folder, kdf_target_seconds=0.05)
    store = Store.create(folder, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    chair = person_of(store, "王主任", PINS["王主任"])
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=chair)
    store.accounts.add("张委员", Role.MEMBER, PINS["张委员"], by=chair)
    store.add_demo_cases(by=chair)
    if signing:
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


def poppler(tool: str, *args: str | Path) -> str:
    """What one of poppler's tools prints about a file (pdffonts, pdfinfo, pdftotext)."""
    done = subprocess.run([tool, *map(str, args)], capture_output=True, text=True, timeout=60)
    return done.stdout


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
