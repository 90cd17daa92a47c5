"""Fast checks of the packaging machinery (the slow bundle build and its smoke test run in `make package`)."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from rongcuo_desktop import paths
from tests.conftest import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"
needs_cc = pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler (build-essential)")


def load(relative: str) -> ModuleType:
    """Packaging scripts are not a package (the name would shadow PyPI's `packaging`): load by path."""
    path = PACKAGING / relative
    spec = importlib.util.spec_from_file_location(f"_pkg_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.mark.parametrize("platform", ["linux-x86_64", "linux-aarch64", "windows-amd64"])
def test_lock_pins_every_dependency_with_a_hash(platform: str) -> None:
    """Given pyproject's dependencies, then each platform's lock pins every one and hashes every pin."""
    text = (PACKAGING / "requirements" / f"{platform}.txt").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, flags=re.MULTILINE))
    hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})$", text, flags=re.MULTILINE)
    assert len(hashes) == len(pins) > 10
    deps = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
    pinned = {_normalize(name) for name in pins}
    for dep in deps:
        name = _normalize(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0])
        assert name in pinned, f"{platform} lock lacks {name}: run `make -C packaging lock`"
    assert {"pyinstaller", "pyside6-essentials"} <= pinned


def test_windows_lock_has_what_only_windows_needs() -> None:
    text = (PACKAGING / "requirements" / "windows-amd64.txt").read_text(encoding="utf-8")
    for name in ("pywin32-ctypes", "pefile", "tzdata"):
        assert re.search(rf"^{name}==", text, flags=re.MULTILINE), name
    assert "win_amd64.whl" in text and "manylinux" not in text


def test_x86_64_lock_stays_within_glibc_2_28() -> None:
    """Every binary wheel in the Linux x86_64 lock carries a manylinux tag at or below glibc 2.28."""
    text = (PACKAGING / "requirements" / "linux-x86_64.txt").read_text(encoding="utf-8")
    wheels = re.findall(r"# (\S+\.whl)", text)
    assert wheels
    for wheel in wheels:
        tags = re.findall(r"manylinux_2_(\d+)_x86_64|manylinux(1|2010|2014)_x86_64", wheel)
        if "none-any" in wheel:
            continue
        assert tags, wheel
        assert min(int(minor) if minor else 17 for minor, _legacy in tags) <= 28, wheel


