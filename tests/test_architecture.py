"""The direction of imports, as an allowlist: domain -> store -> services -> reports/seal -> ui | cli.

Each layer names the layers it may import and the third-party packages it may use; anything else
fails. `paths`, `logsetup` and the package `__init__` are base modules (standard library and
platformdirs) any layer outside domain may use. The domain imports the standard library only.
ui/ and cli/ are siblings: neither imports the other, and neither imports store/ (they reach the
data through services/); neither imports SQLAlchemy.

Given every module of the package, when its imports are read (including those under
TYPE_CHECKING and inside functions), then every arrow points down.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rongcuo_desktop"
BASE_MODULES = {"paths", "logsetup", "__init__"}
MODULE_IN_STRING = re.compile(r"rongcuo_desktop(?:\.[a-z_][a-z0-9_]*)+")
LAYERS = ["domain", "store", "services", "reports", "seal", "ui", "cli"]

# Which package layers each layer may import (its own included).
MAY_IMPORT: dict[str, set[str]] = {
    "base": {"base"},
    "domain": {"domain"},
    "store": {"base", "domain", "store"},
    "services": {"base", "domain", "store", "services"},
    "reports": {"base", "domain", "store", "services", "reports", "seal"},
    "seal": {"base", "domain", "store", "services", "reports", "seal"},
    "ui": {"base", "domain", "services", "reports", "seal", "ui"},
    "cli": {"base", "domain", "services", "reports", "seal", "cli"},
}
# Third-party packages each layer may use (the standard library is always allowed).
THIRD_PARTY: dict[str, set[str]] = {
    "base": {"platformdirs"},
    "domain": set(),
    "store": {
        "sqlalchemy",
        "sqlcipher3",
        "alembic",
        "argon2",
        "cryptography",
        "keyring",
        "secretstorage",
        "pypinyin",
    },
    "services": set(),
    "ui": {"PySide6", "shiboken6", "pypdfium2"},
    "cli": set(),
}
# reports/ and seal/ make PDFs and signatures with whatever library does it best: never Qt.
NEVER_IN_REPORTS = {"PySide6", "shiboken6"}


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, absolute names (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ["rongcuo_desktop", *path.relative_to(PACKAGE).parent.parts]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            # A module named in a string (importlib.import_module, a warm-up list) is an import too.
            if MODULE_IN_STRING.fullmatch(node.value):
                names.add(node.value)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                names.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                names.add(node.module)
    return names


def layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    if len(rel.parts) == 1:
        return "base" if rel.stem in BASE_MODULES else rel.stem
    return rel.parts[0]


def target_layer(name: str) -> str:
    """rongcuo_desktop.store.x -> store; rongcuo_desktop.paths -> base; rongcuo_desktop -> base."""
    parts = name.split(".")
    if len(parts) == 1 or parts[1] in BASE_MODULES:
        return "base"
    return parts[1]


def all_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "resources" not in p.parts)


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("module", all_modules(), ids=rel)
def test_module_imports_only_what_its_layer_allows(module: Path) -> None:
    layer = layer_of(module)
    assert layer in MAY_IMPORT, f"{rel(module)}: a module outside the known layers"
    for name in sorted(imported_modules(module)):
        top = name.split(".")[0]
        if top == "rongcuo_desktop":
            target = target_layer(name)
            assert target in MAY_IMPORT[layer], f"{rel(module)} ({layer}) imports {name} ({target})"
        elif top not in sys.stdlib_module_names:
            if layer in ("reports", "seal"):
                assert top not in NEVER_IN_REPORTS, f"{rel(module)} imports {name}"
            else:
                assert top in THIRD_PARTY[layer], f"{rel(module)} ({layer}) imports the package {name}"


def test_every_layer_exists() -> None:
    for layer in LAYERS:
        assert (PACKAGE / layer / "__init__.py").is_file()


def test_domain_reaches_no_install_paths() -> None:
    """The domain imports the standard library only: resource folders are handed to it."""
    for module in (PACKAGE / "domain").rglob("*.py"):
        assert not any(target_layer(n) == "base" for n in imported_modules(module) if "rongcuo" in n), rel(
            module
        )
