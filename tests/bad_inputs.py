"""The bad-input corpus: generators for every kind of bad file, case and name, and the runners that
feed them to the real entry points and tally what happened.

tests/store/test_bad_input.py asserts on the tallies; tests/bench/bench_bad_input.py prints them as the
figures quoted in the closing note ("bad imports: 41 tried, 41 refused with the field named,
0 tracebacks, 0 bytes changed"). Both build the same corpus here, so the figures are reproducible.

An outcome counts as "refused with the field named" when the entry point raised its documented
error (ValidationError, ImportRefused, a StoreError) and the message contains the expected field
path or phrase; anything else raised is a "traceback" (it would reach the user as one). "Bytes
changed" compares every file of the store's data folder (database, WAL, key file) before and after.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import json
import os
import re
import secrets
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.case_file import load_case_file
from rongcuo_desktop.domain.rulebook import DIMENSIONS, field_words, load_rulebook
from rongcuo_desktop.domain.structured import CASE_FILE_MAX_BYTES, RULEBOOK_MAX_BYTES
from rongcuo_desktop.domain.text_rules import FIELDS
from rongcuo_desktop.domain.validation import ValidationError
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.transfer import ImportRefused

REPO = Path(__file__).resolve().parents[1]
RULEBOOKS = REPO / "resources" / "rulebooks"
MAX_MESSAGE = 4000  # characters: a refusal quotes short prefixes, never a whole bad value
PIN = "123486"  # the PIN rules ask for 6+ digits
MEMBERS = ("张委员", "赵委员")


@dataclass(frozen=True)
class Bad:
    """One bad input: its name, the file's bytes (or a special path), and what the message must name."""

    name: str
    content: bytes | None = None
    expect: str = ""  # a field path or phrase the refusal must contain
    suffix: str = ".json"
    special: str = ""  # "/dev/zero", "fifo", "folder", "sparse": a file that is not plain content
    words: str = ""  # the field in words, where the message must also give it


@dataclass
class Outcome:
    name: str
    refused: bool = False
    named: bool = False
    traceback: str = ""  # the unexpected exception, if any
    bytes_changed: int = 0
    message: str = ""
    completed: bool = False  # not refused: the work was done (e.g. enough room on the disk after all)


@dataclass
class Tally:
    group: str
    outcomes: list[Outcome] = field(default_factory=list)
    store: bool = True  # whether a store's bytes were compared
    label: str = "refused with the field named"

    @property
    def tried(self) -> int:
        return len(self.outcomes)

    @property
    def refused_named(self) -> int:
        return sum(o.refused and o.named and not o.completed for o in self.outcomes)

    @property
    def completed(self) -> int:
        return sum(o.completed for o in self.outcomes)

    @property
    def tracebacks(self) -> int:
        return sum(bool(o.traceback) for o in self.outcomes)

    @property
    def bytes_changed(self) -> int:
        return sum(o.bytes_changed for o in self.outcomes)

    def line(self) -> str:
        changed = f"{self.bytes_changed} bytes changed" if self.store else "nothing written (read only)"
        done = f", {self.completed} completed" if self.completed else ""
        return (
            f"{self.group}: {self.tried} tried, {self.refused_named} {self.label}{done}, "
            f"{self.tracebacks} tracebacks, {changed}"
        )

    def failures(self) -> list[Outcome]:
        return [
            o
            for o in self.outcomes
            if not (o.completed or (o.refused and o.named)) or o.traceback or o.bytes_changed
        ]


# ----- the corpus -------------------------------------------------------------------------------


def base_case_file() -> dict[str, Any]:
    """A valid case file (judged fine, imported fine): the corpus changes one thing at a time."""
    return {
        "format": "rongcuo-case",
        "format_version": 1,
        "case": {
            "doc_no": "容错〔2026〕70号",
            "party_name": "谢某某",
            "party_unit": "某区行政审批局",
            "party_position": "副局长",
            "applied_on": "2026-03-02",
            "facts": "容缺审批，事后补齐材料。",
            "rulebook": "fuzhou-2019@1",
        },
        "checklist": {
            "situations": ["s8-2"],
            "conditions": {"c1": "met"},
            "exclusions": {"x7": "not_confirmed"},
        },
        "members": [
            {
                "id": "m1",
                "name": "张委员",
                "scores": {d: {"level": 4, "rationale": "出于公心"} for d in DIMENSIONS},
            }
        ],
    }


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _changed(path: str, value: Any, *, version: int = 1) -> dict[str, Any]:
    """The base case file with one field (a dotted path, [i] for lists) set to `value`."""
    data = base_case_file()
    data["format_version"] = version
    target: Any = data
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    for part in parts[:-1]:
        target = target[int(part[1:-1])] if part.startswith("[") else target.setdefault(part, {})
    last = parts[-1]
    if last.startswith("["):
        target[int(last[1:-1])] = value
    else:
        target[last] = value
    return data


