"""Real X screenshots of the scoring dialog, the judgment panel, the presenter console and every hearing
section (docs/hearing-*.png). Not a test: run it on a virtual X server with two screens, the console
on X screen 0 and the projector on X screen 1 (Qt sees two QScreens):

    Xvfb :57 -screen 0 1024x768x24 -screen 1 1024x768x24 -nolisten tcp &
    DISPLAY=:57.0 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/hearing_screenshots.py OUT 1024

(1920x1080x24 for the large set). Each frame is taken with ImageMagick's `import -window root`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(out: Path, tag: str) -> int:
    os.environ["RONGCUO_CONFIG_DIR"] = tempfile.mkdtemp()
    out.mkdir(parents=True, exist_ok=True)
    display = os.environ["DISPLAY"].split(".")[0]

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from rongcuo_desktop.domain.case import Conclusion
    from rongcuo_desktop.domain.committee import Votes
    from rongcuo_desktop.domain.hearing import Section
    from rongcuo_desktop.ui.fonts import apply_cjk_font
    from rongcuo_desktop.ui.hearing.audience import Blank
    from rongcuo_desktop.ui.judgment.scoring_dialog import ScoringDialog
    from rongcuo_desktop.ui.shell.features import WindowFeatures
    from rongcuo_desktop.ui.shell.main_window import MainWindow
    from rongcuo_desktop.ui.tasks import TaskRunner
    from rongcuo_desktop.ui.theme import apply_theme
    from tests.ui.conftest import workspace_of
    from tests.ui.judgment_scene import DOC_NO, make_scene

    apply_cjk_font(app)
    apply_theme(app)

    def pump(seconds: float = 0.6) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)

    def snap(screen: int, name: str) -> None:
        target = out / f"{name}-{tag}.png"
        subprocess.run(
            ["import", "-window", "root", "-display", f"{display}.{screen}", str(target)], check=True
        )

    print([(s.name(), s.geometry()) for s in QGuiApplication.screens()])
    data = Path(tempfile.mkdtemp()) / "data"
    scene = make_scene(data)
    ws = workspace_of(scene.store)
    runner = TaskRunner()
    ini = QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, scene.person("李秘书"), runner, ini, data, credential_store_usable=False)
    features = WindowFeatures(window.context)
    window.showMaximized()
    pump(2)
    ctx = window.context
    ctx.cases.show_cases([scene.case_id])
    pump(1)

    # A member scores at the secretary's PC.
    features.judgment.member_score(scene.case_id)
    pump(1.5)
    dialog = features.judgment.dialog
    assert isinstance(dialog, ScoringDialog)
    dialog.select_member("张委员")
    dialog.pages[0].choose(5)
    dialog.pages[0].rationale.setPlainText("出于推动改革的公心，事后积极整改")
    dialog.go_to(1)
    dialog.pages[1].choose(4)
    pump(1)
    snap(0, "scoring")
    dialog.close()

    # The chair's judgment panel, before the fifth ballot and after it.
    scene.score_all(["张委员", "赵委员", "钱委员", "孙委员"])
    ctx.set_person(scene.person("王主任"))
    pump(1)
    features.judgment.show_panel(scene.case_id, DOC_NO)
    pump(2)
    snap(0, "panel-before-reveal")
    scene.score("李委员")
    features.judgment.hub.changed.emit(scene.case_id)
    pump(2)
    snap(0, "panel")
    if features.judgment.dialog is not None:
        features.judgment.dialog.close()

    # The hearing: the console on screen 0, the audience window full screen on screen 1.
    features.judgment.hearing(scene.case_id, DOC_NO)
    pump(2)
    console = features.judgment.hearing_console
    assert console is not None
    console.move(40, 40)
    console.start()
    pump(2)
    audience = console.audience
    print("audience on", audience.screen().name(), audience.screen().geometry(), audience.isFullScreen())
    snap(0, "console")

    def walk(prefix: str) -> None:
        for index in range(len(audience.slides)):
            audience.show_slide(index)
            pump(0.8)
            snap(1, f"{prefix}-{index:02d}-{audience.slides[index].section.value}")

    walk("hearing-blind")
    scene.store.judgments.reveal(scene.case_id, by=scene.person("王主任"))
    features.judgment.hub.changed.emit(scene.case_id)
    pump(2)
    scene.store.judgments.decide(
        scene.case_id, Conclusion.EXEMPT, votes=Votes(5, 0, 0), by=scene.person("王主任")
    )
    features.judgment.hub.changed.emit(scene.case_id)
    pump(2)
    audience.go_to(Section.SUMMARY)
    walk("hearing")
    console.toggle_blank(Blank.BLACK)
    pump(0.8)
    snap(1, "hearing-black")
    console.close()
    pump(0.5)
    runner.shutdown()
    scene.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
