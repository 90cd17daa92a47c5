"""Checks for files people write by hand (rulebooks, case files) that say exactly where they are wrong.

A loader collects every problem with its path (`dimensions[2].levels[4]`) and raises them together,
so a secretary fixes a file in one pass, and nothing half-loaded ever reaches the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Issue:
    path: str  # where in the data: `cases[3].case.party_name` (a file's field, as its author wrote it)
    message: str
    label: str = ""  # the field's Chinese name (当事人), where the data came from a form

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    @property
    def said(self) -> str:
        """The problem as a person who filled a form reads it: named by the field's Chinese name, never
        by its internal path (`party_name`, `notes[1]`), which means nothing to them."""
        if not self.label or self.message.startswith(self.label):
            return self.message
        return f"{self.label}：{self.message}"


class ValidationError(ValueError):
    """One or more problems in a file; `str()` is a Chinese message naming every field."""

    def __init__(self, what: str, issues: list[Issue]) -> None:
        self.what = what
        self.issues = list(issues)
        super().__init__(str(self))

    def __str__(self) -> str:
        return self._lines([str(issue) for issue in self.issues])

    def said(self) -> str:
        """The message for a form (the case window, a dialog, a command's options): each problem by
        its field's Chinese name (Issue.said) instead of the internal path a file's reader needs."""
        return self._lines([issue.said for issue in self.issues])

    def _lines(self, problems: list[str]) -> str:
        lines = [f"{self.what}有 {len(problems)} 处问题："] if len(problems) > 1 else [f"{self.what}："]
        lines.extend(f"  {problem}" for problem in problems)
        return "\n".join(lines)


BRIEF_CHARS = 40  # how much of a bad value a message quotes


def brief(value: Any, limit: int = BRIEF_CHARS) -> str:
    """A value as a message may quote it: at most `limit` characters of a text (with its length when
    cut), invisible and control characters written as escapes, a list or table by its size.

    Why: a message that echoed a bad value whole was 104.8 MB for an array holding a 100 MB case, and
    a right-to-left override in a quoted 文号 turned the message itself around.
    """
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return f"{value[:limit] + '…'!r}（共 {len(value):,} 个字符）"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return repr(value) if value.bit_length() <= 128 else f"（{value.bit_length()} 位的整数）"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list | tuple):
        return f"列表（{len(value):,} 项）"
    if isinstance(value, Mapping):
        return f"表（{len(value):,} 个键）"
    return type(value).__name__


def join(path: str, key: str | int) -> str:
    """`cases[3].members` from `cases[3]` and `members`; a long or odd key is quoted briefly."""
    if type(key) is int or isinstance(key, int):
        return f"{path}[{key}]"
    if len(key) > BRIEF_CHARS or not key.isprintable() or not key:
        key = brief(key)
    return f"{path}.{key}" if path else key


_TYPE_NAMES: dict[type, str] = {
    str: "文本",
    int: "整数",
    float: "数字",
    bool: "true/false",
    list: "列表",
    dict: "表（对象）",
}


class Checker:
    """Reads loosely typed data (from TOML or JSON) and records an Issue instead of raising."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def fail(self, path: str, message: str, label: str = "") -> None:
        self.issues.append(Issue(path, message, label))

    def raise_if_any(self, what: str) -> None:
        if self.issues:
            raise ValidationError(what, self.issues)

    def is_type(self, value: Any, kind: type, path: str) -> bool:
        if type(value) is kind:  # the common case, first (an import checks millions of values)
            return True
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            self.fail(path, f"应为{_TYPE_NAMES.get(kind, kind.__name__)}，实际为 {brief(value)}")
        return ok

    def table(self, value: Any, path: str, allowed: set[str]) -> Mapping[str, Any] | None:
        """The value as a table, with every key it does not know reported (typos are caught)."""
        if type(value) is not dict and not isinstance(value, Mapping):
            self.fail(path, f"应为表（对象），实际为 {brief(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.fail(join(path, str(key)), "未知字段")
        return value

    # The field's path is joined only when it is needed: for a message, or to read a number.
    def required(self, data: Mapping[str, Any], key: str, kind: type, path: str) -> Any:
        if key not in data:
            self.fail(path, f"缺少 {key}")
            return None
        value = data[key]
        if type(value) is not kind and not self.is_type(value, kind, join(path, key)):
            return None
        if kind is str and not value.strip():
            self.fail(join(path, key), "不能为空")
            return None
        return self._as_float(value, join(path, key)) if kind is float else value

    def optional(self, data: Mapping[str, Any], key: str, kind: type, path: str, default: Any) -> Any:
        if key not in data or data[key] is None:
            return default
        value = data[key]
        if type(value) is not kind and not self.is_type(value, kind, join(path, key)):
            return default
        if kind is float:
            converted = self._as_float(value, join(path, key))
            return default if converted is None else converted
        return value

    def _as_float(self, value: Any, path: str) -> float | None:
        try:
            return float(value)
        except OverflowError:  # an integer too large for a float
            self.fail(path, f"数值太大，实际为 {brief(value)}")
            return None

    def items(self, data: Mapping[str, Any], key: str, path: str, required: bool = True) -> list[Any]:
        """A list field; an absent optional list is empty."""
        if key not in data:
            if required:
                self.fail(path, f"缺少 {key}")
            return []
        value = data[key]
        if not self.is_type(value, list, join(path, key)):
            return []
        return list(value)
