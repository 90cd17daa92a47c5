"""The main window on a real SQLCipher store: list, counts, search, stage filter, sort, detail
pane, remembered state, the demo-case offer on an empty store, and a light start path."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QMainWindow, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.demo import demo_cases
from rongcuo_desktop.paths import demo_cases_file
from rongcuo_desktop.services import accounts, unlock
from rongcuo_desktop.services.cases import CaseList
from rongcuo_desktop.services.workspace import Workspace
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.locking import StoreLock
from rongcuo_desktop.ui.shell.geometry import fits, saved_rects
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.startup.opening import PendingCases
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.conftest import REPO_ROOT
from tests.ui.conftest import action, open_window, person_of

PASSPHRASE = "秋天的稻田里有七只白鹭"


@pytest.fixture
def opened(data_dir: Path) -> Iterator[tuple[Store, KeyManager]]:
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    key = keys.create(PASSPHRASE, require_passphrase_each_start=True)
    store = Store.create(data_dir, key)
    yield store, keys
    store.close()


def make_window(
    qtbot: QtBot, runner: TaskRunner, store: Store, keys: KeyManager, data_dir: Path
) -> MainWindow:
    settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    return open_window(qtbot, runner, store, person_of(store), keys=keys, settings=settings).window


def shown_rows(window: MainWindow) -> list[tuple[str, ...]]:
    model = window.cases.model
    return [
        tuple(str(model.data(model.index(r, c)) or "") for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def wait_idle(qtbot: QtBot, window: MainWindow, runner: TaskRunner) -> None:
    model = window.cases.model
    qtbot.waitUntil(lambda: not model.loading and not runner.busy, timeout=20000)
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: all(model.is_row_fetched(r) for r in range(model.rowCount())), timeout=20000)


def test_list_counts_search_filter_sort_and_detail(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    store, keys = opened
    added = store.add_demo_cases()
    assert added == len(demo_cases(demo_cases_file())) >= 6
    window = make_window(qtbot, runner, store, keys, data_dir)

    # Given the demo cases, then all are listed and the status bar counts them.
    wait_idle(qtbot, window, runner)
    assert window.cases.model.rowCount() == added
    assert f"共 {added} 件" in window.cases.counts_label.text()
    assert window.demo.offer_box is None  # not empty: no offer
    headers = [window.cases.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["文号", "当事人", "单位", "领域", "阶段", "申请日期", "结论"]

    # When a name is typed into the search box, then after the debounce only matching cases remain.
    name = demo_cases(demo_cases_file())[0].party_name
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=15000):
        window.cases.search_edit.setText(name)
    wait_idle(qtbot, window, runner)
    rows = shown_rows(window)
    assert rows and all(name in row[1] for row in rows)
    assert "显示" in window.cases.counts_label.text()

    # When the search is cleared and a stage is picked, then only that stage shows.
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=15000):
        window.cases.search_edit.clear()
    stage = demo_cases(demo_cases_file())[0].stage
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=15000):
        window.cases.stage_combo.setCurrentIndex(window.cases.stage_combo.findData(stage.value))
    wait_idle(qtbot, window, runner)
    assert {row[4] for row in shown_rows(window)} == {stage.label}
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=15000):
        window.cases.stage_combo.setCurrentIndex(0)

    # When the 文号 header is clicked, then the list is re-queried in that order.
    header = window.cases.table.horizontalHeader()
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=15000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_center(header, 0))
    assert window.cases.model.query.sort_column == "doc_no"
    wait_idle(qtbot, window, runner)
    doc_nos = [row[0] for row in shown_rows(window)]
    assert len(doc_nos) == added

    # When a row is selected, then the detail pane shows that case.
    window.cases.table.selectRow(0)
    qtbot.waitUntil(lambda: window.cases.detail.shown_doc_no == doc_nos[0], timeout=15000)
    assert window.cases.detail.facts.isReadOnly() and window.cases.detail.facts.toPlainText()


def _center(header: QHeaderView, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_window_state_is_remembered_in_the_data_folder(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    store, keys = opened
    window = make_window(qtbot, runner, store, keys, data_dir)
    window.cases.table.horizontalHeader().resizeSection(2, 333)
    window.cases.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    window.close()
    assert (data_dir / "ui.ini").is_file()

    again = make_window(qtbot, runner, store, keys, data_dir)
    assert again.cases.table.horizontalHeader().sectionSize(2) == 333
    assert again.cases.model.query.sort_column == "party_name" and not again.cases.model.query.descending


def saved_geometry(qtbot: QtBot, x: int, y: int, width: int, height: int) -> QByteArray:
    """What ui.ini holds after a window of that size was closed (QWidget.saveGeometry)."""
    widget = QMainWindow()
    qtbot.addWidget(widget)
    widget.setGeometry(x, y, width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.saveGeometry()


@pytest.mark.parametrize("fitting", [True, False], ids=["fits", "saved on a larger screen"])
def test_saved_geometry_is_restored_only_when_it_fits_the_screen(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path, fitting: bool
) -> None:
    """Given a window place saved in ui.ini, when the window opens on this screen, then a place that
    fits comes back as it was, and one saved on a larger screen (1366 wide, the screen here is
    narrower) gives the first start's window, filling the screen, not a shrunk one in a corner."""
    store, keys = opened
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.width() < 1366
    wanted = QRect(40, 50, 500, 400) if fitting else QRect(10, 20, 1366, 700)
    assert saved_rects(saved_geometry(qtbot, *wanted.getRect())) is not None
    settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/geometry", saved_geometry(qtbot, *wanted.getRect()))
    settings.sync()
    window = make_window(qtbot, runner, store, keys, data_dir)
    if fitting:
        assert window.geometry() == wanted
    else:  # the first start's window: the whole screen (the offscreen platform adds a 2-pixel frame)
        assert window.size() == screen.size()