def test_package_data_carries_resources_and_migrations(tmp_path: Path) -> None:
    """Given pyproject's and setup.py's setuptools config, when setuptools lays out the package
    (build_py, what a wheel holds), then every file of resources/ (fonts, rulebooks, themes, icons,
    translations) and the Alembic scripts are inside, and setuptools printed no warning."""
    build = tmp_path / "lib"
    # Without byte-compiling, build_py notes "byte-compiling is disabled": not what this test is after.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "setup.py", "build_py", "-d", str(build)],
        cwd=REPO_ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    output = done.stdout + done.stderr
    assert "warning" not in output.lower(), output
    package = build / "rongcuo_desktop"
    assert (package / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert (package / "resources" / "themes" / "default.qss").is_file()
    assert (package / "resources" / "icons" / "app.svg").is_file()
    assert (package / "resources" / "translations" / "rongcuo_desktop_en.qm").is_file()
    assert list((package / "resources" / "rulebooks").glob("*.toml"))
    assert list((package / "store" / "migrations" / "versions").glob("*.py"))
    shipped = {p.relative_to(REPO_ROOT / "resources") for p in (REPO_ROOT / "resources").rglob("*")}
    installed = {p.relative_to(package / "resources") for p in (package / "resources").rglob("*")}
    # Hidden files (.keep placeholders) are not package data.
    assert {p for p in shipped if not any(x.startswith((".", "__")) for x in p.parts)} <= installed


def test_paths_find_resources_in_a_pyinstaller_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a fake one-folder bundle (sys._MEIPASS), then paths resolves resources inside it first."""
    bundled = tmp_path / "_internal" / "rongcuo_desktop" / "resources"
    (bundled / "rulebooks").mkdir(parents=True)
    (bundled / "fonts").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    paths.resources_dir.cache_clear()
    try:
        assert paths.rulebooks_dir() == bundled / "rulebooks"
        assert paths.fonts_dir() == bundled / "fonts"
    finally:
        monkeypatch.delattr(sys, "_MEIPASS")
        paths.resources_dir.cache_clear()
    assert paths.rulebooks_dir() != bundled / "rulebooks"


def _compile(tmp_path: Path, name: str, *extra: str) -> Path:
    """A shared library (like the bundle's extension modules): no start-up code of this glibc."""
    source = tmp_path / "uses_exp.c"
    source.write_text("#include <math.h>\ndouble grow(double x) { return exp(x) + pow(x, x); }\n")
    out = tmp_path / f"{name}.so"
    subprocess.run(["cc", "-O0", "-shared", "-fPIC", *extra, str(source), "-o", str(out), "-lm"], check=True)
    return out


@needs_cc
def test_glibc_check_flags_a_too_new_symbol(tmp_path: Path) -> None:
    """Given a program built here against glibc 2.36 that calls exp/pow, then the 2.28 check names
    exp@GLIBC_2.29; built with packaging/linux/glibc228.h it passes (how the bundle's Python is built)."""
    check = load("check_glibc.py")
    too_new = _compile(tmp_path, "plain")
    report = check.check_tree(too_new, "2.28")
    assert report.offenders, "a program linked on glibc >= 2.29 should need exp@GLIBC_2.29"
    assert "exp@GLIBC_2.29" in next(iter(report.offenders.values()))
    assert check.main([str(too_new), "--max", "2.28"]) == 1
    pinned = _compile(tmp_path, "pinned", "-include", str(PACKAGING / "linux" / "glibc228.h"))
    assert check.check_tree(pinned, "2.28").offenders == {}
    assert check.main([str(pinned), "--max", "2.28"]) == 0


@needs_cc
def test_launcher_check_names_a_missing_library(tmp_path: Path) -> None:
    """Given a plugin whose dependency is gone (like libxcb-cursor0 on a bare desktop), then the
    runtime hook names that library and the package to install instead of letting Qt abort."""
    hook = load("pyinstaller/rthook_syslibs.py")
    (tmp_path / "dep.c").write_text("int dep_value(void) { return 7; }\n")
    (tmp_path / "plugin.c").write_text(
        "int dep_value(void);\nint plugin_value(void) { return dep_value(); }\n"
    )
    # A name no system has (this machine does have libxcb-cursor0 installed).
    dep = tmp_path / "librongcuo-gone.so.0"
    soname = "-Wl,-soname,librongcuo-gone.so.0"
    subprocess.run(["cc", "-shared", "-fPIC", soname, "-o", str(dep), str(tmp_path / "dep.c")], check=True)
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c"), str(dep)], check=True
    )
    dep.unlink()
    error = hook.missing_library(plugin)
    assert error is not None and error.startswith("librongcuo-gone.so.0: cannot open shared object file")
    assert "librongcuo-gone.so.0" in hook.message_for(error)
    # The same loader message for the library UOS desktops most often lack names its package.
    text = hook.message_for("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")
    assert "系统缺少库 libxcb-cursor.so.0" in text and "apt install libxcb-cursor0" in text


def test_launcher_check_passes_the_real_xcb_plugin() -> None:
    """With `make sysdeps` done, PySide6's own xcb plugin loads: the check stays silent. (In a child
    process, so the xcb plugin is not loaded into the test process that runs Qt offscreen.)"""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip("no Linux xcb plugin in this PySide6")
    hook_path = PACKAGING / "pyinstaller" / "rthook_syslibs.py"
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('hook', {str(hook_path)!r})\n"
        "hook = importlib.util.module_from_spec(spec); spec.loader.exec_module(hook)\n"
        f"print(hook.missing_library(__import__('pathlib').Path({str(plugin)!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "None"
    hook = load("pyinstaller/rthook_syslibs.py")
    assert hook.wants_xcb({"DISPLAY": ":0"}) and not hook.wants_xcb({"QT_QPA_PLATFORM": "offscreen"})


def test_bundle_policy_drops_unused_qt_parts() -> None:
    policy = load("pyinstaller/bundle_policy.py")
    assert policy.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not policy.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert policy.keep_data("rongcuo_desktop/resources/rulebooks/fuzhou-2019.toml")
    assert policy.keep_binary("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert policy.keep_binary("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert not policy.keep_binary("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not policy.keep_binary("PySide6/Qt/plugins/tls/libqopensslbackend.so")
    assert not policy.keep_binary("libsqlite3.so.0")
    assert "PySide6.QtWebEngineCore" in policy.EXCLUDES


def test_desktop_entry_and_installer_contracts() -> None:
    """The .desktop entry has a Chinese name and the /usr/bin launcher; the Inno script installs per
    machine and never deletes the user's data folder on uninstall."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "rongcuo-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert re.search(r"[\u4e00-\u9fff]", section["Name"])
    assert section["Exec"].startswith("/usr/bin/rongcuo-desktop")
    assert section["Icon"] == "rongcuo-desktop"
    iss = (PACKAGING / "windows" / "rongcuo.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=admin" in iss
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}", iss, flags=re.MULTILINE)
    assert not re.search(r"^\[UninstallDelete\]", iss, flags=re.MULTILINE)
    assert "{group}" in iss


PROBE_WITHOUT_ACCELERATORS = """
import sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from bundle_policy import EXCLUDES
for name in EXCLUDES:
    if "." in name and not name.startswith("PySide6"):  # parts of packages the app does use
        sys.modules[name] = None  # as in the bundle: not there
import multidict, yarl, frozenlist, propcache, aiohttp, lxml.etree, PIL.Image
from rongcuo_desktop.reports.export import seal_document
from rongcuo_desktop.reports.model import Kind, build_document
from rongcuo_desktop.seal.identity import generate
from rongcuo_desktop.seal.pades import PadesSealer
from rongcuo_desktop.seal.verify import verify_pdf
from tests.reports.test_reports import report_data
identity = generate("某区容错免责委员会")
sealed = seal_document(build_document(report_data(), Kind.FILING), PadesSealer(identity))
verdict = verify_pdf(sealed.pdf, [identity.root])
print("ok" if verdict.ok else [c.name for c in verdict.failures], multidict.MultiDict.__module__)
"""


def test_a_report_seals_and_verifies_without_what_the_bundle_leaves_out() -> None:
    """The C accelerators and plugins the bundle excludes (aiohttp's, multidict's, lxml.objectify,
    Pillow's AVIF/WebP) are not needed: with them absent, a report is sealed and verified."""
    got = subprocess.run(
        [sys.executable, "-c", PROBE_WITHOUT_ACCELERATORS, str(PACKAGING / "pyinstaller"), str(REPO_ROOT)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=300,
    )
    assert got.returncode == 0, got.stderr[-3000:]
    assert got.stdout.split() == ["ok", "multidict._multidict_py"]


def test_every_code_folder_is_a_package() -> None:
    """setup.py lists packages with find_packages, which skips a folder without __init__.py: a
    non-editable install (the bundle, `pip install .`) would then lack its modules although an
    editable install (the tests) finds them."""
    package = REPO_ROOT / "rongcuo_desktop"
    missing = [
        str(folder.relative_to(REPO_ROOT))
        for folder in [package, *package.rglob("*")]
        if folder.is_dir()
        and folder.name != "__pycache__"
        and any(folder.glob("*.py"))
        and not (folder / "__init__.py").is_file()
    ]
    assert missing == []
