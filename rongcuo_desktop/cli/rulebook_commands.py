"""Rulebook and judgment commands: rulebook list/show/check, judge (filled in by the engine work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Placeholder until the rulebook commands land."""
