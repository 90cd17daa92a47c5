"""Translations: Chinese first (Qt's own strings in Chinese too), English complete, choice by --lang /
RONGCUO_LANG and never by the system locale, the committed .ts up to date, the .qm built at install."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from rongcuo_desktop import paths
from rongcuo_desktop.domain.case import ApplicantType, CaseType, Conclusion, Stage
from rongcuo_desktop.domain.roles import Action, Role
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui import i18n, labels
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.conftest import REPO_ROOT

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
PASSPHRASE = "秋天的稻田里有七只白鹭"


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], list[str]]]:
    """Install translators for one test; afterwards the app is back to the bare Chinese sources."""

    def use(code: str) -> list[str]:
        return i18n.install_translators(qapp, code)

    yield use
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale.system())


def test_committed_translations_are_current_and_complete() -> None:
    """Given the UI sources, when lupdate runs again, then the committed .ts is identical and no
    message is unfinished or lost a placeholder or accelerator; the install compiled the .qm."""
    assert (paths.translations_dir() / "rongcuo_desktop_en.ts").is_file()
    assert (paths.translations_dir() / "rongcuo_desktop_en.qm").is_file()
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert 'type="unfinished"' not in (paths.translations_dir() / "rongcuo_desktop_en.ts").read_text("utf-8")


def test_every_domain_label_is_marked_for_translation() -> None:
    marked = {(context, str(text)) for context, text in labels.MARKED}
    for enum in (Stage, CaseType, ApplicantType, Conclusion, Role, Action):
        for member in enum:
            assert (enum.__name__, member.label) in marked, f"{enum.__name__}.{member.name}"


def test_language_is_chinese_unless_asked_whatever_the_system_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert i18n.chosen_language(None) == "zh_CN"
    monkeypatch.setenv(i18n.LANG_ENV, "en_US")
    assert i18n.chosen_language(None) == "en"
    assert i18n.chosen_language("zh-CN") == "zh_CN"  # --lang wins over the environment
    monkeypatch.setenv(i18n.LANG_ENV, "klingon")
    assert i18n.chosen_language(None) == "zh_CN"  # a bad variable is logged, not fatal


def test_lang_option_is_checked_before_qt_starts() -> None:
    from rongcuo_desktop.ui.app import build_parser

    assert build_parser().parse_args(["--lang", "en"]).lang == "en"
    assert build_parser().parse_args([]).lang is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "fr"])


def test_chinese_ui_shows_qt_standard_buttons_in_chinese(
    qtbot: QtBot, language: Callable[[str], list[str]]
) -> None:
    """Given the default language, then Qt's own strings (message box and dialog buttons, a line
    edit's context menu) are Chinese, not English."""
    assert language("zh_CN") == ["qtbase_zh_CN"]
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "标题",
        "正文",
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Ok).text() == "确定"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QMessageBox.StandardButton.Yes).text().startswith("是")
    assert box.button(QMessageBox.StandardButton.No).text().startswith("否")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert any("复制" in text for text in texts) and any("粘贴" in text for text in texts), texts


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action.text()
        if action.toolTip():
            yield action.toolTip()
        if isinstance(action.menu(), QMenu):
            yield from _menu_texts(action.menu())  # type: ignore[arg-type]


def test_english_main_window_has_no_chinese_in_its_chrome(
    qtbot: QtBot, language: Callable[[str], list[str]], runner: TaskRunner, data_dir: Path
) -> None:
    """Given --lang en and a store with the demo cases, when the main window opens with its 数据 and
    人员 menus, then menus, toolbar, stage filter, column headers and status bar carry no Chinese."""
    from tests.ui.conftest import open_window, person_of

    assert language("en") == ["rongcuo_desktop_en"]
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    store = Store.create(data_dir, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    try:
        store.add_demo_cases()
        store.guard.read_only_reason = "测试"  # the read-only banner speaks English too
        window = open_window(qtbot, runner, store, person_of(store), keys=keys).window
        qtbot.waitUntil(lambda: "|" in window.cases.counts_label.text(), timeout=20000)
        gate = window.context.gate

        assert gate.banner.isVisible()
        texts = [
            window.windowTitle(),
            window.cases.search_edit.placeholderText(),
            window.cases.counts_label.text(),
        ]
        texts += [gate.banner.text.text(), gate.banner.acknowledge_button.text()]
        for action in window.menuBar().actions():
            texts.append(action.text())
            if isinstance(action.menu(), QMenu):
                texts += list(_menu_texts(action.menu()))  # type: ignore[arg-type]
        texts += [a.text() for a in window.findChildren(QAction) if a.text()]
        stages = window.cases.stage_combo
        texts += [stages.itemText(i) for i in range(stages.count())]
        model = window.cases.model
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        chinese = [text for text in texts if HAN.search(text)]
        assert not chinese, chinese
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["&File", "&Cases"] and titles[-1] == "&Help", titles
        assert "&Data" in titles and "&People" in titles
        assert "cases" in window.cases.counts_label.text()
    finally:
        store.close()


def test_qt_translations_are_found_in_a_pyinstaller_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a bundle whose Qt reports no translations folder, then the bundle's copy is used."""
    folder = tmp_path / "_internal" / "PySide6" / "Qt" / "translations"
    folder.mkdir(parents=True)
    (folder / "qtbase_zh_CN.qm").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setattr(i18n.QLibraryInfo, "path", lambda _which: str(tmp_path / "nowhere"))
    assert i18n.qt_translations_dir() == folder
