"""Store commands: init, demo, list (filled in by the store work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Placeholder until the store commands land."""
