"""Print the packaging figures: bundle size, .deb size, build time, launch-to-main-window (bundle vs venv).

Launch time is measured on this machine under Xvfb: the same prepared store (demo cases, passphrase
handed over in RONGCUO_PASSPHRASE_FILE, as the Xvfb tests do) is opened by the venv's
`rongcuo-desktop` and by the bundle's, and the clock stops when xdotool sees the main window.

    python packaging/figures.py [--out packaging/out] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE / "linux"))
# The smoke test's own (it also runs alone, in the old root).
from smoke import MAIN_WINDOW_TITLE, PASSPHRASE, start_xvfb  # noqa: E402

GOAL_MB = 250


def tree_bytes(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main_window_seconds(app: Path, data: Path, env: dict[str, str], timeout: float = 60) -> float | None:
    start = time.monotonic()
    proc = subprocess.Popen(
        [str(app), "--data-dir", str(data)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    seconds = None
    try:
        while time.monotonic() - start < timeout and proc.poll() is None:
            ids = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            ).stdout.split()
            names = [
                subprocess.run(
                    ["xdotool", "getwindowname", wid], env=env, capture_output=True, text=True, check=False
                ).stdout
                for wid in ids
            ]
            if any(MAIN_WINDOW_TITLE in name for name in names):
                seconds = time.monotonic() - start
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return seconds


def launch_figures(bundle: Path, runs: int) -> dict[str, float | None]:
    venv_app = REPO / ".venv" / "bin" / "rongcuo-desktop"
    venv_cli = REPO / ".venv" / "bin" / "rongcuo"
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("launch: Xvfb/xdotool missing (make sysdeps installs them)")
        return {}
    work = Path(tempfile.mkdtemp(prefix="rongcuo-figures-"))
    secret = work / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    data = work / "data"
    env = {**os.environ, "RONGCUO_PASSPHRASE_FILE": str(secret), "HOME": str(work), "QT_QPA_PLATFORM": "xcb"}
    for sub in ("init", "demo"):
        subprocess.run(
            [str(venv_cli), "--data-dir", str(data), sub, "--passphrase-file", str(secret)],
            env=env,
            capture_output=True,
            check=True,
        )
    server, display = start_xvfb()
    env["DISPLAY"] = display
    found: dict[str, float | None] = {}
    try:
        for label, app in (("venv", venv_app), ("bundle", bundle / "rongcuo-desktop")):
            samples = [main_window_seconds(app, data, env) for _ in range(runs)]
            good = [s for s in samples if s is not None]
            found[label] = statistics.median(good) if good else None
            shown = ", ".join("none" if s is None else f"{s:.2f}" for s in samples)
            print(f"launch to main window, {label:6}: median {found[label] or 0:.2f} s  (runs: {shown})")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    bundle = args.out / "dist" / "rongcuo-desktop"
    if not bundle.is_dir():
        print(f"no bundle at {bundle}: run `make package` first", file=sys.stderr)
        return 1
    figures: dict[str, object] = {}
    size, count = tree_bytes(bundle)
    figures["bundle_mb"] = round(size / 1e6, 1)
    verdict = "within" if size / 1e6 < GOAL_MB else "OVER"
    print(f"bundle unpacked: {size / 1e6:.1f} MB in {count} files ({verdict} the {GOAL_MB} MB goal)")
    debs = sorted(args.out.glob("rongcuo-desktop_*_amd64.deb"))
    if debs:
        figures["deb_mb"] = round(debs[-1].stat().st_size / 1e6, 1)
        print(f".deb: {debs[-1].name} {debs[-1].stat().st_size / 1e6:.1f} MB")
    info_file = args.out / "dist" / "build-info.json"
    if info_file.exists():
        info = json.loads(info_file.read_text())
        figures["build_seconds"] = info["build_seconds"]
        print(f"bundle build time (root and Python cached): {info['build_seconds']} s")
    smoke_file = args.out / "smoke.json"
    if smoke_file.exists():
        for step in json.loads(smoke_file.read_text(encoding="utf-8")):
            if step["step"] == "gui xcb window" and "seconds" in step:
                print(f"launch to main window in the bullseye root (smoke, one run): {step['seconds']:.2f} s")
    figures["launch_seconds"] = launch_figures(bundle, args.runs)
    (args.out / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
