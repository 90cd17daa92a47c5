"""Smoke test of the installed .deb inside the old Debian root: no network, offscreen and on Xvfb.

Runs inside the root (driven by smoke.sh) with the root's own Python as the driver; only the bundle
is under test. Steps for features that have not landed yet (a CLI command the bundle does not know)
are reported as SKIP, not passed. Exit status 1 when any step FAILs. Results also go to /out/smoke.json.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(os.environ.get("RONGCUO_BIN", "/usr/bin"))
CLI = str(BIN / "rongcuo")
GUI = str(BIN / "rongcuo-desktop")
# The Fuzhou tolerance example first: it is judged with the shipped fuzhou-2019 rulebook.
EXAMPLES = sorted(glob.glob("/src/docs/examples/*.json"), key=lambda p: ("tolerance-fuzhou" not in p, p))
PASSPHRASE = "秋天的稻田里有七只白鹭"
MAIN_WINDOW_TITLE = "容错免责案件库"
OUT = Path(os.environ.get("SMOKE_OUT", "/out"))
BUNDLED_RESOURCES = Path("/opt/rongcuo-desktop/_internal/rongcuo_desktop/resources")

results: list[dict[str, object]] = []


def record(name: str, status: str, detail: str = "", **extra: object) -> None:
    results.append({"step": name, "status": status, "detail": detail, **extra})
    print(f"{status:5} {name}: {detail}", flush=True)


def run(argv: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def commands(env: dict[str, str]) -> set[str]:
    """The sub-commands this bundle's CLI offers (features land over time)."""
    text = run([CLI, "--help"], env).stdout
    block = text.split("positional arguments:", 1)[-1].split("options:", 1)[0]
    return set(re.findall(r"^\s{4}(\w[\w-]*)\s", block, flags=re.MULTILINE))


def with_passphrase(argv: list[str], sub: str, env: dict[str, str], secret: Path) -> list[str]:
    help_text = run([CLI, *sub.split(), "--help"], env).stdout  # sub may be "audit verify"
    return [*argv, "--passphrase-file", str(secret)] if "--passphrase-file" in help_text else argv


def cli_steps(env: dict[str, str], data: Path, secret: Path) -> bool:
    """Returns whether a store was created (the GUI step then expects the main window)."""
    got = run([CLI, "--version"], env)
    status = "PASS" if got.returncode == 0 else "FAIL"
    record("cli --version", status, got.stdout.strip() or got.stderr[-300:])

    got = run([CLI, "rulebook", "list"], env)
    keys = re.findall(r"^(\S+)@\d+", got.stdout, flags=re.MULTILINE)
    # Every rulebook shipped in the bundle's resources (found through rongcuo_desktop.paths) is listed.
    shipped = sorted(p.stem for p in BUNDLED_RESOURCES.glob("rulebooks/*.toml"))
    ok = got.returncode == 0 and bool(keys) and sorted(keys) == shipped
    record("rulebook list", "PASS" if ok else "FAIL", f"{', '.join(keys)} (shipped: {', '.join(shipped)})")
    needed = [
        "fonts/wqy-microhei.ttc",
        "fonts/LXGWWenKai-Regular.ttf",
        "themes/default.qss",
        "icons/app.svg",
        "translations/rongcuo_desktop_en.qm",
    ]
    absent = [name for name in needed if not (BUNDLED_RESOURCES / name).is_file()]
    # Qt's own Chinese strings (确定/取消 on standard buttons), loaded by rongcuo_desktop/ui/i18n.py.
    if not list(BUNDLED_RESOURCES.parents[1].glob("PySide6/**/qtbase_zh_CN.qm")):
        absent.append("PySide6/Qt/translations/qtbase_zh_CN.qm")
    record(
        "bundled resources",
        "FAIL" if absent else "PASS",
        f"missing: {absent}" if absent else "fonts, themes, icons, translations",
    )

    if not EXAMPLES:
        record("judge example", "SKIP", "no docs/examples/*.json")
    else:
        rulebook = "fuzhou-2019" if "fuzhou-2019" in keys else (keys[0] if keys else "")
        got = run([CLI, "judge", EXAMPLES[0], "--rulebook", rulebook], env)
        try:
            verdict = json.loads(got.stdout).get("recommendation", "")
        except json.JSONDecodeError:
            verdict = ""
        status = "PASS" if got.returncode == 0 and verdict else "FAIL"
        detail = f"{Path(EXAMPLES[0]).name} --rulebook {rulebook}: {verdict or got.stderr.strip()[-300:]}"
        record("judge example", status, detail)

    available = commands(env)
    base = [CLI, "--data-dir", str(data)]
    created = False
    if "init" not in available:
        record("store init", "SKIP", "no `rongcuo init` in this build yet")
    else:
        got = run(with_passphrase([*base, "init"], "init", env, secret), env)
        created = got.returncode == 0
        record("store init", "PASS" if created else "FAIL", (got.stdout + got.stderr).strip()[-300:])
    for sub, argv in (
        ("demo", [*base, "demo"]),
        ("list", [*base, "list"]),
        ("backup", [*base, "backup", "--to", str(data.parent / "usb")]),
        ("backups", [*base, "backups", "--dir", str(data.parent / "usb")]),
    ):
        if sub not in available:
            record(f"store {sub}", "SKIP", f"no `rongcuo {sub}` in this build yet")
            continue
        if not created:
            record(f"store {sub}", "SKIP", "no store (init missing or failed)")
            continue
        got = run(with_passphrase(argv, sub, env, secret), env)
        lines = [line for line in got.stdout.splitlines() if line.strip()]
        ok = got.returncode == 0 and (sub not in ("list", "backups") or len(lines) >= 1)
        record(f"store {sub}", "PASS" if ok else "FAIL", f"{len(lines)} lines; {got.stderr.strip()[-200:]}")
    if created:
        more_store_steps(env, base, data, secret, available)
    if created and "list" in available:
        upgrade_keeps_data(env, base, secret)
    return created


