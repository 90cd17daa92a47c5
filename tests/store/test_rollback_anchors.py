"""Rollback detection without a credential store, and restores that are not rollbacks (issue 11,
items 3 and 12).

Item 3: the anchor lived only in the key file beside the database (on a PC without a credential
store), so putting back an older copy of BOTH files went unseen: decisions vanished and `audit
verify` said 完好. A second copy of the anchor now lives in the per-user config folder.
Item 12: a restore made by the app (数据 → 从备份恢复…, rongcuo restore) was then reported as a
rollback and the store went read-only. The restore now records itself and moves every anchor to the
restored head in the same step; only an unexplained rollback is an anomaly.

Every test here runs with RONGCUO_CONFIG_DIR on a temp folder (tests/conftest.py): the real home
folder's config is never read or written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.store import backup as backup_module
from rongcuo_desktop.store.audit_anchors import ANCHORS_DIR_NAME, ConfigAnchor
from rongcuo_desktop.store.backup import StoreFiles, create_backup, restore_backup
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager

PASSPHRASE = "回滚检测测试口令 horse battery"
STORE_FILES = ("rongcuo.db", "rongcuo-key.json")


def add(store: Store, first: int, count: int) -> None:
    acting = store.key_holder()  # the key holder acts as the first 主任
    for n in range(first, first + count):
        store.cases.add(
            Case(
                doc_no=f"容错〔2026〕{n}号", party_name=f"谢某{n}", party_unit="某局", party_position="科员"
            ),
            by=acting,
        )


def copy_store(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in STORE_FILES:
        shutil.copy2(source / name, target / name)


@pytest.fixture
def store_dir(data_dir: Path) -> tuple[Path, bytes]:
    manager = KeyManager(data_dir, kdf_target_seconds=0.05)
    key = manager.create(PASSPHRASE)
    assert manager.credential_store_status().usable is False, "these tests are about a PC without one"
    with Store.create(data_dir, key) as store:
        store.accounts.add("王主任", Role.CHAIR, "135790")
        add(store, 1, 10)
    return data_dir, key


def problems_at_open(data_dir: Path, key: bytes) -> list[str]:
    with Store.open(data_dir, key) as store:
        return [p.kind.value for p in store.audit_problems]


def test_the_anchor_copy_lives_in_the_config_folder_named_by_store(
    store_dir: tuple[Path, bytes], config_dir: Path
) -> None:
    """The second copy is one file per store under the (temp) config folder, owner-only, and follows
    every commit: it names the store, the chain's length and head, and the key it was made under."""
    data_dir, key = store_dir
    store_id = KeyManager(data_dir).store_id
    path = config_dir / ANCHORS_DIR_NAME / f"{store_id}.json"
    assert path.is_file() and (path.stat().st_mode & 0o077) == 0
    before = json.loads(path.read_text(encoding="utf-8"))
    with Store.open(data_dir, key) as store:
        add(store, 100, 1)
        after_commit = ConfigAnchor(store_id).read()
        assert after_commit is not None and after_commit["length"] > before["anchor"]["length"]
    assert before["store_id"] == store_id and len(before["key_fingerprint"]) == 32


def test_putting_back_an_old_data_folder_is_reported_as_a_rollback(
    store_dir: tuple[Path, bytes], tmp_path: Path
) -> None:
    """Given a copy of the database AND its key file taken earlier, and work done since, when both
    are put back together on a PC without a credential store, then the open reports a rollback (the
    config folder's anchor is ahead of the chain) and the store is read-only until the 主任 confirms."""
    data_dir, key = store_dir
    copy_store(data_dir, tmp_path / "aside")
    with Store.open(data_dir, key) as store:
        add(store, 11, 5)
    copy_store(tmp_path / "aside", data_dir)
    with Store.open(data_dir, key) as store:
        kinds = [p.kind.value for p in store.audit_problems]
        assert "rollback" in kinds
        assert store.read_only_reason is not None
        messages = " ".join(p.message for p in store.audit_problems)
        assert "回滚" in messages
        acting = store.key_holder()
        report = store.audit_verify(by=acting)
        assert not report.ok, "audit verify must not say 完好 after a rollback"


def test_an_altered_config_anchor_is_reported(store_dir: tuple[Path, bytes], config_dir: Path) -> None:
    """Given the config folder's anchor edited by hand (a longer chain claimed without the key), the
    open reports the anchor as altered instead of trusting it or ignoring it."""
    data_dir, key = store_dir
    path = config_dir / ANCHORS_DIR_NAME / f"{KeyManager(data_dir).store_id}.json"
    body = json.loads(path.read_text(encoding="utf-8"))
    body["anchor"]["length"] += 50
    path.write_text(json.dumps(body), encoding="utf-8")
    assert "anchor" in problems_at_open(data_dir, key)


