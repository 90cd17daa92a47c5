"""Entry point of `rongcuo-desktop` (the GUI). Filled in by the main-window work."""

from __future__ import annotations

import sys


def main() -> int:
    return 0


if __name__ == "__main__":
    sys.exit(main())
