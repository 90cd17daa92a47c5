"""Is any label's text wider (or, wrapped, taller) than the label? QFontMetrics against geometry.

A label clipped by its layout shows half a word or loses its last line; on a projector at 1024x768
that is a sentence the room cannot read. Used by the judgment and hearing tests at 1024x768 and
1920x1080.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget


def clipped_labels(root: QWidget) -> list[str]:
    """Every visible label under `root` whose text does not fit its contents rectangle."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not text or not label.isVisibleTo(root) or label.textFormat() == Qt.TextFormat.RichText:
            continue
        area = label.contentsRect()
        metrics = QFontMetrics(label.font())
        if label.wordWrap():
            flags = int(Qt.TextFlag.TextWordWrap)
            need = metrics.boundingRect(QRect(0, 0, area.width(), 1_000_000), flags, text)
            if need.height() > area.height() + 1 or need.width() > area.width() + 1:
                found.append(
                    f"{label.objectName() or 'label'} {area.width()}x{area.height()} < {need.width()}x"
                    f"{need.height()}: {text[:30]}"
                )
        else:
            box = metrics.boundingRect(QRect(0, 0, 1_000_000, 1_000_000), 0, text)
            width, height = box.width(), box.height()
            if width > area.width() + 1 or height > area.height() + 1:
                found.append(
                    f"{label.objectName() or 'label'} {area.width()}x{area.height()} < {width}x"
                    f"{height}: {text[:30]}"
                )
    return found


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person could read on `root` now: the window title, labels, buttons, items."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit

    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        texts.append(widget.toolTip())
    return [t for t in texts if t]
