"""The hearing on the projector (pytest-qt, offscreen, a real store): a hearing driven section by
section with the clicker's keys, and every frame shown on the audience screen checked against the
case's secrets -- the real names, the members, the rationales, the decision's note and dissent, the
other case's 文号, and before the reveal any score at all. Also: black and white screens, the
statement timer (a clock driven by the test, not the wall), a screen plugged or unplugged mid-hearing,
and no label clipped at 1024x768 or 1920x1080.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.committee import Votes
from rongcuo_desktop.domain.hearing import Section
from rongcuo_desktop.services import judgment
from rongcuo_desktop.ui.hearing.audience import AudienceWindow, Blank
from rongcuo_desktop.ui.hearing.console import HearingConsole
from rongcuo_desktop.ui.judgment.radar_chart import RadarChart
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import Opening, open_window, workspace_of
from tests.ui.judgment_scene import DECISION_NOTE, DISSENT, DOC_NO, Scene, make_scene
from tests.ui.label_fit import clipped_labels, visible_texts

SCORE_WORDS = ("中位数", "加权总分", "研判建议", "需会商", "予以容错免责", "从轻减轻处理")


@pytest.fixture
def scene(data_dir: Path) -> Iterator[Scene]:
    made = make_scene(data_dir)
    yield made
    made.store.close()


class Clock:
    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> int:
        return self.now


def start_hearing(
    qtbot: QtBot, runner: TaskRunner, scene: Scene, clock: Clock | None = None
) -> tuple[Opening, HearingConsole]:
    o = open_window(qtbot, runner, scene.store, scene.person("王主任"))
    console = HearingConsole(o.window.context, scene.case_id, o.all.judgment.hub, clock=clock)
    qtbot.addWidget(console)
    console.show()
    with qtbot.waitSignal(console.view_shown, timeout=20000):
        console.refresh()
    return o, console


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def press(qtbot: QtBot, widget: AudienceWindow | HearingConsole, key: Qt.Key) -> None:
    """A clicker's key on an active window (its shortcuts are the window's)."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=5000)
    qtbot.keyClick(widget, key)


def frame_texts(qtbot: QtBot, audience: AudienceWindow) -> str:
    """What the room sees now: the frame is grabbed (as the projector would show it) and every text of
    every visible child is collected."""
    frame = audience.grab()
    assert not frame.isNull() and frame.width() == audience.width()
    # A label holds its lines ready-broken: a name split over two lines is still that name.
    return "\n".join(text.replace("\n", "") for text in visible_texts(audience))


def walk(qtbot: QtBot, console: HearingConsole, scene: Scene, *, revealed: bool) -> list[Section]:
    """From the first slide to the last with Right/PageDown, checking each frame; returns the sections."""
    audience = console.audience
    console.go_to(Section.SUMMARY)
    seen: list[Section] = []
    keys = [Qt.Key.Key_Right, Qt.Key.Key_PageDown]
    for step in range(len(audience.slides)):
        section, _page = audience.position()
        seen.append(section)
        shown = frame_texts(qtbot, audience)
        for secret in scene.secrets():
            assert secret not in shown, (section, secret)
        charts = [c for c in audience.findChildren(RadarChart) if c.isVisibleTo(audience)]
        if not revealed:
            for word in SCORE_WORDS:
                assert word not in shown, (section, word)
            assert charts == []
        if section is Section.RESULTS and not revealed:
            assert "评分尚未揭晓" in shown
        if step + 1 < len(audience.slides):
            before = audience.index
            press(qtbot, audience, keys[step % 2])
            assert audience.index == before + 1
    return seen


def test_every_frame_on_the_projector_keeps_the_secrets(
    qtbot: QtBot, runner: TaskRunner, scene: Scene
) -> None:
    scene.score_all(["张委员", "赵委员", "钱委员", "孙委员"])
    o, console = start_hearing(qtbot, runner, scene)
    audience = console.audience
    assert audience.parent() is None and not audience.findChildren(QAbstractItemView)  # no case list
    press(qtbot, console, Qt.Key.Key_F5)
    assert console.started and audience.isVisible()
    audience.resize(1024, 768)
    qtbot.waitUntil(lambda: audience.sizes.body == 28)
    assert set(walk(qtbot, console, scene, revealed=False)) == set(Section)
    assert "谢某某" in audience.case_line.text() and DOC_NO in audience.case_line.text()
    console.go_to(Section.FACTS)
    assert "谢某某为落实" in frame_texts(qtbot, audience) and "张某某所在的市营商环境办" in frame_texts(
        qtbot, audience
    )

    # A ballot arrives: the count on the projector follows, still without who.
    console.go_to(Section.BALLOTS)
    assert "4 / 5" in frame_texts(qtbot, audience)
    with qtbot.waitSignal(console.view_shown, timeout=20000):
        scene.score("李委员")
        o.all.judgment.hub.changed.emit(scene.case_id)
    assert "5 / 5" in frame_texts(qtbot, audience) and audience.position() == (Section.BALLOTS, 0)

    # The chair reveals: the chart and the results appear, the secrets still do not.
    with qtbot.waitSignal(console.view_shown, timeout=20000):
        scene.store.judgments.reveal(scene.case_id, by=scene.person("王主任"))
        o.all.judgment.hub.changed.emit(scene.case_id)
    walk(qtbot, console, scene, revealed=True)
    console.go_to(Section.RESULTS)
    shown = frame_texts(qtbot, audience)
    assert "需会商" in shown and "加权总分 4.2" in shown
    chart = next(c for c in audience.findChildren(RadarChart) if c.isVisibleTo(audience))
    assert len(chart._ballots) == 5  # each ballot a faint line, none named

    # The decision: its conclusion and votes, never the note or the dissent.
    with qtbot.waitSignal(console.view_shown, timeout=20000):
        scene.store.judgments.decide(
            scene.case_id,
            Conclusion.LENIENT,
            note=DECISION_NOTE,
            votes=Votes(4, 1, 0),
            dissent=DISSENT,
            by=scene.person("王主任"),
        )
        o.all.judgment.hub.changed.emit(scene.case_id)
    console.go_to(Section.DECISION)
    shown = frame_texts(qtbot, audience)
    assert "从轻减轻处理" in shown and "赞成 4 票，反对 1 票，弃权 0 票" in shown
    walk(qtbot, console, scene, revealed=True)


