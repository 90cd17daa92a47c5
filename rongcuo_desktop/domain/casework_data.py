"""The case file's records as plain data and back: `record_data` / `record_from_data` (the store
keeps JSON; the audit hashes it) and `record_from_text` (the command line's `--set 键=值`).
Standard library only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from typing import Any, Union, get_args, get_origin

from rongcuo_desktop.domain.case import LabelledEnum
from rongcuo_desktop.domain.casework import RECORD_LABELS, RECORD_TYPES, Record
from rongcuo_desktop.domain.validation import Checker, Issue, ValidationError, brief

# ----- plain data for the store and the audit ---------------------------------------------------------


def record_data(record: Record) -> dict[str, Any]:
    """The record as JSON-ready data (dates ISO, enums by code, tuples as lists)."""
    return {f.name: _encode(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _encode(value: Any) -> Any:
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def record_from_data(kind: str, data: Mapping[str, Any]) -> Record:
    """A stored record back as its dataclass; ValueError when the data does not fit (never for data
    this module wrote)."""
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = _decode(hints[f.name], data[f.name])
    return typing.cast(Record, cls(**values))


def _decode(kind: Any, raw: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if raw is None:
            return None
        inner = next(a for a in get_args(kind) if a is not type(None))
        return _decode(inner, raw)
    if origin is tuple:
        item = get_args(kind)[0]
        return tuple(_decode(item, v) for v in raw)
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return kind.from_code_or_label(raw)
    if kind is dt.date:
        return dt.date.fromisoformat(raw)
    if kind in (int, str, bool) and (not isinstance(raw, kind) or (kind is int and isinstance(raw, bool))):
        raise ValueError(f"expected {kind.__name__}, got {type(raw).__name__}")
    return raw


def record_from_text(kind: str, values: Mapping[str, str]) -> Record:
    """A record from text values (the command line's `--set 键=值`): dates as YYYY-MM-DD, numbers,
    choices by code or Chinese name, lists separated by commas. ValidationError names each field that
    is unknown, missing or does not read; the record's own rules come after (check_record)."""
    if kind not in RECORD_TYPES:
        known = "、".join(f"{k}（{RECORD_LABELS[k]}）" for k in RECORD_TYPES)
        raise ValidationError("记录", [Issue("kind", f"没有 {brief(kind)} 这种记录，应为 {known} 之一")])
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    c = Checker()
    data: dict[str, Any] = {}
    for key, text in values.items():
        if key not in fields:
            c.fail(key, f"{RECORD_LABELS[kind]}没有这一项，可用：{'、'.join(fields)}")
            continue
        try:
            data[key] = _from_text(hints[key], text)
        except ValueError as error:
            c.fail(key, f"读不出 {brief(text)}：{error}")
    for name, f in fields.items():
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and name not in data and not any(i.path == name for i in c.issues):
            c.fail(name, "缺少这一项")
    c.raise_if_any(RECORD_LABELS[kind])
    return typing.cast(Record, cls(**data))


def _from_text(kind: Any, text: str) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if not text.strip():
            return None
        return _from_text(next(a for a in get_args(kind) if a is not type(None)), text)
    if origin is tuple:
        item = get_args(kind)[0]
        return tuple(
            _from_text(item, part.strip()) for part in text.replace("，", ",").split(",") if part.strip()
        )
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        try:
            return kind.from_code_or_label(text.strip())
        except ValueError:
            choices = "、".join(f"{m.value}（{m.label}）" for m in kind)
            raise ValueError(f"应为 {choices} 之一") from None
    if kind is dt.date:
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            raise ValueError("日期应写成 YYYY-MM-DD") from None
    if kind is int:
        try:
            return int(text.strip())
        except ValueError:
            raise ValueError("应为整数") from None
    return text
