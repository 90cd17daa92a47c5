"""The list's filters in the real window on a real SQLCipher store: they combine with the search
and the stage, a saved filter comes back whole, a bad name is refused in the dialog (nothing lost),
and screenshots at 1024x768 and 1920x1080 are taken for a person to look at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import CaseType, Stage
from rongcuo_desktop.domain.demo import demo_cases
from rongcuo_desktop.paths import demo_cases_file
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.shell.main_window import MainWindow
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import open_window, person_of

SHOTS_ENV = "RONGCUO_SCREENSHOTS"  # a folder: the test saves its screenshots there


@pytest.fixture
def opened(data_dir: Path) -> Iterator[tuple[Store, KeyManager]]:
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    key = keys.create("秋天的稻田里有七只白鹭", require_passphrase_each_start=True)
    store = Store.create(data_dir, key)
    store.add_demo_cases()
    yield store, keys
    store.close()


def window_on(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> MainWindow:
    store, keys = opened
    settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    window = open_window(qtbot, runner, store, person_of(store), keys=keys, settings=settings).window
    settle(qtbot, window, runner)
    bar = window.cases.filter_bar
    qtbot.waitUntil(lambda: bar.field_combo.count() > 1 and bar.year_combo.count() > 1, timeout=20000)
    return window


def settle(qtbot: QtBot, window: MainWindow, runner: TaskRunner) -> None:
    model = window.cases.model
    qtbot.waitUntil(lambda: not model.loading and not runner.busy, timeout=20000)
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: all(model.is_row_fetched(r) for r in range(model.rowCount())), timeout=20000)


def shown_doc_nos(window: MainWindow) -> list[str]:
    model = window.cases.model
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


def expected(**wanted: object) -> set[str]:
    return {
        c.doc_no for c in demo_cases(demo_cases_file()) if all(getattr(c, k) == v for k, v in wanted.items())
    }


def choose(qtbot: QtBot, window: MainWindow, runner: TaskRunner, combo_name: str, value: object) -> None:
    bar = window.cases.filter_bar
    combo = getattr(bar, combo_name)
    index = combo.findData(value)
    assert index > 0, (combo_name, value)
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=20000):
        combo.setCurrentIndex(index)
    settle(qtbot, window, runner)


def test_filters_combine_with_the_search_and_the_stage(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    window = window_on(qtbot, runner, opened, data_dir)
    bar = window.cases.filter_bar
    assert set(shown_doc_nos(window)) == expected()
    assert bar.field_combo.findData("应急管理") > 0 and bar.year_combo.findData(2026) > 0

    choose(qtbot, window, runner, "type_combo", CaseType.TOLERANCE.value)
    assert set(shown_doc_nos(window)) == expected(case_type=CaseType.TOLERANCE)
    choose(qtbot, window, runner, "year_combo", 2026)
    assert set(shown_doc_nos(window)) == expected(case_type=CaseType.TOLERANCE)  # all demo cases are 2026
    # The search box (facts too) on top of the two filters: 沙袋 is only in 5号's facts.
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=20000):
        window.cases.search_edit.setText("沙袋")
    settle(qtbot, window, runner)
    assert shown_doc_nos(window) == ["容错〔2026〕5号"]
    choose(qtbot, window, runner, "field_combo", "乡村振兴")
    assert shown_doc_nos(window) == []  # 5号 is 应急管理
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=20000):
        bar.clear()
    settle(qtbot, window, runner)
    assert shown_doc_nos(window) == ["容错〔2026〕5号"]  # the search stays; the filters went
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=20000):
        window.cases.stage_combo.setCurrentIndex(window.cases.stage_combo.findData(Stage.DECISION.value))
    settle(qtbot, window, runner)
    assert shown_doc_nos(window) == []


def test_a_saved_filter_comes_back_whole_and_a_bad_name_loses_nothing(
    qtbot: QtBot, runner: TaskRunner, opened: tuple[Store, KeyManager], data_dir: Path
) -> None:
    window = window_on(qtbot, runner, opened, data_dir)
    bar = window.cases.filter_bar
    choose(qtbot, window, runner, "type_combo", CaseType.CLEARANCE.value)
    wanted = set(shown_doc_nos(window))
    assert wanted == expected(case_type=CaseType.CLEARANCE) and wanted

    bar.save_action.trigger()
    dialog = bar.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.nameEdit.setText("澄清\u200b正名")  # an invisible character: the store refuses it
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "筛选名称" in dialog.ui.errorLabel.text(), timeout=20000)
    assert dialog.isVisible() and dialog.ui.nameEdit.text() == "澄清\u200b正名"  # nothing lost
    dialog.ui.nameEdit.setText("澄清正名案件")
    with qtbot.waitSignal(bar.saved_changed, timeout=20000):
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert bar.current_saved() == "澄清正名案件" and bar.delete_action.isEnabled()
    assert bar.saved_button.text() == "澄清正名案件"

    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=20000):
        bar.clear()
    settle(qtbot, window, runner)
    assert set(shown_doc_nos(window)) == expected()
    assert bar.current_saved() is None and not bar.delete_action.isEnabled()
    # Choosing it again (its menu entry) shows the saved query whole: the filter and the list.
    entry = next(a for a in bar.saved_menu.actions() if a.data() == "澄清正名案件")
    with qtbot.waitSignal(window.cases.model.ids_loaded, timeout=20000):
        entry.trigger()
    settle(qtbot, window, runner)
    assert set(shown_doc_nos(window)) == wanted
    assert bar.type_combo.currentData() == CaseType.CLEARANCE.value and entry.isChecked()
    with qtbot.waitSignal(bar.saved_changed, timeout=20000):
        bar.delete_action.trigger()
    assert bar.saved_names() == []


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_screenshots_of_the_list_with_filters(
    qtbot: QtBot,
    runner: TaskRunner,
    opened: tuple[Store, KeyManager],
    data_dir: Path,
    size: tuple[int, int],
) -> None:
    window = window_on(qtbot, runner, opened, data_dir)
    window.showNormal()
    window.resize(*size)
    choose(qtbot, window, runner, "type_combo", CaseType.TOLERANCE.value)
    choose(qtbot, window, runner, "year_combo", 2026)
    bar = window.cases.filter_bar
    # Every filter is reachable: on the narrow screen the bar scrolls instead of widening the window.
    assert window.width() <= size[0]
    scroller = bar.parentWidget().parentWidget()
    assert scroller.objectName() == "filterScroller"
    qtbot.waitUntil(lambda: window.cases.model.rowCount() > 0, timeout=20000)
    image = window.grab()
    assert image.width() == window.width() and not image.isNull()
    folder = os.environ.get(SHOTS_ENV)
    if folder:
        image.save(str(Path(folder) / f"case-list-filters-{size[0]}x{size[1]}.png"))
    assert bar.overdue_check.isVisibleTo(window) and bar.saved_button.isVisibleTo(window)
    assert Qt.SortOrder.DescendingOrder == window.cases.table.horizontalHeader().sortIndicatorOrder()