def test_clicker_keys_blank_screens_and_the_statement_timer(
    qtbot: QtBot, runner: TaskRunner, scene: Scene
) -> None:
    clock = Clock()
    _o, console = start_hearing(qtbot, runner, scene, clock)
    audience = console.audience
    press(qtbot, console, Qt.Key.Key_F5)
    press(qtbot, audience, Qt.Key.Key_PageDown)
    press(qtbot, audience, Qt.Key.Key_Right)
    assert audience.position()[0] is Section.RULES
    press(qtbot, audience, Qt.Key.Key_PageUp)
    assert audience.position() == (Section.FACTS, 0)
    press(qtbot, console, Qt.Key.Key_Left)
    assert audience.position() == (Section.SUMMARY, 0)

    press(qtbot, audience, Qt.Key.Key_B)
    assert audience.blank is Blank.BLACK and audience.cover.isVisible()
    image = audience.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"
    assert visible_texts(audience.cover) == []
    press(qtbot, audience, Qt.Key.Key_W)
    image = audience.grab().toImage()
    assert audience.blank is Blank.WHITE and image.pixelColor(10, image.height() // 2).name() == "#ffffff"
    press(qtbot, audience, Qt.Key.Key_Right)  # the first key after a blank screen brings the slide back
    assert audience.blank is Blank.NONE and audience.position() == (Section.SUMMARY, 0)

    console.timer.start()
    clock.now += 65_000
    console.timer.tick()
    assert console.time_label.text() == "01:05" and audience.timer_label.text() == "计时 01:05"
    console.timer.stop()
    clock.now += 10_000
    console.timer.tick()
    assert console.time_label.text() == "01:05"
    console.timer.start()
    clock.now += 2_000
    console.timer.tick()
    assert console.time_label.text() == "01:07"

    # A screen unplugged and another plugged in mid-hearing: the state stays.
    press(qtbot, audience, Qt.Key.Key_Right)
    press(qtbot, audience, Qt.Key.Key_B)
    state = (audience.position(), audience.blank, console.timer.running, console.started)
    screen = QGuiApplication.primaryScreen()
    console._screen_removed(screen)
    console._screens_changed(screen)
    assert (audience.position(), audience.blank, console.timer.running, console.started) == state
    assert audience.isVisible() and not audience.isFullScreen()  # one screen: a window
    press(qtbot, console, Qt.Key.Key_Escape)
    assert not audience.isVisible() and not console.started
    press(qtbot, console, Qt.Key.Key_F5)
    assert audience.isVisible() and audience.position() == state[0]


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_no_label_is_clipped_on_any_slide(
    qtbot: QtBot, runner: TaskRunner, scene: Scene, size: tuple[int, int]
) -> None:
    scene.score_all()
    _o, console = start_hearing(qtbot, runner, scene)
    audience = console.audience
    width, height = size
    audience.show()
    audience.resize(width, height)
    qtbot.waitUntil(lambda: audience.width() == width and audience._built_for == (width, height))
    expected_body = 28 if width == 1024 else round(28 * 1080 / 768)
    assert audience.sizes.body == expected_body
    chair = scene.person("王主任")
    for stage in ("blind", "revealed", "decided"):
        if stage != "blind":
            with qtbot.waitSignal(console.view_shown, timeout=20000):
                if stage == "revealed":
                    scene.store.judgments.reveal(scene.case_id, by=chair)
                else:  # the decision slide at its fullest: a lighter handling with its form and votes
                    judgment.decide_with_form(
                        workspace_of(scene.store), chair, scene.case_id, Conclusion.LENIENT,
                        DECISION_NOTE, None, Votes(4, 1, 0), DISSENT, ("第一种形态", "谈话提醒、批评教育"),
                    )  # fmt: skip
                console.refresh()
            qtbot.waitUntil(lambda: audience._built_for == (width, height))
        sections = {slide.section for slide in audience.slides}
        assert sections == set(Section), (stage, sections)  # every section is laid out and checked
        if stage == "decided":
            shown = "".join(visible_texts(audience.slides[-1].widget))
            assert "处理方式：" in shown and "赞成 4 票" in shown, shown
        for index in range(len(audience.slides)):
            audience.show_slide(index)
            qtbot.waitUntil(lambda index=index: audience.slides[index].widget.isVisible())
            settle()  # the layout takes the new texts on the next turn of the event loop
            problems = clipped_labels(audience)
            assert problems == [], (stage, index, audience.slides[index].section, problems)
            bodies = [
                label.font().pixelSize()
                for label in audience.slides[index].widget.findChildren(type(audience.page_line))
                if label.objectName() == ""
            ]
            assert all(px >= 28 for px in bodies), bodies
