"""Frozen entry point shared by both executables of the bundle.

One Analysis feeds two executables (`rongcuo-desktop`, the GUI, and `rongcuo`, the command line), so
the bundle carries one copy of Qt; the executable's own name says which `main` to run.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    name = Path(sys.executable).stem.lower()
    if name == "rongcuo":
        from rongcuo_desktop.cli.main import main as cli_main

        return cli_main()
    from rongcuo_desktop.ui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
