"""What a feature of the main window gets: a typed context, never the window itself.

Why: features (数据, 人员, and next the case window, the scoring dialogs, the hearing view) used to be
hooked onto the window with install_* calls, an untyped holder dict and getattr(window, "table")
reach-ins. Now a feature is built with a WindowContext and finds all it needs there:

- `runner`: the task runner (named operations on the database thread);
- `settings`: the data folder's ui.ini; `data_dir`;
- `workspace`: the open store (services.workspace; None before it opens and while locked) and
  `person`: the credential of the person at this keyboard. Both change (unlock, restore,
  切换使用人) and say so with `workspace_changed` / `person_changed`: read them when acting,
  never keep a copy;
- `may()`, `may_change()`, `read_only`: what the person may do, and whether the store may be
  written now (the store refuses the rest anyway);
- `cases`: the case list (the case selected, the cases selected, show these cases);
- `offer()`: place an action in a menu (found by object name) with what it needs; the gate shows
  it only to roles that may use it and disables writes while the store is read-only;
- `read_for_person()`: a named read for the person at this keyboard on the database thread
  (nothing while locked);
- `window` / `status()`: what dialogs open over, and the status bar.

A dialog that acts for another person than the window (a 委员 scoring on the secretary's PC)
takes `ctx.acting_for(credential)`: its calls carry that credential; the window's stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from rongcuo_desktop.domain.roles import Action
from rongcuo_desktop.ui.shell.menus import MenuName, menu_of
from rongcuo_desktop.ui.tasks import FailureCallback, T, TaskRunner, Ts

if TYPE_CHECKING:
    from rongcuo_desktop.services.accounts import Credential
    from rongcuo_desktop.services.workspace import Workspace
    from rongcuo_desktop.ui.shell.permissions import ActionGate


class CaseSelection(Protocol):
    """What features ask of the case list (ui/cases/list_pane.py implements it)."""

    def current_case(self) -> tuple[int, str] | None:
        """The case with the keyboard focus: its id and 文号 (None when the list is empty)."""

    def selected_case_ids(self) -> list[int]:
        """Every selected case, in the order shown."""

    def show_cases(self, case_ids: Sequence[int]) -> None:
        """Refresh the list and select these cases (a filter that could hide them is cleared)."""

    def refresh(self) -> None: ...


@dataclass(frozen=True)
class Acting:
    """Who acts in a call: the window's person, or for one dialog another (a member's PIN)."""

    person: Credential | None

    def may(self, action: Action) -> bool:
        return self.person is not None and self.person.may(action)


class WindowContext(QObject):
    workspace_changed = Signal()  # opened, locked (None), unlocked or restored (a new workspace)
    person_changed = Signal()  # 切换使用人, or a new workspace's person
    cases_changed = Signal()  # a feature added or changed cases: the list and its counts follow
    case_activated = Signal(int)  # a case opened from the list (double-click, Enter): the case window

    def __init__(
        self,
        window: QMainWindow,
        runner: TaskRunner,
        settings: QSettings,
        data_dir: Path,
        *,
        credential_store_usable: bool,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.settings = settings
        self.data_dir = data_dir
        self.credential_store_usable = credential_store_usable
        self._workspace: Workspace | None = None
        self._person: Credential | None = None
        self._generation = 0  # counts set_workspace: a restore may hand back the same workspace
        self._cases: CaseSelection | None = None
        self._gate: ActionGate | None = None

    # -- the store and the person ----------------------------------------------------------------

    @property
    def workspace(self) -> Workspace | None:
        return self._workspace

    @property
    def person(self) -> Credential | None:
        return self._person

    @property
    def acting(self) -> Acting:
        """The window's person, for the calls a feature makes."""
        return Acting(self._person)

    def acting_for(self, person: Credential) -> Acting:
        """Another person for one dialog's calls (signed in there with their PIN); the window's
        person is unchanged."""
        return Acting(person)

    @property
    def generation(self) -> int:
        """Changes whenever the workspace is set again, even to the same object: a restore in the
        app puts another store into the same workspace, and what was read from the old one is stale."""
        return self._generation

    def set_workspace(self, workspace: Workspace | None, person: Credential | None) -> None:
        """A new workspace (None: locked or closed), or the same one holding another store, with the
        person acting in it."""
        self._generation += 1
        self._workspace = workspace
        self._person = person
        self.workspace_changed.emit()
        self.person_changed.emit()

    def set_person(self, person: Credential | None) -> None:
        self._person = person
        self.person_changed.emit()

    @property
    def read_only(self) -> bool:
        """The audit check at open found problems: nothing may be written until the 主任 confirms."""
        return self._workspace is not None and self._workspace.read_only_reason is not None

    def may(self, *actions: Action) -> bool:
        """The person's role allows any of `actions` (whether or not the store is read-only now)."""
        person = self._person
        return person is not None and any(person.may(action) for action in actions)

    def may_change(self, action: Action) -> bool:
        """The person may do it and the store may be written now."""
        return self._workspace is not None and not self.read_only and self.may(action)

    # -- the window's parts ----------------------------------------------------------------------

    @property
    def cases(self) -> CaseSelection:
        assert self._cases is not None, "the window sets its case list before any feature is built"
        return self._cases

    def set_cases(self, cases: CaseSelection) -> None:
        self._cases = cases

    @property
    def gate(self) -> ActionGate:
        assert self._gate is not None, "the window sets its gate before any feature is built"
        return self._gate

    def set_gate(self, gate: ActionGate) -> None:
        self._gate = gate

    def menu(self, name: MenuName) -> QMenu:
        return menu_of(self.window, name)

    def offer(
        self,
        menu: MenuName | None,
        action: QAction,
        *needs: Action,
        writes: bool = False,
        before: str = "",
    ) -> QAction:
        """Put `action` (its objectName set) in `menu` (before the action named `before`, else last)
        and show it to people whose role allows any of `needs` (everyone when none); a write is
        also disabled while the store is read-only."""
        assert action.objectName(), "actions are found by object name, not by their translated text"
        if menu is not None:
            target = self.menu(menu)
            after = next((a for a in target.actions() if before and a.objectName() == before), None)
            if after is not None:
                target.insertAction(after, action)
            else:
                target.addAction(action)
        self.gate.offer(action, *needs, writes=writes)
        return action

    def read_for_person(
        self,
        operation: Callable[[Workspace, Credential, *Ts], T],
        /,
        *args: *Ts,
        receiver: QObject,
        done: Callable[[T], None],
        failed: FailureCallback | None = None,
    ) -> bool:
        """`operation(workspace, person, *args)` on the database thread for the person at this
        keyboard (a view reading its case again); False, nothing queued, while the store is locked."""
        workspace, person = self._workspace, self._person
        if workspace is None or person is None:
            return False
        self.runner.run_db(operation, workspace, person, *args, receiver=receiver, done=done, failed=failed)
        return True

    def status(self, text: str, milliseconds: int = 5000) -> None:
        self.window.statusBar().showMessage(text, milliseconds)
