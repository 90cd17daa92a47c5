"""Key file limits and honest refusals (issue 11, items 9 and 10).

Item 9: KDF settings raised to the old maxima made every unlock take 153 s and 4.25 GB before
"wrong passphrase"; now a key file outside the documented limits is reported as damaged before any
derivation. The calibration has a floor whatever the load.
Item 10: a tampered key file was reported as "恢复口令不正确". AES-GCM cannot tell the two apart, so
the key file's wrapping is fingerprinted outside the data folder (beside the anchor copy): a file
that changed since this PC last used it is said to have changed; where there is no record the
message says plainly that the two cannot be told apart.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from rongcuo_desktop.store import keys as keys_module
from rongcuo_desktop.store.errors import KeyFileProblem, WrongPassphrase
from rongcuo_desktop.store.keys import KDF_MIN_TIME_COST, KeyFileChanged, KeyManager, calibrate_kdf
from rongcuo_desktop.store.layout import key_path
from tests.key_files import rewrite_key_file

PASSPHRASE = "密钥限制测试口令 horse battery"


def folder_hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def no_derivation(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records any key derivation (none may run for a refused file)."""
    ran: list[object] = []
    real = keys_module.KdfParams.derive

    def derive(self: keys_module.KdfParams, passphrase: str) -> bytes:
        ran.append(self)
        return real(self, passphrase)

    monkeypatch.setattr(keys_module.KdfParams, "derive", derive)
    return ran


@pytest.mark.parametrize(
    "changes",
    [
        {"kdf__time_cost": 64, "kdf__memory_kib": 4 * 1024 * 1024},  # the maxima
        {"kdf__time_cost": 33},
        {"kdf__memory_kib": 513 * 1024},
        {"kdf__time_cost": 32, "kdf__memory_kib": 256 * 1024},  # each in range, together too costly
        {"kdf__parallelism": 64},
    ],
)
def test_kdf_settings_outside_the_limits_are_damage_before_any_derivation(
    data_dir: Path, changes: dict[str, object], no_derivation: list[object]
) -> None:
    """Given a key file whose KDF settings were raised (checksum recomputed), when it is unlocked,
    then it is refused as damaged with the settings and the limits named, before any derivation, and
    nothing in the data folder changes."""
    KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE)
    rewrite_key_file(data_dir, **changes)
    before = folder_hashes(data_dir)
    no_derivation.clear()
    with pytest.raises(KeyFileProblem) as refused:
        KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
    assert no_derivation == [], "a key derivation ran for a file outside the limits"
    message = str(refused.value)
    assert "超出了本程序允许的范围" in message and "没有用它尝试口令" in message and "从备份" in message
    assert folder_hashes(data_dir) == before


def test_the_calibration_has_a_floor_whatever_the_load() -> None:
    """A busy PC makes the calibration's probes slow, which asked for fewer passes (t=1, about 0.1 s
    per guess); a target that small now still gives at least KDF_MIN_TIME_COST passes (RFC 9106)."""
    assert calibrate_kdf(target_seconds=0.0001).time_cost >= KDF_MIN_TIME_COST == 3


def test_a_tampered_key_file_is_not_called_a_wrong_passphrase(data_dir: Path) -> None:
    """Given a key file this PC has used, when its ciphertext is altered (checksum recomputed), then
    the refusal says the key file changed since this PC last used it, not just "wrong passphrase"; a
    wrong passphrase on the untouched file says the file is exactly as last used."""
    KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE)
    with pytest.raises(WrongPassphrase) as wrong:
        KeyManager(data_dir).unlock_with_passphrase("not the passphrase at all")
    assert not isinstance(wrong.value, KeyFileChanged)
    assert "完全相同" in str(wrong.value) and "没有被打开" in str(wrong.value)

    body = json.loads(key_path(data_dir).read_text(encoding="utf-8"))
    wrapped = bytearray(base64.b64decode(body["wrapped_key"]))
    wrapped[5] ^= 0x40
    rewrite_key_file(data_dir, wrapped_key=base64.b64encode(bytes(wrapped)).decode())
    with pytest.raises(KeyFileChanged) as changed:
        KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
    message = str(changed.value)
    assert "不同" in message and "被改动" in message and "从备份" in message and "没有被打开" in message


def test_without_a_record_the_message_says_it_cannot_tell(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a PC that never used this key file (a fresh config folder), a failed unlock says honestly
    that a wrong passphrase and an altered key file cannot be told apart."""
    KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE)
    monkeypatch.setenv("RONGCUO_CONFIG_DIR", str(tmp_path / "another-pc"))
    with pytest.raises(WrongPassphrase) as refused:
        KeyManager(data_dir).unlock_with_passphrase("not the passphrase at all")
    assert "无法区分" in str(refused.value)
    KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)  # now this PC knows the file
    with pytest.raises(WrongPassphrase) as again:
        KeyManager(data_dir).unlock_with_passphrase("not the passphrase at all")
    assert "完全相同" in str(again.value)


def _read_only_mount(source: Path, target: Path) -> bool:
    """A real read-only view of `source` (a bind mount remounted read-only), where this machine allows
    mounting (root on Linux); a chmod would not stop root."""
    import os
    import shutil
    import subprocess
    import sys

    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    target.mkdir(parents=True, exist_ok=True)
    bound = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True)
    if bound.returncode != 0:
        return False
    ro = subprocess.run(["mount", "-o", "remount,ro,bind", str(target)], capture_output=True)
    if ro.returncode != 0:
        subprocess.run(["umount", str(target)], check=False)
        return False
    return True


def test_a_read_only_folder_is_not_called_damaged(data_dir: Path, tmp_path: Path) -> None:
    """Given a sound store seen through a read-only mount (a write-protected USB stick), when it is
    backed up, checked and opened, then every message says the folder cannot be written or opened
    there -- never that the database is damaged -- and the files are byte for byte unchanged."""
    import subprocess

    from rongcuo_desktop.store.backup import StoreFiles, check_store, create_backup
    from rongcuo_desktop.store.database import Store
    from rongcuo_desktop.store.errors import StoreError

    key = KeyManager(data_dir, kdf_target_seconds=0.05).create(PASSPHRASE)
    with Store.create(data_dir, key) as store:
        store.add_demo_cases()
    before = folder_hashes(data_dir)
    view = tmp_path / "write-protected"
    if not _read_only_mount(data_dir, view):
        pytest.skip("no read-only mount on this machine")
    try:
        messages = []
        for attempt in (
            lambda: create_backup(StoreFiles.in_dir(view), key, tmp_path / "usb"),
            lambda: check_store(StoreFiles.in_dir(view), key),
            lambda: Store.open(view, key),
        ):
            with pytest.raises(StoreError) as refused:
                attempt()
            messages.append(str(refused.value))
        for message in messages:
            assert "损坏" not in message.replace("不是数据库损坏", ""), message
            assert "只读" in message or "无法写入" in message, message
    finally:
        subprocess.run(["umount", str(view)], check=False)
    assert folder_hashes(data_dir) == before