def bad_imports() -> Iterator[Bad]:
    """Files an import must refuse, each naming its field (issue 11, item 8, and more)."""
    text_cases = [
        ("NUL in 文号", "case.doc_no", "容错〔2026〕\x0071号"),
        ("RLO U+202E in 文号", "case.doc_no", "容错〔2026〕\u202e号17"),
        ("ANSI escape in 文号", "case.doc_no", "\x1b[31m容错〔2026〕72号\x1b[0m"),
        ("DEL in 文号", "case.doc_no", "容错〔2026〕73号\x7f"),
        ("line break in 文号", "case.doc_no", "容错〔2026〕\n74号"),
        ("blank 文号", "case.doc_no", "  \u3000 "),
        ("10 MB 文号", "case.doc_no", "容" * (10 * 1024 * 1024 // 3)),
        ("BOM in 当事人", "case.party_name", "谢\ufeff某某"),
        ("tab in 当事人", "case.party_name", "谢\t某某"),
        ("private use in 当事人", "case.party_name", "谢\ue000某"),
        ("line separator in 单位", "case.party_unit", "某区\u2028某局"),
        ("201-character 职务", "case.party_position", "副" * 201),
        ("100,001-character facts", "case.facts", "事" * 100_001),
        ("NUL in facts", "case.facts", "事实\x00"),
        ("ZWJ in 问责事项", "case.accountability_matter", "问责\u200d事项"),
        ("RLO in rulebook", "case.rulebook", "fuzhou-2019@1\u202e"),
    ]
    for name, path, value in text_cases:
        yield Bad(name, _dump(_changed(path, value)), path)
    member_cases = [
        ("zero-width look-alike 张委员", "members[0].name", "张委员\u200b"),
        ("no-break space in a name", "members[0].name", "张\u00a0委员"),
        ("Hangul filler as a name", "members[0].name", "\u3164"),
        ("variation selector in a name", "members[0].name", "张委员\ufe0f"),
        ("RLO in a member id", "members[0].id", "m\u202e1"),
        ("NUL in a recusal reason", "members[0].recusal_reason", "同一科室\x00"),
        ("2,001-character rationale", "members[0].scores.motive.rationale", "理" * 2001),
        ("ANSI escape in a rationale", "members[0].scores.motive.rationale", "\x1b[2J出于公心"),
    ]
    for name, path, value in member_cases:
        yield Bad(name, _dump(_changed(path, value)), path)
    # Dates out of order, implausible years (a chair imports conclusions, so these reach the dates).
    decided = {"conclusion": "exempt"}
    for name, applied, decided_on, path in [
        ("decision before the application", "2026-03-02", "2026-03-01", "case.decided_on"),
        (
            "decision in the future",
            "2026-03-02",
            (dt.date.today() + dt.timedelta(days=3)).isoformat(),
            "case.decided_on",
        ),
        ("application in 1999", "1999-03-02", None, "case.applied_on"),
        (
            "application in the future",
            (dt.date.today() + dt.timedelta(days=1)).isoformat(),
            None,
            "case.applied_on",
        ),
    ]:
        data = base_case_file()
        data["case"].update(applied_on=applied, decided_on=decided_on, **(decided if decided_on else {}))
        yield Bad(name, _dump(data), path)
    data = base_case_file()
    data.update(
        format_version=2, decision={"recorded_by": "王主任", "recorded_at": "2020-01-01T08:00:00+00:00"}
    )
    data["case"].update(conclusion="exempt", decided_on="2026-04-01")
    yield Bad("decision recorded before the application", _dump(data), "decision.recorded_at")
    data = base_case_file()
    data.update(
        format_version=2, decision={"recorded_by": "王主任\u200b", "recorded_at": "2026-04-01T08:00:00+00:00"}
    )
    data["case"].update(conclusion="exempt", decided_on="2026-04-01")
    yield Bad("zero-width space in recorded_by", _dump(data), "decision.recorded_by")
    data = base_case_file()
    data["case"].update(conclusion="exempt", decided_on="2026-04-01")
    data["decision_note"] = "理由\x1b]0;title\x07"
    yield Bad("OSC escape in decision_note", _dump(data), "decision_note")
    # Checklist ids.
    yield Bad(
        "zero-width space in an exclusion id",
        _dump(_changed("checklist.exclusions", {"x7\u200b": "confirmed"})),
        "checklist.exclusions",
    )
    yield Bad(
        "upper-case situation id",
        _dump(_changed("checklist.situations", ["S8-2"])),
        "checklist.situations[0]",
    )
    # Duplicate keys: the last one used to win silently (a repeated "exclusions" flipped x7).
    good = json.dumps(base_case_file(), ensure_ascii=False)
    flipped = good.replace(
        '"exclusions": {"x7": "not_confirmed"}',
        '"exclusions": {"x7": "confirmed"}, "exclusions": {"x7": "not_confirmed"}',
    )
    assert flipped != good
    yield Bad("repeated exclusions (x7 flipped)", flipped.encode("utf-8"), "checklist: 键 'exclusions'")
    yield Bad(
        "repeated top-level case",
        good.replace('"case": {', '"case": {"doc_no": "x"}, "case": {', 1).encode(),
        "键 'case'",
    )
    yield Bad(
        "repeated key in scores",
        good.replace('"level": 4,', '"level": 4, "level": 1,', 1).encode(),
        "scores.motive: 键 'level'",
    )
    # Values the reader refuses.
    yield Bad("lone surrogate in 文号", good.replace("70号", "70号\\ud800", 1).encode(), "case.doc_no")
    yield Bad("lone surrogate in a key", good.replace('"facts"', '"fa\\udc00cts"', 1).encode(), "case.")
    yield Bad("NaN as a level", good.replace('"level": 4', '"level": NaN', 1).encode(), "scores.motive.level")
    yield Bad(
        "1e400 as a level", good.replace('"level": 4', '"level": 1e400', 1).encode(), "scores.motive.level"
    )
    yield Bad(
        "a 5,000-digit level",
        good.replace('"level": 4', '"level": ' + "9" * 5000, 1).encode(),
        "scores.motive.level",
    )
    yield Bad("1,000 levels of nesting", b"[" * 1000 + b"]" * 1000, "嵌套超过")
    yield Bad("invalid UTF-8", good.encode("utf-8")[:40] + b"\xff\xfe" + good.encode("utf-8")[40:], "UTF-8")
    huge = {"format": "rongcuo-cases", "format_version": 1, "cases": ["案" * (20 * 1024 * 1024 // 3)]}
    yield Bad("a 20 MB text where a case belongs", _dump(huge), "cases[0]")


def odd_files() -> Iterator[Bad]:
    """Files no entry point may choke on: deep, odd kinds, oversized, undecodable (issue 11, item 7)."""
    yield Bad("1,000 nested JSON arrays (2 KB)", b"[" * 1000 + b"]" * 1000, "嵌套超过")
    yield Bad("1,000 nested JSON objects", b'{"a":' * 1000 + b"1" + b"}" * 1000, "嵌套超过")
    yield Bad("1,000 nested TOML arrays", b"a = " + b"[" * 1000 + b"]" * 1000, "嵌套超过", ".toml")
    yield Bad(
        "1,000 nested TOML inline tables", b"a = " + b"{b = " * 1000 + b"1" + b"}" * 1000, "嵌套超过", ".toml"
    )
    yield Bad("1,000 dotted TOML keys", b"a" + b".a" * 1000 + b" = 1", "嵌套超过", ".toml")
    yield Bad("lone surrogate", b'{"format": "rongcuo-case", "x": "\\udfff"}', "代理字符")
    yield Bad("/dev/zero", special="/dev/zero", expect="不是普通文件")
    yield Bad("a named pipe", special="fifo", expect="不是普通文件")
    yield Bad("a folder", special="folder", expect="文件夹")
    yield Bad("a file over the size limit", special="sparse", expect="文件太大")
    yield Bad("invalid UTF-8", b'{"a": "\xff"}', "UTF-8")
    yield Bad("an empty file", b"", "格式错误")
    yield Bad(
        "a 20 MB text where a table belongs",
        _dump({"format": "rongcuo-case", "format_version": 1, "case": "事" * (20 * 1024 * 1024 // 3)}),
        "case|文件太大",
    )
    yield Bad("duplicate keys", b'{"format": "rongcuo-case", "format": "rongcuo-case"}', "键 'format'")


def rulebook_numbers() -> Iterator[Bad]:
    """Every number of the rulebook schema, set to values it must refuse (issue 11, item 6)."""
    text = (RULEBOOKS / "fuzhou-2019.toml").read_text(encoding="utf-8")
    base = tomllib.loads(text)
    base["gaps"] = [{"field": "situations", "expected": 14, "note": "（测试用）"}]
    nonfinite = [("NaN", float("nan")), ("Infinity", float("inf")), ("-Infinity", float("-inf"))]

    def json_bad(name: str, path: str, value: Any, *, raw: str | None = None) -> Bad:
        data = copy.deepcopy(base)
        target: Any = data
        parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
        for part in parts[:-1]:
            target = target[int(part[1:-1])] if part.startswith("[") else target[part]
        target[parts[-1]] = "__RAW__" if raw is not None else value
        body = json.dumps(data, ensure_ascii=False, allow_nan=True)
        if raw is not None:
            body = body.replace('"__RAW__"', raw)
        return Bad(name, body.encode("utf-8"), path, words=field_words(path))

    ranges: dict[str, list[Any]] = {
        "settings.quorum.value": [0, -1, 100, 2.5, "5", True, 10**40],
        "settings.exempt_threshold.value": [0.5, 5.5, -4.0, "4", True],
        "settings.lenient_threshold.value": [0.9, 5.01, "3"],
        "settings.dimension_floor.value": [0, 6, 3.5],
        "settings.disagreement_spread.value": [0, 5, 2.5],
        "settings.follow_up_months.value": [-1, 121, 12.5],
        "dimensions[0].weight.value": [-1, -0.001, 101, "1", False],
        "dimensions[4].weight.value": [-5, 1000],
        "dimensions[2].levels[0].level": [0, 6, 1.5, "1"],
        "version": [0, -3, 10_000, 1.5],
        "format_version": [0, -1, 1.0],
        "gaps[0].expected": [-1, 1001, 2.5],
    }
    for path, values in ranges.items():
        for value in values:
            yield json_bad(f"{path} = {value!r}", path, value)
        if not path.endswith("level") and path != "format_version":
            for label, value in nonfinite:
                yield json_bad(f"{path} = {label} (JSON)", path, value)
            yield json_bad(f"{path} = 1e400 (JSON)", path, None, raw="1e400")
    for label, value in [("equal", 4.0), ("above", 4.5)]:
        yield Bad(
            f"lenient_threshold {label} exempt_threshold",
            json_bad("", "settings.lenient_threshold.value", value).content,
            "settings.lenient_threshold.value",
            words="从轻减轻处理的加权总分下限",
        )
    data = copy.deepcopy(base)
    for dim in data["dimensions"]:
        dim["weight"]["value"] = 0.0
    yield Bad("all weights zero", _dump(data), "dimensions: 所有维度的权重都是 0")
    # TOML's own nan and inf literals, in the shipped file's lines.
    for setting, original in [
        ("exempt_threshold", "4.0"),
        ("lenient_threshold", "3.0"),
        ("quorum", "5"),
        ("dimension_floor", "3"),
        ("follow_up_months", "12"),
    ]:
        line = f"{setting} = {{ value = {original},"
        assert line in text, line
        for literal in ("nan", "+nan", "-nan", "inf", "+inf", "-inf", "1e999", "9" * 40):
            changed = text.replace(line, f"{setting} = {{ value = {literal},", 1)
            path = f"settings.{setting}.value"
            yield Bad(
                f"{path} = {literal} (TOML)", changed.encode("utf-8"), path, ".toml", words=field_words(path)
            )
    weight = 'weight = { value = 1.0, local_default = true, note = "原文未规定权重；本地默认五个维度等权。" }'
    assert weight in text
    for literal in ("nan", "inf", "-inf"):
        changed = text.replace(weight, weight.replace("1.0", literal), 1)
        yield Bad(
            f"dimensions[0].weight.value = {literal} (TOML)",
            changed.encode(),
            "dimensions[0].weight.value",
            ".toml",
            words="维度的权重",
        )


# ----- running ----------------------------------------------------------------------------------


def materialise(bad: Bad, folder: Path, limit: int) -> Path:
    """The bad input as a path an entry point can be given."""
    if bad.special == "/dev/zero":
        return Path("/dev/zero")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{re.sub(r'[^A-Za-z0-9]+', '-', bad.name)[:60]}{bad.suffix}"
    if bad.special == "fifo":
        if not path.exists():
            os.mkfifo(path)
    elif bad.special == "folder":
        path.mkdir(exist_ok=True)
    elif bad.special == "sparse":
        with path.open("wb") as handle:
            handle.truncate(limit + 1)  # sparse: costs no disk, still one byte too many
    else:
        path.write_bytes(bad.content or b"")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.parts and p.suffix != ".lock"
    }


def bytes_changed(before: dict[str, bytes], after: dict[str, bytes]) -> int:
    changed = 0
    for name in before.keys() | after.keys():
        a, b = before.get(name, b""), after.get(name, b"")
        if a != b:
            changed += abs(len(a) - len(b)) + sum(x != y for x, y in zip(a, b, strict=False))
    return changed


def attempt(
    name: str,
    call: Callable[[], Any],
    expect: str,
    errors: tuple[type[BaseException], ...],
    words: str = "",
) -> Outcome:
    """Run one entry point on one bad input; classify what it did."""
    outcome = Outcome(name)
    try:
        call()
    except errors as error:
        message = str(error)
        outcome.refused = True
        outcome.message = message[:MAX_MESSAGE]
        found = any(alternative in message for alternative in expect.split("|"))
        outcome.named = found and (not words or words in message) and len(message) <= MAX_MESSAGE
    except BaseException as error:  # what would have reached the user as a traceback
        outcome.traceback = f"{type(error).__name__}: {str(error)[:200]}"
    else:
        outcome.message = "accepted"
    return outcome


def run_rulebook_numbers(folder: Path) -> Tally:
    tally = Tally("bad rulebook numbers", store=False)
    folder.mkdir(parents=True, exist_ok=True)
    for bad in rulebook_numbers():
        path = materialise(bad, folder, RULEBOOK_MAX_BYTES)
        tally.outcomes.append(
            attempt(bad.name, lambda p=path: load_rulebook(p), bad.expect, (ValidationError,), bad.words)
        )
    return tally


def run_odd_files(folder: Path, store: Any) -> list[Tally]:
    """Every odd file at every entry point: judge, rulebook check, import --dry-run, import."""
    folder.mkdir(parents=True, exist_ok=True)
    chair = store.key_holder("王主任")
    entry_points: list[tuple[str, Callable[[Path], Any], int, tuple[type[BaseException], ...], bool]] = [
        ("judge CASE.json", load_case_file, CASE_FILE_MAX_BYTES, (ValidationError,), False),
        ("rulebook check", load_rulebook, RULEBOOK_MAX_BYTES, (ValidationError,), False),
        (
            "import --dry-run",
            functools.partial(store.transfer.preview_import, by=chair),
            512 * 1024 * 1024,
            (ImportRefused,),
            True,
        ),
        (
            "import",
            functools.partial(store.transfer.import_file, by=chair),
            512 * 1024 * 1024,
            (ImportRefused,),
            True,
        ),
    ]
    tallies = []
    data_dir = store.data_dir
    for label, call, limit, errors, writes in entry_points:
        tally = Tally(f"odd files at {label}", store=writes)
        for bad in odd_files():
            if bad.suffix == ".toml" and label != "rulebook check":
                continue  # TOML-only shapes; the JSON entry points get the JSON ones
            path = materialise(bad, folder / label.replace(" ", "-"), limit)
            before = snapshot(data_dir) if writes else {}
            outcome = attempt(f"{label}: {bad.name}", lambda c=call, p=path: c(p), bad.expect, errors)
            if writes:
                outcome.bytes_changed = bytes_changed(before, snapshot(data_dir))
            tally.outcomes.append(outcome)
        tallies.append(tally)
    return tallies


def run_bad_imports(folder: Path, store: Any) -> Tally:
    """Each bad file through import --dry-run and import (as the 主任, who may import conclusions);
    the store's files are compared byte for byte after each."""
    folder.mkdir(parents=True, exist_ok=True)
    tally = Tally("bad imports")
    chair = store.key_holder("王主任")
    for bad in bad_imports():
        path = materialise(bad, folder, 0)
        before = snapshot(store.data_dir)
        preview = attempt(
            bad.name, lambda p=path: store.transfer.preview_import(p, by=chair), bad.expect, (ImportRefused,)
        )
        real = attempt(
            bad.name, lambda p=path: store.transfer.import_file(p, by=chair), bad.expect, (ImportRefused,)
        )
        outcome = Outcome(
            bad.name,
            refused=preview.refused and real.refused,
            named=preview.named and real.named,
            traceback=preview.traceback or real.traceback,
            message=real.message or preview.message,
        )
        outcome.bytes_changed = bytes_changed(before, snapshot(store.data_dir))
        tally.outcomes.append(outcome)
        path.unlink()
    return tally


def bad_texts() -> list[tuple[str, str]]:
    """(what, text) that no one-line field may hold."""
    return [
        ("NUL", "名\x00字"),
        ("RLO", "名\u202e字"),
        ("ANSI escape", "\x1b[31m名字"),
        ("zero-width space", "名字\u200b"),
        ("BOM", "\ufeff名字"),
        ("no-break space", "名\u00a0字"),
        ("line break", "名\n字"),
        ("private use", "名\ue000"),
        ("Hangul filler", "\u3164"),
        ("lone surrogate", "名\ud800"),
        ("too long", "名" * 201),
    ]


def run_bad_case_writes(store: Any) -> Tally:
    """The store's own case writes (add, update, add_many) with bad text and dates."""
    tally = Tally("bad case writes (store add/update/add_many)")
    good = Case(doc_no="容错〔2026〕90号", party_name="谢某某", party_unit="某局", party_position="科长")
    chair = store.key_holder("王主任")
    case_id = store.cases.add(good, by=chair)
    stored = store.cases.get(case_id, by=chair)
    for field_name in ("doc_no", "party_name", "party_unit", "party_position", "work_field", "rulebook"):
        for what, value in bad_texts():
            if what == "too long" and field_name in ("party_unit", "party_position"):
                value = "名" * 201
            elif what == "too long":
                value = "名" * 101
            for how in ("add", "update", "add_many"):
                before = snapshot(store.data_dir)
                if how == "add":
                    bad_case = (
                        dataclasses.replace(good, doc_no="容错〔2026〕91号", **{field_name: value})
                        if field_name != "doc_no"
                        else dataclasses.replace(good, doc_no=value)
                    )
                    call: Callable[[], Any] = lambda c=bad_case: store.cases.add(c, by=chair)  # noqa: E731
                elif how == "update":
                    bad_case = dataclasses.replace(stored, **{field_name: value})
                    call = lambda c=bad_case: store.cases.update(c, by=chair)  # noqa: E731
                else:
                    batch = [
                        dataclasses.replace(good, doc_no="容错〔2026〕92号"),
                        dataclasses.replace(good, doc_no="容错〔2026〕93号", **{field_name: value})
                        if field_name != "doc_no"
                        else dataclasses.replace(good, doc_no=value),
                    ]
                    call = lambda b=batch: store.cases.add_many(b, by=chair)  # noqa: E731
                # Named as the form names it (当事人), never by the internal path (party_name).
                label = FIELDS[field_name].label
                outcome = attempt(f"{how} {field_name}: {what}", call, label, (StoreError,))
                outcome.named = outcome.named and field_name not in outcome.message
                outcome.bytes_changed = bytes_changed(before, snapshot(store.data_dir))
                tally.outcomes.append(outcome)
    for name, applied, decided in [
        ("applied 1999", dt.date(1999, 1, 1), None),
        ("applied tomorrow", dt.date.today() + dt.timedelta(days=1), None),
    ]:
        before = snapshot(store.data_dir)
        bad_case = dataclasses.replace(
            good, doc_no="容错〔2026〕94号", applied_on=applied, decided_on=decided
        )
        outcome = attempt(
            f"add {name}", lambda c=bad_case: store.cases.add(c, by=chair), "申请日期", (StoreError,)
        )
        outcome.named = outcome.named and "applied_on" not in outcome.message
        outcome.bytes_changed = bytes_changed(before, snapshot(store.data_dir))
        tally.outcomes.append(outcome)
    return tally


def run_bad_account_names(store: Any) -> Tally:
    from rongcuo_desktop.domain.roles import Role

    tally = Tally("bad account names")
    chair = store.key_holder("王主任")
    for what, value in [*bad_texts(), ("blank", " \u3000 "), ("41 characters", "名" * 41)]:
        before = snapshot(store.data_dir)
        outcome = attempt(
            what, lambda v=value: store.accounts.add(v, Role.MEMBER, PIN, by=chair), "账户名", (StoreError,)
        )
        outcome.bytes_changed = bytes_changed(before, snapshot(store.data_dir))
        tally.outcomes.append(outcome)
    return tally


def run_bad_judgment_texts(store: Any) -> Tally:
    """The judgment record's own text through the store: a score's rationale, a recusal reason, a
    decision note, a checklist id (domain/committee calls the same validator)."""
    from rongcuo_desktop.domain.case import Conclusion
    from rongcuo_desktop.domain.case_file import Checklist, ConditionStatus, Score

    tally = Tally("bad judgment texts (score, recuse, decide, checklist)")
    chair = store.key_holder("王主任")
    case_id = store.cases.add(
        Case(doc_no="容错〔2026〕95号", party_name="谢某某", party_unit="某局", party_position="科长"),
        by=chair,
    )
    store.accounts.set_members(case_id, list(MEMBERS), by=chair)
    multiline = [(what, value) for what, value in bad_texts() if what not in ("line break", "no-break space")]
    tries: list[tuple[str, str, Callable[[Any], Any], str]] = []  # the call takes who acts
    for what, value in multiline:
        long = "理" * 2_001 if what == "too long" else value
        tries.append(
            (
                f"score rationale: {what}",
                MEMBERS[0],
                lambda by, v=long: store.judgments.score(case_id, {"motive": Score(4, v)}, by=by),
                "评分理由",
            )
        )
        tries.append(
            (
                f"recusal reason: {what}",
                MEMBERS[1],
                lambda by, v=long: store.judgments.recuse(case_id, v, by=by),
                "回避理由",
            )
        )
        note = "说" * 5_001 if what == "too long" else value
        tries.append(
            (
                f"decision note: {what}",
                "王主任",
                lambda by, v=note: store.judgments.decide(case_id, Conclusion.EXEMPT, note=v, by=by),
                "认定说明",
            )
        )
        rule = "x" * 41 if what == "too long" else f"c1{value}"
        checklist = Checklist((), {rule: ConditionStatus.MET}, {})
        tries.append(
            (
                f"checklist id: {what}",
                "李秘书",
                lambda by, c=checklist: store.judgments.set_checklist(case_id, c, by=by),
                "编号",
            )
        )
    for name, person, call, expect in tries:
        acting = store.authenticate(person, PIN)
        before = snapshot(store.data_dir)
        outcome = attempt(name, functools.partial(call, acting), expect, (StoreError,))
        outcome.bytes_changed = bytes_changed(before, snapshot(store.data_dir))
        tally.outcomes.append(outcome)
    return tally


def new_store(folder: Path) -> Any:
    """A real SQLCipher store with a 主任, a 秘书 and two 委员 (the runs above act as them)."""
    from rongcuo_desktop.domain.roles import Role
    from rongcuo_desktop.store.database import Store

    store = Store.create(folder, secrets.token_bytes(32))
    store.accounts.add("王主任", Role.CHAIR, PIN)
    acting = store.authenticate("王主任", PIN)
    store.accounts.add("李秘书", Role.SECRETARY, PIN, by=acting)
    for name in MEMBERS:
        store.accounts.add(name, Role.MEMBER, PIN, by=acting)
    return store


def run_all(folder: Path) -> list[Tally]:
    """Every group, on a fresh store in `folder`."""
    tallies = [run_rulebook_numbers(folder / "rulebooks")]
    store = new_store(folder / "store")
    try:
        tallies.append(run_bad_imports(folder / "imports", store))
        tallies.extend(run_odd_files(folder / "odd", store))
        tallies.append(run_bad_case_writes(store))
        tallies.append(run_bad_account_names(store))
        tallies.append(run_bad_judgment_texts(store))
    finally:
        store.close()
    return tallies
