"""`rongcuo init / demo / list / passphrase change` as a script would run them (real processes).

The passphrase comes from --passphrase-file or standard input, never from an argument.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rongcuo_desktop.cli.main import build_parser
from rongcuo_desktop.domain.demo import demo_cases
from rongcuo_desktop.paths import demo_cases_file

PASSPHRASE = "春眠不觉晓 处处闻啼鸟"
# What the `rongcuo` entry point runs (python -m would load cli.main twice: as __main__ and by import).
MAIN = "import sys; from rongcuo_desktop.cli.main import main; sys.exit(main())"


def rongcuo(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-c", MAIN, "--data-dir", str(data_dir), *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".lock" and "logs" not in p.parts
    }


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One `rongcuo init` per module (Argon2id calibration and wrap take ~1 s); tests get copies."""
    folder = tmp_path_factory.mktemp("template")
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    result = rongcuo(folder / "store", "init", "--passphrase-file", str(secret))
    assert result.returncode == 0, result.stderr
    assert "已新建加密数据库" in result.stdout and "没有可用的系统凭据库" in result.stdout
    return folder / "store"


@pytest.fixture
def initialized(template_store: Path, data_dir: Path) -> Path:
    shutil.copytree(template_store, data_dir, ignore=shutil.ignore_patterns("*.lock", "logs"))
    return data_dir