def test_what_is_not_detected_without_a_credential_store(
    store_dir: tuple[Path, bytes], tmp_path: Path
) -> None:
    """The honest limit (README, 回滚检测): someone who puts back the old data folder AND deletes the
    config folder's copy (every file this user can write) is not detected on a PC without a
    credential store. The open then simply carries on from the older chain."""
    data_dir, key = store_dir
    copy_store(data_dir, tmp_path / "aside")
    with Store.open(data_dir, key) as store:
        add(store, 11, 5)
    copy_store(tmp_path / "aside", data_dir)
    ConfigAnchor(KeyManager(data_dir).store_id).path.unlink()
    assert problems_at_open(data_dir, key) == []


def restore_events(data_dir: Path, key: bytes) -> list[tuple[str, str]]:
    with Store.open(data_dir, key) as store, store.read_session() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT actor_name, summary FROM audit_events WHERE action = 'restore' ORDER BY id"
        )
        return [(str(r[0]), str(r[1])) for r in rows]


def test_a_restore_made_by_the_app_is_not_a_rollback(store_dir: tuple[Path, bytes], tmp_path: Path) -> None:
    """Given a backup and work done since (the anchors moved on), when the app restores the backup,
    then the restored store opens without any problem and writable, its chain ends with the restore
    (by the person who restored), audit verify is sound, and every anchor sits on that head."""
    data_dir, key = store_dir
    files = StoreFiles.in_dir(data_dir)
    backup = create_backup(files, key, tmp_path / "usb")
    with Store.open(data_dir, key) as store:
        add(store, 11, 5)
    with Store.open(data_dir, key) as store:
        chair = store.accounts.list_all()[0]
    restore_backup(backup, PASSPHRASE, files, by=chair)
    with Store.open(data_dir, key) as store:
        assert store.audit_problems == [] and store.read_only_reason is None
        acting = store.key_holder()
        assert store.cases.count(by=acting) == 10
        assert store.audit_verify(by=acting).ok
        with store.read_session() as session:
            last = (
                session.connection()
                .exec_driver_sql(
                    "SELECT seq, hash, action, actor_name FROM audit_events ORDER BY id DESC LIMIT 1"
                )
                .one()
            )
    assert last[2] == "restore" and last[3] == "王主任"
    anchor = ConfigAnchor(KeyManager(data_dir).store_id).read()
    assert anchor is not None and anchor["length"] >= last[0]
    assert KeyManager(data_dir).read_restored_over() is None, "the note is dropped once all agree"
    assert [who for who, _ in restore_events(data_dir, key)] == ["王主任"], "recorded once"


def test_a_restore_cut_short_between_its_two_steps_is_finished_by_the_open(
    store_dir: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a restore that put the files in place but stopped before it moved the config folder's
    anchor (a crash between the two steps), when the store is opened, then no rollback is reported:
    the restored key file's note names that outside anchor as superseded, and the open moves it."""
    data_dir, key = store_dir
    files = StoreFiles.in_dir(data_dir)
    backup = create_backup(files, key, tmp_path / "usb")
    with Store.open(data_dir, key) as store:
        add(store, 11, 5)
    config = ConfigAnchor(KeyManager(data_dir).store_id)
    ahead = config.read()
    monkeypatch.setattr(backup_module, "_move_outside_anchors", lambda *_args: None)
    restore_backup(backup, PASSPHRASE, files)
    assert config.read() == ahead, "the crash left the outside anchor where it was"
    assert problems_at_open(data_dir, key) == []
    moved = config.read()
    assert moved is not None and ahead is not None and moved["length"] < ahead["length"]


def test_a_copy_of_the_folder_right_after_a_restore_cannot_hide_a_later_rollback(
    store_dir: tuple[Path, bytes], tmp_path: Path
) -> None:
    """Given a copy of the data folder taken right after a restore (its key file carries the restore's
    note), and work done since, when that copy is put back, then it is a rollback like any other: the
    note excuses only the outside anchors exactly as they were before the restore."""
    data_dir, key = store_dir
    files = StoreFiles.in_dir(data_dir)
    backup = create_backup(files, key, tmp_path / "usb")
    with Store.open(data_dir, key) as store:
        add(store, 11, 5)
    restore_backup(backup, PASSPHRASE, files)
    copy_store(data_dir, tmp_path / "right-after-restore")
    with Store.open(data_dir, key) as store:
        add(store, 50, 3)
    copy_store(tmp_path / "right-after-restore", data_dir)
    assert "rollback" in problems_at_open(data_dir, key)
