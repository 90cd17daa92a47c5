"""Which face sets which part of a report, and its registration with reportlab.

GB/T 9704-2012 names 仿宋 for the body, 小标宋 for the title, 黑体 for first-level headings, 楷体
for second-level headings and 宋体 for page numbers. The PC's own faces are used where present
(Windows' simfang.ttf, simhei.ttf, simkai.ttf, simsun.ttc; the same files or 方正 faces on UOS and
Kylin) and where reportlab can embed them: TrueType outlines and an OS/2 fsType that allows
embedding (reportlab refuses the others itself). Otherwise the shipped faces stand in, and the
report says which face stood in for which.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rongcuo_desktop.paths import fonts_dir

log = logging.getLogger(__name__)

SHIPPED_SANS = ("wqy-microhei.ttc", 0, "文泉驿微米黑")
SHIPPED_KAI = ("LXGWWenKai-Regular.ttf", 0, "霞鹜文楷")


@dataclass(frozen=True)
class Role:
    key: str
    official: str  # the face GB/T 9704 names
    candidates: tuple[tuple[str, int, str], ...]  # file name (lower case), subfont index, display name
    stand_in: tuple[str, int, str]


ROLES = (
    Role(
        "body",
        "仿宋",
        (
            ("simfang.ttf", 0, "仿宋"),
            ("fangsong_gb2312.ttf", 0, "仿宋_GB2312"),
            ("仿宋_gb2312.ttf", 0, "仿宋_GB2312"),
            ("fzfsk.ttf", 0, "方正仿宋"),
            ("fzfsjw.ttf", 0, "方正仿宋简体"),
        ),
        SHIPPED_KAI,
    ),
    Role(
        "title",
        "小标宋",
        (
            ("fzxbsjw.ttf", 0, "方正小标宋简体"),
            ("方正小标宋简体.ttf", 0, "方正小标宋简体"),
            ("fzxbsk.ttf", 0, "方正小标宋"),
            ("simhei.ttf", 0, "黑体"),
        ),
        SHIPPED_SANS,
    ),
    Role("heading", "黑体", (("simhei.ttf", 0, "黑体"), ("fzhtk.ttf", 0, "方正黑体")), SHIPPED_SANS),
    Role(
        "kai",
        "楷体",
        (("simkai.ttf", 0, "楷体"), ("kaiti_gb2312.ttf", 0, "楷体_GB2312"), ("fzktk.ttf", 0, "方正楷体")),
        SHIPPED_KAI,
    ),
    Role("song", "宋体", (("simsun.ttc", 0, "宋体"), ("simsun.ttf", 0, "宋体")), SHIPPED_SANS),
)


@dataclass(frozen=True)
class Face:
    role: str
    official: str
    name: str  # reportlab font name
    display: str  # how the report names it
    path: Path
    index: int
    shipped: bool

    @property
    def stood_in(self) -> bool:
        """True when this is not the face the standard names (a shipped face, or 黑体 for 小标宋)."""
        return self.shipped or self.official not in self.display


def system_font_dirs() -> list[Path]:
    """The usual font folders of Windows, UOS/Kylin/Debian and the user."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/opt/apps/fonts")]
        home = Path.home()
        dirs += [home / ".local" / "share" / "fonts", home / ".fonts"]
    extra = os.environ.get("RONGCUO_REPORT_FONT_DIRS", "")
    dirs = [Path(p) for p in extra.split(os.pathsep) if p] + dirs
    return [d for d in dirs if d.is_dir()]


@cache
def _system_files() -> dict[str, Path]:
    """Lower-case file name -> path, for the candidate names only (one walk per process)."""
    wanted = {c[0] for role in ROLES for c in role.candidates}
    found: dict[str, Path] = {}
    for top in system_font_dirs():
        for folder, _dirs, files in os.walk(top):
            for name in files:
                lower = name.lower()
                if lower in wanted and lower not in found:
                    found[lower] = Path(folder) / name
    return found


def _try_register(name: str, path: Path, index: int) -> bool:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if name in pdfmetrics.getRegisteredFontNames():
        return True
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    except (TTFError, OSError, ValueError, KeyError, IndexError) as error:
        log.info("report font %s not usable: %s", path.name, type(error).__name__)
        return False
    return True


@cache
def faces(use_system: bool = True) -> dict[str, Face]:
    """Role -> the face used (registered with reportlab once per process)."""
    chosen: dict[str, Face] = {}
    system = _system_files() if use_system else {}
    for role in ROLES:
        face = None
        for file_name, index, display in role.candidates:
            path = system.get(file_name)
            if path is not None and _try_register(f"rc-{file_name}-{index}", path, index):
                face = Face(role.key, role.official, f"rc-{file_name}-{index}", display, path, index, False)
                break
        if face is None:
            file_name, index, display = role.stand_in
            path = fonts_dir() / file_name
            name = f"rc-shipped-{file_name}-{index}"
            if not _try_register(name, path, index):
                raise RuntimeError(f"shipped font {file_name} cannot be loaded")
            face = Face(role.key, role.official, name, display, path, index, True)
        chosen[role.key] = face
    return chosen


@cache
def _cmap(name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


def covers(face: Face, char: str) -> bool:
    return ord(char) in _cmap(face.name)


def fallback_chain(face: Face, all_faces: dict[str, Face]) -> list[Face]:
    """The face, then the shipped faces, for characters the PC's face lacks (rare names)."""
    chain = [face]
    for key in ("body", "heading"):
        other = all_faces[key]
        if other not in chain:
            chain.append(other)
    for file_name, index, display in (SHIPPED_SANS, SHIPPED_KAI):
        name = f"rc-shipped-{file_name}-{index}"
        if _try_register(name, fonts_dir() / file_name, index) and all(f.name != name for f in chain):
            chain.append(Face("fallback", "", name, display, fonts_dir() / file_name, index, True))
    return chain


def stand_in_note(all_faces: dict[str, Face]) -> str:
    """One sentence for the report: which face stood in where the official one was missing."""
    parts = []
    for role in ROLES:
        face = all_faces[role.key]
        if face.stood_in:
            parts.append(f"{role.official}由{face.display}代替")
    if not parts:
        return ""
    return "本机未安装或不可嵌入标准字体，" + "，".join(parts) + "。"
