"""One safe reader for the JSON and TOML files people bring in: case files, collections, rulebooks.

Every file that reaches the app from outside is read here, so none of them can make it read forever,
exhaust memory, crash with a traceback on deep nesting, or silently keep the last of two equal keys.
The limits, documented in docs/case-format.md (读取限制):

- Only a regular file is read (never a device such as /dev/zero, a pipe or a folder), and at most
  its kind's byte limit: a longer file is refused before anything is parsed.
- UTF-8, with or without a BOM.
- At most MAX_DEPTH levels of nested lists and tables. The depth is counted by a scan of the
  brackets before a parser sees the text: both parsers recurse, and 1,000 levels in 2 KB used to
  end in a RecursionError.
- A key appears once in each table. JSON's rule is that the last one wins, so a repeated
  "exclusions" used to flip an exclusion unseen; TOML refuses duplicates itself.
- No lone surrogate (`"\\ud800"`): it is not a character, and cannot be stored or printed as UTF-8.
- Numbers are finite and of a sensible size: NaN, Infinity (TOML's nan and inf), 1e400 and
  integers of more than MAX_INT_DIGITS digits are refused.

Every problem is a ValidationError naming the place: the line and column for syntax, the path
(`cases[0].checklist.exclusions`) for the rest. Standard library only.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rongcuo_desktop.domain.os_errors import os_reason
from rongcuo_desktop.domain.validation import Issue, ValidationError, brief, join

MIB = 1024 * 1024
MAX_DEPTH = 32  # the deepest shipped format (a collection's scores) needs 6
MAX_INT_DIGITS = 30
RULEBOOK_MAX_BYTES = 4 * MIB  # the largest shipped rulebook is 20 KB
CASE_FILE_MAX_BYTES = 64 * MIB  # one case, its facts and every member's rationale
COLLECTION_MAX_BYTES = 512 * MIB  # an export of 10,000 cases is 43 MB
SECRET_FILE_MAX_BYTES = 4096  # a passphrase or PIN file: its first line is all that is used
MAX_LISTED = 50  # problems listed per file; the rest are counted

_READ_CHUNK = MIB
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# TOML strings (multi-line first) and comments, whose brackets do not nest anything.
_TOML_SKIP = re.compile(
    r'"""[\s\S]*?"""(?!")|\'\'\'[\s\S]*?\'\'\'(?!\')|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
# JSON's depth scan on the file's bytes: every byte but quotes and brackets dropped at once (UTF-8
# never uses these bytes inside a multi-byte character), then the strings that are left.
_NOT_QUOTE_OR_BRACKET = bytes(b for b in range(256) if b not in b'"[]{}')
_BARE_STRING = re.compile(rb'"[^"]*"')
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_limited(path: str | Path, what: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; anything else is a ValidationError."""
    path = Path(path)
    where = str(path)
    # O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused just below).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _refuse(what, where, f"无法读取文件：{os_reason(error)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(what, where, "这是一个文件夹，不是文件")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(what, where, "不是普通文件（而是设备、管道或套接字等），不读取")
        if info.st_size > max_bytes:
            raise _refuse(what, where, _too_big(info.st_size, max_bytes))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_READ_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while being read
                raise _refuse(what, where, _too_big(total, max_bytes))
        return b"".join(chunks)
    except OSError as error:
        raise _refuse(what, where, f"无法读取文件：{os_reason(error)}") from None
    finally:
        os.close(fd)


def read_first_line(path: str | Path, what: str, max_bytes: int = SECRET_FILE_MAX_BYTES) -> str:
    """The first line of a small text file (a passphrase or PIN file). At most `max_bytes` are read,
    so /dev/zero cannot make it read forever; a pipe (`--passphrase-file <(…)`) still works."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes)
    except OSError as error:
        raise _refuse(what, str(path), f"无法读取文件：{os_reason(error)}") from None
    text = decode_utf8(raw, what, str(path))
    return text.splitlines()[0] if text else ""


def decode_utf8(raw: bytes, what: str, where: str = "") -> str:
    """UTF-8 text (a BOM is dropped); a bad byte is named by its line and position."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = f"文件不是 UTF-8 编码（第 {line} 行，第 {error.start + 1} 个字节）"
        raise _refuse(what, where, message) from None


