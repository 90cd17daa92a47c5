"""数据 → 导出选中案件… / 导出全部案件… / 导入案件… in the main window, as the app builds it: real
SQLCipher stores, the real task runner, pytest-qt offscreen. The file chooser is answered by
monkeypatching; message boxes and dialogs are opened non-blocking and answered by clicking."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.case_collection import parse_transfer
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store import transfer as store_transfer
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.data import transfer as case_transfer
from rongcuo_desktop.ui.data.transfer import CaseTransferActions, default_export_name
from rongcuo_desktop.ui.data.transfer_dialogs import (
    ImportIssuesDialog,
    ImportPreviewDialog,
    field_place,
    grouped_notes,
    readable_note,
)
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import open_window, person_of

OnChosen = Callable[[Path], None]

PASSPHRASE = "导入导出界面测试口令 heron"
PINS = {"王主任": "111186", "李秘书": "222286", "张委员": "333386"}


@dataclass
class Opening:
    window: MainWindow
    transfer: CaseTransferActions


def make_store(folder: Path, *, demo: bool = True) -> Store:
    keys = KeyManager(folder, kdf_target_seconds=0.05)
    store = Store.create(folder, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    store.accounts.add("王主任", Role.CHAIR, PINS["王主任"])
    acting = store.authenticate("王主任", PINS["王主任"])
    store.accounts.add("李秘书", Role.SECRETARY, PINS["李秘书"], by=acting)
    store.accounts.add("张委员", Role.MEMBER, PINS["张委员"], by=acting)
    if demo:
        store.add_demo_cases(by=acting)
    return store


def counts(store: Store) -> tuple[int, int]:
    """(cases, audit events): what a refused or cancelled import must leave as it was."""
    with store.read_session() as session:
        cases = session.execute(text("SELECT count(*) FROM cases")).scalar_one()
        events = session.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
    return int(cases), int(events)


def last_event(store: Store) -> tuple[str, str]:
    with store.read_session() as session:
        row = session.execute(
            text("SELECT action, actor_name FROM audit_events ORDER BY id DESC LIMIT 1")
        ).one()
    return str(row[0]), str(row[1])


@pytest.fixture
def source(data_dir: Path, qtbot: QtBot, runner: TaskRunner) -> Iterator[Store]:
    """The demo cases and three people: 王主任 (主任), 李秘书 (秘书), 张委员 (委员)."""
    store = make_store(data_dir)
    yield store
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
    store.close()


@pytest.fixture
def target(tmp_path: Path, qtbot: QtBot, runner: TaskRunner) -> Iterator[Store]:
    """A second store (another committee PC) with the same three people and no cases."""
    store = make_store(tmp_path / "second", demo=False)
    yield store
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)  # the list's last queries use it
    store.close()


@pytest.fixture
def open_as(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> Callable[[Store, str], Opening]:
    """The person signs in, then the window is built as the app builds it (its features too)."""

    def opening(store: Store, name: str) -> Opening:
        settings = QSettings(str(tmp_path / f"ui-{id(store)}.ini"), QSettings.Format.IniFormat)
        opened = open_window(qtbot, runner, store, person_of(store, name, PINS[name]), settings=settings)
        return Opening(opened.window, opened.all.transfer)

    return opening


@pytest.fixture
def exported(source: Store, tmp_path: Path) -> Path:
    """Every case of the source store exported by its 主任 (the file a second PC imports)."""
    path = tmp_path / "demo.json"
    source.transfer.export(path, collection=True, by=person_of(source, "王主任", PINS["王主任"]))
    return path


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The save dialog answers `target`; returns the suggested paths it was shown."""
    offered: list[str] = []

    def answer(
        _parent: object,
        _title: str,
        suggested: Path,
        _filter: str,
        chosen: Callable[[Path], None],
        *,
        save: bool = False,
    ) -> None:
        assert save
        offered.append(str(suggested))
        chosen(target)

    monkeypatch.setattr(case_transfer, "choose_file", answer)
    return offered