def more_store_steps(
    env: dict[str, str], base: list[str], data: Path, secret: Path, available: set[str]
) -> None:
    """Features that landed later: attachments, audit chain, restore from the backup made above."""
    listed = run(with_passphrase([*base, "list", "--json"], "list", env, secret), env)
    try:
        case_id = str(json.loads(listed.stdout)[0]["id"])
    except (json.JSONDecodeError, IndexError, KeyError):
        case_id = ""
    if {"attach", "attachments"} <= available and case_id:
        note = data.parent / "听证笔录.txt"
        note.write_text("听证笔录（冒烟测试）\n", encoding="utf-8")
        got = run(with_passphrase([*base, "attach", case_id, str(note)], "attach", env, secret), env)
        listing = run(with_passphrase([*base, "attachments", case_id], "attachments", env, secret), env)
        ok = got.returncode == 0 and listing.returncode == 0 and note.name in listing.stdout
        record("attach + attachments", "PASS" if ok else "FAIL", (got.stderr + listing.stderr).strip()[-200:])
    else:
        record("attach + attachments", "SKIP", "no attach/attachments command or no case")
    if "audit" in available:
        got = run(with_passphrase([*base, "audit", "verify"], "audit verify", env, secret), env)
        record(
            "audit verify",
            "PASS" if got.returncode == 0 else "FAIL",
            (got.stdout + got.stderr).strip()[-200:],
        )
    else:
        record("audit verify", "SKIP", "no `rongcuo audit` in this build yet")
    export_then_import(env, base, data, secret, available)
    sealed_report(env, base, data, secret, available)
    backups = sorted((data.parent / "usb").glob("*.rcbak"))
    if "restore" in available and backups:
        got = run(with_passphrase([*base, "restore", str(backups[-1])], "restore", env, secret), env)
        after = run(with_passphrase([*base, "list"], "list", env, secret), env)
        ok = got.returncode == 0 and after.returncode == 0 and bool(after.stdout.strip())
        record("restore from backup", "PASS" if ok else "FAIL", (got.stdout + got.stderr).strip()[-200:])
    else:
        record("restore from backup", "SKIP", "no `rongcuo restore` or no backup file")


