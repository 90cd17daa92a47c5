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


# ----- who acts (guard.py, accounts.py): kept here, without SQLAlchemy, so services and the UI can
# name them on the start-up path.


class PermissionDenied(StoreError):
    """The acting person's role may not take this action (or may not see this case)."""


class NotLoggedIn(StoreError):
    def __init__(self) -> None:
        super().__init__("请先选择您的账户并输入个人口令，再进行操作。")


class NotAuthenticated(StoreError):
    """A credential this store did not issue (made up, from another store or process, or revoked)."""

    def __init__(self) -> None:
        super().__init__(
            "操作人没有在本程序中通过个人口令验证（或账户已停用），操作没有进行。请重新选择账户并输入个人口令。"
        )


class WrongPin(StoreError):
    def __init__(self) -> None:
        super().__init__("账户名或个人口令不正确，请重试。")


class PinRejected(StoreError):
    """A new PIN that breaks the PIN rules (domain/accounts.py); nothing was changed."""


class PinLockedOut(StoreError):
    """Too many wrong PINs for this account in a row: the next try must wait."""

    def __init__(self, name: str, wait_seconds: int) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(
            f"账户“{name}”的个人口令已连续输错多次，请 {wait_seconds} 秒后再试。每次尝试都记入审计记录。"
        )


class CaseNotFound(StoreError):
    def __init__(self, case_id: int, message: str = "") -> None:
        self.case_id = case_id
        super().__init__(message or f"找不到编号为 {case_id} 的案件，它可能已被删除。")

    @classmethod
    def by_doc_no(cls, doc_no: str) -> CaseNotFound:
        return cls(0, f"找不到文号为“{doc_no}”的案件。")


class StoreReadOnly(StoreError):
    """The check at open found audit problems: nothing changes until the 主任 acknowledges them."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"数据库目前只读，不能修改：{reason}")


class StoreReadError(StoreError):
    """A read or write failed inside SQLCipher (damaged page, disk full, I/O error)."""


class JudgmentError(StoreError):
    """A judgment change the rules do not allow, or bad input; nothing was changed."""
