"""Holding the database key so it can be dropped from memory again (auto-lock, close).

Python cannot promise a secret is gone: `bytes` objects are immutable and may have been copied (the
SQLCipher PRAGMA text, the interpreter's small caches). What we can do is keep the one long-lived copy
in a `bytearray` and overwrite it when the store is locked or closed, and hand out short-lived `bytes`
only at the moment a connection is opened.
"""

from __future__ import annotations


class KeyBox:
    """A wipeable holder for the 32-byte database key."""

    def __init__(self, key: bytes | bytearray) -> None:
        self._key: bytearray | None = bytearray(key)

    @property
    def present(self) -> bool:
        return self._key is not None

    def get(self) -> bytes:
        if self._key is None:
            raise RuntimeError("the key has been wiped (store locked)")
        return bytes(self._key)

    def wipe(self) -> None:
        """Overwrite the held key with zeros and forget it. Idempotent."""
        if self._key is not None:
            wipe_buffer(self._key)
            self._key = None


def wipe_buffer(buffer: bytearray) -> None:
    for index in range(len(buffer)):
        buffer[index] = 0