def export_then_import(
    env: dict[str, str], base: list[str], data: Path, secret: Path, available: set[str]
) -> None:
    """All cases out to a case collection file and into a second, new store: the same 文号 arrive."""
    if not {"export", "import", "init", "list"} <= available:
        record("export + import", "SKIP", "no export/import command in this build yet")
        return
    out = data.parent / "导出.json"
    other = [CLI, "--data-dir", str(data.parent / "other-pc")]
    steps = [
        (with_passphrase([*base, "export", "--all", "--out", str(out)], "export", env, secret), "export"),
        (with_passphrase([*other, "init"], "init", env, secret), "init"),
        (with_passphrase([*other, "import", str(out)], "import", env, secret), "import"),
    ]
    for argv, name in steps:
        got = run(argv, env)
        if got.returncode != 0:
            record("export + import", "FAIL", f"{name}: {(got.stdout + got.stderr).strip()[-200:]}")
            return
    here = run(with_passphrase([*base, "list", "--json"], "list", env, secret), env)
    there = run(with_passphrase([*other, "list", "--json"], "list", env, secret), env)
    try:
        mine = sorted(case["doc_no"] for case in json.loads(here.stdout))
        theirs = sorted(case["doc_no"] for case in json.loads(there.stdout))
    except (json.JSONDecodeError, KeyError, TypeError):
        mine, theirs = [], ["?"]
    ok = bool(mine) and mine == theirs
    record("export + import", "PASS" if ok else "FAIL", f"{len(mine)} cases out, {len(theirs)} in")


def sealed_report(
    env: dict[str, str], base: list[str], data: Path, secret: Path, available: set[str]
) -> None:
    """A signing identity, a sealed 备案报告 and a 备案包 of a decided demo case, each verified offline
    against the exported root by the bundle itself (reportlab, pyHanko and the fonts in the bundle);
    one changed byte at the end must fail the check (exit 1)."""
    if not {"identity", "report", "package", "verify"} <= available:
        record("sealed report", "SKIP", "no identity/report/package/verify command in this build yet")
        return
    doc_no = "容错〔2026〕1号"  # decided in the demo cases
    folder = data.parent / "备案"
    folder.mkdir(exist_ok=True)
    root, pdf, package = folder / "根证书.pem", folder / "备案报告.pdf", folder / "备案包.zip"
    steps = [
        ([*base, "identity", "generate", "--committee", "某区容错免责委员会"], "identity generate", 0),
        ([*base, "identity", "export-root", "--out", str(root)], "identity export-root", 0),
        ([*base, "report", doc_no, "--out", str(pdf)], "report", 0),
        ([*base, "package", doc_no, "--out", str(package)], "package", 0),
        ([CLI, "verify", str(pdf), "--trust", str(root)], "verify", 0),
        ([CLI, "verify", str(package), "--trust", str(root)], "verify", 0),
    ]
    started = time.monotonic()
    for argv, sub, expected in steps:
        got = run(with_passphrase(argv, sub, env, secret) if "--data-dir" in argv else argv, env)
        if got.returncode != expected:
            record(
                "sealed report",
                "FAIL",
                f"{sub}: exit {got.returncode}: {(got.stdout + got.stderr).strip()[-300:]}",
            )
            return
    took = time.monotonic() - started
    changed = folder / "改动.pdf"
    changed.write_bytes(pdf.read_bytes() + b"%")
    got = run([CLI, "verify", str(changed), "--trust", str(root)], env)
    ok = got.returncode == 1 and "未通过" in got.stdout
    detail = f"report {pdf.stat().st_size} bytes, package {package.stat().st_size} bytes, both verified "
    detail += f"({took:.1f} s for the six commands); a changed file: exit {got.returncode}"
    record("sealed report + 备案包 verified", "PASS" if ok else "FAIL", detail)


def upgrade_keeps_data(env: dict[str, str], base: list[str], secret: Path) -> None:
    """Install a newer package over the running installation: the store and its cases stay."""
    newer = os.environ.get("SMOKE_UPGRADE_DEB", "")
    if not newer:
        record("upgrade keeps data", "SKIP", "no upgrade package given")
        return
    before = run(with_passphrase([*base, "list"], "list", env, secret), env).stdout
    got = subprocess.run(["dpkg", "-i", newer], capture_output=True, text=True, check=False)
    version = run(["dpkg-query", "-W", "-f", "${Version}", "rongcuo-desktop"], env).stdout
    after = run(with_passphrase([*base, "list"], "list", env, secret), env)
    ok = got.returncode == 0 and after.returncode == 0 and after.stdout == before and bool(before.strip())
    detail = f"now {version}; case list {'unchanged' if after.stdout == before else 'CHANGED'}"
    record(
        "upgrade keeps data", "PASS" if ok else "FAIL", detail + (got.stderr.strip()[-200:] if not ok else "")
    )


