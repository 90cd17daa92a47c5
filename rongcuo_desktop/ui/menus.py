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
    help_menu = next(
        (a for a in bar.actions() if isinstance(held := a.menu(), QMenu) and about in held.actions()),
        None,
    )
    if help_menu is not None:
        bar.insertAction(help_menu, menu.menuAction())
    return menu
