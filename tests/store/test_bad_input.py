"""Bad input never gets through and never gives a traceback (issue 11, items 6, 7 and 8).

The corpus (tests/bad_inputs.py) is fed to the real entry points: rulebook loading, case-file
loading (`rongcuo judge`), import preview and import on a real SQLCipher store, the store's case and
account writes. Every input must be refused with its field named, nothing else may be raised, and
the store's files must be byte-identical afterwards. A few go through the `rongcuo` command itself,
and hypothesis fuzzes the one reader of JSON and TOML.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.case_file import parse_case_file
from rongcuo_desktop.domain.demo import demo_cases, synthetic_cases
from rongcuo_desktop.domain.structured import MAX_DEPTH, parse_json, parse_toml
from rongcuo_desktop.domain.text_rules import FIELDS, TextProblem, check_case, clean_text
from rongcuo_desktop.domain.validation import ValidationError, brief
from rongcuo_desktop.paths import demo_cases_file
from tests import bad_inputs
from tests.bad_inputs import Tally

MAIN = "import sys; from rongcuo_desktop.cli.main import main; sys.exit(main())"
PASSPHRASE = "春眠不觉晓 处处闻啼鸟"


def assert_clean(tally: Tally) -> None:
    failures = [
        f"{o.name}: {o.traceback or o.message[:300]} (bytes changed {o.bytes_changed})"
        for o in tally.failures()
    ]
    assert not failures, f"{tally.line()}\n" + "\n".join(failures)
    assert tally.tried > 0


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    store = bad_inputs.new_store(tmp_path / "store")
    yield store
    store.close()


# ----- the corpus, group by group ---------------------------------------------------------------


def test_rulebook_numbers_are_refused_naming_the_field(tmp_path: Path) -> None:
    """Given every number of the rulebook schema set to nan, inf, out of range, of the wrong type, or
    out of order (lenient ≥ exempt, all weights 0), in JSON and in TOML, then each file is refused
    with the field's path and, for settings and weights, the field in words."""
    tally = bad_inputs.run_rulebook_numbers(tmp_path)
    assert_clean(tally)
    assert tally.tried >= 100


def test_nan_thresholds_no_longer_turn_a_case_around(tmp_path: Path) -> None:
    """The issue's case: exempt_threshold = nan and lenient_threshold = nan passed `rulebook check`
    and turned a 4.4/5 予以容错免责 case into 不予容错. Now the file is refused, both fields named."""
    text = (bad_inputs.RULEBOOKS / "fuzhou-2019.toml").read_text(encoding="utf-8")
    for name in ("exempt_threshold", "lenient_threshold"):
        original = "4.0" if name == "exempt_threshold" else "3.0"
        text = text.replace(f"{name} = {{ value = {original},", f"{name} = {{ value = nan,")
    path = tmp_path / "nan.toml"
    path.write_text(text, encoding="utf-8")
    result = rongcuo(tmp_path, "rulebook", "check", str(path))
    assert result.returncode == 2, result.stdout
    assert "settings.exempt_threshold.value: 予以容错免责的加权总分下限" in result.stderr
    assert "settings.lenient_threshold.value: 从轻减轻处理的加权总分下限" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_imports_are_refused_and_change_no_byte(tmp_path: Path, store: Any) -> None:
    """Given NUL, U+202E and ANSI escapes in 文号, a zero-width look-alike member name, repeated
    keys, dates out of order, a 10 MB 文号 and more, when each is previewed and imported by the
    主任, then each is refused naming its field and every file of the store is byte-identical."""
    tally = bad_inputs.run_bad_imports(tmp_path / "files", store)
    assert_clean(tally)
    assert tally.tried >= 40


def test_odd_files_are_refused_at_every_entry_point(tmp_path: Path, store: Any) -> None:
    """Given 1,000 levels of nesting in 2 KB, a lone surrogate, /dev/zero, a named pipe, a folder,
    a file past the size limit, invalid UTF-8, repeated keys, when each reaches judge, rulebook check,
    import --dry-run and import, then each is refused (no RecursionError, no endless read)."""
    for tally in bad_inputs.run_odd_files(tmp_path / "odd", store):
        assert_clean(tally)


