"""rongcuo_desktop: a desktop tool for 容错免责 committees."""

__version__ = "0.1.0"
APP_NAME = "rongcuo-desktop"