def test_init_demo_list_json(initialized: Path, passphrase_file: Path) -> None:
    """Given a new store, when demo cases are added and listed as JSON, then all are there, masked."""
    added = rongcuo(initialized, "demo", "--passphrase-file", str(passphrase_file))
    assert added.returncode == 0, added.stderr
    assert f"已加入 {len(demo_cases(demo_cases_file()))} 件演示案件" in added.stdout
    listed = rongcuo(initialized, "list", "--json", "--passphrase-file", str(passphrase_file))
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert {r["doc_no"] for r in rows} == {c.doc_no for c in demo_cases(demo_cases_file())}
    assert all(r["party_name"].endswith("某某") for r in rows)
    dates = [r["applied_on"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert {"stage", "stage_label", "conclusion", "party_unit", "work_field"} <= set(rows[0])


def test_passphrase_from_stdin_and_search(initialized: Path) -> None:
    assert rongcuo(initialized, "demo", stdin=PASSPHRASE + "\n").returncode == 0
    listed = rongcuo(initialized, "list", "--json", "--search", "荔湾", stdin=PASSPHRASE + "\n")
    assert listed.returncode == 0, listed.stderr
    assert sorted(r["doc_no"] for r in json.loads(listed.stdout)) == ["容错〔2026〕2号", "容错〔2026〕3号"]
    plain = rongcuo(initialized, "list", "--stage", "听证会商", stdin=PASSPHRASE + "\n")
    assert plain.returncode == 0 and "容错〔2026〕5号" in plain.stdout and "共 1 件" in plain.stderr


def test_list_searches_the_facts_and_combines_filters(initialized: Path, passphrase_file: Path) -> None:
    pp = ("--passphrase-file", str(passphrase_file))
    assert rongcuo(initialized, "demo", *pp).returncode == 0
    facts = rongcuo(initialized, "list", "--json", "--search", "沙袋", *pp)  # only in one case's facts
    assert facts.returncode == 0, facts.stderr
    assert [r["doc_no"] for r in json.loads(facts.stdout)] == ["容错〔2026〕5号"]
    both = rongcuo(
        initialized, "list", "--json", "--search", "集体", "--year", "2026", "--type", "容错免责", *pp
    )
    found = json.loads(both.stdout)
    assert found and all(r["doc_no"].startswith("容错") for r in found)
    none = rongcuo(
        initialized,
        "list",
        "--json",
        "--search",
        "沙袋",
        "--conclusion",
        "未认定",
        "--field",
        "无此领域",
        *pp,
    )
    assert none.returncode == 0 and json.loads(none.stdout) == []
    bad = rongcuo(initialized, "list", "--year", "二〇二六", *pp)
    assert bad.returncode == 2 and "申请年份应为四位数字" in bad.stderr
    unknown = rongcuo(initialized, "list", "--type", "其他", *pp)
    assert unknown.returncode == 2 and "未知的案件类型" in unknown.stderr and "澄清正名" in unknown.stderr


def test_demo_count_adds_synthetic_cases_twice_without_clashing(
    initialized: Path, passphrase_file: Path
) -> None:
    for total in (300, 600):
        result = rongcuo(initialized, "demo", "--count", "300", "--passphrase-file", str(passphrase_file))
        assert result.returncode == 0, result.stderr
        assert f"共 {total} 件" in result.stdout


def test_init_twice_is_refused_and_changes_nothing(initialized: Path, passphrase_file: Path) -> None:
    before = hashes(initialized)
    again = rongcuo(initialized, "init", "--passphrase-file", str(passphrase_file))
    assert again.returncode == 2
    assert "不会覆盖" in again.stderr
    assert hashes(initialized) == before


def test_wrong_passphrase_is_a_clean_error(initialized: Path) -> None:
    before = hashes(initialized)
    result = rongcuo(initialized, "list", stdin="not the passphrase\n")
    assert result.returncode == 2
    assert "恢复口令不正确" in result.stderr and "Traceback" not in result.stderr
    assert hashes(initialized) == before


def test_no_passphrase_given(initialized: Path) -> None:
    result = rongcuo(initialized, "list")
    assert result.returncode == 2 and "没有读到恢复口令" in result.stderr


def test_short_passphrase_refused_at_init(data_dir: Path, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("1234567\n", encoding="utf-8")
    result = rongcuo(data_dir, "init", "--passphrase-file", str(short))
    assert result.returncode == 2 and "至少需要 8 个字符" in result.stderr
    assert not (data_dir / "rongcuo.db").exists() and not (data_dir / "rongcuo-key.json").exists()


def test_passphrase_change_via_stdin(initialized: Path) -> None:
    """The change re-keys the database (issue 11, item 9): its bytes change, the old passphrase no
    longer opens it, and the pre-rekey backup (which the old one opens) is kept."""
    db_before = hashlib.sha256((initialized / "rongcuo.db").read_bytes()).hexdigest()
    changed = rongcuo(initialized, "passphrase", "change", stdin=f"{PASSPHRASE}\nnew passphrase 2026\n")
    assert changed.returncode == 0, changed.stderr
    assert "重新加密" in changed.stdout
    assert hashlib.sha256((initialized / "rongcuo.db").read_bytes()).hexdigest() != db_before
    assert list((initialized / "backups").glob("pre-rekey-*.rcbak"))
    assert rongcuo(initialized, "list", stdin=PASSPHRASE + "\n").returncode == 2
    assert rongcuo(initialized, "list", stdin="new passphrase 2026\n").returncode == 0


def test_the_passphrase_is_never_a_command_line_argument() -> None:
    """Arguments show in the process list and shell history: no option takes the passphrase itself."""
    parser = build_parser()
    for command in (["init"], ["demo"], ["list"], ["passphrase", "change"]):
        with pytest.raises(SystemExit):
            parser.parse_args([*command, "--passphrase", PASSPHRASE])


def test_missing_store(data_dir: Path) -> None:
    result = rongcuo(data_dir, "list", stdin=PASSPHRASE + "\n")
    assert result.returncode == 2 and "rongcuo init" in result.stderr
    assert not data_dir.exists() or not (data_dir / "rongcuo.db").exists()


def test_missing_key_file(initialized: Path, passphrase_file: Path) -> None:
    (initialized / "rongcuo-key.json").unlink()
    before = hashes(initialized)
    result = rongcuo(initialized, "list", "--passphrase-file", str(passphrase_file))
    assert result.returncode == 2 and "找不到密钥文件" in result.stderr
    again = rongcuo(initialized, "init", "--passphrase-file", str(passphrase_file))
    assert again.returncode == 2  # never a fresh database over the old one
    assert hashes(initialized) == before


def test_data_dir_under_a_regular_file_is_not_writable(tmp_path: Path, passphrase_file: Path) -> None:
    """Tests run as root (chmod does not stop root): a path below a regular file cannot be created."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = rongcuo(blocker / "data", "init", "--passphrase-file", str(passphrase_file))
    assert result.returncode == 2
    assert "数据目录无法写入" in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare (util-linux) not installed")
def test_read_only_data_dir_keeps_the_store_untouched(initialized: Path, passphrase_file: Path) -> None:
    """A store on a read-only medium (a read-only bind mount in a private mount namespace)."""
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot create a mount namespace here (needs root / CAP_SYS_ADMIN)")
    before = hashes(initialized)
    script = (
        f'mount --bind "{initialized}" "{initialized}" && mount -o remount,bind,ro "{initialized}" && '
        f'exec "{sys.executable}" -c "{MAIN}" --data-dir "{initialized}" "$@"'
    )
    init = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", "init", "--passphrase-file", str(passphrase_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert init.returncode == 2 and "不会覆盖" in init.stderr
    demo = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", "demo", "--passphrase-file", str(passphrase_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert demo.returncode != 0 and "Traceback" not in demo.stderr, demo.stderr
    assert demo.stderr.strip().startswith("错误")
    assert hashes(initialized) == before


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare (util-linux) not installed")
def test_export_to_a_read_only_folder_is_said_in_chinese(
    initialized: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    """Given cases and an export folder on a read-only medium (a read-only bind mount in a private mount
    namespace), when they are exported there, then the message says the folder is read-only in Chinese
    (not the system's "Read-only file system") and no file is left."""
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot create a mount namespace here (needs root / CAP_SYS_ADMIN)")
    assert rongcuo(initialized, "demo", "--passphrase-file", str(passphrase_file)).returncode == 0
    folder = tmp_path / "只读U盘"
    folder.mkdir()
    script = (
        f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && '
        f'exec "{sys.executable}" -c "{MAIN}" --data-dir "{initialized}" "$@"'
    )
    out = str(folder / "案件.json")
    command = ["export", "--all", "--out", out, "--passphrase-file", str(passphrase_file)]
    export = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", *command],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert export.returncode == 2, export.stderr
    assert "导出失败：磁盘或文件夹是只读的" in export.stderr, export.stderr
    assert "Read-only" not in export.stderr and "Traceback" not in export.stderr
    assert list(folder.iterdir()) == []


def test_passphrase_change_waits_for_the_running_app(initialized: Path) -> None:
    """Given the app has the store open (it rewrites the key file after every save), when the
    passphrase is changed from the command line, then it is refused, naming the holder, and the key
    file is unchanged; once the app is closed the change goes through."""
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.keys import KeyManager

    key = KeyManager(initialized).unlock_with_passphrase(PASSPHRASE)
    key_file = initialized / "rongcuo-key.json"
    store = Store.open(initialized, key)
    try:
        before = key_file.read_bytes()
        refused = rongcuo(initialized, "passphrase", "change", stdin=f"{PASSPHRASE}\nnew passphrase 2026\n")
        assert refused.returncode == 2 and "正被" in refused.stderr, refused.stderr
        assert key_file.read_bytes() == before
    finally:
        store.close()
    changed = rongcuo(initialized, "passphrase", "change", stdin=f"{PASSPHRASE}\nnew passphrase 2026\n")
    assert changed.returncode == 0, changed.stderr
    new_key = KeyManager(initialized).unlock_with_passphrase("new passphrase 2026")
    assert new_key != key  # a new database key: the old one opens only the backups made before


def test_list_into_a_reader_that_leaves_early_is_quiet(initialized: Path, passphrase_file: Path) -> None:
    """`rongcuo list | head -1`: the reader closes the pipe after one line; the list stops quietly
    with exit 0 (no 错误 line, no traceback), the way a command-line tool should."""
    pp = ("--passphrase-file", str(passphrase_file))
    assert rongcuo(initialized, "demo", "--count", "3000", *pp).returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["PYTHONIOENCODING"] = "utf-8"
    with subprocess.Popen(
        [sys.executable, "-c", MAIN, "--data-dir", str(initialized), "list", *pp],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # the reader leaves while far more than a pipe's buffer is still to come
        errors = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=120)
    assert first.strip()
    assert code == 0, errors
    assert "错误" not in errors and "Traceback" not in errors
