"""The presenter console of a hearing (on the secretary's or the chair's screen) and the state of
the hearing: which section is shown, black or white screen, the statement timer, which screen the
audience window is on.

The audience window goes full screen on a screen other than the console's (chosen from
QGuiApplication.screens(), or picked in the console); with a single screen it opens as a window.
A screen plugged in or unplugged mid-hearing moves it (screenAdded / screenRemoved): the state lives
here, not in the window, so nothing is lost. Keys a clicker sends work on both windows:
Right/PageDown next, Left/PageUp previous, B black, W white, F5 start, Esc end.

What reaches the projector is the public view read through services.hearing (names masked, no score
before the reveal); it is read again whenever the judgment hub says the case was written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rongcuo_desktop.domain.hearing import SECTIONS, HearingView, Section
from rongcuo_desktop.services import hearing
from rongcuo_desktop.ui.hearing.audience import AudienceWindow, Blank
from rongcuo_desktop.ui.hearing.timer import StatementTimer

if TYPE_CHECKING:
    from rongcuo_desktop.ui.judgment.hub import JudgmentHub
    from rongcuo_desktop.ui.shell.context import WindowContext

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up)
SINGLE_SCREEN_SIZE = (1024, 768)


def projector_screen(screens: list[QScreen], console: QScreen | None, preferred: str = "") -> QScreen | None:
    """Where the audience window goes full screen: the screen picked in the console if it is still
    there, else the first screen that is not the console's; None with a single screen."""
    others = [s for s in screens if s is not console]
    for screen in others:
        if preferred and screen.name() == preferred:
            return screen
    return others[0] if others else None


