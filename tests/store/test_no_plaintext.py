"""No plaintext anywhere: after a scripted session the data folder, the backup folder, the temp
folder (TMPDIR pointed at a fresh folder for the run) and the log hold none of the case names or
attachment contents. The session also scores, records a recusal and the decision, and exports to
JSON: the export file is the one exception the user asks for (it is the only file allowed to hold
them, and the check proves it does, so the needles are sound); its `.part` file must be gone.

The session runs in its own process so TMPDIR is in force from the first import on (Python, Qt,
PDFium and SQLite all read it at start-up).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

NAMES = ["蒋某明测试甲", "欧阳某某测试乙", "绝密测试单位甲乙丙"]
MARKER = b"PLAINTEXT-MARKER-7f3a9c-"
# Judgment texts: a member's rationale, a recusal reason, the chair's note.
JUDGMENT_TEXTS = ["评分理由测试丁戊己", "回避理由测试庚辛壬", "认定说明测试癸子丑"]
EXPORT_NAME = "cases-export.json"


def make_pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0)  # uncompressed: its text is plainly in the bytes
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


SESSION = r"""
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from rongcuo_desktop.domain.case import Case, Conclusion
from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, Score
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.domain.rulebook import DIMENSIONS
from rongcuo_desktop.logsetup import configure_logging
from rongcuo_desktop.store.attachments import attachments_of
from rongcuo_desktop.store.backup import StoreFiles, auto_backup, create_backup
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.data.attachment_viewer import AttachmentViewer

data_dir, usb, evidence = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
rationale, recusal, note = sys.argv[4:7]
names = sys.argv[7:]
configure_logging(data_dir)
app = QApplication([])
key = KeyManager(data_dir, kdf_target_seconds=0.05).create("无明文测试口令 horse battery")
store = Store.create(data_dir, key)
store.accounts.add("王主任", Role.CHAIR, "111186")
chair = store.authenticate("王主任", "111186")
store.accounts.add("张委员", Role.MEMBER, "333386", by=chair)
store.accounts.add("赵委员", Role.MEMBER, "444486", by=chair)
repo = attachments_of(store)
first = None
for n, name in enumerate(names):
    case_id = store.cases.add(
        Case(doc_no=f"容错〔2026〕{n + 1}号", party_name=name, party_unit=names[-1], party_position="科长",
             facts=f"{name}在容缺审批中先行办理", accountability_matter=f"{name}的问责事项",
             rulebook="fuzhou-2019@1"),
        by=chair,
    )
    first = first or case_id
ids = [repo.add_file(first, path, by=chair).id for path in sorted(evidence.iterdir())]
for attachment_id in ids:  # open every attachment, as the viewer does: from memory
    info = repo.info(attachment_id, by=chair)
    viewer = AttachmentViewer(info.file_name, repo.read(attachment_id, by=chair))
    viewer.show()
    app.processEvents()
    viewer.close()
moved = store.cases.get(first, by=chair)
moved.facts += "（补充）" + names[0]
store.cases.update(moved, by=chair)
# The hearing: checklist, a score, a recusal, the decision; then the export the user asks for.
store.accounts.set_members(first, ["张委员", "赵委员"], by=chair)
store.judgments.set_checklist(first, Checklist(("s8-2",), {"c1": ConditionStatus.MET}, {}), by=chair)
member = store.authenticate("张委员", "333386")
store.judgments.score(first, {d: Score(4, rationale) for d in DIMENSIONS}, by=member)
member = store.authenticate("赵委员", "444486")
store.judgments.recuse(first, recusal, by=member)
store.judgments.decide(first, Conclusion.LENIENT, note=note, by=chair)
store.judgments.judge(first, by=chair)
usb.mkdir(parents=True, exist_ok=True)  # the USB stick the user picked
store.transfer.export(usb / "cases-export.json", progress=lambda done, total: None, by=chair)
create_backup(StoreFiles.in_dir(data_dir), key, usb)
store.close()
auto_backup(StoreFiles.in_dir(data_dir), key)
print("session done")
"""


def needles(evidence: dict[str, bytes]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for name in NAMES + JUDGMENT_TEXTS:
        found[f"{name} (utf-8)"] = name.encode("utf-8")
        found[f"{name} (utf-16)"] = name.encode("utf-16-le")
    for file_name, content in evidence.items():
        found[f"{file_name} name"] = file_name.encode("utf-8")
        for start in (0, len(content) // 2, max(0, len(content) - 48)):
            window = content[start : start + 48]
            if len(set(window)) > 8:  # skip runs of padding that any file could contain
                found[f"{file_name}@{start}"] = window
    found["marker"] = MARKER
    return found


def test_scripted_session_leaves_no_plaintext(tmp_path: Path) -> None:
    """Given a session that creates cases, attaches a PDF, a picture and a text file, opens each in
    the viewer, edits a case, scores, recuses, decides, exports to JSON and backs up (to a USB folder
    and at close), then not one byte string of the names, the judgment texts or the attachment
    contents is found in the data folder, the backup folder, TMPDIR or the log (UTF-8 and UTF-16),
    except in the export file the user asked for."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    data_dir = tmp_path / "data"
    usb = tmp_path / "usb"
    temp = tmp_path / "tmp"
    temp.mkdir()
    evidence_dir = tmp_path / "evidence"
    evidence_dir.mkdir()
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "BMP")  # uncompressed, so its pixels are plainly in the bytes
    evidence = {
        "情况说明.pdf": make_pdf(MARKER.decode() + " investigation report"),
        "现场照片.bmp": bytes(png.data()),
        "谈话记录.txt": (MARKER + "谈话记录：".encode() + NAMES[0].encode() + b"\n") * 200,
    }
    for file_name, content in evidence.items():
        (evidence_dir / file_name).write_bytes(content)
    env = dict(os.environ, TMPDIR=str(temp), TMP=str(temp), TEMP=str(temp), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(data_dir), str(usb), str(evidence_dir), *JUDGMENT_TEXTS, *NAMES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "session done" in done.stdout, done.stderr[-3000:]

    export = usb / EXPORT_NAME
    scanned = [
        p for folder in (data_dir, usb, temp) for p in folder.rglob("*") if p.is_file() and p != export
    ]
    assert not any(p.name.endswith(".part") for p in scanned), "no partial export file is left"
    assert any(p.suffix == ".rcbak" for p in usb.iterdir()), "the manual backup exists"
    assert any(p.name.startswith("auto-") for p in (data_dir / "backups").iterdir()), (
        "the close backup exists"
    )
    assert any(p.name == "rongcuo.log" for p in scanned), "the log was written and is scanned"
    assert any(p.name == "rongcuo.db" for p in scanned)
    hits = []
    targets = needles(evidence)
    for path in scanned:
        blob = path.read_bytes()
        hits += [
            f"{label} in {path.relative_to(tmp_path)}" for label, needle in targets.items() if needle in blob
        ]
    assert hits == [], hits
    # The needles themselves are sound: they are found where the plaintext really is.
    assert targets["marker"] in (evidence_dir / "谈话记录.txt").read_bytes()
    exported = export.read_bytes()  # the one plaintext file the user asked for
    assert all(text.encode("utf-8") in exported for text in [NAMES[0], *JUDGMENT_TEXTS])
