"""Tamper at rest: random bit flips in the database file are found at open or by the integrity
check, the newest good backup is offered, and the store is never re-initialised."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.store.attachments import attachments_of
from rongcuo_desktop.store.backup import (
    BACKUPS_DIR_NAME,
    StoreFiles,
    auto_backup,
    check_store,
    restore_backup,
)
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import StoreError
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "篡改测试口令 horse battery"
FLIPS = 24


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A closed store with 40 cases, two attachments and one automatic backup taken at close."""
    folder = tmp_path_factory.mktemp("template") / "data"
    key = KeyManager(folder, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(folder, key) as store:
        ids = [
            store.cases.add(
                Case(
                    doc_no=f"容错〔2025〕{n}号",
                    party_name=f"陈某{n}",
                    party_unit="某县",
                    party_position="干部",
                )
            )
            for n in range(1, 41)
        ]
        repo = attachments_of(store)
        repo.add_bytes(ids[0], "照片.jpg", random.Random(1).randbytes(300_000))
        repo.add_bytes(ids[1], "说明.txt", "情况说明".encode() * 2000)
    auto_backup(StoreFiles.in_dir(folder), key)
    return folder, key


def flip_bit(path: Path, rng: random.Random) -> int:
    data = bytearray(path.read_bytes())
    offset = rng.randrange(len(data))
    data[offset] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return offset


def detected(folder: Path, key: bytes) -> str:
    """'open' when Store.open refuses the file, 'check' when the integrity check finds it, else ''."""
    try:
        store = Store.open(folder, key)
    except StoreError:
        return "open"
    store.close()
    return "check" if check_store(StoreFiles.in_dir(folder), key).damaged else ""


def test_every_random_bit_flip_is_detected(tmp_path: Path, template: tuple[Path, bytes]) -> None:
    """Given 24 copies of a store, each with one random bit flipped anywhere in the file, when each
    is opened and checked, then every flip is found (at open or by the integrity check)."""
    source, key = template
    rng = random.Random(2026)
    where: dict[str, int] = {"open": 0, "check": 0}
    for n in range(FLIPS):
        folder = tmp_path / f"copy{n}"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns(BACKUPS_DIR_NAME))
        offset = flip_bit(StoreFiles.in_dir(folder).database, rng)
        found = detected(folder, key)
        assert found, f"a flipped bit at offset {offset} went unnoticed"
        where[found] += 1
    assert sum(where.values()) == FLIPS
    print(f"bit flips detected: {where}")


def test_damage_offers_the_newest_good_backup_and_never_reinitialises(
    data_dir: Path, template: tuple[Path, bytes]
) -> None:
    """Given a store with flipped bits and a good backup, when it is checked, the problems and the
    backup are reported; the damaged file is left exactly as it was (not re-created); restoring the
    offered backup with the key brings every case and attachment back and keeps the damaged file."""
    source, key = template
    shutil.copytree(source, data_dir)
    files = StoreFiles.in_dir(data_dir)
    rng = random.Random(7)
    size = files.database.stat().st_size
    data = bytearray(files.database.read_bytes())
    for _ in range(5):
        offset = rng.randrange(4096, size)  # past page 1: the store still opens, the check must find it
        data[offset] ^= 0x20
    files.database.write_bytes(bytes(data))
    damaged_hash = hashlib.sha256(files.database.read_bytes()).hexdigest()

    report = check_store(files, key)
    assert report.damaged and report.problems
    assert report.newest_good is not None and report.newest_good.kind == "auto"
    assert hashlib.sha256(files.database.read_bytes()).hexdigest() == damaged_hash, "checks only read"

    result = restore_backup(report.newest_good.path, None, files, current_key=key)
    assert result.kept_dir is not None
    kept = result.kept_dir / files.database.name
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged_hash
    assert not check_store(files, key).damaged
    with Store.open(data_dir, key) as store:
        assert store.cases.count() == 40
        case_id = store.cases.id_for_doc_no("容错〔2025〕2号")
        assert case_id is not None
        (info,) = attachments_of(store).list_for_case(case_id)
        assert attachments_of(store).read(info.id) == "情况说明".encode() * 2000
        assert store.audit_verify().ok


