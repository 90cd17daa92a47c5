"""Edits of the case window's fields: undo/redo (QUndoStack), drafts that keep what is typed, saving.

Why three layers: a keystroke is an undoable command (consecutive typing in one field merges into
one step); a moment after typing stops, the fields changed are written to the encrypted store as
drafts (services.casework.save_draft), so nothing typed is lost in a crash or an auto-lock; when the
person leaves a field, presses 保存 (Ctrl+S) or closes the window, the changes are saved to the case
(one audited edit) and their drafts dropped. A field the store refuses stays as typed, with the
reason said, and its draft kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

DRAFT_DEBOUNCE_MS = 800


@dataclass
class Field:
    """One edited field: its key (a Case attribute), its widget, how to read and set its value."""

    key: str
    widget: QWidget

    def value(self) -> str:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QDateEdit):
            return w.date().toString("yyyy-MM-dd")
        if isinstance(w, QComboBox):
            return str(w.currentData()) if w.currentData() is not None else w.currentText()
        raise TypeError(type(w).__name__)

    def set_value(self, value: str) -> None:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            if w.toPlainText() != value:
                w.setPlainText(value)
        elif isinstance(w, QLineEdit):
            if w.text() != value:
                w.setText(value)
        elif isinstance(w, QDateEdit):
            w.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index >= 0:
                w.setCurrentIndex(index)
            else:
                w.setEditText(value)

    def changed_signal(self) -> object:
        w = self.widget
        if isinstance(w, QPlainTextEdit | QLineEdit):
            return w.textChanged
        if isinstance(w, QDateEdit):
            return w.dateChanged
        if isinstance(w, QComboBox):
            return w.currentTextChanged
        raise TypeError(type(w).__name__)


class FieldEdit(QUndoCommand):
    """A field changed from `old` to `new`; typing in the same field merges into one step."""

    def __init__(self, editor: FieldEditor, field: Field, old: str, new: str) -> None:
        super().__init__()
        self._editor, self.field, self.old, self.new = editor, field, old, new
        self._first = True
        self.setText(field.key)

    def id(self) -> int:
        return 1000 + self._editor.index_of(self.field)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.field is not self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._first:  # the widget already shows it: the person typed it
            self._first = False
            return
        self._editor.apply(self.field, self.new)

    def undo(self) -> None:
        self._editor.apply(self.field, self.old)


class FieldEditor(QObject):
    """The undo stack and the drafts of a set of fields; `commit_wanted` asks the window to save."""

    draft_wanted = Signal(dict)  # {key: value} of the fields changed since they were last saved
    commit_wanted = Signal(dict)  # {key: value} to save to the case
    dirty_changed = Signal(bool)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self._fields: list[Field] = []
        self._shown: dict[str, str] = {}  # each field's value as last shown or typed
        self._saved: dict[str, str] = {}  # each field's value as the store has it
        self._quiet = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush_drafts)

    # -- fields ----------------------------------------------------------------------------------

    def add(self, key: str, widget: QWidget) -> Field:
        field = Field(key, widget)
        self._fields.append(field)
        signal = field.changed_signal()
        signal.connect(lambda *_args, f=field: self._changed(f))  # type: ignore[attr-defined]
        widget.installEventFilter(self)
        return field

    def index_of(self, field: Field) -> int:
        return self._fields.index(field)

    def field(self, key: str) -> Field:
        return next(f for f in self._fields if f.key == key)

    def load(self, values: dict[str, str], drafts: dict[str, str] | None = None) -> list[str]:
        """Show the stored values (fields with unsaved edits keep them); then any drafts left from
        before (a crash, a lock). Returns the keys restored from drafts."""
        restored = []
        with self._silence():
            for field in self._fields:
                stored = values.get(field.key, "")
                if field.key not in self.dirty or self._saved.get(field.key) is None:
                    field.set_value(stored)
                    self._shown[field.key] = field.value()
                self._saved[field.key] = stored
            for key, text in (drafts or {}).items():
                if key in values and text != values[key]:
                    field = self.field(key)
                    field.set_value(text)
                    self._shown[key] = field.value()
                    restored.append(key)
        self.dirty_changed.emit(bool(self.dirty))
        return restored

    def restore(self, drafts: dict[str, str]) -> list[str]:
        """Put drafts (text typed before a crash or a lock) into the fields still empty; the keys
        restored. A field typed into meanwhile keeps what was typed."""
        restored = []
        with self._silence():
            for key, text in drafts.items():
                field = next((f for f in self._fields if f.key == key), None)
                if field is not None and text and not field.value():
                    field.set_value(text)
                    self._shown[key] = field.value()
                    restored.append(key)
        self.dirty_changed.emit(bool(self.dirty))
        return restored

    @property
    def dirty(self) -> dict[str, str]:
        """The fields whose shown value differs from the stored one."""
        return {k: v for k, v in self._shown.items() if v != self._saved.get(k)}

    def saved(self, values: dict[str, str]) -> None:
        """The store has these values now (after a save)."""
        self._saved.update(values)
        self.dirty_changed.emit(bool(self.dirty))

    # -- changes ----------------------------------------------------------------------------------

    def _changed(self, field: Field) -> None:
        if self._quiet:
            return
        new = field.value()
        old = self._shown.get(field.key, "")
        if new == old:
            return
        self._shown[field.key] = new
        self.stack.push(FieldEdit(self, field, old, new))
        self._after_change()

    def apply(self, field: Field, value: str) -> None:
        """Undo or redo: show `value` (not recorded as a new edit)."""
        with self._silence():
            field.set_value(value)
            self._shown[field.key] = field.value()
        self._after_change()

    def _after_change(self) -> None:
        self._timer.start()
        self.dirty_changed.emit(bool(self.dirty))

    def flush_drafts(self) -> None:
        """Write the drafts now (the timer's end, before a lock, before closing)."""
        self._timer.stop()
        changed = {k: v for k, v in self._shown.items() if v != self._saved.get(k)}
        if changed:
            self.draft_wanted.emit(changed)

    @property
    def draft_pending(self) -> bool:
        return self._timer.isActive()

    def commit(self) -> None:
        self._timer.stop()
        if self.dirty:
            self.commit_wanted.emit(dict(self.dirty))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and any(f.widget is watched for f in self._fields):
            QTimer.singleShot(0, self, self.commit)  # leaving a field saves it
        return False

    def _silence(self) -> _Quiet:
        return _Quiet(self)


class _Quiet:
    def __init__(self, editor: FieldEditor) -> None:
        self._editor = editor

    def __enter__(self) -> None:
        self._editor._quiet = True

    def __exit__(self, *exc: object) -> None:
        self._editor._quiet = False


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


Callback = Callable[[], None]
