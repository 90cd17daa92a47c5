"""The direction of imports: domain <- store <- reports, seal <- ui <- cli.

Each layer may import only the layers before it. paths/logsetup are base modules any layer may use.
Given every module of the package, when its imports are read, then no arrow points the wrong way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rongcuo_desktop"
LAYERS = ["domain", "store", "reports", "seal", "ui", "cli"]
# reports and seal are one level: they may use each other.
RANK = {"domain": 0, "store": 1, "reports": 2, "seal": 2, "ui": 3, "cli": 4}
BASE_MODULES = {"paths", "logsetup", "__init__"}
FORBIDDEN_THIRD_PARTY = {
    "domain": {"PySide6", "shiboken6", "sqlalchemy", "sqlcipher3", "alembic", "reportlab", "pyhanko"},
    "store": {"PySide6", "shiboken6", "reportlab", "pyhanko"},
    "reports": {"PySide6", "shiboken6"},
    "seal": {"PySide6", "shiboken6"},
    "base": {"PySide6", "shiboken6", "sqlalchemy", "sqlcipher3"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    if len(rel.parts) == 1:
        return "base" if rel.stem in BASE_MODULES else rel.stem
    return rel.parts[0]


def all_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "resources" not in p.parts)


@pytest.mark.parametrize("module", all_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_earlier_layers(module: Path) -> None:
    layer = layer_of(module)
    for name in imported_modules(module):
        top = name.split(".")[0]
        assert top not in FORBIDDEN_THIRD_PARTY.get(layer, set()), f"{layer} imports {name}"
        if not name.startswith("rongcuo_desktop."):
            continue
        target = name.split(".")[1]
        if target in BASE_MODULES:
            continue
        if layer == "base":
            pytest.fail(f"base module {module.name} imports the layer {target}")
        if layer in RANK and target in RANK:
            assert RANK[target] <= RANK[layer], f"{layer} ({module.name}) imports {name}"


def test_every_layer_exists() -> None:
    for layer in LAYERS:
        assert (PACKAGE / layer / "__init__.py").is_file()