def test_store_writes_of_cases_and_accounts_use_the_validator(store: Any) -> None:
    """Given bad text in each one-line field of a case (add, update, add_many) and in account names,
    and dates out of range, then the store refuses each, naming the field, and writes nothing."""
    assert_clean(bad_inputs.run_bad_case_writes(store))
    assert_clean(bad_inputs.run_bad_account_names(store))
    assert_clean(bad_inputs.run_bad_judgment_texts(store))


def test_a_refusal_quotes_only_a_short_prefix(tmp_path: Path) -> None:
    """An array holding a 100 MB case used to give a 104.8 MB message: now a few hundred bytes."""
    path = tmp_path / "huge.json"
    huge = "案" * (100 * 1024 * 1024 // 3)
    path.write_text(json.dumps({"format": "rongcuo-cases", "format_version": 1, "cases": [huge]}), "utf-8")
    del huge
    result = rongcuo(tmp_path / "nowhere", "judge", str(path))
    assert result.returncode == 2
    assert len(result.stderr.encode("utf-8")) < 1000, len(result.stderr)
    assert "Traceback" not in result.stderr


# ----- through the command itself ---------------------------------------------------------------


def rongcuo(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, "-c", MAIN, "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_command_line_refuses_without_a_traceback(tmp_path: Path) -> None:
    """Given the issue's reproductions, when run as commands, then each exits 2 with one Chinese
    message naming the problem, no traceback, and the store's database is byte-identical."""
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    data = tmp_path / "data"
    assert rongcuo(data, "init", "--passphrase-file", str(secret)).returncode == 0
    deep_json = tmp_path / "deep.json"
    deep_json.write_bytes(b"[" * 1000 + b"]" * 1000)
    deep_toml = tmp_path / "deep.toml"
    deep_toml.write_bytes(b"a = " + b"[" * 1000 + b"]" * 1000)
    surrogate = tmp_path / "surrogate.json"
    case = bad_inputs.base_case_file()
    surrogate.write_text(json.dumps(case, ensure_ascii=False).replace("70号", "70号\\ud800"), "utf-8")
    repeated = tmp_path / "repeated.json"
    repeated.write_text(
        json.dumps(case, ensure_ascii=False).replace(
            '"exclusions": {"x7": "not_confirmed"}',
            '"exclusions": {"x7": "confirmed"}, "exclusions": {"x7": "not_confirmed"}',
        ),
        "utf-8",
    )
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    runs = [
        (("judge", str(deep_json)), "嵌套超过"),
        (("rulebook", "check", str(deep_toml)), "嵌套超过"),
        (("rulebook", "check", "/dev/zero"), "不是普通文件"),
        (("rulebook", "check", str(fifo)), "不是普通文件"),
        (("import", "--dry-run", "--passphrase-file", str(secret), str(deep_json)), "嵌套超过"),
        (("import", "--dry-run", "--passphrase-file", str(secret), str(surrogate)), "case.doc_no"),
        (("import", "--passphrase-file", str(secret), str(repeated)), "键 'exclusions'"),
        (("import", "--passphrase-file", str(secret), "/dev/zero"), "不是普通文件"),
        (("list", "--passphrase-file", "/dev/zero"), "恢复口令不正确"),
        (("list", "--passphrase-file", sys.executable), "不是 UTF-8 编码"),
        (("--as", "王主任", "--pin-file", sys.executable, "list", "--passphrase-file", str(secret)), "UTF-8"),
    ]
    database = data / "rongcuo.db"
    for args, expected in runs:
        before = database.read_bytes()
        result = rongcuo(data, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.startswith("错误：") and expected in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert database.read_bytes() == before, args
    # A passphrase through a pipe (`--passphrase-file <(…)`) still works: only 4 KB are read.
    read_end, write_end = os.pipe()
    os.write(write_end, (PASSPHRASE + "\n").encode("utf-8"))
    os.close(write_end)
    try:
        listed = subprocess.run(
            [
                sys.executable,
                "-c",
                MAIN,
                "--data-dir",
                str(data),
                "list",
                "--passphrase-file",
                f"/dev/fd/{read_end}",
            ],
            capture_output=True,
            text=True,
            pass_fds=(read_end,),
            timeout=120,
            check=False,
        )
    finally:
        os.close(read_end)
    assert listed.returncode == 0, listed.stderr


# ----- the validator's rules --------------------------------------------------------------------


def test_text_is_stored_nfc_with_plain_line_breaks() -> None:
    assert clean_text("Jose\u0301", FIELDS["party_name"]) == "José"
    assert clean_text("第一段\r\n第二段\r第三段", FIELDS["facts"]) == "第一段\n第二段\n第三段"
    assert (
        clean_text("\u3000\u3000首行缩进的段落\n\t表格", FIELDS["facts"])
        == "\u3000\u3000首行缩进的段落\n\t表格"
    )
    assert clean_text("  容错〔2026〕3号 ", FIELDS["doc_no"]) == "容错〔2026〕3号"
    name = "《江苏省实施〈中华人民共和国人民防空法〉办法》“第十二条”、—…①·"
    assert clean_text(name, FIELDS["party_unit"]) == name
    assert clean_text("欧阳\u3000修", FIELDS["member_name"]) == "欧阳\u3000修"


def test_the_quick_acceptance_never_lets_a_forbidden_character_through() -> None:
    """clean_text accepts printable text without looking at each character: for every code point,
    what that quick test lets through is a character the character-by-character rules accept too."""
    from rongcuo_desktop.domain.text_rules import _forbidden, _plain

    let_through = [ch for ch in map(chr, range(0x110000)) if _plain(ch)]
    assert len(let_through) > 100_000
    assert [ch for ch in let_through if _forbidden(ch, False) or _forbidden(ch, True)] == []
    assert _plain("张委员 理由 abc") and not _plain("张委员\u200b") and not _plain("欧阳\u3000修")


@pytest.mark.parametrize(
    ("value", "field", "expected"),
    [
        ("张委员\u200b", "member_name", "委员姓名的第 4 个字符是不可见的格式字符 U+200B（ZERO WIDTH SPACE）"),
        ("容错\u202e号", "doc_no", "U+202E（RIGHT-TO-LEFT OVERRIDE）"),
        ("容错\x00", "doc_no", "文号的第 3 个字符是控制字符 U+0000"),
        ("a\nb", "doc_no", "换行或制表符（此项只能写一行）"),
        ("事实\x1b[0m", "facts", "事实的第 3 个字符是控制字符 U+001B"),
        ("张\u00a0三", "member_name", "特殊空格"),
        ("名" * 65, "doc_no", "文号太长：65 个字，最多 64 个字"),
        ("   ", "doc_no", "文号不能为空"),
    ],
)
def test_the_validator_names_the_field_and_the_character(value: str, field: str, expected: str) -> None:
    with pytest.raises(TextProblem) as caught:
        clean_text(value, FIELDS[field])
    assert expected in str(caught.value)


def test_dates_in_order_and_plausible() -> None:
    today = dt.date(2026, 6, 1)
    good = Case(doc_no="容错〔2026〕1号", party_name="", party_unit="", party_position="")
    ok = dt.date(2026, 3, 2)
    check_case(dataclasses_replace(good, applied_on=ok, decided_on=ok), today=today)
    for applied, decided, path in [
        (ok, dt.date(2026, 3, 1), "decided_on"),
        (ok, dt.date(2026, 6, 2), "decided_on"),
        (dt.date(1999, 12, 31), None, "applied_on"),
        (dt.date(2026, 6, 2), None, "applied_on"),
    ]:
        with pytest.raises(ValidationError) as caught:
            check_case(dataclasses_replace(good, applied_on=applied, decided_on=decided), today=today)
        assert [issue.path for issue in caught.value.issues] == [path]


def dataclasses_replace(case: Case, **changes: Any) -> Case:
    import dataclasses

    return dataclasses.replace(case, **changes)


def test_the_programs_own_cases_pass_the_validator() -> None:
    """Demo cases and 2,000 synthetic ones (the bench's) go through unchanged."""
    for case in [*demo_cases(demo_cases_file()), *synthetic_cases(2000)]:
        assert check_case(case) == case


def test_repeated_exclusions_no_longer_flip_x7() -> None:
    """The plain JSON reader keeps the last "exclusions" (x7 not confirmed); ours refuses the file."""
    text = json.dumps(bad_inputs.base_case_file(), ensure_ascii=False).replace(
        '"exclusions": {"x7": "not_confirmed"}',
        '"exclusions": {"x7": "confirmed"}, "exclusions": {"x7": "not_confirmed"}',
    )
    assert json.loads(text)["checklist"]["exclusions"] == {"x7": "not_confirmed"}
    with pytest.raises(ValidationError, match="checklist: 键 'exclusions' 出现了不止一次"):
        parse_json(text, "案件文件")


def test_brief_quotes_a_short_prefix() -> None:
    assert brief("容" * 10_000_000) == f"{'容' * 40 + '…'!r}（共 10,000,000 个字符）"
    assert brief("\u202e号") == "'\\u202e号'"
    assert brief([0] * 5) == "列表（5 项）"


# ----- fuzzing the one reader -------------------------------------------------------------------


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_fuzz_any_bytes_give_data_or_a_validation_error(raw: bytes) -> None:
    agrees_with_the_standard_reader(raw)


def agrees_with_the_standard_reader(raw: bytes | str) -> None:
    """Ours gives a ValidationError (nothing else), or exactly what json / tomllib give."""
    for ours, theirs in ((parse_json, json.loads), (parse_toml, tomllib.loads)):
        try:
            got = ours(raw, "fuzz")
        except ValidationError:
            continue
        assert got == theirs(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)


@FUZZ
@given(st.text(alphabet="[]{}\"\\:,0123456789.eE+-truefalsn \n=#'abc", max_size=400))
def test_fuzz_bracket_soup_never_recurses_or_escapes(text: str) -> None:
    agrees_with_the_standard_reader(text)


@FUZZ
@given(json_values)
def test_fuzz_valid_json_reads_back_equal(value: Any) -> None:
    """Well-formed JSON within the limits reads exactly as the standard reader reads it."""
    text = json.dumps(value)
    expected = json.loads(text)
    assert parse_json(text, "fuzz") == expected
    assert parse_json(text.encode("utf-8"), "fuzz") == expected


def test_depth_limit_is_exact() -> None:
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH, "x") is not None
    with pytest.raises(ValidationError, match="嵌套超过"):
        parse_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "x")
    assert math.isfinite(parse_toml("a = 1.5", "x")["a"])


@FUZZ
@given(st.lists(st.text(alphabet='[]{}"\\ab中', max_size=12), max_size=6), st.integers(0, MAX_DEPTH + 3))
def test_brackets_in_strings_never_count_toward_the_depth(texts: list[str], depth: int) -> None:
    """The depth is counted outside strings, whatever quotes, backslashes and brackets they hold
    (the scan drops escapes, then strings, with bytes operations)."""
    text = "[" * depth + json.dumps(texts, ensure_ascii=False) + "]" * depth
    if depth + 1 > MAX_DEPTH:
        with pytest.raises(ValidationError, match="嵌套超过"):
            parse_json(text, "x")
    else:
        assert parse_json(text.encode("utf-8"), "x") == json.loads(text)


def test_a_case_file_with_a_lone_surrogate_key_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_case_file(parse_json('{"format": "rongcuo-case", "\\ud800": 1}', "x"))
