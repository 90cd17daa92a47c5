"""Menus added beside the main window's own (数据, 人员, ...) go before 帮助, which stays last.

A window shown before its store opened has them already, empty and disabled: they are filled
and enabled here, in their places. The 帮助 menu is found by the action it holds (the window's
about_action), not by its text: the text is translated.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def add_menu_before_help(window: QMainWindow, title: str) -> QMenu:
    bar = window.menuBar()
    for waiting in bar.findChildren(QMenu):
        # A window shown before its store opened holds the menu's place already (MainWindow).
        if waiting.property("toCome") and waiting.title() == title:
            waiting.setProperty("toCome", False)
            waiting.setEnabled(True)
            return waiting
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
