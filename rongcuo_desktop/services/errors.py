"""Every failure a services call can raise, by type, each with a Chinese sentence as str().

ui/ and cli/ catch these from here (never from store modules): ServiceError is the base of them all,
so `except ServiceError as error: show(str(error))` is always right, and the narrower types let a
caller do more (ask for the passphrase again, offer a backup, wait before the next PIN).

Light on purpose: the classes the start-up path needs are defined without SQLAlchemy; the ones of
slower modules (backup, attachments, transfer) are looked up when first named.
"""

from __future__ import annotations

import errno
import importlib
from typing import TYPE_CHECKING, Any

from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store.errors import (
    CaseNotFound,
    DataDirNotWritable,
    JudgmentError,
    KeyFileProblem,
    NotAuthenticated,
    NotLoggedIn,
    NotOurDatabase,
    PermissionDenied,
    PinLockedOut,
    PinRejected,
    StoreAlreadyExists,
    StoreNotFound,
    StoreReadError,
    StoreReadOnly,
    StoreTooNew,
    WrongPassphrase,
    WrongPin,
)
from rongcuo_desktop.store.errors import StoreError as ServiceError
from rongcuo_desktop.store.locking import StoreInUse

if TYPE_CHECKING:
    from rongcuo_desktop.store.attachments import (
        AttachmentDamaged,
        AttachmentError,
        AttachmentNotFound,
        AttachmentTooLarge,
        AttachmentUnreadable,
    )
    from rongcuo_desktop.store.backup import (
        BackupCancelled,
        BackupDamaged,
        BackupDiskFull,
        BackupError,
        BackupFromOtherStore,
    )
    from rongcuo_desktop.store.casework import CaseworkError
    from rongcuo_desktop.store.transfer import ImportRefused, TransferCancelled, TransferError

__all__ = [
    "AttachmentDamaged",
    "AttachmentError",
    "AttachmentNotFound",
    "AttachmentTooLarge",
    "AttachmentUnreadable",
    "BackupCancelled",
    "BackupDamaged",
    "BackupDiskFull",
    "BackupError",
    "BackupFromOtherStore",
    "CaseNotFound",
    "CaseworkError",
    "DataDirNotWritable",
    "ImportRefused",
    "JudgmentError",
    "KeyFileProblem",
    "NotAuthenticated",
    "NotLoggedIn",
    "NotOurDatabase",
    "PermissionDenied",
    "PinLockedOut",
    "PinRejected",
    "ServiceError",
    "StoreAlreadyExists",
    "StoreInUse",
    "StoreNotFound",
    "StoreReadError",
    "StoreReadOnly",
    "StoreTooNew",
    "TransferCancelled",
    "TransferError",
    "ValidationError",
    "WrongPassphrase",
    "WrongPin",
    "disk_problem",
]


def disk_problem(error: OSError, doing: str) -> str:
    """What an OSError means for the user: a full disk is said plainly, anything else with its reason."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "数据目录所在的磁盘已满（或超出配额）：请先腾出磁盘空间再试。"
    from rongcuo_desktop.store.layout import os_reason

    return f"{doing}：{os_reason(error)}。"


_LATER = {
    "rongcuo_desktop.store.attachments": (
        "AttachmentDamaged",
        "AttachmentError",
        "AttachmentNotFound",
        "AttachmentTooLarge",
        "AttachmentUnreadable",
    ),
    "rongcuo_desktop.store.backup": (
        "BackupCancelled",
        "BackupDamaged",
        "BackupDiskFull",
        "BackupError",
        "BackupFromOtherStore",
    ),
    "rongcuo_desktop.store.transfer": ("ImportRefused", "TransferCancelled", "TransferError"),
    "rongcuo_desktop.store.casework": ("CaseworkError",),
}


def __getattr__(name: str) -> Any:
    for module, names in _LATER.items():
        if name in names:
            return getattr(importlib.import_module(module), name)
    raise AttributeError(name)
