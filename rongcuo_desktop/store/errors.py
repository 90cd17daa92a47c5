"""Store errors. Each carries a Chinese sentence the UI and the CLI show as is (``str(exc)``)."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every store problem; ``str()`` is a calm Chinese sentence for the user."""


class WrongPassphrase(StoreError):
    def __init__(self, message: str = "恢复口令不正确，请重试。数据没有任何改动。") -> None:
        super().__init__(message)


class DataDirNotWritable(StoreError):
    """The data folder cannot be created or written (read-only medium, permissions, a file in the way)."""


class NotOurDatabase(StoreError):
    """The file exists but is not a rongcuo SQLCipher store for this key, or it is damaged."""


class KeyFileProblem(StoreError):
    """The wrapped-key file is missing, altered or unreadable."""


class StoreAlreadyExists(StoreError):
    """create() refused: an existing store (or a part of one) is never overwritten."""


class StoreNotFound(StoreError):
    """open() found no database file in the data folder (nothing is created by open)."""


class StoreTooNew(StoreError):
    """The database was written by a newer version of the app; this version must not touch it."""
