"""Every character the app can show is in the shipped fonts, whose outlines reportlab can embed.

Given the texts the app shows (UI strings of every .ts, the rulebooks, the demo cases, the report
templates, the seed texts that rulebooks cite), when each character is looked up in the shipped
faces' character maps, then none is missing: nothing renders as a box even on a PC with no font.
"""

from __future__ import annotations

import ast
import os
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont

from rongcuo_desktop.paths import fonts_dir, resource
from tests.conftest import REPO_ROOT

UI_FACE = ("wqy-microhei.ttc", 0)
BODY_FACE = ("LXGWWenKai-Regular.ttf", 0)
SEEDS = Path(os.environ.get("RONGCUO_SEEDS_DIR", REPO_ROOT.parent / "shared" / "seeds"))
# Qt's password echo (U+25CF, U+2022 when absent) and the punctuation of nested citations.
ALWAYS = "●•〈〉《》〔〕“”‘’、—…①②③·：；（）"


def load_face(name: str, index: int) -> TTFont:
    path = fonts_dir() / name
    if path.suffix == ".ttc":
        return TTCollection(str(path), lazy=True).fonts[index]
    return TTFont(str(path), lazy=True)


def string_literals(path: Path) -> str:
    """All string constants of a module except docstrings (what code can put on a screen or page)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            docstrings.add(id(first.value))
    return "".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    )


def ui_texts() -> str:
    parts = []
    for ts in resource("translations").glob("*.ts"):
        for element in ET.parse(ts).iter():
            if element.tag in ("source", "translation") and element.text:
                parts.append(element.text)
    return "".join(parts)


def texts() -> dict[str, str]:
    package = REPO_ROOT / "rongcuo_desktop"
    found = {
        "UI strings (.ts)": ui_texts(),
        "rulebooks": "".join(p.read_text(encoding="utf-8") for p in resource("rulebooks").glob("*.toml")),
        "demo cases": string_literals(package / "domain" / "demo.py"),
        "report templates": "".join(p.read_text(encoding="utf-8") for p in resource("reports").glob("*.toml"))
        if resource("reports").is_dir()
        else "",
        "messages in code": "".join(
            string_literals(p) for p in package.rglob("*.py") if "forms" not in p.parts
        ),
        "always": ALWAYS,
    }
    if SEEDS.is_dir():
        found["seed texts"] = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return found


def shown(text: str) -> set[str]:
    """Characters that need a glyph (not controls, not the separators drawn as blank space)."""
    return {c for c in text if not unicodedata.category(c).startswith(("C", "Z"))}


@pytest.mark.parametrize("face", [UI_FACE, BODY_FACE], ids=lambda f: f[0])
def test_every_character_shown_is_in_the_shipped_face(face: tuple[str, int]) -> None:
    cmap = load_face(*face).getBestCmap()
    corpus = texts()
    assert len(shown(corpus["UI strings (.ts)"])) > 300 and len(shown(corpus["rulebooks"])) > 300
    missing = {
        where: "".join(sorted(c for c in shown(text) if ord(c) not in cmap)) for where, text in corpus.items()
    }
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}


@pytest.mark.parametrize("face", [UI_FACE, BODY_FACE], ids=lambda f: f[0])
def test_shipped_faces_have_truetype_outlines_and_allow_embedding(face: tuple[str, int]) -> None:
    """reportlab embeds only glyf outlines; fsType bit 1 (restricted licence) would forbid embedding."""
    font = load_face(*face)
    assert "glyf" in font and "CFF " not in font
    assert not font["OS/2"].fsType & 0x0002


def test_fonts_readme_names_every_shipped_file_and_its_licence() -> None:
    readme = (fonts_dir() / "README.md").read_text(encoding="utf-8")
    shipped = [p.name for p in fonts_dir().iterdir() if p.suffix in (".ttf", ".ttc", ".otf")]
    assert sorted(shipped) == sorted([UI_FACE[0], BODY_FACE[0]])
    for name in shipped:
        assert f"`{name}`" in readme, name
    licences = sorted(p.name for p in fonts_dir().glob("LICENSE-*.txt"))
    assert licences == ["LICENSE-LXGWWenKai-OFL-1.1.txt", "LICENSE-WenQuanYi-MicroHei-Apache-2.0.txt"]
    for name in licences:
        assert f"`{name}`" in readme, name
