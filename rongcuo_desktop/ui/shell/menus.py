"""The main window's menus, made once in their order and found by object name, never by their
(translated) titles.

All of them exist from the window's first paint, so the menu bar does not change under the user's eyes
when the store opens: 数据, 报告 and 人员 stay disabled until their features fill them (shell/features.py).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu


class MenuName(StrEnum):
    """A menu's object name (QObject.objectName), in menu-bar order."""

    FILE = "fileMenu"
    CASES = "casesMenu"
    VIEW = "viewMenu"
    DATA = "dataMenu"
    REPORTS = "reportsMenu"
    PEOPLE = "peopleMenu"
    HELP = "helpMenu"


TITLES: dict[MenuName, object] = {
    MenuName.FILE: QT_TRANSLATE_NOOP("Menus", "文件(&F)"),
    MenuName.CASES: QT_TRANSLATE_NOOP("Menus", "案件(&C)"),
    MenuName.VIEW: QT_TRANSLATE_NOOP("Menus", "视图(&V)"),
    MenuName.DATA: QT_TRANSLATE_NOOP("Menus", "数据(&D)"),
    MenuName.REPORTS: QT_TRANSLATE_NOOP("Menus", "报告(&R)"),
    MenuName.PEOPLE: QT_TRANSLATE_NOOP("Menus", "人员(&P)"),
    MenuName.HELP: QT_TRANSLATE_NOOP("Menus", "帮助(&H)"),
}
# Filled by features once the store is open: disabled (and empty) until then.
FILLED_LATER = (MenuName.DATA, MenuName.REPORTS, MenuName.PEOPLE)


def build_menu_bar(window: QMainWindow) -> None:
    """Every menu of the window, in order; those filled later disabled."""
    bar = window.menuBar()
    for name in MenuName:
        menu = bar.addMenu(QCoreApplication.translate("Menus", str(TITLES[name])))
        menu.setObjectName(name.value)
        menu.setEnabled(name not in FILLED_LATER)


def menu_of(window: QMainWindow, name: MenuName) -> QMenu:
    # findChild, not QAction.menu(): in PySide6 6.9 the wrapper that menu() returns takes ownership
    # of the QMenu, which was then deleted with it (a whole menu vanished).
    menu = window.menuBar().findChild(QMenu, name.value)
    assert menu is not None, f"no menu {name.value}"
    return menu


def enable_filled_menus(window: QMainWindow) -> None:
    for name in FILLED_LATER:
        menu_of(window, name).setEnabled(True)
