"""Menus added beside the main window's own (数据, 人员, ...) go before 帮助, which stays last.

The 帮助 menu is found by the action it holds (the window's about_action), not by its text:
the text is translated.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def add_menu_before_help(window: QMainWindow, title: str) -> QMenu:
    bar = window.menuBar()
    menu = bar.addMenu(title)
    about = getattr(window, "about_action", None)
    # Not QAction.menu(): in PySide6 6.9 its result takes ownership of the QMenu, and the menu was
    # deleted with that temporary wrapper (数据 vanished once 人员 was added). findChildren does not.
    help_menu = next(
        (m.menuAction() for m in bar.findChildren(QMenu) if about is not None and about in m.actions()),
        None,
    )
    if help_menu is not None:
        bar.insertAction(help_menu, menu.menuAction())
    return menu