def parse_json(raw: bytes | str, what: str, where: str = "") -> Any:
    """JSON within the limits above, or a ValidationError naming every problem."""
    text = decode_utf8(raw, what, where) if isinstance(raw, bytes) else raw
    if _json_too_deep(raw if isinstance(raw, bytes) else text.encode("utf-8", "surrogatepass")):
        raise _refuse(what, where, _too_deep(_deep_line(text, _JSON_STRING)))
    hooks = _JsonHooks()
    try:
        data = json.loads(
            text,
            object_pairs_hook=hooks.table,
            parse_constant=hooks.constant,
            parse_float=hooks.number,
            parse_int=hooks.integer,
        )
    except json.JSONDecodeError as error:
        message = f"JSON 格式错误（第 {error.lineno} 行第 {error.colno} 列）：{error.msg}"
        raise _refuse(what, where, message) from None
    except RecursionError:  # the scan above should have caught it; never a traceback
        raise _refuse(what, where, _too_deep()) from None
    except ValueError:  # the hooks bound every number; kept so that nothing escapes as a traceback
        raise _refuse(what, where, "JSON 格式错误：有无法读取的数值") from None
    if hooks.flagged or _SURROGATE_ESCAPE.search(text):
        _check_values(data, what)
    return data


def parse_toml(raw: bytes | str, what: str, where: str = "") -> Any:
    """TOML within the limits above (nan and inf refused), or a ValidationError naming every problem."""
    text = decode_utf8(raw, what, where) if isinstance(raw, bytes) else raw
    _check_depth(text, _TOML_SKIP, what, where)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _refuse(what, where, f"TOML 格式错误：{_toml_message(str(error))}") from None
    except RecursionError:
        raise _refuse(what, where, _too_deep()) from None
    except ValueError:  # an integer of thousands of digits, which Python will not convert
        raise _refuse(what, where, f"TOML 格式错误：有数值位数太多（最多 {MAX_INT_DIGITS} 位）") from None
    # Dotted keys (a.b.c…) nest without brackets, and nan/inf are TOML floats: one walk checks both.
    _check_values(data, what)
    return data


def load_structured(path: str | Path, what: str, *, max_bytes: int) -> Any:
    """A .toml file as TOML, anything else as JSON; read and checked as the module says."""
    path = Path(path)
    raw = read_limited(path, what, max_bytes)
    if path.suffix.lower() == ".toml":
        return parse_toml(raw, what, str(path))
    return parse_json(raw, what, str(path))


# ----- internals --------------------------------------------------------------------------------


def _refuse(what: str, where: str, message: str) -> ValidationError:
    return ValidationError(what, [Issue(where, message)])


# tomllib's most common messages in Chinese; the position "(at line 3, column 5)" is kept.
_TOML_MESSAGES = {
    "Cannot overwrite a value": "同一个键写了两次（或与已有的表冲突）",
    "Cannot declare": "同一个表声明了两次",
    "Cannot mutate immutable namespace": "不能向已写完的内联表或数组中再添加键",
    "Invalid value": "无效的值",
    "Invalid statement": "无效的语句",
    "Unclosed array": "数组没有闭合",
    "Unclosed inline table": "内联表没有闭合",
    "Unterminated string": "字符串没有结束",
    "Illegal character": "字符串中有不允许的字符",
    "Escaped character is not a Unicode scalar value": "转义字符不是有效的 Unicode 字符（如单独的代理字符）",
    "Expected '=' after a key in a key/value pair": "键的后面应为“=”",
}


def _toml_message(message: str) -> str:
    for english, chinese in _TOML_MESSAGES.items():
        if message.startswith(english):
            position = message[message.rfind("(") :] if message.endswith(")") else ""
            return f"{chinese}{position}"
    return message


def _too_big(size: int, limit: int) -> str:
    return f"文件太大（{size / MIB:,.1f} MB），上限为 {limit / MIB:,.0f} MB"


def _too_deep(line: int | None = None) -> str:
    where = f"（第 {line} 行）" if line is not None else ""
    return f"列表或表嵌套超过 {MAX_DEPTH} 层{where}：不是本程序的文件格式"