def open_file(monkeypatch: pytest.MonkeyPatch, chosen: Path) -> None:
    def answer(
        _parent: object, _title: str, _start: Path, _filter: str, then: Callable[[Path], None]
    ) -> None:
        then(chosen)

    monkeypatch.setattr(case_transfer, "choose_file", answer)


def select_rows(window: MainWindow, rows: list[int]) -> None:
    chooser = window.cases.table.selectionModel()
    chooser.clearSelection()
    for row in rows:
        chooser.select(
            window.cases.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def click(box: Any, button: QMessageBox.StandardButton) -> None:
    box.button(button).click()


def test_export_selected_cases_warns_then_writes_an_audited_collection(
    open_as: Callable[[Store, str], Opening],
    source: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given 李秘书 with three cases selected, when 导出选中案件… is chosen, then the save dialog
    suggests a dated name, a warning says the file is not encrypted and holds personal data, and
    after 明白，导出 the file is a valid collection of exactly those cases, the store has an EXPORT
    event by 李秘书, and a message says how many cases went to which file."""
    o = open_as(source, "李秘书")
    select_rows(o.window, [0, 2, 3])
    wanted = [o.window.cases.model.index(r, 0).data() for r in (0, 2, 3)]
    target = tmp_path / "U盘" / "三件.json"
    target.parent.mkdir()
    offered = save_as(monkeypatch, target)
    before = counts(source)

    o.transfer.export_selected_action.trigger()
    assert offered and Path(offered[0]).name == f"容错案件导出-{dt.date.today().isoformat()}.json"
    warning = o.transfer.dialog
    assert isinstance(warning, QMessageBox) and warning.isVisible()
    assert "没有加密" in warning.text()
    assert "个人信息" in warning.informativeText() and "受保护的介质" in warning.informativeText()
    assert "选中的 3 件案件" in warning.informativeText() and str(target) in warning.informativeText()
    assert not target.exists()
    with qtbot.waitSignal(o.transfer.exported, timeout=20000):
        click(warning, QMessageBox.StandardButton.Ok)

    transfer = parse_transfer(json.loads(target.read_text(encoding="utf-8")), "导出")
    assert transfer.collection and [cf.case.doc_no for cf in transfer.cases] == wanted
    assert last_event(source) == ("export", "李秘书")
    assert counts(source) == (before[0], before[1] + 1)
    done = o.transfer.dialog
    assert isinstance(done, QMessageBox)
    assert "已导出 3 件案件" in done.text() and str(target) in done.text()
    assert not list(target.parent.glob(".*.part"))


def test_export_refused_at_the_warning_writes_nothing(
    open_as: Callable[[Store, str], Opening],
    source: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    o = open_as(source, "王主任")
    target = tmp_path / "all.json"
    save_as(monkeypatch, target)
    before = counts(source)
    o.transfer.export_all_action.trigger()
    warning = o.transfer.dialog
    assert isinstance(warning, QMessageBox) and "全部案件" in warning.informativeText()
    click(warning, QMessageBox.StandardButton.Cancel)
    assert not target.exists() and counts(source) == before and not o.transfer.busy


def test_nothing_selected_is_explained(
    open_as: Callable[[Store, str], Opening], source: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    o = open_as(source, "李秘书")
    o.window.cases.table.selectionModel().clearSelection()
    offered = save_as(monkeypatch, tmp_path / "x.json")
    o.transfer.export_selected_action.trigger()
    assert offered == [] and "请先在案件列表中选择" in o.transfer.last_message


def test_cancel_during_an_export_leaves_no_file_and_no_event(
    open_as: Callable[[Store, str], Opening],
    source: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given 导出全部案件… writing one case per step and held after the first, when 取消 is pressed,
    then the dialog says 正在取消… until the worker stops, no file (nor .part) is left, and the store
    has no EXPORT event."""
    o = open_as(source, "王主任")
    target = tmp_path / "all.json"
    save_as(monkeypatch, target)
    monkeypatch.setattr(store_transfer, "EXPORT_CHUNK", 1)
    go = threading.Event()
    original = store_transfer.CaseTransfer._case_files
    calls: list[int] = []

    def held(self: Any, ids: Any) -> Any:
        calls.append(len(ids))
        if len(calls) > 1:
            go.wait(10)
        return original(self, ids)

    monkeypatch.setattr(store_transfer.CaseTransfer, "_case_files", held)
    before = counts(source)
    o.transfer.export_all_action.trigger()
    click(o.transfer.dialog, QMessageBox.StandardButton.Ok)
    progress = o.transfer.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() >= 1, timeout=20000)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    cancel.click()
    assert progress.labelText() == "正在取消…" and not cancel.isEnabled()
    go.set()
    qtbot.waitUntil(lambda: not o.transfer.busy, timeout=20000)
    assert "导出已取消" in o.transfer.last_message
    assert not target.exists() and not list(tmp_path.glob(".*.part"))
    assert counts(source) == before


def test_import_previews_then_adds_the_cases_and_shows_them(
    open_as: Callable[[Store, str], Opening],
    exported: Path,
    target: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given all demo cases exported from one store, and a second store where one 文号 already exists
    and a search hides the rest, when 王主任 chooses 导入案件…, then the preview shows the cases to add,
    the existing 文号 (to be skipped, never overwritten) and writes nothing; after 跳过已有案件，导入其余
    the list shows every case with the new ones selected, one IMPORT event per case."""
    doc_nos = [cf.case.doc_no for cf in parse_transfer(json.loads(exported.read_text("utf-8")), "x").cases]
    chair = person_of(target, "王主任", PINS["王主任"])
    target.cases.add(
        Case(doc_no=doc_nos[0], party_name="另一件", party_unit="某局", party_position="科员"), by=chair
    )
    o = open_as(target, "王主任")
    o.window.cases.search_edit.setText("另一件")
    qtbot.waitUntil(
        lambda: o.window.cases.model.query.text == "另一件" and not o.window.cases.model.loading,
        timeout=10000,
    )
    before = counts(target)
    open_file(monkeypatch, exported)

    o.transfer.import_action.trigger()
    qtbot.waitUntil(lambda: isinstance(o.transfer.dialog, ImportPreviewDialog), timeout=20000)
    preview = o.transfer.dialog
    assert isinstance(preview, ImportPreviewDialog)
    assert counts(target) == before  # the check writes nothing
    todo = len(doc_nos) - 1
    assert f"将导入 {todo} 件案件" in preview.ui.summaryLabel.text()
    assert preview.ui.casesTree.topLevelItemCount() == todo
    assert preview.ui.existingBox.isVisible()
    assert [preview.ui.existingList.item(i).text() for i in range(preview.ui.existingList.count())] == [
        doc_nos[0]
    ]
    assert "认定结论" in preview.ui.notesEdit.toPlainText()
    assert preview.import_button is not None
    assert preview.import_button.text() == f"跳过已有案件，导入其余 {todo} 件"

    with qtbot.waitSignal(o.transfer.imported, timeout=30000) as done:
        preview.import_button.click()
    report = done.args[0]
    assert list(report.imported) == doc_nos[1:] and list(report.skipped_existing) == doc_nos[:1]
    assert counts(target) == (before[0] + todo, before[1] + todo)
    assert last_event(target) == ("import", "王主任")
    window = o.window
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == len(doc_nos), timeout=10000)
    assert window.cases.search_edit.text() == ""  # the filter that hid them is gone
    qtbot.waitUntil(
        lambda: (
            {window.cases.model.case_id(i.row()) for i in window.cases.table.selectionModel().selectedRows()}
            == set(report.case_ids)
        ),
        timeout=10000,
    )
    message = o.transfer.dialog
    assert isinstance(message, QMessageBox) and f"已导入 {todo} 件案件" in message.text()
    assert doc_nos[0] in message.informativeText()


def test_a_bad_file_lists_every_problem_and_changes_nothing(
    open_as: Callable[[Store, str], Opening],
    exported: Path,
    target: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given a collection whose second case has a score level of 7 and an unknown stage, when it is
    imported, then a dialog lists each problem with its place in words (第 2 件案件 › … › 等级) and the
    exact path as tooltip, and the store has the same cases and the same audit trail."""
    data = json.loads(exported.read_text(encoding="utf-8"))
    second = data["cases"][1]
    second["case"]["stage"] = "天上"
    second["members"] = [
        {"id": "m1", "name": "某委员", "role": "fixed", "scores": {"motive": {"level": 7, "rationale": "x"}}}
    ]
    bad = tmp_path / "坏文件.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    o = open_as(target, "王主任")
    before = counts(target)
    open_file(monkeypatch, bad)
    o.transfer.import_action.trigger()
    qtbot.waitUntil(lambda: isinstance(o.transfer.dialog, ImportIssuesDialog), timeout=20000)
    dialog = o.transfer.dialog
    assert isinstance(dialog, ImportIssuesDialog) and dialog.isVisible()
    assert "坏文件.json" in dialog.ui.messageLabel.text() and "2 处问题" in dialog.ui.messageLabel.text()
    table = dialog.ui.issuesTable
    rows = {table.item(r, 0).toolTip(): (table.item(r, 0).text(), table.item(r, 1).text()) for r in range(2)}
    doc_no = second["case"]["doc_no"]
    place, message = rows["cases[1].members[0].scores.motive.level"]
    assert place == f"第 2 件案件（{doc_no}） › 第 1 位委员 › 评分 › 动机态度 › 等级"
    assert "1 到 5" in message
    assert rows["cases[1].case.stage"][0] == f"第 2 件案件（{doc_no}） › 案件信息 › 阶段"
    assert "数据库没有任何改动" in dialog.ui.hintLabel.text()
    dialog.copy_button.click()
    assert "cases[1].case.stage" in dialog.lines[0] + dialog.lines[1]
    assert counts(target) == before
    assert not o.transfer.busy


def test_a_secretary_may_not_import_decisions(
    open_as: Callable[[Store, str], Opening],
    exported: Path,
    target: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The demo cases carry conclusions: imported by a 秘书, the file is refused naming 认定结论."""
    o = open_as(target, "李秘书")
    before = counts(target)
    open_file(monkeypatch, exported)
    o.transfer.import_action.trigger()
    qtbot.waitUntil(lambda: isinstance(o.transfer.dialog, ImportIssuesDialog), timeout=20000)
    dialog = o.transfer.dialog
    assert isinstance(dialog, ImportIssuesDialog)
    places = [dialog.ui.issuesTable.item(r, 0).text() for r in range(dialog.ui.issuesTable.rowCount())]
    assert places and all(p.endswith("案件信息 › 认定结论") for p in places)
    assert "秘书无权导入认定结论" in dialog.ui.issuesTable.item(0, 1).text()
    assert counts(target) == before


def test_cancel_during_an_import_changes_nothing(
    open_as: Callable[[Store, str], Opening],
    exported: Path,
    target: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    o = open_as(target, "王主任")
    before = counts(target)
    go = threading.Event()
    original = store_transfer._BatchWriter.write
    written: list[int] = []

    def held(*args: Any) -> Any:
        written.append(1)
        if len(written) > 1:
            go.wait(10)
        return original(*args)

    # One case per batch, the second batch held: 取消 comes while the import is under way.
    monkeypatch.setattr(store_transfer, "IMPORT_BATCH", 1)
    monkeypatch.setattr(store_transfer._BatchWriter, "write", held)
    open_file(monkeypatch, exported)
    o.transfer.import_action.trigger()
    qtbot.waitUntil(lambda: isinstance(o.transfer.dialog, ImportPreviewDialog), timeout=20000)
    preview = o.transfer.dialog
    assert isinstance(preview, ImportPreviewDialog) and preview.import_button is not None
    preview.import_button.click()
    qtbot.waitUntil(
        lambda: (
            o.transfer.progress is not None
            and o.transfer.progress.value() >= 1
            and o.transfer.progress.isVisible()
        ),
        timeout=20000,
    )
    progress = o.transfer.progress
    assert progress is not None
    progress.reject()  # Esc is 取消 too
    assert progress.isVisible() and progress.labelText() == "正在取消…"
    go.set()
    qtbot.waitUntil(lambda: not o.transfer.busy, timeout=20000)
    assert "导入已取消" in o.transfer.last_message
    assert counts(target) == before


def test_who_is_offered_export_and_import(
    open_as: Callable[[Store, str], Opening], source: Store, tmp_path: Path
) -> None:
    """A 委员 sees neither; the 秘书 both; while read-only, import is disabled and export is not."""
    member = open_as(source, "张委员")
    assert not any(action.isVisible() for action in member.transfer.actions)
    secretary = open_as(source, "李秘书")
    assert all(action.isVisible() and action.isEnabled() for action in secretary.transfer.actions)
    menu_texts = [
        a.text()
        for m in secretary.window.menuBar().actions()
        if m.text() == "数据(&D)"
        for a in m.menu().actions()
    ]
    assert {"导出选中案件…", "导出全部案件…", "导入案件…"} <= set(menu_texts)
    source.guard.read_only_reason = "测试：审计异常"
    chair = open_as(source, "王主任")
    assert chair.transfer.export_all_action.isEnabled() and chair.transfer.export_selected_action.isEnabled()
    assert chair.transfer.import_action.isVisible() and not chair.transfer.import_action.isEnabled()


def test_places_in_words() -> None:
    assert field_place("") == "整个文件"
    assert field_place("case.doc_no") == "案件信息 › 文号"
    assert field_place("members[2].scores.conditions.level") == "第 3 位委员 › 评分 › 客观条件 › 等级"
    assert field_place("checklist.conditions.c1") == "研判清单 › 条件 › c1"
    assert field_place("cases[0].checklist.situations[1]", ["容错〔2026〕3号"]) == (
        "第 1 件案件（容错〔2026〕3号） › 研判清单 › 第 2 项情形"
    )
    assert (
        readable_note("cases[0].case.rulebook：本机没有安装规则库")
        == "第 1 件案件 › 案件信息 › 规则库：本机没有安装规则库"
    )
    assert readable_note("一句话：没有位置") == "一句话：没有位置"


def test_the_same_warning_for_many_cases_is_one_line() -> None:
    """A large file where 13,000 decisions carry no reason gave 13,000 paragraphs: now one line that
    counts them; a warning for a few cases stays one line each."""
    doc_nos = [f"容错〔2026〕{n}号" for n in range(1, 101)]
    unexplained = "认定结论“不予容错”与建议不同，文件中没有写明理由"
    warnings = [f"cases[{i}].decision_note：{unexplained}" for i in range(100)]
    warnings += ["cases[7].case.rulebook：本机没有安装规则库 'x@1'", "一条没有位置的提示"]
    lines = grouped_notes(warnings, doc_nos)
    assert lines == [
        "一条没有位置的提示",
        f"100 件案件（容错〔2026〕1号、容错〔2026〕2号、容错〔2026〕3号 等） › 认定说明：{unexplained}",
        "第 8 件案件（容错〔2026〕8号） › 案件信息 › 规则库：本机没有安装规则库 'x@1'",
    ]


def test_default_export_name_does_not_take_an_existing_file(tmp_path: Path) -> None:
    day = dt.date(2026, 12, 1)
    assert default_export_name(tmp_path, day, "容错案件导出") == "容错案件导出-2026-12-01.json"
    (tmp_path / "容错案件导出-2026-12-01.json").write_text("{}")
    assert default_export_name(tmp_path, day, "容错案件导出") == "容错案件导出-2026-12-01-2.json"


def test_preview_of_a_file_whose_cases_all_exist_offers_nothing(qtbot: QtBot) -> None:
    from rongcuo_desktop.store.transfer import ImportPlan, PlannedCase

    plan = ImportPlan(
        collection=False,
        cases=(PlannedCase(0, "容错〔2026〕1号", True, (), (), False),),
        warnings=(),
        sha256="0" * 64,
    )
    dialog = ImportPreviewDialog("一件.json", plan)
    qtbot.addWidget(dialog)
    assert dialog.import_button is None and dialog.to_import == 0
    assert "都已存在" in dialog.ui.summaryLabel.text()
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "关闭"
