"""What went wrong with a file, said in plain Chinese for every message that reaches a person.

The operating system's own words are English ("No space left on device", "Read-only file system"):
in the middle of a Chinese sentence they help nobody. Standard library only, so every layer (the
safe file reader in domain, the store, services) says it the same way.
"""

from __future__ import annotations

import errno

_OS_REASONS = {
    getattr(errno, "EDQUOT", errno.ENOSPC): "磁盘配额已用完",
    errno.ENOSPC: "磁盘空间已满",
    errno.EFBIG: "文件超过了磁盘允许的大小",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "磁盘或文件夹是只读的（例如U盘的写保护开关）",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EIO: "读写出错（磁盘或U盘可能有问题，或已被拔出）",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "路径太长",
    errno.EBUSY: "文件正被占用",
    errno.EEXIST: "文件已存在",
    errno.EMFILE: "打开的文件太多",
    errno.ENOMEM: "内存不足",
}


def os_reason(error: BaseException) -> str:
    """What went wrong with a file, in plain Chinese (the system's own words are English: "No space
    left on device" in the middle of a Chinese sentence helps nobody). Unknown ones name the code."""
    if isinstance(error, OSError) and error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    text = str(error).lower()
    if "disk is full" in text or "no space" in text:
        return _OS_REASONS[errno.ENOSPC]
    if "readonly" in text or "read-only" in text:
        return _OS_REASONS[errno.EROFS]
    if isinstance(error, OSError) and error.errno is not None:
        return f"系统错误（{errno.errorcode.get(error.errno, error.errno)}）"
    return f"系统错误（{type(error).__name__}）"