class HearingConsole(QWidget):
    """The presenter's window; owns the audience window and the hearing's state."""

    view_shown = Signal()  # a view was read and handed to the audience window

    def __init__(
        self,
        ctx: WindowContext,
        case_id: int,
        hub: JudgmentHub | None = None,
        *,
        clock: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(ctx.window, Qt.WindowType.Window)
        self.setObjectName("hearingConsole")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ctx = ctx
        self.case_id = case_id
        self.view: HearingView | None = None
        self.started = False
        self.preferred_screen = ""
        self._gone: QScreen | None = None  # a screen being unplugged (still listed while it goes)
        self.audience = AudienceWindow()
        self.audience.closed.connect(self._audience_closed)
        self.audience.rebuilt.connect(self._show_position)
        self.timer = StatementTimer(self, clock)
        self.timer.ticked.connect(self._show_time)
        self._build()
        for widget in (self, self.audience):
            self._keys(widget)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screen_removed)
        if hub is not None:
            hub.changed.connect(self._changed)
        self.setWindowTitle(self.tr("听证投屏（主持人）"))
        self.resize(760, 560)

    # -- the console's face ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.case_label = QLabel()
        self.case_label.setObjectName("consoleCase")
        self.case_label.setWordWrap(True)
        layout.addWidget(self.case_label)
        note = QLabel(
            self.tr(
                "投屏只显示公开的内容：当事人姓名隐去，揭晓前只显示提交份数，不显示任何评分、理由或其他案件。"
            )
        )
        note.setObjectName("consoleNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        body = QHBoxLayout()
        self.section_list = QListWidget()
        self.section_list.setObjectName("sectionList")
        for number, section in enumerate(SECTIONS, start=1):
            self.section_list.addItem(f"{number}　{section.label}")
        self.section_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.section_list.itemClicked.connect(lambda item: self.go_to(SECTIONS[self.section_list.row(item)]))
        body.addWidget(self.section_list, 2)
        side = QVBoxLayout()
        self.position_label = QLabel()
        self.position_label.setObjectName("positionLabel")
        self.position_label.setWordWrap(True)
        side.addWidget(self.position_label)
        self.ballots_label = QLabel()
        self.ballots_label.setObjectName("consoleBallots")
        self.ballots_label.setWordWrap(True)
        side.addWidget(self.ballots_label)
        moves = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, column, name, text, slot in (
            (0, 0, "previousButton", self.tr("上一页（PageUp）"), self.previous),
            (0, 1, "nextButton", self.tr("下一页（PageDown）"), self.next),
            (1, 0, "startButton", self.tr("开始投屏（F5）"), self.start),
            (1, 1, "endButton", self.tr("结束投屏（Esc）"), self.end),
            (2, 0, "blackButton", self.tr("黑屏（B）"), functools.partial(self.toggle_blank, Blank.BLACK)),
            (2, 1, "whiteButton", self.tr("白屏（W）"), functools.partial(self.toggle_blank, Blank.WHITE)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            moves.addWidget(button, row, column)
            self.buttons[name] = button
        side.addLayout(moves)
        timer_box = QGroupBox(self.tr("发言计时"))
        timer_row = QHBoxLayout(timer_box)
        self.time_label = QLabel("00:00")
        self.time_label.setObjectName("consoleTime")
        font = self.time_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.time_label.setFont(font)
        timer_row.addWidget(self.time_label)
        for name, text, slot in (
            ("timerStartButton", self.tr("开始计时"), self.timer.start),
            ("timerStopButton", self.tr("停止"), self.timer.stop),
            ("timerResetButton", self.tr("清零"), self.timer.reset),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            timer_row.addWidget(button)
            self.buttons[name] = button
        side.addWidget(timer_box)
        screen_row = QHBoxLayout()
        screen_label = QLabel(self.tr("投屏到："))
        screen_row.addWidget(screen_label)
        self.screen_combo = QComboBox()
        self.screen_combo.setObjectName("screenCombo")
        self.screen_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.screen_combo.activated.connect(self._screen_picked)
        screen_row.addWidget(self.screen_combo, 1)
        side.addLayout(screen_row)
        self.screen_note = QLabel()
        self.screen_note.setObjectName("screenNote")
        self.screen_note.setWordWrap(True)
        side.addWidget(self.screen_note)
        side.addStretch(1)
        body.addLayout(side, 3)
        layout.addLayout(body, 1)
        keys = QLabel(
            self.tr("翻页器按键：→/PageDown 下一页，←/PageUp 上一页，B 黑屏，W 白屏，F5 开始，Esc 结束。")
        )
        keys.setObjectName("keysLabel")
        keys.setWordWrap(True)
        layout.addWidget(keys)
        self._fill_screens()

    def _keys(self, widget: QWidget) -> None:
        for keys, slot in (
            (NEXT_KEYS, self.next),
            (PREVIOUS_KEYS, self.previous),
            ((Qt.Key.Key_B, Qt.Key.Key_Period), functools.partial(self.toggle_blank, Blank.BLACK)),
            ((Qt.Key.Key_W, Qt.Key.Key_Comma), functools.partial(self.toggle_blank, Blank.WHITE)),
            ((Qt.Key.Key_F5,), self.start),
            ((Qt.Key.Key_Escape,), self.end),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), widget)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(slot)

    # -- the view --------------------------------------------------------------------------------

    def _changed(self, case_id: int) -> None:
        if case_id == self.case_id:
            self.refresh()

    def refresh(self) -> None:
        self._ctx.read_for_person(
            hearing.view, self.case_id, receiver=self, done=self.set_view, failed=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.case_label.setText(str(error) or type(error).__name__)

    def set_view(self, view: HearingView) -> None:
        self.view = view
        self.audience.set_view(view)
        self.case_label.setText(
            self.tr("%1　当事人：%2").replace("%1", view.doc_no).replace("%2", view.masked_name)
        )
        state = self.tr("已揭晓") if view.revealed else self.tr("未揭晓")
        self.ballots_label.setText(
            self.tr("第 %1 轮评分：已提交 %2 份 / 应评 %3 人（%4）")
            .replace("%1", str(view.round_number))
            .replace("%2", str(view.submitted))
            .replace("%3", str(view.expected))
            .replace("%4", state)
        )
        self._show_position()
        self.view_shown.emit()

    # -- moving ----------------------------------------------------------------------------------

    def next(self) -> None:
        if self.audience.blank is not Blank.NONE:
            self.audience.set_blank(Blank.NONE)  # a key after a blank screen brings the slide back
        else:
            self.audience.next()
        self._show_position()

    def previous(self) -> None:
        if self.audience.blank is not Blank.NONE:
            self.audience.set_blank(Blank.NONE)
        else:
            self.audience.previous()
        self._show_position()

    def go_to(self, section: Section, page: int = 0) -> None:
        self.audience.go_to(section, page)
        self._show_position()

    def toggle_blank(self, blank: Blank) -> None:
        self.audience.set_blank(Blank.NONE if self.audience.blank is blank else blank)
        self._show_position()

    def _show_position(self) -> None:
        section, page = self.audience.position()
        self.section_list.setCurrentRow(SECTIONS.index(section))
        pages = sum(1 for s in self.audience.slides if s.section is section)
        text = self.tr("投屏中：%1，第 %2/%3 页").replace("%1", section.label)
        text = text.replace("%2", str(page + 1)).replace("%3", str(max(pages, 1)))
        if not self.started:
            text = self.tr("未开始投屏（F5 开始）。当前：") + section.label
        if self.audience.blank is Blank.BLACK:
            text += self.tr("　〔黑屏〕")
        elif self.audience.blank is Blank.WHITE:
            text += self.tr("　〔白屏〕")
        self.position_label.setText(text)

    def _show_time(self, text: str) -> None:
        self.time_label.setText(text)
        self.audience.set_timer_text(text if self.timer.running or self.timer.elapsed_ms() else "")

    # -- the audience window and the screens -----------------------------------------------------

    def start(self) -> None:
        """F5: the audience window on the projector (or as a window on a single screen)."""
        self.started = True
        self.place()
        self._show_position()

    def end(self) -> None:
        """Esc: the audience window closes; the console and the hearing's state stay."""
        self.started = False
        self.audience.hide()
        self._show_position()

    def _audience_closed(self) -> None:
        self.started = False
        self._show_position()

    def _console_screen(self) -> QScreen | None:
        handle = self.windowHandle()
        return handle.screen() if handle is not None else QGuiApplication.primaryScreen()

    def screens(self) -> list[QScreen]:
        return [s for s in QGuiApplication.screens() if s is not self._gone]

    def target_screen(self) -> QScreen | None:
        return projector_screen(self.screens(), self._console_screen(), self.preferred_screen)

    def place(self) -> None:
        """Put the audience window where it belongs now (kept state: section, page, blank, timer)."""
        self._fill_screens()
        if not self.started:
            return
        target = self.target_screen()
        audience = self.audience
        if target is not None:
            if audience.isFullScreen() and audience.screen() is target:
                return
            audience.hide()
            audience.setScreen(target)
            audience.setGeometry(target.geometry())  # also where no window manager takes the hint
            audience.showFullScreen()
            self.screen_note.setText(
                self.tr("投屏窗口全屏显示在“%1”（%2×%3）。")
                .replace("%1", target.name())
                .replace("%2", str(target.geometry().width()))
                .replace("%3", str(target.geometry().height()))
            )
        else:
            screen = self._console_screen()
            if audience.isFullScreen():
                # Hidden while it leaves full screen: shown again, it would restore its old geometry
                # (the projector's) once the window system answers, over the one set here.
                audience.hide()
                audience.setWindowState(Qt.WindowState.WindowNoState)
            width, height = SINGLE_SCREEN_SIZE
            if screen is None:
                audience.resize(width, height)
            else:
                # On the console's screen: a window left where an unplugged projector was is drawn
                # where no one can see it.
                free = screen.availableGeometry()
                box = QRect(0, 0, min(width, free.width()), min(height, free.height()))
                box.moveCenter(free.center())
                audience.setScreen(screen)
                audience.setGeometry(box)
            audience.show()
            self.screen_note.setText(
                self.tr("只有一个屏幕：投屏内容以窗口显示。接上投影仪后自动全屏显示在投影仪上。")
            )
        audience.raise_()

    def _fill_screens(self) -> None:
        console = self._console_screen()
        combo = self.screen_combo
        combo.blockSignals(True)
        combo.clear()
        others = [s for s in self.screens() if s is not console]
        if not others:
            combo.addItem(self.tr("（只有一个屏幕：以窗口显示）"), "")
        for screen in others:
            size = screen.geometry()
            combo.addItem(f"{screen.name()}（{size.width()}×{size.height()}）", screen.name())
        index = combo.findData(self.preferred_screen) if self.preferred_screen else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _screen_picked(self, index: int) -> None:
        self.preferred_screen = str(self.screen_combo.itemData(index) or "")
        self.place()

    def _screens_changed(self, _screen: QScreen | None = None) -> None:
        """A screen was plugged in or unplugged: place the audience window again; the hearing's
        state (section, page, blank, timer) is the console's and does not change."""
        self.place()

    def _screen_removed(self, screen: QScreen) -> None:
        # Qt says so before the screen leaves its list: leave it out ourselves.
        self._gone = screen
        try:
            self.place()  # leaves full screen itself when no projector is left
        finally:
            self._gone = None
        # Once the screen has gone Qt moves the windows that were on it (and resizes them to the
        # screen they land on): place the audience window again after that.
        QTimer.singleShot(0, self, self.place)

    # -- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.audience.closed.disconnect(self._audience_closed)
        self.audience.close()
        self.audience.deleteLater()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self._screens_changed)
            app.screenRemoved.disconnect(self._screen_removed)
        super().closeEvent(event)