def _check_depth(text: str, skip: re.Pattern[str], what: str, where: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, counting brackets outside strings (no recursion)."""
    brackets = _NOT_BRACKET.sub("", skip.sub("", text))
    depth = 0
    for ch in brackets:
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(what, where, _too_deep(_deep_line(text, skip)))
        elif depth:
            depth -= 1


def _json_too_deep(raw: bytes) -> bool:
    """Whether JSON text nests lists and tables deeper than MAX_DEPTH (brackets outside strings).

    Done with bytes operations, not a regex over every string: the strings of a 44 MB collection
    took 0.34 s to skip that way, this takes 0.03 s. Escaped backslashes and quotes go first (left to
    right, as a parser pairs them), so every quote left opens or closes a string; then everything but
    quotes and brackets; then each pair of adjacent quotes (an empty string, or the end of one and
    the start of the next with no bracket between them: either way no bracket outside a string goes);
    then the strings that still hold a bracket. Exact for valid JSON; for invalid JSON the parser
    reports the error."""
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    kept = raw.translate(None, _NOT_QUOTE_OR_BRACKET).replace(b'""', b"")
    if b'"' in kept:
        kept = _BARE_STRING.sub(b"", kept).replace(b'"', b"")
    depth = 0
    for byte in kept:
        if byte in b"[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif depth:
            depth -= 1
    return False


def _deep_line(text: str, skip: re.Pattern[str]) -> int | None:
    """The line where nesting first goes past MAX_DEPTH (only computed for the message)."""
    depth = 0
    pattern = re.compile(f"{skip.pattern}|[\\[\\]{{}}]")
    for match in pattern.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, match.start()) + 1
        elif token in ("]", "}") and depth:
            depth -= 1
    return None


class _Bad:
    """A number the file may not hold (NaN, Infinity, 1e400, a huge integer), kept to name its place."""

    def __init__(self, text: str, message: str) -> None:
        self.text = text
        self.message = message


class _Duplicated(dict[str, Any]):
    """A table in which some key appeared more than once."""

    repeated: list[str]


class _JsonHooks:
    def __init__(self) -> None:
        self.flagged = False

    def table(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        table = dict(pairs)
        if len(table) == len(pairs):
            return table
        self.flagged = True
        seen: set[str] = set()
        duplicated = _Duplicated(table)
        duplicated.repeated = []
        for key, _ in pairs:
            if key in seen and key not in duplicated.repeated:
                duplicated.repeated.append(key)
            seen.add(key)
        return duplicated

    def constant(self, name: str) -> Any:
        self.flagged = True
        return _Bad(name, f"{name} 不是有限的数：数值须为有限的数")

    def number(self, text: str) -> Any:
        value = float(text)
        if math.isfinite(value):
            return value
        self.flagged = True
        return _Bad(text, f"数值 {brief(text)} 超出范围（按浮点数读是无穷大）")

    def integer(self, text: str) -> Any:
        if len(text.lstrip("-")) <= MAX_INT_DIGITS:
            return int(text)
        self.flagged = True
        return _Bad(text, f"整数位数太多（{len(text.lstrip('-')):,} 位，最多 {MAX_INT_DIGITS} 位）")


def _check_values(data: Any, what: str) -> None:
    """Walk the parsed data without recursion; raise naming every forbidden value, key and level."""
    issues: list[Issue] = []
    for path, value, depth in _walk(data):
        message = _value_problem(value, depth)
        if message:
            issues.append(Issue(path, message))
        if isinstance(value, dict):
            issues.extend(
                Issue(join(path, key), _SURROGATE_MESSAGE) for key in value if _SURROGATE.search(key)
            )
        if len(issues) > MAX_LISTED:
            issues = [*issues[:MAX_LISTED], Issue("", "……另有更多问题未列出")]
            break
    if issues:
        raise ValidationError(what, issues)


_SURROGATE_MESSAGE = "含有单独的代理字符（\\ud800–\\udfff）：这不是有效的 Unicode 文字，无法保存或显示"


def _value_problem(value: Any, depth: int) -> str:
    if isinstance(value, _Duplicated):
        keys = "、".join(brief(k) for k in value.repeated)
        return f"键 {keys} 出现了不止一次：每个键只能写一次（否则后一个会悄悄覆盖前一个）"
    if isinstance(value, dict | list) and depth > MAX_DEPTH:
        return _too_deep()
    if isinstance(value, _Bad):
        return value.message
    if isinstance(value, str) and _SURROGATE.search(value):
        return _SURROGATE_MESSAGE
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} 不是有限的数：数值须为有限的数（不能是 nan 或 inf）"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 100:
        return f"整数太大（{brief(value)}）"
    return ""


def _walk(data: Any) -> Iterator[tuple[str, Any, int]]:
    """(path, value, depth) of every value, parents first; an explicit stack, never recursion."""
    stack: list[tuple[str, Any, int]] = [("", data, 1)]
    while stack:
        path, value, depth = stack.pop()
        yield path, value, depth
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, dict):
            stack.extend((join(path, key), item, depth + 1) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((join(path, i), item, depth + 1) for i, item in reversed(list(enumerate(value))))