def test_restore_offer_dialog(qtbot: QtBot, template: tuple[Path, bytes]) -> None:
    """The dialog shown on damage names the backup and offers only 恢复 or 退出 (never 重新开始)."""
    from rongcuo_desktop.store.backup import list_backups
    from rongcuo_desktop.ui.data.restore import RestoreOfferDialog

    source, _key = template
    (newest,) = list_backups(source / BACKUPS_DIR_NAME)
    dialog = RestoreOfferDialog("cipher_integrity_check: HMAC check failed for pgno=3", newest)
    qtbot.addWidget(dialog)
    assert dialog.ui.restoreButton.isEnabled()
    labels = [b.text() for b in dialog.findChildren(type(dialog.ui.restoreButton))]
    assert "从该备份恢复" in labels and "退出程序" in labels
    assert not any("新建" in text or "重新" in text for text in labels)
    none = RestoreOfferDialog("file is not a database", None)
    qtbot.addWidget(none)
    assert not none.ui.restoreButton.isEnabled()


def test_startup_offers_and_performs_the_restore(
    qtbot: QtBot, data_dir: Path, template: tuple[Path, bytes]
) -> None:
    """Given a store whose first page is damaged (Store.open refuses it) and a good backup, when the
    start-up flow hands the error to RestoreAfterDamage and the user accepts, the backup is restored
    and the store opens; the damaged file is kept, nothing was re-created."""
    from rongcuo_desktop.ui.startup.recovery import RestoreAfterDamage, looks_damaged
    from rongcuo_desktop.ui.tasks import TaskRunner

    source, key = template
    shutil.copytree(source, data_dir)
    files = StoreFiles.in_dir(data_dir)
    data = bytearray(files.database.read_bytes())
    data[100] ^= 0xFF  # page 1, past the salt: the key check itself fails
    files.database.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, key)
    assert looks_damaged(caught.value)
    runner = TaskRunner()
    restored: list[object] = []
    declined: list[bool] = []
    try:
        flow = RestoreAfterDamage(
            None,
            runner,
            data_dir,
            key,
            on_restored=restored.append,
            on_declined=lambda: declined.append(True),
        )
        flow.start(caught.value)
        qtbot.waitUntil(lambda: flow.dialog is not None, timeout=5000)
        assert flow.dialog is not None and flow.dialog.ui.restoreButton.isEnabled()
        flow.dialog.ui.restoreButton.click()
        qtbot.waitUntil(lambda: bool(restored), timeout=10000)
    finally:
        runner.shutdown()
    assert not declined
    kept = restored[0].kept_dir  # type: ignore[attr-defined]
    assert (kept / files.database.name).read_bytes() == bytes(data)
    with Store.open(data_dir, key) as store:
        assert store.cases.count() == 40


def test_start_up_on_a_damaged_store_restores_the_newest_backup(
    qtbot: QtBot,
    data_dir: Path,
    template: tuple[Path, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given a damaged store with a good backup and the right passphrase, when the app starts, it
    offers the backup instead of failing; accepting restores it and the app opens on it."""
    from PySide6.QtCore import QSettings

    from rongcuo_desktop.ui.startup.flow import PASSPHRASE_FILE_ENV, Startup
    from rongcuo_desktop.ui.startup.opening import Opened
    from rongcuo_desktop.ui.tasks import TaskRunner

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no credential store, as here
    source, _key = template
    shutil.copytree(source, data_dir)
    files = StoreFiles.in_dir(data_dir)
    data = bytearray(files.database.read_bytes())
    data[200] ^= 0x40
    files.database.write_bytes(bytes(data))
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    monkeypatch.setenv(PASSPHRASE_FILE_ENV, str(secret))
    runner = TaskRunner()
    try:
        startup = Startup(data_dir, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        startup.start()
        qtbot.waitUntil(
            lambda: (
                getattr(startup, "restore_flow", None) is not None and startup.restore_flow.dialog is not None
            ),
            timeout=20000,
        )
        with qtbot.waitSignal(startup.opened, timeout=20000) as opened:
            startup.restore_flow.dialog.ui.restoreButton.click()
        result = opened.args[0]
        assert isinstance(result, Opened) and result.workspace.store.cases.count(by=result.person) == 40
        with result.workspace.store.read_session() as session:  # the restore is in the audit trail
            rows = session.connection().exec_driver_sql(
                "SELECT actor_name, summary FROM audit_events WHERE action = 'restore'"
            )
            ((who, summary),) = [(str(r[0]), str(r[1])) for r in rows]
        assert who == "（程序）" and "从备份恢复" in summary and "启动时发现数据库损坏" in summary
        closed: list[object] = []
        runner.run_db(result.workspace.close, receiver=runner, done=closed.append)
        qtbot.waitUntil(lambda: bool(closed), timeout=10000)
    finally:
        runner.shutdown()
    (kept,) = (data_dir / BACKUPS_DIR_NAME).glob("kept-before-restore-*")
    assert (kept / files.database.name).read_bytes() == bytes(data)