def gui_offscreen(env: dict[str, str], data: Path) -> None:
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([GUI, "--data-dir", str(data)], env=env, stderr=subprocess.PIPE, text=True)
    time.sleep(10)
    alive = proc.poll() is None
    if alive:
        proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    ok = alive and "Traceback" not in err
    detail = "running after 10 s, closed on SIGTERM" if alive else f"exited {proc.returncode}: {err[-300:]}"
    record("gui offscreen", "PASS" if ok else "FAIL", detail)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        return server, ":" + pipe.readline().strip()


def window_titles(pid: int, env: dict[str, str]) -> list[str]:
    found = run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env, timeout=10).stdout.split()
    return [run(["xdotool", "getwindowname", wid], env, timeout=10).stdout.strip() for wid in found]


def gui_xvfb(env: dict[str, str], data: Path, expect_main: bool) -> None:
    """Real xcb plugin in the old root: time from launch to the main window (or first window)."""
    server, display = start_xvfb()
    env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    try:
        start = time.monotonic()
        proc = subprocess.Popen([GUI, "--data-dir", str(data)], env=env, stderr=subprocess.PIPE, text=True)
        titles: list[str] = []
        seconds = None
        while time.monotonic() - start < 90 and proc.poll() is None:
            titles = window_titles(proc.pid, env)
            if any(MAIN_WINDOW_TITLE in t for t in titles) or (titles and not expect_main):
                seconds = time.monotonic() - start
                break
            time.sleep(0.05)
        alive = proc.poll() is None
        if alive:
            proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        what = "main window" if expect_main else "first window (no store: setup dialog expected)"
        if seconds is not None:
            record("gui xcb window", "PASS", f"{what} {titles} after {seconds:.2f} s", seconds=seconds)
        else:
            record("gui xcb window", "FAIL", f"no {what}; windows {titles}; stderr {err[-300:]}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def missing_system_library(env: dict[str, str]) -> None:
    """Take the system's libxcb away (never bundled): the launcher check must name it, not crash."""
    target = os.path.realpath("/usr/lib/x86_64-linux-gnu/libxcb.so.1")
    hidden = target + ".smoke-hidden"
    os.rename(target, hidden)  # the soname link now dangles: "cannot open shared object file"
    try:
        env = {**env, "DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
        got = run([GUI], env, timeout=60)
    finally:
        os.rename(hidden, target)
    log = Path(env["HOME"]) / ".local/share/rongcuo-desktop/logs/startup-error.log"
    logged = log.is_file() and "libxcb.so.1" in log.read_text(encoding="utf-8")
    ok = got.returncode == 3 and "libxcb.so.1" in got.stderr and "libxcb1" in got.stderr and logged
    detail = f"exit {got.returncode}, {'also in' if logged else 'NOT in'} {log.name}: {got.stderr.strip()}"
    record("missing libxcb.so.1 named", "PASS" if ok else "FAIL", detail)


def main() -> int:
    lines = Path("/proc/net/dev").read_text().splitlines()[2:]
    nets = sorted(line.split(":", 1)[0].strip() for line in lines)
    record("no network", "PASS" if nets in (["lo"], []) else "FAIL", f"interfaces: {nets}")
    work = Path(tempfile.mkdtemp(prefix="smoke-"))
    secret = work / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    data = work / "data"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(work),
        "LANG": "C.UTF-8",
        "RONGCUO_PASSPHRASE_FILE": str(secret),
        "XDG_RUNTIME_DIR": str(work),
    }
    created = cli_steps(env, data, secret)
    gui_offscreen(env, data)
    if shutil.which("Xvfb") and shutil.which("xdotool"):
        gui_xvfb(env, data if created else work / "fresh", expect_main=created)
    else:
        record("gui xcb window", "SKIP", "Xvfb/xdotool not in the root")
    missing_system_library(env)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "smoke.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    failed = [r["step"] for r in results if r["status"] == "FAIL"]
    counts = {s: sum(1 for r in results if r["status"] == s) for s in ("PASS", "FAIL", "SKIP")}
    print(f"smoke: {counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