def test_fits_reads_the_saved_geometry() -> None:
    """A saved geometry that cannot be read never fits (the first start's window is used instead)."""
    assert not fits(QByteArray(b"not a geometry"), [QRect(0, 0, 4000, 4000)])
    assert not fits(QByteArray(), [QRect(0, 0, 4000, 4000)])


def test_empty_store_offers_the_demo_cases(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    """Given a fresh, empty store, when the window opens, then it offers the demo cases; accepting
    adds them and the list fills."""
    store, keys = opened
    window = make_window(qtbot, runner, store, keys, data_dir)
    offer = window.demo
    qtbot.waitUntil(lambda: offer.offer_box is not None and offer.offer_box.isVisible(), timeout=15000)
    assert offer.offer_box is not None
    with qtbot.waitSignal(window.context.cases_changed, timeout=20000):
        offer.offer_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(
        lambda: window.cases.model.rowCount() == len(demo_cases(demo_cases_file())), timeout=20000
    )
    assert store.cases.count(by=person_of(store)) == len(demo_cases(demo_cases_file()))


def test_require_passphrase_toggle_reflects_no_credential_store(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    store, keys = opened
    window = make_window(qtbot, runner, store, keys, data_dir)
    require = action(window, "requirePassphraseAction")
    assert require.isCheckable() and require.isChecked() and not require.isEnabled()
    titles = [a.text() for a in window.menuBar().actions()]
    assert [t.split("(")[0] for t in titles] == ["文件", "案件", "视图", "数据", "报告", "人员", "帮助"]


def test_start_path_keeps_pdf_libraries_unloaded(tmp_path: Path) -> None:
    """Given a store with cases and a fresh interpreter, when the real entry point (app.main) runs
    until its main window shows a filled list, then neither reportlab nor pyHanko has been imported,
    nor alembic (the schema is current: one SQL query says so)."""
    data = tmp_path / "d"
    keys = KeyManager(data, kdf_target_seconds=0.05)
    store = Store.create(data, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    store.add_demo_cases()
    store.close()
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from rongcuo_desktop.ui import app as app_module
        found = {{}}

        def poll():
            for widget in QApplication.topLevelWidgets():
                cases = getattr(widget, "cases", None)
                model = getattr(cases, "model", None)
                if widget.isVisible() and model is not None and model.is_row_fetched(0):
                    found["loaded"] = sorted(
                        m for m in sys.modules if m.split(".")[0] in ("reportlab", "pyhanko", "alembic")
                    )
                    app.quit()
                    return
            QTimer.singleShot(20, poll)

        QTimer.singleShot(20, poll)
        code = app_module.main(["--data-dir", {str(data)!r}])
        print("EXIT", code, "LOADED", found.get("loaded"))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RONGCUO_PASSPHRASE_FILE": str(secret)}
    env.pop("RONGCUO_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO_ROOT, env=env
    )
    assert "EXIT 0 LOADED []" in result.stdout, result.stdout + result.stderr[-3000:]


def open_for_look(data_dir: Path, key: bytes, lock: StoreLock, source: PendingCases) -> Workspace:
    """As the start-up opens the store after the first look: with its lock, its source fed."""
    workspace = unlock.open_store(data_dir, key, file_lock=lock)
    setup = accounts.setup_person(workspace)
    assert setup is not None
    source.arrived(CaseList(workspace, setup))
    return workspace


def header_sorted_by(column: int, order: Qt.SortOrder) -> QByteArray:
    """A saved header state (as in ui.ini) sorted by `column`, from a table of the list's shape."""
    view = QTableView()
    view.setModel(QStandardItemModel(0, 7, view))
    view.horizontalHeader().setSortIndicator(column, order)
    state = view.horizontalHeader().saveState()
    view.deleteLater()
    return state


@pytest.mark.parametrize("case", ["cases", "empty", "header sorted otherwise"])
def test_a_window_shown_before_its_store_asks_nothing_until_the_store_comes(
    qtbot: QtBot, runner: TaskRunner, data_dir: Path, case: str
) -> None:
    """Given the first look at a real store (store/first_look.py) and a window built from it with no
    store, when it has painted (an empty list too), then it asks for its store with first_painted,
    and only then do the counts, the detail and the whole order come, from the store attached.
    A header saved in another order than the list's keys (an older ui.ini) gets its list with the
    store, without asking the store before it is there (no error box)."""
    from rongcuo_desktop.store.case_list import CaseQuery
    from rongcuo_desktop.store.first_look import first_look
    from rongcuo_desktop.ui.cases.table_model import PAGE_SIZE, FirstPage

    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    key = keys.create(PASSPHRASE, require_passphrase_each_start=True)
    with Store.create(data_dir, key) as store:
        if case != "empty":
            store.add_demo_cases()
    expected_total = 0 if case == "empty" else len(demo_cases(demo_cases_file()))
    settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    if case == "header sorted otherwise":
        settings.setValue("main/header", header_sorted_by(0, Qt.SortOrder.AscendingOrder))
    query = CaseQuery()  # what Startup reads from the list keys (none saved here)
    look = first_look(data_dir, key, query, PAGE_SIZE)
    assert look is not None
    source = PendingCases()
    window = MainWindow(
        None,
        None,
        runner,
        settings,
        data_dir,
        credential_store_usable=False,
        first_page=FirstPage(query, look.ids, look.rows, None),
        source=source,
    )
    qtbot.addWidget(window)
    failures: list[str] = []
    window.cases.model.query_failed.connect(failures.append)
    asked: list[Workspace] = []

    def open_store() -> None:
        runner.run_db(open_for_look, data_dir, key, look.lock, source, receiver=window, done=asked.append)

    window.first_painted.connect(open_store)
    assert not window.demo.action.isEnabled()
    window.show()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert window.cases.counts_label.text() == ""  # nothing was asked of the store before it came
    seeded = case == "cases"
    assert window.cases.model.rowCount() == (expected_total if seeded else 0)
    opened = asked[0]
    window.attach(opened, person_of(opened.store))
    try:
        qtbot.waitUntil(lambda: bool(window.cases.counts_label.text()), timeout=20000)
        wait_idle(qtbot, window, runner)
        assert f"共 {expected_total} 件" in window.cases.counts_label.text()
        assert window.demo.action.isEnabled()
        ids = opened.store.cases.ids(window.cases.model.query, by=window.context.person)
        rows = opened.store.cases.rows(ids, by=window.context.person)
        assert [row[0] for row in shown_rows(window)] == [rows[case_id].doc_no for case_id in ids]
        if case == "header sorted otherwise":
            assert (
                window.cases.model.query.sort_column == "doc_no" and not window.cases.model.query.descending
            )
        if expected_total:
            qtbot.waitUntil(
                lambda: window.cases.detail.shown_doc_no == shown_rows(window)[0][0], timeout=20000
            )
        else:
            qtbot.waitUntil(
                lambda: window.demo.offer_box is not None, timeout=20000
            )  # the empty store's offer
        assert failures == [] and window.cases.error_box is None
    finally:
        window.close()
        done: list[object] = []
        runner.run_db(opened.close, receiver=runner, done=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=20000)
